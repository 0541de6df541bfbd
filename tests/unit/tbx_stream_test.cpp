// Tests of the TBX reader reading in chunks: every test and reference TBX file, cut into chunks of many sizes, reads exactly as when read whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../support/recording_sink.hpp"
#include "../support/text_source.hpp"
#include "ilo_tbx/files.hpp"
#include "ilo_tbx/tbx_reader.hpp"
#include "reference_files.hpp"

namespace ilo {
namespace {

using test::RecordingSink;
using test::TextSource;

struct Outcome {
    TermBase term_base;
    std::vector<std::string> events;
    std::vector<Diagnostic> diagnostics;
    TbxFlavour flavour;
};

// Where each concept, language section and term was read (SourcePos compares equal whatever the position).
std::string positions(const TermBase& term_base) {
    std::ostringstream out;
    auto at = [&](const SourcePos& pos) { out << pos.file << ":" << pos.line << ":" << pos.column << " "; };
    for (const Concept& concept_value : term_base.concepts) {
        at(concept_value.pos);
        for (const LanguageSection& language : concept_value.languages) {
            at(language.pos);
            for (const Term& term : language.terms) at(term.pos);
        }
        out << "\n";
    }
    return out.str();
}

Outcome read_whole(const std::string& text) {
    Outcome outcome;
    RecordingSink sink;
    Diagnostics diagnostics;
    read_tbx(Input{"in.tbx", text}, ReadOptions{}, diagnostics, sink, &outcome.flavour);
    outcome.term_base = std::move(sink.collector.term_base());
    outcome.events = sink.events;
    outcome.diagnostics = diagnostics.items();
    return outcome;
}

Outcome read_chunked(const std::string& text, std::size_t chunk_size, bool known_size = true) {
    Outcome outcome;
    RecordingSink sink;
    Diagnostics diagnostics;
    TextSource source(text, known_size);
    ReadOptions options;
    options.chunk_size = chunk_size;
    read_tbx(Input{"in.tbx", {}, &source}, options, diagnostics, sink, &outcome.flavour);
    outcome.term_base = std::move(sink.collector.term_base());
    outcome.events = sink.events;
    outcome.diagnostics = diagnostics.items();
    return outcome;
}

std::string rendered(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics) out += format_diagnostic(diagnostic);
    return out;
}

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Every TBX file of the project's tests and samples, and every reference file.
std::vector<std::string> inputs() {
    std::vector<std::string> files;
    for (const char* folder : {"tests", "samples"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(ILO_SOURCE_DIR) + "/" + folder))
            if (entry.is_regular_file() && entry.path().extension() == ".tbx") files.push_back(entry.path().string());
    }
    for (const std::string& file : test::all_reference_files()) files.push_back(test::reference_path(file));
    std::sort(files.begin(), files.end());
    return files;
}

// The checks of a whole text's bytes (encoding, NUL, characters XML forbids) come before anything else; read in
// chunks they are made on each chunk as it comes, so such an error found late follows the diagnostics of what
// came before it (or another error stops the read first), and a count of inner byte-order marks covers only what
// was read. Those files are compared on their errors only.
bool has_encoding_diagnostics(const Outcome& outcome) {
    return std::any_of(outcome.diagnostics.begin(), outcome.diagnostics.end(), [](const Diagnostic& diagnostic) {
        return diagnostic.code.starts_with("encoding.") || diagnostic.code == "input.binary" ||
               diagnostic.message.find("is not allowed anywhere in an XML document") != std::string::npos;
    });
}

