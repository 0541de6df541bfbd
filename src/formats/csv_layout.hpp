// The vocabulary CSV reader and writer share: column names, language codes and names, profiles, picklists.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ilo_tbx/csv.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/model.hpp"

namespace ilo::csv {

// What a column holds. Which level it sits on is in ColumnSpec::level where a
// field exists on several levels (definitions, notes, transactions, extras).
enum class Field {
    concept_id,
    subject_field,
    subdomain,  // MateCat: kept as a concept note "Subdomain: ..."
    origin_url,
    definition,
    definition_source,
    definition_context,
    note,
    relation_type,
    relation_label,
    relation_target,
    relation_category,  // the TBX data category a relation was read as (crossReference...)
    transactions,       // JSON: the transactions of the column's level
    extras,             // JSON: the extra fields of the column's level
    definition_extra,   // JSON: one array of extra members per definition
    language,  // long layout: the row's language
    language_section,  // long layout: 2, 3... for a second, third section of the same language in a concept
    term,
    source_term,  // pair layouts: the term in --source-lang
    target_term,  // pair layouts: the term in the first --langs language
    term_type,
    administrative_status,
    forbidden,  // TRUE/FALSE; TRUE becomes deprecatedTerm-admn-sts
    part_of_speech,
    grammatical_gender,
    geographical_usage,
    context,
    term_source,
    term_id,
    context_source,
    tool_flag,  // a CAT tool's own column with no model field (casesensitive, translatable, tags...)
};

// One header cell understood. `language` is set for language-qualified columns
// ("de", "Term:German", "Description [fr]", "it_description").
struct ColumnSpec {
    Field field = Field::term;
    Level level = Level::concept_level;
    std::string language;
    bool explicit_level = false;  // the name says its level (concept_note, language_note...)
    std::string fuzzy_language_name;  // "Indoensian' as Indonesian": set when a misspelt name was accepted
};

// Why a header cell was not understood, for the error message.
struct HeaderProblem {
    std::string message;
};

// Reads one header cell. Field names match case-insensitively, with spaces,
// '_' and '-' treated alike. Returns nothing (and fills `problem`) for a
// cell that is neither a field name nor a language.
std::optional<ColumnSpec> parse_header_cell(std::string_view cell, HeaderProblem* problem = nullptr);

// language_from_code(), profile_name() and profile_from_name() are public: ilo_tbx/csv.hpp.
// A language given by its English name ("German", "Portuguese (Brazilian)",
// "Chinese Simplified", "Serbian (Cyrillic)"). A name one or two letters away
// from exactly one known name ("Indoensian") is accepted with `fuzzy` set.
struct NamedLanguage {
    std::string code;
    bool fuzzy = false;
    std::string matched_name;
};
std::optional<NamedLanguage> language_from_name(std::string_view name);
// The English name of a language tag ("German", "Portuguese (Brazil)").
std::string english_language_name(std::string_view code);

// Canonical picklist spelling for a value as people write it ("Noun",
// "preferred", "m"). Unknown values come back unchanged with `known` false.
std::string canonical_picklist_value(Field field, std::string_view value, bool* known);
// TRUE/FALSE as spreadsheets write them; nothing if it is neither.
std::optional<bool> parse_boolean(std::string_view value);

std::string_view relation_kind_name(RelationKind kind);
std::optional<RelationKind> relation_kind_from_name(std::string_view name);

// Long-layout column names, in the order the writer puts them.
std::string long_column_name(const ColumnSpec& spec);

// Structured values that have no readable column form (extra fields with
// attributes and children, transactions, header paragraphs, back matter) travel
// in one cell as JSON: objects of strings, arrays and objects only. Decoding
// returns nothing and fills `error` on bad input: a syntax error with its character offset,
// or a member the encoders never write. `level` is the level of the column: every extra field
// in the cell, and each of its children, must be at that level (TBX cannot hold another).
std::string encode_extras(const std::vector<ExtraField>& extras);
std::optional<std::vector<ExtraField>> decode_extras(std::string_view text, Level level, std::string* error);
std::string encode_transactions(const std::vector<Transaction>& transactions);
std::optional<std::vector<Transaction>> decode_transactions(std::string_view text, Level level, std::string* error);
// One array of extras per definition, for the definitions' own extra members.
std::string encode_definition_extras(const std::vector<Definition>& definitions);
std::optional<std::vector<std::vector<ExtraField>>> decode_definition_extras(std::string_view text, Level level,
                                                                             std::string* error);
std::string encode_paragraphs(const std::vector<HeaderParagraph>& paragraphs);
std::optional<std::vector<HeaderParagraph>> decode_paragraphs(std::string_view text, std::string* error);
std::string encode_back_matter(const std::vector<RefObjectSection>& sections);
std::optional<std::vector<RefObjectSection>> decode_back_matter(std::string_view text, std::string* error);

// Makes `id` a valid xml:id (NCName): a leading digit, '-' or '.' gets a "c"
// prefix; characters an NCName cannot hold become '-'. Empty stays empty.
std::string make_xml_id(std::string_view id);

}  // namespace ilo::csv
