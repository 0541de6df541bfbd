// Reader for the text rendering of an EMN Asylum and Migration Glossary page.
#pragma once

#include "formats/format.hpp"

namespace ilo {

// Reads one or more glossary entries from the page text in `input` and hands
// each to `sink` as a concept. Lines it cannot place are warnings; a page with
// no head term or no translation is an error.
void read_emn(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink);

}  // namespace ilo
