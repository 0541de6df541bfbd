// Column-name vocabulary, language codes and English names (through ICU), picklists and profile names for CSV.
#include "formats/csv_layout.hpp"

#include <unicode/uloc.h>
#include <unicode/uregion.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace ilo::csv {

namespace {

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string ascii_upper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

bool all_of(std::string_view text, bool (*predicate)(char)) {
    return !text.empty() && std::all_of(text.begin(), text.end(), predicate);
}
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// Field names compare with case, '_', '-' and runs of spaces ignored.
std::string normalize_name(std::string_view name) {
    std::string out;
    for (char c : trim(name)) {
        if (c == '_' || c == '-' || c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

struct VocabularyEntry {
    std::string_view name;
    Field field;
    Level level;
    bool explicit_level;
};

constexpr Level C = Level::concept_level;
constexpr Level L = Level::language_level;
constexpr Level T = Level::term_level;

constexpr std::array vocabulary{
    VocabularyEntry{"id", Field::concept_id, C, true},
    VocabularyEntry{"concept id", Field::concept_id, C, true},
    VocabularyEntry{"entry id", Field::concept_id, C, true},
    VocabularyEntry{"cid", Field::concept_id, C, true},
    VocabularyEntry{"subject field", Field::subject_field, C, true},
    VocabularyEntry{"subject", Field::subject_field, C, true},
    VocabularyEntry{"domain", Field::subject_field, C, true},
    VocabularyEntry{"concept domain", Field::subject_field, C, true},
    VocabularyEntry{"entry domain", Field::subject_field, C, true},
    VocabularyEntry{"entry subject", Field::subject_field, C, true},
    VocabularyEntry{"subdomain", Field::subdomain, C, true},
    VocabularyEntry{"sub domain", Field::subdomain, C, true},
    VocabularyEntry{"url", Field::origin_url, C, true},
    VocabularyEntry{"origin url", Field::origin_url, C, true},
    VocabularyEntry{"concept url", Field::origin_url, C, true},
    VocabularyEntry{"definition", Field::definition, C, false},
    VocabularyEntry{"description", Field::definition, C, false},
    VocabularyEntry{"def", Field::definition, C, false},
    VocabularyEntry{"concept definition", Field::definition, C, true},
    VocabularyEntry{"entry definition", Field::definition, C, true},
    VocabularyEntry{"definition source", Field::definition_source, C, false},
    VocabularyEntry{"concept definition source", Field::definition_source, C, true},
    VocabularyEntry{"definition context", Field::definition_context, C, false},
    VocabularyEntry{"concept definition context", Field::definition_context, C, true},
    VocabularyEntry{"note", Field::note, C, false},
    VocabularyEntry{"notes", Field::note, C, false},
    VocabularyEntry{"comment", Field::note, C, false},
    VocabularyEntry{"comments", Field::note, C, false},
    VocabularyEntry{"remark", Field::note, C, false},
    VocabularyEntry{"translator comments", Field::note, C, false},
    VocabularyEntry{"developer comments", Field::note, C, false},
    VocabularyEntry{"concept note", Field::note, C, true},
    VocabularyEntry{"concept notes", Field::note, C, true},
    VocabularyEntry{"entry note", Field::note, C, true},
    VocabularyEntry{"relation type", Field::relation_type, C, true},
    VocabularyEntry{"relation label", Field::relation_label, C, true},
    VocabularyEntry{"relation target", Field::relation_target, C, true},
    VocabularyEntry{"relation category", Field::relation_category, C, true},
    VocabularyEntry{"concept transactions", Field::transactions, C, true},
    VocabularyEntry{"concept extra", Field::extras, C, true},
    VocabularyEntry{"concept definition extra", Field::definition_extra, C, true},
    VocabularyEntry{"language", Field::language, L, true},
    VocabularyEntry{"lang", Field::language, L, true},
    VocabularyEntry{"locale", Field::language, L, true},
    VocabularyEntry{"language section", Field::language_section, L, true},
    VocabularyEntry{"language definition", Field::definition, L, true},
    VocabularyEntry{"language definition source", Field::definition_source, L, true},
    VocabularyEntry{"language definition context", Field::definition_context, L, true},
    VocabularyEntry{"language note", Field::note, L, true},
    VocabularyEntry{"language transactions", Field::transactions, L, true},
    VocabularyEntry{"language extra", Field::extras, L, true},
    VocabularyEntry{"definition extra", Field::definition_extra, L, true},
    VocabularyEntry{"term", Field::term, T, false},
    VocabularyEntry{"terms", Field::term, T, false},
    VocabularyEntry{"source", Field::source_term, T, false},
    VocabularyEntry{"target", Field::target_term, T, false},
    VocabularyEntry{"translation", Field::target_term, T, false},
    VocabularyEntry{"term type", Field::term_type, T, false},
    VocabularyEntry{"type", Field::term_type, T, false},
    VocabularyEntry{"administrative status", Field::administrative_status, T, false},
    VocabularyEntry{"status", Field::administrative_status, T, false},
    VocabularyEntry{"term status", Field::administrative_status, T, false},
    VocabularyEntry{"forbidden", Field::forbidden, T, false},
    VocabularyEntry{"part of speech", Field::part_of_speech, T, false},
    VocabularyEntry{"partofspeech", Field::part_of_speech, T, false},
    VocabularyEntry{"part", Field::part_of_speech, T, false},
    VocabularyEntry{"pos", Field::part_of_speech, T, false},
    VocabularyEntry{"gender", Field::grammatical_gender, T, false},
    VocabularyEntry{"grammatical gender", Field::grammatical_gender, T, false},
    VocabularyEntry{"geographical usage", Field::geographical_usage, T, false},
    VocabularyEntry{"usage", Field::geographical_usage, T, false},
    VocabularyEntry{"context", Field::context, T, false},
    VocabularyEntry{"example", Field::context, T, false},
    VocabularyEntry{"example of use", Field::context, T, false},
    VocabularyEntry{"term example", Field::context, T, false},
    VocabularyEntry{"term source", Field::term_source, T, true},
    VocabularyEntry{"term note", Field::note, T, true},
    VocabularyEntry{"term notes", Field::note, T, true},
    VocabularyEntry{"term id", Field::term_id, T, true},
    VocabularyEntry{"context source", Field::context_source, T, true},
    VocabularyEntry{"term transactions", Field::transactions, T, true},
    VocabularyEntry{"term extra", Field::extras, T, true},
    VocabularyEntry{"casesensitive", Field::tool_flag, C, true},
    VocabularyEntry{"case sensitive", Field::tool_flag, C, true},
    VocabularyEntry{"translatable", Field::tool_flag, C, true},
    VocabularyEntry{"tags", Field::tool_flag, C, true},
    VocabularyEntry{"location", Field::tool_flag, C, true},
    VocabularyEntry{"fuzzy", Field::tool_flag, C, true},
    VocabularyEntry{"term info", Field::tool_flag, C, true},
    VocabularyEntry{"entry clientid", Field::tool_flag, C, true},
    VocabularyEntry{"entry projectid", Field::tool_flag, C, true},
    VocabularyEntry{"entry created", Field::tool_flag, C, true},
    VocabularyEntry{"entry creator", Field::tool_flag, C, true},
    VocabularyEntry{"entry lastmodified", Field::tool_flag, C, true},
    VocabularyEntry{"entry modifier", Field::tool_flag, C, true},
};

const VocabularyEntry* find_field(std::string_view name) {
    std::string key = normalize_name(name);
    for (const VocabularyEntry& entry : vocabulary)
        if (entry.name == key) return &entry;
    return nullptr;
}

// --- languages ----------------------------------------------------------

// Every header cell asks, so the lists are hashed once rather than walked (they were a tenth of a sheet's read).
bool known_script(std::string_view script) {
    static const std::unordered_set<std::string_view> scripts = [] {
        std::unordered_set<std::string_view> names;
        for (int code = 0; code < USCRIPT_CODE_LIMIT; ++code)
            if (const char* name = uscript_getShortName(static_cast<UScriptCode>(code))) names.insert(name);
        return names;
    }();
    return scripts.count(script) > 0;
}

bool known_region(const std::string& region) {
    UErrorCode status = U_ZERO_ERROR;
    const URegion* found = uregion_getRegionFromCode(region.c_str(), &status);
    if (U_FAILURE(status) || !found) return false;
    URegionType type = uregion_getType(found);
    return type != URGN_UNKNOWN && type != URGN_DEPRECATED;
}

std::string icu_display(int32_t (*function)(const char*, const char*, UChar*, int32_t, UErrorCode*),
                        const char* locale) {
    std::array<UChar, 128> buffer{};
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = function(locale, "en", buffer.data(), static_cast<int32_t>(buffer.size()), &status);
    if (U_FAILURE(status) || length <= 0) return {};
    std::string out;
    for (int32_t i = 0; i < length; ++i) {
        // English display names are ASCII but for a few letters (Bokmål, Volapük); keep those as UTF-8.
        char16_t c = buffer[static_cast<std::size_t>(i)];
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

bool known_language(const std::string& language) {
    static const std::unordered_set<std::string_view> iso_languages = [] {
        std::unordered_set<std::string_view> codes;
        for (const char* const* code = uloc_getISOLanguages(); *code; ++code) codes.insert(*code);
        return codes;
    }();
    if (iso_languages.count(language) > 0) return true;
    if (language.size() != 3) return false;
    std::string name = icu_display(&uloc_getDisplayLanguage, language.c_str());
    return !name.empty() && name != language;
}

// How often each byte value occurs, folded into 32 bins. An edit changes at most one count up and one down, so the
// larger of the two one-sided differences between two texts' counts never exceeds their edit distance: a cheap
// bound that rules out most names before the distance table is filled.
using LetterCounts = std::array<std::uint8_t, 32>;

LetterCounts letter_counts(std::string_view text) {
    LetterCounts counts{};
    for (char c : text) {
        std::uint8_t& count = counts[static_cast<unsigned char>(c) & 31u];
        if (count < 255) ++count;
    }
    return counts;
}

std::size_t edit_distance_at_least(const LetterCounts& a, const LetterCounts& b) {
    std::size_t more = 0, fewer = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] > b[i]) more += static_cast<std::size_t>(a[i] - b[i]);
        else fewer += static_cast<std::size_t>(b[i] - a[i]);
    }
    return std::max(more, fewer);
}

struct NameTables {
    std::map<std::string, std::string> languages;  // lower-case English name -> code
    std::map<std::string, std::string> regions;    // lower-case English name -> region code
    // The language names again, by length: a typo's candidates are the names within two characters of its
    // length, and a header row of hundreds of cells should not walk every name for each one.
    struct Candidate {
        const std::pair<const std::string, std::string>* entry;
        LetterCounts letters;
    };
    std::vector<std::vector<Candidate>> languages_by_length;
};

const NameTables& name_tables() {
    static const NameTables tables = [] {
        NameTables built;
        for (const char* const* code = uloc_getISOLanguages(); *code; ++code) {
            std::string name = ascii_lower(icu_display(&uloc_getDisplayLanguage, *code));
            if (!name.empty() && name != *code) built.languages.emplace(name, *code);
        }
        // Older English names that tools still use, where CLDR has moved on.
        constexpr std::array<std::pair<std::string_view, std::string_view>, 6> older{{
            {"bengali", "bn"}, {"farsi", "fa"}, {"kirghiz", "ky"}, {"flemish", "nl"},
            {"moldavian", "ro"}, {"pushto", "ps"},
        }};
        for (auto [name, code] : older) built.languages.emplace(name, code);
        for (const char* const* code = uloc_getISOCountries(); *code; ++code) {
            std::string locale = std::string("und_") + *code;
            std::string name = ascii_lower(icu_display(&uloc_getDisplayCountry, locale.c_str()));
            if (!name.empty()) built.regions.emplace(name, *code);
        }
        for (const auto& entry : built.languages) {
            if (built.languages_by_length.size() <= entry.first.size())
                built.languages_by_length.resize(entry.first.size() + 1);
            built.languages_by_length[entry.first.size()].push_back({&entry, letter_counts(entry.first)});
        }
        return built;
    }();
    return tables;
}

// Optimal string alignment distance, capped: enough to catch a typo.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap) {
    // Three rows of the optimal-string-alignment table, and a stop as soon as a whole row is past the cap:
    // a header row can hold hundreds of cells, each compared with every language name ICU knows.
    std::vector<std::size_t> before_previous(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        std::size_t row_minimum = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before_previous[j - 2] + 1);
            row_minimum = std::min(row_minimum, current[j]);
        }
        if (row_minimum > cap) return cap + 1;
        std::swap(before_previous, previous);
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], cap + 1);
}

