// Files built into the binary at compile time (see tools/embed-file.cmake), so the installed tool needs no source tree.
#pragma once

#include <string_view>

namespace ilo::embedded {

std::string_view ilo_page();         // samples/ilo-page.txt: the built-in ILO glossary entry
std::string_view tbx_v3_core_rng();  // schemas/tbx-v3-core.rng
std::string_view tbx_2008_basic_rng();  // schemas/tbx-2008-basic.rng
std::string_view tbx2008_core_rng(); // schemas/tbx2008-core.rng

}  // namespace ilo::embedded
