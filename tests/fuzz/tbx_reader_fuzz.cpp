// libFuzzer target for the TBX reader: its output fed to every writer, and the raw bytes to the native validator.
#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ilo::fuzz::read_then_write_everywhere("tbx", data, size);
    ilo::fuzz::validate_raw(data, size);
    return 0;
}
