// Writer for TBX 2008 (ISO 30042:2008, <martif>), dialect TBX-Basic, the form OmegaT, translate-toolkit and Lokalize read.
#pragma once

#include <memory>
#include <ostream>

#include "ilo_tbx/format.hpp"

namespace ilo {

// A sink that writes each concept as a termEntry as it arrives: a DOCTYPE naming
// TBXBasiccoreStructV02.dtd (never loaded by us), <martif type="TBX-Basic"> in no
// namespace, a martifHeader whose encodingDesc names TBXBasicXCSV02.xcs, then one
// termEntry per concept, a langSet per language and a tig per term. The entries
// are built by the same code as the v3 writer's (tbx_entry_builder.hpp) with the
// 2008 element names and TBX-Basic 2008's rules; docs/tbx-mapping.md lists the
// differences. What TBX-Basic 2008 cannot hold becomes a note with a "tbx.loss"
// warning. Errors as for the v3 writer, plus "tbx.no-entries" (2008 needs at least
// one termEntry). The tool-profile fields of WriteOptions (bare primary language
// tags, source language first, target filter, generated ids) are applied to each
// concept first (model/tool_profile.hpp).
std::unique_ptr<ConceptSink> make_tbx2008_writer(std::ostream& out, const WriteOptions& options,
                                                 Diagnostics& diagnostics);

}  // namespace ilo
