// Reader for the text rendering of an EMN glossary page: classifies each line, then assembles entries into concepts.
#include "ilo_tbx/emn_reader.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <utility>

#include "formats/emn_terms.hpp"
#include "text/text_decoding.hpp"
#include "text/unicode_text.hpp"

namespace ilo {

namespace {

using text::CodePoint;
using text::decode;
using text::fold_case;
using text::fold_space;
using text::trim;
using emn::split_terms;
using emn::TermPiece;

constexpr std::string_view glossary_base_url =
    "https://home-affairs.ec.europa.eu/networks/european-migration-network-emn/emn-asylum-and-migration-glossary/"
    "glossary/";

// ---------------------------------------------------------------------------
// Line classification: what a line is on its own, before its place in the page is known.

// `unknown`: under a heading the reader does not know; its lines are reported, not placed.
enum class Section { none, definition, source, translations, synonyms, broader, narrower, related, notes, unknown };

enum class LineKind { blank, chrome, heading, inline_field, see_also, translation, numbered, bullet, text };

struct PageLine {
    std::uint32_t number = 0;   // 1-based
    std::string_view raw;       // the whole line, without its line end
    LineKind kind = LineKind::text;
    std::string_view content;   // the line's payload: bullet, number or code removed, trimmed
    Section heading = Section::none;
    std::string language;       // for translation lines: the BCP 47 tag
    std::string code;           // for translation lines: the code as written
    std::string countries;      // for joint codes ("AT/DE/LU"): the countries, as geographical usage
    bool glued = false;         // a code glued to its term ("BGспоразумение"): trusted only among translations
    bool bulleted = false;
    bool in_cell = false;       // one '|' cell of a line holding several
};

// Headings as the site writes them, in English and the UI languages seen so far,
// after normalize_heading (case folded, "(s)"-style endings removed).
struct HeadingName {
    std::string_view name;
    Section section;
};
constexpr std::array heading_names{
    HeadingName{"definition", Section::definition},     HeadingName{"definitions", Section::definition},
    HeadingName{"definizione", Section::definition},    HeadingName{"definizioni", Section::definition},
    HeadingName{"definitie", Section::definition},      HeadingName{"definities", Section::definition},
    HeadingName{"définition", Section::definition},     HeadingName{"définitions", Section::definition},
    HeadingName{"definición", Section::definition},     HeadingName{"definiciones", Section::definition},
    HeadingName{"begriffsbestimmung", Section::definition},
    HeadingName{"source", Section::source},             HeadingName{"sources", Section::source},
    HeadingName{"fonte", Section::source},              HeadingName{"fonti", Section::source},
    HeadingName{"bron", Section::source},               HeadingName{"bronnen", Section::source},
    HeadingName{"quelle", Section::source},             HeadingName{"quellen", Section::source},
    HeadingName{"fuente", Section::source},             HeadingName{"fuentes", Section::source},
    HeadingName{"translations", Section::translations}, HeadingName{"translation", Section::translations},
    HeadingName{"other translations", Section::translations},
    HeadingName{"altre traduzioni", Section::translations}, HeadingName{"traduzioni", Section::translations},
    HeadingName{"vertalingen", Section::translations},  HeadingName{"andere vertalingen", Section::translations},
    HeadingName{"übersetzungen", Section::translations}, HeadingName{"andere übersetzungen", Section::translations},
    HeadingName{"traductions", Section::translations},  HeadingName{"autres traductions", Section::translations},
    HeadingName{"traducciones", Section::translations},
    HeadingName{"synonym", Section::synonyms},          HeadingName{"synonyms", Section::synonyms},
    HeadingName{"synonyme", Section::synonyms},         HeadingName{"synonymes", Section::synonyms},
    HeadingName{"sinonimo", Section::synonyms},         HeadingName{"sinonimi", Section::synonyms},
    HeadingName{"synoniem", Section::synonyms},         HeadingName{"synoniemen", Section::synonyms},
    HeadingName{"sinónimo", Section::synonyms},         HeadingName{"sinónimos", Section::synonyms},
    HeadingName{"broader term", Section::broader},      HeadingName{"broader terms", Section::broader},
    HeadingName{"termine più ampio", Section::broader}, HeadingName{"termini più ampi", Section::broader},
    HeadingName{"breder begrip", Section::broader},     HeadingName{"bredere term", Section::broader},
    HeadingName{"oberbegriff", Section::broader},       HeadingName{"übergeordneter begriff", Section::broader},
    HeadingName{"narrower term", Section::narrower},    HeadingName{"narrower terms", Section::narrower},
    HeadingName{"termine più specifico", Section::narrower}, HeadingName{"termini più specifici", Section::narrower},
    HeadingName{"enger begrip", Section::narrower},     HeadingName{"engere term", Section::narrower},
    HeadingName{"nauwere term", Section::narrower},     HeadingName{"unterbegriff", Section::narrower},
    HeadingName{"untergeordneter begriff", Section::narrower},
    HeadingName{"related term", Section::related},      HeadingName{"related terms", Section::related},
    HeadingName{"termini correlati", Section::related}, HeadingName{"termine correlato", Section::related},
    HeadingName{"gerelateerde term", Section::related}, HeadingName{"gerelateerde termen", Section::related},
    HeadingName{"verwandte begriff", Section::related}, HeadingName{"verwandter begriff", Section::related},
    HeadingName{"verwandte begriffe", Section::related}, HeadingName{"termes associés", Section::related},
    HeadingName{"términos relacionados", Section::related},
    HeadingName{"note", Section::notes},                HeadingName{"notes", Section::notes},
    HeadingName{"nota", Section::notes},                HeadingName{"noot", Section::notes},
    HeadingName{"noten", Section::notes},               HeadingName{"opmerking", Section::notes},
    HeadingName{"opmerkingen", Section::notes},         HeadingName{"verwendungshinweis", Section::notes},
    HeadingName{"verwendungshinweise", Section::notes}, HeadingName{"anmerkung", Section::notes},
    HeadingName{"anmerkungen", Section::notes},         HeadingName{"hinweis", Section::notes},
    HeadingName{"remarque", Section::notes},            HeadingName{"remarques", Section::notes},
    HeadingName{"notas", Section::notes},
    // French UI.
    HeadingName{"terme générique", Section::broader},   HeadingName{"termes génériques", Section::broader},
    HeadingName{"terme plus large", Section::broader},  HeadingName{"termes plus larges", Section::broader},
    HeadingName{"terme spécifique", Section::narrower}, HeadingName{"termes spécifiques", Section::narrower},
    HeadingName{"terme plus étroit", Section::narrower}, HeadingName{"termes plus étroits", Section::narrower},
    HeadingName{"terme plus restreint", Section::narrower},
    HeadingName{"termes plus restreints", Section::narrower},
    HeadingName{"terme associé", Section::related},     HeadingName{"terme connexe", Section::related},
    HeadingName{"termes connexes", Section::related},
    // Spanish UI.
    HeadingName{"término relacionado", Section::related}, HeadingName{"término genérico", Section::broader},
    HeadingName{"términos genéricos", Section::broader}, HeadingName{"término más amplio", Section::broader},
    HeadingName{"términos más amplios", Section::broader}, HeadingName{"término específico", Section::narrower},
    HeadingName{"términos específicos", Section::narrower},
    HeadingName{"término más específico", Section::narrower},
    HeadingName{"términos más específicos", Section::narrower}, HeadingName{"otras traducciones", Section::translations},
    // Polish UI.
    HeadingName{"definicja", Section::definition},      HeadingName{"definicje", Section::definition},
    HeadingName{"źródło", Section::source},             HeadingName{"źródła", Section::source},
    HeadingName{"tłumaczenia", Section::translations},  HeadingName{"inne tłumaczenia", Section::translations},
    HeadingName{"synonim", Section::synonyms},          HeadingName{"synonimy", Section::synonyms},
    HeadingName{"termin szerszy", Section::broader},    HeadingName{"terminy szersze", Section::broader},
    HeadingName{"termin węższy", Section::narrower},    HeadingName{"terminy węższe", Section::narrower},
    HeadingName{"termin pokrewny", Section::related},   HeadingName{"terminy pokrewne", Section::related},
    HeadingName{"termin powiązany", Section::related},  HeadingName{"terminy powiązane", Section::related},
    HeadingName{"uwaga", Section::notes},               HeadingName{"uwagi", Section::notes},
};

// Site chrome in the UI languages whose wording is known; the logo line is
// recognised in any language by the word "logo" (see is_chrome).
constexpr std::array chrome_lines{
    std::string_view{"skip to main content"},
    std::string_view{"migration and home affairs"},
    std::string_view{"passer au contenu principal"},
    std::string_view{"migration et affaires intérieures"},
    std::string_view{"direkt zum inhalt"},
    std::string_view{"zum hauptinhalt springen"},
    std::string_view{"migration und inneres"},
    std::string_view{"vai al contenuto principale"},
    std::string_view{"migrazione e affari interni"},
    std::string_view{"naar hoofdinhoud"},
    std::string_view{"ga naar de hoofdinhoud"},
    std::string_view{"migratie en binnenlandse zaken"},
    std::string_view{"ir al contenido principal"},
    std::string_view{"migración y asuntos de interior"},
    // Footer lines of the site.
    std::string_view{"share this page"},
    std::string_view{"back to top"},
    std::string_view{"related links"},
    std::string_view{"european commission website"},
    std::string_view{"follow the european commission on social media"},
    std::string_view{"contact the european commission"},
    std::string_view{"about the european commission's web presence"},
};

// ISO 639-1 codes used on the glossary, upper case as the site writes them.
constexpr std::array language_codes{
    std::string_view{"BG"}, std::string_view{"CS"}, std::string_view{"DA"}, std::string_view{"DE"},
    std::string_view{"EL"}, std::string_view{"EN"}, std::string_view{"ES"}, std::string_view{"ET"},
    std::string_view{"FI"}, std::string_view{"FR"}, std::string_view{"GA"}, std::string_view{"HR"},
    std::string_view{"HU"}, std::string_view{"IT"}, std::string_view{"LT"}, std::string_view{"LV"},
    std::string_view{"MT"}, std::string_view{"NL"}, std::string_view{"PL"}, std::string_view{"PT"},
    std::string_view{"RO"}, std::string_view{"SK"}, std::string_view{"SL"}, std::string_view{"SV"},
    std::string_view{"NO"}, std::string_view{"KA"}, std::string_view{"UK"}, std::string_view{"HY"},
    std::string_view{"IS"}, std::string_view{"TR"}, std::string_view{"SQ"}, std::string_view{"MK"},
    std::string_view{"SR"}, std::string_view{"BS"}, std::string_view{"RU"}, std::string_view{"AR"},
    std::string_view{"LB"}, std::string_view{"CA"}, std::string_view{"GL"},
};

// Country-style codes of older editions, mapped to the language they stood for.
struct CountryCode {
    std::string_view code;
    std::string_view language;
};
constexpr std::array country_codes{
    CountryCode{"CZ", "cs"}, CountryCode{"EE", "et"}, CountryCode{"GR", "el"}, CountryCode{"SE", "sv"},
    CountryCode{"SI", "sl"}, CountryCode{"DK", "da"}, CountryCode{"IE", "ga"},
};

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<std::string> language_for_code(std::string_view code) {
    for (std::string_view known : language_codes)
        if (known == code) return ascii_lower(code);
    for (const CountryCode& country : country_codes)
        if (country.code == code) return std::string(country.language);
    return std::nullopt;
}

// Lower-cases, drops "(s)", "(en)", "(e)"-style optional endings and a trailing colon.
std::string normalize_heading(std::string_view line) {
    std::string folded = fold_space(line);
    while (!folded.empty() && (folded.back() == ':' || folded.back() == ' ')) folded.pop_back();
    std::string out;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded[i] == '(') {
            std::size_t close = folded.find(')', i);
            if (close != std::string::npos && close - i <= 5 && i > 0 && folded[i - 1] != ' ') {
                i = close;
                continue;
            }
        }
        out += folded[i];
    }
    return fold_case(out);
}

