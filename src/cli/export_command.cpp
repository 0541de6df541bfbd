// `ilo-tbx export`: EMN glossary pages (or the built-in ILO entry) to a validated TBX file.
#include <algorithm>
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/command_line.hpp"
#include "cli/output_options.hpp"
#include "cli/publish_output.hpp"
#include "ilo_tbx/embedded.hpp"
#include "ilo_tbx/emn_reader.hpp"
#include "ilo_tbx/files.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/resolve.hpp"

namespace ilo::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view export_usage = "Usage: ilo-tbx export [PAGE|DIR|-]... [--out FILE|-] [OPTIONS]\n";

constexpr std::string_view export_examples = R"text(
Reads the text of EMN Asylum and Migration Glossary pages and writes one TBX v3
term base (TBX-Basic, DCA style; --dialect min|core and --style dct write the
other TBX v3 dialects and the DCT style). With no PAGE, exports the built-in entry
"Immigration Liaison Officer (ILO)". A PAGE of '-' reads standard input; a DIR
reads every *.txt and *.emn file in it (not its subdirectories), by file name.
Entries keep the order of the pages given. The same entry read twice (same
English head term) is merged into its first reading, and the merge is reported.
Related, broader and narrower terms that name an entry of the same run become
cross-references to it; the others stay labels. Merging entries and resolving
these cross-references need every page at once: export holds the whole term
base in memory (use import for big TBX files, which streams).
With --to tbx2008 (or a --profile for a translation tool) the term base is
written as TBX 2008 (<martif>, TBX-Basic), the form OmegaT, translate-toolkit
and Lokalize read; --to json writes the model as JSON. The output format also
follows the --out extension (.tbx: TBX v3, .json: JSON).
TBX output is checked by the native validator (the core structure of its
version, the TBX-Basic rules, ids and references) before it is renamed into
place; on any error no output file is written and an existing one is kept.

Examples:
  ilo-tbx export --out ilo.tbx                    the built-in ILO entry
  ilo-tbx export page.txt --out entry.tbx         a saved glossary page
  ilo-tbx export pages/ more.txt --out all.tbx    a directory of pages and one more
  ilo-tbx export --strict pages/ --out all.tbx    fail on any line the reader cannot place
  ilo-tbx export --explain page.txt               show how each line of the page was read
  ilo-tbx export --out - | less                   write to standard output
  ilo-tbx export pages/ --to tbx2008 --out all.tbx                 TBX 2008
  ilo-tbx export pages/ --profile omegat --langs de --out de.tbx   for OmegaT, English and German
)text";

constexpr std::string_view builtin_page_name = "<built-in ILO entry>";

struct ExportRequest {
    std::vector<std::string> pages;
    std::string out = "-";
    OutputRequest output;
    bool strict = false;
    bool explain = false;
};

// One page to read: its display name and where its text comes from.
struct PageSource {
    std::string name;
    std::string path;  // empty: standard input or built in
};

// Expands PAGE arguments: '-' is standard input; a directory gives its *.txt and
// *.emn files sorted by name, so the order does not depend on the file system.
bool expand_pages(const std::vector<std::string>& arguments, std::vector<PageSource>& pages, Diagnostics& diagnostics) {
    namespace fs = std::filesystem;
    for (const std::string& argument : arguments) {
        if (argument == "-") {
            pages.push_back({"<stdin>", ""});
            continue;
        }
        std::error_code error;
        if (!fs::is_directory(argument, error)) {
            pages.push_back({argument, argument});
            continue;
        }
        std::vector<std::string> found;
        for (fs::directory_iterator it(argument, error), end; !error && it != end; it.increment(error)) {
            const fs::path& path = it->path();
            std::string file_name = path.filename().string();
            if (file_name.starts_with(".") || !it->is_regular_file(error)) continue;
            const Format* format = format_for_path(file_name);
            if (format && format->id == FormatId::emn) found.push_back(path.string());
        }
        if (error) {
            diagnostics.error({argument, 0, 0}, "io.read", "cannot list directory: " + error.message());
            return false;
        }
        if (found.empty()) {
            diagnostics.error({argument, 0, 0}, "io.read", "directory holds no EMN pages (*.txt or *.emn files)");
            return false;
        }
        std::sort(found.begin(), found.end());
        for (std::string& path : found) pages.push_back({path, path});
    }
    return true;
}

// "file:line:col: note: ..." lines for merged duplicates: information, not a problem with the input.
void report_merges(std::ostream& err, const std::vector<ConceptMerge>& merges) {
    auto where = [](const SourcePos& pos) {
        return pos.file + (pos.known() ? ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) : "");
    };
    for (const ConceptMerge& merge : merges)
        err << where(merge.merged) << ": note: entry '" << merge.id << "' is the same as the one at "
            << where(merge.kept) << "; merged into it (" << merge.added_terms << " new terms) [emn.merged-duplicate]\n";
}

