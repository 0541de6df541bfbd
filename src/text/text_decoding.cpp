// Byte-order-mark and declaration sniffing, UTF-8 checking and ICU transcoding of legacy encodings.
#include "text/text_decoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <bit>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/unicode_text.hpp"

namespace ilo {

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = lower(c);
    return out;
}

}  // namespace

std::string declared_xml_encoding(std::string_view text) {
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

namespace {

// The position of byte `offset` counted in bytes of an ASCII-compatible text,
// used before the text is known to be UTF-8.
SourcePos byte_position(std::string_view text, std::size_t offset, const std::string& file) {
    return LineIndex(text).position(offset, file);
}

// Converts `bytes` from `converter`'s encoding to UTF-8 into `out`. On bytes not
// valid in the encoding returns the ICU error and sets `bad_offset` to where they start.
UErrorCode convert_to_utf8(std::string_view bytes, UConverter* converter, UConverter* utf8, std::string& out,
                           std::size_t& bad_offset) {
    UErrorCode status = U_ZERO_ERROR;
    out.resize(bytes.size() * 3 + 16);
    char* target = out.data();
    const char* source = bytes.data();
    std::vector<UChar> pivot(4096);
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    ucnv_convertEx(utf8, converter, &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                   pivot.data(), &pivot_source, &pivot_target, pivot.data() + pivot.size(), true, true, &status);
    out.resize(static_cast<std::size_t>(target - out.data()));
    if (U_FAILURE(status)) {
        // `source` stops just after the offending bytes, which the converter still holds.
        char invalid[32];
        std::int8_t invalid_length = sizeof invalid;
        UErrorCode ignored = U_ZERO_ERROR;
        ucnv_getInvalidChars(converter, invalid, &invalid_length, &ignored);
        std::size_t consumed = static_cast<std::size_t>(source - bytes.data());
        std::size_t length = U_SUCCESS(ignored) && invalid_length > 0 ? static_cast<std::size_t>(invalid_length) : 0;
        bad_offset = consumed >= length ? consumed - length : 0;
    }
    return status;
}

std::string invalid_bytes_message(std::string_view encoding, std::string_view error_name) {
    return "bytes that are not valid " + std::string(encoding) + " (" + std::string(error_name) +
           "); expected text in the declared encoding";
}

// Whether ICU takes `encoding` for UTF-8 under another name ("UTF8-", "unicode-1-1-utf-8"): such a declaration
// is right about UTF-8 text.
bool is_icu_utf8(const std::string& encoding) {
    UErrorCode status = U_ZERO_ERROR;
    const char* canonical = ucnv_getAlias(encoding.c_str(), 0, &status);
    return U_SUCCESS(status) && canonical && std::strcmp(canonical, "UTF-8") == 0;
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
    std::size_t bad_offset = 0;
    status = convert_to_utf8(bytes, converter.get(), utf8.get(), out, bad_offset);
    if (U_FAILURE(status)) {
        // The position is that of the bad bytes in the decoded text: convert what precedes them again.
        std::string before;
        std::size_t ignored = 0;
        ucnv_reset(converter.get());
        ucnv_reset(utf8.get());
        SourcePos pos{file, 1, 1};
        if (U_SUCCESS(convert_to_utf8(bytes.substr(0, bad_offset), converter.get(), utf8.get(), before, ignored)))
            pos = LineIndex(before).position(before.size(), file);
        diagnostics.error(pos, "encoding.invalid", invalid_bytes_message(encoding, u_errorName(status)));
        return std::nullopt;
    }
    return out;
}

// Warns about a byte-order mark after the start of the decoded text: it is
// usually left by joining files, and stays in the text as an invisible character.
void warn_about_inner_byte_order_marks(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    constexpr std::string_view mark = "\xEF\xBB\xBF";
    std::size_t first = text.find(mark);
    if (first == std::string::npos) return;
    std::size_t count = 0;
    for (std::size_t at = first; at != std::string::npos; at = text.find(mark, at + mark.size())) ++count;
    diagnostics.warning(LineIndex(text).position(first, file), "encoding.inner-bom",
                        "a byte-order mark (U+FEFF) in the middle of the file" +
                            (count > 1 ? " (" + std::to_string(count) + " in all)" : std::string()) +
                            ", usually left by joining files; it is kept as an invisible zero-width no-break space");
}

}  // namespace

std::optional<std::string> binary_file_kind(std::string_view bytes) {
    struct Signature {
        std::string_view magic;
        std::string_view kind;
    };
    static constexpr std::array<Signature, 8> signatures{{
        {"PK\x03\x04", "a ZIP archive (an XLSX, ODS or DOCX file?)"},
        {"\x1F\x8B", "gzip-compressed data"},
        {"BZh", "bzip2-compressed data"},
        {"%PDF-", "a PDF document"},
        {"\x89PNG", "a PNG image"},
        {"\xFF\xD8\xFF", "a JPEG image"},
        {"\xD0\xCF\x11\xE0", "an old Microsoft Office file (XLS or DOC)"},
        {"\x7F" "ELF", "an executable program"},
    }};
    for (const Signature& signature : signatures)
        if (bytes.starts_with(signature.magic) && (signature.magic != "BZh" || bytes.find('\0') != std::string_view::npos))
            return std::string(signature.kind);
    if (bytes.find('\0') != std::string_view::npos) return std::string("a binary file");
    return std::nullopt;
}

bool check_not_binary(std::string_view bytes, const std::string& file, std::string_view expected,
                      Diagnostics& diagnostics) {
    std::optional<std::string> kind = binary_file_kind(bytes);
    if (!kind) return true;
    if (*kind == "a binary file")
        diagnostics.error(byte_position(bytes, bytes.find('\0'), file), "input.binary",
                          "a NUL byte: this is a binary file, not " + std::string(expected));
    else
        diagnostics.error({file, 1, 1}, "input.binary", "this is " + *kind + ", not " + std::string(expected));
    return false;
}

std::size_t find_invalid_utf8(std::string_view text, bool complete, std::size_t& checked) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        // Most of a term base is ASCII: skip it eight bytes at a time.
        while (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            if (word & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= size) break;
        unsigned char c = bytes[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        // Two- and three-byte characters, checked without the general loop below: Greek or Cyrillic text is one
        // after another. E0 and ED restrict their second byte (overlong forms, surrogates), so they take that loop.
        if (c >= 0xC2 && c <= 0xDF && i + 1 < size && (bytes[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < size && (bytes[i + 1] & 0xC0) == 0x80 &&
            (bytes[i + 2] & 0xC0) == 0x80) {
            i += 3;
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
        if (length != 0 && i + length > size && !complete) {
            // Cut by the end of this piece: decided when the rest arrives, unless a byte already shows it is bad.
            bool so_far = true;
            for (std::size_t k = i + 1; so_far && k < size; ++k) so_far = (bytes[k] & 0xC0) == 0x80;
            if (so_far) {
                checked = i;
                return std::string_view::npos;
            }
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
            checked = i;
            return i;
        }
        i += length;
    }
    checked = size;
    return std::string_view::npos;
}

std::string invalid_utf8_message(std::string_view expected) {
    return "invalid UTF-8 byte sequence; expected " + std::string(expected);
}

std::size_t find_non_xml_char(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t highs = 0x8080808080808080ull;
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen bytes at a time, letting tab, LF and CR through: the eight-byte loop below stops at every line end.
    const __m128i bias = _mm_set1_epi8(static_cast<char>(0x80));
    const __m128i space_biased = _mm_set1_epi8(static_cast<char>(0x20 ^ 0x80));
    const __m128i tab = _mm_set1_epi8('\t'), line_feed = _mm_set1_epi8('\n'), carriage_return = _mm_set1_epi8('\r');
    const __m128i lead_ef = _mm_set1_epi8(static_cast<char>(0xEF));
    while (i + 16 <= size) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
        const __m128i control = _mm_cmplt_epi8(_mm_xor_si128(block, bias), space_biased);  // unsigned < 0x20
        const __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, tab), _mm_cmpeq_epi8(block, line_feed)),
                                             _mm_cmpeq_epi8(block, carriage_return));
        const __m128i suspect = _mm_or_si128(_mm_andnot_si128(allowed, control), _mm_cmpeq_epi8(block, lead_ef));
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(suspect));
        if (mask == 0) {
            i += 16;
            continue;
        }
        i += static_cast<std::size_t>(std::countr_zero(mask));
        if (bytes[i] < 0x20) return i;
        if (i + 2 < size && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF)) return i;
        ++i;  // an 0xEF of another character
    }
