// ilo-tbx entry point: dispatches to subcommands and maps failures to exit codes.
#include <array>
#include <csignal>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/build_info.hpp"
#include "cli/cli.hpp"
#include "ilo_tbx/files.hpp"

namespace {

constexpr std::string_view tool_help = R"text(ilo-tbx: convert EMN glossary entries and term bases to and from TBX.

Usage: ilo-tbx COMMAND [OPTIONS] [FILE...]
       ilo-tbx --help | --version

Commands:
  export    read EMN Asylum and Migration Glossary pages and write a TBX term base
            (with no PAGE, the built-in "Immigration Liaison Officer (ILO)" entry)
  import    read a term base (TBX v3, TBX 2008, TBX-Min, JSON) and write it in another format
  info      print a term base's flavour, dialect, counts per language and data categories
  lint      check term bases for terminology problems (missing languages, cedillas,
            mixed scripts, stray spaces, x(y) terms...) and apply the safe fixes
  validate  check TBX files: core structure, TBX-Basic/Min/Core dialect rules, ids, targets, languages

Run 'ilo-tbx COMMAND --help' for the options of a command.

Examples:
  ilo-tbx export --out ilo.tbx
  ilo-tbx export saved-page.txt --out entry.tbx
  ilo-tbx import termbase.tbx --out termbase.json
  ilo-tbx info termbase.tbx
  ilo-tbx lint terms.tbx --expect-langs eu24
  ilo-tbx validate glossary.tbx

Exit codes:
  0  success
  1  bad input (unreadable content, a page that cannot be read as a glossary entry)
  2  usage error (unknown command or option, missing argument)
  3  the output failed validation; nothing was written
  4  I/O error (a file could not be read or written)
  5  lint: findings at or above --fail-on
)text";

// Every subcommand, in the order the help lists them: the one table that dispatch, the unknown-command
// message, --list-commands (for the man page and the shell completion) read.
struct Command {
    std::string_view name;
    int (*run)(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
};
constexpr std::array<Command, 5> commands{{
    {"export", ilo::cli::run_export},
    {"import", ilo::cli::run_import},
    {"info", ilo::cli::run_info},
    {"lint", ilo::cli::run_lint},
    {"validate", ilo::cli::run_validate},
}};

// An interrupted run must leave no temporary file and the old output intact;
// the default action then ends the process with the usual signal status.
extern "C" void remove_temporary_files_and_die(int signal_number) {
    ilo::remove_pending_temporary_files();
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

}  // namespace

int main(int argc, char** argv) {
    for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) std::signal(signal_number, remove_temporary_files_and_die);
    // Past a file size limit (ulimit -f) a write must fail with EFBIG and be reported like a
    // full disk, not kill the process with SIGXFSZ and leave its temporary file behind.
    std::signal(SIGXFSZ, SIG_IGN);
    std::vector<std::string> arguments(argv + 1, argv + argc);
    if (arguments.empty()) {
        std::cerr << tool_help;
        return ilo::cli::exit_usage;
    }
    const std::string command = arguments.front();
    arguments.erase(arguments.begin());
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << tool_help;
        return ilo::cli::exit_ok;
    }
    if (command == "--version" || command == "-V") {
        // The first line is what help2man and scripts parse; the commit goes on its own line.
        std::cout << "ilo-tbx " << ILO_TBX_VERSION << "\ncommit " << ilo::cli::git_commit() << "\n";
        return ilo::cli::exit_ok;
    }
    if (command == "--list-commands") {
        for (const Command& entry : commands) std::cout << entry.name << "\n";
        return ilo::cli::exit_ok;
    }
    if (command == "--list-values") return ilo::cli::run_list_values(arguments, std::cout, std::cerr);
    for (const Command& entry : commands)
        if (command == entry.name) return entry.run(arguments, std::cout, std::cerr);
    std::cerr << "ilo-tbx: unknown command '" << command << "'; expected one of: ";
    for (const Command& entry : commands) std::cerr << (&entry == commands.begin() ? "" : ", ") << entry.name;
    std::cerr << "\nRun 'ilo-tbx --help' for usage.\n";
    return ilo::cli::exit_usage;
}