// "Simplified", "Brazilian", "India": the qualifier of a language name as a
// script or region subtag; "" for qualifiers that change nothing ("Modern").
std::optional<std::string> qualifier_subtag(std::string_view qualifier) {
    std::string key = ascii_lower(trim(qualifier));
    constexpr std::array<std::pair<std::string_view, std::string_view>, 12> words{{
        {"simplified", "Hans"}, {"traditional", "Hant"}, {"cyrillic", "Cyrl"}, {"latin", "Latn"},
        {"brazilian", "BR"}, {"brazil", "BR"}, {"european", "PT"}, {"modern", ""}, {"international", ""},
        {"modern sort", ""}, {"traditional sort", ""}, {"latin america", "419"},
    }};
    for (auto [word, subtag] : words)
        if (key == word) return std::string(subtag);
    const NameTables& tables = name_tables();
    if (auto region = tables.regions.find(key); region != tables.regions.end()) return region->second;
    return std::nullopt;
}

}  // namespace

std::optional<std::string> language_from_code(std::string_view text, std::string* problem) {
    auto fail = [&](std::string why) -> std::optional<std::string> {
        if (problem) *problem = std::move(why);
        return std::nullopt;
    };
    std::string tag(trim(text));
    std::replace(tag.begin(), tag.end(), '_', '-');
    std::vector<std::string> subtags;
    std::size_t start = 0;
    while (true) {
        std::size_t dash = tag.find('-', start);
        subtags.push_back(tag.substr(start, dash == std::string::npos ? std::string::npos : dash - start));
        if (dash == std::string::npos) break;
        start = dash + 1;
    }
    std::string primary = ascii_lower(subtags[0]);
    if (primary.size() < 2 || primary.size() > 3 || !all_of(primary, is_alpha))
        return fail("'" + tag + "' is not a language tag");
    if (!known_language(primary)) return fail("'" + primary + "' is not a known language code");
    std::string result = primary;
    std::size_t i = 1;
    if (i < subtags.size() && subtags[i].size() == 4 && all_of(subtags[i], is_alpha)) {
        std::string script = ascii_lower(subtags[i]);
        script[0] = static_cast<char>(script[0] - 'a' + 'A');
        if (!known_script(script)) return fail("'" + subtags[i] + "' is not a known script");
        result += "-" + script;
        ++i;
    }
    if (i < subtags.size() && ((subtags[i].size() == 2 && all_of(subtags[i], is_alpha)) ||
                               (subtags[i].size() == 3 && all_of(subtags[i], is_digit)))) {
        std::string region = ascii_upper(subtags[i]);
        if (!known_region(region)) return fail("'" + region + "' is not a known region");
        result += "-" + region;
        ++i;
    }
    for (; i < subtags.size(); ++i) {
        const std::string& variant = subtags[i];
        bool valid = (variant.size() >= 5 && variant.size() <= 8 && all_of(variant, is_alnum)) ||
                     (variant.size() == 4 && is_digit(variant[0]) && all_of(variant, is_alnum));
        if (!valid) return fail("'" + tag + "' is not a language tag ('" + variant + "' is not a subtag)");
        result += "-" + ascii_lower(variant);
    }
    return result;
}