std::optional<Section> heading_section(std::string_view line) {
    if (line.size() > 60) return std::nullopt;
    std::string name = normalize_heading(line);
    for (const HeadingName& heading : heading_names)
        if (heading.name == name) return heading.section;
    return std::nullopt;
}

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (std::size_t i = 0; i < text.size();) {
        CodePoint point = decode(text, i);
        bool space = text::is_space(point.value);
        if (!space && !in_word) ++words;
        in_word = !space;
        i += point.length;
    }
    return words;
}

bool is_chrome(std::string_view content) {
    std::string folded = fold_case(fold_space(content));
    for (std::string_view chrome : chrome_lines)
        if (folded == chrome) return true;
    // The Commission logo line, in whatever UI language: "Logo Evropské komise", "Euroopan komission logo".
    if (word_count(folded) <= 6 && (folded.starts_with("logo ") || folded.ends_with(" logo") || folded == "logo"))
        return true;
    if (folded == "abcdefghijklmnopqrstuvwxyz") return true;
    // The old site's A-to-Z letter bar: a line of single letters, maybe separated by '|'.
    std::size_t letters = 0;
    bool only_letters = true;
    for (std::size_t i = 0; i < folded.size();) {
        CodePoint point = decode(folded, i);
        CodePoint next = decode(folded, i + point.length);
        if (text::is_letter(point.value)) {
            if (next.length != 0 && text::is_letter(next.value)) only_letters = false;
            ++letters;
        } else if (!text::is_space(point.value) && point.value != U'|' && point.value != U'-') {
            only_letters = false;
        }
        i += point.length;
    }
    return only_letters && letters >= 10;
}

// A bullet at the start of `content`: returns the length of bullet plus its spacing, or 0.
std::size_t bullet_length(std::string_view content) {
    CodePoint point = decode(content, 0);
    switch (point.value) {
        case U'\u2022':  // •
        case U'\u00B7':  // ·
        case U'\u25CF':  // ●
        case U'\u25E6':  // ◦
        case U'\u2023':  // ‣
        case U'\u2043':  // ⁃
        case U'\u25AA':  // ▪
        case U'\u25A0':  // ■
            break;
        case U'-':
        case U'*':
        case U'\u2013':  // –
        case U'\u2014':  // —
        {
            // A dash is a bullet only when a space follows it ("-based" is not a bullet).
            CodePoint after = decode(content, point.length);
            if (after.length == 0 || !text::is_space(after.value)) return 0;
            break;
        }
        default:
            return 0;
    }
    std::string_view rest = trim(content.substr(point.length));
    return rest.empty() ? content.size() : static_cast<std::size_t>(rest.data() - content.data());
}

// A note or list number at the start: "1.", "1.\u202f", "1)", "1.There", "1. 1.There".
// Returns the length of the number(s) and the spacing after them, or 0.
std::size_t number_length(std::string_view content) {
    std::size_t i = 0;
    std::size_t matched = 0;
    while (true) {
        std::size_t digits = 0;
        while (i + digits < content.size() && is_ascii_digit(content[i + digits])) ++digits;
        if (digits == 0 || digits > 3 || i + digits >= content.size()) break;
        char mark = content[i + digits];
        if (mark != '.' && mark != ')') break;
        std::size_t after = i + digits + 1;
        // "2.5 million" is not a number marker.
        if (after < content.size() && is_ascii_digit(content[after])) break;
        std::string_view rest = trim(content.substr(after));
        matched = rest.empty() ? content.size() : static_cast<std::size_t>(rest.data() - content.data());
        i = matched;
        if (rest.empty()) break;
    }
    return matched;
}

// What precedes a translation's terms: "XX:", "XX :", "AT/DE/LU:", "NO (b):", or a
// known code glued to its term ("BGспоразумение").
struct TranslationHead {
    std::string_view code;    // as written, e.g. "EL" or "AT/DE/LU"
    std::string_view terms;
    std::string language;     // empty if the code is unknown
    std::string countries;    // joint codes: every country, "AT, DE, LU"
    bool glued = false;
};

std::optional<TranslationHead> split_translation(std::string_view content) {
    std::size_t end = 0;
    auto two_capitals = [&](std::size_t at) {
        return at + 1 < content.size() && is_ascii_upper(content[at]) && is_ascii_upper(content[at + 1]);
    };
    if (!two_capitals(0)) return std::nullopt;
    end = 2;
    while (end + 2 < content.size() && content[end] == '/' && two_capitals(end + 1) &&
           (end + 3 == content.size() || !is_ascii_upper(content[end + 3])))
        end += 3;
    TranslationHead head;
    head.code = content.substr(0, end);
    std::size_t colon = end;
    while (colon < content.size() && (content[colon] == ' ' || content[colon] == '\t')) ++colon;
    std::string norwegian;
    if (content.substr(colon).starts_with("(b)") || content.substr(colon).starts_with("(n)")) {
        norwegian = content[colon + 1] == 'b' ? "nb" : "nn";
        colon += 3;
        while (colon < content.size() && (content[colon] == ' ' || content[colon] == '\t')) ++colon;
    }
    bool joint = head.code.size() > 2;
    for (std::size_t at = 0; at < head.code.size(); at += 3) {
        std::string_view component = head.code.substr(at, 2);
        if (head.language.empty()) head.language = language_for_code(component).value_or("");
        if (joint) head.countries += (head.countries.empty() ? "" : ", ") + std::string(component);
    }
    if (!norwegian.empty() && head.language == "no") head.language = norwegian;
    if (colon < content.size() && content[colon] == ':') {
        head.terms = trim(content.substr(colon + 1));
        return head;
    }
    // Glued: a known single code, then a letter that cannot continue an all-caps word.
    if (joint || head.language.empty() || end >= content.size()) return std::nullopt;
    CodePoint next = decode(content, end);
    CodePoint after = decode(content, end + next.length);
    bool continues_caps = next.value < 0x80 && is_ascii_upper(static_cast<char>(next.value)) &&
                          (after.length == 0 || !text::is_lower(after.value));
    if (!text::is_letter(next.value) || continues_caps) return std::nullopt;
    head.terms = trim(content.substr(end));
    head.glued = true;
    return head;
}

