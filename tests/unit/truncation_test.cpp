// Every reader on a good file cut at every byte: each cut is an error with a position, and the sink never gets finish().
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <sstream>

#include "ilo_tbx/files.hpp"
#include "ilo_tbx/format.hpp"

namespace ilo {
namespace {

// Counts what a reader hands over; finish() means "the whole input was read".
class CountingSink final : public ConceptSink {
public:
    void header(const TermBaseHeader&) override {}
    void concept_entry(Concept) override { ++concepts; }
    void finish() override { finished = true; }
    std::size_t concepts = 0;
    bool finished = false;
};

std::string file_text(const std::string& relative) {
    std::ifstream in(std::string(ILO_SOURCE_DIR) + "/" + relative, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct TruncationCase {
    std::string file;
    std::string format;
};

class Truncation : public testing::TestWithParam<TruncationCase> {};

TEST_P(Truncation, EveryCutIsAnErrorWithAPositionAndNoFinish) {
    const std::string text = file_text(GetParam().file);
    ASSERT_FALSE(text.empty()) << GetParam().file;
    const Format* format = find_format(GetParam().format);
    ASSERT_NE(format, nullptr);
    std::size_t complete = text.find_last_not_of(" \t\r\n") + 1;
    for (std::size_t cut = 0; cut < text.size(); ++cut) {
        Diagnostics diagnostics;
        CountingSink sink;
        format->read(Input{"cut", std::string_view(text).substr(0, cut)}, ReadOptions{}, diagnostics, sink);
        if (cut >= complete) {
            EXPECT_FALSE(diagnostics.has_errors()) << "the complete document, cut at " << cut;
            EXPECT_TRUE(sink.finished);
            continue;
        }
        ASSERT_TRUE(diagnostics.has_errors()) << GetParam().file << " cut at byte " << cut << " was read";
        EXPECT_FALSE(sink.finished) << "cut at " << cut;
        const Diagnostic& first_error = *std::find_if(diagnostics.items().begin(), diagnostics.items().end(),
                                                      [](const Diagnostic& d) { return d.severity == Severity::error; });
        EXPECT_EQ(first_error.pos.file, "cut");
        EXPECT_GE(first_error.pos.line, 1u) << "cut at " << cut << ": " << first_error.message;
        EXPECT_GE(first_error.pos.column, 1u) << "cut at " << cut << ": " << first_error.message;
    }
}

INSTANTIATE_TEST_SUITE_P(Readers, Truncation,
                         testing::Values(TruncationCase{"tests/tbx/small-2008.tbx", "tbx"},
                                         TruncationCase{"samples/ilo.tbx", "tbx"},
                                         TruncationCase{"samples/ilo-2008.tbx", "tbx"},
                                         TruncationCase{"tests/data/tbx-writer/rich-model.tbx", "tbx"},
                                         TruncationCase{"samples/ilo-page.model.json", "json"}),
                         [](const testing::TestParamInfo<TruncationCase>& case_info) {
                             std::string name = case_info.param.file.substr(case_info.param.file.rfind('/') + 1);
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

}  // namespace
}  // namespace ilo
