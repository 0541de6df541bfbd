// Term splitting for EMN translation lines: separators, word alternatives, abbreviations and trailing usage qualifiers.
#include "formats/emn_terms.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>

#include "text/unicode_text.hpp"

namespace ilo::emn {

namespace {

using text::CodePoint;
using text::decode;
using text::trim;

// EU and EEA countries and the United Kingdom, as the glossary writes them (EL, not GR, for Greece).
constexpr std::array country_code_list{
    std::string_view{"AT"}, std::string_view{"BE"}, std::string_view{"BG"}, std::string_view{"CY"},
    std::string_view{"CZ"}, std::string_view{"DE"}, std::string_view{"DK"}, std::string_view{"EE"},
    std::string_view{"EL"}, std::string_view{"GR"}, std::string_view{"ES"}, std::string_view{"FI"},
    std::string_view{"FR"}, std::string_view{"HR"}, std::string_view{"HU"}, std::string_view{"IE"},
    std::string_view{"IT"}, std::string_view{"LT"}, std::string_view{"LU"}, std::string_view{"LV"},
    std::string_view{"MT"}, std::string_view{"NL"}, std::string_view{"PL"}, std::string_view{"PT"},
    std::string_view{"RO"}, std::string_view{"SE"}, std::string_view{"SI"}, std::string_view{"SK"},
    std::string_view{"UK"}, std::string_view{"NO"}, std::string_view{"IS"}, std::string_view{"LI"},
    std::string_view{"CH"},
};

// Words that mark a bracket as a usage qualifier rather than a gloss ("(EU acquis)", "(EU context)").
constexpr std::array usage_words{
    std::string_view{"acquis"},   std::string_view{"acervo"},     std::string_view{"besitzstand"},
    std::string_view{"context"},  std::string_view{"contexte"},   std::string_view{"contesto"},
    std::string_view{"contexto"}, std::string_view{"kontext"},    std::string_view{"kontekst"},
    std::string_view{"obsolete"}, std::string_view{"deprecated"}, std::string_view{"colloquial"},
    std::string_view{"informal"}, std::string_view{"usage"},
};

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t start = std::string_view::npos;
    for (std::size_t i = 0; i <= text.size();) {
        CodePoint point = i < text.size() ? decode(text, i) : CodePoint{U' ', 1, true};
        if (text::is_space(point.value)) {
            if (start != std::string_view::npos) words.push_back(text.substr(start, i - start));
            start = std::string_view::npos;
        } else if (start == std::string_view::npos) {
            start = i;
        }
        i += point.length;
    }
    return words;
}

// Case of the first letter of `word`: +1 upper, -1 lower, 0 none (digits, punctuation).
int initial_case(std::string_view word) {
    for (std::size_t i = 0; i < word.size();) {
        CodePoint point = decode(word, i);
        if (text::is_letter(point.value)) return text::is_upper(point.value) ? 1 : text::is_lower(point.value) ? -1 : 0;
        i += point.length;
    }
    return 0;
}

std::size_t letter_count(std::string_view word) {
    std::size_t letters = 0;
    for (std::size_t i = 0; i < word.size();) {
        CodePoint point = decode(word, i);
        if (text::is_letter(point.value)) ++letters;
        i += point.length;
    }
    return letters;
}

bool shares_a_word(std::string_view a, std::string_view b) {
    for (std::string_view left : words_of(a))
        for (std::string_view right : words_of(b))
            if (text::fold_case(left) == text::fold_case(right)) return true;
    return false;
}

// The last code point before `offset`, skipping white space; 0 if none.
char32_t previous_visible(std::string_view text, std::size_t offset) {
    while (offset > 0) {
        std::size_t back = offset - 1;
        while (back > 0 && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
        CodePoint point = decode(text, back);
        if (!text::is_space(point.value)) return point.value;
        offset = back;
    }
    return 0;
}

char32_t next_visible(std::string_view text, std::size_t offset) {
    while (offset < text.size()) {
        CodePoint point = decode(text, offset);
        if (!text::is_space(point.value)) return point.value;
        offset += point.length;
    }
    return 0;
}

bool is_digit(char32_t value) { return value >= U'0' && value <= U'9'; }

enum class Separator { none, slash, tight_slash, semicolon };

struct Part {
    std::string_view text;
    Separator before = Separator::none;
};

// Cuts the line at slashes and semicolons outside brackets. A slash between digits
// ("604/2013", "2011/95/EU") is part of a reference, not a separator.
std::vector<Part> cut(std::string_view line) {
    std::vector<Part> parts;
    int depth = 0;
    std::size_t start = 0;
    Separator pending = Separator::none;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (c == '(' || c == '[') ++depth;
        if ((c == ')' || c == ']') && depth > 0) --depth;
        if (depth != 0 || (c != '/' && c != ';')) continue;
        Separator separator = Separator::semicolon;
        if (c == '/') {
            if (is_digit(previous_visible(line, i)) && is_digit(next_visible(line, i + 1))) continue;
            bool spaced = (i > 0 && line[i - 1] == ' ') || (i + 1 < line.size() && line[i + 1] == ' ');
            separator = spaced ? Separator::slash : Separator::tight_slash;
        }
        parts.push_back({trim(line.substr(start, i - start)), pending});
        pending = separator;
        start = i + 1;
    }
    parts.push_back({trim(line.substr(start)), pending});
    return parts;
}

// The matching '(' of the ')' that ends `text`, or npos.
std::size_t opening_bracket(std::string_view text) {
    int depth = 0;
    for (std::size_t i = text.size(); i > 0; --i) {
        char c = text[i - 1];
        if (c == ')') ++depth;
        if (c == '(' && --depth == 0) return i - 1;
    }
    return std::string_view::npos;
}

// A variant without the bracketed qualifiers set off at its end ("Schubhaft (AT)" -> "Schubhaft").
std::string_view core_of(std::string_view variant) {
    variant = trim(variant);
    while (!variant.empty() && variant.back() == ')') {
        std::size_t open = opening_bracket(variant);
        if (open == std::string_view::npos || open == 0 || variant[open - 1] != ' ') break;
        variant = trim(variant.substr(0, open));
    }
    return variant;
}

// --- Reading a slash between words ---------------------------------------------------------
//
// A slash either separates whole terms ("utvisning / avvisning") or joins
// alternative words of one term, the rest of which is written once ("irreguljär /
// olaglig migration" is "irreguljär migration" or "olaglig migration"). The glossary
// keeps such a factored term as one term, exactly as written (issue 3, section 3);
// the reader does not expand it, as that would make term texts the glossary never
// wrote. Which reading holds is read from the shape of the two sides:
//  - one word against one word, or two sides that share a word, are whole terms;
//  - where one side is a single word S and the other has several, S stands for one
//    word A of the other side (its first word when S comes first, its last when S
//    comes second). S is a fragment when it is a modifier (an adjective: its ending,
//    or its agreement with A, says so) or, in German, when it is not capitalised;
//    S is a term of its own when it is a noun, or capitalised where the line's terms
//    open with a capital;
//  - two multi-word sides with no word in common are whole terms, unless in a
//    language that puts modifiers first the left side ends in a modifier and the
//    right side opens with one ("säännösten vastainen / laiton maahanmuutto").
// What the shape leaves open is kept as one term as written and reported.

// How a slash between two sides reads.
enum class SlashReading { whole_terms, one_term, unsure };

// The part of speech a word's ending suggests, in the languages whose endings the table below knows.
enum class WordClass { unknown, modifier, noun };

struct LanguageEndings {
    std::string_view language;  // primary language subtag
    std::array<std::string_view, 24> modifier;  // adjective and participle endings, lower case
    std::array<std::string_view, 20> noun;      // noun endings that adjectives do not share
};

// Common endings only; the longest ending that matches decides. A word whose ending
// is in neither list is of unknown class, and the reader then says it is unsure.
constexpr std::array language_endings{
    LanguageEndings{"sv",
                    {"lig", "ig", "isk", "är", "ell", "iv", "al", "bar", "sam", "ös", "erad", "ad"},
                    {"ning", "het", "else", "skap", "tion", "sion", "are", "dom", "itet", "ism", "ist", "ing"}},
    LanguageEndings{"da",
                    {"lig", "ig", "isk", "ær", "el", "iv", "al", "bar", "som", "eret"},
                    {"ning", "hed", "else", "skab", "tion", "sion", "ing", "dom", "itet", "isme", "ist"}},
    LanguageEndings{"no",
                    {"lig", "ig", "isk", "ær", "ell", "iv", "al", "bar", "som", "ert"},
                    {"ning", "het", "else", "skap", "sjon", "ing", "dom", "itet", "isme", "ist"}},
    LanguageEndings{"nl",
                    {"ig", "lijk", "isch", "aal", "eel", "ief", "baar", "loos", "zaam"},
                    {"ing", "heid", "schap", "tie", "sie", "teit", "ling", "nis", "aar", "er", "ist", "isme"}},
    LanguageEndings{"en",
                    {"al", "ar", "ary", "ive", "ous", "ful", "less", "able", "ible", "ic", "ical", "ish"},
                    {"tion", "sion", "ment", "ness", "ity", "ance", "ence", "er", "or", "ee", "ist", "ism", "ship",
                     "hood", "ure", "age"}},
    LanguageEndings{"fi",
                    {"inen", "ton", "tön", "kas", "käs", "llinen"},
                    {"minen", "us", "ys", "uus", "yys", "ja", "jä", "nto", "ntö", "tto", "ttö"}},
    LanguageEndings{"fr",
                    {"al", "ale", "aux", "ière", "ier", "elle", "el", "if", "ive", "aire", "ique", "eux", "euse",
                     "able", "ible", "ile", "é", "ée", "és", "ées"},
                    {"tion", "sion", "ment", "age", "eur", "ité", "ance", "ence", "isme", "iste", "ure"}},
    LanguageEndings{"es",
                    {"al", "ar", "ario", "aria", "ivo", "iva", "oso", "osa", "ico", "ica", "able", "ible", "ado",
                     "ada", "ido", "ida", "ales", "ares"},
                    {"ción", "sión", "miento", "dad", "tad", "ncia", "ismo", "ista", "or", "ura", "aje"}},
    LanguageEndings{"it",
                    {"ale", "are", "ario", "aria", "ivo", "iva", "oso", "osa", "ico", "ica", "abile", "ibile", "ato",
                     "ata", "ali", "ari"},
                    {"zione", "sione", "mento", "tà", "nza", "ismo", "ista", "tore", "trice", "ura", "aggio"}},
    LanguageEndings{"pt",
                    {"al", "ar", "ário", "ária", "ivo", "iva", "oso", "osa", "ico", "ica", "ável", "ível", "ado",
                     "ada", "ido", "ida"},
                    {"ção", "são", "mento", "dade", "ncia", "ismo", "ista", "or", "ura", "agem"}},
    LanguageEndings{"ro",
                    {"ală", "al", "ar", "ară", "iv", "ivă", "ic", "ică", "abil", "ibil", "ată"},
                    {"ție", "ţie", "siune", "ment", "tate", "nță", "nţă", "ism", "ist", "tor", "ură"}},
    LanguageEndings{"pl",
                    {"ny", "na", "ne", "ni", "owy", "owa", "owe", "ski", "ska", "skie", "cki", "cka", "ły", "ła",
                     "ący", "ąca", "alny", "alna"},
                    {"cja", "ość", "anie", "enie", "stwo", "ctwo", "ik", "iec", "ec", "ent", "acja"}},
    LanguageEndings{"cs",
                    {"ní", "ný", "ná", "né", "ký", "ká", "ké", "ový", "ová", "ové", "ský", "ská", "ální", "ilní",
                     "ční", "ý", "á", "é"},
                    {"ace", "ost", "ení", "ání", "ství", "tví", "ník", "tel", "ec"}},
    LanguageEndings{"sk",
                    {"ny", "ný", "na", "ná", "ne", "né", "ký", "ká", "ké", "ový", "ová", "ové", "ský", "ská", "álny",
                     "ý", "á", "é"},
                    {"cia", "osť", "enie", "anie", "stvo", "ník", "teľ", "ec"}},
    LanguageEndings{"bg",
                    {"ен", "на", "но", "ни", "ски", "ска", "ско", "ова", "ови", "ов", "ена", "ено"},
                    {"ция", "ние", "ост", "ство", "ник", "тел", "ец", "ане", "ене"}},
    LanguageEndings{"el",
                    {"η", "ή", "ο", "ό", "ες", "ικός", "ική", "ικό", "ιμη", "ιμο"},
                    {"ση", "ξη", "ψη", "ία", "εια", "ότητα", "μός", "της", "τρια", "ας", "ευση", "ιση"}},
};

// The word folded to lower case, without the punctuation and brackets around its letters.
std::string bare_word(std::string_view word) {
    std::string folded = text::fold_case(word);
    std::size_t begin = 0;
    std::size_t end = folded.size();
    while (end > 0) {
        std::size_t back = end - 1;
        while (back > 0 && (static_cast<unsigned char>(folded[back]) & 0xC0) == 0x80) --back;
        if (text::is_letter(decode(folded, back).value)) break;
        end = back;
    }
    while (begin < end) {
        CodePoint point = decode(folded, begin);
        if (text::is_letter(point.value)) break;
        begin += point.length;
    }
    return folded.substr(begin, end - begin);
}

std::size_t code_point_count(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); i += decode(text, i).length) ++count;
    return count;
}

