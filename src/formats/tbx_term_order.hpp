// The one order TBX imposes among a term's extra fields: termNote and termNoteGrp right after the term.
#pragma once

#include <algorithm>

#include "ilo_tbx/model.hpp"

namespace ilo {

// TBX (v3 termSec, 2008 termGrp and tig) puts a term's termNote and termNoteGrp elements right after the
// term and everything else after them, so a TBX writer puts such extra fields first whatever their order in
// the model, and the order between the two kinds carries nothing. Every reader keeps them first (a stable
// partition: each kind keeps its own order), so that what it reads is what a TBX writer and reader give back.
inline void put_term_notes_first(Concept& concept_value) {
    for (LanguageSection& language : concept_value.languages)
        for (Term& term : language.terms)
            std::stable_partition(term.extra.begin(), term.extra.end(), [](const ExtraField& extra) {
                return extra.element == "termNote" || extra.element == "termNoteGrp";
            });
}

}  // namespace ilo
