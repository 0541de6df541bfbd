// Prints diagnostics for people: position, severity, message, then the source line and a caret.
#include <ostream>

#include "cli/cli.hpp"

namespace ilo::cli {

void print_diagnostics(std::ostream& err, const Diagnostics& diagnostics, const SourceTexts& sources) {
    for (const Diagnostic& diagnostic : diagnostics.items()) {
        std::string_view line;
        if (auto source = sources.find(diagnostic.pos.file); source != sources.end() && diagnostic.pos.known())
            line = LineIndex(source->second).line_text(diagnostic.pos.line);
        err << format_diagnostic(diagnostic, line);
    }
}

}  // namespace ilo::cli
