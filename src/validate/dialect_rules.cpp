// The dialect rule table, written from the published TBX-Basic/Min/Core .sch, Basic/Min .rng and .tbxmd, and the 2008 XCS files.
#include "validate/dialect_rules.hpp"

#include <array>
#include <vector>

namespace ilo::validate {

namespace {

// Picklists. v3 values from the Basic/Min modules (.rng, .tbxmd, DCA .sch);
// 2008 values from TBXBasicXCSV02.xcs.
constexpr std::array<std::string_view, 4> administrative_status = {
    "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts", "supersededTerm-admn-sts"};
constexpr std::array<std::string_view, 5> part_of_speech_v3 = {"noun", "verb", "adjective", "adverb", "other"};
constexpr std::array<std::string_view, 6> part_of_speech_2008 = {"noun",   "verb",       "adjective",
                                                                 "adverb", "properNoun", "other"};
constexpr std::array<std::string_view, 4> grammatical_gender = {"masculine", "feminine", "neuter", "other"};
constexpr std::array<std::string_view, 18> term_location = {
    "checkBox",    "comboBox",    "comboBoxElement", "dialogBox", "groupBox",  "informativeMessage",
    "interactiveMessage", "menuItem", "progressBar", "pushButton", "radioButton", "slider",
    "spinBox",     "tab",         "tableText",       "textBox",   "toolTip",   "user-definedType"};
constexpr std::array<std::string_view, 6> term_type = {"fullForm",  "acronym", "abbreviation",
                                                       "shortForm", "variant", "phrase"};
constexpr std::array<std::string_view, 2> transaction_type = {"origination", "modification"};

constexpr std::uint8_t v3_basic_and_min = basic_v3 | min_v3;
constexpr std::uint8_t all_levels = at_concept | at_language | at_term;

using C = Carrier;
using V = Via;
using T = TargetRule;

// clang-format off
const DataCategoryRule rules[] = {
    // TBX v3, Min module (TBX-Min and TBX-Basic): Min.tbxmd, Min.rng, TBX-Min_DCA.sch "module.min.*".
    {"customerSubset",         C::admin,       "min",   v3_basic_and_min, at_concept | at_term, V::group_except_transac, {}},
    {"subjectField",           C::descrip,     "min",   v3_basic_and_min, at_concept, V::own_group, {}},
    {"administrativeStatus",   C::termNote,    "min",   v3_basic_and_min, at_term, V::own_group, administrative_status},
    {"partOfSpeech",           C::termNote,    "min",   v3_basic_and_min, at_term, V::own_group, part_of_speech_v3},
    {"externalCrossReference", C::xref,        "min",   v3_basic_and_min, all_levels, V::direct, {}, T::external_http_required},
    // TBX v3, Basic module (TBX-Basic): Basic.tbxmd, Basic.rng, TBX-Basic_DCA.sch "module.basic.*".
    {"projectSubset",          C::admin,       "basic", basic_v3, at_concept | at_term, V::group_except_transac, {}},
    {"source",                 C::admin,       "basic", basic_v3, all_levels, V::group_except_transac, {}},
    {"context",                C::descrip,     "basic", basic_v3, at_term, V::own_group, {}},
    {"definition",             C::descrip,     "basic", basic_v3, at_concept | at_language, V::own_group, {}},
    {"crossReference",         C::ref,         "basic", basic_v3, at_concept | at_term, V::any_group, {}, T::internal_required},
    {"geographicalUsage",      C::termNote,    "basic", basic_v3, at_term, V::own_group, {}},
    {"grammaticalGender",      C::termNote,    "basic", basic_v3, at_term, V::own_group, grammatical_gender},
    {"termLocation",           C::termNote,    "basic", basic_v3, at_term, V::own_group, term_location},
    {"termType",               C::termNote,    "basic", basic_v3, at_term, V::own_group, term_type},
    {"transactionType",        C::transac,     "basic", basic_v3, all_levels, V::own_group, transaction_type, T::none, false},
    {"responsibility",         C::transacNote, "basic", basic_v3, all_levels, V::own_group, {}, T::internal_optional},
    {"xGraphic",               C::xref,        "basic", basic_v3, at_concept | at_language, V::direct, {}, T::external_http_required},
    // TBX 2008 (martif type="TBX-Basic"): TBXBasicXCSV02.xcs. A category without <levels> may sit at any level.
    {"administrativeStatus",   C::termNote,    "", basic_2008, at_term, V::any_group, administrative_status},
    {"context",                C::descrip,     "", basic_2008, at_term, V::any_group, {}},
    {"crossReference",         C::ref,         "", basic_2008, all_levels, V::any_group, {}},
    {"customerSubset",         C::admin,       "", basic_2008, all_levels, V::any_group, {}},
    {"definition",             C::descrip,     "", basic_2008, at_concept | at_language, V::any_group, {}},
    {"externalCrossReference", C::xref,        "", basic_2008, all_levels, V::any_group, {}},
    {"geographicalUsage",      C::termNote,    "", basic_2008, at_term, V::any_group, {}},
    {"grammaticalGender",      C::termNote,    "", basic_2008, at_term, V::any_group, grammatical_gender},
    {"partOfSpeech",           C::termNote,    "", basic_2008, at_term, V::any_group, part_of_speech_2008},
    {"projectSubset",          C::admin,       "", basic_2008, all_levels, V::any_group, {}},
    {"responsibility",         C::transacNote, "", basic_2008, all_levels, V::any_group, {}},
    {"source",                 C::admin,       "", basic_2008, all_levels, V::any_group, {}},
    {"subjectField",           C::descrip,     "", basic_2008, at_concept, V::any_group, {}},
    {"termLocation",           C::termNote,    "", basic_2008, at_term, V::any_group, {}},
    {"termType",               C::termNote,    "", basic_2008, at_term, V::any_group, term_type},
    {"transactionType",        C::transac,     "", basic_2008, all_levels, V::any_group, transaction_type},
    {"xGraphic",               C::xref,        "", basic_2008, all_levels, V::any_group, {}},
};
// clang-format on

}  // namespace

std::span<const DataCategoryRule> data_category_rules() { return rules; }

namespace {

// The rows of each rule-set mask and carrier, in table order: the validator looks a category up for every
// data category element it reads, and most masks hold a handful of rows per carrier.
constexpr std::size_t carrier_count = 7;
using RuleLists = std::array<std::vector<const DataCategoryRule*>, 8 * carrier_count>;

const RuleLists& rules_by_set_and_carrier() {
    static const RuleLists lists = [] {
        RuleLists built;
        for (std::size_t mask = 0; mask < 8; ++mask)
            for (const DataCategoryRule& rule : rules)
                if (rule.rule_sets & mask)
                    built[mask * carrier_count + static_cast<std::size_t>(rule.carrier)].push_back(&rule);
        return built;
    }();
    return lists;
}

}  // namespace

const DataCategoryRule* find_rule(std::uint8_t rule_set, Carrier carrier, std::string_view category) {
    if (rule_set < 8 && static_cast<std::size_t>(carrier) < carrier_count) {
        for (const DataCategoryRule* rule :
             rules_by_set_and_carrier()[rule_set * carrier_count + static_cast<std::size_t>(carrier)])
            if (rule->category == category) return rule;
        return nullptr;
    }
    for (const DataCategoryRule& rule : rules)
        if ((rule.rule_sets & rule_set) && rule.carrier == carrier && rule.category == category) return &rule;
    return nullptr;
}

const DataCategoryRule* find_dct_rule(std::uint8_t rule_set, std::string_view module, std::string_view category) {
    for (const DataCategoryRule& rule : rules)
        if ((rule.rule_sets & rule_set) && rule.module == module && rule.category == category) return &rule;
    return nullptr;
}

std::string joined(std::span<const std::string_view> values) {
    std::string out;
    for (std::string_view value : values) {
        if (!out.empty()) out += ", ";
        out += value;
    }
    return out;
}

std::string allowed_categories(std::uint8_t rule_set, Carrier carrier) {
    std::string out;
    for (const DataCategoryRule& rule : rules) {
        if (!(rule.rule_sets & rule_set) || rule.carrier != carrier) continue;
        if (!out.empty()) out += ", ";
        out += rule.category;
    }
    return out.empty() ? std::string("none") : out;
}

std::string_view carrier_name(Carrier carrier) {
    switch (carrier) {
        case Carrier::admin: return "admin";
        case Carrier::descrip: return "descrip";
        case Carrier::ref: return "ref";
        case Carrier::termNote: return "termNote";
        case Carrier::transac: return "transac";
        case Carrier::transacNote: return "transacNote";
        case Carrier::xref: return "xref";
    }
    return "?";
}

std::string_view dialect_prefix(Dialect dialect) {
    switch (dialect) {
        case Dialect::core: return "core";
        case Dialect::basic: return "basic";
        case Dialect::min: return "min";
        case Dialect::other: return "tbx";
    }
    return "tbx";
}

std::string_view module_namespace(std::string_view module) {
    if (module == "basic") return "http://www.tbxinfo.net/ns/basic";
    if (module == "min") return "http://www.tbxinfo.net/ns/min";
    return {};
}

std::string_view namespace_module(std::string_view uri) {
    if (uri == "http://www.tbxinfo.net/ns/basic") return "basic";
    if (uri == "http://www.tbxinfo.net/ns/min") return "min";
    return {};
}

std::string level_names(std::uint8_t levels, bool v3) {
    std::string out;
    auto add = [&](std::string_view name) {
        if (!out.empty()) out += " or ";
        out += name;
    };
    if (levels & at_concept) add(v3 ? "conceptEntry" : "termEntry");
    if (levels & at_language) add(v3 ? "langSec" : "langSet");
    if (levels & at_term) add(v3 ? "termSec" : "tig/ntig");
    return out;
}

}  // namespace ilo::validate
