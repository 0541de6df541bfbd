// `ilo-tbx import`: reads a term base in any readable format (every TBX flavour, JSON, CSV/TSV sheets) and writes it in another, or merges it into a base.
#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/command_input.hpp"
#include "cli/command_line.hpp"
#include "cli/progress.hpp"
#include "cli/output_options.hpp"
#include "cli/publish_output.hpp"
#include "ilo_tbx/files.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/merge.hpp"

namespace ilo::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view import_usage = "Usage: ilo-tbx import FILE [--out FILE|-] [--to FORMAT] [OPTIONS]\n";

constexpr std::string_view import_examples = R"text(
Reads a term base and writes it in another format. FILE may be TBX v3
(ISO 30042:2019, DCA or DCT style), TBX 2008 (<martif>, with or without a
DOCTYPE, which is never loaded), pre-ISO TBX-Min, the JSON form of the
model (the flavour is detected from the content), or a CSV or TSV sheet (by
its extension or --from; the layout is detected from its header). '-' reads
standard input. The output format is --to, else the --out file's extension,
else --profile's; standard output without either gets TBX. --profile names a
tool: for TBX output one of the TBX profiles below (written as TBX 2008), for
csv, tsv and xlsx output a sheet profile; when the output is not a sheet, a sheet
profile describes the sheet being read. With --merge BASE, FILE is merged into
the term base BASE (new languages, terms and notes; conflicts reported one per
line) and the result is written. The input is read one entry at a time and each concept
is written as it is read. Output goes to a temporary file that is renamed into
place only when everything succeeded; TBX output is validated first. Whatever
the target format cannot hold is reported as a warning.

Memory: a big TBX, JSON, CSV or TSV FILE is read in chunks, one entry or row
at a time, so memory does not grow with its size; only an index of entry ids
and cross-reference targets (for the duplicate and dangling reference checks)
grows with the number of entries. JSON concepts stream when "format",
"version" and "header" come before them, as ilo-tbx writes them (else they wait
for the end). A CSV/TSV file is read twice: a first pass over its rows finds
each concept's last row, so each concept goes on as soon as it is complete
(only concepts whose rows are apart wait); one that is not UTF-8 (UTF-16,
Windows-1252) is read whole and transcoded. Sheets need every concept before their first row (their
columns depend on all of them): the long and wide layouts keep each concept's
rows in a temporary file until the header, which names only the columns that
hold something, is known, and a tool's profile keeps the concepts there (XLSX
output then holds its rows, not the term base). --merge holds FILE (the
incoming sheet) and reads BASE twice, once to match the concepts and once to
merge and write them, keeping only an index of BASE's ids. XLSX input holds
the whole term base. --out - holds up to 8 MiB of output until it has passed validation,
then streams: a failure after that is reported as cut-short output
(io.output-cut-short), with a non-zero exit. On a terminal a progress line
shows on standard error while a big file takes more than 2 seconds (--quiet:
none).

Examples:
  ilo-tbx import memoq-export.tbx --out termbase.json    any TBX to JSON
  ilo-tbx import old.tbx --to tbx --out new.tbx           TBX 2008 to TBX v3
  ilo-tbx import termbase.json --out termbase.tbx         JSON back to TBX
  ilo-tbx import glossary.tbx --to json --out - | jq .    to standard output
  ilo-tbx import new.tbx --to tbx2008 --out old.tbx       TBX v3 to TBX 2008
  ilo-tbx import any.tbx --profile omegat --langs de --out omegat.tbx
                                                          for OmegaT: English and German only
  ilo-tbx import ilo.tbx --out ilo.csv --layout long      a lossless sheet
  ilo-tbx import ilo.tbx --out sheet.csv --langs en,da,hr a sheet for translators
  ilo-tbx import ilo.tbx --out glossary.txt --profile omegat --langs de
                                                          an OmegaT TSV glossary
  ilo-tbx import filled.csv --out filled.tbx              a sheet back to TBX
  ilo-tbx import filled.csv --merge ilo.tbx --out ilo.tbx  add translators' languages
)text";