#endif
    while (i < size) {
        // Skip eight bytes at a time while none is below 0x20 or is 0xEF (the lead byte of U+FFFE and U+FFFF).
        while (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            std::uint64_t below_space = (word - ones * 0x20) & ~word & highs;
            std::uint64_t ef = word ^ (ones * 0xEF);
            std::uint64_t has_ef = (ef - ones) & ~ef & highs;
            if (below_space | has_ef) break;
            i += 8;
        }
        std::size_t stop = std::min(size, i + 8);
        for (; i < stop; ++i) {
            unsigned char c = bytes[i];
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
            if (c == 0xEF && i + 2 < size && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF))
                return i;
        }
    }
    return std::string_view::npos;
}

std::string non_xml_char_message(std::string_view text, std::size_t at) {
    unsigned code_point = static_cast<unsigned char>(text[at]);
    if (code_point == 0xEF) code_point = static_cast<unsigned char>(text[at + 2]) == 0xBE ? 0xFFFEu : 0xFFFFu;
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", code_point);
    return std::string("not well-formed XML: the character ") + name +
           " is not allowed anywhere in an XML document; expected text without control characters other than tab, "
           "line feed and carriage return, and without U+FFFE or U+FFFF";
}

bool check_utf8(std::string_view text, const std::string& file, Diagnostics& diagnostics, std::string_view expected) {
    std::size_t checked = 0;
    std::size_t bad = find_invalid_utf8(text, true, checked);
    if (bad == std::string_view::npos) return true;
    diagnostics.error(byte_position(text, bad, file), "encoding.invalid-utf8", invalid_utf8_message(expected));
    return false;
}