std::string_view primary_subtag(std::string_view language) {
    std::string_view primary = language.substr(0, language.find('-'));
    if (primary == "nb" || primary == "nn") return "no";
    return primary;
}

WordClass word_class(std::string_view word, std::string_view language) {
    std::string bare = bare_word(word);
    std::size_t bare_length = code_point_count(bare);
    for (const LanguageEndings& table : language_endings) {
        if (table.language != primary_subtag(language)) continue;
        WordClass found = WordClass::unknown;
        std::size_t longest = 0;
        auto consider = [&](std::string_view written_ending, WordClass word_class_value) {
            // Folded as the word is (Greek final sigma folds to σ).
            std::string ending = text::fold_case(written_ending);
            if (ending.empty() || !std::string_view(bare).ends_with(ending)) return;
            std::size_t length = code_point_count(ending);
            // A stem of at least two letters: "na" alone is not an adjective ending.
            if (bare_length < length + 2 || length <= longest) return;
            longest = length;
            found = word_class_value;
        };
        for (std::string_view ending : table.modifier) consider(ending, WordClass::modifier);
        for (std::string_view ending : table.noun) consider(ending, WordClass::noun);
        return found;
    }
    return WordClass::unknown;
}

// Two words of at least four letters that end alike in their last two letters, as
// an adjective agrees with the word it stands beside ("nielegalna / nieuregulowana").
bool agree(std::string_view a, std::string_view b) {
    auto letters = [](std::string_view word) {
        std::u32string out;
        std::string bare = bare_word(word);
        for (std::size_t i = 0; i < bare.size();) {
            CodePoint point = decode(bare, i);
            out += point.value;
            i += point.length;
        }
        return out;
    };
    std::u32string left = letters(a);
    std::u32string right = letters(b);
    if (left.size() < 4 || right.size() < 4 || left == right) return false;
    return left.ends_with(right.substr(right.size() - 2));
}

