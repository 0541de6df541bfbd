// Test support: a compact, line-per-value text rendering of a term base, so tests can compare whole models readably.
#pragma once

#include <string>

#include "ilo_tbx/model.hpp"

namespace ilo::testing {

// One line per value, indented by level: "concept c1", "  lang en", "    term X [fullForm]",
// "    note: ...". Empty fields are left out; the order is the model's order.
inline std::string dump(const TermBase& term_base) {
    std::string out;
    auto line = [&](int indent, const std::string& text) {
        out.append(static_cast<std::size_t>(indent) * 2, ' ');
        out += text;
        out += '\n';
    };
    auto field = [&](int indent, const char* name, const std::string& value) {
        if (!value.empty()) line(indent, std::string(name) + ": " + value);
    };
    auto definitions = [&](int indent, const std::vector<Definition>& list) {
        for (const Definition& definition : list) {
            line(indent, "definition: " + definition.text);
            field(indent + 1, "source", definition.source);
            field(indent + 1, "context", definition.context);
        }
    };
    auto transactions = [&](int indent, const std::vector<Transaction>& list) {
        for (const Transaction& t : list) line(indent, "transaction: " + t.type + " " + t.date + " " + t.responsibility);
    };
    auto extras = [&](int indent, const std::vector<ExtraField>& list) {
        for (const ExtraField& e : list)
            line(indent, "extra: " + e.element + "/" + e.type + "=" + e.value + (e.target.empty() ? "" : " ->" + e.target));
    };
    field(0, "title", term_base.title);
    field(0, "source_description", term_base.source_description);
    field(0, "source_language", term_base.source_language);
    for (const Concept& c : term_base.concepts) {
        line(0, "concept " + c.id);
        field(1, "subject", c.subject_field);
        field(1, "url", c.origin_url);
        definitions(1, c.definitions);
        for (const std::string& note : c.notes) line(1, "note: " + note);
        for (const Relation& r : c.relations)
            line(1, "relation: " + std::to_string(static_cast<int>(r.kind)) + " " + r.label + " ->" + r.target);
        transactions(1, c.transactions);
        extras(1, c.extra);
        for (const LanguageSection& l : c.languages) {
            line(1, "lang " + l.language);
            definitions(2, l.definitions);
            for (const std::string& note : l.notes) line(2, "note: " + note);
            transactions(2, l.transactions);
            extras(2, l.extra);
            for (const Term& t : l.terms) {
                std::string attributes;
                for (const std::string* value : {&t.term_type, &t.administrative_status, &t.part_of_speech,
                                                 &t.grammatical_gender, &t.geographical_usage}) {
                    if (value->empty()) continue;
                    attributes += attributes.empty() ? " [" : ", ";
                    attributes += *value;
                }
                if (!attributes.empty()) attributes += "]";
                line(2, "term " + t.text + attributes);
                field(3, "context", t.context);
                field(3, "source", t.source);
                for (const std::string& note : t.notes) line(3, "note: " + note);
                transactions(3, t.transactions);
                extras(3, t.extra);
            }
        }
    }
    return out;
}

}  // namespace ilo::testing
