// Byte-order-mark and declaration sniffing, UTF-8 checking and ICU transcoding of legacy encodings.
#include "text/text_decoding.hpp"

#include <unicode/ucnv.h>

#include <memory>
#include <vector>

namespace ilo {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = lower(c);
    return out;
}

// The encoding="..." of an XML declaration at the start of an ASCII-compatible text, if any.
std::string declared_encoding(std::string_view text) {
    if (text.substr(0, 5) != "<?xml") return {};
    std::size_t end = text.find("?>");
    if (end == std::string_view::npos) return {};
    std::string_view declaration = text.substr(0, end);
    std::size_t at = declaration.find("encoding");
    if (at == std::string_view::npos) return {};
    at += 8;
    while (at < declaration.size() && (declaration[at] == ' ' || declaration[at] == '\t' || declaration[at] == '\r' ||
                                       declaration[at] == '\n' || declaration[at] == '='))
        ++at;
    if (at >= declaration.size() || (declaration[at] != '"' && declaration[at] != '\'')) return {};
    char quote = declaration[at];
    std::size_t close = declaration.find(quote, at + 1);
    if (close == std::string_view::npos) return {};
    return std::string(declaration.substr(at + 1, close - at - 1));
}

// The position of byte `offset` counted in bytes of an ASCII-compatible text,
// used before the text is known to be UTF-8.
SourcePos byte_position(std::string_view text, std::size_t offset, const std::string& file) {
    return LineIndex(text).position(offset, file);
}

std::optional<std::string> transcode(std::string_view bytes, const char* encoding, const std::string& file,
                                     Diagnostics& diagnostics) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open(encoding, &status), &ucnv_close);
    if (U_FAILURE(status) || !converter) {
        diagnostics.error({file, 1, 1}, "encoding.unknown",
                          std::string("unknown encoding '") + encoding +
                              "' in the XML declaration; expected UTF-8, UTF-16 or a known legacy encoding");
        return std::nullopt;
    }
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    std::unique_ptr<UConverter, void (*)(UConverter*)> utf8(ucnv_open("UTF-8", &status), &ucnv_close);
    if (U_FAILURE(status)) {
        diagnostics.error({file, 0, 0}, "encoding.unknown", "cannot open the UTF-8 converter");
        return std::nullopt;
    }
    std::string out;
    out.resize(bytes.size() * 3 + 16);
    char* target = out.data();
    const char* source = bytes.data();
    std::vector<UChar> pivot(4096);
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    ucnv_convertEx(utf8.get(), converter.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                   pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), true, true, &status);
    if (U_FAILURE(status)) {
        // `source` stops just after the offending bytes; report where the converted text got to.
        std::size_t good = static_cast<std::size_t>(target - out.data());
        out.resize(good);
        SourcePos pos = LineIndex(out).position(good, file);
        diagnostics.error(pos, "encoding.invalid",
                          std::string("bytes that are not valid ") + encoding + " (" + u_errorName(status) +
                              "); expected text in the declared encoding");
        return std::nullopt;
    }
    out.resize(static_cast<std::size_t>(target - out.data()));
    return out;
}

}  // namespace

bool check_utf8(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        unsigned char c = bytes[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code_point = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            code_point = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            code_point = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            code_point = c & 0x07u;
        }
        bool ok = length != 0 && i + length <= size;
        for (std::size_t k = 1; ok && k < length; ++k) {
            ok = (bytes[i + k] & 0xC0) == 0x80;
            code_point = (code_point << 6) | (bytes[i + k] & 0x3Fu);
        }
        if (ok) {
            ok = !(length == 3 && (code_point < 0x800 || (code_point >= 0xD800 && code_point <= 0xDFFF))) &&
                 !(length == 4 && (code_point < 0x10000 || code_point > 0x10FFFF));
        }
        if (!ok) {
            diagnostics.error(byte_position(text, i, file), "encoding.invalid-utf8",
                              "invalid UTF-8 byte sequence; expected UTF-8 text, or an XML declaration naming the "
                              "file's encoding");
            return false;
        }
        i += length;
    }
    return true;
}

std::optional<DecodedText> decode_xml_bytes(std::string_view bytes, const std::string& file, Diagnostics& diagnostics) {
    auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
    DecodedText result;
    if (starts("\xEF\xBB\xBF")) {
        result.encoding = "UTF-8";
        bytes.remove_prefix(3);
        if (!check_utf8(bytes, file, diagnostics)) return std::nullopt;
        result.borrowed = bytes;
        return result;
    }
    const char* utf16 = nullptr;
    if (starts(std::string_view("\xFF\xFE", 2))) {
        utf16 = "UTF-16LE";
        bytes.remove_prefix(2);
    } else if (starts(std::string_view("\xFE\xFF", 2))) {
        utf16 = "UTF-16BE";
        bytes.remove_prefix(2);
    } else if (starts(std::string_view("<\0?\0", 4))) {
        utf16 = "UTF-16LE";
    } else if (starts(std::string_view("\0<\0?", 4))) {
        utf16 = "UTF-16BE";
    }
    if (utf16) {
        std::optional<std::string> text = transcode(bytes, utf16, file, diagnostics);
        if (!text) return std::nullopt;
        result.encoding = utf16;
        result.transcoded = std::move(*text);
        return result;
    }
    std::string declared = declared_encoding(bytes);
    std::string name = lowercase(declared);
    if (name.empty() || name == "utf-8" || name == "utf8") {
        if (!check_utf8(bytes, file, diagnostics)) return std::nullopt;
        result.encoding = "UTF-8";
        result.borrowed = bytes;
        return result;
    }
    if (name == "us-ascii" || name == "ascii") {
        // ASCII is a subset of UTF-8; a stray byte above 127 is reported as bad UTF-8.
        if (!check_utf8(bytes, file, diagnostics)) return std::nullopt;
        result.encoding = declared;
        result.borrowed = bytes;
        return result;
    }
    if (name == "utf-16" || name == "utf-16le" || name == "utf-16be") {
        // Declared UTF-16 but the bytes are ASCII-compatible: the declaration is wrong.
        if (!check_utf8(bytes, file, diagnostics)) return std::nullopt;
        diagnostics.warning({file, 1, 1}, "encoding.mismatch",
                            "the XML declaration says " + declared + " but the file is not UTF-16; read it as UTF-8");
        result.encoding = "UTF-8";
        result.borrowed = bytes;
        return result;
    }
    std::optional<std::string> text = transcode(bytes, declared.c_str(), file, diagnostics);
    if (!text) return std::nullopt;
    result.encoding = declared;
    result.transcoded = std::move(*text);
    return result;
}

}  // namespace ilo
