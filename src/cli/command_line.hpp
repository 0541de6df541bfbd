// How every subcommand parses its command line with Boost.Program_options, and reports a usage error.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ilo::cli {

// A subcommand's name and usage lines, for its error messages.
struct CommandName {
    std::string_view name;   // e.g. "import"
    std::string_view usage;  // "Usage: ilo-tbx import FILE ...\n"
};

// Prints "ilo-tbx NAME: message", the usage lines and where to find --help to `err`; returns exit_usage.
int usage_error(std::ostream& err, const CommandName& command, std::string_view message);

// Parses `arguments` against the `visible` options, every other argument being a positional FILE added to
// `files`. A Program_options error (an unknown option, a missing value...) is reported with usage_error, and
// then there is no result.
std::optional<boost::program_options::variables_map> parse_command_line(
    const std::vector<std::string>& arguments, const boost::program_options::options_description& visible,
    std::vector<std::string>& files, const CommandName& command, std::ostream& err);

}  // namespace ilo::cli