// German and Luxembourgish capitalise every noun: a lower-case word there is no term on its own.
bool capitalises_nouns(std::string_view language) {
    std::string_view primary = primary_subtag(language);
    return primary == "de" || primary == "lb";
}

// Languages whose terms put the head noun first and modifiers after it ("migration irrégulière").
bool puts_head_first(std::string_view language) {
    constexpr std::array head_first{std::string_view{"fr"}, std::string_view{"es"}, std::string_view{"it"},
                                    std::string_view{"pt"}, std::string_view{"ro"}, std::string_view{"ca"},
                                    std::string_view{"gl"}, std::string_view{"mt"}, std::string_view{"ga"}};
    std::string_view primary = primary_subtag(language);
    return std::find(head_first.begin(), head_first.end(), primary) != head_first.end();
}

bool any_capitalised(std::span<const std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [](std::string_view word) { return initial_case(word) > 0; });
}

// One side is the single word `single`; `other` is the other side, and `aligned` the
// word of it that `single` would stand for.
SlashReading single_word_reading(std::string_view single, std::string_view aligned,
                                 const std::vector<std::string_view>& other, bool single_first,
                                 std::string_view language) {
    // A compound holding a word of the other side names the whole concept:
    // "återvändandebeslut / beslut om återvändande", "terugkeerbesluit / besluit tot terugkeer".
    std::string folded_single = text::fold_case(single);
    for (std::string_view word : other)
        if (letter_count(word) >= 4 && folded_single.size() > bare_word(word).size() &&
            folded_single.find(bare_word(word)) != std::string::npos)
            return SlashReading::whole_terms;
    if (capitalises_nouns(language)) {
        if (initial_case(single) < 0 && any_capitalised(other)) return SlashReading::one_term;  // "irreguläre / illegale Migration"
        if (initial_case(single) > 0 && initial_case(aligned) > 0 && agree(single, aligned))
            return SlashReading::unsure;  // two nouns alike: alternative nouns of one term, or two terms
        if (initial_case(single) > 0) return SlashReading::whole_terms;  // a noun: a term of its own
        return SlashReading::unsure;
    }
    // Where the line's terms open with a capital, a piece that does not cannot open a term ("Persuna barranija / għariba").
    if (!single_first && initial_case(other.front()) > 0 && initial_case(single) < 0) return SlashReading::one_term;
    if (initial_case(single) > 0 && initial_case(other.front()) > 0) return SlashReading::whole_terms;
    WordClass single_class = word_class(single, language);
    WordClass aligned_class = word_class(aligned, language);
    bool alike = agree(single, aligned);
    switch (single_class) {
        case WordClass::noun:
            return aligned_class == WordClass::noun && alike ? SlashReading::unsure : SlashReading::whole_terms;
        case WordClass::modifier:
            // An adjective is no term on its own, unless it stands against a noun it does not agree with.
            return aligned_class == WordClass::noun && !alike ? SlashReading::unsure : SlashReading::one_term;
        case WordClass::unknown:
            return alike && aligned_class == WordClass::modifier ? SlashReading::one_term : SlashReading::unsure;
    }
    return SlashReading::unsure;
}

