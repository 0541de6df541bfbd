// The lint driver: the rule catalogue, addressing text fields, running the rules in order, and the safe fixes.
#include "ilo_tbx/lint.hpp"

#include <unicode/uloc.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

#include "lint/rules.hpp"
#include "lint/unicode_text.hpp"

namespace ilo::lint {

namespace {

// Severity says how sure the rule is that the data is wrong: an error breaks
// matching or is plainly wrong text; a warning asks a terminologist to look.
constexpr std::array<RuleInfo, 21> rule_catalogue{{
    {"coverage.missing-language", Severity::warning, "a language of the expected set has no section"},
    {"coverage.no-preferred-term", Severity::warning, "a language section has no term marked preferred"},
    {"coverage.no-english-definition", Severity::warning, "the concept has no English definition"},
    {"unicode.romanian-cedilla", Severity::error, "Romanian s/t with cedilla instead of comma below (fixable)"},
    {"unicode.mixed-script", Severity::error, "letters of two scripts inside one word (Latin A in a Greek word)"},
    {"unicode.not-nfc", Severity::error, "text not in Unicode normalisation form C (fixable)"},
    {"unicode.control", Severity::error, "a control character in the text"},
    {"unicode.invisible", Severity::error, "a zero-width or other invisible format character"},
    {"unicode.non-breaking", Severity::warning, "a no-break space or hyphen inside a term (reported, not fixed)"},
    {"space.leading-trailing", Severity::warning, "white space at the start or end (fixable)"},
    {"space.inner", Severity::warning, "double spaces, tabs or line breaks inside the text (fixable)"},
    {"consistency.duplicate-term", Severity::warning, "the same term twice in one language section"},
    {"consistency.shared-term", Severity::warning, "the same term in the same language under two concepts"},
    {"consistency.abbreviation-without-full-form", Severity::warning,
     "a language section has an abbreviation but no full form"},
    {"consistency.capitalisation", Severity::warning,
     "capitalisation out of line with the other languages of the concept"},
    {"consistency.optional-part", Severity::warning, "an optional part x(y) that hides two terms"},
    {"consistency.quotation-marks", Severity::warning, "quotation marks that the language does not use"},
    {"scrape.space-before-punctuation", Severity::warning, "a space before , . ; : ) left where a link was"},
    {"scrape.list-marker", Severity::warning, "a leftover bullet or number marker at the start"},
    {"scrape.glued-words", Severity::warning, "words glued together where a link was removed (protectionLodged)"},
    {"scrape.truncated", Severity::warning, "a definition or note that looks cut off"},
}};

constexpr std::array<std::string_view, 24> eu24{"bg", "cs", "da", "de", "el", "en", "es", "et",
                                                "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
                                                "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"};

std::size_t rule_rank(std::string_view id) {
    for (std::size_t i = 0; i < rule_catalogue.size(); ++i)
        if (rule_catalogue[i].id == id) return i;
    return rule_catalogue.size();
}

template <typename ConceptRef>
auto field_text_in_concept(ConceptRef& concept_value, const FieldRef& field) -> decltype(&concept_value.id) {
    using Result = decltype(&concept_value.id);
    auto pick = [&](auto& list) -> Result { return field.item < list.size() ? &list[field.item] : nullptr; };
    auto pick_definition = [&](auto& definitions) -> Result {
        if (field.item >= definitions.size()) return nullptr;
        if (field.kind == FieldKind::definition) return &definitions[field.item].text;
        if (field.kind == FieldKind::definition_source) return &definitions[field.item].source;
        return nullptr;
    };
    if (!field.language_index) {
        if (field.term_index) return nullptr;
        if (field.kind == FieldKind::note) return pick(concept_value.notes);
        return pick_definition(concept_value.definitions);
    }
    if (*field.language_index >= concept_value.languages.size()) return nullptr;
    auto& section = concept_value.languages[*field.language_index];
    if (!field.term_index) {
        if (field.kind == FieldKind::note) return pick(section.notes);
        return pick_definition(section.definitions);
    }
    if (*field.term_index >= section.terms.size()) return nullptr;
    auto& term = section.terms[*field.term_index];
    switch (field.kind) {
        case FieldKind::term: return &term.text;
        case FieldKind::term_context: return &term.context;
        case FieldKind::term_note: return pick(term.notes);
        case FieldKind::term_source: return &term.source;
        default: return nullptr;
    }
}

template <typename TermBaseRef>
auto field_text_in(TermBaseRef& term_base, const FieldRef& field) -> decltype(&term_base.title) {
    if (field.concept_index >= term_base.concepts.size()) return nullptr;
    return field_text_in_concept(term_base.concepts[field.concept_index], field);
}

// Every text field of a concept that lint reads and fix may change, in report order; `c` is the concept's index.
void for_each_field(const Concept& concept_value, std::size_t c,
                    const std::function<void(const FieldRef&, const std::string&, std::string_view language,
                                             const Concept&, const Term*, const SourcePos&)>& visit) {
    {
        for (std::size_t d = 0; d < concept_value.definitions.size(); ++d) {
            const Definition& definition = concept_value.definitions[d];
            const SourcePos& definition_pos = definition.pos.known() ? definition.pos : concept_value.pos;
            visit({c, std::nullopt, std::nullopt, FieldKind::definition, d}, definition.text, "", concept_value,
                  nullptr, definition_pos);
            visit({c, std::nullopt, std::nullopt, FieldKind::definition_source, d}, definition.source, "",
                  concept_value, nullptr, definition_pos);
        }
        for (std::size_t n = 0; n < concept_value.notes.size(); ++n)
            visit({c, std::nullopt, std::nullopt, FieldKind::note, n}, concept_value.notes[n], "", concept_value,
                  nullptr, concept_value.pos);
        for (std::size_t l = 0; l < concept_value.languages.size(); ++l) {
            const LanguageSection& section = concept_value.languages[l];
            const SourcePos& section_pos = section.pos.known() ? section.pos : concept_value.pos;
            for (std::size_t d = 0; d < section.definitions.size(); ++d) {
                const Definition& definition = section.definitions[d];
                const SourcePos& definition_pos = definition.pos.known() ? definition.pos : section_pos;
                visit({c, l, std::nullopt, FieldKind::definition, d}, definition.text, section.language,
                      concept_value, nullptr, definition_pos);
                visit({c, l, std::nullopt, FieldKind::definition_source, d}, definition.source, section.language,
                      concept_value, nullptr, definition_pos);
            }
            for (std::size_t n = 0; n < section.notes.size(); ++n)
                visit({c, l, std::nullopt, FieldKind::note, n}, section.notes[n], section.language, concept_value,
                      nullptr, section_pos);
            for (std::size_t t = 0; t < section.terms.size(); ++t) {
                const Term& term = section.terms[t];
                const SourcePos& term_pos = term.pos.known() ? term.pos : section_pos;
                visit({c, l, t, FieldKind::term, 0}, term.text, section.language, concept_value, &term, term_pos);
                visit({c, l, t, FieldKind::term_context, 0}, term.context, section.language, concept_value, &term,
                      term_pos);
                for (std::size_t n = 0; n < term.notes.size(); ++n)
                    visit({c, l, t, FieldKind::term_note, n}, term.notes[n], section.language, concept_value, &term,
                          term_pos);
                visit({c, l, t, FieldKind::term_source, 0}, term.source, section.language, concept_value, &term,
                      term_pos);
            }
        }
    }
}

}  // namespace

std::string_view field_kind_name(FieldKind kind) {
    switch (kind) {
        case FieldKind::term: return "term";
        case FieldKind::term_context: return "term context";
        case FieldKind::term_note: return "term note";
        case FieldKind::term_source: return "term source";
        case FieldKind::definition: return "definition";
        case FieldKind::definition_source: return "definition source";
        case FieldKind::note: return "note";
    }
    return "text";
}

const std::string* field_text(const TermBase& term_base, const FieldRef& field) {
    return field_text_in(term_base, field);
}

std::string* field_text(TermBase& term_base, const FieldRef& field) { return field_text_in(term_base, field); }

std::span<const RuleInfo> rules() { return rule_catalogue; }

const RuleInfo* find_rule(std::string_view id) {
    for (const RuleInfo& rule : rule_catalogue)
        if (rule.id == id) return &rule;
    return nullptr;
}

std::span<const std::string_view> eu24_languages() { return eu24; }

std::optional<std::vector<std::string>> parse_language_list(std::string_view list, std::string& error) {
    std::vector<std::string> languages;
    auto add = [&](std::string tag) {
        if (std::find(languages.begin(), languages.end(), tag) == languages.end()) languages.push_back(std::move(tag));
    };
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        std::string item(list.substr(start, comma - start));
        start = comma + 1;
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (item.empty()) {
            error = "an empty item in the language list '" + std::string(list) + "'";
            return std::nullopt;
        }
        if (item == "eu24") {
            for (std::string_view language : eu24) add(std::string(language));
            continue;
        }
        // ICU parses the whole tag only when it is well-formed BCP 47.
        char locale_id[ULOC_FULLNAME_CAPACITY];
        std::int32_t parsed = 0;
        UErrorCode status = U_ZERO_ERROR;
        uloc_forLanguageTag(item.c_str(), locale_id, ULOC_FULLNAME_CAPACITY, &parsed, &status);
        const bool letters_only_start = item.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") >= 2;
        if (U_FAILURE(status) || parsed != static_cast<std::int32_t>(item.size()) || !letters_only_start) {
            error = "'" + item + "' is not a BCP 47 language tag (expected e.g. 'da', 'pt-BR' or 'eu24')";
            return std::nullopt;
        }
        // Canonical case for the primary subtag ("DA" -> "da"); the rest is kept as written.
        for (std::size_t i = 0; i < item.size() && item[i] != '-'; ++i)
            if (item[i] >= 'A' && item[i] <= 'Z') item[i] = static_cast<char>(item[i] - 'A' + 'a');
        add(item);
    }
    return languages;
}

