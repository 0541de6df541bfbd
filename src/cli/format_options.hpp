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

// How a sheet being read is laid out, for the commands that read one without writing one (lint, info):
// --profile (a sheet profile), --source-lang, --langs and the sheet options. Empty means not given.
struct SheetInputRequest {
    SheetRequest sheet;
    std::string profile;
    std::string source_language;
    std::string languages;

    bool given() const { return sheet.given() || !profile.empty() || !source_language.empty() || !languages.empty(); }
};

// Adds --profile, --source-lang, --langs and the sheet options, described as options of a sheet being read.
void add_sheet_input_options(boost::program_options::options_description& options, SheetInputRequest& request);

// The format of an input file: a sheet profile's extension (--profile omegat: .txt is a TSV glossary), else
// the extension and `start`, the file's first bytes (format_for_input). Null for a format ilo-tbx cannot read.
const Format* sheet_input_format(std::string_view path, std::string_view profile, std::string_view start);

// The format of an input file known before it is read whole: a sheet profile's extension, else the extension,
// where a .txt file's first bytes (peeked) tell an EMN page from a tab-separated glossary. Null when the name
// tells no format ilo-tbx reads.
const Format* input_format_by_name(const std::string& path, std::string_view profile);

// Checks the sheet input options against the input's format and fills `options`. Returns the usage error, if
// any: a sheet option given for an input that is not a sheet is one, so that nothing typed goes unused.
std::optional<std::string> resolve_sheet_input(const SheetInputRequest& request, const Format& format,
                                               CsvOptions& options);

}  // namespace ilo::cli