SlashReading read_slash(std::string_view left_variant, std::string_view right_variant, Separator separator,
                        std::string_view language) {
    std::string_view left = core_of(left_variant);
    std::string_view right = core_of(right_variant);
    if (left.empty() || right.empty()) return SlashReading::whole_terms;
    if (is_abbreviation(right) || is_abbreviation(left)) return SlashReading::whole_terms;
    std::vector<std::string_view> left_words = words_of(left);
    std::vector<std::string_view> right_words = words_of(right);
    if (separator == Separator::tight_slash) {
        // "und/oder", "EU/EEA national": a short piece touching the slash.
        if (letter_count(left_words.back()) <= 3 || letter_count(right_words.front()) <= 3) return SlashReading::one_term;
        if (left_words.size() == 1 && right_words.size() > 1) return SlashReading::one_term;
        // "terugkeerder/ster", "Rückkehrer/in": a lower-case ending for the word before the slash.
        if (right_words.size() == 1 && initial_case(right_words[0]) < 0 &&
            2 * letter_count(right_words[0]) < letter_count(left_words.back()))
            return SlashReading::one_term;
    }
    if (left_words.size() == 1 && right_words.size() == 1) return SlashReading::whole_terms;
    // "décision de retour / décision d'éloignement": both sides name the whole concept.
    if (shares_a_word(left, right)) return SlashReading::whole_terms;
    if (left_words.size() == 1)
        return single_word_reading(left_words[0], right_words.front(), right_words, true, language);
    if (right_words.size() == 1)
        return single_word_reading(right_words[0], left_words.back(), left_words, false, language);
    // Two multi-word sides with no word in common.
    if (puts_head_first(language)) return SlashReading::whole_terms;
    if (capitalises_nouns(language)) {
        // A German term ends in its noun; a left side ending in a lower-case word lacks it.
        if (initial_case(left_words.back()) < 0 && initial_case(right_words.front()) < 0 &&
            any_capitalised(right_words))
            return SlashReading::one_term;
        return SlashReading::whole_terms;
    }
    WordClass left_last = word_class(left_words.back(), language);
    WordClass right_first = word_class(right_words.front(), language);
    bool alike = agree(left_words.back(), right_words.front());
    if (left_last == WordClass::modifier && (right_first == WordClass::modifier || alike))
        return SlashReading::one_term;  // "säännösten vastainen / laiton maahanmuutto"
    if (left_last == WordClass::modifier || (left_last == WordClass::unknown && alike)) return SlashReading::unsure;
    return SlashReading::whole_terms;
}

