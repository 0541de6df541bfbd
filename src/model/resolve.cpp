// Duplicate-entry merging and relation resolution over a whole term base (plain model operations, no I/O).
#include "ilo_tbx/resolve.hpp"

#include <algorithm>
#include <map>

#include "ilo_tbx/emn_reader.hpp"
#include "text/unicode_text.hpp"

namespace ilo {

namespace {

std::string folded(std::string_view text) { return text::fold_case(text::fold_space(text)); }

template <typename T>
void append_missing(std::vector<T>& into, const std::vector<T>& from) {
    for (const T& item : from)
        if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
}

std::size_t merge_language(LanguageSection& kept, const LanguageSection& duplicate) {
    std::size_t added = 0;
    for (const Term& term : duplicate.terms) {
        bool present = std::any_of(kept.terms.begin(), kept.terms.end(),
                                   [&](const Term& existing) { return folded(existing.text) == folded(term.text); });
        if (present) continue;
        Term copy = term;
        if (!kept.terms.empty() && copy.administrative_status == "preferredTerm-admn-sts")
            copy.administrative_status = "admittedTerm-admn-sts";
        kept.terms.push_back(std::move(copy));
        ++added;
    }
    append_missing(kept.definitions, duplicate.definitions);
    append_missing(kept.notes, duplicate.notes);
    append_missing(kept.transactions, duplicate.transactions);
    append_missing(kept.extra, duplicate.extra);
    return added;
}

}  // namespace

std::vector<ConceptMerge> merge_duplicate_concepts(TermBase& term_base) {
    std::vector<ConceptMerge> merges;
    std::map<std::string, std::size_t, std::less<>> first_by_id;
    std::vector<Concept> kept;
    kept.reserve(term_base.concepts.size());
    for (Concept& concept_value : term_base.concepts) {
        auto found = first_by_id.find(concept_value.id);
        if (found == first_by_id.end() || concept_value.id.empty()) {
            first_by_id.emplace(concept_value.id, kept.size());
            kept.push_back(std::move(concept_value));
            continue;
        }
        Concept& target = kept[found->second];
        ConceptMerge merge{concept_value.id, target.pos, concept_value.pos, 0};
        for (const LanguageSection& section : concept_value.languages) {
            auto same = std::find_if(target.languages.begin(), target.languages.end(),
                                     [&](const LanguageSection& s) { return s.language == section.language; });
            if (same == target.languages.end()) {
                target.languages.push_back(section);
                merge.added_terms += section.terms.size();
            } else {
                merge.added_terms += merge_language(*same, section);
            }
        }
        append_missing(target.definitions, concept_value.definitions);
        append_missing(target.notes, concept_value.notes);
        append_missing(target.relations, concept_value.relations);
        append_missing(target.transactions, concept_value.transactions);
        append_missing(target.extra, concept_value.extra);
        if (target.subject_field.empty()) target.subject_field = concept_value.subject_field;
        if (target.origin_url.empty()) target.origin_url = concept_value.origin_url;
        merges.push_back(std::move(merge));
    }
    term_base.concepts = std::move(kept);
    return merges;
}

std::size_t resolve_relations(TermBase& term_base) {
    const std::string source_language = term_base.source_language.empty() ? "en" : term_base.source_language;
    std::map<std::string, std::string, std::less<>> id_by_label;
    std::map<std::string, std::string, std::less<>> ids;
    for (const Concept& concept_value : term_base.concepts) {
        ids.emplace(concept_value.id, concept_value.id);
        for (const LanguageSection& section : concept_value.languages) {
            if (section.language != source_language) continue;
            // The first concept to claim a label keeps it, so the result does not depend on map order.
            for (const Term& term : section.terms) id_by_label.emplace(folded(term.text), concept_value.id);
        }
    }
    std::size_t resolved = 0;
    for (Concept& concept_value : term_base.concepts) {
        for (Relation& relation : concept_value.relations) {
            if (!relation.target.empty()) continue;
            std::string target;
            if (auto by_label = id_by_label.find(folded(relation.label)); by_label != id_by_label.end())
                target = by_label->second;
            // The glossary links a related term by its slug: the same rule as its page addresses.
            else if (auto by_slug = ids.find(emn_slug(relation.label)); by_slug != ids.end())
                target = by_slug->second;
            else if (auto by_prefixed = ids.find("emn-" + emn_slug(relation.label)); by_prefixed != ids.end())
                target = by_prefixed->second;
            if (target.empty() || target == concept_value.id) continue;
            relation.target = target;
            ++resolved;
        }
    }
    return resolved;
}

}  // namespace ilo