XmlBytePlan plan_xml_bytes(std::string_view first) {
    auto starts = [&](std::string_view prefix) { return first.substr(0, prefix.size()) == prefix; };
    XmlBytePlan plan;
    if (starts("\xEF\xBB\xBF")) {
        plan.utf8 = true;
        plan.skip = 3;
        plan.encoding = "UTF-8";
        return plan;
    }
    if (starts(std::string_view("\xFF\xFE", 2)) || starts(std::string_view("\xFE\xFF", 2)) ||
        starts(std::string_view("<\0?\0", 4)) || starts(std::string_view("\0<\0?", 4)))
        return plan;  // UTF-16: transcoded whole
    std::string declared = declared_xml_encoding(first);
    std::string name = lowercase(declared);
    if (name.empty() || name == "utf-8" || name == "utf8") {
        plan.utf8 = true;
        plan.check_binary = true;
        plan.encoding = "UTF-8";
    } else if (name == "us-ascii" || name == "ascii") {
        plan.utf8 = true;
        plan.check_binary = true;
        plan.encoding = declared;
    } else if (name == "utf-16" || name == "utf-16le" || name == "utf-16be") {
        plan.utf8 = true;
        plan.check_binary = true;
        plan.encoding = "UTF-8";
        plan.mismatch_warning =
            "the XML declaration says " + declared + " but the file is not UTF-16; read it as UTF-8";
    }
    return plan;
}

bool is_transcoded_encoding(std::string_view declared) {
    const std::string name = lowercase(declared);
    return !(name.empty() || name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii" ||
             name == "utf-16" || name == "utf-16le" || name == "utf-16be");
}

struct PieceTranscoder::Converter {
    std::unique_ptr<UConverter, void (*)(UConverter*)> icu{nullptr, &ucnv_close};
    std::u16string units;  // ICU's UTF-16 output, before it becomes UTF-8
};

std::optional<PieceTranscoder> PieceTranscoder::open(const std::string& encoding) {
    UErrorCode status = U_ZERO_ERROR;
    auto converter = std::make_unique<Converter>();
    converter->icu.reset(ucnv_open(encoding.c_str(), &status));
    if (U_FAILURE(status) || !converter->icu) return std::nullopt;
    ucnv_setToUCallBack(converter->icu.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) return std::nullopt;
    return PieceTranscoder(std::move(converter), encoding);
}

std::optional<PieceTranscoder> PieceTranscoder::for_xml_prolog(std::string_view prolog) {
    if (!prolog.starts_with("<?xml")) return std::nullopt;  // a byte-order mark or UTF-16: not decoded here
    const std::string declared = declared_xml_encoding(prolog);
    if (!is_transcoded_encoding(declared)) return std::nullopt;
    return open(declared);
}

PieceTranscoder::PieceTranscoder(std::unique_ptr<Converter> converter, std::string encoding)
    : converter_(std::move(converter)), encoding_(std::move(encoding)) {}
PieceTranscoder::PieceTranscoder(PieceTranscoder&&) noexcept = default;
PieceTranscoder& PieceTranscoder::operator=(PieceTranscoder&&) noexcept = default;
PieceTranscoder::~PieceTranscoder() = default;

