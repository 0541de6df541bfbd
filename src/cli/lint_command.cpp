// `ilo-tbx lint`: terminology quality checks on any input ilo-tbx reads, and `--fix` for the safe corrections.
#include <algorithm>
#include <boost/program_options.hpp>
#include <iostream>
#include <iterator>
#include <set>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/command_input.hpp"
#include "cli/command_line.hpp"
#include "cli/format_options.hpp"
#include "cli/lint_output.hpp"
#include "cli/progress.hpp"
#include "cli/publish_output.hpp"
#include "ilo_tbx/embedded.hpp"
#include "ilo_tbx/files.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/lint.hpp"

namespace ilo::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view lint_usage =
    "Usage: ilo-tbx lint [FILE|PAGE...] [--format text|json] [--fail-on warning|error]\n"
    "                    [--expect-langs eu24|LIST] [--from FORMAT] [--fix --out FILE|-] [--quiet]\n"
    "                    [--profile NAME] [--source-lang TAG --langs TAG,...] [sheet options]\n";

constexpr std::string_view lint_help = R"text(
Checks term bases for what a valid file can still get wrong: missing languages,
Romanian cedillas, mixed scripts, no-break and invisible characters, text not in
NFC, stray spaces, duplicate terms, abbreviations with no full form, out-of-line
capitalisation, optional parts written as x(y), foreign quotation marks, and
scraping artefacts. Each finding names its rule, severity, concept, language and
term, and suggests a fix. With no input, lints the built-in ILO entry.

Inputs are read by their extension (or --from): every format ilo-tbx reads. A .txt
file is an EMN page, or a glossary (OmegaT's) where its first lines are tab-separated;
a glossary without a header row naming its languages takes --source-lang and --langs.
A big TBX, JSON, CSV or TSV file is read in chunks. Lint keeps its findings and, to find a term
shared by two concepts, every term with its first concept (about 130 bytes per
term); without --expect-langs it also keeps each concept's id and languages,
since the expected set is known only at the end. It never holds the term base.
On a terminal a progress line shows on standard error while a big file takes
more than 2 seconds (--quiet: none).
The expected languages default to those used in the file; for EMN glossary pages,
which hold one concept each, they default to eu24, the glossary's own languages.

--fix applies only the safe, unambiguous fixes (Romanian s/t with cedilla to comma
below, NFC, white space at the ends and repeated inside), writes the result as a
validated TBX v3 file, and reports every change; then it lists what is left.
A no-break hyphen or space in a term is reported but never changed.

Exit codes: 0 no finding at or above --fail-on, 5 findings at or above it,
1 bad input, 2 usage, 3 the fixed output failed validation, 4 I/O.

Examples:
  ilo-tbx lint                                   the built-in ILO entry
  ilo-tbx lint terms.tbx --expect-langs eu24     every concept in all 24 EU languages
  ilo-tbx lint page.txt --format json            findings for a program to read
  ilo-tbx lint terms.tbx --fail-on warning       fail on any finding (for CI)
  ilo-tbx lint glossary.txt --source-lang en --langs de   OmegaT's glossary
  ilo-tbx lint terms.tbx --fix --out fixed.tbx   write the safely fixed term base
  ilo-tbx lint --list-rules                      every rule with its id and severity
)text";

constexpr std::string_view builtin_page_name = "<built-in ILO entry>";

struct LintRequest {
    std::vector<std::string> inputs;
    std::string format = "text";
    std::string fail_on = "error";
    std::string expect_langs;
    std::string from;
    std::string out;
    SheetInputRequest sheet;
    bool fix = false;
    bool list_rules = false;
    bool quiet = false;  // no progress line
};

constexpr CommandName lint_command{"lint", lint_usage};

void print_rules(std::ostream& out) {
    for (const lint::RuleInfo& rule : lint::rules()) {
        std::string id(rule.id);
        id.resize(std::max<std::size_t>(id.size(), 44), ' ');
        out << id << (rule.severity == Severity::error ? "error    " : "warning  ") << rule.summary << "\n";
    }
}

