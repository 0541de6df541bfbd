// Terminology quality checks on the concept model: findings as values, and the safe automatic fixes.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ilo_tbx/diagnostics.hpp"
#include "ilo_tbx/model.hpp"

namespace ilo::lint {

// Which text of the model a finding or a change is about.
enum class FieldKind {
    term,               // Term::text
    term_context,       // Term::context
    term_note,          // Term::notes[item]
    term_source,        // Term::source
    definition,         // Definition::text of definitions[item]
    definition_source,  // Definition::source of definitions[item]
    note,               // notes[item] of a language section or, with no language, of the concept
};

// The address of one text field: concept index, then (optionally) language
// section index and term index inside it, the kind and, for lists, the item.
// With no language index the field sits on the concept itself.
struct FieldRef {
    std::size_t concept_index = 0;
    std::optional<std::size_t> language_index;
    std::optional<std::size_t> term_index;
    FieldKind kind = FieldKind::term;
    std::size_t item = 0;
    bool operator==(const FieldRef&) const = default;
};

// "term", "definition", "note"...: the name used in reports.
std::string_view field_kind_name(FieldKind kind);

// The text a FieldRef points at, or null if the model has no such field.
const std::string* field_text(const TermBase& term_base, const FieldRef& field);
std::string* field_text(TermBase& term_base, const FieldRef& field);

// One problem found by a rule. `language`, `term` and `field` are empty when the
// finding is about a whole concept (e.g. a missing language). `suggestion` says
// what to do, often as the corrected text; `fixable` is true when `fix()` applies
// exactly that correction.
struct Finding {
    std::string rule;  // a stable rule id from rules(), e.g. "unicode.romanian-cedilla"
    Severity severity = Severity::warning;
    std::string concept_id;
    std::string language;
    std::string term;
    std::string message;
    std::string suggestion;
    bool fixable = false;
    SourcePos pos;  // of the term or definition, else the language section, else the concept, when known
    std::optional<FieldRef> field;
    bool operator==(const Finding&) const = default;
};

// The catalogue of rules, in the order findings of one place are reported.
struct RuleInfo {
    std::string_view id;
    Severity severity;
    std::string_view summary;
};
std::span<const RuleInfo> rules();
const RuleInfo* find_rule(std::string_view id);

struct LintOptions {
    // Languages every concept should have (BCP 47, matched on the primary
    // language subtag). Unset: the languages used anywhere in the term base.
    std::optional<std::vector<std::string>> expected_languages;
};

// The 24 official languages of the European Union, as lower-case ISO 639-1 codes.
std::span<const std::string_view> eu24_languages();

// Parses "eu24", "da,hr" or a mix ("eu24,no") into language tags. Returns
// nothing and sets `error` when an item is not a well-formed BCP 47 tag.
std::optional<std::vector<std::string>> parse_language_list(std::string_view list, std::string& error);

// The text with every character a reader cannot see or tell apart written as
// "<U+00A0>": controls, format characters, white space other than U+0020, and
// no-break characters. For reports only; the model is never changed this way.
std::string show_invisible(std::string_view text);

// Runs every rule over `term_base`. Never throws on odd content; the order of
// findings is deterministic (concepts in order, then language sections, terms and fields).
std::vector<Finding> lint(const TermBase& term_base, const LintOptions& options = {});

// lint() one concept at a time, for a term base read as a stream: add() each concept in order, then finish().
// It keeps the findings, each (language, term) with the id of the first concept that has it (for
// consistency.shared-term), and, when the expected languages are not given, each concept's id, position and
// languages (the default set is known only at the end): memory grows with those, not with the term base.
class Linter {
public:
    explicit Linter(LintOptions options = {});
    ~Linter();
    Linter(const Linter&) = delete;
    Linter& operator=(const Linter&) = delete;

    void add(const Concept& concept_value);
    // The findings of every concept added, in lint()'s order. Call once.
    std::vector<Finding> finish();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

// One field changed by fix(): where, what it was, what it became, and which rules' fixes applied.
struct Change {
    FieldRef field;
    std::string concept_id;
    std::string language;
    std::string term;  // the term's text before the fix, when the field belongs to a term
    std::string before;
    std::string after;
    std::vector<std::string> rules;
    bool operator==(const Change&) const = default;
};

struct FixResult {
    TermBase term_base;
    std::vector<Change> changes;
};

// Applies only the safe, unambiguous fixes to every text field: NFC, Romanian
// s/t with cedilla to comma below (in Romanian sections only), and white space
// (trimmed at both ends; inner runs, tabs and line breaks folded to one space;
// a single no-break space inside the text is kept, since it may be intentional).
// Nothing else changes: ids, languages, picklist values and URLs are left alone.
FixResult fix(TermBase term_base);

// fix() of one concept, changed in place; `concept_index` is its place in the term base (for Change::field).
std::vector<Change> fix_concept(Concept& concept_value, std::size_t concept_index);

}  // namespace ilo::lint
