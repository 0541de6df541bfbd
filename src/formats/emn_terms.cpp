// Term splitting for EMN translation lines: separators, word alternatives, abbreviations and trailing usage qualifiers.
#include "formats/emn_terms.hpp"

#include <array>
#include <optional>

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

bool all_lower_initial(const std::vector<std::string_view>& words) {
    for (std::string_view word : words)
        if (initial_case(word) > 0) return false;
    return true;
}

// A slash joining alternative words inside one term, rather than whole terms.
bool joins_words(std::string_view left_variant, std::string_view right_variant, Separator separator) {
    std::string_view left = core_of(left_variant);
    std::string_view right = core_of(right_variant);
    if (left.empty() || right.empty()) return false;
    if (is_abbreviation(right) || is_abbreviation(left)) return false;
    std::vector<std::string_view> left_words = words_of(left);
    std::vector<std::string_view> right_words = words_of(right);
    if (separator == Separator::tight_slash) {
        // "und/oder", "EU/EEA national": a short piece touching the slash.
        if (letter_count(left_words.back()) <= 3 || letter_count(right_words.front()) <= 3) return true;
        if (left_words.size() == 1 && right_words.size() > 1) return true;
        // "terugkeerder/ster", "Rückkehrer/in": a lower-case ending for the word before the slash.
        if (right_words.size() == 1 && initial_case(right_words[0]) < 0 &&
            2 * letter_count(right_words[0]) < letter_count(left_words.back()))
            return true;
    }
    // "Persuna barranija / għariba": one lower-case word after a capitalised term
    // whose last word is lower case stands for that last word; it cannot stand alone.
    if (right_words.size() == 1 && left_words.size() >= 2 && initial_case(right_words[0]) < 0 &&
        initial_case(left_words.back()) < 0 && initial_case(left_words.front()) > 0)
        return true;
    // "irreguläre / illegale Migration": a lower-case word before a term whose head
    // noun is capitalised stands for that term's first word.
    if (left_words.size() == 1 && right_words.size() >= 2 && initial_case(left_words[0]) < 0 &&
        initial_case(right_words.front()) < 0 && initial_case(right_words.back()) > 0)
        return true;
    // "säännösten vastainen / laiton maahanmuutto": a lower-case modifier phrase and a
    // term with no word in common share the right side's last word; whole-term variants
    // of one concept nearly always repeat a word ("décision de retour / décision d'éloignement").
    if (left_words.size() >= 2 && right_words.size() >= 2 && all_lower_initial(left_words) &&
        initial_case(right_words.front()) < 0 && !shares_a_word(left, right))
        return true;
    return false;
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
    std::vector<std::string_view> variants;
    for (const Part& part : parts) {
        bool is_slash = part.before == Separator::slash || part.before == Separator::tight_slash;
        if (!variants.empty() && is_slash && joins_words(variants.back(), part.text, part.before)) {
            const char* begin = variants.back().data();
            const char* end = part.text.data() + part.text.size();
            variants.back() = std::string_view(begin, static_cast<std::size_t>(end - begin));
            continue;
        }
        variants.push_back(part.text);
    }
    std::vector<TermPiece> pieces;
    for (std::string_view variant : variants)
        if (!variant.empty()) read_variant(variant, language, pieces);
    return pieces;
}

}  // namespace ilo::emn
