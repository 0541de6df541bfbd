// UTF-8 decoding, white-space classes, trimming, sanitizing and case folding (ICU for the character properties).
#include "text/unicode_text.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace ilo::text {

CodePoint decode(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return {0, 0, false};
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data() + offset);
    std::size_t remaining = text.size() - offset;
    // ICU's macro works on int32_t lengths; a code point never needs more than 4 bytes.
    auto length = static_cast<std::int32_t>(remaining < 4 ? remaining : 4);
    std::int32_t index = 0;
    UChar32 value = 0;
    U8_NEXT(bytes, index, length, value);
    if (value < 0) return {U'\uFFFD', static_cast<std::size_t>(index > 0 ? index : 1), false};
    return {static_cast<char32_t>(value), static_cast<std::size_t>(index), true};
}

void append_utf8(std::string& out, char32_t value) {
    if (value < 0x80) {
        out += static_cast<char>(value);
    } else if (value < 0x800) {
        out += static_cast<char>(0xC0 | (value >> 6));
        out += static_cast<char>(0x80 | (value & 0x3F));
    } else if (value < 0x10000) {
        out += static_cast<char>(0xE0 | (value >> 12));
        out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (value & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (value >> 18));
        out += static_cast<char>(0x80 | ((value >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (value & 0x3F));
    }
}

bool is_space(char32_t value) {
    switch (value) {
        case U' ':
        case U'\t':
        case U'\v':
        case U'\f':
        case U'\u00A0':
        case U'\u1680':
        case U'\u200B':
        case U'\u202F':
        case U'\u205F':
        case U'\u3000':
        case U'\uFEFF':
            return true;
        default:
            return value >= U'\u2000' && value <= U'\u200A';
    }
}

bool is_upper(char32_t value) { return u_isUUppercase(static_cast<UChar32>(value)) != 0; }
bool is_lower(char32_t value) { return u_isULowercase(static_cast<UChar32>(value)) != 0; }
bool is_letter(char32_t value) { return u_isUAlphabetic(static_cast<UChar32>(value)) != 0; }

std::string_view trim(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size()) {
        CodePoint point = decode(text, start);
        if (!point.valid || !is_space(point.value)) break;
        start += point.length;
    }
    std::size_t end = text.size();
    while (end > start) {
        // Step back to the start of the last code point.
        std::size_t back = end - 1;
        while (back > start && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
        CodePoint point = decode(text, back);
        if (!point.valid || back + point.length != end || !is_space(point.value)) break;
        end = back;
    }
    return text.substr(start, end - start);
}

namespace {
// Control characters XML 1.0 cannot hold, plus the non-characters U+FFFE and U+FFFF.
bool is_forbidden_control(char32_t value) {
    return (value < 0x20 && value != U'\t' && value != U'\n' && value != U'\r') || value == 0xFFFE || value == 0xFFFF ||
           (value >= 0x7F && value <= 0x9F);
}
}  // namespace

bool is_clean(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        CodePoint point = decode(text, i);
        if (!point.valid || is_forbidden_control(point.value)) return false;
        i += point.length;
    }
    return true;
}

std::string sanitize(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        CodePoint point = decode(text, i);
        if (!point.valid || is_forbidden_control(point.value))
            append_utf8(out, U'\uFFFD');
        else if (point.value == U'\t')
            out += ' ';
        else
            out.append(text.substr(i, point.length));
        i += point.length;
    }
    return out;
}

std::string fold_space(std::string_view text) {
    std::string clean = sanitize(text);
    std::string out;
    out.reserve(clean.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < clean.size();) {
        CodePoint point = decode(clean, i);
        if (is_space(point.value) || point.value == U'\n' || point.value == U'\r') {
            pending_space = true;
        } else {
            if (pending_space && !out.empty()) out += ' ';
            pending_space = false;
            out.append(clean, i, point.length);
        }
        i += point.length;
    }
    return out;
}

std::string fold_case(std::string_view text) {
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())))
        .foldCase()
        .toUTF8String(out);
    return out;
}

}  // namespace ilo::text
