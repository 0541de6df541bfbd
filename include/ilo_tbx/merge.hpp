// Merging a term base that came back from translators into the base it was exported from, on the model alone.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ilo_tbx/format.hpp"
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
// matches the first base concept with the same id (when their English head
// terms do not disagree), else the first one with the same English head term
// (ignoring case); the base is matched as it was before the merge. An unmatched
// concept is appended (with an id made unique), and later incoming concepts
// match it as they would a base concept. Within a matched concept new languages,
// terms, definitions and notes are added, and empty fields filled. A conflict -
// a different preferred term for the same concept and language, or a different
// value of a single-valued field - keeps the base's value unless
// `prefer_incoming`; nothing is lost either way: a preferred term that loses
// stays as an admitted term, and a replaced single value is quoted in the
// conflict's message.
std::vector<MergeEvent> merge_term_bases(TermBase& base, const TermBase& incoming, const MergeOptions& options);

// The same merge with the base read as a stream, twice, so that only the
// incoming term base and an index of the base's ids are held: a base of
// millions of concepts merges in flat memory, in time linear in both sizes.
// merge_term_bases() is this, run over a base in memory.
//   1. Give plan() the base's header, then every base concept in order.
//   2. Give merge_into() every base concept again, in the same order, and
//      write each one after it; it merges into it what matches it.
//   3. take_added(): the incoming concepts that matched nothing, to write
//      after the base's. events(): what was done, in the incoming order.
// `incoming` must outlive the StreamingMerge. The sinks do steps 1 and 2 for
// a reader: planning_sink() plans what it is given; merging_sink(writer)
// merges and hands on each concept, and at finish() the added ones, then
// finishes `writer`.
class StreamingMerge {
public:
    StreamingMerge(const TermBase& incoming, const MergeOptions& options);
    ~StreamingMerge();
    StreamingMerge(const StreamingMerge&) = delete;
    StreamingMerge& operator=(const StreamingMerge&) = delete;

    void plan(const TermBaseHeader& base_header);
    void plan(const Concept& base_concept);
    void merge_into(Concept& base_concept);
    std::vector<Concept> take_added();
    std::vector<MergeEvent> events() const;
    // After step 2: whether the base given the second time was not the one planned on (another number of
    // concepts, or another id where a concept was to be merged into); then what was merged cannot be trusted.
    bool base_changed() const;

    std::unique_ptr<ConceptSink> planning_sink();
    std::unique_ptr<ConceptSink> merging_sink(ConceptSink& writer);

private:
    // Decides every incoming concept's target, once planning is over.
    void decide();
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace ilo