// Lints each concept as the reader hands it on; with --fix, fixes it first (recording the changes) and passes
// the fixed concept on to the writer.
class LintingSink final : public ConceptSink {
public:
    LintingSink(lint::Linter& linter, std::vector<lint::Change>* changes, ConceptSink* writer)
        : linter_(linter), changes_(changes), writer_(writer) {}
    void header(const TermBaseHeader& header) override {
        if (writer_) writer_->header(header);
    }
    void concept_entry(Concept concept_value) override {
        if (changes_) {
            std::vector<lint::Change> changes = lint::fix_concept(concept_value, index_);
            std::move(changes.begin(), changes.end(), std::back_inserter(*changes_));
        }
        ++index_;
        linter_.add(concept_value);
        if (writer_) writer_->concept_entry(std::move(concept_value));
    }
    void finish() override {
        if (writer_) writer_->finish();
    }

private:
    lint::Linter& linter_;
    std::vector<lint::Change>* changes_;
    ConceptSink* writer_;
    std::size_t index_ = 0;
};

}  // namespace

int run_lint(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    LintRequest request;
    po::options_description visible("Options");
    visible.add_options()("format", po::value<std::string>(&request.format)->value_name("text|json"),
                          "how to print the findings (default: text)")(
        "fail-on", po::value<std::string>(&request.fail_on)->value_name("warning|error"),
        "exit with 5 if a finding is at least this severe (default: error)")(
        "expect-langs", po::value<std::string>(&request.expect_langs)->value_name("eu24|LIST"),
        "languages every concept should have: eu24 and/or comma-separated tags (default: those used in the file)")(
        "from", po::value<std::string>(&request.from)->value_name("FORMAT"),
        "read every input as FORMAT instead of guessing from its extension")(
        "fix", po::bool_switch(&request.fix), "apply the safe fixes and write the result to --out")(
        "out,o", po::value<std::string>(&request.out)->value_name("FILE"),
        "with --fix: where to write the fixed TBX ('-': standard output, the report then goes to standard error)")(
        "list-rules", po::bool_switch(&request.list_rules), "list every rule with its id and severity");
    add_sheet_input_options(visible, request.sheet);
    visible.add_options()(
        "quiet,q", po::bool_switch(&request.quiet),
        "no progress line (one is shown on a terminal while a big TBX file takes more than 2 seconds)")(
        "help,h", "show this help");
    const std::optional<po::variables_map> parsed = parse_command_line(arguments, visible, request.inputs, lint_command, err);
    if (!parsed) return exit_usage;
    const po::variables_map& values = *parsed;
    if (values.count("help")) {
        out << lint_usage << lint_help << "\n" << visible;
        return exit_ok;
    }
    if (request.list_rules) {
        print_rules(out);
        return exit_ok;
    }
    if (request.format != "text" && request.format != "json")
        return usage_error(err, lint_command, "--format must be 'text' or 'json', not '" + request.format + "'");
    if (request.fail_on != "warning" && request.fail_on != "error")
        return usage_error(err, lint_command, "--fail-on must be 'warning' or 'error', not '" + request.fail_on + "'");
    std::optional<std::vector<std::string>> expected_languages;
    if (values.count("expect-langs")) {
        std::string error;
        expected_languages = lint::parse_language_list(request.expect_langs, error);
        if (!expected_languages) return usage_error(err, lint_command, "--expect-langs: " + error);
    }
    const Format* forced_format = nullptr;
    if (!request.from.empty()) {
        forced_format = find_format(request.from);
        if (!forced_format || !forced_format->read)
            return usage_error(err, lint_command, "--from: '" + request.from + "' is not a format ilo-tbx can read");
    }
    if (request.fix && request.out.empty()) return usage_error(err, lint_command, "--fix needs --out FILE (or '-')");
    if (!request.fix && values.count("out")) return usage_error(err, lint_command, "--out is only used with --fix");
    if (request.fix && request.inputs.size() > 1)
        return usage_error(err, lint_command, "--fix takes one input at a time, got " + std::to_string(request.inputs.size()));

    // Every input's format is known before anything is read.
    struct Named {
        std::string given;
        std::string name;
        const Format* format;
    };
    std::vector<Named> named;
    const bool builtin = request.inputs.empty();
    const std::vector<std::string> names =
        builtin ? std::vector<std::string>{std::string(builtin_page_name)} : request.inputs;
    for (const std::string& given : names) {
        const Format* format = forced_format;
        if (!format) format = builtin ? find_format("emn") : input_format_by_name(given, request.sheet.profile);
        if (!format || !format->read) {
            if (given == "-") return usage_error(err, lint_command, "standard input needs --from FORMAT");
            return usage_error(err, lint_command, "cannot tell the format of '" + given +
                                        "' from its extension, or ilo-tbx cannot read it; use --from FORMAT");
        }
        named.push_back({given, given == "-" ? std::string("<stdin>") : given, format});
    }
    // The sheet options describe the sheets among the inputs; typed for none, they are a usage error.
    const auto sheet_input =
        std::find_if(named.begin(), named.end(), [](const Named& input) { return is_sheet_format(*input.format); });
    ReadOptions read_options;
    if (std::optional<std::string> problem = resolve_sheet_input(
            request.sheet, *(sheet_input == named.end() ? named.front() : *sheet_input).format, read_options.csv))
        return usage_error(err, lint_command, *problem);

    // Each input is linted as it is read, and nothing is printed until every input has been: a bad one stops
    // the run first. A big TBX, JSON, CSV or TSV file is read in chunks, and what lint keeps is its findings and
    // indexes, never the term base (lint::Linter).
    Diagnostics diagnostics;
    SourceTexts sources;
    SourceLines source_lines;
    std::vector<LintedInput> results;
    int write_status = exit_ok;
    for (const Named& input : named) {
        CommandInput file;
        Input read_from;
        if (builtin) {
            sources.emplace(input.name, std::string(embedded::ilo_page()));
            read_from = Input{input.name, sources.find(input.name)->second};
        } else {
            if (!file.open(input.given, diagnostics)) {
                print_diagnostics(err, diagnostics, sources);
                return exit_io;
            }
            if (input.format->reads_chunks && file.streamable()) {
                read_from = file.streamed();
            } else if (const std::string* text = file.whole(sources, diagnostics)) {
                read_from = Input{file.name(), *text};
            } else {
                print_diagnostics(err, diagnostics, sources);
                return exit_io;
            }
        }
        lint::LintOptions options;
        options.expected_languages = expected_languages;
        if (!options.expected_languages && input.format->id == FormatId::emn) {
            const auto eu24 = lint::eu24_languages();
            options.expected_languages = std::vector<std::string>(eu24.begin(), eu24.end());
        }
        lint::Linter linter(options);
        LintedInput result;
        result.name = read_from.name;
        // Lints each concept as it arrives; with --fix, fixes it first and hands the fixed concept to `writer`.
        auto lint_all = [&](ConceptSink* writer) {
            LintingSink sink(linter, writer ? &result.changes : nullptr, writer);
            read_with_progress(*input.format, read_from, read_options, diagnostics, sink, err, request.quiet,
                               read_from.name);
            result.findings = linter.finish();
            // The lines findings point at are read now, before the output may replace the input.
            std::set<std::uint32_t> lines;
            for (const lint::Finding& finding : result.findings)
                if (finding.pos.file == file.name() && finding.pos.known()) lines.insert(finding.pos.line);
            for (const Diagnostic& diagnostic : diagnostics.items())
                if (diagnostic.pos.file == file.name() && diagnostic.pos.known()) lines.insert(diagnostic.pos.line);
            file.keep_source_lines(lines, source_lines);  // one pass over the file for both
        };
        if (request.fix) {
            const Format& tbx = *find_format("tbx");
            auto produce = [&](std::ostream& stream) {
                std::unique_ptr<ConceptSink> writer = tbx.writer(stream, WriteOptions{}, diagnostics);
                lint_all(writer.get());
            };
            // A reading error is bad input; a writer error means the fixed term base is not one we can write.
            auto verdict = [&]() -> std::optional<int> {
                if (diagnostics.has_errors()) return exit_bad_input;
                return std::nullopt;
            };
            write_status = publish_output(tbx, request.out, out, produce, verdict, diagnostics);
            if (write_status != exit_ok) break;
        } else {
            lint_all(nullptr);
            if (diagnostics.has_errors()) {
                print_diagnostics(err, diagnostics, sources, source_lines);
                return exit_bad_input;
            }
        }
        results.push_back(std::move(result));
    }
    print_diagnostics(err, diagnostics, sources, source_lines);
    if (write_status != exit_ok) return write_status;

    // With the fixed TBX on standard output, the report must not mix into it.
    std::ostream& report = request.fix && request.out == "-" ? err : out;
    if (request.format == "json")
        print_lint_json(report, results);
    else
        print_lint_text(report, results, sources, source_lines);

    const Severity threshold = request.fail_on == "warning" ? Severity::warning : Severity::error;
    for (const LintedInput& result : results)
        for (const lint::Finding& finding : result.findings)
            if (threshold == Severity::warning || finding.severity == Severity::error) return exit_findings;
    return exit_ok;
}

}  // namespace ilo::cli