bool PieceTranscoder::decode(std::string_view bytes, bool last, std::string& out) {
    std::u16string& units = converter_->units;
    const char* source = bytes.data();
    const char* const source_end = bytes.data() + bytes.size();
    UErrorCode status = U_ZERO_ERROR;
    do {
        // ICU keeps a character cut by the end of `bytes` inside the converter until `last`.
        const std::size_t held = units.size();
        units.resize(held + static_cast<std::size_t>(source_end - source) * 2 + 16);
        UChar* target = units.data() + held;
        status = U_ZERO_ERROR;
        ucnv_toUnicode(converter_->icu.get(), &target, units.data() + units.size(), &source, source_end, nullptr, last,
                       &status);
        units.resize(static_cast<std::size_t>(target - units.data()));
    } while (status == U_BUFFER_OVERFLOW_ERROR);
    // A lead surrogate at the end waits for its trail, which the next piece's first bytes give.
    std::size_t ready = units.size();
    if (!last && U_SUCCESS(status) && ready > 0 && U16_IS_LEAD(units[ready - 1])) --ready;
    const std::size_t before = out.size();
    for (std::size_t i = 0; i < ready; ++i) {
        char32_t code_point = units[i];
        if (U16_IS_LEAD(units[i]) && i + 1 < ready && U16_IS_TRAIL(units[i + 1]))
            code_point = static_cast<char32_t>(U16_GET_SUPPLEMENTARY(units[i], units[i + 1])), ++i;
        else if (U16_IS_SURROGATE(units[i]))
            code_point = 0xFFFD;  // ICU does not make lone surrogates; this keeps the output UTF-8 if one did
        text::append_utf8(out, code_point);
    }
    units.erase(0, ready);
    advance_position(std::string_view(out).substr(before));
    if (U_FAILURE(status)) {
        error_name_ = u_errorName(status);
        return false;
    }
    return true;
}

std::string PieceTranscoder::error_message() const {
    return invalid_bytes_message(encoding_, error_name_);
}

void PieceTranscoder::advance_position(std::string_view utf8) {
    for (char c : utf8) {
        if (c == '\n') {
            if (!after_carriage_return_) ++line_, column_ = 1;
            after_carriage_return_ = false;
            continue;
        }
        after_carriage_return_ = c == '\r';
        if (c == '\r')
            ++line_, column_ = 1;
        else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++column_;
    }
}

namespace {

std::optional<DecodedText> decode_bytes(std::string_view bytes, const std::string& file, Diagnostics& diagnostics,
                                        std::string_view expected) {
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
    if (!check_not_binary(bytes, file, expected, diagnostics)) return std::nullopt;
    std::string declared = declared_xml_encoding(bytes);
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
        diagnostics.warning({file, 1, 1}, "encoding.mismatch", plan_xml_bytes(bytes).mismatch_warning);
        result.encoding = "UTF-8";
        result.borrowed = bytes;
        return result;
    }
    std::optional<std::string> text = transcode(bytes, declared.c_str(), file, diagnostics);
    if (!text) return std::nullopt;
    // Bytes above 127 that happen to be valid UTF-8 mean the declaration is most
    // likely wrong (a UTF-8 file declared ISO-8859-1 reads "Ã©" for "é"). The
    // declaration is still what XML says to follow, so this is a warning.
    auto first_non_ascii = std::find_if(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    Diagnostics utf8_check;
    if (first_non_ascii != bytes.end() && !is_icu_utf8(declared) && check_utf8(bytes, file, utf8_check))
        diagnostics.warning(byte_position(bytes, static_cast<std::size_t>(first_non_ascii - bytes.begin()), file),
                            "encoding.mismatch",
                            "the XML declaration says " + declared +
                                ", but the text is valid UTF-8 from here on; read as " + declared +
                                " as declared, which garbles UTF-8 text: expected encoding=\"UTF-8\" if the file "
                                "was saved as UTF-8");
    result.encoding = declared;
    result.transcoded = std::move(*text);
    return result;
}

}  // namespace

std::optional<DecodedText> decode_xml_bytes(std::string_view bytes, const std::string& file, Diagnostics& diagnostics,
                                            std::string_view expected) {
    std::optional<DecodedText> decoded = decode_bytes(bytes, file, diagnostics, expected);
    if (!decoded) return decoded;
    std::string_view text = decoded->text();
    if (std::size_t at = find_non_xml_char(text); at != std::string_view::npos) {
        // pugixml takes such a character as it is, so it is refused here, where the whole text is known.
        diagnostics.error(byte_position(text, at, file), "xml.not-well-formed", non_xml_char_message(text, at));
        return std::nullopt;
    }
    warn_about_inner_byte_order_marks(text, file, diagnostics);
    return decoded;
}

}  // namespace ilo
