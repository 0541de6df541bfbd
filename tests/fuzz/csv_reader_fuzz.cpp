// libFuzzer target for the CSV reader (delimiter, encoding and layout detection), its output fed to every writer.
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    ilo::fuzz::read_then_write_everywhere("csv", data, size, true, options_for(input));
    return 0;
}
