// CSV and TSV vocabulary the command line needs too: CAT-tool sheet profiles by name, and language codes as sheets write them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ilo_tbx/format.hpp"

namespace ilo::csv {

// The name --profile takes for a sheet profile ("memoq", "trados"...), and back;
// nothing for a name that is not a sheet profile.
std::string_view profile_name(CsvProfile profile);
std::optional<CsvProfile> profile_from_name(std::string_view name);

// A language tag as written in a header or cell ("de", "de-DE", "de_DE",
// "pt-br") in canonical BCP 47 case, if its language, script and region are
// known to ICU. Private-use and unknown regions (en-ZZ) are refused: nothing is
// returned and, when `problem` is not null, it says why.
std::optional<std::string> language_from_code(std::string_view text, std::string* problem = nullptr);

}  // namespace ilo::csv
