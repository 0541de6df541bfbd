// Merging a term base that came back from translators into the base it was exported from, on the model alone.
#pragma once

#include <string>
#include <vector>

#include "ilo_tbx/model.hpp"

namespace ilo {

struct MergeOptions {
    bool prefer_incoming = false;  // on a conflict, take the incoming value (the base's stays as admitted/reported)
};

// One thing the merge did or found, for the caller to report one per line.
struct MergeEvent {
    enum class Kind { added_concept, added_language, added_term, added_value, conflict };
    Kind kind = Kind::added_term;
    std::string concept_id;
    std::string language;  // empty for concept-level events
    SourcePos pos;         // where the incoming value was read
    std::string message;
};

// Adds what `incoming` has and `base` lacks to `base`. An incoming concept
// matches the base concept with the same id (when their English head terms do
// not disagree), else the one with the same English head term (ignoring case);
// an unmatched concept is appended. Within a matched concept new languages,
// terms, definitions and notes are added, and empty fields filled. A conflict -
// a different preferred term for the same concept and language, or a different
// value of a single-valued field - keeps the base's value unless
// `prefer_incoming`; nothing is lost either way: a preferred term that loses
// stays as an admitted term, and a replaced single value is quoted in the
// conflict's message.
std::vector<MergeEvent> merge_term_bases(TermBase& base, const TermBase& incoming, const MergeOptions& options);

}  // namespace ilo
