// Writer for the JSON form of the model (documented in docs/json-model.md).
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "ilo_tbx/format.hpp"

namespace ilo {

// A sink that writes the header, then each concept as it arrives, to `out`, as
// one JSON document. Output is deterministic: keys in a fixed order, empty
// fields left out. Keeps references to `out` and `diagnostics`.
std::unique_ptr<ConceptSink> make_json_writer(std::ostream& out, const WriteOptions& options, Diagnostics& diagnostics);

// One concept in the JSON form, on one line (no line breaks: they are escaped), for writers that keep concepts in
// a scratch file; concept_from_json() (json_reader.hpp) reads it back.
std::string concept_to_json(const Concept& concept_value);

// A level as the JSON form names it: "concept", "language" or "term" (json_reader.cpp reads the same names).
const char* level_name(Level level);

}  // namespace ilo
