// Model-level merge of an incoming term base (a filled-in sheet) into a base term base.
#include "ilo_tbx/merge.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "text/id_set.hpp"

namespace ilo {

namespace {

constexpr std::string_view preferred = "preferredTerm-admn-sts";
constexpr std::string_view admitted = "admittedTerm-admn-sts";

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// The English head term: the preferred English term, else the first one.
const Term* head_term(const Concept& concept_value, const std::string& language) {
    for (const LanguageSection& section : concept_value.languages) {
        if (section.language != language || section.terms.empty()) continue;
        for (const Term& term : section.terms)
            if (term.administrative_status == preferred) return &term;
        return &section.terms.front();
    }
    return nullptr;
}

// The incoming preferred term of a section: one marked preferred, else (a
// sheet without statuses) the first term.
const Term* incoming_preferred(const LanguageSection& section) {
    bool any_status = false;
    for (const Term& term : section.terms) {
        if (term.administrative_status == preferred) return &term;
        any_status |= !term.administrative_status.empty();
    }
    return any_status || section.terms.empty() ? nullptr : &section.terms.front();
}

class Merger {
public:
    Merger(const MergeOptions& options, std::vector<MergeEvent>& events) : options_(options), events_(events) {}

    void merge_concept(Concept& base, const Concept& incoming);

private:
    void event(MergeEvent::Kind kind, const std::string& id, const std::string& language, const SourcePos& pos,
               std::string message) {
        events_.push_back({kind, id, language, pos, std::move(message)});
    }
    // A single-valued field: fill it, or report a conflict.
    void merge_value(std::string& base, const std::string& incoming, const std::string& id,
                     const std::string& language, const SourcePos& pos, const std::string& what);
    void merge_term(Term& base, const Term& incoming, const std::string& id, const std::string& language);
    void merge_section(LanguageSection& base, const LanguageSection& incoming, const std::string& id);

