// Tests for ThreadedSink: calls arrive in order on the writing thread, diagnostics merge as one thread would order
// them.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "formats/threaded_sink.hpp"
#include "recording_sink.hpp"

namespace ilo {
namespace {

// A writer that reports one warning per concept and notes which thread it ran on.
class WarningWriter final : public ConceptSink {
public:
    explicit WarningWriter(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}
    void header(const TermBaseHeader& header) override { recorded.header(header); }
    void concept_entry(Concept concept_value) override {
        threads.push_back(std::this_thread::get_id());
        diagnostics_.warning({"out", 0, 0}, "write." + concept_value.id, "written");
        if (concept_value.id == throw_at) throw std::runtime_error("disk full at " + concept_value.id);
        recorded.concept_entry(std::move(concept_value));
    }
    void finish() override { recorded.finish(); }

    test::RecordingSink recorded;
    std::vector<std::thread::id> threads;
    std::string throw_at;

private:
    Diagnostics& diagnostics_;
};

Concept concept_with_id(std::string id) {
    Concept concept_value;
    concept_value.id = std::move(id);
    return concept_value;
}

std::vector<std::string> codes(const Diagnostics& diagnostics) {
    std::vector<std::string> result;
    for (const Diagnostic& diagnostic : diagnostics.items()) result.push_back(diagnostic.code);
    return result;
}

TEST(ThreadedSink, PassesEveryCallOnInOrderOnAnotherThread) {
    Diagnostics reader_diagnostics, merged;
    WarningWriter writer(merged);
    {
        ThreadedSink sink(writer, reader_diagnostics, merged, 4);  // a small queue: the reader must wait for room
        TermBaseHeader header;
        header.title = "T";
        sink.header(header);
        for (int i = 0; i < 1000; ++i) sink.concept_entry(concept_with_id("c" + std::to_string(i)));
        sink.finish();
        sink.close();
    }
    ASSERT_EQ(writer.recorded.events.size(), 1002u);
    EXPECT_EQ(writer.recorded.events.front(), "header");
    EXPECT_EQ(writer.recorded.events[1], "concept c0");
    EXPECT_EQ(writer.recorded.events[1000], "concept c999");
    EXPECT_EQ(writer.recorded.events.back(), "finish");
    EXPECT_EQ(writer.recorded.collector.term_base().title, "T");
    ASSERT_FALSE(writer.threads.empty());
    EXPECT_NE(writer.threads.front(), std::this_thread::get_id());
}

TEST(ThreadedSink, MergesReaderAndWriterDiagnosticsInOneThreadOrder) {
    Diagnostics reader_diagnostics, merged;
    merged.warning({"in", 1, 1}, "before.reading", "found while opening the input");
    WarningWriter writer(merged);
    ThreadedSink sink(writer, reader_diagnostics, merged);
    reader_diagnostics.warning({"in", 1, 1}, "read.header", "");
    sink.header({});
    reader_diagnostics.warning({"in", 2, 1}, "read.c1", "");
    sink.concept_entry(concept_with_id("c1"));
    sink.concept_entry(concept_with_id("c2"));
    reader_diagnostics.warning({"in", 3, 1}, "read.c3", "");
    sink.concept_entry(concept_with_id("c3"));
    reader_diagnostics.warning({"in", 9, 1}, "read.dangling", "");
    sink.finish();
    reader_diagnostics.error({"in", 9, 1}, "read.after-finish", "");
    sink.close();
    EXPECT_EQ(codes(merged),
              (std::vector<std::string>{"before.reading", "read.header", "read.c1", "write.c1", "write.c2", "read.c3",
                                        "write.c3", "read.dangling", "read.after-finish"}));
    EXPECT_TRUE(merged.has_errors());
}

TEST(ThreadedSink, ReaderThatStopsWithoutFinishKeepsItsLastDiagnostics) {
    Diagnostics reader_diagnostics, merged;
    WarningWriter writer(merged);
    ThreadedSink sink(writer, reader_diagnostics, merged);
    sink.header({});
    sink.concept_entry(concept_with_id("c1"));
    reader_diagnostics.error({"in", 5, 3}, "xml.not-well-formed", "the file ends inside <conceptEntry>");
    sink.close();
    EXPECT_EQ(codes(merged), (std::vector<std::string>{"write.c1", "xml.not-well-formed"}));
    EXPECT_EQ(writer.recorded.events, (std::vector<std::string>{"header", "concept c1"}));
}

TEST(ThreadedSink, WriterFailureStopsTheReaderAsOneThreadWould) {
    Diagnostics reader_diagnostics, merged;
    WarningWriter writer(merged);
    writer.throw_at = "c2";
    ThreadedSink sink(writer, reader_diagnostics, merged, 1);
    std::string thrown;
    try {
        for (int i = 1; i <= 1000; ++i) {
            reader_diagnostics.warning({"in", static_cast<std::uint32_t>(i), 1}, "read.c" + std::to_string(i), "");
            sink.concept_entry(concept_with_id("c" + std::to_string(i)));
        }
        sink.finish();
        sink.close();
    } catch (const std::runtime_error& error) {
        thrown = error.what();
    }
    EXPECT_EQ(thrown, "disk full at c2");
    sink.close();  // already reported: returns quietly
    // Nothing after the failing concept reaches the merged list, as if the exception had stopped the reader.
    EXPECT_EQ(codes(merged), (std::vector<std::string>{"read.c1", "write.c1", "read.c2", "write.c2"}));
    EXPECT_EQ(writer.recorded.events, (std::vector<std::string>{"concept c1"}));
}

TEST(ThreadedSink, WriterFailureAtFinishIsRethrownByClose) {
    Diagnostics reader_diagnostics, merged;
    WarningWriter writer(merged);
    writer.throw_at = "last";
    ThreadedSink sink(writer, reader_diagnostics, merged);
    sink.concept_entry(concept_with_id("last"));
    EXPECT_THROW(sink.close(), std::runtime_error);
}

}  // namespace
}  // namespace ilo