std::string fold(std::string_view text) { return text::fold_case(text); }

bool is_usage_qualifier(std::string_view inside) {
    std::string folded = fold(inside);
    for (std::string_view word : words_of(folded)) {
        std::string_view bare = word;
        while (!bare.empty() && (bare.back() == ',' || bare.back() == ';' || bare.back() == '.')) bare.remove_suffix(1);
        for (std::string_view usage : usage_words)
            if (bare == usage) return true;
    }
    return false;
}

// "(BE)", "(AT, DE, LU)", "(FR/BE)": country codes only; returns them joined by ", ".
std::optional<std::string> country_list(std::string_view inside) {
    std::string codes;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= inside.size(); ++i) {
        if (i < inside.size() && inside[i] != ',' && inside[i] != '/' && inside[i] != ' ') continue;
        std::string_view token = inside.substr(start, i - start);
        start = i + 1;
        if (token.empty()) continue;
        if (!is_country_code(token)) return std::nullopt;
        codes += (codes.empty() ? "" : ", ") + std::string(token);
    }
    if (codes.empty()) return std::nullopt;
    return codes;
}

// Do the letters of `abbreviation` follow the capitals or word initials of `full`? ("European Union" -> EU)
bool matches_initials(std::string_view abbreviation, std::string_view full) {
    std::string initials;
    for (std::string_view word : words_of(full)) {
        CodePoint point = decode(word, 0);
        if (text::is_letter(point.value)) text::append_utf8(initials, point.value);
    }
    return fold(initials) == fold(abbreviation);
}

