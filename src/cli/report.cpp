// Prints diagnostics for people: position, severity, message, then the source line and a caret.
#include <map>
#include <ostream>

#include "cli/cli.hpp"

namespace ilo::cli {

void print_diagnostics(std::ostream& err, const Diagnostics& diagnostics, const SourceTexts& sources) {
    print_diagnostics(err, diagnostics, sources, {});
}

void print_diagnostics(std::ostream& err, const Diagnostics& diagnostics, const SourceTexts& sources,
                       const SourceLines& lines) {
    std::map<std::string_view, LineIndex> indexes;  // built once per file, not once per diagnostic
    for (const Diagnostic& diagnostic : diagnostics.items()) {
        std::string_view line;
        if (auto source = sources.find(diagnostic.pos.file); source != sources.end() && diagnostic.pos.known()) {
            auto index = indexes.find(source->first);
            if (index == indexes.end()) index = indexes.emplace(source->first, LineIndex(source->second)).first;
            line = index->second.line_text(diagnostic.pos.line);
        } else if (auto file = lines.find(diagnostic.pos.file); file != lines.end() && diagnostic.pos.known()) {
            if (auto found = file->second.find(diagnostic.pos.line); found != file->second.end()) line = found->second;
        }
        err << format_diagnostic(diagnostic, line);
    }
}

}  // namespace ilo::cli
