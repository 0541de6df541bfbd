// BCP 47 language tags: checking them and putting them in their canonical letter case.
#pragma once

#include <string>
#include <string_view>

namespace ilo {

struct LanguageTag {
    std::string tag;      // the normalised tag, or the input unchanged when it is not valid
    bool valid = false;   // well-formed BCP 47 (RFC 5646) syntax
    bool known = false;   // the primary language subtag is a known ISO 639 code (or private use)
};

// Normalises the letter case and separators of a language tag the way RFC 5646
// recommends ("EN" -> "en", "en_us" -> "en-US", "zh-hant-tw" -> "zh-Hant-TW")
// without replacing any subtag (a deprecated "iw" stays "iw"). Syntax is checked
// with ICU. Surrounding white space is ignored.
LanguageTag normalise_language_tag(std::string_view text);

}  // namespace ilo

namespace ilo::xml_values {

// The lexical space of xsd:language, which xml:lang takes (1 to 8 letters,
// then any number of "-" and 1 to 8 letters or digits), and a well-formed
// BCP 47 tag too, as the validator wants (so not the one-letter "e").
bool is_language_tag(std::string_view text);

}  // namespace ilo::xml_values
