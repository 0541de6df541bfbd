// `ilo-tbx import`: reads a term base in any readable format (every TBX flavour, JSON) and writes it in another.
#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/output_options.hpp"
#include "cli/publish_output.hpp"
#include "formats/format.hpp"
#include "io/files.hpp"

namespace ilo::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view import_usage = "Usage: ilo-tbx import FILE [--out FILE|-] [--to FORMAT] [OPTIONS]\n";

constexpr std::string_view import_examples = R"text(
Reads a term base and writes it in another format. FILE may be TBX v3
(ISO 30042:2019, DCA or DCT style), TBX 2008 (<martif>, with or without a
DOCTYPE, which is never loaded), pre-ISO TBX-Min, or the JSON form of the
model; the flavour is detected from the content. '-' reads standard input.
The output format is --to, else the --out file's extension; standard output
without --to gets TBX. The input is read one entry at a time and each concept
is written as it is read. Output goes to a temporary file that is renamed into
place only when everything succeeded; TBX output is validated first. Whatever
the target format cannot hold is reported as a warning.

Examples:
  ilo-tbx import memoq-export.tbx --out termbase.json    any TBX to JSON
  ilo-tbx import old.tbx --to tbx --out new.tbx           TBX 2008 to TBX v3
  ilo-tbx import termbase.json --out termbase.tbx         JSON back to TBX
  ilo-tbx import glossary.tbx --to json --out - | jq .    to standard output
  ilo-tbx import new.tbx --to tbx2008 --out old.tbx       TBX v3 to TBX 2008
  ilo-tbx import any.tbx --profile omegat --langs de --out omegat.tbx
                                                          for OmegaT: English and German only
)text";

struct ImportRequest {
    std::string input;
    std::string out = "-";
    std::string from;
    OutputRequest output;
    bool strict = false;
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

// The input format: --from, else the extension, else a look at the content.
const Format* input_format(const ImportRequest& request, std::string_view text) {
    if (!request.from.empty()) return find_format(request.from);
    if (const Format* by_extension = format_for_path(request.input); by_extension && by_extension->read)
        return by_extension;
    std::size_t at = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\r' || text[at] == '\n')) ++at;
    if (at < text.size() && text[at] == '{') return find_format("json");
    return find_format("tbx");
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
    visible.add_options()("strict", po::bool_switch(&request.strict), "treat warnings (including losses) as errors")(
        "help,h", "show this help");
    po::options_description hidden;
    hidden.add_options()("input", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("input", -1);

    po::variables_map values;
    try {
        po::store(po::command_line_parser(arguments).options(all).positional(positional).run(), values);
        po::notify(values);
    } catch (const po::error& error) {
        err << "ilo-tbx import: " << error.what() << "\n" << import_usage << "Run 'ilo-tbx import --help' for usage.\n";
        return exit_usage;
    }
    if (values.count("help")) {
        out << import_usage << import_examples << "\n" << profile_help() << "\n" << visible;
        return exit_ok;
    }
    auto usage_error = [&](const std::string& message) {
        err << "ilo-tbx import: " << message << "\n" << import_usage << "Run 'ilo-tbx import --help' for usage.\n";
        return exit_usage;
    };
    if (!values.count("input")) return usage_error("no input FILE given");
    const auto& inputs = values["input"].as<std::vector<std::string>>();
    if (inputs.size() != 1) return usage_error("expected one input FILE, got " + std::to_string(inputs.size()));
    request.input = inputs.front();

    if (!request.from.empty() && (!find_format(request.from) || !find_format(request.from)->read))
        return usage_error("unknown input format '" + request.from + "'; expected one of: " + format_names(true));
    const Format* target = nullptr;
    WriteOptions write_options;
    if (std::optional<std::string> problem = resolve_output(request.output, request.out, target, write_options))
        return usage_error(*problem);

    Diagnostics diagnostics;
    SourceTexts sources;
    std::string input_name = request.input == "-" ? "<stdin>" : request.input;
    if (request.input == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        sources.emplace(input_name, buffer.str());
    } else {
        std::optional<std::string> text = read_file(request.input, diagnostics);
        if (!text) {
            print_diagnostics(err, diagnostics, sources);
            return exit_io;
        }
        sources.emplace(input_name, std::move(*text));
    }
    const std::string& text = sources.find(input_name)->second;
    const Format* source = input_format(request, text);
    ReadOptions read_options;
    read_options.strict = request.strict;

    // Reading and writing are one stream: each concept is written as soon as it is read.
    auto convert = [&](std::ostream& stream) {
        std::unique_ptr<ConceptSink> writer = target->writer(stream, write_options, diagnostics);
        source->read(Input{input_name, text}, read_options, diagnostics, *writer);
    };
    auto failed = [&] { return diagnostics.has_errors() || (request.strict && diagnostics.warning_count() > 0); };
    auto failure_code = [&] {
        // Reader problems are bad input; a writer that cannot hold the data (or that fails) is an output failure.
        for (const Diagnostic& diagnostic : diagnostics.items()) {
            bool counts = diagnostic.severity == Severity::error || request.strict;
            if (counts && diagnostic.pos.file == input_name) return exit_bad_input;
        }
        return exit_invalid_output;
    };
    auto verdict = [&]() -> std::optional<int> {
        if (failed()) return failure_code();
        return std::nullopt;
    };
    const int code = publish_output(*target, request.out, out, convert, verdict, diagnostics);
    print_diagnostics(err, diagnostics, sources);
    return code;
}

}  // namespace ilo::cli
