// The round-trip suites: file -> model -> writer -> reader -> model, for every writer (craft.md habit 10).
//
// Two properties, each a value-parameterised suite over (writer format name, reference file):
//  - LosslessRoundTrip: reading back what was written gives an equal model, with no loss
//    reported. Instantiate it with the files the writer must carry whole.
//  - RoundTrip: whatever the writer cannot hold is reported (a warning whose code ends in
//    ".loss"); when it reports nothing, the model read back must be equal. Instantiate it with
//    every file the writer's reader reads, e.g.
//      INSTANTIATE_TEST_SUITE_P(TbxV3, RoundTrip, testing::Combine(testing::Values("tbx"),
//          testing::ValuesIn(test::readable_reference_files_with_root("tbx"))), round_trip_name);
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <tuple>

#include "ilo_tbx/files.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/native_validator.hpp"
#include "../support/model_difference.hpp"
#include "reference_files.hpp"

namespace ilo {
namespace {

std::string rendered(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics.items()) out += format_diagnostic(diagnostic);
    return out;
}

using RoundTripParam = std::tuple<std::string, std::string>;  // writer name, reference file

// A writer name is a format name; "tbx-core", "tbx-min" for the TBX v3 writer in another dialect, with
// "-dct" for DCT style ("tbx-dct" is TBX-Basic in DCT); "tbx2008-core" for the 2008 core structure; or "csv-long"/"tsv-long"/"xlsx-long" for the
// sheet formats in their lossless long layout.
struct WriterSetup {
    const Format* format = nullptr;
    WriteOptions options;
};

WriterSetup writer_setup(const std::string& writer_name) {
    WriterSetup setup;
    if (writer_name == "tbx2008-core") {
        setup.format = find_format("tbx2008");
        setup.options.dialect = TbxDialect::core;
    } else if (writer_name.starts_with("tbx-")) {
        setup.format = find_format("tbx");
        if (writer_name.starts_with("tbx-core")) setup.options.dialect = TbxDialect::core;
        if (writer_name.starts_with("tbx-min")) setup.options.dialect = TbxDialect::min;
        if (writer_name.ends_with("-dct")) setup.options.style = TbxStyle::dct;
    } else if (writer_name.ends_with("-long")) {
        setup.format = find_format(writer_name.substr(0, writer_name.size() - 5));
        setup.options.csv.layout = CsvLayout::long_form;
    } else {
        setup.format = find_format(writer_name);
    }
    return setup;
}

struct RoundTripRun {
    TermBase original;
    TermBase reread;
    Diagnostics write_diagnostics;
    Diagnostics reread_diagnostics;
    std::string output;
};

// Reads the reference file, writes it with `writer_name`, reads that back.
void run_round_trip(const RoundTripParam& param, RoundTripRun& run) {
    const auto& [writer_name, file] = param;
    const Format* source_format = format_for_path(file);
    const WriterSetup writer = writer_setup(writer_name);
    const Format* target_format = writer.format;
    ASSERT_TRUE(source_format && source_format->read);
    ASSERT_TRUE(target_format && target_format->writer && target_format->read);

    Diagnostics diagnostics;
    std::optional<std::string> text = read_file(test::reference_path(file), diagnostics);
    ASSERT_TRUE(text) << rendered(diagnostics);
    run.original = read_term_base(*source_format, Input{file, *text}, ReadOptions{}, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors()) << rendered(diagnostics);

    std::ostringstream written;
    write_term_base(*target_format, run.original, written, writer.options, run.write_diagnostics);
    ASSERT_FALSE(run.write_diagnostics.has_errors()) << rendered(run.write_diagnostics);
    run.output = written.str();
    run.reread = read_term_base(*target_format, Input{"written." + std::string(target_format->name), run.output},
                                ReadOptions{}, run.reread_diagnostics);
    ASSERT_FALSE(run.reread_diagnostics.has_errors()) << rendered(run.reread_diagnostics);
    // What a writer writes, its reader reads without new complaints: a problem of the input
    // itself (a term section without a term...) may be carried over, nothing else.
    for (const Diagnostic& reread : run.reread_diagnostics.items()) {
        bool carried_over = std::any_of(diagnostics.items().begin(), diagnostics.items().end(),
                                        [&](const Diagnostic& read) { return read.code == reread.code; });
        EXPECT_TRUE(carried_over) << format_diagnostic(reread);
    }

    // Every TBX we write passes our own validator (structure, dialect rules, integrity).
    if (target_format->id == FormatId::tbx || target_format->id == FormatId::tbx2008) {
        Diagnostics validation;
        validate::NativeResult result = validate::validate_native(run.output, "written." + writer_name, {}, validation);
        EXPECT_EQ(result.verdict, validate::Verdict::valid) << rendered(validation);
    }

    // Writing is deterministic: the same model gives the same bytes.
    std::ostringstream again;
    Diagnostics again_diagnostics;
    write_term_base(*target_format, run.original, again, writer.options, again_diagnostics);
    EXPECT_EQ(run.output, again.str());
}

class LosslessRoundTrip : public testing::TestWithParam<RoundTripParam> {};

TEST_P(LosslessRoundTrip, ReadingBackWhatWasWrittenGivesTheSameModel) {
    RoundTripRun run;
    run_round_trip(GetParam(), run);
    if (HasFatalFailure()) return;
    EXPECT_EQ(run.write_diagnostics.warning_count(), 0u) << rendered(run.write_diagnostics);
    EXPECT_TRUE(run.original == run.reread) << test::first_difference(run.original, run.reread);
}

class RoundTrip : public testing::TestWithParam<RoundTripParam> {};

TEST_P(RoundTrip, NothingIsLostSilently) {
    RoundTripRun run;
    run_round_trip(GetParam(), run);
    if (HasFatalFailure()) return;
    std::size_t losses = 0;
    for (const Diagnostic& diagnostic : run.write_diagnostics.items())
        if (diagnostic.severity == Severity::warning && diagnostic.code.ends_with(".loss")) ++losses;
    EXPECT_EQ(losses, run.write_diagnostics.warning_count()) << "a writer's warnings should be loss reports:\n"
                                                             << rendered(run.write_diagnostics);
    if (losses == 0) {
        EXPECT_TRUE(run.original == run.reread) << test::first_difference(run.original, run.reread);
    }
}

std::string round_trip_name(const testing::TestParamInfo<RoundTripParam>& param_info) {
    return test::test_name_for(std::get<0>(param_info.param)) + "_" +
           test::test_name_for(std::get<1>(param_info.param));
}

// JSON is the model itself: every readable file round-trips whole.
INSTANTIATE_TEST_SUITE_P(Json, LosslessRoundTrip,
                         testing::Combine(testing::Values("json"), testing::ValuesIn(test::readable_reference_files())),
                         round_trip_name);
INSTANTIATE_TEST_SUITE_P(Json, RoundTrip,
                         testing::Combine(testing::Values("json"), testing::ValuesIn(test::readable_reference_files())),
                         round_trip_name);

// The TBX v3 writer (TBX-Basic, the default dialect) against every file the TBX reader reads, of
// every version: whatever TBX-Basic cannot hold must be reported, never dropped.
INSTANTIATE_TEST_SUITE_P(TbxV3, RoundTrip,
                         testing::Combine(testing::Values("tbx"), testing::ValuesIn(test::readable_reference_files())),
                         round_trip_name);

// The v3 files whose content TBX-Basic can hold (the LTAC dialect samples and the core test
// file) must come back whole. The others use data categories or values TBX-Basic lacks
// (usageStatus, transaction types, picklist values...), reported as losses by RoundTrip above.
std::vector<std::string> v3_files_within_tbx_basic() {
    return {
        "tbx/ltac-tbx-basic/DCA/Example_Astronomy_DCA_VALID.tbx",
        "tbx/ltac-tbx-basic/DCT/Example_Astronomy_DCT_VALID.tbx",
        "tbx/ltac-tbx-core/Schemas/Example_Astronomy_DCA_VALID.tbx",
        "tbx/ltac-tbx-min/DCA/Example_Astronomy_DCA_VALID.tbx",
        "tbx/ltac-tbx-min/DCT/Example_Astronomy_DCT_VALID.tbx",
        "tbx/ltac-tbx-test-files/core_structure_good.tbx",
    };
}

INSTANTIATE_TEST_SUITE_P(TbxV3, LosslessRoundTrip,
                         testing::Combine(testing::Values("tbx"), testing::ValuesIn(v3_files_within_tbx_basic())),
                         round_trip_name);

// TBX-Core takes every data category and value the core structure can place, so it is the dialect
// for carrying a term base between tools whole: every readable file, with its losses reported.
INSTANTIATE_TEST_SUITE_P(TbxCore, RoundTrip,
                         testing::Combine(testing::Values("tbx-core"),
                                          testing::ValuesIn(test::readable_reference_files())),
                         round_trip_name);

// The files that are invalid on purpose with structure errors a valid TBX file cannot reproduce; each
// is read with warnings, and written with its losses reported (RoundTrip above).
const std::map<std::string, std::string>& structure_errors_no_writer_can_reproduce() {
    static const std::map<std::string, std::string> files{
        {"tbx/ltac-tbx-test-files/core_structure_bad.tbx",
         "admin directly in <text>, two terms in one termSec, an untyped admin"},
        {"tbx/tbx-basic-package-v2/tbx_basic_sample_badelement.tbx",
         "a <transaction> element where transac belongs, a <comment> element"},
        {"tbx/tbx-basic-package-v3/tbx_basic_sample_badelement.tbx",
         "a <transaction> element where transac belongs, a <comment> element"},
        {"tbx/tbx-basic-package-v2/tbx_basic_sample_badelementorder.tbx",
         "a <term> outside its tig, a tig without a term"},
        {"tbx/tbx-basic-package-v3/tbx_basic_sample_badelementorder.tbx",
         "a <term> outside its termSec, a termSec without a term"},
    };
    return files;
}

std::vector<std::string> readable_files_but(const std::map<std::string, std::string>& excluded,
                                            const std::vector<std::string>& files) {
    std::vector<std::string> kept;
    for (const std::string& file : files)
        if (!excluded.count(file)) kept.push_back(file);
    return kept;
}

// Every readable reference file comes back whole through TBX-Core, whatever its version, dialect and
// producer (26 of 31), except those with structure errors. Data categories and values outside
// TBX-Basic, xref targets that are relative URI references (Okapi's "xx", the v2 sample's
// "wikipedia.org"), transactions of another type (basic_bad.tbx) are all carried; Weblate's entries
// without ids get their generated ids when they are read (tbx.generated-id), so the model read holds them.
std::vector<std::string> files_whole_through_tbx_core() {
    return readable_files_but(structure_errors_no_writer_can_reproduce(), test::readable_reference_files());
}

TEST(RoundTripLists, TbxCoreCarriesAllButTheStructurallyBrokenFiles) {
    EXPECT_EQ(files_whole_through_tbx_core().size() + structure_errors_no_writer_can_reproduce().size(),
              test::readable_reference_files().size());
    EXPECT_GE(files_whole_through_tbx_core().size(), 26u);
}

INSTANTIATE_TEST_SUITE_P(TbxCore, LosslessRoundTrip,
                         testing::Combine(testing::Values("tbx-core"),
                                          testing::ValuesIn(files_whole_through_tbx_core())),
                         round_trip_name);

// DCT style and TBX-Min over every readable file: valid TBX (our validator), every loss reported, and
// an equal model back where nothing was reported.
INSTANTIATE_TEST_SUITE_P(TbxDialects, RoundTrip,
                         testing::Combine(testing::Values("tbx-dct", "tbx-core-dct", "tbx-min", "tbx-min-dct"),
                                          testing::ValuesIn(test::readable_reference_files())),
                         round_trip_name);

// DCT is DCA with the data categories as module elements: what the DCA writer carries of a file, the
// DCT writer carries too, so both outputs read back to the same model, in each dialect.
class DctAsDca : public testing::TestWithParam<RoundTripParam> {};

TEST_P(DctAsDca, DctOutputReadsBackAsTheDcaOutput) {
    const auto& [dialect_writer, file] = GetParam();
    RoundTripRun dca, dct;
    run_round_trip({dialect_writer, file}, dca);
    if (HasFatalFailure()) return;
    run_round_trip({dialect_writer + "-dct", file}, dct);
    if (HasFatalFailure()) return;
    EXPECT_EQ(rendered(dct.write_diagnostics), rendered(dca.write_diagnostics)) << "DCT reports other losses";
    EXPECT_TRUE(dca.reread == dct.reread) << test::first_difference(dca.reread, dct.reread);
}

INSTANTIATE_TEST_SUITE_P(TbxDialects, DctAsDca,
                         testing::Combine(testing::Values("tbx-basic", "tbx-core", "tbx-min"),
                                          testing::ValuesIn(test::readable_reference_files())),
                         round_trip_name);

// The TBX 2008 writer writes TBX-Basic 2008 by default: the TBX-Basic 2008 files whose values its
// picklists hold round-trip exactly (tbx2008_writer_test.cpp covers the v3 -> 2008 -> v3 direction and the
// losses).
INSTANTIATE_TEST_SUITE_P(
    Tbx2008Basic, LosslessRoundTrip,
    testing::Combine(testing::Values("tbx2008"),
                     testing::Values("tbx/tbx-basic-package-v2/TBX-basic-sample.tbx",
                                     "tbx/ltac-tbx-converter-samples/tests/resources/Good-Basic2.tbx")),
    round_trip_name);

// With --dialect core it writes the 2008 core structure (<martif type="TBX">, TBXcoreStructV02.dtd, the
// TBX-Default categories the real-world files use): every readable 2008 file comes back whole (10 of
// 12), but the two with structure errors.
std::vector<std::string> files_whole_through_tbx2008_core() {
    return readable_files_but(structure_errors_no_writer_can_reproduce(),
                              test::readable_reference_files_with_root("martif"));
}

TEST(RoundTripLists, Tbx2008CoreCarriesEvery2008FileButTheStructurallyBrokenOnes) {
    EXPECT_GE(files_whole_through_tbx2008_core().size(), 10u);
}

INSTANTIATE_TEST_SUITE_P(Tbx2008Core, LosslessRoundTrip,
                         testing::Combine(testing::Values("tbx2008-core"),
                                          testing::ValuesIn(files_whole_through_tbx2008_core())),
                         round_trip_name);

// And over every readable file of any version: valid 2008 output, every loss reported.
INSTANTIATE_TEST_SUITE_P(Tbx2008Core, RoundTrip,
                         testing::Combine(testing::Values("tbx2008-core"),
                                          testing::ValuesIn(test::readable_reference_files())),
                         round_trip_name);

// The long CSV layout is lossless: every readable reference file comes back equal, nothing reported;
// an Excel workbook in the long layout too.
INSTANTIATE_TEST_SUITE_P(CsvLong, LosslessRoundTrip,
                         testing::Combine(testing::Values("csv-long", "tsv-long", "xlsx-long"),
                                          testing::ValuesIn(test::readable_reference_files())),
                         round_trip_name);

}  // namespace
}  // namespace ilo
