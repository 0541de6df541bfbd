// Command-line parsing and usage errors shared by the subcommands (see command_line.hpp).
#include "cli/command_line.hpp"

#include "cli/cli.hpp"

namespace ilo::cli {

namespace po = boost::program_options;

int usage_error(std::ostream& err, const CommandName& command, std::string_view message) {
    err << "ilo-tbx " << command.name << ": " << message << "\n"
        << command.usage << "Run 'ilo-tbx " << command.name << " --help' for usage.\n";
    return exit_usage;
}

std::optional<po::variables_map> parse_command_line(const std::vector<std::string>& arguments,
                                                    const po::options_description& visible,
                                                    std::vector<std::string>& files, const CommandName& command,
                                                    std::ostream& err) {
    po::options_description hidden;
    hidden.add_options()("file", po::value<std::vector<std::string>>(&files));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("file", -1);
    po::variables_map values;
    try {
        po::store(po::command_line_parser(arguments).options(all).positional(positional).run(), values);
        po::notify(values);
    } catch (const po::error& error) {
        usage_error(err, command, error.what());
        return std::nullopt;
    }
    return values;
}

}  // namespace ilo::cli