void prepend(std::string& list, std::string_view item, std::string_view separator) {
    list = list.empty() ? std::string(item) : std::string(item) + std::string(separator) + list;
}

// Takes trailing qualifiers off one variant and splits off a trailing abbreviation.
void read_variant(std::string_view variant, std::string_view language, std::vector<TermPiece>& pieces) {
    TermPiece piece;
    std::optional<std::string_view> abbreviation;
    while (!variant.empty() && variant.back() == ')') {
        std::size_t open = opening_bracket(variant);
        if (open == std::string_view::npos || open == 0) break;
        // Only a bracket set off by a space qualifies the term: "Portatur(-triċ)" is one word.
        if (!text::is_space(decode(variant, open - 1).value) && variant[open - 1] != ' ') break;
        std::string_view inside = trim(variant.substr(open + 1, variant.size() - open - 2));
        std::string_view before = trim(variant.substr(0, open));
        if (before.empty()) break;
        if (language == "no" && (inside == "b" || inside == "n")) {
            piece.language = inside == "b" ? "nb" : "nn";
        } else if (std::optional<std::string> countries = country_list(inside)) {
            prepend(piece.geographical_usage, *countries, ", ");
        } else if (is_usage_qualifier(inside) ||
                   (letter_count(inside) == 2 && is_abbreviation(inside) && !matches_initials(inside, before))) {
            prepend(piece.note, inside, "; ");
        } else if (is_abbreviation(inside)) {
            abbreviation = inside;
            variant = before;
            break;
        } else {
            break;
        }
        variant = before;
    }
    if (variant.empty()) return;
    if (abbreviation) {
        TermPiece full = piece;
        full.text = variant;
        full.term_type = "fullForm";
        pieces.push_back(full);
        piece.text = *abbreviation;
        piece.term_type = "abbreviation";
        pieces.push_back(piece);
        return;
    }
    piece.text = variant;
    piece.term_type = is_abbreviation(variant) ? "abbreviation" : "";
    pieces.push_back(piece);
}

}  // namespace

