// Every reader in the format table keeps the sink contract: header, the concepts, then finish exactly once.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "../support/recording_sink.hpp"
#include "emn_test_support.hpp"
#include "ilo_tbx/format.hpp"

namespace ilo {
namespace {

// The seed page read as EMN: the model every other reader is given, written in its own format first.
TermBase seed_model() {
    const std::string page = emn_test::read_text_file(std::string(ILO_SOURCE_DIR) + "/samples/ilo-page.txt");
    Diagnostics diagnostics;
    TermBase term_base = read_term_base(*find_format("emn"), Input{"ilo-page.txt", page}, {}, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return term_base;
}

class ReaderContract : public testing::TestWithParam<std::string_view> {};

// A streaming writer closes its document on finish: a reader that never calls it leaves an import's output cut
// short (the EMN reader did, and every EMN page imported to TBX failed its own validation).
TEST_P(ReaderContract, HeaderThenConceptsThenFinishOnce) {
    const Format& format = *find_format(GetParam());
    ASSERT_NE(format.read, nullptr);
    std::string bytes;
    if (format.id == FormatId::emn) {
        bytes = emn_test::read_text_file(std::string(ILO_SOURCE_DIR) + "/samples/ilo-page.txt");
    } else {
        ASSERT_NE(format.writer, nullptr);
        std::ostringstream written;
        Diagnostics write_diagnostics;
        write_term_base(format, seed_model(), written, {}, write_diagnostics);
        ASSERT_FALSE(write_diagnostics.has_errors());
        bytes = written.str();
    }
    test::RecordingSink sink;
    Diagnostics diagnostics;
    format.read(Input{"input", bytes}, {}, diagnostics, sink);
    ASSERT_FALSE(diagnostics.has_errors());
    ASSERT_GE(sink.events.size(), 3u);
    EXPECT_EQ(sink.events.front(), "header");
    EXPECT_EQ(sink.events[1], "concept immigration-liaison-officer-ilo");
    EXPECT_EQ(sink.events.back(), "finish");
    EXPECT_EQ(std::count(sink.events.begin(), sink.events.end(), "finish"), 1);
}

std::vector<std::string_view> readable_formats() {
    std::vector<std::string_view> names;
    for (const Format& format : formats())
        if (format.read) names.push_back(format.name);
    return names;
}

INSTANTIATE_TEST_SUITE_P(EveryReader, ReaderContract, testing::ValuesIn(readable_formats()),
                         [](const testing::TestParamInfo<std::string_view>& param_info) { return std::string(param_info.param); });

}  // namespace
}  // namespace ilo
