// The lint rules: coverage, Unicode, white space, consistency and scrape artefacts, each a small function over the model.
#include "lint/rules.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "lint/unicode_text.hpp"

namespace ilo::lint::detail {

namespace {

constexpr std::string_view preferred_status = "preferredTerm-admn-sts";

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

Finding make_finding(std::string_view rule, const Concept& concept_value, std::string_view language, const Term* term,
                     SourcePos pos, std::optional<FieldRef> field, std::string message, std::string suggestion,
                     bool fixable) {
    const RuleInfo* info = find_rule(rule);
    Finding finding;
    finding.rule = std::string(rule);
    finding.severity = info ? info->severity : Severity::warning;
    finding.concept_id = concept_value.id;
    finding.language = std::string(language);
    finding.term = term ? term->text : std::string();
    finding.message = std::move(message);
    finding.suggestion = std::move(suggestion);
    finding.fixable = fixable;
    finding.pos = std::move(pos);
    finding.field = std::move(field);
    return finding;
}

void add_text_finding(const TextField& field, std::string_view rule, std::string message, std::string suggestion,
                      bool fixable, Found& found) {
    found.push_back({field.ref.concept_index, field.ref.language_index ? *field.ref.language_index + 1 : 0,
                     field.ref.term_index ? *field.ref.term_index + 1 : 0,
                     make_finding(rule, *field.concept_value, field.language, field.term, field.pos, field.ref,
                                  std::move(message), std::move(suggestion), fixable)});
}

void add_term_finding(const Concept& concept_value, std::size_t concept_index, std::size_t language_index,
                      std::size_t term_index, std::string_view rule, std::string message, std::string suggestion,
                      Found& found) {
    const LanguageSection& section = concept_value.languages[language_index];
    const Term& term = section.terms[term_index];
    const FieldRef ref{concept_index, language_index, term_index, FieldKind::term, 0};
    found.push_back({concept_index, language_index + 1, term_index + 1,
                     make_finding(rule, concept_value, section.language, &term,
                                  term.pos.known() ? term.pos : section.pos.known() ? section.pos : concept_value.pos,
                                  ref, std::move(message), std::move(suggestion), false)});
}

std::string join_descriptions(const std::vector<char32_t>& characters) {
    std::string result;
    for (std::size_t i = 0; i < characters.size(); ++i) {
        if (i > 0) result += ", ";
        result += text::describe(characters[i]);
    }
    return result;
}

void add_unique(std::vector<char32_t>& characters, char32_t c) {
    if (std::find(characters.begin(), characters.end(), c) == characters.end()) characters.push_back(c);
}

bool is_word_character(char32_t c) { return text::is_letter(c) || text::is_mark(c) || text::is_digit(c); }

// Scripts that are written mixed inside one word by design (Japanese kana with kanji, Korean with hanja).
bool is_east_asian_mix(const std::map<int, int>& scripts) {
    static const std::set<std::string> mixable{"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"};
    for (const auto& [script, count] : scripts)
        if (!mixable.count(text::script_name(script))) return false;
    return true;
}

void check_romanian_cedilla(const TextField& field, const std::string& nfc, Found& found) {
    std::vector<char32_t> cedillas;
    for (char32_t c : text::decode(nfc))
        if (c == U'\u015E' || c == U'\u015F' || c == U'\u0162' || c == U'\u0163') add_unique(cedillas, c);
    if (cedillas.empty()) return;
    add_text_finding(field, "unicode.romanian-cedilla",
                     "uses the cedilla letter " + join_descriptions(cedillas) +
                         " where Romanian writes s and t with a comma below (U+0218..U+021B); "
                         "searches with the comma form will miss it",
                     quoted(cedilla_to_comma(nfc)), true, found);
}

// The script of a letter that belongs to one, else -1. ASCII letters are Latin without asking ICU: most text is.
int letter_script(char32_t c) {
    static const int latin = text::script_of(U'a');
    if (c < 0x80) return ((c | 0x20) >= U'a' && (c | 0x20) <= U'z') ? latin : -1;
    if (!text::is_letter(c)) return -1;
    const int script = text::script_of(c);
    return text::is_script_neutral(script) ? -1 : script;
}

void check_mixed_script(const TextField& field, const std::u32string& code_points, Found& found) {
    int first_script = -1;
    bool several_scripts = false;
    for (char32_t c : code_points) {
        const int script = letter_script(c);
        if (script < 0 || script == first_script) continue;
        if (first_script >= 0) {
            several_scripts = true;
            break;
        }
        first_script = script;
    }
    if (!several_scripts) return;  // one script in the whole text: no word can mix
    std::map<int, int> field_scripts;
    for (char32_t c : code_points)
        if (const int script = letter_script(c); script >= 0) ++field_scripts[script];

    std::size_t start = 0;
    while (start < code_points.size()) {
        if (!is_word_character(code_points[start])) {
            ++start;
            continue;
        }
        std::size_t end = start;
        while (end < code_points.size() && is_word_character(code_points[end])) ++end;
        std::map<int, int> word_scripts;
        for (std::size_t i = start; i < end; ++i) {
            const int script = text::script_of(code_points[i]);
            if (text::is_letter(code_points[i]) && !text::is_script_neutral(script)) ++word_scripts[script];
        }
        if (word_scripts.size() >= 2 && !is_east_asian_mix(word_scripts)) {
            // The word's own script is the one most of its letters use; a tie goes to the text's main script.
            int main_script = word_scripts.begin()->first;
            for (const auto& [script, count] : word_scripts) {
                const int best = word_scripts[main_script];
                if (count > best || (count == best && field_scripts[script] > field_scripts[main_script]))
                    main_script = script;
            }
            std::u32string replaced(code_points);
            std::vector<char32_t> strangers;
            bool all_replaceable = true;
            for (std::size_t i = start; i < end; ++i) {
                const int script = text::script_of(code_points[i]);
                if (!text::is_letter(code_points[i]) || text::is_script_neutral(script) || script == main_script)
                    continue;
                add_unique(strangers, code_points[i]);
                const char32_t look_alike = text::confusable_in_script(code_points[i], main_script);
                if (look_alike) replaced[i] = look_alike;
                else all_replaceable = false;
            }
            const std::string word = text::encode(std::u32string_view(code_points).substr(start, end - start));
            std::string message = "the word '" + word + "' mixes scripts: it is " + text::script_name(main_script) +
                                  " but contains " + join_descriptions(strangers);
            std::string suggestion;
            if (all_replaceable)
                suggestion = "write the look-alike " + text::script_name(main_script) +
                             " letters: " + quoted(text::encode(replaced));
            add_text_finding(field, "unicode.mixed-script", std::move(message), std::move(suggestion), false, found);
        }
        start = end;
    }
}

void check_special_characters(const TextField& field, const std::u32string& code_points, Found& found) {
    std::vector<char32_t> controls;
    std::vector<char32_t> invisibles;
    std::vector<char32_t> no_breaks;
    std::u32string without_invisibles;
    std::u32string with_plain_breaks;
    for (char32_t c : code_points) {
        // Tabs and line breaks are white space; the space rules report (and fix) them.
        if (text::is_control(c) && !text::is_white_space(c)) add_unique(controls, c);
        if (text::is_format(c)) add_unique(invisibles, c);
        else without_invisibles.push_back(c);
        if (text::is_no_break(c)) {
            add_unique(no_breaks, c);
            with_plain_breaks.push_back(text::is_white_space(c) ? U' ' : U'-');
        } else {
            with_plain_breaks.push_back(c);
        }
    }
    if (!controls.empty())
        add_text_finding(field, "unicode.control", "contains the control character " + join_descriptions(controls),
                         "remove it", false, found);
    if (!invisibles.empty())
        add_text_finding(field, "unicode.invisible", "contains the invisible character " + join_descriptions(invisibles),
                         "remove it unless it is meant: " + quoted(text::encode(without_invisibles)), false, found);
    // In prose a no-break space is ordinary typography (before a French colon, inside "No 377/2004");
    // in a term it makes the term unmatchable by anyone typing a plain space or hyphen.
    if (!no_breaks.empty() && field.ref.kind == FieldKind::term)
        add_text_finding(field, "unicode.non-breaking",
                         "contains the no-break character " + join_descriptions(no_breaks) +
                             "; a search typed with a plain space or hyphen will not match it. Not fixed "
                             "automatically: it may be intentional (it keeps the parts on one line)",
                         "if it is not intentional: " + quoted(text::encode(with_plain_breaks)), false, found);
}

// Describes a white-space run for a message: "U+0020 U+00A0".
std::string describe_run(std::u32string_view run) {
    std::string result;
    for (char32_t c : run) {
        if (!result.empty()) result += ' ';
        result += text::describe(c);
    }
    return result;
}

void check_spaces(const TextField& field, const std::u32string& code_points, Found& found) {
    const std::string trimmed = trim_space(field.text);
    if (trimmed != field.text) {
        const bool leading = !code_points.empty() && text::is_white_space(code_points.front());
        const bool trailing = !code_points.empty() && text::is_white_space(code_points.back());
        const char* where = leading && trailing ? "starts and ends" : leading ? "starts" : "ends";
        add_text_finding(field, "space.leading-trailing", std::string(where) + " with white space",
                         quoted(trimmed), true, found);
    }
    const std::string folded = fold_inner_space(trimmed);
    if (folded != trimmed) {
        // Name the first run the fix would fold, so the message points at something concrete.
        const std::u32string inner = text::decode(trimmed);
        std::string first_run;
        for (std::size_t i = 0; i < inner.size();) {
            if (!text::is_white_space(inner[i])) {
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < inner.size() && text::is_white_space(inner[end])) ++end;
            const bool kept = end - i == 1 && (inner[i] == U' ' || text::is_no_break(inner[i]));
            if (!kept) {
                first_run = describe_run(std::u32string_view(inner).substr(i, end - i));
                break;
            }
            i = end;
        }
        add_text_finding(field, "space.inner",
                         "has white space that should be a single space inside it (" + first_run + ")",
                         quoted(folded), true, found);
    }
}

// The double quotation marks the rule looks at. Single marks are left alone: ’ is also the apostrophe.
constexpr std::u32string_view double_quotation_marks = U"\u00AB\u00BB\u201C\u201D\u201E\u201F";

// Marks that CLDR does not list for a language but that its typography also uses,
// so finding them is not an error (kept small on purpose; see README "lint").
std::u32string_view customary_extra_marks(std::string_view language) {
    static const std::map<std::string, std::u32string, std::less<>> extras{
        {"de", U"\u00BB\u00AB"}, {"cs", U"\u00BB\u00AB"}, {"sk", U"\u00BB\u00AB"}, {"sl", U"\u00BB\u00AB"},
        {"hr", U"\u00BB\u00AB"}, {"da", U"\u00BB\u00AB"}, {"fr", U"\u201C\u201D"}, {"nl", U"\u201C\u201D\u201E"},
        {"pt", U"\u00AB\u00BB"}, {"no", U"\u201C\u201D"},
    };
    auto found = extras.find(language);
    return found == extras.end() ? std::u32string_view() : std::u32string_view(found->second);
}

void check_quotation_marks(const TextField& field, const std::u32string& code_points, Found& found) {
    if (field.language.empty()) return;
    const std::string language = primary_language(field.language);
    // Without CLDR's marks for the language there is nothing to judge by (and no usual marks to suggest).
    const std::u32string cldr = text::cldr_quotation_marks(field.language);
    if (cldr.size() < 2) return;
    const std::u32string accepted = cldr + std::u32string(customary_extra_marks(language));
    std::vector<char32_t> foreign;
    for (char32_t c : code_points)
        if (double_quotation_marks.find(c) != std::u32string_view::npos && accepted.find(c) == std::u32string::npos)
            add_unique(foreign, c);
    if (foreign.empty()) return;
    const std::string usual = text::encode(cldr.substr(0, 1)) + "…" + text::encode(cldr.substr(1, 1));
    add_text_finding(field, "consistency.quotation-marks",
                     "uses " + join_descriptions(foreign) + ", which is not a quotation mark of " +
                         text::language_name(field.language) + " typography",
                     "use " + usual + " (the marks CLDR gives for '" + std::string(field.language) + "')", false,
                     found);
}

bool is_space_before_punctuation_target(char32_t c, char32_t next, std::string_view language) {
    if (c == U',' || c == U')') return true;
    if (c == U'.') return next != U'.' && !text::is_letter(next) && !text::is_digit(next);
    // French sets ; : ! ? off with a (narrow) space by rule.
    if (c == U';' || c == U':' || c == U'!' || c == U'?') return language != "fr";
    return false;
}

void check_space_before_punctuation(const TextField& field, const std::u32string& code_points, Found& found) {
    const std::string language = primary_language(field.language);
    std::u32string repaired;
    bool seen = false;
    std::vector<char32_t> marks;
    for (std::size_t i = 0; i < code_points.size(); ++i) {
        if (text::is_white_space(code_points[i]) && !repaired.empty() && !text::is_white_space(repaired.back())) {
            std::size_t end = i;
            while (end < code_points.size() && text::is_white_space(code_points[end])) ++end;
            if (end < code_points.size()) {
                const char32_t next = end + 1 < code_points.size() ? code_points[end + 1] : U' ';
                if (is_space_before_punctuation_target(code_points[end], next, language)) {
                    seen = true;
                    add_unique(marks, code_points[end]);
                    i = end - 1;
                    continue;
                }
            }
        }
        repaired.push_back(code_points[i]);
    }
    if (!seen) return;
    std::string listed;
    for (char32_t c : marks) listed += (listed.empty() ? "'" : ", '") + text::encode(c) + "'";
    add_text_finding(field, "scrape.space-before-punctuation",
                     "has a space before " + listed + ", typically left where a link was removed",
                     quoted(text::encode(repaired)), false, found);
}

void check_list_marker(const TextField& field, const std::u32string& code_points, Found& found) {
    // Bullets that scraping leaves in front of an item; a marker needs white space after it.
    static constexpr std::u32string_view bullets = U"\u2022\u2023\u25E6\u25AA\u25AB\u25CF\u25CB\u25A0\u25A1\u00B7*-\u2013\u2014\u2043";
    std::size_t start = 0;
    while (start < code_points.size() && text::is_white_space(code_points[start])) ++start;
    std::size_t marker_end = start;
    if (marker_end < code_points.size() && bullets.find(code_points[marker_end]) != std::u32string_view::npos) {
        ++marker_end;
    } else {
        std::size_t digits = 0;
        while (marker_end < code_points.size() && text::is_digit(code_points[marker_end]) && digits < 3) {
            ++marker_end;
            ++digits;
        }
        const bool letter_marker = digits == 0 && marker_end + 1 < code_points.size() &&
                                   code_points[marker_end] >= U'a' && code_points[marker_end] <= U'z' &&
                                   code_points[marker_end + 1] == U')';
        if (letter_marker) marker_end += 2;
        else if (digits > 0 && digits <= 2 && marker_end < code_points.size() &&
                 (code_points[marker_end] == U'.' || code_points[marker_end] == U')'))
            ++marker_end;
        else
            return;
    }
    if (marker_end >= code_points.size() || !text::is_white_space(code_points[marker_end])) return;
    std::size_t rest = marker_end;
    while (rest < code_points.size() && text::is_white_space(code_points[rest])) ++rest;
    if (rest >= code_points.size()) return;
    const std::string marker = text::encode(std::u32string_view(code_points).substr(start, marker_end - start));
    add_text_finding(field, "scrape.list-marker", "starts with the list marker '" + marker + "' left over from a list",
                     quoted(text::encode(std::u32string_view(code_points).substr(rest))), false, found);
}

void check_glued_words(const TextField& field, const std::u32string& code_points, Found& found) {
    // Two lower-case letters, then an upper-case one and two more lower-case ones: "protectionLodged".
    // Requiring two on each side leaves alone "iPhone", "McDonald" and "eGovernment".
    std::u32string repaired;
    std::vector<std::string> glued;
    for (std::size_t i = 0; i < code_points.size(); ++i) {
        const bool glue_point = i >= 2 && i + 2 < code_points.size() && text::is_lower(code_points[i - 2]) &&
                                text::is_lower(code_points[i - 1]) && text::is_upper(code_points[i]) &&
                                text::is_lower(code_points[i + 1]) && text::is_lower(code_points[i + 2]);
        if (glue_point) {
            std::size_t word_start = i;
            while (word_start > 0 && is_word_character(code_points[word_start - 1])) --word_start;
            std::size_t word_end = i;
            while (word_end < code_points.size() && is_word_character(code_points[word_end])) ++word_end;
            glued.push_back(text::encode(std::u32string_view(code_points).substr(word_start, word_end - word_start)));
            repaired.push_back(U' ');
        }
        repaired.push_back(code_points[i]);
    }
    if (glued.empty()) return;
    std::string listed;
    for (const std::string& word : glued) listed += (listed.empty() ? "'" : ", '") + word + "'";
    add_text_finding(field, "scrape.glued-words",
                     "has words glued together where a link was probably removed: " + listed,
                     "if so, insert the space: " + quoted(text::encode(repaired)), false, found);
}

void check_truncated(const TextField& field, const std::u32string& code_points, Found& found) {
    std::size_t end = code_points.size();
    while (end > 0 && text::is_white_space(code_points[end - 1])) --end;
    if (end == 0) return;
    int open_brackets = 0;
    for (std::size_t i = 0; i < end; ++i) {
        if (code_points[i] == U'(' || code_points[i] == U'[') ++open_brackets;
        if (code_points[i] == U')' || code_points[i] == U']') --open_brackets;
    }
    const bool ellipsis = code_points[end - 1] == U'\u2026' ||
                          (end >= 3 && code_points[end - 1] == U'.' && code_points[end - 2] == U'.' &&
                           code_points[end - 3] == U'.');
    std::size_t last = end;
    while (last > 0 && text::is_closing_punctuation(code_points[last - 1])) --last;
    std::size_t words = 0;
    for (std::size_t i = 0; i < end; ++i)
        if (is_word_character(code_points[i]) && (i == 0 || !is_word_character(code_points[i - 1]))) ++words;
    // Short texts ("See also asylum") need no full stop; only a longer one looks cut off without it.
    const bool unterminated = last > 0 && !text::is_sentence_terminal(code_points[last - 1]) && words >= 8;
    std::string reason;
    if (ellipsis) reason = "ends with an ellipsis";
    else if (open_brackets > 0) reason = "has a bracket that is never closed";
    else if (unterminated) reason = "does not end with a full stop or other sentence-final mark";
    else return;
    add_text_finding(field, "scrape.truncated", reason + "; the text may have been cut off",
                     "compare it with its source and complete it", false, found);
}

enum class Initial { none, upper, lower };

Initial initial_of(std::u32string_view term_text) {
    for (char32_t c : term_text) {
        if (!text::is_letter(c)) continue;
        if (text::is_upper(c)) return Initial::upper;
        if (text::is_lower(c)) return Initial::lower;
        return Initial::none;  // a script without case
    }
    return Initial::none;
}

// A term whose content words (four letters or more) mostly start with a capital
// reads as a name or a title ("Immigration Liaison Officer", "Uffiċjal tal-Kollegament
// Responsabbli għall‑Immigrazzjoni"), which its language may well capitalise.
bool looks_like_name_or_title(std::u32string_view term_text) {
    std::size_t content_words = 0;
    std::size_t capitalised = 0;
    for (std::size_t i = 0; i < term_text.size();) {
        if (!text::is_letter(term_text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < term_text.size() && (text::is_letter(term_text[end]) || text::is_mark(term_text[end]))) ++end;
        if (end - i >= 4) {
            ++content_words;
            if (text::is_upper(term_text[i])) ++capitalised;
        }
        i = end;
    }
    return content_words >= 2 && capitalised * 3 >= content_words * 2;
}

// Languages whose grammar capitalises every noun, so a capital initial says nothing.
bool capitalises_nouns(std::string_view language) { return language == "de" || language == "lb"; }

const Term* voting_term(const LanguageSection& section) {
    for (const Term& term : section.terms)
        if (term.administrative_status == preferred_status && !is_abbreviation(term)) return &term;
    for (const Term& term : section.terms)
        if (!is_abbreviation(term)) return &term;
    return nullptr;
}

void check_capitalisation(const Concept& concept_value, std::size_t concept_index, Found& found) {
    std::size_t upper = 0;
    std::size_t lower = 0;
    for (const LanguageSection& section : concept_value.languages) {
        const Term* term = voting_term(section);
        if (!term) continue;
        const Initial initial = initial_of(text::decode(term->text));
        if (initial == Initial::upper) ++upper;
        if (initial == Initial::lower) ++lower;
    }
    const std::size_t votes = upper + lower;
    if (votes < 3) return;
    Initial majority = Initial::none;
    if (lower * 3 >= votes * 2) majority = Initial::lower;
    else if (upper * 3 >= votes * 2) majority = Initial::upper;
    else return;

    for (std::size_t l = 0; l < concept_value.languages.size(); ++l) {
        const LanguageSection& section = concept_value.languages[l];
        const std::string language = primary_language(section.language);
        for (std::size_t t = 0; t < section.terms.size(); ++t) {
            const Term& term = section.terms[t];
            if (is_abbreviation(term)) continue;
            const std::u32string code_points = text::decode(term.text);
            const Initial initial = initial_of(code_points);
            if (initial == Initial::none || initial == majority) continue;
            if (initial == Initial::upper) {
                if (capitalises_nouns(language) || looks_like_name_or_title(code_points)) continue;
                add_term_finding(concept_value, concept_index, l, t, "consistency.capitalisation",
                                 "starts with a capital letter, while " + std::to_string(lower) + " of " +
                                     std::to_string(votes) +
                                     " languages of this concept start in lower case; unless its first word is a "
                                     "proper noun, write it in lower case",
                                 quoted(text::encode(text::lower_first(code_points, language))), found);
            } else {
                add_term_finding(concept_value, concept_index, l, t, "consistency.capitalisation",
                                 "starts in lower case, while " + std::to_string(upper) + " of " +
                                     std::to_string(votes) +
                                     " languages of this concept capitalise it, as a proper noun would be",
                                 "check whether it is a proper noun and capitalise it if so", found);
            }
        }
    }
}

void check_optional_part(const Concept& concept_value, std::size_t concept_index, std::size_t language_index,
                         std::size_t term_index, Found& found) {
    const Term& term = concept_value.languages[language_index].terms[term_index];
    const std::u32string code_points = text::decode(term.text);
    std::u32string without;  // every optional part left out
    std::u32string with;     // every optional part written in
    bool any = false;
    for (std::size_t i = 0; i < code_points.size(); ++i) {
        if (code_points[i] == U'(') {
            std::size_t close = i + 1;
            while (close < code_points.size() && code_points[close] != U')' && code_points[close] != U'(') ++close;
            if (close < code_points.size() && code_points[close] == U')' && close > i + 1) {
                bool letters = true;
                bool has_lower = false;
                for (std::size_t k = i + 1; k < close; ++k) {
                    letters = letters && (text::is_letter(code_points[k]) || text::is_mark(code_points[k]));
                    has_lower = has_lower || text::is_lower(code_points[k]);
                }
                const bool glued_before = i > 0 && text::is_letter(code_points[i - 1]);
                const bool glued_after = close + 1 < code_points.size() && text::is_letter(code_points[close + 1]);
                // "(ILO)" after a space is an abbreviation, not an optional part.
                if (letters && has_lower && (glued_before || glued_after)) {
                    with.append(code_points, i + 1, close - i - 1);
                    i = close;
                    any = true;
                    continue;
                }
            }
        }
        without.push_back(code_points[i]);
        with.push_back(code_points[i]);
    }
    if (!any) return;
    const std::string short_form = text::encode(without);
    const std::string long_form = text::encode(with);
    add_term_finding(concept_value, concept_index, language_index, term_index, "consistency.optional-part",
                     "writes two terms as one with an optional part in brackets; no tool will match either",
                     "split it into two terms: " + quoted(short_form) + " and " + quoted(long_form), found);
}

}  // namespace

std::string primary_language(std::string_view tag) {
    std::string result(tag.substr(0, tag.find_first_of("-_")));
    for (char& c : result)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return result;
}

bool is_abbreviation(const Term& term) {
    if (term.term_type == "abbreviation" || term.term_type == "acronym" || term.term_type == "initialism") return true;
    if (!term.term_type.empty()) return false;
    // Untyped: two or more letters, all of them capitals ("ILO", "UKRI", "EU-LISA").
    std::size_t letters = 0;
    for (char32_t c : text::decode(term.text)) {
        if (!text::is_letter(c)) continue;
        if (!text::is_upper(c)) return false;
        ++letters;
    }
    return letters >= 2;
}

std::string trim_space(std::string_view text_value) {
    const std::u32string code_points = text::decode(text_value);
    std::size_t start = 0;
    std::size_t end = code_points.size();
    while (start < end && text::is_white_space(code_points[start])) ++start;
    while (end > start && text::is_white_space(code_points[end - 1])) --end;
    if (start == 0 && end == code_points.size()) return std::string(text_value);
    return text::encode(std::u32string_view(code_points).substr(start, end - start));
}

std::string fold_inner_space(std::string_view text_value) {
    const std::u32string code_points = text::decode(text_value);
    std::u32string result;
    bool changed = false;
    for (std::size_t i = 0; i < code_points.size();) {
        if (!text::is_white_space(code_points[i])) {
            result.push_back(code_points[i++]);
            continue;
        }
        std::size_t end = i;
        while (end < code_points.size() && text::is_white_space(code_points[end])) ++end;
        const bool kept = end - i == 1 && (code_points[i] == U' ' || text::is_no_break(code_points[i]));
        if (kept) {
            result.push_back(code_points[i]);
        } else {
            result.push_back(U' ');
            changed = true;
        }
        i = end;
    }
    return changed ? text::encode(result) : std::string(text_value);
}

std::string cedilla_to_comma(std::string_view text_value) {
    std::u32string code_points = text::decode(text_value);
    bool changed = false;
    for (char32_t& c : code_points) {
        const char32_t before = c;
        if (c == U'\u015E') c = U'\u0218';
        else if (c == U'\u015F') c = U'\u0219';
        else if (c == U'\u0162') c = U'\u021A';
        else if (c == U'\u0163') c = U'\u021B';
        changed = changed || c != before;
    }
    return changed ? text::encode(code_points) : std::string(text_value);
}

void check_text_field(const TextField& field, Found& found) {
    if (field.text.empty()) return;
    const std::u32string code_points = text::decode(field.text);
    const std::string nfc = text::to_nfc(field.text);
    const FieldKind kind = field.ref.kind;
    const bool is_prose = kind == FieldKind::definition || kind == FieldKind::note || kind == FieldKind::term_note;

    if (primary_language(field.language) == "ro") check_romanian_cedilla(field, nfc, found);
    check_mixed_script(field, code_points, found);
    if (nfc != field.text)
        add_text_finding(field, "unicode.not-nfc",
                         "is not in Unicode normalisation form C (NFC): it holds decomposed characters, so "
                         "searches typed in the usual composed form will miss it",
                         quoted(nfc), true, found);
    check_special_characters(field, code_points, found);
    check_spaces(field, code_points, found);
    if (kind != FieldKind::term_source && kind != FieldKind::definition_source)
        check_quotation_marks(field, code_points, found);
    check_space_before_punctuation(field, code_points, found);
    if (kind == FieldKind::term || is_prose) check_list_marker(field, code_points, found);
    if (kind != FieldKind::term_source && kind != FieldKind::definition_source)
        check_glued_words(field, code_points, found);
    if (kind == FieldKind::definition || kind == FieldKind::note) check_truncated(field, code_points, found);
}

void check_language_section(const Concept& concept_value, std::size_t concept_index, std::size_t language_index,
                            Found& found) {
    const LanguageSection& section = concept_value.languages[language_index];
    const SourcePos& pos = section.pos.known() ? section.pos : concept_value.pos;
    auto add_section_finding = [&](std::string_view rule, std::string message, std::string suggestion) {
        found.push_back({concept_index, language_index + 1, 0,
                         make_finding(rule, concept_value, section.language, nullptr, pos, std::nullopt,
                                      std::move(message), std::move(suggestion), false)});
    };

    if (section.terms.empty()) {
        add_section_finding("coverage.no-preferred-term", "the language section has no term at all",
                            "add its terms or remove the section");
    } else if (std::none_of(section.terms.begin(), section.terms.end(),
                            [](const Term& term) { return term.administrative_status == preferred_status; })) {
        add_section_finding("coverage.no-preferred-term", "no term of the language section is marked preferred",
                            "mark the term translators should use as preferredTerm-admn-sts");
    }

    std::map<std::string, std::size_t> seen;
    for (std::size_t t = 0; t < section.terms.size(); ++t) {
        const auto [where, inserted] = seen.emplace(text::to_nfc(section.terms[t].text), t);
        if (!inserted)
            add_term_finding(concept_value, concept_index, language_index, t, "consistency.duplicate-term",
                             "appears twice in this language section (term " + std::to_string(where->second + 1) +
                                 " and term " + std::to_string(t + 1) + ")",
                             "keep one and merge their data", found);
    }

    const bool has_full_form = std::any_of(section.terms.begin(), section.terms.end(),
                                           [](const Term& term) { return !is_abbreviation(term); });
    if (!has_full_form)
        for (std::size_t t = 0; t < section.terms.size(); ++t)
            add_term_finding(concept_value, concept_index, language_index, t,
                             "consistency.abbreviation-without-full-form",
                             "is an abbreviation, and the section has no full form for it",
                             "add the full form in " + text::language_name(section.language), found);

    for (std::size_t t = 0; t < section.terms.size(); ++t)
        check_optional_part(concept_value, concept_index, language_index, t, found);
}

void check_coverage(const Concept& concept_value, std::size_t concept_index,
                    const std::vector<std::string>& expected_languages, Found& found) {
    std::set<std::string> present;
    for (const LanguageSection& section : concept_value.languages) present.insert(primary_language(section.language));
    for (const std::string& expected : expected_languages) {
        if (present.count(primary_language(expected))) continue;
        found.push_back(
            {concept_index, 0, 0,
             make_finding("coverage.missing-language", concept_value, expected, nullptr, concept_value.pos,
                          std::nullopt,
                          "has no " + text::language_name(expected) + " ('" + expected + "') language section",
                          "add a language section with the " + text::language_name(expected) + " terms", false)});
    }
}

void check_concept(const Concept& concept_value, std::size_t concept_index,
                   const std::vector<std::string>& expected_languages, Found& found) {
    check_coverage(concept_value, concept_index, expected_languages, found);
    const bool has_english_definition =
        std::any_of(concept_value.languages.begin(), concept_value.languages.end(), [](const LanguageSection& section) {
            return primary_language(section.language) == "en" &&
                   std::any_of(section.definitions.begin(), section.definitions.end(),
                               [](const Definition& definition) { return !trim_space(definition.text).empty(); });
        });
    if (!has_english_definition)
        found.push_back({concept_index, 0, 0,
                         make_finding("coverage.no-english-definition", concept_value, "", nullptr, concept_value.pos,
                                      std::nullopt, "has no English definition",
                                      "add the definition, with its source, to the 'en' section", false)});

    check_capitalisation(concept_value, concept_index, found);
}

void SharedTermIndex::check(const Concept& concept_value, std::size_t concept_index, Found& found) {
    std::set<std::string> in_this_concept;
    std::string_view stored_id;
    for (std::size_t l = 0; l < concept_value.languages.size(); ++l) {
        const LanguageSection& section = concept_value.languages[l];
        for (std::size_t t = 0; t < section.terms.size(); ++t) {
            std::string key = section.language;
            key += '\0';
            key += text::to_nfc(section.terms[t].text);
            if (!in_this_concept.insert(key).second) continue;  // a repeat inside one section is duplicate-term
            if (auto first = first_concept_.find(key); first != first_concept_.end()) {
                add_term_finding(concept_value, concept_index, l, t, "consistency.shared-term",
                                 "is also a term of concept '" + std::string(first->second) +
                                     "'; one term for two concepts makes translation memories pick the wrong one",
                                 "if both concepts are the same, merge them; if not, qualify the term", found);
                continue;
            }
            if (stored_id.data() == nullptr) stored_id = store(concept_value.id);
            first_concept_.emplace(store(key), stored_id);
        }
    }
}

std::string_view SharedTermIndex::store(std::string_view text) {
    if (blocks_.empty() || block_used_ + text.size() > block_size_) {
        block_size_ = std::max<std::size_t>(std::size_t{1} << 20, text.size());
        blocks_.push_back(std::make_unique<char[]>(block_size_));
        block_used_ = 0;
    }
    char* place = blocks_.back().get() + block_used_;
    std::copy(text.begin(), text.end(), place);
    block_used_ += text.size();
    return {place, text.size()};
}

}  // namespace ilo::lint::detail
