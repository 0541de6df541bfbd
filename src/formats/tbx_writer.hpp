// Writer for TBX v3 (ISO 30042:2019), dialect TBX-Basic, DCA style, streamed one concept at a time.
#pragma once

#include <memory>
#include <ostream>

#include "formats/format.hpp"

namespace ilo {

// A sink that writes each concept to `out` as it arrives: the prolog and
// tbxHeader on header(), one conceptEntry per concept_entry(), the closing tags
// on finish(). The returned sink keeps references to `out` and `diagnostics`,
// which must outlive it. Output is UTF-8, indented, and the same bytes for the
// same model. Only TBX-Basic in DCA style is written so far; other dialects and
// styles are an error ("tbx.unsupported").
//
// Where the model goes (docs/tbx-mapping.md has the full table):
//   Concept.id                     conceptEntry/@id (must be an NCName, unique: else "tbx.bad-id")
//   Concept.subject_field          conceptEntry/descrip[@type=subjectField]
//   Concept.definitions            conceptEntry/descripGrp (TBX-Basic allows definition at concept level)
//   LanguageSection.definitions    langSec/descripGrp: descrip[@type=definition], admin[@type=source] if any,
//                                  note = Definition.context (the label, e.g. "EU context") if any
//   Term.term_type ...             termSec/termNote (termType, administrativeStatus, partOfSpeech,
//                                  grammaticalGender, geographicalUsage)
//   Term.context / Term.source     termSec/descrip[@type=context] / termSec/admin[@type=source]
//   notes                          note at their own level
//   transactions                   transacGrp (transac transactionType, date, transacNote responsibility)
//   Relation to a concept id       conceptEntry/ref[@type=crossReference][@target=id], text = label
//   Relation to an http(s) URL     conceptEntry/xref[@type=externalCrossReference][@target=URL], text = label
//   Relation with no target        conceptEntry/note "Related term: X"
//   (broader and narrower relations put "Broader term: " / "Narrower term: " before the label in all three)
//   Concept.origin_url             conceptEntry/xref[@type=externalCrossReference] with no text
//   ExtraField                     its element/type/target at its own level, if TBX-Basic allows it there
//
// Nothing is dropped silently. What TBX-Basic cannot hold where the model has
// it (a value outside a picklist, an extra category Basic lacks, a date that is
// not xsd:date, a language section without terms...) is written as a note at
// the same level, "<category>: <value>", with a "tbx.loss" warning naming the
// concept, language and term. Characters XML cannot carry become U+FFFD with a
// "tbx.invalid-char" warning. Errors: "tbx.bad-id", "tbx.bad-language",
// "tbx.dangling-ref" (a relation to a concept id never written), "tbx.no-language"
// (a concept with no term, which TBX cannot hold; the concept is left out).
std::unique_ptr<ConceptSink> make_tbx_writer(std::ostream& out, const WriteOptions& options,
                                             Diagnostics& diagnostics);

}  // namespace ilo