bool is_abbreviation(std::string_view text) {
    std::size_t letters = 0;
    for (std::size_t i = 0; i < text.size();) {
        CodePoint point = decode(text, i);
        if (!point.valid) return false;
        if (text::is_letter(point.value)) {
            if (!text::is_upper(point.value)) return false;
            ++letters;
        } else if (!(point.value == U'-' || point.value == U'.' || point.value == U'&' || is_digit(point.value))) {
            return false;
        }
        i += point.length;
    }
    return letters >= 2;
}

bool is_country_code(std::string_view text) {
    for (std::string_view code : country_code_list)
        if (code == text) return true;
    return false;
}

std::vector<TermPiece> split_terms(std::string_view line, std::string_view language) {
    std::vector<Part> parts = cut(trim(line));
    // Rejoin parts that a slash cut inside one term; the joined text is the
    // original span of the line, so it stays exactly as written.
    struct Variant {
        std::string_view text;
        std::string unsure;  // why the slash reading is open, when it is
    };
    std::vector<Variant> variants;
    for (const Part& part : parts) {
        bool is_slash = part.before == Separator::slash || part.before == Separator::tight_slash;
        SlashReading reading = !variants.empty() && is_slash
                                   ? read_slash(variants.back().text, part.text, part.before, language)
                                   : SlashReading::whole_terms;
        if (reading == SlashReading::whole_terms) {
            variants.push_back({part.text, {}});
            continue;
        }
        Variant& last = variants.back();
        if (reading == SlashReading::unsure)
            last.unsure += (last.unsure.empty() ? "" : "; ") + std::string("\"") + std::string(core_of(last.text)) +
                           "\" and \"" + std::string(core_of(part.text)) + "\"";
        const char* begin = last.text.data();
        const char* end = part.text.data() + part.text.size();
        last.text = std::string_view(begin, static_cast<std::size_t>(end - begin));
    }
    std::vector<TermPiece> pieces;
    for (const Variant& variant : variants) {
        if (variant.text.empty()) continue;
        std::size_t first = pieces.size();
        read_variant(variant.text, language, pieces);
        if (!variant.unsure.empty() && first < pieces.size())
            pieces[first].unsure_slash =
                "kept \"" + std::string(variant.text) +
                "\" as one term, as written: the slash may join alternative words of one term, or separate the "
                "whole terms " + variant.unsure + "; the words' shape does not tell which";
    }
    return pieces;
}

}  // namespace ilo::emn
