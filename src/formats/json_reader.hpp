// Reader for the JSON form of the model (documented in docs/json-model.md).
#pragma once

#include "ilo_tbx/format.hpp"

namespace ilo {

// Reads a JSON document written by the JSON writer (or by hand, following
// docs/json-model.md). Syntax errors carry file:line:col; a value of the wrong
// kind is an error naming its JSON path; an unknown key is a warning.
// The document is parsed whole, then handed to `sink` one concept at a time.
void read_json(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink);

}  // namespace ilo
