// Shared body of every reader fuzz target: read arbitrary bytes, then feed what was read to every writer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "formats/format.hpp"

namespace ilo::fuzz {

// Reads `data` with the named reader. Whatever it accepts must be writable by
// every writer without crashing; the sanitizers and libFuzzer do the judging.
inline void read_then_write_everywhere(std::string_view reader_name, const std::uint8_t* data, std::size_t size) {
    const Format* reader = find_format(reader_name);
    if (!reader || !reader->read) __builtin_trap();  // a misnamed target must fail loudly, not fuzz nothing
    Diagnostics diagnostics;
    Input input{"fuzz-input", std::string_view(reinterpret_cast<const char*>(data), size)};
    TermBase term_base = read_term_base(*reader, input, ReadOptions{}, diagnostics);
    if (diagnostics.has_errors()) return;
    for (const Format& writer : formats()) {
        if (!writer.writer) continue;
        std::ostringstream out;
        Diagnostics write_diagnostics;
        write_term_base(writer, term_base, out, WriteOptions{}, write_diagnostics);
    }
}

}  // namespace ilo::fuzz
