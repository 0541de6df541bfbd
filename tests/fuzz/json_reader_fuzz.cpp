// libFuzzer target for the JSON model reader (a hand-edited or tool-made model file), its output fed to every writer,
// and read in chunks (as the CLI reads a big file) against the same text read whole.
#include "../support/text_source.hpp"
#include "fuzz_reader.hpp"

namespace {

std::string rendered(const ilo::Diagnostics& diagnostics) {
    std::string out;
    for (const ilo::Diagnostic& diagnostic : diagnostics.items()) out += ilo::format_diagnostic(diagnostic);
    return out;
}

bool has_code(const ilo::Diagnostics& diagnostics, std::string_view code) {
    for (const ilo::Diagnostic& diagnostic : diagnostics.items())
        if (diagnostic.code == code) return true;
    return false;
}

// Read whole, the bytes are checked (UTF-8, no NUL byte) before anything is parsed; in chunks, as each chunk comes,
// so what comes before a bad byte may be reported first, or instead. Then both must fail; otherwise both must say
// and give the same.
void compare_chunked(std::string_view text, const ilo::fuzz::WholeReading& whole_reading) {
    const ilo::Format& json = *ilo::find_format("json");
    const ilo::Diagnostics& whole_diagnostics = whole_reading.diagnostics;
    const ilo::TermBase& whole = whole_reading.term_base;
    const std::uint32_t hash = ilo::fuzz::fnv1a(text);
    const std::size_t chunk_size = hash % 17 == 0 ? 4093 : 1 + hash % 64;
    ilo::test::TextSource source(text, true);
    ilo::ReadOptions options;
    options.chunk_size = chunk_size;
    ilo::Diagnostics chunked_diagnostics;
    const ilo::TermBase chunked =
        ilo::read_term_base(json, ilo::Input{"fuzz-input", {}, &source}, options, chunked_diagnostics);
    const std::string how = " (chunks of " + std::to_string(chunk_size) + ")";
    const bool encoding_problem = has_code(whole_diagnostics, "encoding.invalid-utf8") ||
                                  has_code(chunked_diagnostics, "encoding.invalid-utf8") ||
                                  has_code(whole_diagnostics, "json.nul") || has_code(chunked_diagnostics, "json.nul");
    if (encoding_problem) {
        if (whole_diagnostics.has_errors() != chunked_diagnostics.has_errors())
            ilo::fuzz::property_broken("read in chunks, the JSON with bad bytes " +
                                           std::string(whole_diagnostics.has_errors() ? "passes" : "fails") + how +
                                           ":\nwhole:\n" + rendered(whole_diagnostics) + "chunked:\n" +
                                           rendered(chunked_diagnostics),
                                       {});
        return;
    }
    if (rendered(chunked_diagnostics) != rendered(whole_diagnostics))
        ilo::fuzz::property_broken("read in chunks, the JSON gives other diagnostics" + how + ":\nwhole:\n" +
                                       rendered(whole_diagnostics) + "chunked:\n" + rendered(chunked_diagnostics),
                                   {});
    if (!(chunked == whole) || chunked.concepts.size() != whole.concepts.size())
        ilo::fuzz::property_broken("read in chunks, the JSON gives another model" + how, {});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ilo::fuzz::WholeReading whole = ilo::fuzz::read_then_write_everywhere("json", data, size);
    compare_chunked(std::string_view(reinterpret_cast<const char*>(data), size), whole);
    return 0;
}
