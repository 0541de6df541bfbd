// TBX-Basic's data-category table and the XML lexical checks (NCName, language, date, URL, characters).
#include "formats/tbx_basic_rules.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <unordered_map>
#include <utility>

#include "validate/dialect_rules.hpp"

#include "ilo_tbx/native_validator.hpp"
#include "text/text_decoding.hpp"

namespace ilo::tbx_basic {

namespace {

bool one_of(std::string_view value, std::initializer_list<std::string_view> allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// Bit per level, so that one row can allow several.
constexpr unsigned at_concept = 1U << 0;
constexpr unsigned at_language = 1U << 1;
constexpr unsigned at_term = 1U << 2;

unsigned bit(Level level) {
    switch (level) {
        case Level::concept_level: return at_concept;
        case Level::language_level: return at_language;
        case Level::term_level: return at_term;
    }
    return 0;
}

struct Category {
    std::string_view element;
    std::string_view type;
    unsigned levels;
    bool (*picklist)(std::string_view);  // null: free text
};

// From the "dialectEnforcement" and module patterns of TBX-Basic_DCA.sch (1.2.1).
// termNote is allowed only in termSec by the core rules of the same file.
// transac and transacNote are left out: they live only inside a transacGrp,
// which the writer builds from the model's transactions.
const std::array<Category, 15> categories{{
    {"admin", "customerSubset", at_concept | at_term, nullptr},
    {"admin", "projectSubset", at_concept | at_term, nullptr},
    {"admin", "source", at_concept | at_language | at_term, nullptr},
    {"descrip", "subjectField", at_concept, nullptr},
    {"descrip", "context", at_term, nullptr},
    {"descrip", "definition", at_concept | at_language, nullptr},
    {"ref", "crossReference", at_concept | at_term, nullptr},
    {"termNote", "administrativeStatus", at_term, &is_administrative_status},
    {"termNote", "partOfSpeech", at_term, &is_part_of_speech},
    {"termNote", "geographicalUsage", at_term, nullptr},
    {"termNote", "grammaticalGender", at_term, &is_grammatical_gender},
    {"termNote", "termLocation", at_term, &is_term_location},
    {"termNote", "termType", at_term, &is_term_type},
    {"xref", "externalCrossReference", at_concept | at_language | at_term, nullptr},
    {"xref", "xGraphic", at_concept | at_language, nullptr},
}};

bool is_part_of_speech_2008(std::string_view value) {
    return is_part_of_speech(value) || value == "properNoun";
}
bool is_plain_text(std::string_view) { return true; }

// From TBXBasicXCSV02.xcs and the Schematron rules inside TBXBasicRNGV02.rng (2008).
const std::array<Category, 15> categories_2008{{
    {"admin", "customerSubset", at_term, nullptr},
    {"admin", "projectSubset", at_term, nullptr},
    {"admin", "source", at_concept | at_language | at_term, nullptr},
    {"descrip", "subjectField", at_concept, nullptr},
    {"descrip", "context", at_term, nullptr},
    {"descrip", "definition", at_concept | at_language, nullptr},
    {"ref", "crossReference", at_concept | at_term, nullptr},
    {"termNote", "administrativeStatus", at_term, &is_administrative_status},
    {"termNote", "partOfSpeech", at_term, &is_part_of_speech_2008},
    {"termNote", "geographicalUsage", at_term, nullptr},
    {"termNote", "grammaticalGender", at_term, &is_grammatical_gender},
    {"termNote", "termLocation", at_term, &is_plain_text},
    {"termNote", "termType", at_term, &is_term_type},
    {"xref", "externalCrossReference", at_concept | at_term, nullptr},
    {"xref", "xGraphic", at_concept, nullptr},
}};

// From TBX-Min_DCA.sch (dialectEnforcement, module.min.*) and Min.rng.
const std::array<Category, 5> categories_min{{
    {"admin", "customerSubset", at_concept | at_term, nullptr},
    {"descrip", "subjectField", at_concept, nullptr},
    {"termNote", "administrativeStatus", at_term, &is_administrative_status},
    {"termNote", "partOfSpeech", at_term, &is_part_of_speech},
    {"xref", "externalCrossReference", at_concept | at_language | at_term, nullptr},
}};

const Category* find_min_category(std::string_view element, std::string_view type) {
    for (const Category& category : categories_min)
        if (category.type == type && category.element == element) return &category;
    return nullptr;
}

std::string_view edition_name(Edition edition) { return edition == Edition::v3 ? "TBX-Basic" : "TBX-Basic 2008"; }

const Category* find_category(std::string_view element, std::string_view type, Edition edition) {
    // The type first: the types differ in length more than the few element names do, so most rows are
    // passed over without comparing characters.
    for (const Category& category : edition == Edition::v3 ? categories : categories_2008)
        if (category.type == type && category.element == element) return &category;
    return nullptr;
}

std::string level_list(unsigned levels) {
    std::string text;
    auto add = [&](unsigned flag, std::string_view name) {
        if (!(levels & flag)) return;
        if (!text.empty()) text += " and ";
        text += name;
    };
    add(at_concept, "concept");
    add(at_language, "language");
    add(at_term, "term");
    return text;
}

}  // namespace

bool is_administrative_status(std::string_view value) {
    return one_of(value, {"admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts",
                          "preferredTerm-admn-sts"});
}
bool is_part_of_speech(std::string_view value) {
    return one_of(value, {"adjective", "noun", "other", "verb", "adverb"});
}
bool is_grammatical_gender(std::string_view value) {
    return one_of(value, {"masculine", "feminine", "neuter", "other"});
}
bool is_term_type(std::string_view value) {
    return one_of(value, {"fullForm", "acronym", "abbreviation", "shortForm", "variant", "phrase"});
}
bool is_term_location(std::string_view value) {
    return one_of(value, {"checkBox", "comboBox", "comboBoxElement", "dialogBox", "groupBox", "informativeMessage",
                          "interactiveMessage", "menuItem", "progressBar", "pushButton", "radioButton", "slider",
                          "spinBox", "tab", "tableText", "textBox", "toolTip", "user-definedType"});
}
bool is_transaction_type(std::string_view value) { return one_of(value, {"origination", "modification"}); }

bool allows(std::string_view element, std::string_view type, Level level, std::string_view value, Edition edition) {
    if (element == "note") return type.empty();
    const Category* category = find_category(element, type, edition);
    if (!category || !(category->levels & bit(level))) return false;
    return !category->picklist || category->picklist(value);
}

std::string refusal_reason(std::string_view element, std::string_view type, Level level, std::string_view value,
                           Edition edition) {
    if (element == "note") return "TBX notes have no type";
    const Category* category = find_category(element, type, edition);
    std::string name = std::string(element) + " type \"" + std::string(type) + "\"";
    std::string basic(edition_name(edition));
    if (!category) return basic + " has no " + name;
    if (!(category->levels & bit(level)))
        return basic + " allows " + std::string(type) + " only at " + level_list(category->levels) + " level";
    if (category->picklist && !category->picklist(value))
        return "\"" + std::string(value) + "\" is not in " + basic + "'s " + std::string(type) + " picklist";
    return {};
}

bool min_allows(std::string_view element, std::string_view type, Level level, std::string_view value) {
    if (element == "note") return type.empty();
    const Category* category = find_min_category(element, type);
    if (!category || !(category->levels & bit(level))) return false;
    return !category->picklist || category->picklist(value);
}

std::string min_refusal_reason(std::string_view element, std::string_view type, Level level, std::string_view value) {
    if (element == "note") return "TBX notes have no type";
    const Category* category = find_min_category(element, type);
    if (!category) return std::string(type.empty() ? element : type) + ": TBX-Min has no such category";
    if (!(category->levels & bit(level)))
        return "TBX-Min allows " + std::string(type) + " only at " + level_list(category->levels) + " level";
    if (category->picklist && !category->picklist(value))
        return "\"" + std::string(value) + "\" is not in TBX-Min's " + std::string(type) + " picklist";
    return {};
}

std::string_view dct_module(std::string_view element, std::string_view type) {
    using validate::Carrier;
    static constexpr std::pair<std::string_view, Carrier> carriers[] = {
        {"admin", Carrier::admin},       {"descrip", Carrier::descrip},         {"ref", Carrier::ref},
        {"termNote", Carrier::termNote}, {"transac", Carrier::transac},         {"transacNote", Carrier::transacNote},
        {"xref", Carrier::xref},
    };
    for (const auto& [name, carrier] : carriers) {
        if (name != element) continue;
        const validate::DataCategoryRule* rule =
            validate::find_rule(validate::basic_v3 | validate::min_v3, carrier, type);
        return rule ? rule->module : std::string_view{};
    }
    return {};
}

std::string_view dct_namespace(std::string_view module) { return validate::module_namespace(module); }

namespace {
constexpr RelationKind relation_kinds[] = {RelationKind::related, RelationKind::broader, RelationKind::narrower};
}

std::string_view relation_prefix(RelationKind kind) {
    switch (kind) {
        case RelationKind::broader:
            return "Broader term: ";
        case RelationKind::narrower:
            return "Narrower term: ";
        case RelationKind::related:
            break;
    }
    return "Related term: ";
}

const RelationKind* relation_kind_of_prefix(std::string_view text) {
    for (const RelationKind& kind : relation_kinds)
        if (text.starts_with(relation_prefix(kind))) return &kind;
    return nullptr;
}

}  // namespace ilo::tbx_basic

namespace ilo::xml_values {

namespace {

// Decodes one UTF-8 sequence at `i`; returns false (and leaves `i`) on invalid input.
bool decode_utf8(std::string_view text, std::size_t& i, char32_t& code_point) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char lead = byte(i);
    std::size_t length = 0;
    char32_t value = 0;
    if (lead < 0x80) {
        code_point = lead;
        ++i;
        return true;
    } else if ((lead & 0xE0) == 0xC0) {
        length = 2;
        value = lead & 0x1FU;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3;
        value = lead & 0x0FU;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4;
        value = lead & 0x07U;
    } else {
        return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return false;
        value = (value << 6) | (byte(i + k) & 0x3FU);
    }
    constexpr std::array<char32_t, 5> smallest{0, 0, 0x80, 0x800, 0x10000};
    if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return false;
    code_point = value;
    i += length;
    return true;
}

bool is_name_start(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c >= 0xC0 && c <= 0xD6) ||
           (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
           (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
           (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
           (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_name_char(char32_t c) {
    return is_name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
           (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` digits at `i` as a number.
bool digits(std::string_view text, std::size_t& i, std::size_t count, int& value) {
    if (i + count > text.size()) return false;
    value = 0;
    for (std::size_t k = 0; k < count; ++k) {
        if (!is_digit(text[i + k])) return false;
        value = value * 10 + (text[i + k] - '0');
    }
    i += count;
    return true;
}

bool literal(std::string_view text, std::size_t& i, char c) {
    if (i >= text.size() || text[i] != c) return false;
    ++i;
    return true;
}

bool is_leap_year(long year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// "Z" or "+hh:mm" / "-hh:mm", or nothing.
bool optional_timezone(std::string_view text, std::size_t& i) {
    if (i == text.size()) return true;
    if (text[i] == 'Z') return ++i == text.size();
    if (text[i] != '+' && text[i] != '-') return false;
    ++i;
    int hours = 0;
    int minutes = 0;
    if (!digits(text, i, 2, hours) || !literal(text, i, ':') || !digits(text, i, 2, minutes)) return false;
    if (minutes > 59 || hours > 14 || (hours == 14 && minutes != 0)) return false;
    return i == text.size();
}

}  // namespace

bool is_ncname(std::string_view text) {
    std::size_t i = 0;
    bool first = true;
    while (i < text.size()) {
        char32_t c = 0;
        if (!decode_utf8(text, i, c)) return false;
        if (first ? !is_name_start(c) : !is_name_char(c)) return false;
        first = false;
    }
    return !first;
}

namespace {

bool parse_language_tag(std::string_view text) {
    std::size_t i = 0;
    bool first = true;
    while (true) {
        std::size_t start = i;
        while (i < text.size() && (is_ascii_letter(text[i]) || (!first && is_digit(text[i])))) ++i;
        std::size_t length = i - start;
        if (length < 1 || length > 8) return false;
        // What we write must pass our validator, which wants BCP 47 (e.g. not the one-letter "e").
        if (i == text.size()) return validate::is_bcp47_tag(text);
        if (text[i] != '-') return false;
        ++i;
        first = false;
    }
}

}  // namespace

bool is_language_tag(std::string_view text) {
    // The writers check the tag of every language section of every concept, and ICU's parse of a tag costs
    // about 3,500 instructions, while a term base has a few dozen tags: the answers are kept per thread
    // (writers and the output validator run on different threads), at most 4096 of them so memory stays flat.
    thread_local std::unordered_map<std::string, bool> known;
    std::string key(text);
    if (auto found = known.find(key); found != known.end()) return found->second;
    bool valid = parse_language_tag(text);
    if (known.size() < 4096) known.emplace(std::move(key), valid);
    return valid;
}

bool is_xsd_date_or_date_time(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-') ++i;
    std::size_t year_start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    std::size_t year_digits = i - year_start;
    if (year_digits < 4 || year_digits > 9) return false;
    if (year_digits > 4 && text[year_start] == '0') return false;
    long year = std::stol(std::string(text.substr(year_start, year_digits)));
    if (year == 0) return false;
    int month = 0;
    int day = 0;
    if (!literal(text, i, '-') || !digits(text, i, 2, month) || !literal(text, i, '-') || !digits(text, i, 2, day))
        return false;
    if (month < 1 || month > 12 || day < 1) return false;
    constexpr std::array<int, 12> month_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int last_day = month_days[static_cast<std::size_t>(month - 1)] + (month == 2 && is_leap_year(year) ? 1 : 0);
    if (day > last_day) return false;
    if (i < text.size() && text[i] == 'T') {
        ++i;
        int hours = 0;
        int minutes = 0;
        int seconds = 0;
        if (!digits(text, i, 2, hours) || !literal(text, i, ':') || !digits(text, i, 2, minutes) ||
            !literal(text, i, ':') || !digits(text, i, 2, seconds))
            return false;
        bool fraction = false;
        bool fraction_nonzero = false;
        if (i < text.size() && text[i] == '.') {
            ++i;
            std::size_t fraction_start = i;
            while (i < text.size() && is_digit(text[i])) fraction_nonzero |= text[i++] != '0';
            if (i == fraction_start) return false;
            fraction = true;
        }
        if (minutes > 59 || seconds > 59) return false;
        if (hours > 24 || (hours == 24 && (minutes != 0 || seconds != 0 || (fraction && fraction_nonzero))))
            return false;
    }
    return optional_timezone(text, i);
}

bool is_http_url(std::string_view text) {
    std::string_view rest;
    if (text.starts_with("http://"))
        rest = text.substr(7);
    else if (text.starts_with("https://"))
        rest = text.substr(8);
    else
        return false;
    if (rest.empty()) return false;
    const bool plain = std::none_of(text.begin(), text.end(), [](char c) {
        auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || byte == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' ||
               c == '`' || c == '{' || c == '|' || c == '}';
    });
    // And a URI reference by the validator's own test ('%' followed by two hex digits, one '#'), so that what
    // the writers put in xref/@target is never refused by the check of what they wrote.
    return plain && validate::is_any_uri(text);
}

bool is_clean_xml_text(std::string_view text) {
    // Nearly every value is clean, and most are ASCII: a word of ASCII is clean unless it has a byte below
    // 0x20, which only tab, line feed and carriage return may be. Words that are not plainly so are looked
    // at byte by byte; from the first non-ASCII byte on, the two word-at-a-time scans of text_decoding decide.
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    constexpr std::uint64_t spaces = 0x2020202020202020ULL;
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        // With no top bit set, (word - spaces) & ~word has a top bit set only if some byte is below 0x20.
        if ((word & high_bits) != 0 || ((word - spaces) & ~word & high_bits) != 0) break;
    }
    for (; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x80) {
            std::string_view rest = text.substr(i);
            std::size_t checked = 0;
            return find_invalid_utf8(rest, true, checked) == std::string_view::npos &&
                   find_non_xml_char(rest) == std::string_view::npos;
        }
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') return false;
    }
    return true;
}

std::string sanitized(std::string_view text, bool& changed) {
    changed = false;
    if (is_clean_xml_text(text)) return std::string(text);
    std::string result;
    result.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t start = i;
        char32_t c = 0;
        if (!decode_utf8(text, i, c)) {
            result += "\xEF\xBF\xBD";
            changed = true;
            ++i;
            continue;
        }
        bool forbidden = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
        if (forbidden) {
            result += "\xEF\xBF\xBD";
            changed = true;
        } else {
            result.append(text.substr(start, i - start));
        }
    }
    return result;
}

}  // namespace ilo::xml_values