// The two cells of a row of a translation table copied from a browser: "BG<TAB>term"
// or "| BG | term |". Empty unless the line has exactly two cells.
std::optional<std::pair<std::string_view, std::string_view>> table_cells(std::string_view content) {
    std::string_view row = content;
    char separator = '\t';
    if (row.starts_with('|')) {
        separator = '|';
        row.remove_prefix(1);
        if (row.ends_with('|')) row.remove_suffix(1);
    }
    std::size_t cut = row.find(separator);
    if (cut == std::string_view::npos) return std::nullopt;
    std::string_view first = trim(row.substr(0, cut));
    std::string_view second = trim(row.substr(cut + 1));
    if (first.empty() || second.empty() || second.find(separator) != std::string_view::npos) return std::nullopt;
    return std::pair{first, second};
}

// A table row "BG<TAB>term": a translation when its first cell is a known language code.
std::optional<TranslationHead> table_row_translation(std::string_view content) {
    auto cells = table_cells(content);
    if (!cells || cells->first.size() != 2) return std::nullopt;
    std::optional<std::string> language = language_for_code(cells->first);
    if (!language) return std::nullopt;
    TranslationHead head;
    head.code = cells->first;
    head.terms = cells->second;
    head.language = *language;
    return head;
}

// The header row of such a table: "Language<TAB>Term", in the UI languages seen.
bool is_table_header(std::string_view content) {
    auto cells = table_cells(content);
    if (!cells) return false;
    constexpr std::array first_cells{std::string_view{"language"}, std::string_view{"languages"},
                                     std::string_view{"lang"},     std::string_view{"code"},
                                     std::string_view{"langue"},   std::string_view{"idioma"},
                                     std::string_view{"lingua"},   std::string_view{"sprache"},
                                     std::string_view{"taal"},     std::string_view{"język"}};
    std::string first = fold_case(cells->first);
    return std::find(first_cells.begin(), first_cells.end(), first) != first_cells.end() &&
           word_count(cells->second) <= 3;
}

// "Please see entry for X", "See entry for X", "See: X": a stub pointing at another entry.
std::optional<std::string_view> see_also_target(std::string_view content) {
    std::string folded = fold_case(fold_space(content));
    constexpr std::array prefixes{
        std::string_view{"please see entry for "}, std::string_view{"please see the entry for "},
        std::string_view{"see entry for "},        std::string_view{"see the entry for "},
        std::string_view{"please see entry "},     std::string_view{"please see "},
        std::string_view{"see entry "},            std::string_view{"see: "},
    };
    for (std::string_view prefix : prefixes) {
        if (!folded.starts_with(prefix)) continue;
        // Skip as many words in the original text as the prefix has.
        std::size_t words = static_cast<std::size_t>(std::count(prefix.begin(), prefix.end(), ' '));
        std::string_view rest = content;
        for (std::size_t w = 0; w < words; ++w) {
            std::size_t space = rest.find(' ');
            if (space == std::string_view::npos) return std::nullopt;
            rest = trim(rest.substr(space + 1));
        }
        while (!rest.empty() && (rest.back() == '.' || rest.back() == ';')) rest.remove_suffix(1);
        rest = trim(rest);
        if (rest.size() >= 2 && (rest.front() == '"' || rest.front() == '\'') && rest.back() == rest.front())
            rest = rest.substr(1, rest.size() - 2);
        if (!rest.empty()) return rest;
    }
    return std::nullopt;
}

// "Synonym(s): a, b", "Source:EMN": a heading and its content on one line.
std::optional<std::pair<Section, std::string_view>> inline_field(std::string_view content) {
    std::size_t colon = content.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 40) return std::nullopt;
    std::optional<Section> section = heading_section(content.substr(0, colon));
    if (!section) return std::nullopt;
    return std::pair{*section, trim(content.substr(colon + 1))};
}

PageLine classify(std::uint32_t number, std::string_view raw, bool in_cell) {
    PageLine line;
    line.number = number;
    line.raw = raw;
    line.in_cell = in_cell;
    std::string_view content = trim(raw);
    line.content = content;
    if (content.empty()) {
        line.kind = LineKind::blank;
        return line;
    }
    std::size_t bullet = bullet_length(content);
    line.bulleted = bullet != 0;
    std::string_view after_bullet = bullet ? content.substr(bullet) : content;
    if (is_table_header(after_bullet)) {
        line.kind = LineKind::heading;
        line.heading = Section::translations;
        return line;
    }
    std::optional<TranslationHead> head = table_row_translation(after_bullet);
    if (!head) head = split_translation(after_bullet);
    if (head) {
        // An unknown code is a translation line only in a list; "EU: Art. 2..." in prose is text.
        if (!head->language.empty() || bullet || in_cell) {
            line.kind = LineKind::translation;
            line.code = std::string(head->code);
            line.language = head->language;
            line.countries = head->countries;
            line.glued = head->glued;
            line.content = head->terms;
            return line;
        }
    }
    if (bullet) {
        line.kind = LineKind::bullet;
        line.content = after_bullet;
        return line;
    }
    if (is_chrome(content)) {
        line.kind = LineKind::chrome;
        return line;
    }
    if (auto section = heading_section(content)) {
        line.kind = LineKind::heading;
        line.heading = *section;
        return line;
    }
    if (auto field = inline_field(content)) {
        line.kind = LineKind::inline_field;
        line.heading = field->first;
        line.content = field->second;
        return line;
    }
    if (auto target = see_also_target(content)) {
        line.kind = LineKind::see_also;
        line.content = *target;
        return line;
    }
    if (std::size_t number_size = number_length(content)) {
        line.kind = LineKind::numbered;
        line.content = content.substr(number_size);
        return line;
    }
    line.kind = LineKind::text;
    return line;
}

// A line of '|'-separated cells of which at least two are translations ("| BG: a | CS: b |").
std::vector<std::string_view> translation_cells(std::string_view raw) {
    if (std::count(raw.begin(), raw.end(), '|') < 2) return {};
    std::vector<std::string_view> cells;
    std::size_t translations = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= raw.size(); ++i) {
        if (i < raw.size() && raw[i] != '|') continue;
        std::string_view cell = trim(raw.substr(start, i - start));
        start = i + 1;
        if (cell.empty()) continue;
        std::optional<TranslationHead> head = split_translation(cell);
        if (head && !head->language.empty()) ++translations;
        cells.push_back(cell);
    }
    return translations >= 2 ? cells : std::vector<std::string_view>{};
}

// Older editions named Member States, not languages (CZ, EE, GR, SE, SI, DK). On
// such a page AT, CY and UK are the German, Greek and English of that country, not
// unknown codes (nor Ukrainian), and become sections with geographical usage.
void apply_country_style(std::vector<PageLine>& lines) {
    constexpr std::array old_codes{std::string_view{"CZ"}, std::string_view{"EE"}, std::string_view{"GR"},
                                   std::string_view{"SE"}, std::string_view{"SI"}, std::string_view{"DK"}};
    bool country_style = std::any_of(lines.begin(), lines.end(), [&](const PageLine& line) {
        return line.kind == LineKind::translation &&
               std::find(old_codes.begin(), old_codes.end(), line.code) != old_codes.end();
    });
    if (!country_style) return;
    constexpr std::array<std::pair<std::string_view, std::string_view>, 3> country_languages{
        {{"AT", "de"}, {"CY", "el"}, {"UK", "en"}}};
    for (PageLine& line : lines) {
        if (line.kind != LineKind::translation && line.kind != LineKind::text) continue;
        std::string_view after_bullet = line.kind == LineKind::translation ? std::string_view(line.code) : line.content;
        for (const auto& [code, language] : country_languages) {
            if (line.kind == LineKind::translation && line.code == code) {
                line.language = std::string(language);
                line.countries = std::string(code);
            } else if (line.kind == LineKind::text && after_bullet.starts_with(code)) {
                std::optional<TranslationHead> head = split_translation(line.content);
                if (!head || head->code != code || head->glued) continue;
                line.kind = LineKind::translation;
                line.code = std::string(code);
                line.language = std::string(language);
                line.countries = std::string(code);
                line.content = head->terms;
            }
        }
    }
}

std::vector<PageLine> split_lines(std::string_view text) {
    std::vector<PageLine> lines;
    std::uint32_t number = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
            if (i == text.size() && start == text.size() && number > 1) break;  // no empty last line after a line end
            std::string_view raw = text.substr(start, i - start);
            std::vector<std::string_view> cells = translation_cells(raw);
            if (cells.empty()) {
                lines.push_back(classify(number, raw, false));
            } else {
                for (std::string_view cell : cells) lines.push_back(classify(number, cell, true));
            }
            ++number;
            if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            start = i + 1;
        }
    }
    return lines;
}