std::optional<NamedLanguage> language_from_name(std::string_view name) {
    std::string_view base = trim(name);
    std::string qualifier_subtag_text;
    bool has_qualifier = false;
    if (base.ends_with(')')) {
        std::size_t open = base.rfind('(');
        if (open == std::string_view::npos) return std::nullopt;
        std::optional<std::string> subtag = qualifier_subtag(base.substr(open + 1, base.size() - open - 2));
        if (!subtag) return std::nullopt;
        qualifier_subtag_text = *subtag;
        has_qualifier = true;
        base = trim(base.substr(0, open));
    }
    if (base.empty() || base.size() > 60) return std::nullopt;
    const NameTables& tables = name_tables();
    std::string key = ascii_lower(base);
    NamedLanguage found;
    if (auto exact = tables.languages.find(key); exact != tables.languages.end()) {
        found.code = exact->second;
    } else if (std::size_t space = key.rfind(' '); !has_qualifier && space != std::string::npos) {
        // "Chinese Simplified": a qualifier word after the name.
        std::optional<std::string> subtag = qualifier_subtag(key.substr(space + 1));
        auto language = tables.languages.find(key.substr(0, space));
        if (!subtag || language == tables.languages.end()) return std::nullopt;
        found.code = language->second;
        qualifier_subtag_text = *subtag;
    } else if (key.size() >= 6) {
        std::size_t best = 3;
        bool unique = false;
        // The outcome is the one name at the smallest distance, or none on a tie, whatever the order of the walk.
        const LetterCounts key_letters = letter_counts(key);
        const std::size_t shortest = key.size() - 2;
        const std::size_t longest = std::min(key.size() + 2, tables.languages_by_length.size() - 1);
        for (std::size_t length = shortest; length <= longest; ++length) {
            for (const NameTables::Candidate& candidate : tables.languages_by_length[length]) {
                if (edit_distance_at_least(key_letters, candidate.letters) > best) continue;
                const auto& [known_name, code] = *candidate.entry;
                std::size_t distance = edit_distance(key, known_name, best);
                if (distance < best) {
                    best = distance, unique = true;
                    found.code = code;
                    found.matched_name = icu_display(&uloc_getDisplayLanguage, code.c_str());
                } else if (distance == best) {
                    unique = false;
                }
            }
        }
        if (!unique || best > 2) return std::nullopt;
        found.fuzzy = true;
    } else {
        return std::nullopt;
    }
    if (!qualifier_subtag_text.empty()) found.code += "-" + qualifier_subtag_text;
    return found;
}

