// Where two models first differ, named in words: shared by the round-trip tests and the fuzz targets' property checks.
#pragma once

#include <cstddef>
#include <string>

#include "ilo_tbx/model.hpp"

namespace ilo::test {

// Which member of a term differs: a fuzz finding is read from this line first.
inline std::string term_difference(const Term& x, const Term& y) {
    if (x.text != y.text) return "text '" + y.text + "'";
    if (x.id != y.id) return "id '" + y.id + "'";
    if (x.term_type != y.term_type || x.administrative_status != y.administrative_status ||
        x.part_of_speech != y.part_of_speech || x.grammatical_gender != y.grammatical_gender ||
        x.geographical_usage != y.geographical_usage)
        return "a term note (type, status, part of speech, gender or usage)";
    if (x.context != y.context || x.context_source != y.context_source) return "context";
    if (x.notes != y.notes) return "notes";
    if (x.source != y.source) return "source";
    if (x.transactions != y.transactions) return "transactions";
    if (x.extra != y.extra) return "extra";
    return "source position";
}

// Where two models first differ, so that a broken round trip says what changed.
inline std::string first_difference(const TermBase& a, const TermBase& b) {
    if (static_cast<const TermBaseHeader&>(a) != static_cast<const TermBaseHeader&>(b)) return "the header";
    if (a.concepts.size() != b.concepts.size())
        return "concept count " + std::to_string(a.concepts.size()) + " vs " + std::to_string(b.concepts.size());
    for (std::size_t i = 0; i < a.concepts.size(); ++i) {
        const Concept& x = a.concepts[i];
        const Concept& y = b.concepts[i];
        if (x == y) continue;
        std::string where = "concept " + std::to_string(i) + " '" + x.id + "': ";
        if (x.id != y.id) return where + "id '" + y.id + "'";
        if (x.subject_field != y.subject_field) return where + "subject field";
        if (x.definitions != y.definitions) return where + "definitions";
        if (x.notes != y.notes) return where + "notes";
        if (x.relations != y.relations) return where + "relations";
        if (x.origin_url != y.origin_url) return where + "origin URL";
        if (x.transactions != y.transactions) return where + "transactions";
        if (x.extra != y.extra) return where + "extra";
        if (x.languages.size() != y.languages.size()) return where + "language count";
        for (std::size_t l = 0; l < x.languages.size(); ++l) {
            if (x.languages[l] == y.languages[l]) continue;
            const LanguageSection& p = x.languages[l];
            const LanguageSection& q = y.languages[l];
            std::string at = where + "language " + std::to_string(l) + " '" + p.language + "': ";
            if (p.language != q.language) return at + "tag '" + q.language + "'";
            if (p.terms.size() != q.terms.size()) return at + "term count";
            for (std::size_t t = 0; t < p.terms.size(); ++t)
                if (p.terms[t] != q.terms[t])
                    return at + "term " + std::to_string(t) + " '" + p.terms[t].text +
                           "': " + term_difference(p.terms[t], q.terms[t]);
            if (p.definitions != q.definitions) return at + "definitions";
            if (p.notes != q.notes) return at + "notes";
            if (p.transactions != q.transactions) return at + "transactions";
            if (p.extra != q.extra) return at + "extra";
            return at + "source position";
        }
    }
    return "nothing (equal)";
}

}  // namespace ilo::test
