// libFuzzer target for the EMN page reader, its output fed to every writer.
#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ilo::fuzz::read_then_write_everywhere("emn", data, size);
    return 0;
}
