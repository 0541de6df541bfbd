// Checks that our TBX v3 core schema and LTAC's official core RNG give the same verdict on every TBX file we have.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ilo_tbx/embedded.hpp"
#include "validate/rng_validator.hpp"

namespace ilo {
namespace {

namespace fs = std::filesystem;

const fs::path shared_dir{ILO_SHARED_DIR};
const fs::path agreement_dir = fs::path(ILO_SOURCE_DIR) / "tests" / "data" / "rng-agreement";

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

const std::string& official_core_rng() {
    static const std::string schema = read_text(shared_dir / "reference/tbx/ltac-tbx-core-rng/TBXcoreStructV03.rng");
    return schema;
}

// Every .tbx file of the shared reference data (LTAC samples and real-world files), as paths relative to it.
std::vector<std::string> reference_files() {
    std::vector<std::string> files;
    const fs::path root = shared_dir / "reference";
    for (const char* folder : {"tbx", "real-world/tbx"}) {
        if (!fs::is_directory(root / folder)) continue;
        for (const auto& item : fs::recursive_directory_iterator(root / folder))
            if (item.is_regular_file() && item.path().extension() == ".tbx")
                files.push_back(fs::relative(item.path(), root).string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> agreement_cases() {
    std::vector<std::string> files;
    for (const auto& item : fs::directory_iterator(agreement_dir))
        if (item.path().extension() == ".tbx") files.push_back(item.path().filename().string());
    std::sort(files.begin(), files.end());
    return files;
}

// The verdict VALIDATION.md records for each TBX v3 file (root <tbx> in the ISO namespace):
// true = valid under the core structure. The core RNG does not check data categories,
// so the *_bad files about data categories are structurally valid.
const std::map<std::string, bool>& expected_v3_verdicts() {
    static const std::map<std::string, bool> verdicts{
        {"tbx/ltac-tbx-basic/DCA/Example_Astronomy_DCA_VALID.tbx", true},
        {"tbx/ltac-tbx-basic/DCT/Example_Astronomy_DCT_VALID.tbx", true},
        {"tbx/ltac-tbx-core/Schemas/Example_Astronomy_DCA_VALID.tbx", true},
        {"tbx/ltac-tbx-min/DCA/Example_Astronomy_DCA_VALID.tbx", true},
        {"tbx/ltac-tbx-min/DCT/Example_Astronomy_DCT_VALID.tbx", true},
        {"tbx/ltac-tbx-converter-samples/tests/resources/converted-by-pl/Good-Basic2.tbx", true},
        {"tbx/ltac-tbx-test-files/basic_good.tbx", true},
        {"tbx/ltac-tbx-test-files/min_good.tbx", true},
        {"tbx/ltac-tbx-test-files/core_structure_good.tbx", true},
        {"tbx/ltac-tbx-test-files/basic_bad.tbx", true},
        {"tbx/ltac-tbx-test-files/min_bad.tbx", true},
        {"tbx/ltac-tbx-test-files/core_structure_bad.tbx", false},
        {"tbx/ltac-tbx-test-files/poorly_formed_xml.tbx", false},
        {"tbx/tbx-basic-package-v3/TBX-basic-sample.tbx", true},
        {"tbx/tbx-basic-package-v3/tbx_basic_sample_badattribute.tbx", true},
        {"tbx/tbx-basic-package-v3/tbx_basic_sample_badelementcontent.tbx", true},
        {"tbx/tbx-basic-package-v3/tbx_basic_sample_badtargetattribute_value.tbx", true},
        {"tbx/tbx-basic-package-v3/tbx_basic_sample_badelement.tbx", false},
        {"tbx/tbx-basic-package-v3/tbx_basic_sample_badelementorder.tbx", false},
        {"tbx/tbx-basic-package-v3/tbx_basic_sample_notwellformed.tbx", false},
    };
    return verdicts;
}

bool is_tbx_v3(const std::string& text) {
    return text.find("<tbx") != std::string::npos && text.find("urn:iso:std:iso:30042:ed-2") != std::string::npos;
}

struct Verdicts {
    bool official;
    bool ours;
    std::string official_messages;
    std::string our_messages;
};

std::string joined(const Diagnostics& diagnostics) {
    std::string text;
    for (const Diagnostic& diagnostic : diagnostics.items())
        text += "  " + std::to_string(diagnostic.pos.line) + ": " + diagnostic.message + "\n";
    return text;
}

Verdicts judge(const fs::path& path) {
    Diagnostics official, ours;
    bool official_valid =
        validate_rng_file(path.string(), path.filename().string(), official_core_rng(), "TBXcoreStructV03.rng", official);
    bool our_valid =
        validate_rng_file(path.string(), path.filename().string(), embedded::tbx_v3_core_rng(), "tbx-v3-core.rng", ours);
    return {official_valid, our_valid, joined(official), joined(ours)};
}

std::string test_name(const std::string& path) {
    std::string name;
    for (char c : path) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return name;
}

class ReferenceFileAgreement : public testing::TestWithParam<std::string> {};

TEST_P(ReferenceFileAgreement, OurSchemaGivesTheOfficialVerdict) {
    const fs::path path = shared_dir / "reference" / GetParam();
    Verdicts verdicts = judge(path);
    EXPECT_EQ(verdicts.ours, verdicts.official) << GetParam() << "\nofficial:\n"
                                                << verdicts.official_messages << "ours:\n"
                                                << verdicts.our_messages;
    auto expected = expected_v3_verdicts().find(GetParam());
    if (expected != expected_v3_verdicts().end()) {
        EXPECT_EQ(verdicts.official, expected->second) << "official RNG disagrees with VALIDATION.md on " << GetParam();
    } else {
        // Files not in VALIDATION.md's v3 list are TBX 2008, pre-ISO TBX-Min and the like: not v3.
        EXPECT_FALSE(is_tbx_v3(read_text(path))) << GetParam() << " is TBX v3 but has no expected verdict";
        EXPECT_FALSE(verdicts.official) << GetParam() << " is not TBX v3 yet passes the v3 core RNG";
    }
}

INSTANTIATE_TEST_SUITE_P(SharedReference, ReferenceFileAgreement, testing::ValuesIn(reference_files()),
                         [](const testing::TestParamInfo<std::string>& param_info) { return test_name(param_info.param); });

TEST(ReferenceFileAgreement, EveryV3FileInValidationMdIsPresent) {
    std::vector<std::string> files = reference_files();
    for (const auto& [file, verdict] : expected_v3_verdicts())
        EXPECT_NE(std::find(files.begin(), files.end(), file), files.end()) << file << " is missing from ../shared";
}

// Hand-written edge cases of the content model, named "valid-..." or "invalid-..." after the verdict both must give.
class EdgeCaseAgreement : public testing::TestWithParam<std::string> {};

// Cases whose verdict needs a whole-tree pass: libxml2's streaming validator (which
// ilo::validate_rng uses, for flat memory) never resolves IDREFs, whatever the schema;
// xmllint, which builds the tree, rejects them with either schema. The TBX writer checks
// its own references ("tbx.dangling-ref"), so its output does not depend on this.
bool needs_tree_validation(const std::string& name) { return name == "invalid-target-to-no-id.tbx"; }

TEST_P(EdgeCaseAgreement, BothSchemasGiveTheVerdictInTheName) {
    const bool expected = GetParam().starts_with("valid-");
    Verdicts verdicts = judge(agreement_dir / GetParam());
    EXPECT_EQ(verdicts.ours, verdicts.official) << "official:\n"
                                                << verdicts.official_messages << "ours:\n"
                                                << verdicts.our_messages;
    if (needs_tree_validation(GetParam())) return;
    EXPECT_EQ(verdicts.official, expected) << "official:\n" << verdicts.official_messages;
    EXPECT_EQ(verdicts.ours, expected) << "ours:\n" << verdicts.our_messages;
}

INSTANTIATE_TEST_SUITE_P(HandWritten, EdgeCaseAgreement, testing::ValuesIn(agreement_cases()),
                         [](const testing::TestParamInfo<std::string>& param_info) { return test_name(param_info.param); });

}  // namespace
}  // namespace ilo