std::string english_language_name(std::string_view code) {
    std::array<char, 160> locale{};
    UErrorCode status = U_ZERO_ERROR;
    std::string tag(code);
    uloc_forLanguageTag(tag.c_str(), locale.data(), static_cast<int32_t>(locale.size()), nullptr, &status);
    if (U_FAILURE(status)) return tag;
    std::string name = icu_display(&uloc_getDisplayName, locale.data());
    return name.empty() ? tag : name;
}

std::optional<ColumnSpec> parse_header_cell(std::string_view cell, HeaderProblem* problem) {
    std::string_view text = trim(cell);
    auto from_entry = [](const VocabularyEntry& entry, std::string language) {
        return ColumnSpec{entry.field, entry.level, std::move(language), entry.explicit_level, {}};
    };
    if (text.empty()) {
        if (problem) problem->message = "the column has no name";
        return std::nullopt;
    }
    if (const VocabularyEntry* entry = find_field(text)) return from_entry(*entry, {});

    // A language on its own names a term column.
    std::string code_problem;
    auto language_spec = [&](std::string_view name) -> std::optional<ColumnSpec> {
        if (std::optional<std::string> code = language_from_code(name, &code_problem))
            return ColumnSpec{Field::term, Level::term_level, *code, false, {}};
        // A code-shaped name ("en-ZZ", "xx") is a bad code, not a language name.
        bool code_shaped = name.size() <= 12 && name.find(' ') == std::string_view::npos &&
                           name.find('(') == std::string_view::npos && name.size() > 1 &&
                           (name.size() <= 3 || name[2] == '-' || name[2] == '_' || name[3] == '-' || name[3] == '_');
        if (code_shaped) return std::nullopt;
        if (std::optional<NamedLanguage> named = language_from_name(name)) {
            ColumnSpec spec{Field::term, Level::term_level, named->code, false, {}};
            if (named->fuzzy) spec.fuzzy_language_name = std::string(trim(name)) + "' as " + named->matched_name;
            return spec;
        }
        return std::nullopt;
    };
    if (std::optional<ColumnSpec> spec = language_spec(text)) return spec;
    std::string whole_problem = code_problem;

    auto qualified = [&](std::string_view field_part, std::string_view language_part) -> std::optional<ColumnSpec> {
        const VocabularyEntry* entry = find_field(field_part);
        if (!entry || entry->field == Field::concept_id || entry->field == Field::language) return std::nullopt;
        std::optional<ColumnSpec> language = language_spec(trim(language_part));
        if (!language) return std::nullopt;
        ColumnSpec spec = from_entry(*entry, language->language);
        spec.fuzzy_language_name = language->fuzzy_language_name;
        if (spec.level == Level::concept_level && !spec.explicit_level) spec.level = Level::language_level;
        if (spec.field == Field::source_term || spec.field == Field::target_term) spec.field = Field::term;
        return spec;
    };
    // "Term [en]", "Description (German)", "Term:German"
    if (text.ends_with(']') || text.ends_with(')')) {
        char open_bracket = text.back() == ']' ? '[' : '(';
        if (std::size_t open = text.rfind(open_bracket); open != std::string_view::npos && open > 0)
            if (auto spec = qualified(text.substr(0, open), text.substr(open + 1, text.size() - open - 2))) return spec;
    }
    if (std::size_t colon = text.find(':'); colon != std::string_view::npos)
        if (auto spec = qualified(text.substr(0, colon), text.substr(colon + 1))) return spec;
    // "it_description", "English_Def", "definition_fr", "German term"
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '_' && text[i] != ' ') continue;
        if (auto spec = qualified(text.substr(i + 1), text.substr(0, i))) return spec;
        if (auto spec = qualified(text.substr(0, i), text.substr(i + 1))) return spec;
    }
    if (problem) {
        problem->message = whole_problem.empty() || whole_problem.find("not a language tag") != std::string::npos
                               ? "'" + std::string(text) +
                                     "' is neither a known column name nor a language (such as 'de', 'de-DE', "
                                     "'German' or 'Term [de]')"
                               : "'" + std::string(text) + "' is not a usable language: " + whole_problem;
    }
    return std::nullopt;
}

std::string canonical_picklist_value(Field field, std::string_view value, bool* known) {
    struct Alias {
        std::string_view spelling;  // normalized: lower case, no spaces, '-' or '_'
        std::string_view canonical;
    };
    static constexpr std::array term_types{
        Alias{"fullform", "fullForm"},   Alias{"full", "fullForm"},         Alias{"acronym", "acronym"},
        Alias{"abbreviation", "abbreviation"}, Alias{"abbr", "abbreviation"}, Alias{"shortform", "shortForm"},
        Alias{"variant", "variant"},     Alias{"phrase", "phrase"},
    };
    static constexpr std::array statuses{
        Alias{"preferredtermadmnsts", "preferredTerm-admn-sts"},
        Alias{"preferred", "preferredTerm-admn-sts"},
        Alias{"preferredterm", "preferredTerm-admn-sts"},
        Alias{"admittedtermadmnsts", "admittedTerm-admn-sts"},
        Alias{"admitted", "admittedTerm-admn-sts"},
        Alias{"admittedterm", "admittedTerm-admn-sts"},
        Alias{"deprecatedtermadmnsts", "deprecatedTerm-admn-sts"},
        Alias{"deprecated", "deprecatedTerm-admn-sts"},
        Alias{"deprecatedterm", "deprecatedTerm-admn-sts"},
        Alias{"forbidden", "deprecatedTerm-admn-sts"},
        Alias{"supersededtermadmnsts", "supersededTerm-admn-sts"},
        Alias{"superseded", "supersededTerm-admn-sts"},
        Alias{"supersededterm", "supersededTerm-admn-sts"},
    };
    static constexpr std::array parts_of_speech{
        Alias{"noun", "noun"},     Alias{"n", "noun"},         Alias{"verb", "verb"},
        Alias{"v", "verb"},        Alias{"adjective", "adjective"}, Alias{"adj", "adjective"},
        Alias{"adverb", "adverb"}, Alias{"adv", "adverb"},     Alias{"propernoun", "properNoun"},
        Alias{"propn", "properNoun"},  // Universal Dependencies tags, as Crowdin writes them
        Alias{"other", "other"},   Alias{"x", "other"},
    };
    static constexpr std::array genders{
        Alias{"masculine", "masculine"}, Alias{"m", "masculine"}, Alias{"feminine", "feminine"},
        Alias{"f", "feminine"},          Alias{"neuter", "neuter"}, Alias{"n", "neuter"},
        Alias{"other", "other"},
    };
    std::span<const Alias> table;
    switch (field) {
        case Field::term_type: table = term_types; break;
        case Field::administrative_status: table = statuses; break;
        case Field::part_of_speech: table = parts_of_speech; break;
        case Field::grammatical_gender: table = genders; break;
        default: break;
    }
    std::string key;
    for (char c : value)
        if (c != ' ' && c != '-' && c != '_') key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    for (const Alias& alias : table) {
        if (alias.spelling == key) {
            if (known) *known = true;
            return std::string(alias.canonical);
        }
    }
    if (known) *known = table.empty();
    return std::string(value);
}