std::string show_invisible(std::string_view text_value) {
    std::string result;
    for (char32_t c : text::decode(text_value)) {
        const bool hidden = text::is_control(c) || text::is_format(c) || text::is_no_break(c) ||
                            (text::is_white_space(c) && c != U' ');
        if (!hidden) {
            result += text::encode(c);
            continue;
        }
        char code[16];
        std::snprintf(code, sizeof code, "<U+%04X>", static_cast<unsigned>(c));
        result += code;
    }
    return result;
}

// Without expected languages, the default set (every language used) is known only at the end: each concept's
// coverage is checked then, from what is kept of it here.
class Linter::Impl {
public:
    explicit Impl(LintOptions options) : options_(std::move(options)) {}

    void add(const Concept& concept_value) {
        const std::size_t index = count_++;
        if (options_.expected_languages) {
            detail::check_concept(concept_value, index, *options_.expected_languages, found_);
        } else {
            detail::check_concept(concept_value, index, {}, found_);
            remember_languages(concept_value, index);
        }
        for (std::size_t l = 0; l < concept_value.languages.size(); ++l)
            detail::check_language_section(concept_value, index, l, found_);
        for_each_field(concept_value, index,
                       [&](const FieldRef& ref, const std::string& value, std::string_view language,
                           const Concept& owner, const Term* term, const SourcePos& pos) {
                           detail::check_text_field({ref, value, language, &owner, term, pos}, found_);
                       });
        shared_terms_.check(concept_value, index, found_);
    }