// ---------------------------------------------------------------------------
// Prose and term clean-up.

// Folds white space and removes the space that scraping leaves before , . ; :
// where a link used to be ("migration , the return" -> "migration, the return").
std::string clean_prose(std::string_view raw) {
    std::string folded = fold_space(raw);
    std::string out;
    out.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded[i] == ' ' && i + 1 < folded.size()) {
            char next = folded[i + 1];
            if (next == ',' || next == '.' || next == ';' || next == ':') {
                // Only punctuation that ends a clause: followed by a space, the end, or more punctuation.
                char after = i + 2 < folded.size() ? folded[i + 2] : ' ';
                if (after == ' ' || after == ',' || after == '.' || after == ';' || after == ':' || after == ')')
                    continue;
            }
        }
        out += folded[i];
    }
    return out;
}

bool ends_sentence(std::string_view text) {
    text = trim(text);
    if (text.empty()) return false;
    char last = text.back();
    return last == '.' || last == '!' || last == '?';
}

bool ends_open(std::string_view text) {
    text = trim(text);
    if (text.empty()) return true;
    char last = text.back();
    return last == ':' || last == ';' || last == ',';
}

bool starts_lower(std::string_view text) {
    CodePoint point = decode(text, 0);
    return point.length != 0 && text::is_lower(point.value);
}

// Short and without sentence punctuation: a term or a title rather than prose.
bool looks_like_term(std::string_view text) {
    text = trim(text);
    return !text.empty() && word_count(text) <= 12 && text.size() <= 160 && !ends_sentence(text) && !ends_open(text);
}

// ---------------------------------------------------------------------------
// Entry assembly.

// "In the EU context, a person..." / "Global context: Art. 2" / "In a global context:".
struct ContextLabel {
    std::string label;      // as written, e.g. "EU context"
    std::string_view rest;  // what follows the label
    bool field = false;     // "EU context: ..." (a prefix, not part of the sentence as "In the EU context, ..." is)
};

bool starts_with_ascii_nocase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

std::optional<ContextLabel> context_label(std::string_view text) {
    text = trim(text);
    std::string_view label = text;
    bool opened = false;
    for (std::string_view opener : {std::string_view{"in the "}, std::string_view{"in an "}, std::string_view{"in a "},
                                    std::string_view{"in "}}) {
        if (starts_with_ascii_nocase(text, opener)) {
            label = text.substr(opener.size());
            opened = true;
            break;
        }
    }
    for (std::size_t at = 0; at < label.size() && at <= 40; ++at) {
        if (!starts_with_ascii_nocase(label.substr(at), " context")) continue;
        std::size_t end = at + 8;
        std::size_t punctuation = end;
        while (punctuation < label.size() && label[punctuation] == ' ') ++punctuation;
        if (punctuation < label.size() && label[punctuation] != ',' && label[punctuation] != ':') return std::nullopt;
        std::string_view rest = punctuation < label.size() ? trim(label.substr(punctuation + 1)) : std::string_view{};
        bool field = !opened && punctuation < label.size() && label[punctuation] == ':';
        return ContextLabel{fold_space(label.substr(0, end)), rest, field};
    }
    return std::nullopt;
}

std::string first_word_lower(std::string_view text) {
    text = trim(text);
    std::size_t end = 0;
    while (end < text.size() && text[end] != ' ') ++end;
    std::string word = ascii_lower(text.substr(0, end));
    while (!word.empty() && (word.back() == '.' || word.back() == ',' || word.back() == ':')) word.pop_back();
    return word;
}

// A bibliographic or legal reference rather than a definition: how EMN sources open
// ("Art. 2(c) of Directive...", "Derived by EMN from...", "UNHCR Master Glossary").
bool looks_like_source(std::string_view text) {
    if (std::optional<ContextLabel> label = context_label(text)) text = label->rest;
    constexpr std::array starters{
        std::string_view{"art"},        std::string_view{"arts"},        std::string_view{"article"},
        std::string_view{"articles"},   std::string_view{"derived"},     std::string_view{"source"},
        std::string_view{"sources"},    std::string_view{"based"},       std::string_view{"adapted"},
        std::string_view{"directive"},  std::string_view{"regulation"},  std::string_view{"council"},
        std::string_view{"commission"}, std::string_view{"convention"},  std::string_view{"unhcr"},
        std::string_view{"iom"},        std::string_view{"emn"},         std::string_view{"oecd"},
        std::string_view{"recital"},    std::string_view{"para"},        std::string_view{"paragraph"},
        std::string_view{"glossary"},   std::string_view{"cf"},          std::string_view{"eurostat"},
        std::string_view{"protocol"},   std::string_view{"decision"},    std::string_view{"communication"},
        std::string_view{"handbook"},   std::string_view{"oxford"},      std::string_view{"judgment"},
        std::string_view{"ilo"},        std::string_view{"un"},          std::string_view{"who"},
        std::string_view{"unicef"},     std::string_view{"frontex"},     std::string_view{"easo"},
        std::string_view{"euaa"},       std::string_view{"fra"},         std::string_view{"icmpd"},
    };
    std::string first = first_word_lower(text);
    for (std::string_view starter : starters)
        if (first == starter) return true;
    if (first == "a" || first == "an" || first == "the" || first == "any" || first == "each" || first == "every")
        return false;
    bool cites = text.find("Art.") != std::string_view::npos || text.find("Article ") != std::string_view::npos ||
                 text.find("Directive") != std::string_view::npos || text.find("Regulation") != std::string_view::npos;
    return cites && word_count(text) <= 40 && !ends_open(text);
}

// A sentence that defines: a context label ("In the EU context, ..."), or a full
// sentence of some length, as definitions are and sources rarely are.
bool looks_like_definition(std::string_view text) {
    if (context_label(text)) return true;
    std::string first = first_word_lower(text);
    bool opens_like_definition =
        first == "a" || first == "an" || first == "the" || first == "any" || first == "each" || first == "every";
    return opens_like_definition || (word_count(text) > 12 && ends_sentence(text));
}

// "Art. 2 of...", "Derived by EMN from...": a paragraph that can only be a source.
bool opens_like_citation(std::string_view text) {
    std::string first = first_word_lower(text);
    return first == "art" || first == "arts" || first == "article" || first == "articles" || first == "derived" ||
           first == "source" || first == "sources" || first == "cf";
}

struct Paragraph {
    std::string text;
    std::string context;
    std::uint32_t line = 0;
    SourcePos pos;  // where the paragraph's text starts
};

struct TranslationLine {
    std::string language;
    std::string code;
    std::string countries;
    std::string_view terms;
    const PageLine* line = nullptr;
};

struct EntryDraft {
    const PageLine* title = nullptr;
    const PageLine* first = nullptr;
    std::vector<Paragraph> definitions;
    std::vector<Paragraph> sources;
    std::vector<TranslationLine> translations;
    std::vector<std::string_view> synonyms;
    std::vector<std::pair<RelationKind, std::string_view>> relations;
    std::vector<Paragraph> notes;
    bool stub = false;  // a "Please see entry for X" entry
};

// Where the reader is inside one entry.
struct EntryState {
    EntryDraft draft;
    Section section = Section::none;
    bool explicit_heading = false;
    bool after_blank = true;
    bool seen_translations = false;
    std::string pending_context;  // a context label on its own line, for the next paragraph
};

class EntryReader {
public:
    EntryReader(const Input& input, const ReadOptions& options, Diagnostics& diagnostics)
        : input_(input), options_(options), diagnostics_(diagnostics), index_(input.text) {}

    std::vector<EmnLineRole> read(ConceptSink& sink);

private:
    using Lines = std::span<const PageLine>;

    // Positions of views into the page. Consecutive look-ups on one line (the terms of
    // a long translation line) continue counting from the previous one, so that a
    // line of many terms costs its length once, not once per term.
    SourcePos pos_of(std::string_view view) const {
        // Every view the reader makes is into the page; an empty view made from nothing has no place there.
        std::less<const char*> before;
        if (before(view.data(), input_.text.data()) || before(input_.text.data() + input_.text.size(), view.data()))
            return SourcePos{input_.name, 0, 0};
        auto offset = static_cast<std::size_t>(view.data() - input_.text.data());
        if (cached_.known() && offset >= cached_offset_) {
            std::uint32_t column = cached_.column;
            bool same_line = true;
            for (std::size_t i = cached_offset_; i < offset && same_line; ++i) {
                char c = input_.text[i];
                if (c == '\n' || c == '\r') same_line = false;
                if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
            }
            if (same_line) {
                cached_.column = column;
                cached_offset_ = offset;
                return cached_;
            }
        }
        cached_ = index_.position(offset, input_.name);
        cached_offset_ = offset;
        return cached_;
    }
    SourcePos line_pos(const PageLine& line) const {
        std::string_view trimmed = trim(line.raw);
        return pos_of(trimmed.empty() ? line.raw : trimmed);
    }
    void role(const PageLine& line, std::string text) {
        std::string& slot = roles_[line.number - 1].role;
        // A line of '|' cells gets one role per cell.
        if (line.in_cell && !slot.empty()) {
            slot += "; ";
            slot += text;
        } else {
            slot = std::move(text);
        }
    }
    void warn(SourcePos pos, std::string code, std::string message) {
        if (options_.strict)
            diagnostics_.error(std::move(pos), std::move(code), std::move(message));
        else
            diagnostics_.warning(std::move(pos), std::move(code), std::move(message));
    }
    void unplaced(const PageLine& line, std::string_view why);

