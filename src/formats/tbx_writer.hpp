// Writer for TBX v3 (ISO 30042:2019).
#pragma once

#include <memory>
#include <ostream>

#include "formats/format.hpp"

namespace ilo {

// A sink that writes each concept to `out` as it arrives. The returned sink
// keeps references to `out` and `diagnostics`, which must outlive it.
std::unique_ptr<ConceptSink> make_tbx_writer(std::ostream& out, const WriteOptions& options,
                                             Diagnostics& diagnostics);

}  // namespace ilo
