// Writer for TBX v3 (ISO 30042:2019): TBX-Basic, TBX-Min or TBX-Core, DCA or DCT style, streamed one concept at a time.
#pragma once

#include <memory>
#include <ostream>

#include "ilo_tbx/format.hpp"

namespace ilo {

// A sink that writes each concept to `out` as it arrives: the prolog and
// tbxHeader on header(), one conceptEntry per concept_entry(), the closing tags
// on finish(). The returned sink keeps references to `out` and `diagnostics`,
// which must outlive it. Output is UTF-8, indented, and the same bytes for the
// same model. options.dialect picks the data categories (TBX-Basic's, TBX-Min's five,
// or any under TBX-Core); options.style DCT writes each category as an element of the
// Basic or Min module namespace (<min:partOfSpeech>, <basic:definition>). TBX-Core has
// no modules and is the same in both styles but for style="dct".
//
// Where each part of the model goes, and what happens to what TBX-Basic cannot
// hold, is in docs/tbx-mapping.md. In short: definitions and their sources in a
// descripGrp (langSec level, or concept level for language-neutral ones), term
// data categories as termNotes, relations as ref/xref/"Related term: X" notes,
// origin_url as a text-less xref, extras at their own level if Basic allows them.
// Nothing is dropped silently: what Basic refuses becomes a note at the same place
// with a "tbx.loss" warning; characters XML cannot carry become U+FFFD
// ("tbx.invalid-char"). Errors: "tbx.bad-id", "tbx.bad-language",
// "tbx.dangling-ref", "tbx.no-language" (a concept with no term is left out).
std::unique_ptr<ConceptSink> make_tbx_writer(std::ostream& out, const WriteOptions& options,
                                             Diagnostics& diagnostics);

}  // namespace ilo
