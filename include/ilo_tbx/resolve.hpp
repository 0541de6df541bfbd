// Whole-term-base steps after reading several pages: merge duplicate entries, resolve relations to concept ids.
#pragma once

#include <vector>

#include "ilo_tbx/model.hpp"

namespace ilo {

// One merge: the concept read at `merged` was the same entry as the one at `kept`
// (same id) and was folded into it.
struct ConceptMerge {
    std::string id;
    SourcePos kept;
    SourcePos merged;
    std::size_t added_terms = 0;  // terms the duplicate contributed that the kept concept lacked
};

// Merges concepts that share an id (the same entry read from two renderings) into
// the first of them, keeping the order of first appearance. Terms, definitions,
// notes and relations the first lacks are appended (terms as admitted terms);
// nothing is dropped. Returns one record per merge, for the caller to report.
std::vector<ConceptMerge> merge_duplicate_concepts(TermBase& term_base);

// Gives every relation with no target the id of the concept it names, when that
// concept is in `term_base`: a concept one of whose terms in the term base's
// source language matches the label (ignoring case), or whose id is the label's
// slug. Relations to concepts not in the term base keep an empty target, and a
// concept never points at itself. Returns how many relations were resolved.
std::size_t resolve_relations(TermBase& term_base);

}  // namespace ilo
