// libFuzzer target for the JSON model reader (a hand-edited or tool-made model file), its output fed to every writer.
#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ilo::fuzz::read_then_write_everywhere("json", data, size);
    return 0;
}