    std::vector<std::size_t> entry_starts(Lines lines) const;
    std::size_t find_title(Lines lines);
    void assemble(Lines lines, std::size_t start);
    void place_translation(const PageLine& line);
    void place_inline_field(const PageLine& line);
    void place_bullet(const PageLine& line);
    void place_text(const PageLine& line);
    void place_numbered(const PageLine& line);
    void add_definition(const PageLine& line, std::string_view text_view);
    void add_source(const PageLine& line, std::string_view text_view);
    void continue_last(std::vector<Paragraph>& paragraphs, const PageLine& line, std::string_view text_view,
                       std::string_view what);
    void add_note(const PageLine& line, std::string_view text_view, bool may_continue);
    bool next_paragraph_is_source() const;
    std::optional<Concept> build_concept(Lines lines);
    // The terms each language section of the concept being built already has: exact
    // texts, and case-folded ones where case is merged (English).
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> seen_terms_;
    void add_terms(std::vector<LanguageSection>& sections, std::string_view language, SourcePos pos,
                   std::string_view line_text, bool merge_case, std::string_view countries = {});
    static LanguageSection& section_for(std::vector<LanguageSection>& sections, std::string_view language,
                                        SourcePos pos);
    std::vector<Definition> paired_definitions();

    const Input& input_;
    const ReadOptions& options_;
    Diagnostics& diagnostics_;
    LineIndex index_;
    mutable SourcePos cached_;           // the last position computed, for pos_of
    mutable std::size_t cached_offset_ = 0;
    std::vector<EmnLineRole> roles_;
    EntryState state_;
    EntryDraft& draft_ = state_.draft;
    Lines lines_;            // the entry being assembled, for look-ahead
    std::size_t current_ = 0;  // the index in lines_ of the line being placed
};

const char* section_name(Section section) {
    switch (section) {
        case Section::none: return "none";
        case Section::definition: return "definition";
        case Section::source: return "source";
        case Section::translations: return "translations";
        case Section::synonyms: return "synonyms";
        case Section::broader: return "broader terms";
        case Section::narrower: return "narrower terms";
        case Section::related: return "related terms";
        case Section::notes: return "notes";
        case Section::unknown: return "unknown heading";
    }
    return "none";
}

std::optional<RelationKind> relation_kind(Section section) {
    switch (section) {
        case Section::broader: return RelationKind::broader;
        case Section::narrower: return RelationKind::narrower;
        case Section::related: return RelationKind::related;
        default: return std::nullopt;
    }
}

// Splits "a, b , c" (an inline list of an older edition) at commas outside brackets.
std::vector<std::string_view> comma_items(std::string_view text) {
    std::vector<std::string_view> items;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size()) {
            if (text[i] == '(') ++depth;
            if (text[i] == ')' && depth > 0) --depth;
            if (text[i] != ',' || depth > 0) continue;
        }
        std::string_view item = trim(text.substr(start, i - start));
        while (!item.empty() && item.back() == '.') item = trim(item.substr(0, item.size() - 1));
        if (!item.empty()) items.push_back(item);
        start = i + 1;
    }
    return items;
}

void EntryReader::unplaced(const PageLine& line, std::string_view why) {
    role(line, "unplaced");
    std::string shown = fold_space(line.in_cell ? line.raw : line.raw);
    if (shown.size() > 80) {
        std::size_t cut = 77;
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
        shown = shown.substr(0, cut) + "...";
    }
    warn(line_pos(line), "emn.unplaced-line", "cannot place this line (" + std::string(why) + "): \"" + shown + "\"");
}

// A line that can open an entry: a short unbulleted line followed (`next`, the next
// line that is neither blank nor chrome) by what follows a title: a definition, a
// definition, source or translations heading, a stub, or translations.
bool opens_entry(const PageLine& line, const PageLine* next) {
    if (line.kind != LineKind::text || !next || !looks_like_term(line.content) || looks_like_source(line.content) ||
        context_label(line.content))
        return false;
    switch (next->kind) {
        case LineKind::heading:
        case LineKind::inline_field:
            return next->heading == Section::definition || next->heading == Section::source ||
                   next->heading == Section::translations;
        case LineKind::see_also:
            return true;
        case LineKind::translation:
            return !next->language.empty();
        case LineKind::text:
            return !looks_like_term(next->content);
        default:
            return false;
    }
}

bool anchors_entry(const PageLine& line) {
    return (line.kind == LineKind::translation && !line.language.empty()) || line.kind == LineKind::see_also;
}

// Where entries start on a page holding several (older editions): a line that opens
// an entry, after the current entry has had translations or a stub, when the next
// translations or stub come before any other such line. Linear in the page length.
std::vector<std::size_t> EntryReader::entry_starts(Lines lines) const {
    const std::size_t count = lines.size();
    std::vector<bool> opener(count, false);
    std::vector<std::size_t> next_anchor(count + 1, count);  // first anchor at or after i
    std::vector<std::size_t> next_opener(count + 1, count);  // first opener at or after i
    const PageLine* next_content = nullptr;
    for (std::size_t i = count; i-- > 0;) {
        opener[i] = opens_entry(lines[i], next_content);
        next_anchor[i] = anchors_entry(lines[i]) ? i : next_anchor[i + 1];
        next_opener[i] = opener[i] ? i : next_opener[i + 1];
        if (lines[i].kind != LineKind::blank && lines[i].kind != LineKind::chrome) next_content = &lines[i];
    }
    std::vector<std::size_t> starts{0};
    bool complete = false;
    for (std::size_t i = 0; i < count; ++i) {
        if (complete && opener[i] && next_anchor[i + 1] < next_opener[i + 1]) {
            starts.push_back(i);
            complete = false;
            continue;
        }
        if (anchors_entry(lines[i])) complete = true;
    }
    return starts;
}

// Finds the title: the line before the first heading or translation that repeats
// the EN translation, else the first short non-chrome line there. Lines before a
// title confirmed by the EN line are site chrome in some UI language.
std::size_t EntryReader::find_title(Lines lines) {
    std::size_t region_end = lines.size();
    const PageLine* english = nullptr;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const PageLine& line = lines[i];
        bool structural = line.kind == LineKind::heading || line.kind == LineKind::bullet ||
                          line.kind == LineKind::numbered || line.kind == LineKind::inline_field ||
                          line.kind == LineKind::see_also ||
                          (line.kind == LineKind::translation && !line.language.empty());
        if (structural && region_end == lines.size()) region_end = i;
        if (line.kind == LineKind::translation && line.language == "en" && !english) english = &line;
    }
    if (english) {
        std::string whole = fold_case(fold_space(english->content));
        std::vector<TermPiece> pieces = split_terms(english->content, "en");
        std::string first = pieces.empty() ? std::string() : fold_case(fold_space(pieces.front().text));
        for (std::size_t i = 0; i < region_end; ++i) {
            if (lines[i].kind != LineKind::text) continue;
            std::string candidate = fold_case(fold_space(lines[i].content));
            if (candidate == whole || candidate == first) {
                for (std::size_t j = 0; j < i; ++j)
                    if (lines[j].kind == LineKind::text) role(lines[j], "chrome (before the title)");
                draft_.title = &lines[i];
                return i + 1;
            }
        }
    }
    // Chrome comes in one block: unknown lines next to known chrome (no blank line
    // between) are chrome in a UI language whose wording the reader does not know.
    std::vector<bool> chrome_block(region_end, false);
    std::size_t after_chrome = 0;
    for (std::size_t i = 0; i < region_end;) {
        std::size_t end = i;
        bool has_chrome = false;
        while (end < region_end && lines[end].kind != LineKind::blank) has_chrome |= lines[end++].kind == LineKind::chrome;
        for (std::size_t j = i; j < end; ++j) chrome_block[j] = has_chrome;
        i = end == i ? i + 1 : end;
    }
    for (std::size_t i = 0; i < region_end; ++i) {
        if (lines[i].kind != LineKind::text) continue;
        if (chrome_block[i]) {
            role(lines[i], "chrome (next to chrome)");
            after_chrome = i + 1;
            continue;
        }
        if (looks_like_term(lines[i].content) && !looks_like_source(lines[i].content) &&
            !context_label(lines[i].content)) {
            draft_.title = &lines[i];
            return i + 1;
        }
        return i;
    }
    return after_chrome;
}