std::optional<bool> parse_boolean(std::string_view value) {
    std::string key = ascii_lower(trim(value));
    if (key == "true" || key == "yes" || key == "1" || key == "x" || key == "y") return true;
    if (key == "false" || key == "no" || key == "0" || key.empty() || key == "n") return false;
    return std::nullopt;
}

namespace {
constexpr std::array<std::pair<CsvProfile, std::string_view>, 8> profile_names{{
    {CsvProfile::memoq, "memoq"},
    {CsvProfile::trados, "trados"},
    {CsvProfile::phrase, "phrase"},
    {CsvProfile::crowdin, "crowdin"},
    {CsvProfile::lokalise, "lokalise"},
    {CsvProfile::matecat, "matecat"},
    {CsvProfile::omegat, "omegat"},
    {CsvProfile::translate_toolkit, "translate-toolkit"},
}};
}  // namespace

std::string_view profile_name(CsvProfile profile) {
    for (auto [value, name] : profile_names)
        if (value == profile) return name;
    return "none";
}

std::optional<CsvProfile> profile_from_name(std::string_view name) {
    for (auto [value, known] : profile_names)
        if (known == name) return value;
    return std::nullopt;
}

std::string_view relation_kind_name(RelationKind kind) {
    switch (kind) {
        case RelationKind::related: return "related";
        case RelationKind::broader: return "broader";
        case RelationKind::narrower: return "narrower";
    }
    return "related";
}

std::optional<RelationKind> relation_kind_from_name(std::string_view name) {
    std::string key = ascii_lower(trim(name));
    if (key == "related" || key.empty()) return RelationKind::related;
    if (key == "broader") return RelationKind::broader;
    if (key == "narrower") return RelationKind::narrower;
    return std::nullopt;
}

std::string long_column_name(const ColumnSpec& spec) {
    auto level_prefix = [&] {
        switch (spec.level) {
            case Level::concept_level: return std::string("concept_");
            case Level::language_level: return std::string("language_");
            case Level::term_level: return std::string("term_");
        }
        return std::string();
    };
    bool concept_level = spec.level == Level::concept_level;
    switch (spec.field) {
        case Field::concept_id: return "concept_id";
        case Field::subject_field: return "subject_field";
        case Field::subdomain: return "subdomain";
        case Field::origin_url: return "origin_url";
        case Field::definition: return concept_level ? "concept_definition" : "definition";
        case Field::definition_source: return concept_level ? "concept_definition_source" : "definition_source";
        case Field::definition_context: return concept_level ? "concept_definition_context" : "definition_context";
        case Field::note: return level_prefix() + "note";
        case Field::relation_type: return "relation_type";
        case Field::relation_label: return "relation_label";
        case Field::relation_target: return "relation_target";
        case Field::relation_category: return "relation_category";
        case Field::transactions: return level_prefix() + "transactions";
        case Field::extras: return level_prefix() + "extra";
        case Field::definition_extra: return concept_level ? "concept_definition_extra" : "definition_extra";
        case Field::term_id: return "term_id";
        case Field::context_source: return "context_source";
        case Field::language: return "language";
        case Field::language_section: return "language_section";
        case Field::term: return "term";
        case Field::source_term: return "source";
        case Field::target_term: return "target";
        case Field::term_type: return "term_type";
        case Field::administrative_status: return "administrative_status";
        case Field::forbidden: return "forbidden";
        case Field::part_of_speech: return "part_of_speech";
        case Field::grammatical_gender: return "grammatical_gender";
        case Field::geographical_usage: return "geographical_usage";
        case Field::context: return "context";
        case Field::term_source: return "term_source";
        case Field::tool_flag: return "flag";
    }
    return "unknown";
}

std::string make_xml_id(std::string_view id) {
    std::string out;
    for (char c : trim(id)) {
        auto byte = static_cast<unsigned char>(c);
        bool name_char = byte >= 0x80 || is_alnum(c) || c == '_' || c == '-' || c == '.';
        out += name_char ? c : '-';
    }
    if (!out.empty() && !(is_alpha(out[0]) || out[0] == '_' || static_cast<unsigned char>(out[0]) >= 0x80))
        out.insert(0, "c");
    return out;
}

}  // namespace ilo::csv

// --- JSON cells -------------------------------------------------------------

namespace ilo::csv {

namespace {

// The JSON subset the structured cells use: strings, arrays and objects.
struct Json {
    enum class Kind { string, array, object } kind = Kind::string;
    std::string text;
    std::vector<Json> items;
    // Parallel name and value lists: a pair of an incomplete Json does not compile with clang and libstdc++.
    std::vector<std::string> member_names;
    std::vector<Json> members;

    void add_member(std::string name, Json value) {
        member_names.push_back(std::move(name));
        members.push_back(std::move(value));
    }