    std::vector<Finding> finish() {
        if (!options_.expected_languages) check_remembered_coverage();
        // The keys are made once: a rule's rank is a search of the catalogue, and a sort compares n log n times.
        using SortKey = std::tuple<std::size_t, std::size_t, std::size_t, std::size_t, std::size_t>;
        std::vector<SortKey> order;
        order.reserve(found_.size());
        for (std::size_t i = 0; i < found_.size(); ++i)
            order.emplace_back(found_[i].concept_index, found_[i].language_rank, found_[i].term_rank,
                               rule_rank(found_[i].finding.rule), i);
        std::sort(order.begin(), order.end());  // the index last keeps equal findings in the order found
        std::vector<Finding> findings;
        findings.reserve(found_.size());
        for (const SortKey& key : order) findings.push_back(std::move(found_[std::get<4>(key)].finding));
        found_.clear();
        return findings;
    }

private:
    // What coverage.missing-language needs of a concept: its id, position and primary languages.
    struct Remembered {
        std::size_t index;
        std::string id;
        std::uint32_t file;  // in files_
        std::uint32_t line, column;
        std::vector<std::uint32_t> languages;  // in languages_
    };

    std::uint32_t intern(std::vector<std::string>& table, std::map<std::string, std::uint32_t, std::less<>>& ids,
                         std::string_view value) {
        if (auto known = ids.find(value); known != ids.end()) return known->second;
        const auto id = static_cast<std::uint32_t>(table.size());
        table.emplace_back(value);
        ids.emplace(std::string(value), id);
        return id;
    }

