// The one table of TBX dialect rules (TBX-Basic, TBX-Min, TBX-Core; DCA and DCT; v3 and 2008), with stable rule ids.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "ilo_tbx/native_validator.hpp"  // Dialect

namespace ilo::validate {

// The rule sets the table rows belong to: one per dialect and TBX version,
// since the 2008 XCS files and the v3 modules differ in picklists and levels.
enum RuleSet : std::uint8_t {
    basic_v3 = 1,
    min_v3 = 2,
    basic_2008 = 4,
};

// Entry levels, in v3 names (2008: termEntry, langSet, tig/ntig).
enum LevelBit : std::uint8_t { at_concept = 1, at_language = 2, at_term = 4 };

// The DCA element that carries a data category (the DCT "meta type").
enum class Carrier : std::uint8_t { admin, descrip, ref, termNote, transac, transacNote, xref };

// How a category may reach the level it sits on: only as a direct child of
// conceptEntry/langSec/termSec, through its own group (descripGrp for descrip,
// termNoteGrp, transacGrp...), through any group but transacGrp, or any group.
enum class Via : std::uint8_t { direct, own_group, group_except_transac, any_group };

// What a target attribute must hold (DCT module RNGs; DCA checks targets as integrity).
enum class TargetRule : std::uint8_t { none, internal_required, internal_optional, external_http_required };

struct DataCategoryRule {
    std::string_view category;  // the type value (DCA) or the element name (DCT), e.g. "partOfSpeech"
    Carrier carrier;
    std::string_view module;    // "basic" or "min": whose DCT namespace holds the element
    std::uint8_t rule_sets;     // RuleSet bits
    std::uint8_t levels;        // LevelBit bits
    Via via;
    std::span<const std::string_view> picklist;  // empty: free text
    TargetRule target = TargetRule::none;
    // False where the published DCA Schematron never enforces the picklist
    // (schemas/README.md): a value outside it is then a warning in DCA files.
    bool picklist_enforced_in_dca = true;
};

// Every row of the table, in a stable order.
std::span<const DataCategoryRule> data_category_rules();

// The row for `category` carried by `carrier` in `rule_set`, or nullptr when
// the dialect does not have that data category there.
const DataCategoryRule* find_rule(std::uint8_t rule_set, Carrier carrier, std::string_view category);

// The row for a DCT element `category` of module `module` in `rule_set`, or nullptr.
const DataCategoryRule* find_dct_rule(std::uint8_t rule_set, std::string_view module, std::string_view category);

// "a, b, c": the categories `rule_set` allows on `carrier`, for hints.
std::string allowed_categories(std::uint8_t rule_set, Carrier carrier);

// "a, b, c": a picklist, for hints.
std::string joined(std::span<const std::string_view> values);

std::string_view carrier_name(Carrier carrier);
std::string_view dialect_prefix(Dialect dialect);  // "basic", "min", "core", "tbx"

// The DCT namespace of a module ("basic" -> "http://www.tbxinfo.net/ns/basic"); empty if unknown.
std::string_view module_namespace(std::string_view module);
// The module of a DCT namespace, or empty.
std::string_view namespace_module(std::string_view uri);

// "conceptEntry or langSec": the levels, named for `v3` or 2008.
std::string level_names(std::uint8_t levels, bool v3);

}  // namespace ilo::validate
