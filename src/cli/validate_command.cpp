// `ilo-tbx validate`: checks TBX files (structure, dialect rules, integrity) and prints diagnostics that say how to fix them.
#include <algorithm>
#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <sstream>
#include <tuple>

#include "cli/cli.hpp"
#include "cli/command_line.hpp"
#include "cli/progress.hpp"
#include "ilo_tbx/files.hpp"
#include "ilo_tbx/validate.hpp"

namespace ilo::cli {

namespace po = boost::program_options;

namespace {

constexpr std::string_view validate_usage = "Usage: ilo-tbx validate FILE... [--rng | --schema FILE.rng] [OPTIONS]\n";

constexpr std::string_view validate_details = R"text(
Checks each TBX FILE in one streaming pass and reports every problem as
  FILE:LINE:COL: error [RULE] CONCEPT/LANG: what is wrong; how to fix it
The flavour is detected from the root: TBX v3 (<tbx>, ISO 30042:2019) or TBX 2008
(<martif>). The dialect comes from the root's type: TBX-Basic, TBX-Min, TBX-Core
(DCA or DCT style); other types get the core checks only.

Three kinds of check run:
  structure   the core content model (v3 or 2008): elements, order, attributes
  dialect     the data categories, their levels and picklists (basic.*, min.*, core.*)
  integrity   unique ids, targets that resolve, xref targets that are URLs,
              xml:lang present on the root and every langSec/langSet, and valid BCP 47
With --rng, libxml2's RELAX NG (our schemas/, or --schema) checks the structure
instead of the native content models; the dialect and integrity checks still run.
Memory stays flat whatever the file size, apart from the set of ids. On a
terminal a progress line shows on standard error while a big file takes more
than 2 seconds (--quiet: none).

Examples:
  ilo-tbx validate glossary.tbx
  ilo-tbx validate --format json *.tbx > report.jsonl
  ilo-tbx validate --rng glossary.tbx
  ilo-tbx validate --schema TBXcoreStructV03.rng glossary.tbx
  ilo-tbx validate --max-errors 20 huge.tbx

Exit codes: 0 every file valid, 3 some file invalid, 1 some file unreadable or
not well-formed XML, 2 usage error.
)text";

struct ValidateRequest {
    std::vector<std::string> files;
    bool rng = false;
    std::string schema;
    std::string format = "text";
    std::size_t max_errors = 0;
    bool quiet = false;
};

std::string json_escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string quoted(std::string_view text) { return "\"" + json_escaped(text) + "\""; }

// "file:line:col: error [rule] c3/de: message; hint"
std::string text_line(const Diagnostic& diagnostic) {
    std::string out = diagnostic.pos.file;
    if (diagnostic.pos.known())
        out += ":" + std::to_string(diagnostic.pos.line) + ":" + std::to_string(diagnostic.pos.column);
    out += diagnostic.severity == Severity::error ? ": error" : ": warning";
    if (!diagnostic.code.empty()) out += " [" + diagnostic.code + "]";
    out += " ";
    if (!diagnostic.concept_id.empty() || !diagnostic.language.empty()) {
        out += diagnostic.concept_id.empty() ? std::string("?") : diagnostic.concept_id;
        if (!diagnostic.language.empty()) out += "/" + diagnostic.language;
        out += ": ";
    }
    out += diagnostic.message;
    if (!diagnostic.hint.empty()) out += "; " + diagnostic.hint;
    return out;
}

std::string json_line(const Diagnostic& diagnostic) {
    std::string out = "{\"type\":\"diagnostic\",\"file\":" + quoted(diagnostic.pos.file);
    out += ",\"line\":" + std::to_string(diagnostic.pos.line) + ",\"column\":" + std::to_string(diagnostic.pos.column);
    out += ",\"severity\":" + quoted(diagnostic.severity == Severity::error ? "error" : "warning");
    out += ",\"rule\":" + quoted(diagnostic.code);
    out += ",\"concept\":" + quoted(diagnostic.concept_id) + ",\"language\":" + quoted(diagnostic.language);
    out += ",\"message\":" + quoted(diagnostic.message) + ",\"hint\":" + quoted(diagnostic.hint) + "}";
    return out;
}

std::string describe(const validate::ValidateResult& result) {
    const validate::NativeResult& native = result.native;
    std::string out(validate::flavour_name(native.flavour));
    if (!native.declared_type.empty()) out += ", " + native.declared_type;
    if (native.flavour == validate::Flavour::v3) out += native.dct ? ", DCT" : ", DCA";
    out += ", " + std::to_string(native.concepts) + (native.concepts == 1 ? " entry" : " entries");
    return out;
}

}  // namespace