    void remember_languages(const Concept& concept_value, std::size_t index) {
        Remembered remembered{index,
                              concept_value.id,
                              intern(files_, file_ids_, concept_value.pos.file),
                              concept_value.pos.line,
                              concept_value.pos.column,
                              {}};
        for (const LanguageSection& section : concept_value.languages) {
            if (section.language.empty()) continue;
            const std::uint32_t language =
                intern(languages_, language_ids_, detail::primary_language(section.language));
            if (std::find(remembered.languages.begin(), remembered.languages.end(), language) ==
                remembered.languages.end())
                remembered.languages.push_back(language);
        }
        remembered_.push_back(std::move(remembered));
    }

    void check_remembered_coverage() {
        std::vector<std::string> expected = languages_;
        std::sort(expected.begin(), expected.end());
        for (const Remembered& remembered : remembered_) {
            Concept outline;
            outline.id = remembered.id;
            outline.pos = SourcePos{files_[remembered.file], remembered.line, remembered.column};
            for (std::uint32_t language : remembered.languages)
                outline.languages.push_back(LanguageSection{.language = languages_[language]});
            detail::check_coverage(outline, remembered.index, expected, found_);
        }
        remembered_.clear();
    }

    LintOptions options_;
    std::size_t count_ = 0;
    detail::Found found_;
    detail::SharedTermIndex shared_terms_;
    std::vector<Remembered> remembered_;
    std::vector<std::string> languages_;
    std::map<std::string, std::uint32_t, std::less<>> language_ids_;
    std::vector<std::string> files_;
    std::map<std::string, std::uint32_t, std::less<>> file_ids_;
};

Linter::Linter(LintOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Linter::~Linter() = default;
void Linter::add(const Concept& concept_value) {
    impl_->add(concept_value);
}
std::vector<Finding> Linter::finish() {
    return impl_->finish();
}

std::vector<Finding> lint(const TermBase& term_base, const LintOptions& options) {
    Linter linter(options);
    for (const Concept& concept_value : term_base.concepts) linter.add(concept_value);
    return linter.finish();
}

std::vector<Change> fix_concept(Concept& concept_value, std::size_t concept_index) {
    std::vector<Change> changes;
    for_each_field(concept_value, concept_index,
                   [&](const FieldRef& ref, const std::string& value, std::string_view language, const Concept& owner,
                       const Term* term, const SourcePos&) {
                       if (value.empty()) return;
                       Change change;
                       std::string fixed = text::to_nfc(value);
                       if (fixed != value) change.rules.emplace_back("unicode.not-nfc");
                       if (detail::primary_language(language) == "ro") {
                           std::string comma = detail::cedilla_to_comma(fixed);
                           if (comma != fixed) change.rules.emplace_back("unicode.romanian-cedilla");
                           fixed = std::move(comma);
                       }
                       std::string trimmed = detail::trim_space(fixed);
                       if (trimmed != fixed) change.rules.emplace_back("space.leading-trailing");
                       std::string folded = detail::fold_inner_space(trimmed);
                       if (folded != trimmed) change.rules.emplace_back("space.inner");
                       if (change.rules.empty()) return;
                       change.field = ref;
                       change.concept_id = owner.id;
                       change.language = std::string(language);
                       change.term = term ? term->text : std::string();
                       change.before = value;
                       change.after = std::move(folded);
                       changes.push_back(std::move(change));
                   });
    // Applied after the walk, so that the walk reads the original concept throughout.
    for (const Change& change : changes)
        if (std::string* target = field_text_in_concept(concept_value, change.field)) *target = change.after;
    return changes;
}

FixResult fix(TermBase term_base) {
    FixResult result;
    for (std::size_t c = 0; c < term_base.concepts.size(); ++c) {
        std::vector<Change> changes = fix_concept(term_base.concepts[c], c);
        std::move(changes.begin(), changes.end(), std::back_inserter(result.changes));
    }
    result.term_base = std::move(term_base);
    return result;
}

}  // namespace ilo::lint
