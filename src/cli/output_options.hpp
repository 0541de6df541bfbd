// The output options export and import share: --to, --dialect, --style, --profile, --source-lang, --langs.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/format.hpp"

namespace ilo::cli {

struct OutputRequest {
    std::string to;
    std::string dialect = "basic";
    std::string style = "dca";
    std::string profile;
    std::string source_language;
    std::string languages;  // comma-separated
};

// Adds the shared output options to `options`, writing into `request`.
void add_output_options(boost::program_options::options_description& options, OutputRequest& request);

// The values --profile, --dialect and --style (named without dashes) accept, as resolve_output checks
// them; empty for any other name. For the shell completion (ilo-tbx --list-values).
std::vector<std::string_view> output_option_values(std::string_view option);

// The profile names and what each is for, as the --help text lists them.
std::string profile_help();

// Picks the output format (--to, else --profile's, else the extension of `out`,
// else TBX v3 for standard output) and fills `write_options`. Returns a usage
// error message, or nothing when the options are consistent.
std::optional<std::string> resolve_output(const OutputRequest& request, const std::string& out, const Format*& target,
                                          WriteOptions& write_options);

}  // namespace ilo::cli
