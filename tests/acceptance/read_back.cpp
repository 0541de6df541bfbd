// Test helper: reads one file with ilo-tbx's own reader (picked by extension) and prints the JSON model, for the acceptance round trips.
// It stands in for `ilo-tbx import FILE --to json` until that command is on main; diagnostics go to
// stderr, and any error gives exit code 1 and no JSON.
#include <iostream>
#include <optional>
#include <string>

#include "ilo_tbx/files.hpp"
#include "ilo_tbx/format.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: acceptance_read_back FILE\n";
        return 2;
    }
    const std::string path = argv[1];
    ilo::Diagnostics diagnostics;
    const ilo::Format* format = ilo::format_for_path(path);
    const ilo::Format* json = ilo::find_format("json");
    if (format == nullptr || format->read == nullptr || json == nullptr) {
        std::cerr << path << ": ilo-tbx has no reader for this file's extension\n";
        return 2;
    }
    std::optional<std::string> text = ilo::read_file(path, diagnostics);
    ilo::TermBase term_base;
    if (text) term_base = ilo::read_term_base(*format, ilo::Input{path, *text}, ilo::ReadOptions{}, diagnostics);
    for (const ilo::Diagnostic& diagnostic : diagnostics.items()) std::cerr << ilo::format_diagnostic(diagnostic) << "\n";
    if (!text || diagnostics.has_errors()) return 1;
    ilo::write_term_base(*json, term_base, std::cout, ilo::WriteOptions{}, diagnostics);
    return diagnostics.has_errors() ? 1 : 0;
}
