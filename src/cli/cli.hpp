// Shared pieces of the command-line tool: exit codes, subcommand entry points, diagnostic printing.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "ilo_tbx/diagnostics.hpp"

namespace ilo::cli {

// Documented in the README and in --help; scripts depend on them.
enum ExitCode : int {
    exit_ok = 0,
    exit_bad_input = 1,
    exit_usage = 2,
    exit_invalid_output = 3,
    exit_io = 4,
    exit_findings = 5,  // lint found something at or above --fail-on
};

// The texts of the inputs read so far, by display name, so that diagnostics
// can show the offending line under their position.
using SourceTexts = std::map<std::string, std::string, std::less<>>;
// The lines diagnostics point at in inputs too big to keep whole: name -> line -> text.
using SourceLines = std::map<std::string, std::map<std::uint32_t, std::string>, std::less<>>;

// Prints every diagnostic to `err` as "file:line:col: severity: message [code]"
// with the source line and a caret where the text is known.
void print_diagnostics(std::ostream& err, const Diagnostics& diagnostics, const SourceTexts& sources);
// The same, with the source lines of inputs read in chunks (CommandInput::keep_source_lines).
void print_diagnostics(std::ostream& err, const Diagnostics& diagnostics, const SourceTexts& sources,
                       const SourceLines& lines);

int run_export(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
int run_import(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
int run_info(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
int run_lint(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
int run_validate(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

// `ilo-tbx --list-values NAME` (hidden; for the shell completion): one value per line of --to, --from,
// --profile, --dialect, --style, or the file extensions read (read-extensions, page-extensions for export)
// and written (write-extensions), taken from the same tables the options are checked against.
int run_list_values(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

}  // namespace ilo::cli