// Prints each line's role, for people who maintain glossaries.
void print_explanation(std::ostream& out, const std::string& name, std::string_view text,
                       const std::vector<EmnLineRole>& roles) {
    LineIndex index(text);
    out << "== " << name << "\n";
    for (const EmnLineRole& role : roles) {
        std::string line_number = std::to_string(role.line);
        out << std::string(line_number.size() < 5 ? 5 - line_number.size() : 0, ' ') << line_number << "  "
            << role.role;
        std::string_view line = index.line_text(role.line);
        if (!line.empty()) out << std::string(role.role.size() < 28 ? 28 - role.role.size() : 1, ' ') << "| " << line;
        out << "\n";
    }
}

}  // namespace

int run_export(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    ExportRequest request;
    po::options_description visible("Options");
    visible.add_options()("out,o", po::value<std::string>(&request.out)->value_name("FILE"),
                          "write the TBX to FILE ('-' or absent: standard output)")(
        "strict", po::bool_switch(&request.strict),
        "treat reader warnings as errors (exit 1) and losses, what the output format cannot hold, as output "
        "failures (exit 3); either way nothing is written")(
        "explain", po::bool_switch(&request.explain),
        "print how each line of each page was classified, and write no TBX")("help,h", "show this help");
    add_output_options(visible, request.output);
    const CommandName command{"export", export_usage};
    const std::optional<po::variables_map> parsed = parse_command_line(arguments, visible, request.pages, command, err);
    if (!parsed) return exit_usage;
    if (parsed->count("help")) {
        out << export_usage << export_examples << "\n" << profile_help() << "\n" << visible;
        return exit_ok;
    }
    const Format* target = nullptr;
    WriteOptions write_options;
    if (std::optional<std::string> problem = resolve_output(request.output, request.out, target, write_options))
        return usage_error(err, command, *problem);

    Diagnostics diagnostics;
    SourceTexts sources;
    std::vector<PageSource> pages;
    if (request.pages.empty()) {
        pages.push_back({std::string(builtin_page_name), ""});
        sources.emplace(builtin_page_name, std::string(embedded::ilo_page()));
    } else if (!expand_pages(request.pages, pages, diagnostics)) {
        print_diagnostics(err, diagnostics, sources);
        return exit_io;
    }
    for (const PageSource& page : pages) {
        if (sources.contains(page.name)) continue;
        if (page.path.empty()) {
            std::ostringstream buffer;
            buffer << std::cin.rdbuf();
            sources.emplace(page.name, buffer.str());
            continue;
        }
        std::optional<std::string> text = read_file(page.path, diagnostics);
        if (!text) {
            print_diagnostics(err, diagnostics, sources);
            return exit_io;
        }
        sources.emplace(page.name, std::move(*text));
    }

    const Format& emn = *find_format("emn");
    TermBaseCollector collector;
    ReadOptions read_options;
    read_options.strict = request.strict;
    for (const PageSource& page : pages) {
        const std::string& text = sources.find(page.name)->second;
        if (request.explain) {
            std::vector<EmnLineRole> roles = explain_emn(Input{page.name, text}, read_options, diagnostics, collector);
            print_explanation(out, page.name, text, roles);
        } else {
            emn.read(Input{page.name, text}, read_options, diagnostics, collector);
        }
    }
    bool reader_failed = diagnostics.has_errors() || (request.strict && diagnostics.warning_count() > 0);
    if (request.explain) {
        print_diagnostics(err, diagnostics, sources);
        return reader_failed ? exit_bad_input : exit_ok;
    }
    if (reader_failed) {
        print_diagnostics(err, diagnostics, sources);
        return exit_bad_input;
    }
    collector.finish();
    report_merges(err, merge_duplicate_concepts(collector.term_base()));
    resolve_relations(collector.term_base());

    // A writer error (a bad id, a dangling reference...) leaves no output.
    auto produce = [&](std::ostream& stream) {
        write_term_base(*target, collector.term_base(), stream, write_options, diagnostics);
    };
    // --strict: what the target cannot hold (a loss) is an output failure too, exit 3 and no file.
    const int code = publish_output(
        *target, request.out, out, produce,
        [&] { return request.strict ? fail_on_errors_or_losses(diagnostics) : fail_on_errors(diagnostics); },
        diagnostics);
    print_diagnostics(err, diagnostics, sources);
    if (request.strict) report_strict_losses(err, "export", diagnostics, code);
    return code;
}

}  // namespace ilo::cli