    const MergeOptions& options_;
    std::vector<MergeEvent>& events_;
};

void Merger::merge_value(std::string& base, const std::string& incoming, const std::string& id,
                         const std::string& language, const SourcePos& pos, const std::string& what) {
    if (incoming.empty() || incoming == base) return;
    if (base.empty()) {
        base = incoming;
        event(MergeEvent::Kind::added_value, id, language, pos, what + " '" + incoming + "' added");
        return;
    }
    if (options_.prefer_incoming) {
        event(MergeEvent::Kind::conflict, id, language, pos,
              what + ": took the sheet's '" + incoming + "', replacing '" + base + "'");
        base = incoming;
    } else {
        event(MergeEvent::Kind::conflict, id, language, pos,
              what + ": kept '" + base + "'; the sheet has '" + incoming + "' (--prefer incoming takes it)");
    }
}

void Merger::merge_term(Term& base, const Term& incoming, const std::string& id, const std::string& language) {
    const std::string what = "term '" + base.text + "' ";
    merge_value(base.term_type, incoming.term_type, id, language, incoming.pos, what + "termType");
    merge_value(base.part_of_speech, incoming.part_of_speech, id, language, incoming.pos, what + "partOfSpeech");
    merge_value(base.grammatical_gender, incoming.grammatical_gender, id, language, incoming.pos,
                what + "grammaticalGender");
    merge_value(base.geographical_usage, incoming.geographical_usage, id, language, incoming.pos,
                what + "geographicalUsage");
    merge_value(base.context, incoming.context, id, language, incoming.pos, what + "context");
    merge_value(base.source, incoming.source, id, language, incoming.pos, what + "source");
    for (const std::string& note : incoming.notes)
        if (std::find(base.notes.begin(), base.notes.end(), note) == base.notes.end()) base.notes.push_back(note);
}

void Merger::merge_section(LanguageSection& base, const LanguageSection& incoming, const std::string& id) {
    const std::string& language = base.language;
    for (const Definition& definition : incoming.definitions) {
        bool known = std::any_of(base.definitions.begin(), base.definitions.end(),
                                 [&](const Definition& other) { return other.text == definition.text; });
        if (known) continue;
        const SourcePos& definition_pos = definition.pos.known() ? definition.pos : incoming.pos;
        if (base.definitions.empty()) {
            base.definitions.push_back(definition);
            event(MergeEvent::Kind::added_value, id, language, definition_pos, "definition added");
        } else if (options_.prefer_incoming) {
            event(MergeEvent::Kind::conflict, id, language, definition_pos,
                  "definition: took the sheet's, replacing '" + base.definitions.front().text + "'");
            base.definitions.front().text = definition.text;
            if (!definition.source.empty()) base.definitions.front().source = definition.source;
        } else {
            event(MergeEvent::Kind::conflict, id, language, definition_pos,
                  "definition: kept the base's; the sheet has '" + definition.text + "' (--prefer incoming takes it)");
        }
    }
    for (const std::string& note : incoming.notes)
        if (std::find(base.notes.begin(), base.notes.end(), note) == base.notes.end()) base.notes.push_back(note);

    const Term* incoming_head = incoming_preferred(incoming);
    for (const Term& term : incoming.terms) {
        auto existing = std::find_if(base.terms.begin(), base.terms.end(),
                                     [&](const Term& other) { return other.text == term.text; });
        if (existing != base.terms.end()) {
            merge_term(*existing, term, id, language);
            continue;
        }
        Term added = term;
        auto base_head = std::find_if(base.terms.begin(), base.terms.end(),
                                      [](const Term& other) { return other.administrative_status == preferred; });
        if (base_head == base.terms.end() && !base.terms.empty()) base_head = base.terms.begin();
        if (&term == incoming_head && base_head != base.terms.end()) {
            // A different preferred term for the same concept and language.
            if (options_.prefer_incoming) {
                std::string replaced = base_head->text;
                base_head->administrative_status = std::string(admitted);
                added.administrative_status = std::string(preferred);
                base.terms.insert(base.terms.begin(), std::move(added));
                event(MergeEvent::Kind::conflict, id, language, term.pos,
                      "preferred term: took the sheet's '" + term.text + "'; '" + replaced +
                          "' stays as an admitted term");
            } else {
                std::string kept = base_head->text;
                added.administrative_status = std::string(admitted);
                base.terms.push_back(std::move(added));
                event(MergeEvent::Kind::conflict, id, language, term.pos,
                      "preferred term: kept '" + kept + "'; the sheet's '" + term.text +
                          "' is added as an admitted term (--prefer incoming makes it preferred)");
            }
            continue;
        }
        if (added.administrative_status == preferred && base_head != base.terms.end())
            added.administrative_status = std::string(admitted);
        event(MergeEvent::Kind::added_term, id, language, term.pos, "term '" + term.text + "' added");
        base.terms.push_back(std::move(added));
    }
}

void Merger::merge_concept(Concept& base, const Concept& incoming) {
    const std::string& id = base.id;
    merge_value(base.subject_field, incoming.subject_field, id, {}, incoming.pos, "subject field");
    merge_value(base.origin_url, incoming.origin_url, id, {}, incoming.pos, "origin URL");
    for (const Definition& definition : incoming.definitions)
        if (std::find(base.definitions.begin(), base.definitions.end(), definition) == base.definitions.end())
            base.definitions.push_back(definition);
    for (const std::string& note : incoming.notes)
        if (std::find(base.notes.begin(), base.notes.end(), note) == base.notes.end()) base.notes.push_back(note);
    for (const Relation& relation : incoming.relations) {
        bool known = std::any_of(base.relations.begin(), base.relations.end(), [&](const Relation& other) {
            return other.kind == relation.kind && other.label == relation.label;
        });
        if (!known) base.relations.push_back(relation);
    }
    for (const LanguageSection& section : incoming.languages) {
        auto existing = std::find_if(base.languages.begin(), base.languages.end(),
                                     [&](const LanguageSection& other) { return other.language == section.language; });
        if (existing == base.languages.end()) {
            if (section.terms.empty() && section.definitions.empty() && section.notes.empty()) continue;
            base.languages.push_back(section);
            event(MergeEvent::Kind::added_language, id, section.language, section.pos,
                  "language " + section.language + " added (" + std::to_string(section.terms.size()) +
                      (section.terms.size() == 1 ? " term)" : " terms)"));
            continue;
        }
        merge_section(*existing, section, id);
    }
}

// Whether an incoming concept may merge into a concept with its id: their head terms do not disagree (either has
// none, they are the same ignoring case, or the incoming head is among the other's head-language terms).
bool heads_agree(const Concept& candidate, const Term* incoming_head, const std::string& head_language) {
    const Term* base_head = head_term(candidate, head_language);
    if (!incoming_head || !base_head || lower(incoming_head->text) == lower(base_head->text)) return true;
    return std::any_of(candidate.languages.begin(), candidate.languages.end(), [&](const LanguageSection& section) {
        return section.language == head_language &&
               std::any_of(section.terms.begin(), section.terms.end(),
                           [&](const Term& term) { return term.text == incoming_head->text; });
    });
}

// Merges the concepts handed to it into the base concepts as they pass, then hands them on.
class MergingSink final : public ConceptSink {
public:
    MergingSink(StreamingMerge& merge, ConceptSink& writer) : merge_(merge), writer_(writer) {}
    void header(const TermBaseHeader& header) override { writer_.header(header); }
    void concept_entry(Concept concept_value) override {
        merge_.merge_into(concept_value);
        writer_.concept_entry(std::move(concept_value));
    }
    void finish() override {
        for (Concept& added : merge_.take_added()) writer_.concept_entry(std::move(added));
        writer_.finish();
    }

private:
    StreamingMerge& merge_;
    ConceptSink& writer_;
};

class PlanningSink final : public ConceptSink {
public:
    explicit PlanningSink(StreamingMerge& merge) : merge_(merge) {}
    void header(const TermBaseHeader& header) override { merge_.plan(header); }
    void concept_entry(Concept concept_value) override { merge_.plan(concept_value); }
    void finish() override {}

private:
    StreamingMerge& merge_;
};

}  // namespace

struct StreamingMerge::State {
    const TermBase& incoming;
    MergeOptions options;
    std::string head_language = "en";
    std::vector<const Term*> incoming_heads;
    // The incoming concepts by id and by lowercase head term, until a base concept claims them.
    std::unordered_map<std::string, std::vector<std::size_t>> by_id;
    std::unordered_map<std::string, std::vector<std::size_t>> by_head;
    // What planning found for each incoming concept: the first base concept with its id (and whether their heads
    // agree), and the first with its head term; base concepts are counted from 0 in the order they came.
    std::vector<std::optional<std::size_t>> id_match;
    std::vector<bool> id_heads_agree;
    std::vector<std::optional<std::size_t>> head_match;
    IdSet base_ids;
    std::size_t planned = 0;
    // The ids of the base concepts that some incoming concept may go to, by number, to check the second pass.
    std::unordered_map<std::size_t, std::string> candidate_ids;
    bool base_changed = false;