int run_validate(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    ValidateRequest request;
    po::options_description visible("Options");
    visible.add_options()("rng", po::bool_switch(&request.rng),
                          "check structure with libxml2 RELAX NG and the project's schemas")(
        "schema", po::value<std::string>(&request.schema)->value_name("FILE.rng"),
        "check structure with this RELAX NG schema (implies --rng)")(
        "format", po::value<std::string>(&request.format)->value_name("text|json"),
        "text (default), or json: one JSON object per line per diagnostic, then one per file and a summary")(
        "max-errors", po::value<std::size_t>(&request.max_errors)->value_name("N"),
        "stop checking a file after N errors (0: no limit)")(
        "quiet,q", po::bool_switch(&request.quiet),
        "text format: print only the diagnostics, no verdict lines; and no progress line (one is shown on a "
        "terminal while a big file takes more than 2 seconds)")("help,h", "show this help");
    const CommandName command{"validate", validate_usage};
    const std::optional<po::variables_map> parsed = parse_command_line(arguments, visible, request.files, command, err);
    if (!parsed) return exit_usage;
    if (parsed->count("help")) {
        out << validate_usage << validate_details << "\n" << visible;
        return exit_ok;
    }
    if (request.files.empty()) return usage_error(err, command, "no FILE given");
    if (request.format != "text" && request.format != "json") {
        err << "ilo-tbx validate: --format must be text or json, not '" << request.format << "'\n";
        return exit_usage;
    }
    const bool json = request.format == "json";

    validate::ValidateOptions options;
    options.max_errors = request.max_errors;
    if (request.rng || !request.schema.empty()) options.structure = validate::StructureMode::rng;
    if (!request.schema.empty()) {
        Diagnostics schema_diagnostics;
        std::optional<std::string> schema = read_file(request.schema, schema_diagnostics);
        if (!schema) {
            print_diagnostics(err, schema_diagnostics, {});
            return exit_bad_input;
        }
        options.schema_text = std::move(*schema);
        options.schema_name = request.schema;
    }

    std::size_t valid = 0, invalid = 0, broken = 0, total_errors = 0;
    for (const std::string& file : request.files) {
        Diagnostics diagnostics;
        Progress progress(err, progress_wanted(err, request.quiet), file, file_size_or_zero(file));
        options.on_read = [&](std::size_t count) { progress.add_bytes(count); };
        validate::ValidateResult result = validate::validate_tbx_file(file, file, options, diagnostics);
        progress.finish();
        total_errors += diagnostics.error_count();
        // In file order: the checks that need the whole file (targets) report last.
        std::vector<Diagnostic> ordered = diagnostics.items();
        std::stable_sort(ordered.begin(), ordered.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return std::tie(a.pos.line, a.pos.column) < std::tie(b.pos.line, b.pos.column);
        });
        for (const Diagnostic& diagnostic : ordered)
            out << (json ? json_line(diagnostic) : text_line(diagnostic)) << "\n";
        switch (result.verdict) {
            case validate::Verdict::valid: ++valid; break;
            case validate::Verdict::invalid: ++invalid; break;
            default: ++broken; break;
        }
        if (json) {
            out << "{\"type\":\"file\",\"file\":" << quoted(file) << ",\"verdict\":"
                << quoted(validate::verdict_name(result.verdict)) << ",\"flavour\":"
                << quoted(validate::flavour_name(result.native.flavour)) << ",\"dialect\":"
                << quoted(result.native.declared_type) << ",\"style\":"
                << quoted(result.native.flavour == validate::Flavour::v3 ? (result.native.dct ? "dct" : "dca") : "")
                << ",\"entries\":" << result.native.concepts << ",\"errors\":" << diagnostics.error_count()
                << ",\"suppressed_follow_on\":" << result.suppressed_follow_on
                << ",\"stopped_early\":" << (result.native.stopped_early ? "true" : "false") << "}\n";
        } else if (!request.quiet) {
            out << file << ": " << validate::verdict_name(result.verdict);
            if (result.verdict != validate::Verdict::unreadable) out << " (" << describe(result);
            if (result.verdict == validate::Verdict::invalid || result.verdict == validate::Verdict::not_well_formed)
                out << "; " << diagnostics.error_count() << (diagnostics.error_count() == 1 ? " error" : " errors");
            if (result.native.stopped_early) out << ", stopped at --max-errors";
            if (result.suppressed_follow_on > 0)
                out << "; " << result.suppressed_follow_on
                    << " more RELAX NG errors not shown, likely follow-ons: run without --rng to list each fault";
            if (result.verdict != validate::Verdict::unreadable) out << ")";
            out << "\n";
        }
    }
    if (json)
        out << "{\"type\":\"summary\",\"files\":" << request.files.size() << ",\"valid\":" << valid
            << ",\"invalid\":" << invalid << ",\"unreadable_or_not_well_formed\":" << broken
            << ",\"errors\":" << total_errors << "}\n";
    out.flush();
    if (broken > 0) return exit_bad_input;
    if (invalid > 0) return exit_invalid_output;
    return exit_ok;
}

}  // namespace ilo::cli
