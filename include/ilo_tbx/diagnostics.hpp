// Errors and warnings as values with positions, and the one helper that turns byte offsets into line:column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ilo_tbx/model.hpp"

namespace ilo {

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    SourcePos pos;
    std::string code;     // a stable rule id, e.g. "emn.unplaced-line"; tests match on it
    std::string message;  // one line, says what was expected
    std::string hint;        // optional: how to fix it, e.g. "use one of noun, verb, adjective"
    std::string concept_id;  // optional: the entry the problem sits in, e.g. "c3"
    std::string language;    // optional: the language section it sits in, e.g. "de"
    bool operator==(const Diagnostic& other) const {
        return severity == other.severity && pos.file == other.pos.file && pos.line == other.pos.line &&
               pos.column == other.pos.column && code == other.code && message == other.message &&
               hint == other.hint && concept_id == other.concept_id && language == other.language;
    }
};

// Collects diagnostics in the order they were found. Readers, writers and
// validators add to it; only the CLI prints it.
class Diagnostics {
public:
    void error(SourcePos pos, std::string code, std::string message);
    void warning(SourcePos pos, std::string code, std::string message);
    void add(Diagnostic diagnostic);

    bool has_errors() const { return error_count_ > 0; }
    std::size_t error_count() const { return error_count_; }
    std::size_t warning_count() const { return items_.size() - error_count_; }
    const std::vector<Diagnostic>& items() const { return items_; }

private:
    std::vector<Diagnostic> items_;
    std::size_t error_count_ = 0;
};

// Maps byte offsets of one text to 1-based line and code-point column.
// Lines end at LF, CRLF or a bare CR. The text must outlive the index.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    SourcePos position(std::size_t byte_offset, std::string file = {}) const;
    // The text of line `line` (1-based), without its line end.
    std::string_view line_text(std::uint32_t line) const;

private:
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
};

// "file:line:col: error: message [code]", then, when the source line is known,
// the line and a caret under the column.
std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view source_line = {});

}  // namespace ilo
