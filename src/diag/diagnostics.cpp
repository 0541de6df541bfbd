// Diagnostic collection, offset-to-position mapping and the human-readable rendering.
#include "ilo_tbx/diagnostics.hpp"

#include <algorithm>

namespace ilo {

void Diagnostics::error(SourcePos pos, std::string code, std::string message) {
    add({Severity::error, std::move(pos), std::move(code), std::move(message)});
}

void Diagnostics::warning(SourcePos pos, std::string code, std::string message) {
    add({Severity::warning, std::move(pos), std::move(code), std::move(message)});
}

void Diagnostics::add(Diagnostic diagnostic) {
    if (diagnostic.severity == Severity::error) ++error_count_;
    items_.push_back(std::move(diagnostic));
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            line_starts_.push_back(i + 1);
        } else if (text[i] == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            line_starts_.push_back(i + 1);
        }
    }
}

namespace {
bool is_utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The length of the well-formed UTF-8 sequence at the start of `text` (by its lead byte and the count of its
// continuation bytes), or 0.
std::size_t utf8_sequence_length(std::string_view text) {
    const auto lead = static_cast<unsigned char>(text[0]);
    const std::size_t length = lead < 0x80                   ? 1
                               : lead >= 0xC2 && lead < 0xE0 ? 2
                               : lead >= 0xE0 && lead < 0xF0 ? 3
                               : lead >= 0xF0 && lead < 0xF5 ? 4
                                                             : 0;
    if (length == 0 || length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k)
        if (!is_utf8_continuation(text[k])) return 0;
    return length;
}
}  // namespace

SourcePos LineIndex::position(std::size_t byte_offset, std::string file) const {
    byte_offset = std::min(byte_offset, text_.size());
    auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
    auto line_number = static_cast<std::size_t>(next_line - line_starts_.begin());
    std::size_t line_start = line_starts_[line_number - 1];
    std::uint32_t column = 1;
    for (std::size_t i = line_start; i < byte_offset; ++i) {
        if (!is_utf8_continuation(text_[i])) ++column;
    }
    return SourcePos{std::move(file), static_cast<std::uint32_t>(line_number), column};
}

std::string_view LineIndex::line_text(std::uint32_t line) const {
    if (line == 0 || line > line_starts_.size()) return {};
    std::size_t start = line_starts_[line - 1];
    std::size_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
    while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
    return text_.substr(start, end - start);
}

std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view source_line) {
    std::string out;
    const SourcePos& pos = diagnostic.pos;
    if (!pos.file.empty()) {
        out += pos.file;
        if (pos.known()) out += ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
        out += ": ";
    }
    out += diagnostic.severity == Severity::error ? "error: " : "warning: ";
    out += diagnostic.message;
    if (!diagnostic.hint.empty()) out += "; " + diagnostic.hint;
    if (!diagnostic.code.empty()) out += " [" + diagnostic.code + "]";
    out += "\n";
    if (!source_line.empty() && pos.known()) {
        // A very long line (minified XML, a hostile attribute) is cut to a window around the column.
        constexpr std::uint32_t context = 80;
        std::uint32_t first_column = pos.column > context ? pos.column - context : 1;
        std::uint32_t column = 1;
        std::size_t begin = 0;
        while (begin < source_line.size() && column < first_column) {
            ++begin;
            while (begin < source_line.size() && is_utf8_continuation(source_line[begin])) ++begin;
            ++column;
        }
        std::size_t end = begin;
        for (std::uint32_t shown = 0; end < source_line.size() && shown < 2 * context; ++shown) {
            ++end;
            while (end < source_line.size() && is_utf8_continuation(source_line[end])) ++end;
        }
        std::string_view shown = source_line.substr(begin, end - begin);
        out += begin > 0 ? "  ..." : "  ";
        // Control characters (a binary file, a NUL) would garble the terminal, and bytes that are not UTF-8 (bad
        // bytes, a legacy encoding) would reach it as they are: each such byte shows as U+FFFD.
        for (std::size_t i = 0; i < shown.size();) {
            const auto byte = static_cast<unsigned char>(shown[i]);
            const std::size_t length = utf8_sequence_length(shown.substr(i));
            if (length == 0 || (byte < 0x20 && byte != '\t') || byte == 0x7F) {
                out += "\xEF\xBF\xBD";
                ++i;
            } else {
                out.append(shown.substr(i, length));
                i += length;
            }
        }
        if (end < source_line.size()) out += "...";
        out += begin > 0 ? "\n     " : "\n  ";
        // The caret lines up by code points, which is right for all but wide (CJK) glyphs.
        column = first_column;
        for (std::size_t i = 0; i < shown.size() && column < pos.column; ++i) {
            if (is_utf8_continuation(shown[i])) continue;
            out += shown[i] == '\t' ? '\t' : ' ';
            ++column;
        }
        out += "^\n";
    }
    return out;
}

}  // namespace ilo
