// The sheet options (CSV, TSV, XLSX): --layout, --delimiter, --separator, --no-formula-escape, --sheet, and how the shared --profile, --source-lang and --langs fill CsvOptions.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ilo_tbx/format.hpp"

namespace ilo::cli {

// The sheet options as typed, before they are checked. Empty means not given.
struct SheetRequest {
    std::string layout;
    std::string delimiter;
    std::string separator;
    bool no_formula_escape = false;
    std::string sheet;

    bool given() const {
        return !layout.empty() || !delimiter.empty() || !separator.empty() || no_formula_escape || !sheet.empty();
    }
};

// Adds --layout, --delimiter, --separator, --no-formula-escape and --sheet to `options`.
void add_sheet_options(boost::program_options::options_description& options, SheetRequest& request);

// True for the formats whose layout the sheet options and profiles describe (csv, tsv, xlsx).
bool is_sheet_format(const Format& format);

// "memoq, trados, ...": the sheet profiles, for help texts and usage errors.
std::string sheet_profile_names();
std::span<const std::string_view> sheet_profile_list();
bool is_sheet_profile(std::string_view name);

// Checks the values and fills `options`. `profile` is empty or a sheet profile
// name; `source_language` and `languages` (comma-separated) are as typed.
// Returns the usage error, if any.
std::optional<std::string> apply_sheet_options(const SheetRequest& request, std::string_view profile,
                                               std::string_view source_language, std::string_view languages,
                                               CsvOptions& options);

// The format a path names when the profile says more than its extension:
// OmegaT glossaries end in .txt, .utf8 or .tab (OmegaT ignores .tsv), which
// without --profile omegat would be the EMN page format. Null when the path decides.
const Format* sheet_format_for_path(std::string_view path, std::string_view profile);

}  // namespace ilo::cli
