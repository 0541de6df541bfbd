// Applies a tool profile to one concept at a time and sums up what it changed or left out.
#include "ilo_tbx/tool_profile.hpp"

#include <algorithm>
#include <iterator>

namespace ilo {

namespace {

std::string primary_subtag(const std::string& tag) {
    std::string primary = tag.substr(0, tag.find('-'));
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return primary;
}

// Whether a section of `language` is one the user asked for: the same tag, or the same primary language.
bool matches(const std::string& language, const std::string& wanted) {
    return language == wanted || primary_subtag(language) == primary_subtag(wanted);
}

template <typename T>
void append(std::vector<T>& to, std::vector<T>& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

}  // namespace

bool apply_tool_profile(Concept& concept_value, const ToolProfile& profile, ToolProfileState& state,
                        Diagnostics& diagnostics) {
    if (!profile.active()) return true;
    ++state.concepts;
    if (profile.entry_ids && concept_value.id.empty()) concept_value.id = "entry" + std::to_string(state.next_id++);

    if (!profile.target_languages.empty()) {
        std::vector<LanguageSection> kept;
        for (LanguageSection& section : concept_value.languages) {
            bool wanted = (!profile.source_language.empty() && matches(section.language, profile.source_language)) ||
                          std::any_of(profile.target_languages.begin(), profile.target_languages.end(),
                                      [&](const std::string& target) { return matches(section.language, target); });
            if (wanted) kept.push_back(std::move(section));
            else ++state.filtered_sections[section.language];
        }
        concept_value.languages = std::move(kept);
        bool any_terms = std::any_of(concept_value.languages.begin(), concept_value.languages.end(),
                                     [](const LanguageSection& section) { return !section.terms.empty(); });
        if (!any_terms) {
            ++state.concepts_left_out;
            return false;
        }
    }

    if (profile.primary_language_tags) {
        std::vector<LanguageSection> merged;
        for (LanguageSection& section : concept_value.languages) {
            std::string primary = primary_subtag(section.language);
            if (primary != section.language) {
                state.reduced_tags.insert(section.language);
                for (Term& term : section.terms)
                    if (term.geographical_usage.empty()) term.geographical_usage = section.language;
            }
            std::string original = section.language;
            section.language = primary;
            auto same = std::find_if(merged.begin(), merged.end(),
                                     [&](const LanguageSection& other) { return other.language == primary; });
            if (same == merged.end()) {
                merged.push_back(std::move(section));
                continue;
            }
            diagnostics.warning(section.pos, "tool.collapsed-language",
                                concept_value.id + "/" + original + ": this language section and an earlier one "
                                "both become \"" + primary + "\" with bare primary language tags; merged into one");
            append(same->definitions, section.definitions);
            append(same->notes, section.notes);
            append(same->terms, section.terms);
            append(same->transactions, section.transactions);
            append(same->extra, section.extra);
        }
        concept_value.languages = std::move(merged);
    }

    if (profile.status_flags) {
        for (LanguageSection& section : concept_value.languages)
            for (Term& term : section.terms) {
                const std::string& status = term.administrative_status;
                const char* flag = status == "preferredTerm-admn-sts"                                    ? "preferred"
                                   : status == "deprecatedTerm-admn-sts" || status == "supersededTerm-admn-sts" ? "forbidden"
                                                                                                                : nullptr;
                if (status == "supersededTerm-admn-sts") ++state.superseded_as_forbidden;
                if (flag)
                    term.extra.insert(term.extra.begin(), ExtraField{.element = "termNote",
                                                                     .type = flag,
                                                                     .level = Level::term_level,
                                                                     .value = "true"});
                // Any other value stays an administrativeStatus, which Phrase keeps in the term's note.
                if (flag || status == "admittedTerm-admn-sts") term.administrative_status.clear();
            }
    }

    if (!profile.source_language.empty()) {
        auto source = std::stable_partition(
            concept_value.languages.begin(), concept_value.languages.end(), [&](const LanguageSection& section) {
                return matches(section.language, profile.source_language) && !section.terms.empty();
            });
        if (source == concept_value.languages.begin()) ++state.without_source;
    }
    return true;
}

std::vector<Concept> split_synonym_pairs(Concept concept_value, ToolProfileState& state) {
    std::size_t most_terms = 0;
    for (const LanguageSection& section : concept_value.languages) most_terms = std::max(most_terms, section.terms.size());
    std::vector<Concept> entries;
    entries.reserve(most_terms == 0 ? 1 : most_terms);
    for (std::size_t k = 1; k < most_terms; ++k) {
        Concept synonym_entry;
        if (!concept_value.id.empty()) synonym_entry.id = concept_value.id + "-syn" + std::to_string(k + 1);
        synonym_entry.pos = concept_value.pos;
        synonym_entry.notes.push_back("Synonyms of concept " +
                                      (concept_value.id.empty() ? std::string("above") : concept_value.id) +
                                      ", as an entry of their own (term " + std::to_string(k + 1) + " of each language)");
        for (LanguageSection& section : concept_value.languages) {
            if (section.terms.empty()) continue;
            LanguageSection part;
            part.language = section.language;
            part.pos = section.pos;
            if (k < section.terms.size()) {
                part.terms.push_back(std::move(section.terms[k]));  // the synonym, with all it carries
            } else {
                // A language with fewer terms repeats its first one, so that the pair is complete.
                const Term& first = section.terms.front();
                Term repeated;
                repeated.text = first.text;
                repeated.term_type = first.term_type;
                repeated.administrative_status = first.administrative_status;
                repeated.part_of_speech = first.part_of_speech;
                repeated.pos = first.pos;
                part.terms.push_back(std::move(repeated));
            }
            synonym_entry.languages.push_back(std::move(part));
        }
        entries.push_back(std::move(synonym_entry));
    }
    // The concept's own entry keeps everything else and the first term of each language.
    for (LanguageSection& section : concept_value.languages)
        if (section.terms.size() > 1) section.terms.resize(1);
    if (!entries.empty()) {
        ++state.split_concepts;
        state.synonym_entries += entries.size();
    }
    entries.insert(entries.begin(), std::move(concept_value));
    return entries;
}

void finish_tool_profile(const ToolProfile& profile, const ToolProfileState& state, Diagnostics& diagnostics) {
    if (!state.filtered_sections.empty() || state.concepts_left_out) {
        std::size_t total = 0;
        std::vector<std::string> languages;
        for (const auto& [language, count] : state.filtered_sections) {
            total += count;
            languages.push_back(language + " " + std::to_string(count));
        }
        std::string message = std::to_string(total) + " language section" + (total == 1 ? "" : "s") +
                              " left out by the target filter (" + joined(languages) + ")";
        if (state.concepts_left_out)
            message += "; " + std::to_string(state.concepts_left_out) + " concept" +
                       (state.concepts_left_out == 1 ? "" : "s") + " had no term left and were not written";
        diagnostics.warning({}, "tool.filtered", message);
    }
    if (state.without_source)
        diagnostics.warning({}, "tool.no-source",
                            std::to_string(state.without_source) + " of " + std::to_string(state.concepts) +
                                " concepts have no term in the source language \"" + profile.source_language +
                                "\"; tools that take the first language as the source will misread them");
    if (state.split_concepts)
        diagnostics.warning({}, "tool.synonym-entries",
                            std::to_string(state.split_concepts) + " concept" + (state.split_concepts == 1 ? "" : "s") +
                                " with synonyms got " + std::to_string(state.synonym_entries) +
                                " more entr" + (state.synonym_entries == 1 ? "y" : "ies") +
                                " (\"<id>-synN\"), one per further synonym, because the tool reads only the first "
                                "term of each language");
    if (!state.reduced_tags.empty())
        diagnostics.warning({}, "tool.primary-tag",
                            "language tags reduced to their primary subtag: " +
                                joined(std::vector<std::string>(state.reduced_tags.begin(), state.reduced_tags.end())) +
                                "; each such term keeps the full tag as its geographicalUsage unless it had one");
    if (state.superseded_as_forbidden)
        diagnostics.warning({}, "tool.status-flags",
                            std::to_string(state.superseded_as_forbidden) + " term" +
                                (state.superseded_as_forbidden == 1 ? "" : "s") +
                                " with supersededTerm-admn-sts written as forbidden=true, as deprecated terms are: "
                                "Phrase has no flag for a superseded term");
}

}  // namespace ilo
