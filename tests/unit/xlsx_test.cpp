// XLSX writer and reader: the CSV's cells in a workbook, read back the same; limits, broken and hostile workbooks.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ilo_tbx/format.hpp"
#include "formats/xlsx_reader.hpp"

namespace ilo {
namespace {

TermBase ilo_entry() {
    std::ifstream file(std::string(ILO_SOURCE_DIR) + "/samples/ilo-page.txt", std::ios::binary);
    std::stringstream page;
    page << file.rdbuf();
    Diagnostics diagnostics;
    TermBase term_base =
        read_term_base(*find_format("emn"), Input{"ilo-page.txt", page.str()}, ReadOptions{}, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return term_base;
}

std::string rendered(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics.items()) out += format_diagnostic(diagnostic);
    return out;
}

std::string written(const std::string& format, const TermBase& term_base, const WriteOptions& options,
                    Diagnostics& diagnostics) {
    std::ostringstream out;
    write_term_base(*find_format(format), term_base, out, options, diagnostics);
    return out.str();
}

TermBase read_back(const std::string& format, const std::string& bytes, const ReadOptions& options,
                   Diagnostics& diagnostics) {
    return read_term_base(*find_format(format), Input{"book." + format, bytes}, options, diagnostics);
}

// Every layout and profile: the workbook reads back as the same model as the CSV of the same options,
// with the same loss report.
TEST(Xlsx, EachLayoutReadsBackAsItsCsvDoes) {
    const TermBase entry = ilo_entry();
    struct Case {
        const char* name;
        CsvLayout layout;
        CsvProfile profile;
        std::vector<std::string> languages;
    };
    const std::vector<Case> cases{
        {"wide", CsvLayout::wide, CsvProfile::none, {}},
        {"long", CsvLayout::long_form, CsvProfile::none, {}},
        {"memoq", CsvLayout::wide, CsvProfile::memoq, {"de", "fr"}},
        {"trados", CsvLayout::wide, CsvProfile::trados, {"de", "fr"}},
        {"phrase", CsvLayout::wide, CsvProfile::phrase, {"de", "fr"}},
        {"crowdin", CsvLayout::wide, CsvProfile::crowdin, {"de", "fr"}},
        {"lokalise", CsvLayout::wide, CsvProfile::lokalise, {"de", "fr"}},
        {"matecat", CsvLayout::wide, CsvProfile::matecat, {"de", "fr"}},
        {"translate-toolkit", CsvLayout::wide, CsvProfile::translate_toolkit, {"de"}},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        WriteOptions options;
        options.csv.layout = c.layout;
        options.csv.profile = c.profile;
        options.csv.languages = c.languages;
        Diagnostics csv_diagnostics, xlsx_diagnostics;
        const std::string csv = written("csv", entry, options, csv_diagnostics);
        const std::string xlsx = written("xlsx", entry, options, xlsx_diagnostics);
        ASSERT_FALSE(xlsx_diagnostics.has_errors()) << rendered(xlsx_diagnostics);
        EXPECT_TRUE(xlsx.starts_with("PK\x03\x04"));
        EXPECT_EQ(rendered(csv_diagnostics), rendered(xlsx_diagnostics));

        ReadOptions read_options;
        read_options.csv.profile = c.profile;
        read_options.csv.layout = c.layout;
        // lokalise's 'term' column and translate-toolkit's 'source'/'target' do not name their languages
        read_options.csv.source_language = "en";
        read_options.csv.languages = c.languages;
        Diagnostics csv_read, xlsx_read;
        TermBase from_csv = read_back("csv", csv, read_options, csv_read);
        TermBase from_xlsx = read_back("xlsx", xlsx, read_options, xlsx_read);
        ASSERT_FALSE(csv_read.has_errors()) << rendered(csv_read);
        ASSERT_FALSE(xlsx_read.has_errors()) << rendered(xlsx_read);
        EXPECT_EQ(csv_read.warning_count(), xlsx_read.warning_count()) << rendered(xlsx_read);
        EXPECT_TRUE(from_csv == from_xlsx);
        EXPECT_FALSE(from_xlsx.concepts.empty());
    }
}

// The long layout is lossless through a workbook too, including what only it keeps (an empty term,
// spaces at the ends of a term, a line break, text that looks like a formula or an _xHHHH_ escape).
TEST(Xlsx, LongLayoutKeepsExactText) {
    TermBase term_base;
    term_base.title = "Exact text";
    Concept concept_value;
    concept_value.id = "c1";
    concept_value.notes = {"first line\nsecond line"};
    LanguageSection en;
    en.language = "en";
    en.terms = {Term{.text = "  spaced  "}, Term{.text = ""}, Term{.text = "=SUM(A1)"}, Term{.text = "_x0041_ literal"},
                Term{.text = "emoji \xF0\x9F\x98\x80"}};
    concept_value.languages.push_back(en);
    term_base.concepts.push_back(concept_value);

    WriteOptions options;
    options.csv.layout = CsvLayout::long_form;
    Diagnostics diagnostics;
    const std::string xlsx = written("xlsx", term_base, options, diagnostics);
    ASSERT_EQ(diagnostics.items().size(), 0u) << rendered(diagnostics);
    TermBase reread = read_back("xlsx", xlsx, ReadOptions{}, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors()) << rendered(diagnostics);
    EXPECT_TRUE(reread == term_base);
    ASSERT_EQ(reread.concepts.size(), 1u);
    ASSERT_EQ(reread.concepts[0].languages.size(), 1u);
    for (std::size_t t = 0; t < en.terms.size() && t < reread.concepts[0].languages[0].terms.size(); ++t)
        EXPECT_EQ(reread.concepts[0].languages[0].terms[t].text, en.terms[t].text);
}

TEST(Xlsx, WritingIsDeterministic) {
    const TermBase entry = ilo_entry();
    Diagnostics first_diagnostics, second_diagnostics;
    const std::string first = written("xlsx", entry, WriteOptions{}, first_diagnostics);
    const std::string second = written("xlsx", entry, WriteOptions{}, second_diagnostics);
    EXPECT_EQ(first, second);
    EXPECT_GT(first.size(), 1000u);
}

TEST(Xlsx, CellBeyondExcelsLimitIsAnError) {
    TermBase term_base;
    Concept concept_value;
    concept_value.id = "c1";
    concept_value.notes = {std::string(40000, 'n')};
    concept_value.languages.push_back(LanguageSection{.language = "en", .terms = {Term{.text = "term"}}});
    term_base.concepts.push_back(concept_value);
    Diagnostics diagnostics;
    written("xlsx", term_base, WriteOptions{}, diagnostics);
    ASSERT_EQ(diagnostics.error_count(), 1u) << rendered(diagnostics);
    EXPECT_EQ(diagnostics.items().back().code, "xlsx.limit");
    EXPECT_NE(diagnostics.items().back().message.find("40000 characters"), std::string::npos)
        << diagnostics.items().back().message;
}

void expect_refused(const std::string& bytes, const std::string& code, const std::string& message_part) {
    Diagnostics diagnostics;
    TermBaseCollector collector;
    read_xlsx(Input{"book.xlsx", bytes}, ReadOptions{}, diagnostics, collector);
    ASSERT_EQ(diagnostics.error_count(), 1u) << rendered(diagnostics);
    const Diagnostic& error = diagnostics.items().back();
    EXPECT_EQ(error.code, code) << rendered(diagnostics);
    EXPECT_NE(error.message.find(message_part), std::string::npos) << error.message;
    EXPECT_TRUE(collector.term_base().concepts.empty());
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbook) {
    expect_refused("", "xlsx.zip", "not an Excel workbook");
    expect_refused("id,en\n1,term\n", "xlsx.zip", "not an Excel workbook");
    expect_refused(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'), "xlsx.zip",
                   "Excel 97-2003 (.xls)");
    expect_refused(std::string("PK\x03\x04", 4) + std::string(100, 'x'), "xlsx.zip", "cannot open the ZIP archive");
}

// A workbook cut anywhere is refused with one error, never read in part (and never crashes).
TEST(XlsxReader, TruncatedWorkbookIsRefused) {
    Diagnostics diagnostics;
    const std::string xlsx = written("xlsx", ilo_entry(), WriteOptions{}, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors());
    for (std::size_t cut = 0; cut < xlsx.size(); cut += 61) {
        SCOPED_TRACE(cut);
        Diagnostics read_diagnostics;
        TermBaseCollector collector;
        read_xlsx(Input{"cut.xlsx", std::string_view(xlsx).substr(0, cut)}, ReadOptions{}, read_diagnostics,
                  collector);
        EXPECT_TRUE(read_diagnostics.has_errors());
        EXPECT_TRUE(collector.term_base().concepts.empty());
    }
}

}  // namespace
}  // namespace ilo