TEST(TbxStream, EveryFileReadsTheSameInChunksOfAnySize) {
    const std::vector<std::string> files = inputs();
    ASSERT_GT(files.size(), 40u);
    std::size_t compared = 0;
    for (const std::string& file : files) {
        const std::string text = file_text(file);
        const Outcome whole = read_whole(text);
        for (std::size_t chunk_size : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{61}, std::size_t{512},
                                       std::size_t{4093}, std::size_t{1} << 20}) {
            SCOPED_TRACE(file + " in chunks of " + std::to_string(chunk_size));
            const Outcome chunked = read_chunked(text, chunk_size);
            const bool whole_file_in_first_chunk = chunk_size >= text.size() || text.size() <= 4096;
            if (has_encoding_diagnostics(whole) && !whole_file_in_first_chunk) {
                auto first_error = [](const Outcome& outcome) -> const Diagnostic* {
                    for (const Diagnostic& diagnostic : outcome.diagnostics)
                        if (diagnostic.severity == Severity::error) return &diagnostic;
                    return nullptr;
                };
                const Diagnostic* whole_error = first_error(whole);
                const Diagnostic* chunked_error = first_error(chunked);
                ASSERT_NE(chunked_error, nullptr);
                // An error before the bad bytes stops the chunked read before it reaches them.
                if (whole_error && std::pair(chunked_error->pos.line, chunked_error->pos.column) <
                                       std::pair(whole_error->pos.line, whole_error->pos.column))
                    continue;
                for (const Diagnostic& diagnostic : whole.diagnostics) {
                    if (diagnostic.severity != Severity::error) continue;
                    EXPECT_NE(std::find(chunked.diagnostics.begin(), chunked.diagnostics.end(), diagnostic),
                              chunked.diagnostics.end())
                        << format_diagnostic(diagnostic);
                }
                continue;
            }
            EXPECT_EQ(rendered(chunked.diagnostics), rendered(whole.diagnostics));
            EXPECT_EQ(chunked.events, whole.events);
            EXPECT_TRUE(chunked.term_base == whole.term_base);
            EXPECT_EQ(positions(chunked.term_base), positions(whole.term_base));
            EXPECT_EQ(describe(chunked.flavour), describe(whole.flavour));
            EXPECT_EQ(chunked.flavour.encoding, whole.flavour.encoding);
            ++compared;
        }
    }
    EXPECT_GT(compared, files.size() * 5);
}

// Line ends of every kind, cut anywhere (a CRLF split between two chunks counts once).
TEST(TbxStream, PositionsAcrossChunkEdgesWithEveryLineEnd) {
    std::string lf = "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
                     "<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>\n<text>\n<body>\n";
    for (int i = 0; i < 30; ++i)
        lf += "<conceptEntry id=\"c" + std::to_string(i) + "\">\n  <langSec xml:lang=\"en\">\n    <termSec>\n"
              "      <term>t\xC3\xA9rm " + std::to_string(i) + "</term><bogus/>\n    </termSec>\n  </langSec>\n</conceptEntry>\n";
    lf += "</body>\n</text>\n</tbx>\n";
    for (std::string_view line_end : {"\n", "\r\n", "\r"}) {
        std::string text;
        for (char c : lf) {
            if (c == '\n') text += line_end;
            else text += c;
        }
        const Outcome whole = read_whole(text);
        ASSERT_EQ(whole.term_base.concepts.size(), 30u);
        ASSERT_FALSE(whole.diagnostics.empty());  // the <bogus/> elements are reported, each at its place
        for (std::size_t chunk_size = 1; chunk_size < 80; chunk_size += 3) {
            SCOPED_TRACE("line end " + std::to_string(line_end.size()) + " chunks of " + std::to_string(chunk_size));
            const Outcome chunked = read_chunked(text, chunk_size);
            EXPECT_EQ(rendered(chunked.diagnostics), rendered(whole.diagnostics));
            EXPECT_EQ(positions(chunked.term_base), positions(whole.term_base));
            EXPECT_TRUE(chunked.term_base == whole.term_base);
        }
    }
}

