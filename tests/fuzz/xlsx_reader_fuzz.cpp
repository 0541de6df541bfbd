// libFuzzer target for the XLSX reader (ZIP container, workbook relationships, sheet XML), its output fed to every writer.
#include "fuzz_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ilo::fuzz::read_then_write_everywhere("xlsx", data, size);
    return 0;
}
