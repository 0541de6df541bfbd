// RELAX NG validation through libxml2's streaming reader, with its messages turned into diagnostics.
#pragma once

#include <string>
#include <string_view>

#include "ilo_tbx/diagnostics.hpp"

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

namespace ilo::validate {

// The project rule id for a libxml2 RELAX NG (or DTD) validity message, so that
// both structure checks name failures alike: structure.content, structure.attribute,
// structure.text, structure.datatype, integrity.id.duplicate, integrity.target.dangling,
// xml.not-well-formed.
std::string classify_libxml2_message(std::string_view message);

// Whether a libxml2 RELAX NG message only repeats, for an ancestor, an error
// already reported for its content ("Element X failed to validate content").
bool is_follow_on_message(std::string_view message);

}  // namespace ilo::validate