    static Json string_value(std::string value) {
        Json json;
        json.text = std::move(value);
        return json;
    }
    static Json array() {
        Json json;
        json.kind = Kind::array;
        return json;
    }
    static Json object() {
        Json json;
        json.kind = Kind::object;
        return json;
    }
    // Adds a member unless its value is empty, which keeps cells short.
    void put(std::string name, std::string value) {
        if (!value.empty()) add_member(std::move(name), string_value(std::move(value)));
    }
    void put(std::string name, Json value) {
        if (value.kind == Kind::string ? !value.text.empty()
                                       : !(value.items.empty() && value.members.empty()))
            add_member(std::move(name), std::move(value));
    }
    const Json* member(std::string_view name) const {
        for (std::size_t i = 0; i < members.size(); ++i)
            if (member_names[i] == name) return &members[i];
        return nullptr;
    }
};

void write_json_string(std::string& out, std::string_view text) {
    out += '"';
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    std::array<char, 8> escape{};
                    std::snprintf(escape.data(), escape.size(), "\\u%04x", static_cast<unsigned>(c));
                    out += escape.data();
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

void write_json(std::string& out, const Json& json) {
    switch (json.kind) {
        case Json::Kind::string: write_json_string(out, json.text); break;
        case Json::Kind::array:
            out += '[';
            for (std::size_t i = 0; i < json.items.size(); ++i) {
                if (i > 0) out += ',';
                write_json(out, json.items[i]);
            }
            out += ']';
            break;
        case Json::Kind::object:
            out += '{';
            for (std::size_t i = 0; i < json.members.size(); ++i) {
                if (i > 0) out += ',';
                write_json_string(out, json.member_names[i]);
                out += ':';
                write_json(out, json.members[i]);
            }
            out += '}';
            break;
    }
}

class JsonParser {
public:
    explicit JsonParser(std::string_view text) : text_(text) {}

    std::optional<Json> parse_document(std::string* error) {
        std::optional<Json> value = parse_value(0);
        skip_space();
        if (value && offset_ != text_.size()) {
            fail("unexpected text after the JSON value");
            value.reset();
        }
        if (!value && error) *error = error_ + " at character " + std::to_string(offset_ + 1);
        return value;
    }

private:
    void skip_space() {
        while (offset_ < text_.size() && (text_[offset_] == ' ' || text_[offset_] == '\n' ||
                                          text_[offset_] == '\r' || text_[offset_] == '\t'))
            ++offset_;
    }
    bool fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        return false;
    }
    bool expect(char c) {
        skip_space();
        if (offset_ < text_.size() && text_[offset_] == c) {
            ++offset_;
            return true;
        }
        return fail(std::string("expected '") + c + "'");
    }
    std::optional<std::string> parse_string() {
        if (!expect('"')) return std::nullopt;
        std::string out;
        while (offset_ < text_.size()) {
            char c = text_[offset_++];
            if (c == '"') return out;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (offset_ >= text_.size()) break;
            char escape = text_[offset_++];
            switch (escape) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'u': {
                    if (offset_ + 4 > text_.size()) break;
                    unsigned value = 0;
                    for (int k = 0; k < 4; ++k) {
                        char h = text_[offset_++];
                        value <<= 4;
                        if (h >= '0' && h <= '9') value |= static_cast<unsigned>(h - '0');
                        else if (h >= 'a' && h <= 'f') value |= static_cast<unsigned>(h - 'a' + 10);
                        else if (h >= 'A' && h <= 'F') value |= static_cast<unsigned>(h - 'A' + 10);
                        else {
                            fail("bad \\u escape");
                            return std::nullopt;
                        }
                    }
                    // Only what the writer produces (control characters) and the BMP are expected.
                    if (value < 0x80) {
                        out += static_cast<char>(value);
                    } else if (value < 0x800) {
                        out += static_cast<char>(0xC0 | (value >> 6));
                        out += static_cast<char>(0x80 | (value & 0x3F));
                    } else {
                        out += static_cast<char>(0xE0 | (value >> 12));
                        out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
                        out += static_cast<char>(0x80 | (value & 0x3F));
                    }
                    break;
                }
                default: fail("bad escape in a JSON string"); return std::nullopt;
            }
        }
        fail("unterminated JSON string");
        return std::nullopt;
    }
    std::optional<Json> parse_value(int depth) {
        if (depth > 64) {
            fail("JSON nested too deeply");
            return std::nullopt;
        }
        skip_space();
        if (offset_ >= text_.size()) {
            fail("expected a JSON value");
            return std::nullopt;
        }
        char c = text_[offset_];
        if (c == '"') {
            std::optional<std::string> text = parse_string();
            if (!text) return std::nullopt;
            return Json::string_value(std::move(*text));
        }
        if (c == '[') {
            ++offset_;
            Json array = Json::array();
            skip_space();
            if (offset_ < text_.size() && text_[offset_] == ']') {
                ++offset_;
                return array;
            }
            while (true) {
                std::optional<Json> item = parse_value(depth + 1);
                if (!item) return std::nullopt;
                array.items.push_back(std::move(*item));
                skip_space();
                if (offset_ < text_.size() && text_[offset_] == ',') {
                    ++offset_;
                    continue;
                }
                if (!expect(']')) return std::nullopt;
                return array;
            }
        }
        if (c == '{') {
            ++offset_;
            Json object = Json::object();
            skip_space();
            if (offset_ < text_.size() && text_[offset_] == '}') {
                ++offset_;
                return object;
            }
            while (true) {
                skip_space();
                std::optional<std::string> name = parse_string();
                if (!name || !expect(':')) return std::nullopt;
                std::optional<Json> value = parse_value(depth + 1);
                if (!value) return std::nullopt;
                object.add_member(std::move(*name), std::move(*value));
                skip_space();
                if (offset_ < text_.size() && text_[offset_] == ',') {
                    ++offset_;
                    continue;
                }
                if (!expect('}')) return std::nullopt;
                return object;
            }
        }
        fail("expected a JSON string, array or object");
        return std::nullopt;
    }

