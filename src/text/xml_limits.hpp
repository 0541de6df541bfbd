// The limits every XML parse path (the TBX reader, the libxml2 validators) holds hostile input to.
#pragma once

#include <cstdint>
#include <optional>

#include <cstddef>
#include <string>
#include <string_view>

namespace ilo::xml_limits {

// Elements nested deeper than this are refused. TBX needs about a dozen levels;
// libxml2 refuses more than 256 by default too, so every path agrees.
inline constexpr std::size_t max_element_depth = 256;

// Attribute values longer than this (in bytes) are refused. TBX attributes are
// ids, types, language tags and link targets; 1 MiB is far beyond any of them.
inline constexpr std::size_t max_attribute_bytes = 1024 * 1024;

// Entities: only the five predefined ones (&lt; &gt; &amp; &apos; &quot;) and
// character references are read. Entities declared in a DOCTYPE are never
// expanded, internal or external, so a reference to one is an error; this is
// what refuses XXE, billion laughs and quadratic blowup at their first use.
inline bool is_predefined_entity(std::string_view name) {
    return name == "lt" || name == "gt" || name == "amp" || name == "apos" || name == "quot";
}

// Whether the body of "&#...;" (after the '#': decimal digits, or 'x' and hex digits) names a character XML allows.
// pugixml decodes any number without a check (one past U+10FFFF gives bytes that are not UTF-8), so its readers
// look first.
inline bool is_character_reference(std::string_view digits) {
    const bool hex = !digits.empty() && digits.front() == 'x';
    if (hex) digits.remove_prefix(1);
    if (digits.empty() || digits.size() > 8) return false;
    std::uint32_t value = 0;
    for (char c : digits) {
        std::uint32_t digit = 0;
        if (c >= '0' && c <= '9')
            digit = static_cast<std::uint32_t>(c - '0');
        else if (hex && c >= 'a' && c <= 'f')
            digit = static_cast<std::uint32_t>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F')
            digit = static_cast<std::uint32_t>(c - 'A' + 10);
        else
            return false;
        value = value * (hex ? 16u : 10u) + digit;
    }
    return value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF) ||
           (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF);
}

// Why "&#" followed by `body` is refused: `ended` says whether a ';' closed the reference within the bytes looked at
// (otherwise `body` is only its first few bytes, and no ';' is quoted that the file does not hold).
inline std::string bad_character_reference_message(std::string_view body, bool ended) {
    if (ended)
        return "'&#" + std::string(body) +
               ";' is not a character reference to an XML character; expected &#NNN; or &#xHHH; naming a character "
               "allowed in XML";
    return "'&#" + std::string(body) +
           "' starts a character reference that no ';' ends; expected &#NNN; or &#xHHH; naming a character allowed "
           "in XML";
}

// The longest reference body looked at for its ';': no character reference to an XML character is longer.
inline constexpr std::size_t max_reference_length = 64;

struct BadCharacterReference {
    std::size_t at;  // of the '&'
    std::string message;
};

// The first "&#" in text that does not make a character reference to an XML character. Other '&'s are left to
// the caller: pugixml reports them itself, where it does not decode a number unchecked.
inline std::optional<BadCharacterReference> first_bad_character_reference(std::string_view text) {
    for (std::size_t at = text.find("&#"); at != std::string_view::npos; at = text.find("&#", at + 2)) {
        const std::size_t semicolon = text.find(';', at + 2);
        const bool ended = semicolon != std::string_view::npos && semicolon - at <= max_reference_length;
        std::string_view body = text.substr(at + 2, ended ? semicolon - at - 2 : 8);
        if (!ended) {  // quoted up to where it stops looking like a number, so no markup after it is shown
            std::size_t length = 0;
            while (length < body.size() && ((body[length] >= '0' && body[length] <= '9') ||
                                            ((body[length] | 0x20) >= 'a' && (body[length] | 0x20) <= 'z')))
                ++length;
            body = body.substr(0, length);
        }
        if (ended && is_character_reference(body)) continue;
        return BadCharacterReference{at, bad_character_reference_message(body, ended)};
    }
    return std::nullopt;
}

inline std::string entity_refused_message(std::string_view name) {
    return "the entity reference &" + std::string(name) +
           "; is not expanded: ilo-tbx never reads entities declared in a DTD (internal or external); expected "
           "only &lt; &gt; &amp; &apos; &quot; or a character reference such as &#233;";
}

inline std::string parameter_entity_refused_message(std::string_view name) {
    return "the parameter entity reference %" + std::string(name) +
           "; is not expanded: ilo-tbx never reads DTDs or the entities they declare, internal or external";
}

inline std::string too_deep_message() {
    return "elements nested more than " + std::to_string(max_element_depth) +
           " deep; ilo-tbx refuses deeper nesting (TBX needs about a dozen levels)";
}

inline std::string attribute_too_long_message(std::string_view attribute, std::size_t bytes) {
    return "the value of the attribute '" + std::string(attribute) + "' is " + std::to_string(bytes) +
           " bytes long; ilo-tbx refuses attribute values over " + std::to_string(max_attribute_bytes) + " bytes";
}

}  // namespace ilo::xml_limits
