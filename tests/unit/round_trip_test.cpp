// The round-trip suite: file -> model -> writer -> reader -> model must give an equal model, for every writer.
//
// Each writer instantiates the suite with its format name and the reference
// files it should carry without loss (craft.md habit 10), e.g.
//   INSTANTIATE_TEST_SUITE_P(TbxV3, RoundTrip, testing::Combine(testing::Values("tbx"),
//                            testing::ValuesIn(test::readable_reference_files_with_root("tbx"))), round_trip_name);
#include <gtest/gtest.h>

#include <sstream>
#include <tuple>

#include "formats/format.hpp"
#include "io/files.hpp"
#include "reference_files.hpp"

namespace ilo {
namespace {

std::string rendered(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics.items()) out += format_diagnostic(diagnostic);
    return out;
}

// The first place where two models differ, to make a failure readable.
std::string first_difference(const TermBase& a, const TermBase& b) {
    if (static_cast<const TermBaseHeader&>(a) != static_cast<const TermBaseHeader&>(b)) return "the header differs";
    if (a.concepts.size() != b.concepts.size())
        return "concept count " + std::to_string(a.concepts.size()) + " vs " + std::to_string(b.concepts.size());
    for (std::size_t i = 0; i < a.concepts.size(); ++i) {
        const Concept& x = a.concepts[i];
        const Concept& y = b.concepts[i];
        if (x == y) continue;
        std::string where = "concept " + x.id + ": ";
        if (x.id != y.id) return where + "id";
        if (x.subject_field != y.subject_field) return where + "subject_field";
        if (x.definitions != y.definitions) return where + "definitions";
        if (x.notes != y.notes) return where + "notes";
        if (x.relations != y.relations) return where + "relations";
        if (x.origin_url != y.origin_url) return where + "origin_url";
        if (x.transactions != y.transactions) return where + "transactions";
        if (x.extra != y.extra) return where + "extra";
        if (x.languages.size() != y.languages.size()) return where + "language count";
        for (std::size_t l = 0; l < x.languages.size(); ++l) {
            const LanguageSection& p = x.languages[l];
            const LanguageSection& q = y.languages[l];
            if (p == q) continue;
            std::string at = where + p.language + ": ";
            if (p.terms.size() != q.terms.size()) return at + "term count";
            for (std::size_t t = 0; t < p.terms.size(); ++t)
                if (p.terms[t] != q.terms[t]) return at + "term '" + p.terms[t].text + "'";
            return at + "definitions, notes, transactions or extra";
        }
    }
    return "no difference";
}

using RoundTripParam = std::tuple<std::string, std::string>;  // writer format name, reference file

class RoundTrip : public testing::TestWithParam<RoundTripParam> {};

TEST_P(RoundTrip, ReadingBackWhatWasWrittenGivesTheSameModel) {
    const auto& [writer_name, file] = GetParam();
    const Format* source_format = format_for_path(file);
    const Format* target_format = find_format(writer_name);
    ASSERT_TRUE(source_format && source_format->read);
    ASSERT_TRUE(target_format && target_format->writer && target_format->read);

    Diagnostics diagnostics;
    std::optional<std::string> text = read_file(test::reference_path(file), diagnostics);
    ASSERT_TRUE(text) << rendered(diagnostics);
    TermBase original = read_term_base(*source_format, Input{file, *text}, ReadOptions{}, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors()) << rendered(diagnostics);

    Diagnostics write_diagnostics;
    std::ostringstream written;
    write_term_base(*target_format, original, written, WriteOptions{}, write_diagnostics);
    ASSERT_FALSE(write_diagnostics.has_errors()) << rendered(write_diagnostics);
    // A lossless round trip has nothing to report as lost.
    EXPECT_EQ(write_diagnostics.warning_count(), 0u) << rendered(write_diagnostics);

    Diagnostics reread_diagnostics;
    const std::string output = written.str();
    TermBase reread = read_term_base(*target_format, Input{"written." + writer_name, output}, ReadOptions{},
                                     reread_diagnostics);
    ASSERT_FALSE(reread_diagnostics.has_errors()) << rendered(reread_diagnostics);
    EXPECT_EQ(reread_diagnostics.warning_count(), 0u) << rendered(reread_diagnostics);
    EXPECT_TRUE(original == reread) << first_difference(original, reread);

    // Writing is deterministic: the same model gives the same bytes.
    std::ostringstream again;
    write_term_base(*target_format, reread, again, WriteOptions{}, write_diagnostics);
    EXPECT_EQ(output, again.str());
}

std::string round_trip_name(const testing::TestParamInfo<RoundTripParam>& param_info) {
    return std::get<0>(param_info.param) + "_" + test::test_name_for(std::get<1>(param_info.param));
}

INSTANTIATE_TEST_SUITE_P(Json, RoundTrip,
                         testing::Combine(testing::Values("json"), testing::ValuesIn(test::readable_reference_files())),
                         round_trip_name);

// The TBX v3 writer writes TBX-Basic: the v3 files whose data categories TBX-Basic holds
// round-trip exactly. The others (usageStatus, relatedTerm, values outside Basic's
// picklists...) are written with tbx.loss warnings; tbx_writer_test.cpp checks those.
INSTANTIATE_TEST_SUITE_P(TbxV3Basic, RoundTrip,
                         testing::Combine(testing::Values("tbx"),
                                          testing::Values("tbx/ltac-tbx-basic/DCA/Example_Astronomy_DCA_VALID.tbx",
                                                          "tbx/ltac-tbx-basic/DCT/Example_Astronomy_DCT_VALID.tbx",
                                                          "tbx/ltac-tbx-core/Schemas/Example_Astronomy_DCA_VALID.tbx",
                                                          "tbx/ltac-tbx-min/DCA/Example_Astronomy_DCA_VALID.tbx",
                                                          "tbx/ltac-tbx-min/DCT/Example_Astronomy_DCT_VALID.tbx",
                                                          "tbx/ltac-tbx-test-files/core_structure_good.tbx")),
                         round_trip_name);

}  // namespace
}  // namespace ilo
