// The end every writing command shares: produce the document, check it, and only then publish it.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "ilo_tbx/diagnostics.hpp"
#include "ilo_tbx/format.hpp"

namespace ilo::cli {

// Writes the whole document to the stream it is given.
using ProduceDocument = std::function<void(std::ostream&)>;
// After production: the exit code when what was produced must not be published, or nothing.
using ProductionVerdict = std::function<std::optional<int>()>;

// Runs `produce` into a temporary file beside `out_path` (or a buffer for "-", which then goes to
// `standard_output`), asks `verdict`, checks TBX output with the native validator, and renames the
// file into place. On any failure nothing is published, an existing file is kept, and the returned
// exit code says why (bad input, invalid output, I/O); the reasons are in `diagnostics`.
int publish_output(const Format& format, const std::string& out_path, std::ostream& standard_output,
                   const ProduceDocument& produce, const ProductionVerdict& verdict, Diagnostics& diagnostics);

// The verdict most commands want: any error so far means the output is not published (exit 3).
std::optional<int> fail_on_errors(const Diagnostics& diagnostics);

// Whether `diagnostic` is a loss report: something the target format cannot hold (a code ending in ".loss").
bool is_loss(const Diagnostic& diagnostic);

// The verdict under --strict: any error, or any loss, means the output is not published (exit 3).
std::optional<int> fail_on_errors_or_losses(const Diagnostics& diagnostics);

// After a --strict run that failed with exit 3 for losses alone: one line on `err` saying so, since
// each loss itself is printed as a warning. `command` is e.g. "import".
void report_strict_losses(std::ostream& err, std::string_view command, const Diagnostics& diagnostics, int code);

}  // namespace ilo::cli