struct ImportRequest {
    std::string input;
    std::string out = "-";
    std::string from;
    OutputRequest output;
    bool strict = false;
    std::string merge;            // the base term base to merge FILE into
    std::string prefer = "base";  // on a merge conflict: base or incoming
    bool quiet = false;           // no progress line
};

std::string format_names(bool readable) {
    std::string names;
    for (const Format& format : formats()) {
        if (readable ? !format.read : !format.writer) continue;
        if (!names.empty()) names += ", ";
        names += format.name;
    }
    return names;
}

// The input format: --from, else a sheet profile's extension (--profile omegat: .txt is a TSV glossary), else the
// extension and a look at the content (format_for_input), where a .txt file's first bytes tell an EMN page from a
// tab-separated glossary (which takes the sheet options, --source-lang and --langs).
const Format* input_format(const std::string& from, const std::string& path, const std::string& profile,
                           std::string_view text) {
    return from.empty() ? sheet_input_format(path, profile, text) : find_format(from);
}

// The input format known before the input is opened (input_format_by_name).
const Format* input_format_before_reading(const std::string& from, const std::string& path,
                                          const std::string& profile) {
    return from.empty() ? input_format_by_name(path, profile) : find_format(from);
}

}  // namespace

int run_import(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    ImportRequest request;
    po::options_description visible("Options");
    visible.add_options()("out,o", po::value<std::string>(&request.out)->value_name("FILE"),
                          "write to FILE ('-' or absent: standard output)")(
        "from,f", po::value<std::string>(&request.from)->value_name("FORMAT"),
        ("input format: " + format_names(true) + " (default: from the extension or the content)").c_str());
    add_output_options(visible, request.output);
    visible.add_options()
        ("strict", po::bool_switch(&request.strict),
         "treat warnings as errors: a reader warning is bad input (exit 1), a loss (what the output format cannot "
         "hold) an output failure (exit 3); either way nothing is written")
        ("merge", po::value<std::string>(&request.merge)->value_name("BASE"),
         "merge FILE (e.g. a filled-in sheet) into the term base BASE and write the result: new languages, terms "
         "and notes are added to the concept with the same id or English head term")
        ("prefer", po::value<std::string>(&request.prefer)->value_name("base|incoming"),
         "on a merge conflict keep the base's value (default) or take FILE's; the other is kept as an admitted "
         "term or quoted in the report")
        ("quiet,q", po::bool_switch(&request.quiet),
         "no progress line (one is shown on a terminal while a big TBX file takes more than 2 seconds)")
        ("help,h", "show this help");
    const CommandName command{"import", import_usage};
    std::vector<std::string> inputs;
    const std::optional<po::variables_map> parsed = parse_command_line(arguments, visible, inputs, command, err);
    if (!parsed) return exit_usage;
    const po::variables_map& values = *parsed;
    if (values.count("help")) {
        out << import_usage << import_examples << "\n" << profile_help() << "\n" << visible;
        return exit_ok;
    }
    auto usage_error = [&](const std::string& message) { return cli::usage_error(err, command, message); };
    if (inputs.empty()) return usage_error("no input FILE given");
    if (inputs.size() != 1) return usage_error("expected one input FILE, got " + std::to_string(inputs.size()));
    request.input = inputs.front();

    if (!request.from.empty() && (!find_format(request.from) || !find_format(request.from)->read))
        return usage_error("unknown input format '" + request.from + "'; expected one of: " + format_names(true));
    if (request.prefer != "base" && request.prefer != "incoming")
        return usage_error("unknown --prefer '" + request.prefer + "'; expected base or incoming");
    if (request.merge.empty() && values.count("prefer")) return usage_error("--prefer needs --merge BASE");
    // Sheets are known by name only, so whether the inputs are sheets is known before they are read.
    auto is_sheet = [&](const std::string& path, const std::string& from) {
        const Format* format = input_format_before_reading(from, path, request.output.profile);
        return format && is_sheet_format(*format);
    };
    const bool sheet_input = is_sheet(request.input, request.from) || (!request.merge.empty() && is_sheet(request.merge, ""));
    const Format* target = nullptr;
    WriteOptions write_options;
    CsvOptions sheet_options;
    if (std::optional<std::string> problem = resolve_output(request.output, request.out, target, write_options,
                                                            sheet_input ? &sheet_options : nullptr))
        return usage_error(*problem);

    Diagnostics diagnostics;
    SourceTexts sources;
    SourceLines source_lines;
    CommandInput input;
    if (!input.open(request.input, diagnostics)) {
        print_diagnostics(err, diagnostics, sources);
        return exit_io;
    }
    const std::string& input_name = input.name();
    const Format* source = input_format(request.from, request.input, request.output.profile, input.start());
    const bool merging = !request.merge.empty();
    // A big TBX, JSON, CSV or TSV file is read in chunks; everything else is read whole.
    const bool streaming = source->reads_chunks && !merging && input.streamable();
    const std::string* whole = streaming ? nullptr : input.whole(sources, diagnostics);
    if (!streaming && !whole) {
        print_diagnostics(err, diagnostics, sources);
        return exit_io;
    }
    const std::string_view text = whole ? std::string_view(*whole) : std::string_view();
    // A workbook's positions are rows and columns of its sheet, not lines of its bytes: no source excerpt.
    std::vector<std::string> workbooks;
    if (source->id == FormatId::xlsx) workbooks.push_back(input_name);
    auto print_report = [&] {
        // A workbook's bytes are not lines to show. Taken out rather than copying the rest, which may be big.
        for (const std::string& name : workbooks) sources.erase(name);
        print_diagnostics(err, diagnostics, sources, source_lines);
    };
    ReadOptions read_options;
    read_options.strict = request.strict;
    read_options.csv = sheet_options;

    // A merge holds FILE (the incoming term base, a filled-in sheet) whole and reads BASE twice as a stream: once
    // to plan which base concept each incoming one goes to, once more to merge and write. Only an index of BASE's
    // ids is kept besides FILE, so a base of any size merges in flat memory.
    TermBase incoming;
    std::unique_ptr<StreamingMerge> merge;
    CommandInput base_input;
    const Format* base_format = nullptr;
    bool base_streams = false;
    std::string_view base_text;
    std::size_t base_reports = 0;  // what the first reading of the base reported
    // A big base is read twice; each reading shows a progress line of its own on a terminal.
    auto read_base = [&](const Input& base, const char* stage, Diagnostics& into, ConceptSink& sink) {
        read_with_progress(*base_format, base, read_options, into, sink, err, request.quiet,
                           base.name + " (" + stage + ")");
    };
    if (merging) {
        Diagnostics incoming_diagnostics;
        incoming = read_term_base(*source, Input{input_name, text}, read_options, incoming_diagnostics);
        const std::string& base_name = request.merge;
        if (!base_input.open(base_name, diagnostics)) {
            print_diagnostics(err, diagnostics, sources);
            return exit_io;
        }
        base_format = input_format("", base_name, request.output.profile, base_input.start());
        if (base_format->id == FormatId::xlsx) workbooks.push_back(base_name);
        base_streams = base_format->reads_chunks && base_input.streamable();
        if (!base_streams) {
            const std::string* whole_base = base_input.whole(sources, diagnostics);
            if (!whole_base) {
                print_diagnostics(err, diagnostics, sources);
                return exit_io;
            }
            base_text = *whole_base;
        }
        MergeOptions merge_options;
        merge_options.prefer_incoming = request.prefer == "incoming";
        merge = std::make_unique<StreamingMerge>(incoming, merge_options);
        const std::size_t before = diagnostics.items().size();
        std::unique_ptr<ConceptSink> planning = merge->planning_sink();
        read_base(base_streams ? base_input.streamed() : Input{base_name, base_text}, "matching", diagnostics,
                  *planning);
        base_reports = diagnostics.items().size() - before;
        // The base's problems come first in the report, as they did when the base was read first.
        for (const Diagnostic& diagnostic : incoming_diagnostics.items()) diagnostics.add(diagnostic);
        if (diagnostics.has_errors() || (request.strict && diagnostics.warning_count() > 0)) {
            base_input.keep_source_lines(diagnostics, source_lines);
            print_report();
            return exit_bad_input;
        }
    }
    // Reading and writing are one stream: each concept is written as soon as it is read.
    auto convert = [&](std::ostream& stream) {
        if (merging) {
            std::unique_ptr<ConceptSink> writer = target->writer(stream, write_options, diagnostics);
            std::unique_ptr<ConceptSink> merging_sink = merge->merging_sink(*writer);
            // The first reading reported the base's problems. The second must find the same base: if it reports
            // anything else, the file changed in between, and the concepts no longer line up with the plan.
            Diagnostics again;
            bool reopened = true;
            if (base_streams) {
                CommandInput base_again;
                reopened = base_again.open(request.merge, again) && base_again.streamable();
                if (reopened) read_base(base_again.streamed(), "merging", again, *merging_sink);
            } else {
                base_format->read(Input{request.merge, base_text}, read_options, again, *merging_sink);
            }
            if (!reopened) {
                for (const Diagnostic& diagnostic : again.items())
                    if (diagnostic.severity == Severity::error) diagnostics.add(diagnostic);
                if (!again.has_errors())
                    diagnostics.error({request.merge, 0, 0}, "io.read",
                                      "cannot read the base a second time: it is no longer the big file it was");
            } else if (again.items().size() != base_reports || again.has_errors() || merge->base_changed()) {
                diagnostics.error({request.merge, 0, 0}, "io.read",
                                  "the base changed while it was being merged (it read differently the second time)");
            }
            base_input.keep_source_lines(diagnostics, source_lines);
            return;
        }
        std::unique_ptr<ConceptSink> writer = target->writer(stream, write_options, diagnostics);
        read_with_progress(*source, streaming ? input.streamed() : Input{input_name, text}, read_options, diagnostics,
                           *writer, err, request.quiet, input_name);
        // The lines diagnostics point at are read now, before the output may replace the input.
        input.keep_source_lines(diagnostics, source_lines);
    };
    // One line per merge event; conflicts are what a reviewer must look at.
    auto report_merge = [&] {
        if (!merging) return;
        std::size_t conflicts = 0;
        const std::vector<MergeEvent> merge_events = merge->events();
        for (const MergeEvent& event : merge_events) {
            const SourcePos& pos = event.pos;
            std::string where = pos.file.empty() ? input_name : pos.file;
            if (pos.known()) where += ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
            bool conflict = event.kind == MergeEvent::Kind::conflict;
            conflicts += conflict;
            err << where << ": " << (conflict ? "conflict" : "note") << ": concept " << event.concept_id
                << (event.language.empty() ? "" : ", " + event.language) << ": " << event.message
                << (conflict ? " [merge.conflict]" : " [merge.added]") << "\n";
        }
        err << "ilo-tbx import: merged " << input_name << " into " << request.merge << ": "
            << merge_events.size() - conflicts << " additions, " << conflicts << " conflicts\n";
    };
    auto failed = [&] { return diagnostics.has_errors() || (request.strict && diagnostics.warning_count() > 0); };
    auto failure_code = [&] {
        // Reader problems are bad input; a writer that cannot hold the data is an output failure, and one that
        // cannot write (a full disk) an I/O failure. A loss points at the input it came from, but it is the
        // target's shortcoming: exit 3.
        for (const Diagnostic& diagnostic : diagnostics.items())
            if (diagnostic.code == "io.read" || diagnostic.code == "io.write") return exit_io;
        for (const Diagnostic& diagnostic : diagnostics.items()) {
            bool counts = diagnostic.severity == Severity::error || (request.strict && !is_loss(diagnostic));
            if (counts && diagnostic.pos.file == input_name) return exit_bad_input;
        }
        return exit_invalid_output;
    };
    auto verdict = [&]() -> std::optional<int> {
        if (failed()) return failure_code();
        return std::nullopt;
    };
    const int code = publish_output(*target, request.out, out, convert, verdict, diagnostics);
    print_report();
    if (request.strict) report_strict_losses(err, "import", diagnostics, code);
    if (code == exit_ok) report_merge();
    return code;
}

}  // namespace ilo::cli