    bool decided = false;
    std::unordered_map<std::size_t, std::vector<std::size_t>> targets;  // base concept -> incoming concepts
    std::vector<Concept> added;
    std::vector<std::vector<MergeEvent>> events;  // per incoming concept
    std::size_t merged = 0;

    State(const TermBase& incoming_base, const MergeOptions& merge_options)
        : incoming(incoming_base), options(merge_options) {}
};

StreamingMerge::StreamingMerge(const TermBase& incoming, const MergeOptions& options)
    : state_(std::make_unique<State>(incoming, options)) {
    const std::size_t count = incoming.concepts.size();
    state_->id_match.resize(count);
    state_->id_heads_agree.resize(count);
    state_->head_match.resize(count);
    state_->events.resize(count);
}

StreamingMerge::~StreamingMerge() = default;

void StreamingMerge::plan(const TermBaseHeader& base_header) {
    State& state = *state_;
    state.head_language = base_header.source_language.empty() ? "en" : base_header.source_language;
    state.incoming_heads.clear();
    state.by_id.clear();
    state.by_head.clear();
    for (std::size_t j = 0; j < state.incoming.concepts.size(); ++j) {
        const Concept& concept_value = state.incoming.concepts[j];
        const Term* head = head_term(concept_value, state.head_language);
        state.incoming_heads.push_back(head);
        state.by_id[concept_value.id].push_back(j);
        if (head) state.by_head[lower(head->text)].push_back(j);
    }
}

void StreamingMerge::plan(const Concept& base_concept) {
    State& state = *state_;
    if (state.incoming_heads.size() != state.incoming.concepts.size()) plan(TermBaseHeader{});
    const std::size_t ordinal = state.planned++;
    if (state.base_ids.insert(base_concept.id)) {  // only the first concept with an id is matched by it
        if (auto found = state.by_id.find(base_concept.id); found != state.by_id.end()) {
            for (std::size_t j : found->second) {
                state.id_match[j] = ordinal;
                state.id_heads_agree[j] = heads_agree(base_concept, state.incoming_heads[j], state.head_language);
            }
            state.candidate_ids.emplace(ordinal, base_concept.id);
            state.by_id.erase(found);
        }
    }
    if (state.by_head.empty()) return;
    if (const Term* head = head_term(base_concept, state.head_language)) {
        if (auto found = state.by_head.find(lower(head->text)); found != state.by_head.end()) {
            for (std::size_t j : found->second) state.head_match[j] = ordinal;
            state.candidate_ids.emplace(ordinal, base_concept.id);
            state.by_head.erase(found);  // the first base concept with the head term is the one matched
        }
    }
}

void StreamingMerge::decide() {
    State& state = *state_;
    if (state.decided) return;
    state.decided = true;
    if (state.incoming_heads.size() != state.incoming.concepts.size()) plan(TermBaseHeader{});
    // The concepts added so far, looked up as the base's are: by id (unique among them, and never changed), and by
    // lowercase head term as it is now (a merge into one may change it; a list may name one whose head moved on).
    std::unordered_map<std::string, std::size_t> added_by_id;
    std::unordered_map<std::string, std::vector<std::size_t>> added_by_head;
    std::vector<std::string> added_heads;
    auto note_head = [&](std::size_t index) {
        const Term* head = head_term(state.added[index], state.head_language);
        std::string key = head ? lower(head->text) : std::string();
        if (key == added_heads[index]) return;
        added_heads[index] = key;
        if (!key.empty()) added_by_head[key].push_back(index);
    };
    auto first_added_with_head = [&](const std::string& wanted) -> std::optional<std::size_t> {
        auto found = added_by_head.find(wanted);
        if (found == added_by_head.end()) return std::nullopt;
        std::optional<std::size_t> first;
        for (std::size_t index : found->second)
            if (added_heads[index] == wanted && (!first || index < *first)) first = index;
        return first;
    };
    for (std::size_t j = 0; j < state.incoming.concepts.size(); ++j) {
        const Concept& incoming = state.incoming.concepts[j];
        const Term* incoming_head = state.incoming_heads[j];
        std::optional<std::size_t> base_target;
        std::optional<std::size_t> added_target;
        if (state.id_match[j]) {
            if (state.id_heads_agree[j]) base_target = state.id_match[j];
        } else if (auto found = added_by_id.find(incoming.id); found != added_by_id.end()) {
            // No base concept has the id, but a concept added before this one does.
            if (heads_agree(state.added[found->second], incoming_head, state.head_language))
                added_target = found->second;
        }
        if (!base_target && !added_target && incoming_head) {
            if (state.head_match[j])
                base_target = state.head_match[j];
            else
                added_target = first_added_with_head(lower(incoming_head->text));
        }
        if (base_target) {
            state.targets[*base_target].push_back(j);
            continue;
        }
        if (added_target) {
            Merger(state.options, state.events[j]).merge_concept(state.added[*added_target], incoming);
            note_head(*added_target);
            continue;
        }
        Concept added = incoming;
        // Keep ids unique in the merged term base.
        std::string id = added.id;
        for (std::size_t n = 2; state.base_ids.contains(id) || added_by_id.contains(id); ++n)
            id = added.id + "-" + std::to_string(n);
        added.id = id;
        added_by_id.emplace(id, state.added.size());
        state.events[j].push_back({MergeEvent::Kind::added_concept,
                                   added.id,
                                   {},
                                   incoming.pos,
                                   "concept '" + added.id + "' added" +
                                       (incoming_head ? " ('" + incoming_head->text + "')" : std::string())});
        state.added.push_back(std::move(added));
        added_heads.emplace_back();
        note_head(state.added.size() - 1);
    }
}

void StreamingMerge::merge_into(Concept& base_concept) {
    decide();
    State& state = *state_;
    const std::size_t ordinal = state.merged++;
    auto found = state.targets.find(ordinal);
    if (found == state.targets.end()) return;
    if (auto planned_id = state.candidate_ids.find(ordinal);
        planned_id == state.candidate_ids.end() || planned_id->second != base_concept.id) {
        state.base_changed = true;  // not the concept planned on: merge nothing into it
        return;
    }
    for (std::size_t j : found->second)
        Merger(state.options, state.events[j]).merge_concept(base_concept, state.incoming.concepts[j]);
    state.targets.erase(found);
}

std::vector<Concept> StreamingMerge::take_added() {
    decide();
    return std::move(state_->added);
}

std::vector<MergeEvent> StreamingMerge::events() const {
    std::vector<MergeEvent> all;
    for (const std::vector<MergeEvent>& of_one : state_->events) all.insert(all.end(), of_one.begin(), of_one.end());
    return all;
}

bool StreamingMerge::base_changed() const {
    return state_->base_changed || state_->merged != state_->planned;
}

std::unique_ptr<ConceptSink> StreamingMerge::planning_sink() {
    return std::make_unique<PlanningSink>(*this);
}

std::unique_ptr<ConceptSink> StreamingMerge::merging_sink(ConceptSink& writer) {
    return std::make_unique<MergingSink>(*this, writer);
}

std::vector<MergeEvent> merge_term_bases(TermBase& base, const TermBase& incoming, const MergeOptions& options) {
    StreamingMerge merge(incoming, options);
    merge.plan(static_cast<const TermBaseHeader&>(base));
    for (const Concept& concept_value : base.concepts) merge.plan(concept_value);
    for (Concept& concept_value : base.concepts) merge.merge_into(concept_value);
    for (Concept& added : merge.take_added()) base.concepts.push_back(std::move(added));
    return merge.events();
}

}  // namespace ilo
