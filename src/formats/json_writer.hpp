// Writer for the JSON form of the model (documented in docs/json-model.md).
#pragma once

#include <memory>
#include <ostream>

#include "ilo_tbx/format.hpp"

namespace ilo {

// A sink that writes the header, then each concept as it arrives, to `out`, as
// one JSON document. Output is deterministic: keys in a fixed order, empty
// fields left out. Keeps references to `out` and `diagnostics`.
std::unique_ptr<ConceptSink> make_json_writer(std::ostream& out, const WriteOptions& options, Diagnostics& diagnostics);

// A level as the JSON form names it: "concept", "language" or "term" (json_reader.cpp reads the same names).
const char* level_name(Level level);

}  // namespace ilo
