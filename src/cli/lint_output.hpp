// Rendering lint findings and fix reports for people (text) and for programs (JSON).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "ilo_tbx/lint.hpp"

namespace ilo::cli {

// The findings and changes of one input, ready to print.
struct LintedInput {
    std::string name;  // display name of the input, used when a finding has no file position
    std::vector<lint::Finding> findings;
    std::vector<lint::Change> changes;  // empty unless --fix
};

// "file:line:col: error: concept X, ro term "…": message [rule]", the source line with a
// caret when the text is known (from `sources`, or from `lines` for an input read in chunks), then
// "    fix: …". Changes follow as "fixed: …" lines, and a one-line summary ends the report.
void print_lint_text(std::ostream& out, const std::vector<LintedInput>& inputs, const SourceTexts& sources,
                     const SourceLines& lines);

// One JSON object: {"inputs":[{"input","findings":[...],"changes":[...]}],"summary":{...}}.
// Keys are always present and in a fixed order, so the output is stable for scripts and diffs.
void print_lint_json(std::ostream& out, const std::vector<LintedInput>& inputs);

}  // namespace ilo::cli
