// Unicode helpers for the lint rules, all answered by ICU: decoding, NFC, character properties, scripts, names.
#pragma once

#include <string>
#include <string_view>

namespace ilo::lint::text {

// UTF-8 to code points; an invalid byte sequence becomes U+FFFD.
std::u32string decode(std::string_view utf8);
std::string encode(std::u32string_view code_points);
std::string encode(char32_t code_point);

// Whether to_nfc gives `utf8` back unchanged (not when it holds bytes that are not UTF-8).
bool is_nfc(std::string_view utf8);
std::string to_nfc(std::string_view utf8);

bool is_white_space(char32_t c);  // the White_Space property: includes U+00A0, U+202F, tab, line breaks
// A character whose job is to stop a line break: U+00A0, U+202F, U+2007, U+2011
// (Line_Break=GL that is white space or a dash).
bool is_no_break(char32_t c);
bool is_format(char32_t c);   // general category Cf: zero-width spaces and joiners, bidi marks, soft hyphen, BOM
bool is_control(char32_t c);  // general category Cc
bool is_letter(char32_t c);   // Alphabetic
bool is_mark(char32_t c);     // general category M (combining marks)
bool is_digit(char32_t c);    // general category Nd
bool is_upper(char32_t c);    // Uppercase or titlecase letter
bool is_lower(char32_t c);
bool is_sentence_terminal(char32_t c);  // Sentence_Terminal: . ! ? and their equivalents in other scripts
bool is_closing_punctuation(char32_t c);  // Pe, Pf and the closing quotation marks

int script_of(char32_t c);                // a UScriptCode
bool is_script_neutral(int script_code);  // Common, Inherited, Unknown
std::string script_name(int script_code);  // "Latin", "Greek"...

// Lower-cases the first character with the rules of `language` (e.g. Turkish dotted I).
std::u32string lower_first(std::u32string_view text, std::string_view language);

// The English name of a language tag ("da" -> "Danish"), or the tag itself if ICU does not know it.
std::string language_name(std::string_view tag);

// The quotation marks CLDR gives for `language` (primary and alternate, opening
// and closing), as ICU's locale data has them; empty if ICU has no data for it.
std::u32string cldr_quotation_marks(std::string_view language);

// "'ţ' U+0163 LATIN SMALL LETTER T WITH CEDILLA"; invisible characters are not quoted.
std::string describe(char32_t c);

// The letter in `script_code` that ICU's confusable data (UTS #39 skeletons)
// says looks like `c`, preferring the same case; 0 if there is none.
char32_t confusable_in_script(char32_t c, int script_code);

}  // namespace ilo::lint::text
