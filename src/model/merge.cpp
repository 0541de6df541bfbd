// Model-level merge of an incoming term base (a filled-in sheet) into a base term base.
#include "ilo_tbx/merge.hpp"

#include <algorithm>

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

}  // namespace

std::vector<MergeEvent> merge_term_bases(TermBase& base, const TermBase& incoming, const MergeOptions& options) {
    std::vector<MergeEvent> events;
    const std::string head_language = base.source_language.empty() ? "en" : base.source_language;
    Merger merger(options, events);
    for (const Concept& concept_value : incoming.concepts) {
        const Term* incoming_head = head_term(concept_value, head_language);
        Concept* target = nullptr;
        for (Concept& candidate : base.concepts) {
            if (candidate.id != concept_value.id) continue;
            const Term* base_head = head_term(candidate, head_language);
            if (!incoming_head || !base_head || lower(incoming_head->text) == lower(base_head->text) ||
                std::any_of(candidate.languages.begin(), candidate.languages.end(), [&](const LanguageSection& l) {
                    return l.language == head_language &&
                           std::any_of(l.terms.begin(), l.terms.end(),
                                       [&](const Term& t) { return t.text == incoming_head->text; });
                }))
                target = &candidate;
            break;
        }
        if (!target && incoming_head) {
            for (Concept& candidate : base.concepts) {
                const Term* base_head = head_term(candidate, head_language);
                if (base_head && lower(base_head->text) == lower(incoming_head->text)) {
                    target = &candidate;
                    break;
                }
            }
        }
        if (!target) {
            Concept added = concept_value;
            // Keep ids unique in the merged term base.
            std::string id = added.id;
            for (std::size_t n = 2; std::any_of(base.concepts.begin(), base.concepts.end(),
                                                [&](const Concept& c) { return c.id == id; });
                 ++n)
                id = added.id + "-" + std::to_string(n);
            added.id = id;
            events.push_back({MergeEvent::Kind::added_concept, added.id, {}, concept_value.pos,
                              "concept '" + added.id + "' added" +
                                  (incoming_head ? " ('" + incoming_head->text + "')" : std::string())});
            base.concepts.push_back(std::move(added));
            continue;
        }
        merger.merge_concept(*target, concept_value);
    }
    return events;
}

}  // namespace ilo