// Each not-well-formed place, cut at every chunk size, gives the same error at the same position.
TEST(TbxStream, ErrorsAreTheSameWhereverTheChunksEnd) {
    const std::string head = "<martif type=\"TBX\">\n<text>\n<body>\n<termEntry id=\"a\"><langSet xml:lang=\"en\"><tig><term>x</term></tig></langSet></termEntry>\n";
    const std::vector<std::string> tails{
        "<termEntry id=\"b\"><langSet xml:lang=\"en\"><tig><term>y</tig></langSet></termEntry>\n</body></text></martif>",
        "<termEntry id=\"b\"><langSet xml:lang=\"en\"><tig><term>y &bogus; z</term></tig></langSet></termEntry>\n",
        "<termEntry id=\"b\" id=\"c\"/>\n</body></text></martif>",
        "<termEntry id=\"b\"><langSet xml:lang=\"en\"><tig><term>y</term></tig></langSet></termEntry>\n",
        "<termEntry id=\"b\"><!-- never closed",
        "<termEntry id=\"b\"><langSet xml:lang='en",
        "</body></text></martif>\ntrailing text",
        "</body></text></martif><martif/>",
    };
    for (const std::string& tail : tails) {
        const std::string text = head + tail;
        const Outcome whole = read_whole(text);
        ASSERT_FALSE(whole.diagnostics.empty()) << tail;
        for (std::size_t chunk_size = 1; chunk_size < 40; ++chunk_size) {
            SCOPED_TRACE(tail + " in chunks of " + std::to_string(chunk_size));
            const Outcome chunked = read_chunked(text, chunk_size);
            EXPECT_EQ(rendered(chunked.diagnostics), rendered(whole.diagnostics));
            EXPECT_EQ(chunked.events, whole.events);
        }
    }
}

// An entry that ends in the text already read and holds no comment, CDATA section or processing instruction is
// parsed at once; any other, and any the scan would find fault with, is scanned tag by tag. A whole text reads
// each of these entries the first way where it can, chunks of a few bytes the second: both give the same model,
// events and diagnostics, for entries that are fine and for each fault the scan reports.
TEST(TbxStream, EntriesReadAtOnceAndEntriesScannedTagByTagAgree) {
    const std::string head = "<martif type=\"TBX\">\n<text>\n<body>\n";
    const std::string good =
        "<termEntry id=\"a\"><langSet xml:lang=\"en\"><tig><term>x</term></tig></langSet></termEntry>\n";
    const std::string last =
        "<termEntry id=\"z\"><langSet xml:lang=\"en\"><tig><term>z</term></tig></langSet></termEntry>\n";
    const std::string tail = "</body></text></martif>\n";
    auto entry = [](const std::string& id, const std::string& inside) {
        return "<termEntry id=\"" + id + "\"><langSet xml:lang=\"en\"><tig>" + inside +
               "</tig></langSet></termEntry>\n";
    };
    const std::vector<std::string> entries{
        // fine, but not read at once
        entry("b", "<term>y</term><!-- </termEntry> -->"),
        entry("b", "<term><![CDATA[a </termEntry> b]]></term>"),
        entry("b", "<term>y<?pi </termEntry>?></term>"),
        entry("b", "<term>y</term><termEntryNote>z</termEntryNote>"),
        "<termEntry id=\"b\"><langSet xml:lang=\"en\"><tig><term>y</term></tig></langSet></termEntry \n >\n",
        entry("b", "<term>a &amp; b &#x263A; &lt;</term>"),
        // faults: each reported where it is
        entry("b", "<term a=\"1\" a=\"2\">y</term>"),
        entry("b", "<term a=\"x<y\">y</term>"),
        entry("b", "<term a=\"x&lt;y\">y</term>"),
        entry("b", "<term>a & b</term>"),
        entry("b", "<term>&bogus;</term>"),
        entry("b", "<term>&#1;</term>"),
        entry("b", "<term>y</tig>"),
        "<termEntry id=\"b\"><termEntry id=\"c\"></termEntry></termEntry>\n",
        entry("b",
              [] {
                  std::string deep;
                  for (int i = 0; i < 260; ++i) deep += "<note>";
                  for (int i = 0; i < 260; ++i) deep += "</note>";
                  return deep;
              }()),
    };
    for (const std::string& middle : entries) {
        const std::string text = head + good + middle + last + tail;
        const Outcome whole = read_whole(text);
        for (std::size_t chunk_size : {std::size_t{1}, std::size_t{5}, std::size_t{13}, std::size_t{64}}) {
            SCOPED_TRACE(middle + " in chunks of " + std::to_string(chunk_size));
            const Outcome chunked = read_chunked(text, chunk_size);
            EXPECT_EQ(rendered(chunked.diagnostics), rendered(whole.diagnostics));
            EXPECT_EQ(chunked.events, whole.events);
            EXPECT_TRUE(chunked.term_base == whole.term_base);
        }
    }
    // What the whole reads say, so that agreement is not agreement on nothing.
    auto first_line = [&](const std::string& middle) {
        std::string out = rendered(read_whole(head + good + middle + last + tail).diagnostics);
        return out.substr(0, out.find('\n'));
    };
    EXPECT_EQ(read_whole(head + good + entries[0] + last + tail).term_base.concepts.size(), 3u);
    EXPECT_EQ(
        read_whole(head + good + entries[1] + last + tail).term_base.concepts.at(1).languages.at(0).terms.at(0).text,
        "a </termEntry> b");
    EXPECT_EQ(first_line(entries[6]),
              "in.tbx:5:59: error: not well-formed XML: duplicate attribute 'a' in the start tag <term> "
              "[xml.not-well-formed]");
    EXPECT_EQ(
        first_line(entries[7]),
        "in.tbx:5:55: error: not well-formed XML: the value of the attribute 'a' runs into a '<' (write '&lt;' for "
        "a literal '<') [xml.not-well-formed]");
    EXPECT_EQ(rendered(read_whole(head + good + entries[8] + last + tail).diagnostics),
              "in.tbx:5:47: warning: attribute a=\"x<y\" on <term> is not kept [tbx.attribute-dropped]\n");
    EXPECT_EQ(first_line(entries[14]),
              "in.tbx:5:1547: error: elements nested more than 256 deep; ilo-tbx refuses "
              "deeper nesting (TBX needs about a dozen levels) [xml.too-deep]");
}