    std::string_view text_;
    std::size_t offset_ = 0;
    std::string error_;
};

std::string to_text(const Json& json) {
    std::string out;
    write_json(out, json);
    return out;
}

std::string_view level_name(Level level) {
    switch (level) {
        case Level::concept_level: return "concept";
        case Level::language_level: return "language";
        case Level::term_level: return "term";
    }
    return "concept";
}

std::optional<Level> level_from_name(std::string_view name) {
    if (name == "concept") return Level::concept_level;
    if (name == "language") return Level::language_level;
    if (name == "term") return Level::term_level;
    return std::nullopt;
}

Json extra_to_json(const ExtraField& extra) {
    Json json = Json::object();
    json.put("element", extra.element);
    json.put("type", extra.type);
    json.add_member("level", Json::string_value(std::string(level_name(extra.level))));
    json.put("value", extra.value);
    json.put("target", extra.target);
    Json attributes = Json::array();
    for (const ExtraAttribute& attribute : extra.attributes) {
        Json pair = Json::array();
        pair.items.push_back(Json::string_value(attribute.name));
        pair.items.push_back(Json::string_value(attribute.value));
        attributes.items.push_back(std::move(pair));
    }
    json.put("attributes", std::move(attributes));
    json.put("namespace", extra.namespace_uri);
    Json children = Json::array();
    for (const ExtraField& child : extra.children) children.items.push_back(extra_to_json(child));
    json.put("children", std::move(children));
    return json;
}

Json extras_to_json(const std::vector<ExtraField>& extras) {
    Json array = Json::array();
    for (const ExtraField& extra : extras) array.items.push_back(extra_to_json(extra));
    return array;
}

// The decoders accept exactly the shape the encoders write, so that nothing in a hand-edited
// cell is silently left out: an unknown or repeated member, or a member of the wrong kind, is an error.
bool refuse(std::string* error, std::string message) {
    if (error) *error = std::move(message);
    return false;
}

bool check_object(const Json& json, std::string_view what, std::initializer_list<std::string_view> known,
                  std::string* error) {
    if (json.kind != Json::Kind::object) return refuse(error, "expected a JSON object for " + std::string(what));
    for (std::size_t i = 0; i < json.member_names.size(); ++i) {
        const std::string& name = json.member_names[i];
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            std::string expected;
            for (std::string_view key : known) expected += (expected.empty() ? "\"" : ", \"") + std::string(key) + "\"";
            // A name can be a whole garbled cell: a message quotes its start.
            std::size_t cut = std::min<std::size_t>(name.size(), 40);
            while (cut < name.size() && cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
            const std::string shown = cut < name.size() ? name.substr(0, cut) + "..." : name;
            return refuse(error,
                          "unknown member \"" + shown + "\" in " + std::string(what) + " (expected " + expected + ")");
        }
        for (std::size_t j = 0; j < i; ++j)
            if (json.member_names[j] == name)
                return refuse(error, "member \"" + name + "\" given twice in " + std::string(what));
    }
    return true;
}

bool read_string(const Json& json, std::string_view name, std::string_view what, std::string& out, std::string* error) {
    const Json* found = json.member(name);
    if (!found) return true;
    if (found->kind != Json::Kind::string)
        return refuse(error, "member \"" + std::string(name) + "\" of " + std::string(what) + " must be a string");
    out = found->text;
    return true;
}

const Json* read_array(const Json& json, std::string_view name, std::string_view what, std::string* error) {
    static const Json empty = Json::array();
    const Json* found = json.member(name);
    if (!found) return &empty;
    if (found->kind != Json::Kind::array) {
        refuse(error, "member \"" + std::string(name) + "\" of " + std::string(what) + " must be an array");
        return nullptr;
    }
    return found;
}

// Pairs of strings: an extra field's attributes, a back-matter object's items.
bool read_pairs(const Json& json, std::string_view name, std::string_view what,
                std::vector<std::pair<std::string, std::string>>& out, std::string* error) {
    const Json* array = read_array(json, name, what, error);
    if (!array) return false;
    for (const Json& pair : array->items) {
        if (pair.kind != Json::Kind::array || pair.items.size() != 2 || pair.items[0].kind != Json::Kind::string ||
            pair.items[1].kind != Json::Kind::string)
            return refuse(error, "each of \"" + std::string(name) + "\" in " + std::string(what) +
                                     " must be an array of two strings");
        out.emplace_back(pair.items[0].text, pair.items[1].text);
    }
    return true;
}

bool json_to_extras(const Json& json, Level holder_level, std::vector<ExtraField>& out, std::string* error);

// An extra field's level is that of what holds it: TBX says it by where the element is, and
// reads it back from there, so a cell that gives another level would not survive TBX.
bool json_to_extra(const Json& json, Level holder_level, ExtraField& extra, std::string* error) {
    constexpr std::string_view what = "an extra field";
    if (!check_object(json, what,
                      {"element", "type", "level", "value", "target", "attributes", "namespace", "children"}, error))
        return false;
    std::string level = std::string(level_name(holder_level));
    std::vector<std::pair<std::string, std::string>> attributes;
    if (!read_string(json, "element", what, extra.element, error) ||
        !read_string(json, "type", what, extra.type, error) || !read_string(json, "level", what, level, error) ||
        !read_string(json, "value", what, extra.value, error) ||
        !read_string(json, "target", what, extra.target, error) ||
        !read_string(json, "namespace", what, extra.namespace_uri, error) ||
        !read_pairs(json, "attributes", what, attributes, error))
        return false;
    if (extra.element.empty()) return refuse(error, "an extra field needs a non-empty \"element\"");
    std::optional<Level> read_level = level_from_name(level);
    if (!read_level)
        return refuse(error, "the \"level\" of an extra field must be \"concept\", \"language\" or \"term\", not \"" +
                                 level + "\"");
    if (*read_level != holder_level)
        return refuse(error, "an extra field here is at the " + std::string(level_name(holder_level)) +
                                 " level, so its \"level\" must be \"" + std::string(level_name(holder_level)) +
                                 "\", not \"" + level + "\"");
    extra.level = holder_level;
    for (auto& [name, value] : attributes) extra.attributes.push_back({std::move(name), std::move(value)});
    const Json* children = read_array(json, "children", what, error);
    return children && json_to_extras(*children, holder_level, extra.children, error);
}

bool json_to_extras(const Json& json, Level holder_level, std::vector<ExtraField>& out, std::string* error) {
    if (json.kind != Json::Kind::array) return refuse(error, "expected a JSON array of extra fields");
    for (const Json& item : json.items) {
        ExtraField extra;
        if (!json_to_extra(item, holder_level, extra, error)) return false;
        out.push_back(std::move(extra));
    }
    return true;
}

std::optional<Json> parse_array(std::string_view text, std::string* error) {
    std::optional<Json> json = JsonParser(text).parse_document(error);
    if (json && json->kind != Json::Kind::array) {
        if (error) *error = "expected a JSON array";
        return std::nullopt;
    }
    return json;
}

}  // namespace

std::string encode_extras(const std::vector<ExtraField>& extras) {
    return extras.empty() ? std::string() : to_text(extras_to_json(extras));
}

