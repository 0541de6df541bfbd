// What the binary was built from, for --version: the git commit is taken at build time (tools/build-info.cmake).
#pragma once

#include <string_view>

namespace ilo::cli {

// The short commit id of the source tree ("1a2b3c4d5e6f", "-dirty" appended when tracked files were
// modified), or "unknown" when it was not built from a git checkout.
std::string_view git_commit();

}  // namespace ilo::cli