std::vector<EmnLineRole> EntryReader::read(ConceptSink& sink) {
    sink.header(emn_header());
    std::vector<PageLine> lines = split_lines(input_.text);
    apply_country_style(lines);
    roles_.resize(lines.empty() ? 0 : lines.back().number);
    for (std::uint32_t number = 1; number <= roles_.size(); ++number) {
        roles_[number - 1].line = number;
        std::string_view raw = index_.line_text(number);
        if (!text::is_clean(raw))
            warn(pos_of(raw), "emn.invalid-text",
                 "line holds invalid UTF-8 or control characters; they were replaced by U+FFFD");
    }
    for (const PageLine& line : lines) {
        if (line.kind == LineKind::blank) role(line, "blank");
        if (line.kind == LineKind::chrome) role(line, "chrome");
    }
    std::vector<std::size_t> starts = entry_starts(lines);
    for (std::size_t e = 0; e < starts.size(); ++e) {
        std::size_t end = e + 1 < starts.size() ? starts[e + 1] : lines.size();
        Lines entry = Lines(lines).subspan(starts[e], end - starts[e]);
        state_ = EntryState{};
        std::size_t start = find_title(entry);
        if (draft_.title) {
            role(*draft_.title, starts.size() > 1 ? "title of entry " + std::to_string(e + 1) : "title");
            state_.section = Section::definition;
        }
        assemble(entry, start);
        if (std::optional<Concept> concept_value = build_concept(entry))
            sink.concept_entry(std::move(*concept_value));
    }
    // The promise that no line is lost without a word: any line no step gave a role to is reported.
    for (const PageLine& line : lines)
        if (roles_[line.number - 1].role.empty()) unplaced(line, "no rule applies");
    return std::move(roles_);
}

void EntryReader::assemble(Lines lines, std::size_t start) {
    lines_ = lines;
    for (std::size_t i = start; i < lines.size(); ++i) {
        current_ = i;
        const PageLine& line = lines[i];
        if (line.kind != LineKind::blank && line.kind != LineKind::chrome && !draft_.first) draft_.first = &line;
        switch (line.kind) {
            case LineKind::blank:
                state_.after_blank = true;
                continue;
            case LineKind::chrome:
                continue;
            case LineKind::heading:
                state_.section = line.heading;
                state_.explicit_heading = true;
                role(line, std::string("heading: ") + section_name(line.heading));
                state_.after_blank = true;
                continue;
            case LineKind::inline_field: place_inline_field(line); break;
            case LineKind::see_also:
                draft_.relations.push_back({RelationKind::related, line.content});
                draft_.stub = true;
                role(line, "see also (relation)");
                break;
            case LineKind::translation: place_translation(line); break;
            case LineKind::numbered:
                if (line.content.empty()) {
                    // A list number alone on its line: the item's text follows on the next line.
                    role(line, "list number");
                    if (state_.section != Section::source && state_.section != Section::definition)
                        state_.section = Section::notes;
                    state_.after_blank = true;
                    continue;
                }
                place_numbered(line);
                break;
            case LineKind::bullet: place_bullet(line); break;
            case LineKind::text: place_text(line); break;
        }
        state_.after_blank = false;
    }
    for (std::size_t i = 0; i < start; ++i)
        if (roles_[lines[i].number - 1].role.empty()) role(lines[i], "chrome (before the title)");
}

void EntryReader::place_translation(const PageLine& line) {
    bool sentence = !line.bulleted && !line.in_cell && state_.section != Section::translations &&
                    (state_.section == Section::notes || word_count(line.content) > 20);
    if (sentence || (line.glued && !line.bulleted && !line.in_cell && state_.section != Section::translations)) {
        // A note such as "DE: In Germany, ..." or a glued code outside the translations: text, not a translation.
        PageLine as_text = line;
        as_text.kind = LineKind::text;
        as_text.content = trim(line.raw);
        place_text(as_text);
        return;
    }
    if (line.language.empty()) {
        unplaced(line, "unknown language code " + line.code);
        return;
    }
    draft_.translations.push_back({line.language, line.code, line.countries, line.content, &line});
    role(line, "translation (" + line.language + ")");
    state_.section = Section::translations;
    state_.explicit_heading = false;
    state_.seen_translations = true;
}

void EntryReader::place_inline_field(const PageLine& line) {
    if (state_.section == Section::notes &&
        (line.heading == Section::source || line.heading == Section::definition)) {
        // "Source: UNHCR" among the notes belongs to the note, not to the definition.
        add_note(line, trim(line.raw), false);
        return;
    }
    state_.section = line.heading;
    state_.explicit_heading = true;
    std::string what = std::string("inline ") + section_name(line.heading);
    if (line.content.empty()) {
        role(line, std::string("heading: ") + section_name(line.heading));
        return;
    }
    if (std::optional<RelationKind> kind = relation_kind(line.heading)) {
        for (std::string_view item : comma_items(line.content)) draft_.relations.push_back({*kind, item});
        role(line, what);
        return;
    }
    switch (line.heading) {
        case Section::synonyms:
            for (std::string_view item : comma_items(line.content)) draft_.synonyms.push_back(item);
            role(line, what);
            return;
        case Section::definition: add_definition(line, line.content); return;
        case Section::source: add_source(line, line.content); return;
        case Section::notes: add_note(line, line.content, false); return;
        default: unplaced(line, "a translations field with text after it"); return;
    }
}

void EntryReader::add_definition(const PageLine& line, std::string_view text_view) {
    state_.section = Section::definition;
    std::optional<ContextLabel> label = context_label(text_view);
    if (label && label->rest.empty()) {
        state_.pending_context = label->label;
        role(line, "context label");
        return;
    }
    std::string context = label ? label->label : std::exchange(state_.pending_context, {});
    std::string_view body = label && label->field ? label->rest : text_view;
    draft_.definitions.push_back({clean_prose(body), context, line.number, pos_of(body)});
    role(line, "definition");
}

void EntryReader::add_source(const PageLine& line, std::string_view text_view) {
    state_.section = Section::source;
    std::optional<ContextLabel> label = context_label(text_view);
    if (label && label->rest.empty()) {
        state_.pending_context = label->label;
        role(line, "context label");
        return;
    }
    std::string context = label ? label->label : std::exchange(state_.pending_context, {});
    std::string_view body = label && label->field ? label->rest : text_view;
    draft_.sources.push_back({clean_prose(body), context, line.number, pos_of(body)});
    role(line, "source");
}

void EntryReader::continue_last(std::vector<Paragraph>& paragraphs, const PageLine& line, std::string_view text_view,
                                std::string_view what) {
    paragraphs.back().text += " " + clean_prose(text_view);
    role(line, std::string(what) + " (continued)");
}

void EntryReader::add_note(const PageLine& line, std::string_view text_view, bool may_continue) {
    state_.section = Section::notes;
    if (may_continue && !draft_.notes.empty()) {
        continue_last(draft_.notes, line, text_view, "note");
        return;
    }
    draft_.notes.push_back({clean_prose(text_view), {}, line.number, pos_of(text_view)});
    role(line, "note " + std::to_string(draft_.notes.size()));
}

void EntryReader::place_numbered(const PageLine& line) {
    Section section = state_.section;
    if (section == Section::unknown) {
        unplaced(line, "under a heading the reader does not know");
        return;
    }
    if (section == Section::source ||
        (section == Section::definition && !state_.explicit_heading && !state_.seen_translations &&
         state_.after_blank && !draft_.definitions.empty() && !ends_open(draft_.definitions.back().text))) {
        // A source given as a numbered list.
        add_source(line, line.content);
        return;
    }
    if (section == Section::definition && !draft_.definitions.empty() && ends_open(draft_.definitions.back().text)) {
        continue_last(draft_.definitions, line, line.content, "definition");
        return;
    }
    if (section == Section::definition && state_.explicit_heading) {
        add_definition(line, line.content);
        return;
    }
    if (!draft_.title && !state_.seen_translations && draft_.definitions.empty()) {
        unplaced(line, "a numbered line before any title, definition or translation");
        return;
    }
    add_note(line, line.content, false);
}

