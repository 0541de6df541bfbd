// Reader for the text rendering of an EMN glossary page: classifies each line, then assembles entries into concepts.
#include "formats/emn_reader.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "formats/emn_terms.hpp"
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

enum class Section { none, definition, source, translations, synonyms, broader, narrower, related, notes };

enum class LineKind { blank, chrome, heading, translation, numbered, bullet, text };

struct PageLine {
    std::uint32_t number = 0;   // 1-based
    std::string_view raw;       // the whole line, without its line end
    LineKind kind = LineKind::text;
    std::string_view content;   // the line's payload: bullet, number or code removed, trimmed
    Section heading = Section::none;
    std::string language;       // for translation lines: the BCP 47 tag
    std::string code;           // for translation lines: the code as written
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
    std::string_view{"european commission"},
    std::string_view{"european migration network"},
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

// "XX: rest": returns the two-letter code as written (known or not) and the rest.
std::optional<std::pair<std::string_view, std::string_view>> split_translation(std::string_view content) {
    if (content.size() < 3 || !is_ascii_upper(content[0]) || !is_ascii_upper(content[1])) return std::nullopt;
    std::size_t colon = 2;
    while (colon < content.size() && (content[colon] == ' ' || content[colon] == '\t')) ++colon;
    if (colon >= content.size() || content[colon] != ':') return std::nullopt;
    return std::pair{content.substr(0, 2), trim(content.substr(colon + 1))};
}

PageLine classify(std::uint32_t number, std::string_view raw) {
    PageLine line;
    line.number = number;
    line.raw = raw;
    std::string_view content = trim(raw);
    line.content = content;
    if (content.empty()) {
        line.kind = LineKind::blank;
        return line;
    }
    std::size_t bullet = bullet_length(content);
    std::string_view after_bullet = bullet ? content.substr(bullet) : content;
    if (auto translation = split_translation(after_bullet)) {
        std::optional<std::string> language = language_for_code(translation->first);
        // An unknown code is a translation line only in a list; "EU: Art. 2..." in prose is text.
        if (language || bullet) {
            line.kind = LineKind::translation;
            line.code = std::string(translation->first);
            line.language = language.value_or("");
            line.content = translation->second;
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
    if (std::size_t number_size = number_length(content)) {
        line.kind = LineKind::numbered;
        line.content = content.substr(number_size);
        return line;
    }
    line.kind = LineKind::text;
    return line;
}

std::vector<PageLine> split_lines(std::string_view text) {
    std::vector<PageLine> lines;
    std::uint32_t number = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
            if (i == text.size() && start == text.size() && number > 1) break;  // no empty last line after a line end
            lines.push_back(classify(number++, text.substr(start, i - start)));
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

struct Paragraph {
    std::string text;
    std::uint32_t line = 0;
};

struct TranslationLine {
    std::string language;
    std::string code;
    std::string_view terms;
    const PageLine* line = nullptr;
};

struct Item {
    std::string_view text;
    const PageLine* line = nullptr;
};

struct EntryDraft {
    const PageLine* title = nullptr;
    std::vector<Paragraph> definitions;
    std::vector<Paragraph> sources;
    std::vector<TranslationLine> translations;
    std::vector<Item> synonyms;
    std::vector<std::pair<RelationKind, Item>> relations;
    std::vector<Paragraph> notes;
    const PageLine* first = nullptr;
};

class EntryReader {
public:
    EntryReader(const Input& input, const ReadOptions& options, Diagnostics& diagnostics)
        : input_(input), options_(options), diagnostics_(diagnostics), index_(input.text) {}

    std::vector<EmnLineRole> read(ConceptSink& sink);

private:
    SourcePos pos_of(std::string_view view) const {
        return index_.position(static_cast<std::size_t>(view.data() - input_.text.data()), input_.name);
    }
    SourcePos line_pos(const PageLine& line) const { return pos_of(trim(line.raw).empty() ? line.raw : trim(line.raw)); }
    void role(const PageLine& line, std::string text) { roles_[line.number - 1].role = std::move(text); }
    void warn(SourcePos pos, std::string code, std::string message) {
        if (options_.strict)
            diagnostics_.error(std::move(pos), std::move(code), std::move(message));
        else
            diagnostics_.warning(std::move(pos), std::move(code), std::move(message));
    }
    void unplaced(const PageLine& line, std::string_view why);

    std::size_t find_title(const std::vector<PageLine>& lines);
    void assemble(const std::vector<PageLine>& lines, std::size_t start);
    void place_bullet(const PageLine& line);
    void place_text(const PageLine& line);
    void place_numbered(const PageLine& line);
    void add_note(const PageLine& line, std::string_view text_view, bool may_continue);
    std::optional<Concept> build_concept();
    void add_terms(std::vector<LanguageSection>& sections, std::string_view language, SourcePos pos,
                   std::string_view line_text, bool merge_case);
    static LanguageSection& section_for(std::vector<LanguageSection>& sections, std::string_view language,
                                        SourcePos pos);
    std::string cleaned_term(std::string_view view);

    const Input& input_;
    const ReadOptions& options_;
    Diagnostics& diagnostics_;
    LineIndex index_;
    std::vector<EmnLineRole> roles_;
    EntryDraft draft_;
    Section section_ = Section::none;
    bool explicit_heading_ = false;
    bool after_blank_ = true;
    bool seen_translations_ = false;
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

void EntryReader::unplaced(const PageLine& line, std::string_view why) {
    role(line, "unplaced");
    std::string shown = fold_space(line.raw);
    if (shown.size() > 80) {
        std::size_t cut = 77;
        while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;
        shown = shown.substr(0, cut) + "...";
    }
    warn(line_pos(line), "emn.unplaced-line",
         "cannot place this line (" + std::string(why) + "): \"" + shown + "\"");
}

// Finds the title: the line before the first heading or translation that repeats
// the EN translation, else the first short non-chrome line there. Lines before a
// title confirmed by the EN line are site chrome in some UI language.
std::size_t EntryReader::find_title(const std::vector<PageLine>& lines) {
    std::size_t region_end = lines.size();
    const PageLine* english = nullptr;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const PageLine& line = lines[i];
        bool structural = line.kind == LineKind::heading || line.kind == LineKind::bullet ||
                          line.kind == LineKind::numbered ||
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
    for (std::size_t i = 0; i < region_end; ++i) {
        if (lines[i].kind != LineKind::text) continue;
        if (looks_like_term(lines[i].content)) {
            draft_.title = &lines[i];
            return i + 1;
        }
        return i;
    }
    return 0;
}

std::vector<EmnLineRole> EntryReader::read(ConceptSink& sink) {
    sink.header(emn_header());
    std::vector<PageLine> lines = split_lines(input_.text);
    roles_.resize(lines.size());
    for (const PageLine& line : lines) roles_[line.number - 1].line = line.number;
    for (const PageLine& line : lines) {
        switch (line.kind) {
            case LineKind::blank: role(line, "blank"); break;
            case LineKind::chrome: role(line, "chrome"); break;
            default: break;
        }
        if (!text::is_clean(line.raw))
            warn(pos_of(line.raw), "emn.invalid-text",
                 "line holds invalid UTF-8 or control characters; they were replaced by U+FFFD");
    }
    std::size_t start = find_title(lines);
    if (draft_.title) {
        role(*draft_.title, "title");
        section_ = Section::definition;
    }
    assemble(lines, start);
    if (std::optional<Concept> concept_value = build_concept()) sink.concept_entry(std::move(*concept_value));
    return std::move(roles_);
}

void EntryReader::assemble(const std::vector<PageLine>& lines, std::size_t start) {
    for (std::size_t i = start; i < lines.size(); ++i) {
        const PageLine& line = lines[i];
        if (line.kind != LineKind::blank && line.kind != LineKind::chrome && !draft_.first) draft_.first = &line;
        switch (line.kind) {
            case LineKind::blank:
                after_blank_ = true;
                continue;
            case LineKind::chrome:
                continue;
            case LineKind::heading:
                section_ = line.heading;
                explicit_heading_ = true;
                role(line, std::string("heading: ") + section_name(line.heading));
                after_blank_ = true;
                continue;
            case LineKind::translation:
                if (line.language.empty()) {
                    unplaced(line, "unknown language code " + line.code);
                    break;
                }
                draft_.translations.push_back({line.language, line.code, line.content, &line});
                role(line, "translation (" + line.language + ")");
                section_ = Section::translations;
                explicit_heading_ = false;
                seen_translations_ = true;
                break;
            case LineKind::numbered:
                if (line.content.empty()) {
                    // A list number alone on its line: the item's text follows on the next line.
                    role(line, "list number");
                    if (section_ != Section::source && section_ != Section::definition) section_ = Section::notes;
                    after_blank_ = true;
                    continue;
                }
                place_numbered(line);
                break;
            case LineKind::bullet: place_bullet(line); break;
            case LineKind::text: place_text(line); break;
        }
        after_blank_ = false;
    }
    // Lines before the title that the title search marked as chrome keep that role;
    // anything before `start` not yet given a role is chrome the title search skipped.
    for (std::size_t i = 0; i < start; ++i)
        if (roles_[i].role.empty()) role(lines[i], "chrome (before the title)");
}

void EntryReader::add_note(const PageLine& line, std::string_view text_view, bool may_continue) {
    section_ = Section::notes;
    if (may_continue && !draft_.notes.empty()) {
        draft_.notes.back().text += " " + clean_prose(text_view);
        role(line, "note (continued)");
        return;
    }
    draft_.notes.push_back({clean_prose(text_view), line.number});
    role(line, "note " + std::to_string(draft_.notes.size()));
}

void EntryReader::place_numbered(const PageLine& line) {
    if (section_ == Section::source ||
        (section_ == Section::definition && !explicit_heading_ && !seen_translations_ && after_blank_ &&
         !draft_.definitions.empty())) {
        // A source given as a numbered list.
        section_ = Section::source;
        draft_.sources.push_back({clean_prose(line.content), line.number});
        role(line, "source");
        return;
    }
    if (section_ == Section::definition && explicit_heading_) {
        draft_.definitions.push_back({clean_prose(line.content), line.number});
        role(line, "definition");
        return;
    }
    if (!draft_.title && !seen_translations_ && draft_.definitions.empty()) {
        unplaced(line, "a numbered line before any title, definition or translation");
        return;
    }
    add_note(line, line.content, false);
}

void EntryReader::place_bullet(const PageLine& line) {
    if (std::optional<RelationKind> kind = relation_kind(section_)) {
        draft_.relations.push_back({*kind, {line.content, &line}});
        role(line, std::string("relation (") + section_name(section_) + ")");
        return;
    }
    switch (section_) {
        case Section::translations:
        case Section::synonyms:
            section_ = Section::synonyms;
            draft_.synonyms.push_back({line.content, &line});
            role(line, "synonym");
            return;
        case Section::definition:
            if (!draft_.definitions.empty() && (ends_open(draft_.definitions.back().text) || !after_blank_)) {
                // A sub-clause of a definition that opens with an intro line.
                draft_.definitions.back().text += " " + clean_prose(line.content);
                role(line, "definition (continued)");
            } else {
                draft_.definitions.push_back({clean_prose(line.content), line.number});
                role(line, "definition");
            }
            return;
        case Section::source:
            if (!draft_.sources.empty() && ends_open(draft_.sources.back().text)) {
                draft_.sources.back().text += " " + clean_prose(line.content);
                role(line, "source (continued)");
            } else {
                draft_.sources.push_back({clean_prose(line.content), line.number});
                role(line, "source");
            }
            return;
        case Section::notes:
            add_note(line, line.content, !draft_.notes.empty() && ends_open(draft_.notes.back().text));
            return;
        default:
            unplaced(line, "a list item outside any section");
            return;
    }
}

void EntryReader::place_text(const PageLine& line) {
    if (std::optional<RelationKind> kind = relation_kind(section_)) {
        if (looks_like_term(line.content)) {
            draft_.relations.push_back({*kind, {line.content, &line}});
            role(line, std::string("relation (") + section_name(section_) + ")");
        } else {
            add_note(line, line.content, false);
        }
        return;
    }
    switch (section_) {
        case Section::none:
        case Section::definition:
            if (draft_.definitions.empty()) {
                section_ = Section::definition;
                draft_.definitions.push_back({clean_prose(line.content), line.number});
                role(line, "definition");
            } else if (!after_blank_ && (ends_open(draft_.definitions.back().text) || starts_lower(line.content))) {
                draft_.definitions.back().text += " " + clean_prose(line.content);
                role(line, "definition (continued)");
            } else if (explicit_heading_) {
                draft_.definitions.push_back({clean_prose(line.content), line.number});
                role(line, "definition");
            } else {
                // Headings lost: the paragraph after the definition is its source.
                section_ = Section::source;
                draft_.sources.push_back({clean_prose(line.content), line.number});
                role(line, "source");
            }
            return;
        case Section::source:
            if (draft_.sources.empty()) {
                draft_.sources.push_back({clean_prose(line.content), line.number});
                role(line, "source");
            } else if (!after_blank_ && (ends_open(draft_.sources.back().text) || starts_lower(line.content))) {
                draft_.sources.back().text += " " + clean_prose(line.content);
                role(line, "source (continued)");
            } else if (explicit_heading_) {
                draft_.sources.push_back({clean_prose(line.content), line.number});
                role(line, "source");
            } else {
                // Headings lost: a further paragraph after a source opens another definition.
                section_ = Section::definition;
                draft_.definitions.push_back({clean_prose(line.content), line.number});
                role(line, "definition");
            }
            return;
        case Section::translations:
        case Section::synonyms:
            if (looks_like_term(line.content)) {
                section_ = Section::synonyms;
                draft_.synonyms.push_back({line.content, &line});
                role(line, "synonym");
            } else {
                add_note(line, line.content, false);
            }
            return;
        case Section::notes: {
            bool continues = !after_blank_ && !draft_.notes.empty() && !ends_sentence(draft_.notes.back().text) &&
                             starts_lower(line.content);
            add_note(line, line.content, continues);
            return;
        }
        default:
            unplaced(line, "no section takes free text here");
            return;
    }
}

std::string EntryReader::cleaned_term(std::string_view view) {
    return text::sanitize(trim(view));
}

// Adds the terms of one line to the sections of `language` (or of the more precise
// tag a term carries, such as nb), skipping terms a section already has (an
// abbreviation split off the title and repeated as a synonym is one term). With
// merge_case, a term differing only in case from one already there is the same
// term; a lower-case spelling gives way to the capitalised one.
void EntryReader::add_terms(std::vector<LanguageSection>& sections, std::string_view language, SourcePos pos,
                            std::string_view line_text, bool merge_case) {
    for (const TermPiece& piece : split_terms(line_text, language)) {
        std::string term_text = cleaned_term(piece.text);
        if (term_text.empty()) continue;
        LanguageSection& section = section_for(sections, piece.language.empty() ? language : piece.language, pos);
        auto same = std::find_if(section.terms.begin(), section.terms.end(), [&](const Term& existing) {
            return existing.text == term_text || (merge_case && fold_case(existing.text) == fold_case(term_text));
        });
        if (same != section.terms.end()) {
            if (same->text != term_text && same->text == fold_case(same->text)) same->text = term_text;
            continue;
        }
        Term term;
        term.text = std::move(term_text);
        term.term_type = piece.term_type;
        term.geographical_usage = piece.geographical_usage;
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

std::optional<Concept> EntryReader::build_concept() {
    SourcePos entry_pos = draft_.title ? line_pos(*draft_.title)
                          : draft_.first ? line_pos(*draft_.first)
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
        std::size_t slash = english_line->terms.find(" / ");
        head_text = trim(english_line->terms.substr(0, slash));
    }
    bool failed = false;
    if (head_text.empty()) {
        diagnostics_.error(entry_pos, "emn.no-head-term",
                           "page has no head term: expected a title line or an 'EN: term' translation line");
        failed = true;
    }
    if (!has_translation) {
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
    SourcePos english_pos = draft_.title ? line_pos(*draft_.title) : line_pos(*english_line->line);
    section_for(sections, "en", english_pos);
    if (draft_.title) add_terms(sections, "en", english_pos, draft_.title->content, true);
    for (const TranslationLine& translation : draft_.translations) {
        SourcePos pos = line_pos(*translation.line);
        std::size_t before = 0;
        for (const LanguageSection& s : sections) before += s.terms.size();
        add_terms(sections, translation.language, pos, translation.terms, translation.language == "en");
        std::size_t after = 0;
        for (const LanguageSection& s : sections) after += s.terms.size();
        if (after == before && translation.language != "en")
            warn(pos, "emn.empty-translation", "translation line for " + translation.code + " gives no new term");
    }
    for (const Item& synonym : draft_.synonyms) add_terms(sections, "en", english_pos, synonym.text, true);
    LanguageSection& english = sections.front();

    // Definitions, each with its source: paired in order when the counts match;
    // one definition takes every source.
    for (std::size_t i = 0; i < draft_.definitions.size(); ++i) {
        Definition definition;
        definition.text = draft_.definitions[i].text;
        if (draft_.definitions.size() == draft_.sources.size()) {
            definition.source = draft_.sources[i].text;
        } else if (i + 1 == draft_.definitions.size()) {
            for (std::size_t s = i; s < draft_.sources.size(); ++s)
                definition.source += (definition.source.empty() ? "" : "; ") + draft_.sources[s].text;
        } else if (i < draft_.sources.size()) {
            definition.source = draft_.sources[i].text;
        }
        english.definitions.push_back(std::move(definition));
    }
    if (draft_.definitions.empty() && !draft_.sources.empty())
        english.definitions.push_back({"", draft_.sources.front().text, ""});

    std::erase_if(sections, [](const LanguageSection& s) { return s.terms.empty() && s.definitions.empty(); });
    concept_value.languages = std::move(sections);
    for (LanguageSection& section : concept_value.languages)
        for (std::size_t t = 0; t < section.terms.size(); ++t)
            section.terms[t].administrative_status = t == 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts";

    for (const Paragraph& note : draft_.notes) concept_value.notes.push_back(note.text);
    for (const auto& [kind, item] : draft_.relations)
        concept_value.relations.push_back({kind, text::sanitize(trim(item.text)), ""});
    return concept_value;
}

}  // namespace

void read_emn(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink) {
    EntryReader(input, options, diagnostics).read(sink);
}

std::vector<EmnLineRole> explain_emn(const Input& input, const ReadOptions& options, Diagnostics& diagnostics,
                                     ConceptSink& sink) {
    return EntryReader(input, options, diagnostics).read(sink);
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
