// RELAX NG validation through libxml2's streaming reader, with its messages turned into diagnostics.
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"

namespace ilo {

// Validates `document` (whole XML text, named `document_name` in diagnostics)
// against the RELAX NG grammar `schema` (named `schema_name`). Never loads a
// DTD, entity or any other external resource. Returns true if the document is
// well-formed and valid; every problem becomes an error diagnostic.
bool validate_rng(std::string_view document, const std::string& document_name, std::string_view schema,
                  const std::string& schema_name, Diagnostics& diagnostics);

// The same for the file at `path`, read in one streaming pass; diagnostics name
// it `document_name` (e.g. the final name of a file still being written).
bool validate_rng_file(const std::string& path, const std::string& document_name, std::string_view schema,
                       const std::string& schema_name, Diagnostics& diagnostics);

}  // namespace ilo