std::optional<std::vector<ExtraField>> decode_extras(std::string_view text, Level level, std::string* error) {
    std::optional<Json> json = parse_array(text, error);
    if (!json) return std::nullopt;
    std::vector<ExtraField> out;
    if (!json_to_extras(*json, level, out, error)) return std::nullopt;
    return out;
}

std::string encode_transactions(const std::vector<Transaction>& transactions) {
    if (transactions.empty()) return {};
    Json array = Json::array();
    for (const Transaction& transaction : transactions) {
        Json json = Json::object();
        json.put("type", transaction.type);
        json.put("date", transaction.date);
        json.put("responsibility", transaction.responsibility);
        json.put("responsibility_target", transaction.responsibility_target);
        json.put("extra", extras_to_json(transaction.extra));
        array.items.push_back(std::move(json));
    }
    return to_text(array);
}

std::optional<std::vector<Transaction>> decode_transactions(std::string_view text, Level level, std::string* error) {
    std::optional<Json> json = parse_array(text, error);
    if (!json) return std::nullopt;
    std::vector<Transaction> out;
    constexpr std::string_view what = "a transaction";
    for (const Json& item : json->items) {
        Transaction transaction;
        if (!check_object(item, what, {"type", "date", "responsibility", "responsibility_target", "extra"}, error) ||
            !read_string(item, "type", what, transaction.type, error) ||
            !read_string(item, "date", what, transaction.date, error) ||
            !read_string(item, "responsibility", what, transaction.responsibility, error) ||
            !read_string(item, "responsibility_target", what, transaction.responsibility_target, error))
            return std::nullopt;
        const Json* extra = read_array(item, "extra", what, error);
        if (!extra || !json_to_extras(*extra, level, transaction.extra, error)) return std::nullopt;
        out.push_back(std::move(transaction));
    }
    return out;
}

std::string encode_definition_extras(const std::vector<Definition>& definitions) {
    bool any = false;
    Json array = Json::array();
    for (const Definition& definition : definitions) {
        any |= !definition.extra.empty();
        array.items.push_back(extras_to_json(definition.extra));
    }
    return any ? to_text(array) : std::string();
}

std::optional<std::vector<std::vector<ExtraField>>> decode_definition_extras(std::string_view text, Level level,
                                                                             std::string* error) {
    std::optional<Json> json = parse_array(text, error);
    if (!json) return std::nullopt;
    std::vector<std::vector<ExtraField>> out;
    for (const Json& item : json->items) {
        out.emplace_back();
        if (!json_to_extras(item, level, out.back(), error)) return std::nullopt;
    }
    return out;
}

std::string encode_paragraphs(const std::vector<HeaderParagraph>& paragraphs) {
    if (paragraphs.empty()) return {};
    Json array = Json::array();
    for (const HeaderParagraph& paragraph : paragraphs) {
        Json json = Json::object();
        json.put("section", paragraph.section);
        json.put("type", paragraph.type);
        json.put("text", paragraph.text);
        json.put("group", paragraph.group == 0 ? std::string() : std::to_string(paragraph.group));
        array.items.push_back(std::move(json));
    }
    return to_text(array);
}

std::optional<std::vector<HeaderParagraph>> decode_paragraphs(std::string_view text, std::string* error) {
    std::optional<Json> json = parse_array(text, error);
    if (!json) return std::nullopt;
    std::vector<HeaderParagraph> out;
    for (const Json& item : json->items) {
        HeaderParagraph paragraph;
        std::string group;
        constexpr std::string_view what = "a header paragraph";
        if (!check_object(item, what, {"section", "type", "text", "group"}, error) ||
            !read_string(item, "section", what, paragraph.section, error) ||
            !read_string(item, "type", what, paragraph.type, error) ||
            !read_string(item, "text", what, paragraph.text, error) || !read_string(item, "group", what, group, error))
            return std::nullopt;
        std::uint32_t number = 0;
        for (char c : group) {
            if (c < '0' || c > '9' || number > 400000000u) {
                if (error) *error = "a paragraph group must be a number";
                return std::nullopt;
            }
            number = number * 10 + static_cast<std::uint32_t>(c - '0');
        }
        paragraph.group = number;
        out.push_back(std::move(paragraph));
    }
    return out;
}

std::string encode_back_matter(const std::vector<RefObjectSection>& sections) {
    if (sections.empty()) return {};
    Json array = Json::array();
    for (const RefObjectSection& section : sections) {
        Json json = Json::object();
        json.put("type", section.type);
        Json objects = Json::array();
        for (const RefObject& object : section.objects) {
            Json object_json = Json::object();
            object_json.put("id", object.id);
            Json items = Json::array();
            for (const RefObjectItem& item : object.items) {
                Json pair = Json::array();
                pair.items.push_back(Json::string_value(item.type));
                pair.items.push_back(Json::string_value(item.value));
                items.items.push_back(std::move(pair));
            }
            object_json.put("items", std::move(items));
            objects.items.push_back(std::move(object_json));
        }
        json.put("objects", std::move(objects));
        array.items.push_back(std::move(json));
    }
    return to_text(array);
}

std::optional<std::vector<RefObjectSection>> decode_back_matter(std::string_view text, std::string* error) {
    std::optional<Json> json = parse_array(text, error);
    if (!json) return std::nullopt;
    std::vector<RefObjectSection> out;
    for (const Json& item : json->items) {
        RefObjectSection section;
        if (!check_object(item, "a back-matter section", {"type", "objects"}, error) ||
            !read_string(item, "type", "a back-matter section", section.type, error))
            return std::nullopt;
        const Json* objects = read_array(item, "objects", "a back-matter section", error);
        if (!objects) return std::nullopt;
        for (const Json& object_json : objects->items) {
            RefObject object;
            std::vector<std::pair<std::string, std::string>> items;
            if (!check_object(object_json, "a back-matter object", {"id", "items"}, error) ||
                !read_string(object_json, "id", "a back-matter object", object.id, error) ||
                !read_pairs(object_json, "items", "a back-matter object", items, error))
                return std::nullopt;
            for (auto& [type, value] : items) object.items.push_back({std::move(type), std::move(value)});
            section.objects.push_back(std::move(object));
        }
        out.push_back(std::move(section));
    }
    return out;
}

}  // namespace ilo::csv
