// libFuzzer target for the CSV reader (delimiter, encoding and layout detection), its output fed to every writer,
// and read in chunks (as the CLI reads a big file) against the same text read whole.
#include "../support/text_source.hpp"
#include "fuzz_reader.hpp"

namespace {

// The options a user gives on the command line open paths that detection alone never takes: pair layouts
// (--source-lang, --langs), each tool's profile, another separator, no formula escape. Picked by a hash of the
// input, so that a replay reads it the same way: three inputs in four are read with options.
ilo::ReadOptions options_for(std::string_view input) {
    const std::uint32_t hash = ilo::fuzz::fnv1a(input);
    ilo::ReadOptions options;
    switch (hash % 4) {
        case 0: break;
        case 1:
            options.csv.source_language = "en";
            options.csv.languages = {"de"};
            break;
        case 2:
            options.csv.profile = static_cast<ilo::CsvProfile>(1 + (hash / 4) % 8);  // memoq ... translate_toolkit
            options.csv.source_language = "en";
            options.csv.languages = {"de"};
            break;
        case 3:
            options.csv.separator = " ; ";
            options.csv.formula_escape = false;
            break;
    }
    return options;
}

std::string rendered(const ilo::Diagnostics& diagnostics) {
    std::string out;
    for (const ilo::Diagnostic& diagnostic : diagnostics.items()) out += ilo::format_diagnostic(diagnostic);
    return out;
}

// A big file is tokenized as it is read when it is plain UTF-8, and read whole first otherwise: either way, in
// chunks of any size, it must give the same concepts and the same diagnostics as the text read whole.
void compare_chunked(std::string_view text, ilo::ReadOptions options, const ilo::fuzz::WholeReading& whole_reading) {
    const ilo::Format& csv = *ilo::find_format("csv");
    const ilo::Diagnostics& whole_diagnostics = whole_reading.diagnostics;
    const ilo::TermBase& whole = whole_reading.term_base;
    const std::uint32_t hash = ilo::fuzz::fnv1a(text);
    options.chunk_size = hash % 17 == 0 ? 4093 : 1 + (hash >> 8) % 64;
    ilo::test::TextSource source(text, true);
    ilo::Diagnostics chunked_diagnostics;
    const ilo::TermBase chunked =
        ilo::read_term_base(csv, ilo::Input{"fuzz-input", {}, &source}, options, chunked_diagnostics);
    const std::string how = " (chunks of " + std::to_string(options.chunk_size) + ")";
    if (rendered(chunked_diagnostics) != rendered(whole_diagnostics))
        ilo::fuzz::property_broken("read in chunks, the CSV gives other diagnostics" + how + ":\nwhole:\n" +
                                       rendered(whole_diagnostics) + "chunked:\n" + rendered(chunked_diagnostics),
                                   {});
    if (!(chunked == whole) || chunked.concepts.size() != whole.concepts.size())
        ilo::fuzz::property_broken("read in chunks, the CSV gives another model" + how, {});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const ilo::ReadOptions options = options_for(input);
    const ilo::fuzz::WholeReading whole = ilo::fuzz::read_then_write_everywhere("csv", data, size, true, options);
    compare_chunked(input, options, whole);
    return 0;
}