void EntryReader::place_bullet(const PageLine& line) {
    if (state_.section == Section::unknown) {
        unplaced(line, "under a heading the reader does not know");
        return;
    }
    if (std::optional<RelationKind> kind = relation_kind(state_.section)) {
        draft_.relations.push_back({*kind, line.content});
        role(line, std::string("relation (") + section_name(state_.section) + ")");
        return;
    }
    switch (state_.section) {
        case Section::translations:
        case Section::synonyms:
            state_.section = Section::synonyms;
            draft_.synonyms.push_back(line.content);
            role(line, "synonym");
            return;
        case Section::definition:
            if (!draft_.definitions.empty() && (ends_open(draft_.definitions.back().text) || !state_.after_blank)) {
                // A sub-clause of a definition that opens with an intro line.
                continue_last(draft_.definitions, line, line.content, "definition");
            } else if (!draft_.definitions.empty() && !state_.explicit_heading) {
                add_source(line, line.content);
            } else {
                add_definition(line, line.content);
            }
            return;
        case Section::source:
            if (!draft_.sources.empty() && ends_open(draft_.sources.back().text))
                continue_last(draft_.sources, line, line.content, "source");
            else
                add_source(line, line.content);
            return;
        case Section::notes:
            add_note(line, line.content, !draft_.notes.empty() && ends_open(draft_.notes.back().text));
            return;
        default:
            unplaced(line, "a list item outside any section");
            return;
    }
}

// A heading in a UI language the reader does not know, by the shape the site gives
// every heading: a few words, capitalised, with an optional ending in brackets
// ("Terme(s) générique(s)", "Termo(s) relacionado(s)"), no sentence punctuation.
bool looks_like_unknown_heading(std::string_view content) {
    if (word_count(content) > 5 || content.size() > 60 || ends_sentence(content) || ends_open(content)) return false;
    CodePoint first = decode(content, 0);
    if (!text::is_upper(first.value)) return false;
    for (std::size_t open = content.find('('); open != std::string_view::npos; open = content.find('(', open + 1)) {
        std::size_t close = content.find(')', open);
        if (open == 0 || close == std::string_view::npos || close - open < 2 || close - open > 5) continue;
        std::size_t before = open - 1;
        while (before > 0 && (static_cast<unsigned char>(content[before]) & 0xC0) == 0x80) --before;
        if (!text::is_letter(decode(content, before).value)) continue;
        bool letters_inside = true;
        for (std::size_t i = open + 1; i < close;) {
            CodePoint inside = decode(content, i);
            letters_inside = letters_inside && text::is_lower(inside.value);
            i += inside.length;
        }
        if (letters_inside) return true;
    }
    return false;
}

void EntryReader::place_text(const PageLine& line) {
    std::string_view content = line.content;
    if (state_.section != Section::definition && state_.section != Section::source &&
        state_.section != Section::none && looks_like_unknown_heading(content)) {
        role(line, "unknown heading");
        warn(line_pos(line), "emn.unknown-heading",
             "a heading the reader does not know: \"" + fold_space(content) +
                 "\"; the lines under it, up to the next known heading or translation, are reported, not placed");
        state_.section = Section::unknown;
        state_.explicit_heading = true;
        return;
    }
    if (state_.section == Section::unknown) {
        unplaced(line, "under a heading the reader does not know");
        return;
    }
    if (std::optional<RelationKind> kind = relation_kind(state_.section)) {
        if (looks_like_term(content)) {
            draft_.relations.push_back({*kind, content});
            role(line, std::string("relation (") + section_name(state_.section) + ")");
        } else {
            add_note(line, content, false);
        }
        return;
    }
    switch (state_.section) {
        case Section::none:
        case Section::definition: {
            if (draft_.definitions.empty()) {
                if (!state_.explicit_heading && opens_like_citation(content))
                    add_source(line, content);  // no definition at all, only its source
                else
                    add_definition(line, content);
                return;
            }
            const Paragraph& last = draft_.definitions.back();
            if (ends_open(last.text) || (!state_.after_blank && starts_lower(content))) {
                continue_last(draft_.definitions, line, content, "definition");
            } else if (state_.explicit_heading || (!state_.pending_context.empty() && !looks_like_source(content))) {
                add_definition(line, content);
            } else if (std::optional<ContextLabel> label = context_label(content);
                       label && !looks_like_source(content) && fold_case(label->label) != fold_case(last.context)) {
                // Headings lost, two definitions in a row: each opens with its context label.
                add_definition(line, content);
            } else if (!looks_like_source(content) && next_paragraph_is_source()) {
                // Headings lost: a second paragraph of the definition, before a paragraph that is its source.
                continue_last(draft_.definitions, line, content, "definition");
            } else {
                // Headings lost: the paragraph after the definition is its source.
                add_source(line, content);
            }
            return;
        }
        case Section::source: {
            if (draft_.sources.empty()) {
                add_source(line, content);
            } else if (ends_open(draft_.sources.back().text) || (!state_.after_blank && starts_lower(content))) {
                continue_last(draft_.sources, line, content, "source");
            } else if (state_.explicit_heading || looks_like_source(content) || !looks_like_definition(content) ||
                       !state_.after_blank) {
                add_source(line, content);
            } else {
                // Headings lost: a paragraph that reads as a definition after a source opens another definition.
                add_definition(line, content);
            }
            return;
        }
        case Section::translations:
        case Section::synonyms:
            if (looks_like_term(content)) {
                state_.section = Section::synonyms;
                draft_.synonyms.push_back(content);
                role(line, "synonym");
            } else {
                add_note(line, content, false);
            }
            return;
        case Section::notes: {
            if (looks_like_term(content) && !draft_.notes.empty()) {
                // A short line without a full stop after the notes is not a note: likely page chrome.
                unplaced(line, "a short line after the notes");
                return;
            }
            bool continues = !state_.after_blank && !draft_.notes.empty() &&
                             !ends_sentence(draft_.notes.back().text) && starts_lower(content);
            add_note(line, content, continues);
            return;
        }
        default:
            unplaced(line, "no section takes free text here");
            return;
    }
}

// Is the next paragraph before any translation or heading a source ("Art. 2...")?
bool EntryReader::next_paragraph_is_source() const {
    bool blank_seen = false;
    for (std::size_t j = current_ + 1; j < lines_.size(); ++j) {
        const PageLine& next = lines_[j];
        if (next.kind == LineKind::blank) {
            blank_seen = true;
            continue;
        }
        if (next.kind != LineKind::text) return false;
        if (blank_seen) return looks_like_source(next.content);
    }
    return false;
}

// Adds the terms of one line to the sections of `language` (or of the more precise
// tag a term carries, such as nb), skipping terms a section already has (an
// abbreviation split off the title and repeated as a synonym is one term). With
// merge_case, a term differing only in case from one already there is the same
// term; a lower-case spelling gives way to the capitalised one. `countries` (from a
// joint code such as AT/DE/LU) is the geographical usage of terms that give none.
void EntryReader::add_terms(std::vector<LanguageSection>& sections, std::string_view language, SourcePos pos,
                            std::string_view line_text, bool merge_case, std::string_view countries) {
    for (const TermPiece& piece : split_terms(line_text, language)) {
        std::string term_text = text::sanitize(trim(piece.text));
        if (term_text.empty()) continue;
        if (!piece.unsure_slash.empty()) warn(pos_of(piece.text), "emn.unsure-slash", text::sanitize(piece.unsure_slash));
        std::string_view tag = piece.language.empty() ? language : piece.language;
        LanguageSection& section = section_for(sections, tag, pos);
        std::set<std::string, std::less<>>& seen = seen_terms_[std::string(tag)];
        if (seen.contains(term_text)) {
            // The title "unaccompanied minor" and the EN line "unaccompanied minor (UAM)": the line says it is a full form.
            for (Term& existing : section.terms)
                if (existing.text == term_text && existing.term_type.empty()) existing.term_type = piece.term_type;
            continue;
        }
        if (merge_case) {
            std::string key = "\x01" + fold_case(term_text);  // folded keys live beside exact ones
            if (seen.contains(key)) {
                // The same term in another case: a lower-case spelling gives way to the capitalised one.
                for (Term& existing : section.terms) {
                    if (fold_case(existing.text) != key.substr(1)) continue;
                    if (existing.text == fold_case(existing.text)) {
                        seen.erase(existing.text);
                        existing.text = term_text;
                        seen.insert(term_text);
                    }
                    break;
                }
                continue;
            }
            seen.insert(std::move(key));
        }
        seen.insert(term_text);
        Term term;
        term.text = std::move(term_text);
        term.term_type = piece.term_type;
        term.geographical_usage = piece.geographical_usage.empty() ? std::string(countries) : piece.geographical_usage;
        if (!piece.note.empty()) term.notes.push_back(text::sanitize(piece.note));
        term.pos = pos_of(piece.text);
        section.terms.push_back(std::move(term));
    }
}

LanguageSection& EntryReader::section_for(std::vector<LanguageSection>& sections, std::string_view language,
                                          SourcePos pos) {
    auto found = std::find_if(sections.begin(), sections.end(),
                              [&](const LanguageSection& candidate) { return candidate.language == language; });
    if (found != sections.end()) return *found;
    LanguageSection fresh;
    fresh.language = std::string(language);
    fresh.pos = std::move(pos);
    sections.push_back(std::move(fresh));
    return sections.back();
}