// A source whose size is unknown (a pipe) is read whole first, with the same result.
TEST(TbxStream, ASourceOfUnknownSizeIsReadWhole) {
    const std::string text = file_text(std::string(ILO_SOURCE_DIR) + "/tests/tbx/small-2008.tbx");
    const Outcome whole = read_whole(text);
    const Outcome piped = read_chunked(text, 5, false);
    EXPECT_EQ(rendered(piped.diagnostics), rendered(whole.diagnostics));
    EXPECT_TRUE(piped.term_base == whole.term_base);
    EXPECT_EQ(piped.events, whole.events);
}

// Memory is what matters: the reader never holds much more than one entry and
// one chunk, however long the file. Checked through what it asks the source for.
class CountingSource final : public ByteSource {
public:
    explicit CountingSource(std::size_t entries) : entries_(entries) {
        head_ = "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xmlns=\"urn:iso:std:iso:30042:ed-2\">"
                "<tbxHeader><fileDesc><sourceDesc><p>generated</p></sourceDesc></fileDesc></tbxHeader><text><body>\n";
        entry_ = "<conceptEntry id=\"c\"><langSec xml:lang=\"en\"><termSec><term>word</term></termSec></langSec></conceptEntry>\n";
        tail_ = "</body></text></tbx>\n";
        total_ = head_.size() + entries_ * entry_.size() + tail_.size();
    }
    std::size_t read(char* buffer, std::size_t size) override {
        std::size_t count = read_at(position_, buffer, size);
        position_ += count;
        largest_request = std::max(largest_request, size);
        return count;
    }
    std::optional<std::uint64_t> size() const override { return total_; }
    std::size_t read_at(std::uint64_t offset, char* buffer, std::size_t size) override {
        std::size_t done = 0;
        while (done < size && offset + done < total_) buffer[done] = at(static_cast<std::size_t>(offset + done)), ++done;
        return done;
    }
    std::size_t largest_request = 0;

private:
    char at(std::size_t offset) const {
        if (offset < head_.size()) return head_[offset];
        offset -= head_.size();
        if (offset < entries_ * entry_.size()) return entry_[offset % entry_.size()];
        return tail_[offset - entries_ * entry_.size()];
    }
    std::string head_, entry_, tail_;
    std::size_t entries_;
    std::size_t total_;
    std::size_t position_ = 0;
};

