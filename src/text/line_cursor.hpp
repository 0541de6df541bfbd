// A running line and column over text given piece by piece: the positions of streamed input.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#include "text/unicode_text.hpp"

namespace ilo::text {

// A running line/column: moves forward over the text it is given, so a whole
// read stays linear even for a file that is one long line, and the text it has
// passed can be dropped. Lines end at LF, CRLF or a bare CR, as in LineIndex.
class LineCursor {
public:
    LineCursor() = default;

    std::size_t offset() const { return offset_; }
    std::pair<std::uint32_t, std::uint32_t> position() const { return {line_, column_}; }

    // Moves over `bytes`, the text that starts at offset().
    void advance(std::string_view bytes) {
        if (bytes.empty()) return;
        offset_ += bytes.size();
        const char* data = bytes.data();
        std::size_t size = bytes.size();
        if (std::memchr(data, '\r', size)) {
            for (char c : bytes) step(c);
            return;
        }
        std::size_t from = 0;
        if (after_cr_ && data[0] == '\n') from = 1;  // the LF of a CRLF cut between two pieces
        after_cr_ = false;
        const char* last_break = nullptr;
        std::uint32_t breaks = 0;
        for (const char* at = data + from;
             (at = static_cast<const char*>(std::memchr(at, '\n', size - static_cast<std::size_t>(at - data)))); ++at) {
            ++breaks;
            last_break = at;
        }
        std::size_t line_start = from;
        if (last_break) {
            line_ += breaks;
            column_ = 1;
            line_start = static_cast<std::size_t>(last_break - data) + 1;
        }
        column_ += code_points(data + line_start, size - line_start);
    }

private:
    static std::uint32_t code_points(const char* data, std::size_t size) {
        return static_cast<std::uint32_t>(text::count_code_points({data, size}));
    }

    void step(char c) {
        if (c == '\n') {
            if (!after_cr_) {
                ++line_;
                column_ = 1;
            }
            after_cr_ = false;
        } else if (c == '\r') {
            ++line_;
            column_ = 1;
            after_cr_ = true;
        } else {
            after_cr_ = false;
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column_;
        }
    }

    std::size_t offset_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t column_ = 1;
    bool after_cr_ = false;  // the last byte was a CR: a LF next ends no further line
};

}  // namespace ilo::text
