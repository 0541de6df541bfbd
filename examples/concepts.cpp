// Example consumer of the installed ilo-tbx library: reads a term base, lists its concepts, writes TBX 2008 and validates it.
//
// Usage: ilo_tbx_concepts [--out OUTPUT.tbx] [INPUT]
//   INPUT   a term base in any format ilo-tbx reads, chosen by its extension (.tbx, .json, .csv...);
//           without it, the EMN glossary entry for the ILO built into the library
//   OUTPUT  where to write the TBX 2008 (TBX-Basic) rendering; without it, only its size is printed
// Exit status: 0 ok, 1 the input or the output had errors, 2 usage, 4 a file could not be read or written.
#include <ilo_tbx/diagnostics.hpp>
#include <ilo_tbx/embedded.hpp>
#include <ilo_tbx/files.hpp>
#include <ilo_tbx/format.hpp>
#include <ilo_tbx/model.hpp>
#include <ilo_tbx/native_validator.hpp>

#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {

void print_diagnostics(const ilo::Diagnostics& diagnostics) {
    for (const ilo::Diagnostic& diagnostic : diagnostics.items()) std::cerr << ilo::format_diagnostic(diagnostic);
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> arguments(argv + 1, argv + argc);
    std::string out_path;
    if (arguments.size() >= 2 && arguments[0] == "--out") {
        out_path = arguments[1];
        arguments.erase(arguments.begin(), arguments.begin() + 2);
    }
    if (arguments.size() > 1 || (!arguments.empty() && arguments[0].starts_with("-"))) {
        std::cerr << "usage: ilo_tbx_concepts [--out OUTPUT.tbx] [INPUT]\n";
        return 2;
    }
    ilo::Diagnostics diagnostics;

    // The input's text and its format. The library reads from memory: Input only views the text, which
    // must outlive the read call (here it lives until the end of main).
    std::string text;
    ilo::Input input;
    const ilo::Format* format = nullptr;
    if (!arguments.empty()) {
        const std::string& path = arguments[0];
        std::optional<std::string> file = ilo::read_file(path, diagnostics);  // nothing + "io.read" on failure
        if (!file) {
            print_diagnostics(diagnostics);
            return 4;
        }
        text = std::move(*file);
        input = ilo::Input{path, text};
        format = ilo::format_for_path(path);  // null for an extension no format claims
        if (format == nullptr || format->read == nullptr) {
            std::cerr << path << ": not a format ilo-tbx reads (by its extension)\n";
            return 2;
        }
    } else {
        input = ilo::Input{"<built-in ILO entry>", ilo::embedded::ilo_page()};
        format = ilo::find_format("emn");
    }

    // Reading never throws for bad input: problems become diagnostics, and on an error the term base
    // holds what was read before it.
    ilo::TermBase term_base = ilo::read_term_base(*format, input, ilo::ReadOptions{}, diagnostics);
    if (diagnostics.has_errors()) {
        print_diagnostics(diagnostics);
        return 1;
    }

    std::cout << "read " << format->name << ": " << term_base.concepts.size() << " concept(s)\n";
    for (const ilo::Concept& concept_value : term_base.concepts) {
        std::size_t terms = 0;
        for (const ilo::LanguageSection& section : concept_value.languages) terms += section.terms.size();
        std::cout << "concept " << concept_value.id << ": " << concept_value.languages.size() << " languages, "
                  << terms << " terms\n";
        for (const ilo::LanguageSection& section : concept_value.languages) {
            if (section.language != "en" && section.language != "fr") continue;
            for (const ilo::Term& term : section.terms) std::cout << "  " << section.language << ": " << term.text << "\n";
        }
    }

    // Writing: whatever TBX 2008 cannot hold is a warning, never silently dropped.
    std::ostringstream tbx2008;
    ilo::write_term_base(*ilo::find_format("tbx2008"), term_base, tbx2008, ilo::WriteOptions{}, diagnostics);
    if (diagnostics.has_errors()) {
        print_diagnostics(diagnostics);
        return 1;
    }
    const std::string document = tbx2008.str();

    // The native validator checks structure, the dialect's rules and integrity, in one pass over the text.
    ilo::validate::NativeResult result = ilo::validate::validate_native(document, "<tbx2008>", {}, diagnostics);
    std::cout << "tbx2008: " << document.size() << " bytes, " << ilo::validate::verdict_name(result.verdict) << " ("
              << ilo::validate::flavour_name(result.flavour) << ", " << result.declared_type << ", "
              << result.concepts << " concept(s))\n";
    print_diagnostics(diagnostics);
    if (result.verdict != ilo::validate::Verdict::valid) return 1;

    if (!out_path.empty()) {
        // AtomicOutputFile: the file appears under its name only when commit() succeeds.
        ilo::AtomicOutputFile output(out_path);
        if (!output.open(diagnostics)) {
            print_diagnostics(diagnostics);
            return 4;
        }
        output.stream() << document;
        if (!output.commit(diagnostics)) {
            print_diagnostics(diagnostics);
            return 4;
        }
        std::cout << "wrote " << out_path << "\n";
    }
    return 0;
}
