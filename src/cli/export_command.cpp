// `ilo-tbx export`: EMN glossary pages (or the built-in ILO entry) to a validated TBX file.
#include <boost/program_options.hpp>
#include <iostream>
#include <sstream>

#include "builtin/embedded.hpp"
#include "cli/cli.hpp"
#include "formats/format.hpp"
#include "io/files.hpp"
#include "validate/rng_validator.hpp"

namespace ilo::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view export_usage = "Usage: ilo-tbx export [PAGE...] [--out FILE|-] [OPTIONS]\n";

constexpr std::string_view export_examples = R"text(
Reads the text of EMN Asylum and Migration Glossary pages and writes one TBX v3
term base (TBX-Basic, DCA style). With no PAGE, exports the built-in entry
"Immigration Liaison Officer (ILO)". A PAGE of '-' reads standard input.
The output is validated against the TBX v3 core schema before it is renamed
into place; on any error no output file is written and an existing one is kept.

Examples:
  ilo-tbx export --out ilo.tbx              the built-in ILO entry
  ilo-tbx export page.txt --out entry.tbx   a saved glossary page
  ilo-tbx export --out - | less             write to standard output
)text";

constexpr std::string_view builtin_page_name = "<built-in ILO entry>";

struct ExportRequest {
    std::vector<std::string> pages;
    std::string out = "-";
    bool strict = false;
};

}  // namespace

int run_export(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    ExportRequest request;
    po::options_description visible("Options");
    visible.add_options()
        ("out,o", po::value<std::string>(&request.out)->value_name("FILE"),
         "write the TBX to FILE ('-' or absent: standard output)")
        ("strict", po::bool_switch(&request.strict), "treat reader warnings as errors")
        ("help,h", "show this help");
    po::options_description hidden;
    hidden.add_options()("page", po::value<std::vector<std::string>>(&request.pages));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("page", -1);

    po::variables_map values;
    try {
        po::store(po::command_line_parser(arguments).options(all).positional(positional).run(), values);
        po::notify(values);
    } catch (const po::error& error) {
        err << "ilo-tbx export: " << error.what() << "\n" << export_usage << "Run 'ilo-tbx export --help' for usage.\n";
        return exit_usage;
    }
    if (values.count("help")) {
        out << export_usage << export_examples << "\n" << visible;
        return exit_ok;
    }

    Diagnostics diagnostics;
    SourceTexts sources;
    if (request.pages.empty()) {
        sources.emplace(builtin_page_name, std::string(embedded::ilo_page()));
    } else {
        for (const std::string& page : request.pages) {
            if (page == "-") {
                std::ostringstream buffer;
                buffer << std::cin.rdbuf();
                sources.emplace("<stdin>", buffer.str());
                continue;
            }
            std::optional<std::string> text = read_file(page, diagnostics);
            if (!text) {
                print_diagnostics(err, diagnostics, sources);
                return exit_io;
            }
            sources.emplace(page, std::move(*text));
        }
    }

    const Format& emn = *find_format("emn");
    const Format& tbx = *find_format("tbx");
    TermBaseCollector collector;
    ReadOptions read_options;
    read_options.strict = request.strict;
    std::vector<std::string> order = request.pages.empty() ? std::vector<std::string>{std::string(builtin_page_name)}
                                                           : request.pages;
    for (std::string& name : order) {
        if (name == "-") name = "<stdin>";
        emn.read(Input{name, sources.find(name)->second}, read_options, diagnostics, collector);
    }
    bool reader_failed = diagnostics.has_errors() || (request.strict && diagnostics.warning_count() > 0);
    if (reader_failed) {
        print_diagnostics(err, diagnostics, sources);
        return exit_bad_input;
    }
    collector.finish();

    WriteOptions write_options;
    const std::string schema_name = "tbx-v3-core.rng (built-in)";
    if (request.out == "-") {
        std::ostringstream buffer;
        write_term_base(tbx, collector.term_base(), buffer, write_options, diagnostics);
        const std::string document = buffer.str();
        if (!validate_rng(document, "<standard output>", embedded::tbx_v3_core_rng(), schema_name, diagnostics)) {
            print_diagnostics(err, diagnostics, sources);
            return exit_invalid_output;
        }
        print_diagnostics(err, diagnostics, sources);
        out << document;
        out.flush();
        if (!out) {
            err << "ilo-tbx export: error: cannot write to standard output\n";
            return exit_io;
        }
        return exit_ok;
    }

    AtomicOutputFile output(request.out);
    if (!output.open(diagnostics)) {
        print_diagnostics(err, diagnostics, sources);
        return exit_io;
    }
    write_term_base(tbx, collector.term_base(), output.stream(), write_options, diagnostics);
    output.stream().flush();
    if (!output.stream()) {
        output.commit(diagnostics);  // reports the failed write and removes the temporary file
        print_diagnostics(err, diagnostics, sources);
        return exit_io;
    }
    if (!validate_rng_file(output.temporary_path(), request.out, embedded::tbx_v3_core_rng(), schema_name, diagnostics)) {
        output.discard();
        print_diagnostics(err, diagnostics, sources);
        return exit_invalid_output;
    }
    if (!output.commit(diagnostics)) {
        print_diagnostics(err, diagnostics, sources);
        return exit_io;
    }
    print_diagnostics(err, diagnostics, sources);
    return exit_ok;
}

}  // namespace ilo::cli
