// The output options export and import share: --to, --dialect, --style, --profile, --source-lang, --langs and the sheet options.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/format_options.hpp"
#include "ilo_tbx/format.hpp"

namespace ilo::cli {

struct OutputRequest {
    std::string to;
    std::string dialect = "basic";
    std::string style = "dca";
    std::string profile;
    std::string source_language;
    std::string languages;  // comma-separated
    SheetRequest sheet;     // --layout, --delimiter, --separator, --no-formula-escape
};

// Adds the shared output options to `options`, writing into `request`.
void add_output_options(boost::program_options::options_description& options, OutputRequest& request);

// The values --profile, --dialect and --style (named without dashes) accept, as resolve_output checks
// them; empty for any other name. For the shell completion (ilo-tbx --list-values).
std::vector<std::string_view> output_option_values(std::string_view option);

// The profile names and what each is for, as the --help text lists them.
std::string profile_help();

// Picks the output format (--to, else the extension of `out`, else --profile's,
// else TBX v3 for standard output) and fills `write_options`. One --profile
// serves every format: for TBX output it names a tool profile (tbx2008), for
// csv, tsv and xlsx a sheet profile. When the input is a sheet, `sheet_input` is
// non-null and gets the sheet options too; the profile goes to the input only
// when the output is not a sheet. Returns a usage error message, or nothing
// when the options are consistent.
std::optional<std::string> resolve_output(const OutputRequest& request, const std::string& out, const Format*& target,
                                          WriteOptions& write_options, CsvOptions* sheet_input = nullptr);

}  // namespace ilo::cli
