// Golden test: the seed page exported as TBX must equal samples/ilo.tbx byte for byte (ILO_TBX_ACCEPT=1 rewrites it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "ilo_tbx/embedded.hpp"
#include "ilo_tbx/emn_reader.hpp"
#include "ilo_tbx/format.hpp"
#include "validate/rng_validator.hpp"

namespace ilo {
namespace {

const std::string source_dir = ILO_SOURCE_DIR;
const std::string shared_dir = ILO_SHARED_DIR;

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot read " << path;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string messages(const Diagnostics& diagnostics) {
    std::string text;
    for (const Diagnostic& diagnostic : diagnostics.items()) text += format_diagnostic(diagnostic);
    return text;
}

// What `ilo-tbx export` writes for the built-in entry, made the same way: EMN reader into the TBX writer.
std::string export_seed(Diagnostics& diagnostics) {
    const std::string page = read_text(source_dir + "/samples/ilo-page.txt");
    TermBaseCollector collector;
    read_emn(Input{"samples/ilo-page.txt", page}, ReadOptions{}, diagnostics, collector);
    std::ostringstream out;
    write_term_base(*find_format("tbx"), collector.term_base(), out, WriteOptions{}, diagnostics);
    return out.str();
}

TEST(Golden, SamplePageIsTheSeed) {
    EXPECT_EQ(read_text(source_dir + "/samples/ilo-page.txt"),
              read_text(shared_dir + "/seeds/000_43751b83e7babf5f.txt"));
    EXPECT_EQ(std::string(embedded::ilo_page()), read_text(source_dir + "/samples/ilo-page.txt"))
        << "the binary's built-in page is stale";
}

TEST(Golden, SeedExportsToSamplesIloTbx) {
    Diagnostics diagnostics;
    const std::string written = export_seed(diagnostics);
    EXPECT_EQ(messages(diagnostics), "") << "the seed must export without any warning";
    const std::string golden = source_dir + "/samples/ilo.tbx";
    const char* accept = std::getenv("ILO_TBX_ACCEPT");
    if (accept && std::string(accept) == "1") {
        std::ofstream(golden, std::ios::binary) << written;
        GTEST_SKIP() << "rewrote " << golden;
    }
    EXPECT_EQ(written, read_text(golden)) << "run with ILO_TBX_ACCEPT=1 to accept the new output, then review the diff";
}

TEST(Golden, ExportIsDeterministic) {
    Diagnostics first, second;
    EXPECT_EQ(export_seed(first), export_seed(second));
}

TEST(Golden, GoldenPassesTheOfficialCoreRngAndOurs) {
    const std::string golden = source_dir + "/samples/ilo.tbx";
    Diagnostics official;
    EXPECT_TRUE(validate_rng_file(golden, "samples/ilo.tbx",
                                  read_text(shared_dir + "/reference/tbx/ltac-tbx-core-rng/TBXcoreStructV03.rng"),
                                  "TBXcoreStructV03.rng", official))
        << messages(official);
    Diagnostics ours;
    EXPECT_TRUE(validate_rng_file(golden, "samples/ilo.tbx", embedded::tbx_v3_core_rng(), "tbx-v3-core.rng", ours))
        << messages(ours);
}

}  // namespace
}  // namespace ilo
