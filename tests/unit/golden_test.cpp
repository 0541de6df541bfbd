// Golden test: the seed page exported as TBX must equal samples/ilo.tbx byte for byte (ILO_TBX_ACCEPT=1 rewrites it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "ilo_tbx/embedded.hpp"
#include "ilo_tbx/emn_reader.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/native_validator.hpp"
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
std::string export_seed(Diagnostics& diagnostics, const WriteOptions& options = {}) {
    const std::string page = read_text(source_dir + "/samples/ilo-page.txt");
    TermBaseCollector collector;
    read_emn(Input{"samples/ilo-page.txt", page}, ReadOptions{}, diagnostics, collector);
    std::ostringstream out;
    write_term_base(*find_format("tbx"), collector.term_base(), out, options, diagnostics);
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

// The seed in the other dialects and styles: each has its golden file beside samples/ilo.tbx, and the
// losses each dialect reports for it, exactly.
struct DialectGolden {
    const char* golden;
    TbxDialect dialect;
    TbxStyle style;
    const char* losses;
};

class SeedInDialect : public testing::TestWithParam<DialectGolden> {};

// What TBX-Min lacks of the seed: the English definition (with its source) and every term type.
constexpr const char* min_losses =
    "samples/ilo-page.txt:5:1: warning: immigration-liaison-officer-ilo/en: definition: TBX-Min has no such "
    "category; written as a note \"definition: ...\" [tbx.loss]\n"
    "samples/ilo-page.txt:5:1: warning: immigration-liaison-officer-ilo/en 'Immigration Liaison Officer': termType: "
    "TBX-Min has no such category; written as a note \"termType: ...\" [tbx.loss]\n"
    "samples/ilo-page.txt:5:30: warning: immigration-liaison-officer-ilo/en 'ILO': termType: TBX-Min has no such "
    "category; written as a note \"termType: ...\" [tbx.loss]\n"
    "samples/ilo-page.txt:23:9: warning: immigration-liaison-officer-ilo/ga 'Oifigeach Idirchaidrimh Inimirce': "
    "termType: TBX-Min has no such category; written as a note \"termType: ...\" [tbx.loss]\n"
    "samples/ilo-page.txt:23:43: warning: immigration-liaison-officer-ilo/ga 'ILO': termType: TBX-Min has no such "
    "category; written as a note \"termType: ...\" [tbx.loss]\n"
    "samples/ilo-page.txt:28:9: warning: immigration-liaison-officer-ilo/mt 'Uffi\u010bjal tal-Kollegament "
    "Responsabbli g\u0127all\u2011Immigrazzjoni': termType: TBX-Min has no such category; written as a note "
    "\"termType: ...\" [tbx.loss]\n"
    "samples/ilo-page.txt:28:68: warning: immigration-liaison-officer-ilo/mt 'UKRI': termType: TBX-Min has no such "
    "category; written as a note \"termType: ...\" [tbx.loss]\n"
    "samples/ilo-page.txt:32:55: warning: immigration-liaison-officer-ilo/ro 'ILO': termType: TBX-Min has no such "
    "category; written as a note \"termType: ...\" [tbx.loss]\n";

TEST_P(SeedInDialect, ExportsToItsGoldenFile) {
    const DialectGolden& param = GetParam();
    WriteOptions options;
    options.dialect = param.dialect;
    options.style = param.style;
    Diagnostics diagnostics;
    const std::string written = export_seed(diagnostics, options);
    EXPECT_EQ(messages(diagnostics), param.losses);
    Diagnostics again;
    EXPECT_EQ(export_seed(again, options), written) << "not deterministic";
    const std::string golden = source_dir + "/" + param.golden;
    const char* accept = std::getenv("ILO_TBX_ACCEPT");
    if (accept && std::string(accept) == "1") {
        std::ofstream(golden, std::ios::binary) << written;
        GTEST_SKIP() << "rewrote " << golden;
    }
    EXPECT_EQ(written, read_text(golden)) << "run with ILO_TBX_ACCEPT=1 to accept the new output, then review the diff";
    Diagnostics official;
    EXPECT_TRUE(validate_rng_file(golden, param.golden,
                                  read_text(shared_dir + "/reference/tbx/ltac-tbx-core-rng/TBXcoreStructV03.rng"),
                                  "TBXcoreStructV03.rng", official))
        << messages(official);
    Diagnostics ours;
    EXPECT_EQ(validate::validate_native(read_text(golden), param.golden, {}, ours).verdict, validate::Verdict::valid)
        << messages(ours);
}

// DCT carries all of the seed that DCA carries: both read back to the same model.
TEST(Golden, DctGoldenReadsBackAsTheDcaGolden) {
    Diagnostics diagnostics;
    const Format& tbx = *find_format("tbx");
    const std::string dca = read_text(source_dir + "/samples/ilo.tbx");
    const std::string dct = read_text(source_dir + "/samples/ilo-dct.tbx");
    EXPECT_TRUE(read_term_base(tbx, Input{"ilo.tbx", dca}, {}, diagnostics) ==
                read_term_base(tbx, Input{"ilo-dct.tbx", dct}, {}, diagnostics));
    EXPECT_EQ(messages(diagnostics), "");
}

INSTANTIATE_TEST_SUITE_P(Golden, SeedInDialect,
                         testing::Values(DialectGolden{"samples/ilo-dct.tbx", TbxDialect::basic, TbxStyle::dct, ""},
                                         DialectGolden{"samples/ilo-min.tbx", TbxDialect::min, TbxStyle::dca,
                                                       min_losses},
                                         DialectGolden{"samples/ilo-min-dct.tbx", TbxDialect::min, TbxStyle::dct,
                                                       min_losses}),
                         [](const testing::TestParamInfo<DialectGolden>& param_info) {
                             std::string name = param_info.param.golden;
                             name = name.substr(name.find('/') + 1);
                             name = name.substr(0, name.find('.'));
                             for (char& c : name)
                                 if (c == '-') c = '_';
                             return name;
                         });

}  // namespace
}  // namespace ilo
