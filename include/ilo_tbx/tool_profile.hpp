// The tool profiles' changes to a concept before it is written: bare primary language tags, source language first, a target filter, entry ids, synonym entries.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ilo_tbx/diagnostics.hpp"
#include "ilo_tbx/model.hpp"

namespace ilo {

// What a translation tool that reads TBX needs from the term base (README,
// "Profiles"). All off by default: the model is written as it is.
struct ToolProfile {
    bool primary_language_tags = false;  // "en-GB" -> "en": OmegaT matches on the primary subtag
    std::string source_language;         // its language section first (translate-toolkit takes the first)
    std::vector<std::string> target_languages;  // keep only these (and the source); empty: keep all
    bool entry_ids = false;              // give a concept without an id one (Lokalize skips entries without)
    // translate-toolkit reads only the first term of each language: write the other synonyms as
    // entries of their own (split_synonym_pairs) so that it sees every term.
    bool synonym_entries = false;
    // Phrase (Memsource) reads a term's status from <termNote type="preferred"> and <termNote
    // type="forbidden"> with "true" or "false", not from administrativeStatus: preferredTerm becomes
    // preferred=true, deprecatedTerm and supersededTerm forbidden=true, admittedTerm no flag (Phrase's
    // default). Source: TermWeb's Phrase (Memsource) field mapping, termweb.atlassian.net/wiki/spaces/
    // T4D/pages/727613445. The file is then TBX 2008 core (<martif type="TBX">): neither flag is a
    // TBX-Basic category.
    bool status_flags = false;

    bool active() const {
        return primary_language_tags || !source_language.empty() || !target_languages.empty() || entry_ids ||
               synonym_entries || status_flags;
    }
};

// What the profile did over a whole term base, for the warnings at the end.
struct ToolProfileState {
    std::size_t concepts = 0;
    std::size_t next_id = 1;
    std::map<std::string, std::size_t> filtered_sections;  // language -> sections left out by the filter
    std::size_t concepts_left_out = 0;                     // nothing left after the filter
    std::size_t without_source = 0;                        // no term in the source language
    std::set<std::string> reduced_tags;                    // tags that lost their subtags
    std::size_t split_concepts = 0;                        // concepts written as several synonym entries
    std::size_t synonym_entries = 0;                       // the entries added for them
    std::size_t superseded_as_forbidden = 0;               // status_flags: supersededTerm written as forbidden
};

// Changes `concept_value` as `profile` asks. Returns false when the target
// filter leaves no term in it (the concept is then not written; counted).
// Two sections that end up with the same tag are merged, with a warning
// "tool.collapsed-language"; a region tag that is removed is kept as the
// geographicalUsage of each term that has none.
bool apply_tool_profile(Concept& concept_value, const ToolProfile& profile, ToolProfileState& state,
                        Diagnostics& diagnostics);

// For `synonym_entries`: the concept with only the first term of each language, then one entry per
// further synonym: entry k (id "<id>-syn<k>", a note naming the concept) holds the k-th term of each
// language with all it carries, or a bare copy of the first term where a language has fewer. Every
// term is thus the first of its language in exactly one entry. Counted in `state`.
std::vector<Concept> split_synonym_pairs(Concept concept_value, ToolProfileState& state);

// Reports, once for the whole term base, what the filter left out ("tool.filtered"),
// the concepts without a source-language term ("tool.no-source") and the reduced tags.
void finish_tool_profile(const ToolProfile& profile, const ToolProfileState& state, Diagnostics& diagnostics);

}  // namespace ilo