class CountingConcepts final : public ConceptSink {
public:
    void header(const TermBaseHeader&) override {}
    void concept_entry(Concept concept_value) override {
        ++concepts;
        terms += concept_value.languages.at(0).terms.size();
    }
    void finish() override { finished = true; }
    std::size_t concepts = 0, terms = 0;
    bool finished = false;
};

TEST(TbxStream, AFileOfManyEntriesIsReadChunkByChunk) {
    CountingSource source(200000);  // about 22 MB
    ReadOptions options;
    options.chunk_size = 1 << 16;
    Diagnostics diagnostics;
    CountingConcepts sink;
    read_tbx(Input{"many.tbx", {}, &source}, options, diagnostics, sink);
    EXPECT_TRUE(sink.finished);
    EXPECT_EQ(sink.concepts, 200000u);
    EXPECT_EQ(sink.terms, 200000u);
    EXPECT_EQ(source.largest_request, std::size_t{1} << 16);
    // Every entry repeats one id: each after the first is reported, at its own line.
    ASSERT_EQ(diagnostics.items().size(), 199999u);
    EXPECT_EQ(diagnostics.items().back().code, "tbx.duplicate-id");
    EXPECT_EQ(diagnostics.items().back().pos.line, 200002u);
    EXPECT_EQ(diagnostics.items().back().pos.column, 1u);
}

// The file source reads a real file in chunks, with its size, and reports a read error.
TEST(TbxStream, FileSourceReadsChunksAndKnowsTheSize) {
    const std::string path = std::string(ILO_SOURCE_DIR) + "/tests/tbx/small-2008.tbx";
    FileByteSource file;
    Diagnostics diagnostics;
    ASSERT_TRUE(file.open(path, diagnostics));
    const std::string text = file_text(path);
    ASSERT_EQ(file.size(), std::optional<std::uint64_t>(text.size()));
    std::string head(10, '\0');
    EXPECT_EQ(file.read_at(3, head.data(), head.size()), 10u);
    EXPECT_EQ(head, text.substr(3, 10));
    std::string all;
    char buffer[100];
    while (std::size_t got = file.read(buffer, sizeof buffer)) all.append(buffer, got);
    EXPECT_EQ(all, text);
    EXPECT_EQ(file.error(), "");

    FileByteSource directory;
    EXPECT_FALSE(directory.open(std::string(ILO_SOURCE_DIR) + "/tests", diagnostics));
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].message, "cannot read input: it is a directory, expected a file");
}

TEST(TbxStream, SourceLinesOfABigFileAreReadBack) {
    const std::string path = std::string(ILO_SOURCE_DIR) + "/tests/tbx/small-2008.tbx";
    const std::string text = file_text(path);
    LineIndex index(text);
    std::map<std::uint32_t, std::string> lines = read_source_lines(path, {1, 3, 5, 100000});
    EXPECT_EQ(lines.size(), 3u);
    for (std::uint32_t line : {1u, 3u, 5u}) EXPECT_EQ(lines[line], index.line_text(line));
    EXPECT_EQ(read_source_lines(path, {2}, 4)[2], std::string(index.line_text(2)).substr(0, 4));
}

}  // namespace
}  // namespace ilo