// Every definition with its source and context label. A source carrying a context
// label goes to the definition with the same label; the others pair in order; a
// single definition takes every source.
std::vector<Definition> EntryReader::paired_definitions() {
    std::vector<Definition> definitions;
    if (draft_.definitions.empty()) return definitions;  // sources without a definition become notes
    for (const Paragraph& paragraph : draft_.definitions)
        definitions.push_back({.text = paragraph.text, .context = paragraph.context, .pos = paragraph.pos});
    std::vector<bool> used(draft_.sources.size(), false);
    auto attach = [](Definition& definition, const std::string& source) {
        definition.source += (definition.source.empty() ? "" : "; ") + source;
    };
    for (std::size_t s = 0; s < draft_.sources.size(); ++s) {
        if (draft_.sources[s].context.empty()) continue;
        for (Definition& definition : definitions) {
            if (!definition.context.empty() &&
                fold_case(definition.context) == fold_case(draft_.sources[s].context)) {
                attach(definition, draft_.sources[s].text);
                used[s] = true;
                break;
            }
        }
    }
    std::vector<std::size_t> free_sources;
    for (std::size_t s = 0; s < used.size(); ++s)
        if (!used[s]) free_sources.push_back(s);
    std::vector<Definition*> free_definitions;
    for (Definition& definition : definitions)
        if (definition.source.empty()) free_definitions.push_back(&definition);
    if (free_definitions.size() == 1 || definitions.size() == 1) {
        Definition& target = free_definitions.empty() ? definitions.back() : *free_definitions.front();
        for (std::size_t s : free_sources) attach(target, draft_.sources[s].text);
    } else {
        // Several definitions without a context-matched source: pair in page order. Where the counts
        // differ, the pairing is a guess, which is said at the definition it concerns.
        for (std::size_t k = 0; k < free_sources.size(); ++k) {
            Definition& target = k < free_definitions.size() ? *free_definitions[k]
                                 : free_definitions.empty() ? definitions.back()
                                                            : *free_definitions.back();
            if (k >= free_definitions.size())
                warn(target.pos, "emn.source-pairing",
                     "the page gives more sources than definitions; the source \"" + draft_.sources[free_sources[k]].text +
                         "\" was attached to this definition (" + std::to_string(definitions.size()) +
                         " definitions, " + std::to_string(draft_.sources.size()) + " sources)");
            attach(target, draft_.sources[free_sources[k]].text);
        }
        if (!free_sources.empty())
            for (std::size_t k = free_sources.size(); k < free_definitions.size(); ++k)
                warn(free_definitions[k]->pos, "emn.source-pairing",
                     "this definition gets no source: the page gives fewer sources than definitions and no "
                     "source names this definition's context (" + std::to_string(definitions.size()) +
                         " definitions, " + std::to_string(draft_.sources.size()) + " sources)");
    }
    return definitions;
}

std::optional<Concept> EntryReader::build_concept(Lines lines) {
    SourcePos entry_pos = draft_.title  ? line_pos(*draft_.title)
                          : draft_.first ? line_pos(*draft_.first)
                          : !lines.empty() ? line_pos(lines.front())
                                           : SourcePos{input_.name, 1, 1};
    const TranslationLine* english_line = nullptr;
    bool has_translation = false;
    for (const TranslationLine& translation : draft_.translations) {
        if (translation.language == "en") {
            if (!english_line) english_line = &translation;
        } else {
            has_translation = true;
        }
    }
    std::string_view head_text;
    if (draft_.title) {
        head_text = draft_.title->content;
    } else if (english_line) {
        std::vector<TermPiece> pieces = split_terms(english_line->terms, "en");
        if (!pieces.empty()) {
            // The whole first variant as written, abbreviation included, names the entry.
            head_text = pieces.front().text;
            if (pieces.size() > 1 && pieces[1].term_type == "abbreviation" && pieces.front().term_type == "fullForm") {
                const char* end = pieces[1].text.data() + pieces[1].text.size();
                if (end < english_line->terms.data() + english_line->terms.size() && *end == ')') ++end;
                head_text = std::string_view(head_text.data(), static_cast<std::size_t>(end - head_text.data()));
            }
        }
    }
    bool failed = false;
    if (head_text.empty()) {
        diagnostics_.error(entry_pos, "emn.no-head-term",
                           "page has no head term: expected a title line or an 'EN: term' translation line");
        failed = true;
    }
    if (!has_translation && !draft_.stub) {
        diagnostics_.error(entry_pos, "emn.no-translation",
                           "page has no translation: expected lines such as '\u2022 FR: terme' after the definition");
        failed = true;
    }
    if (failed) return std::nullopt;

    Concept concept_value;
    std::string slug = emn_slug(head_text);
    concept_value.id = emn_concept_id(slug);
    concept_value.origin_url = emn_page_url(slug);
    concept_value.pos = entry_pos;

    // English first (the source language), then the other languages in page order.
    std::vector<LanguageSection> sections;
    seen_terms_.clear();
    SourcePos english_pos = draft_.title ? line_pos(*draft_.title) : line_pos(*english_line->line);
    section_for(sections, "en", english_pos);
    if (draft_.title) add_terms(sections, "en", english_pos, draft_.title->content, true);
    for (const TranslationLine& translation : draft_.translations) {
        SourcePos pos = line_pos(*translation.line);
        std::size_t before = 0;
        for (const LanguageSection& section : sections) before += section.terms.size();
        add_terms(sections, translation.language, pos, translation.terms, translation.language == "en",
                  translation.countries);
        std::size_t after = 0;
        for (const LanguageSection& section : sections) after += section.terms.size();
        if (after == before && translation.language != "en")
            warn(pos, "emn.empty-translation", "translation line for " + translation.code + " gives no new term");
    }
    for (std::string_view synonym : draft_.synonyms) add_terms(sections, "en", english_pos, synonym, true);
    sections.front().definitions = paired_definitions();
    if (draft_.definitions.empty())
        for (const Paragraph& source : draft_.sources) concept_value.notes.push_back("Source: " + source.text);

    std::erase_if(sections, [](const LanguageSection& section) {
        return section.terms.empty() && section.definitions.empty();
    });
    concept_value.languages = std::move(sections);
    for (LanguageSection& section : concept_value.languages)
        for (std::size_t t = 0; t < section.terms.size(); ++t)
            section.terms[t].administrative_status = t == 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts";

    for (const Paragraph& note : draft_.notes) concept_value.notes.push_back(note.text);
    for (const auto& [kind, label] : draft_.relations)
        concept_value.relations.push_back({.kind = kind, .label = text::sanitize(trim(label))});
    return concept_value;
}

}  // namespace

namespace {

// A page is text copied from the glossary site. A binary file or an XML file
// (a TBX given to export by mistake, a page saved as HTML) is refused up front
// with what it is, instead of a cascade of line-by-line complaints.
bool looks_like_a_page(const Input& input, Diagnostics& diagnostics) {
    if (!check_not_binary(input.text, input.name, "an EMN glossary page saved as text", diagnostics)) return false;
    std::string_view text = input.text;
    std::size_t at = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\r' || text[at] == '\n')) ++at;
    if (at < text.size() && text[at] == '<') {
        diagnostics.error(LineIndex(text).position(at, input.name), "emn.not-a-page",
                          "this is XML or HTML, not an EMN glossary page saved as text; expected the page's text "
                          "(a TBX file is read by 'ilo-tbx import')");
        return false;
    }
    return true;
}

}  // namespace

void read_emn(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink) {
    if (!looks_like_a_page(input, diagnostics)) return;
    EntryReader(input, options, diagnostics).read(sink);
    // A writer behind the sink writes its closing tags on finish (import streams straight into it).
    sink.finish();
}

std::vector<EmnLineRole> explain_emn(const Input& input, const ReadOptions& options, Diagnostics& diagnostics,
                                     ConceptSink& sink) {
    if (!looks_like_a_page(input, diagnostics)) return {};
    std::vector<EmnLineRole> roles = EntryReader(input, options, diagnostics).read(sink);
    sink.finish();
    return roles;
}

std::string emn_slug(std::string_view english_title) {
    std::string slug;
    bool pending_dash = false;
    for (char c : english_title) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (pending_dash && !slug.empty()) slug += '-';
            pending_dash = false;
            slug += c;
        } else {
            pending_dash = true;
        }
    }
    return slug;
}

std::string emn_concept_id(std::string_view slug) {
    if (!slug.empty() && slug[0] >= 'a' && slug[0] <= 'z') return std::string(slug);
    return "emn-" + std::string(slug.empty() ? "entry" : slug);
}

std::string emn_page_url(std::string_view slug) { return std::string(glossary_base_url) + std::string(slug) + "_en"; }

TermBaseHeader emn_header() {
    TermBaseHeader header;
    header.title = "EMN Asylum and Migration Glossary";
    header.source_language = "en";
    header.source_description =
        "Entries of the European Migration Network (EMN) Asylum and Migration Glossary, European Commission "
        "(https://home-affairs.ec.europa.eu/networks/european-migration-network-emn/"
        "emn-asylum-and-migration-glossary_en), reused with acknowledgement of the source.";
    return header;
}

}  // namespace ilo
