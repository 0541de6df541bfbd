// Reader for the JSON form of the model (documented in docs/json-model.md).
#pragma once

#include <optional>
#include <string_view>

#include "ilo_tbx/format.hpp"

namespace ilo {

// Reads a JSON document written by the JSON writer (or by hand, following
// docs/json-model.md). Syntax errors carry file:line:col; a value of the wrong
// kind is an error naming its JSON path; an unknown key is a warning.
// Parsed with nlohmann's SAX interface: each concept goes to `sink` when its
// object ends, if "format", "version" and "header" came before "concepts" (as
// the writer puts them); otherwise the concepts wait for the end of the document.
void read_json(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink);

// One concept from what concept_to_json() wrote, exactly (language tags keep their case); nothing if the text is
// not such a concept. For writers that keep concepts in a scratch file.
std::optional<Concept> concept_from_json(std::string_view text);

}  // namespace ilo
