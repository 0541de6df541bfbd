// CSV reader: every real-world file under ../shared/reference/real-world/csv, then each syntax and layout rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "ilo_tbx/format.hpp"
#include "model_dump.hpp"

namespace ilo {
namespace {

const std::string reference_dir = std::string(ILO_SHARED_DIR) + "/reference/real-world/csv/";

struct ReadResult {
    TermBase term_base;
    Diagnostics diagnostics;
    std::string name;
};

ReadResult read_text(const std::string& text, const std::string& format = "csv", ReadOptions options = {},
                     const std::string& name = "in.csv") {
    ReadResult result;
    result.name = name;
    result.term_base = read_term_base(*find_format(format), Input{name, text}, options, result.diagnostics);
    return result;
}

ReadResult read_reference(const std::string& relative, const std::string& format = "csv",
                          const std::string& source_language = {}, const std::string& target_language = {}) {
    std::ifstream file(reference_dir + relative, std::ios::binary);
    EXPECT_TRUE(file) << "missing reference file " << relative;
    std::stringstream buffer;
    buffer << file.rdbuf();
    ReadOptions options;
    options.csv.source_language = source_language;
    if (!target_language.empty()) options.csv.languages = {target_language};
    return read_text(buffer.str(), format, options, relative);
}

// "line:col: severity: message [code]" for every diagnostic, one per line.
std::string diagnostics_text(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics.items()) {
        out += std::to_string(diagnostic.pos.line) + ":" + std::to_string(diagnostic.pos.column) + ": ";
        out += diagnostic.severity == Severity::error ? "error: " : "warning: ";
        out += diagnostic.message + " [" + diagnostic.code + "]\n";
    }
    return out;
}

std::size_t count_code(const Diagnostics& diagnostics, const std::string& code) {
    std::size_t count = 0;
    for (const Diagnostic& diagnostic : diagnostics.items()) count += diagnostic.code == code;
    return count;
}

// --- OmegaT ---------------------------------------------------------------

TEST(CsvReferenceFiles, OmegatCsvWithQuotedCommasAndDoubledQuotes) {
    ReadResult result = read_reference("omegat/test.csv", "csv", "en", "cs");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "source_language: en\n"
              "concept c1\n  lang en\n    term kde\n  lang cs\n    term csv kde\n"
              "concept c2\n  lang en\n    term question\n  lang cs\n    term csv q\n"
              "concept c3\n  lang en\n    term kde; question\n  lang cs\n    term comma\n"
              "concept c4\n  lang en\n    term kde, qu\n  lang cs\n    term comma dot\n"
              "concept c5\n  lang en\n    term \"kde\",\"q\"\n  lang cs\n    term cdk\n"
              "concept c6\n  lang en\n    term \"\"k\n  lang cs\n    term k\n"
              "concept c7\n  lang en\n    term zz\"zz\n  lang cs\n    term zz\n");
}

TEST(CsvReferenceFiles, OmegatTabWithCommentColumnAndCjkSources) {
    ReadResult result = read_reference("omegat/test.tab", "tsv", "ja", "fr");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "source_language: ja\n"
              "concept c1\n  lang ja\n    term kde\n  lang fr\n    term koo moo\n"
              "concept c2\n  lang ja\n    term question\n  lang fr\n    term qqqqq\n"
              "concept c3\n  note: https://fr.wikipedia.org/wiki/Science_du_syst%C3%A8me_Terre\n"
              "  lang ja\n    term 地球システム\n  lang fr\n    term System Terre\n"
              "concept c4\n  lang ja\n    term 손가락\n  lang fr\n    term Korean Term\n");
}

TEST(CsvReferenceFiles, OmegatMagicCommentOnlyFilesHoldNoEntries) {
    for (const char* file : {"omegat/test-magiccomment.tab", "omegat/test-magiccomment-bom.tab"}) {
        ReadResult result = read_reference(file, "tsv");
        EXPECT_TRUE(result.term_base.concepts.empty()) << file;
        // The coding comment is an encoding declaration, not content: no "comment ignored" warning.
        EXPECT_EQ(diagnostics_text(result.diagnostics), "0:0: warning: the file holds no entries [csv.empty]\n")
            << file;
    }
}

TEST(CsvReferenceFiles, OmegatEmptyFileHoldsNoEntries) {
    ReadResult result = read_reference("omegat/empty.txt", "tsv");
    EXPECT_TRUE(result.term_base.concepts.empty());
    EXPECT_EQ(diagnostics_text(result.diagnostics), "0:0: warning: the file holds no entries [csv.empty]\n");
}

TEST(CsvReferenceFiles, OmegatProjectGlossaryWithHeaderComment) {
    ReadResult result = read_reference("omegat/acceptance-project-glossary.txt", "tsv", "en", "ja");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "source_language: en\n"
              "concept c1\n  lang en\n    term Introduction\n  lang ja\n    term 紹介\n"
              "concept c2\n  lang en\n    term Error\n  lang ja\n    term エラー\n");
}

TEST(CsvReferenceFiles, OmegatGlossarySeparatedBySpacesIsSplitWithAWarning) {
    ReadResult result = read_reference("omegat/acceptance-project_CN_JP-glossary.txt", "tsv", "zh", "ja");
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "2:3: warning: no delimiter on this line; read the runs of spaces as the column separator (here and "
              "on any later such line) [csv.space-separated]\n");
    EXPECT_EQ(testing::dump(result.term_base),
              "source_language: zh\n"
              "concept c1\n  lang zh\n    term 介绍\n  lang ja\n    term 紹介\n"
              "concept c2\n  lang zh\n    term 中的\n  lang ja\n    term 中心的な\n");
}

// --- Okapi ------------------------------------------------------------------

TEST(CsvReferenceFiles, OkapiCsvWithPaddedCellsAndNoFinalNewline) {
    ReadResult result = read_reference("okapi/test01.csv", "csv", "en", "fr");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "source_language: en\n"
              "concept c1\n  lang en\n    term source 1\n  lang fr\n    term target 1\n"
              "concept c2\n  lang en\n    term source 2\n  lang fr\n    term target 2\n"
              "concept c3\n  lang en\n    term source 3\n  lang fr\n    term target 3\n"
              "concept c4\n  lang en\n    term source 3\n  lang fr\n    term target 3\n");
}

TEST(CsvReferenceFiles, OkapiTsvWithBlankAndOneSidedLines) {
    ReadResult result = read_reference("okapi/test01.tsv", "tsv", "en", "fr");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "source_language: en\n"
              "concept c1\n  lang en\n    term source 1\n  lang fr\n    term target 1\n"
              "concept c2\n  lang en\n    term term 2\n  lang fr\n    term trans term 2\n"
              "concept c3\n  lang en\n    term jasjjal\n"
              "concept c4\n  lang en\n    term entry with one tab no target\n"
              "concept c5\n  lang fr\n    term no source\n"
              "concept c6\n  lang en\n    term source 3\n  lang fr\n    term target 3\n");
}

// --- MateCat ----------------------------------------------------------------

TEST(CsvReferenceFiles, MatecatFullStructure) {
    ReadResult result = read_reference("matecat/full-structure-valid.csv");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  subject: Uber\n  definition: bla bla bla\n  note: Subdomain: Partner\n"
              "  lang en-US\n    term Contact\n  lang it-IT\n    term Contattare\n  lang es-ES\n    term Contactar\n"
              "concept c2\n  subject: Uber\n  definition: bla bla bla\n  note: Subdomain: Eats\n"
              "  lang en-US\n    term Eat\n  lang it-IT\n    term Mangiare\n  lang es-ES\n    term Comer\n");
}

TEST(CsvReferenceFiles, MatecatMinimalWithNotesOfTheLanguageBefore) {
    ReadResult result = read_reference("matecat/minimal-valid.csv");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  lang en-US\n    term house\n  lang it-IT\n    term casa\n      note: This is a note\n"
              "concept c2\n  lang en-US\n    term hello\n  lang it-IT\n    term ciao\n      note: This is a note\n"
              "concept c3\n  lang en-US\n    term No\n  lang it-IT\n    term No\n      note: This is a note\n");
}

TEST(CsvReferenceFiles, MatecatMixedWithoutForbiddenColumn) {
    ReadResult result = read_reference("matecat/mixed-valid.csv");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  subject: Uber\n  definition: bla bla bla\n  note: Subdomain: Partner\n"
              "  lang en-US\n    term Contact\n      note: Nota\n  lang it-IT\n    term Contattare\n      note: Nota\n"
              "  lang es-ES\n    term Contactar\n      note: Nota\n"
              "concept c2\n  subject: Uber\n  definition: bla bla bla\n  note: Subdomain: Eats\n"
              "  lang en-US\n    term Eat\n      note: Nota\n  lang it-IT\n    term Mangiare\n      note: Nota\n"
              "  lang es-ES\n    term Comer\n      note: Nota\n");
}

// MateCat's own tests call this file invalid; every column is a valid locale
// (es-419 is Latin American Spanish), so we read it, three languages per entry.
TEST(CsvReferenceFiles, MatecatMinimalInvalidIsThreeValidLocales) {
    ReadResult result = read_reference("matecat/minimal-invalid.csv");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  lang en-US\n    term house\n  lang it-IT\n    term casa\n  lang es-419\n    term casa\n"
              "concept c2\n  lang en-US\n    term hello\n  lang it-IT\n    term ciao\n  lang es-419\n    term Hola\n"
              "concept c3\n  lang en-US\n    term No\n  lang it-IT\n    term No\n  lang es-419\n    term No\n");
}

TEST(CsvReferenceFiles, MatecatInvalidTargetLanguageIsRejectedAtItsColumn) {
    ReadResult result = read_reference("matecat/Final-Matecat-new_glossary_format-InvalidTargetLang.csv");
    EXPECT_TRUE(result.term_base.concepts.empty());
    ASSERT_EQ(result.diagnostics.items().size(), 1u);
    const Diagnostic& error = result.diagnostics.items()[0];
    EXPECT_EQ(error.pos.file, "matecat/Final-Matecat-new_glossary_format-InvalidTargetLang.csv");
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "1:66: error: 'INVALID_TARGET_LANG' is neither a known column name nor a language (such as 'de', "
              "'de-DE', 'German' or 'Term [de]') [csv.unknown-column]\n");
}

TEST(CsvReferenceFiles, MatecatEmptyHeaderIsRejected) {
    ReadResult result = read_reference("matecat/GlossaryInvalidHeader.csv");
    EXPECT_TRUE(result.term_base.concepts.empty());
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "1:1: error: the first row has only empty cells; expected a header row of column names (such as "
              "'en', 'de-DE' or 'Term:German') or a first entry [csv.empty-header]\n");
}

TEST(CsvReferenceFiles, MatecatBogusRegionIsRejected) {
    ReadResult result = read_reference("matecat/invalid-structure.csv");
    EXPECT_TRUE(result.term_base.concepts.empty());
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "1:1: error: 'en-ZZ' is not a usable language: 'ZZ' is not a known region [csv.unknown-column]\n");
}

TEST(CsvReferenceFiles, MatecatHeaderWithoutLanguagesIsRejected) {
    ReadResult result = read_reference("matecat/invalid-language.csv");
    EXPECT_TRUE(result.term_base.concepts.empty());
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "1:1: error: cannot tell the languages of this file: its first row names no language column (such "
              "as 'en', 'de-DE' or 'Term:German'); give --source-lang and --langs for a file of source and target "
              "terms without a header row [csv.languages-unknown]\n");
}

// --- Crowdin (freeCodeCamp) -----------------------------------------------

const char* const crowdin_name_guesses =
    "1:768: warning: read the language name 'Indoensian' as Indonesian (id) in column 'Term:Indoensian' "
    "[csv.language-name-guess]\n"
    "1:784: warning: read the language name 'Indoensian' as Indonesian (id) in column 'Description:Indoensian' "
    "[csv.language-name-guess]\n"
    "1:1562: warning: read the language name 'Ukranian' as Ukrainian (uk) in column 'Term:Ukranian' "
    "[csv.language-name-guess]\n"
    "1:1576: warning: read the language name 'Ukranian' as Ukrainian (uk) in column 'Description:Ukranian' "
    "[csv.language-name-guess]\n";

TEST(CsvReferenceFiles, CrowdinHeaderOnlyFilesHoldNoConcepts) {
    for (const char* file : {"freecodecamp-crowdin/client.csv", "freecodecamp-crowdin/testing.csv"}) {
        ReadResult result = read_reference(file);
        EXPECT_TRUE(result.term_base.concepts.empty()) << file;
        EXPECT_EQ(diagnostics_text(result.diagnostics), crowdin_name_guesses) << file;
    }
}

struct LanguageCounts {
    std::map<std::string, std::size_t> terms;
    std::map<std::string, std::size_t> definitions;
    std::map<std::string, std::size_t> parts_of_speech;
};

LanguageCounts count_by_language(const TermBase& term_base) {
    LanguageCounts counts;
    for (const Concept& concept_value : term_base.concepts) {
        for (const LanguageSection& language : concept_value.languages) {
            if (!language.terms.empty()) counts.terms[language.language] += language.terms.size();
            if (!language.definitions.empty()) counts.definitions[language.language] += language.definitions.size();
            for (const Term& term : language.terms)
                if (!term.part_of_speech.empty()) ++counts.parts_of_speech[term.part_of_speech];
        }
    }
    return counts;
}

TEST(CsvReferenceFiles, CrowdinDocsGlossaryByLanguageName) {
    ReadResult result = read_reference("freecodecamp-crowdin/docs.csv");
    EXPECT_FALSE(result.diagnostics.has_errors());
    ASSERT_EQ(result.term_base.concepts.size(), 38u);
    LanguageCounts counts = count_by_language(result.term_base);
    EXPECT_EQ(counts.terms, (std::map<std::string, std::size_t>{{"en", 38}, {"pt-BR", 8}, {"it", 2}, {"es", 10},
                                                                {"uk", 10}, {"ru", 4}, {"zh-Hans", 1}, {"id", 1}}));
    EXPECT_EQ(counts.definitions, (std::map<std::string, std::size_t>{
                                      {"en", 7}, {"ru", 17}, {"pt-BR", 4}, {"es", 1}, {"zh-Hans", 1}, {"uk", 2}}));
    EXPECT_EQ(counts.parts_of_speech, (std::map<std::string, std::size_t>{
                                          {"noun", 15}, {"verb", 3}, {"adjective", 2}, {"properNoun", 1}, {"other", 1}}));
    // A description in a language without a term there is kept, and said.
    EXPECT_EQ(count_code(result.diagnostics, "csv.no-term"), 16u);
    EXPECT_EQ(count_code(result.diagnostics, "csv.language-name-guess"), 4u);
    EXPECT_EQ(result.diagnostics.items().size(), 20u);
    EXPECT_EQ(testing::dump(TermBase{{}, {result.term_base.concepts[3]}}),
              "concept c4\n"
              "  lang en\n    term pull-request [noun]\n"
              "  lang pt-BR\n    term pull-requests\n"
              "  lang ru\n    definition: предложение на изменение/слияние/внесение в кодовую базу\n"
              "  lang es\n    term solicitudes de extracción\n"
              "  lang uk\n    term пул реквест\n");
}

TEST(CsvReferenceFiles, CrowdinCurriculumGlossaryByLanguageName) {
    ReadResult result = read_reference("freecodecamp-crowdin/curriculum.csv");
    EXPECT_FALSE(result.diagnostics.has_errors());
    ASSERT_EQ(result.term_base.concepts.size(), 432u);
    LanguageCounts counts = count_by_language(result.term_base);
    EXPECT_EQ(counts.terms,
              (std::map<std::string, std::size_t>{{"en", 432}, {"bg", 1},      {"de", 10},  {"he", 1},  {"fa", 3},
                                                  {"es", 158}, {"tr", 12},     {"uk", 110}, {"ur-PK", 8}, {"bn", 17},
                                                  {"it", 29},  {"fr", 13},     {"vi", 1},   {"zh-Hans", 90},
                                                  {"ja", 126}, {"ar", 1},      {"pt", 1},   {"ru", 24}, {"pt-BR", 4},
                                                  {"ca", 1},   {"da", 1}}));
    EXPECT_EQ(counts.definitions,
              (std::map<std::string, std::size_t>{{"de", 6}, {"he", 1},  {"ru", 46},     {"es", 8},  {"fr", 1},
                                                  {"ja", 54}, {"en", 18}, {"zh-Hans", 7}, {"bn", 3},  {"uk", 20},
                                                  {"it", 1}, {"fa", 1},  {"pt-BR", 1}}));
    // DET and PRON are Universal Dependencies tags with no TBX-Basic value: kept, and said once each.
    EXPECT_EQ(counts.parts_of_speech,
              (std::map<std::string, std::size_t>{{"noun", 183}, {"properNoun", 10}, {"adjective", 6}, {"verb", 4},
                                                  {"DET", 4}, {"other", 1}, {"PRON", 1}, {"adverb", 1}}));
    EXPECT_EQ(count_code(result.diagnostics, "csv.picklist"), 2u);
    EXPECT_EQ(count_code(result.diagnostics, "csv.no-term"), 47u);
    EXPECT_EQ(testing::dump(TermBase{{}, {result.term_base.concepts[0]}}),
              "concept c1\n"
              "  lang en\n    term Ali [noun]\n"
              "  lang bg\n    term Camper Cat\n"
              "  lang de\n    definition: Charakter von freeCodeCamp\n    term Camper Katze\n"
              "  lang he\n    definition: דמות של מחנה קוד חינם\n    term קמפר קאט\n"
              "  lang fa\n    term گربه ی جنگجو\n"
              "  lang ru\n    definition: Котурист\n"
              "  lang es\n    definition: Character of freeCodeCamp\n    term Camper Cat\n"
              "  lang tr\n    term Kampçı Kedi\n"
              "  lang uk\n    term Кіт Кампер\n"
              "  lang ur-PK\n    term علی\n");
}

// --- Encodings ----------------------------------------------------------------

TEST(CsvEncoding, Utf8WithAndWithoutBomReadAlike) {
    ReadResult plain = read_text("en,de\nhouse,Haus\n");
    ReadResult bom = read_text("\xEF\xBB\xBF" "en,de\nhouse,Haus\n");
    EXPECT_EQ(diagnostics_text(bom.diagnostics), "");
    EXPECT_EQ(plain.term_base, bom.term_base);
    EXPECT_EQ(testing::dump(bom.term_base), "concept c1\n  lang en\n    term house\n  lang de\n    term Haus\n");
}

std::string utf16(const std::u16string& text, bool little_endian) {
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (char16_t unit : text) {
        char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
        out += little_endian ? low : high;
        out += little_endian ? high : low;
    }
    return out;
}

TEST(CsvEncoding, Utf16LittleAndBigEndianWithBom) {
    std::u16string text = u"en\tfr\r\nGr\u00FC\u00DFe \U0001F600\tsalut\r\n";
    for (bool little_endian : {true, false}) {
        ReadResult result = read_text(utf16(text, little_endian), "tsv");
        EXPECT_EQ(diagnostics_text(result.diagnostics), "") << little_endian;
        EXPECT_EQ(testing::dump(result.term_base),
                  "concept c1\n  lang en\n    term Grüße \xF0\x9F\x98\x80\n  lang fr\n    term salut\n")
            << little_endian;
    }
}

TEST(CsvEncoding, InvalidUtf16IsAnError) {
    std::string text = utf16(u"en,fr\n", true);
    text += std::string("\x00\xD8" "a\x00", 4);  // an unpaired high surrogate
    ReadResult result = read_text(text);
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "0:0: error: the file is not valid UTF-16LE (an unpaired surrogate?); expected the text its byte "
              "order mark announces [csv.encoding]\n");
}

TEST(CsvEncoding, ExcelAnsiFileIsReadAsWindows1252WithAWarning) {
    // "caf\xE9" and a Windows-1252 right single quote (0x92) and euro sign (0x80).
    ReadResult result = read_text("en;fr\r\ncoffee;caf\xE9\r\nit's;l\x92\x80\r\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "2:11: warning: the file is not UTF-8 (byte 0xE9); read it as Windows-1252, the 'ANSI' encoding Excel "
              "saves; save as 'CSV UTF-8' to avoid this guess [csv.encoding-ansi]\n");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  lang en\n    term coffee\n  lang fr\n    term café\n"
              "concept c2\n  lang en\n    term it's\n  lang fr\n    term l\u2019\u20AC\n");
}

TEST(CsvEncoding, NulBytesWithoutBomAreAnError) {
    ReadResult result = read_text(std::string("e\0n,fr\n", 7));
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "1:2: error: the file contains NUL bytes: UTF-16 without a byte order mark, or not text; expected "
              "UTF-8, or UTF-16 with a byte order mark [csv.encoding]\n");
}

TEST(CsvEncoding, ControlCharactersAreReplacedWithAWarning) {
    ReadResult result = read_text("en,fr\nbell\x07,cloche\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "2:5: warning: control character U+0007 cannot be stored in a term base; replaced by U+FFFD "
              "[csv.control-character]\n");
    EXPECT_EQ(result.term_base.concepts.at(0).languages.at(0).terms.at(0).text, "bell\xEF\xBF\xBD");
}

// --- RFC 4180 syntax ------------------------------------------------------------

TEST(CsvSyntax, QuotedCellsHoldDelimitersQuotesAndLineBreaks) {
    ReadResult result = read_text("en,fr,note\r\n\"a, b\",\"le \"\"b\"\"\",\"line 1\r\nline 2\rline 3\"\r\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  lang en\n    term a, b\n  lang fr\n    term le \"b\"\n      note: line 1\nline 2\nline 3\n");
}

TEST(CsvSyntax, LfCrlfAndCrLineEndsReadAlike) {
    ReadResult lf = read_text("en,de\none,eins\ntwo,zwei\n");
    ReadResult crlf = read_text("en,de\r\none,eins\r\ntwo,zwei\r\n");
    ReadResult cr = read_text("en,de\rone,eins\rtwo,zwei");
    EXPECT_EQ(lf.term_base, crlf.term_base);
    EXPECT_EQ(lf.term_base, cr.term_base);
    EXPECT_EQ(lf.term_base.concepts.size(), 2u);
    // Positions count lines the same way too.
    EXPECT_EQ(cr.term_base.concepts.at(1).languages.at(1).terms.at(0).pos.line, 3u);
}

TEST(CsvSyntax, UnclosedQuoteIsAnErrorAtTheOpeningQuote) {
    ReadResult result = read_text("en,de\none,\"eins\ntwo,zwei\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "2:5: error: this quoted cell is never closed; expected a closing '\"' (write a quote inside a quoted "
              "cell as '\"\"') [csv.unclosed-quote]\n");
}

TEST(CsvSyntax, TextAfterAClosingQuoteIsAnError) {
    ReadResult result = read_text("en,de\n\"one\"x,eins\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "2:6: error: unexpected text after the closing quote of a quoted cell; expected the delimiter or the "
              "end of the line (write a quote inside a quoted cell as '\"\"') [csv.text-after-quote]\n");
}

TEST(CsvSyntax, TabSeparatedCellsMayStartWithALiteralQuote) {
    ReadResult result = read_text("en\tde\n\"Hello\" world\t\"Hallo\" Welt\n", "tsv");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  lang en\n    term \"Hello\" world\n  lang de\n    term \"Hallo\" Welt\n");
}

TEST(CsvSyntax, RaggedRowIsAnErrorWithItsPosition) {
    ReadResult result = read_text("en,de\none,eins\ntwo,zwei,drei\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "3:10: error: this row has 3 cells but the header has 2 columns; cell 3 has no column "
              "[csv.ragged-row]\n");
}

TEST(CsvSyntax, TrailingEmptyCellsAndShortRowsAreFine) {
    ReadResult result = read_text("en,de,fr\none,eins,,\ntwo\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  lang en\n    term one\n  lang de\n    term eins\nconcept c2\n  lang en\n    term two\n");
}

TEST(CsvSyntax, DelimiterIsDetectedAmongCommaSemicolonAndTab) {
    const std::string expected = "concept c1\n  lang en\n    term a, b\n  lang de\n    term c; d\n";
    EXPECT_EQ(testing::dump(read_text("en;de\n\"a, b\";\"c; d\"\n").term_base), expected);
    EXPECT_EQ(testing::dump(read_text("en\tde\na, b\tc; d\n").term_base), expected);
    EXPECT_EQ(testing::dump(read_text("en,de\n\"a, b\",c; d\n").term_base), expected);
    ReadOptions semicolon;
    semicolon.csv.delimiter = ';';
    EXPECT_EQ(testing::dump(read_text("en;de\na, b, c;d\n", "csv", semicolon).term_base),
              "concept c1\n  lang en\n    term a, b, c\n  lang de\n    term d\n")
        << "an explicit delimiter is obeyed even where another splits more";
}

// --- Headers and layouts ------------------------------------------------------------

TEST(CsvHeaders, LanguageColumnsByCodeVariantsAndNames) {
    ReadResult result = read_text("de_DE,pt-br,Term [fr],Term:German,Spanish (Modern),Portuguese (Brazilian)\n"
                                  "a,b,c,d,e,f\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  lang de-DE\n    term a\n  lang pt-BR\n    term b\n    term f\n  lang fr\n    term c\n"
              "  lang de\n    term d\n  lang es\n    term e\n");
}

TEST(CsvHeaders, CrowdinBracketColumnsCarryDescriptionAndPartOfSpeech) {
    ReadResult result = read_text("Term [en],Description [en],Part of Speech [en],Term [de],Description [de]\n"
                                  "bank,a place for money,Noun,Bank,Geldinstitut\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  lang en\n    definition: a place for money\n    term bank [noun]\n"
              "  lang de\n    definition: Geldinstitut\n    term Bank\n");
}

TEST(CsvHeaders, WideLayoutWithIdsNotesAndSeveralTermsPerCell) {
    ReadResult result = read_text(
        "id,subject_field,definition [en],definition_source [en],note,url,en,da\n"
        "ilo,migration,An officer posted abroad,Reg. 377/2004,note 1 | note 2,https://example.org/ilo,"
        "Immigration Liaison Officer | ILO | a \\| b,\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept ilo\n  subject: migration\n  url: https://example.org/ilo\n  note: note 1\n  note: note 2\n"
              "  lang en\n    definition: An officer posted abroad\n      source: Reg. 377/2004\n"
              "    term Immigration Liaison Officer\n    term ILO\n    term a | b\n");
}

TEST(CsvHeaders, NumericIdsBecomeXmlIdsWithOneWarning) {
    ReadResult result = read_text("ID,en\n1,one\n2,two\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "2:1: warning: concept id '1' is not a valid xml:id; read as 'c1' (ids like it are changed the same "
              "way without further warnings) [csv.id-changed]\n");
    EXPECT_EQ(result.term_base.concepts.at(1).id, "c2");
}

TEST(CsvHeaders, RowsSharingAnIdAreOneConcept) {
    ReadResult result = read_text("CID,en,en_forbidden,de,de_forbidden\n7,car,FALSE,Auto,FALSE\n7,,,Karre,TRUE\n");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c7\n  lang en\n    term car\n  lang de\n    term Auto\n    term Karre [deprecatedTerm-admn-sts]\n");
}

TEST(CsvHeaders, ForbiddenBeforeTheLanguagesMarksTheTranslations) {
    ReadResult result = read_text("Forbidden,en-GB,Notes,it-IT,Notes\nTRUE,House,,Gatto,wrong animal\n");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  lang en-GB\n    term House\n"
              "  lang it-IT\n    term Gatto [deprecatedTerm-admn-sts]\n      note: wrong animal\n");
}

TEST(CsvHeaders, LanguageLessTermColumnNeedsTheSourceLanguage) {
    const std::string lokalise = "term;description;casesensitive;translatable;forbidden;tags;de;de_description\n"
                                 "bank;money place;0;1;0;finance;Bank;Geldinstitut\n";
    ReadResult without = read_text(lokalise);
    EXPECT_EQ(diagnostics_text(without.diagnostics),
              "1:1: error: column 'term' does not say its language; give --source-lang (or name the column by its "
              "language, such as 'en' or 'Term [en]') [csv.languages-unknown]\n");
    ReadOptions options;
    options.csv.source_language = "en";
    ReadResult with = read_text(lokalise, "csv", options);
    EXPECT_EQ(diagnostics_text(with.diagnostics), "");
    EXPECT_EQ(testing::dump(with.term_base),
              "source_language: en\nconcept c1\n  note: tags: finance\n"
              "  lang en\n    definition: money place\n    term bank\n"
              "  lang de\n    definition: Geldinstitut\n    term Bank\n");
}

TEST(CsvHeaders, HeaderCommentsCarryTheTermBaseHeader) {
    ReadResult result = read_text("# title: My glossary\n# source_language: en\n# an ordinary remark\nen,fr\na,b\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "3:1: warning: comment line not imported (only '# title:', '# source_description:', "
              "'# source_language:', '# paragraphs:' and '# back_matter:' comments carry data) "
              "[csv.comment-ignored]\n");
    EXPECT_EQ(result.term_base.title, "My glossary");
    EXPECT_EQ(result.term_base.source_language, "en");
}

// A header comment is read whatever its value holds: "-*- coding" marks OmegaT's encoding line only in a comment that
// is not a header field (found by the JSON fuzz target: a title holding it was dropped, with no loss reported).
TEST(CsvHeaders, AHeaderValueMayMentionAnEncodingLine) {
    ReadResult result =
        read_text("# title: A -*- coding: utf-8 -*- glossary\n# Glossary -*- coding: utf-8 -*-\nen,fr\na,b\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(result.term_base.title, "A -*- coding: utf-8 -*- glossary");
}

// Paragraph groups are numbered from 0 as the TBX readers number them, in a file with no entries too (found by the
// CSV fuzz run: a lone group 1 came back from TBX as group 0, with no loss reported).
TEST(CsvHeaders, ParagraphGroupsAreNumberedInAFileWithoutEntries) {
    ReadResult result =
        read_text("# paragraphs: [{\"section\":\"revisionDesc\",\"text\":\"Updated.\",\"group\":\"1\"}]\n# a remark\n");
    ASSERT_EQ(result.term_base.paragraphs.size(), 1u);
    EXPECT_EQ(result.term_base.paragraphs[0].group, 0u);
    EXPECT_EQ(count_code(result.diagnostics, "csv.empty"), 1u);
}

// A file without a header row may hold comments anywhere (OmegaT), but the header has been handed on with the first
// entry: a header comment after it is reported, not silently left out.
TEST(CsvHeaders, HeaderCommentAfterTheFirstEntryIsReported) {
    ReadOptions options;
    options.csv.profile = CsvProfile::omegat;
    options.csv.source_language = "en";
    options.csv.languages = {"mt"};
    ReadResult result =
        read_text("ILO\tUffi\u010bjal\n# title: Mid-file title\nrefugee\trifu\u0121jat\n", "tsv", options);
    EXPECT_EQ(diagnostics_text(result.diagnostics),
              "2:1: warning: a '# title:' comment after the first entry is not read; such comments go before the "
              "first row [csv.comment-ignored]\n");
    EXPECT_EQ(result.term_base.title, "");
    EXPECT_EQ(result.term_base.concepts.size(), 2u);
}

// The TBX readers give a language tag back in RFC 5646's letter case, so the CSV reader takes it in that case
// too (found by the CSV fuzz run: "eGGGGn" came back from TBX as "eggggn" with no loss reported).
TEST(CsvHeaders, SourceLanguageCommentTakesTheCanonicalLetterCase) {
    EXPECT_EQ(read_text("# source_language: EN-gb\nen,fr\na,b\n").term_base.source_language, "en-GB");
    EXPECT_EQ(read_text("# source_language: eGGGGn\nen,fr\na,b\n").term_base.source_language, "eggggn");
    // Not a language tag: kept as written (a TBX writer refuses it with tbx.bad-language).
    EXPECT_EQ(read_text("# source_language: English!\nen,fr\na,b\n").term_base.source_language, "English!");
}

TEST(CsvHeaders, HashAfterTheHeaderIsData) {
    ReadResult result = read_text("en,fr\n#hashtag,mot-dièse\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(result.term_base.concepts.at(0).languages.at(0).terms.at(0).text, "#hashtag");
}

TEST(CsvHeaders, FormulaEscapeIsUndoneUnlessTurnedOff) {
    const std::string text = "en,fr\n'=SUM(A1),'-moins\n''+x,'@y\n";
    EXPECT_EQ(testing::dump(read_text(text).term_base),
              "concept c1\n  lang en\n    term =SUM(A1)\n  lang fr\n    term -moins\n"
              "concept c2\n  lang en\n    term '+x\n  lang fr\n    term @y\n");
    ReadOptions raw;
    raw.csv.formula_escape = false;
    EXPECT_EQ(read_text(text, "csv", raw).term_base.concepts.at(0).languages.at(0).terms.at(0).text, "'=SUM(A1)");
}

TEST(CsvLongLayout, RowsOfOneConceptNeedNotBeAdjacentAndFilledDownValuesCountOnce) {
    ReadResult result = read_text(
        "concept_id,language,term,administrative_status,definition,concept_note\n"
        "c1,en,car,preferred,a vehicle,shared note\n"
        "c2,en,bike,,,\n"
        "c1,en,automobile,admitted,a vehicle,shared note\n"
        "c1,de,Auto,,,shared note\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    EXPECT_EQ(testing::dump(result.term_base),
              "concept c1\n  note: shared note\n  lang en\n    definition: a vehicle\n"
              "    term car [preferredTerm-admn-sts]\n    term automobile [admittedTerm-admn-sts]\n"
              "  lang de\n    term Auto\nconcept c2\n  lang en\n    term bike\n");
}

TEST(CsvLongLayout, MissingIdAndBadJsonAreErrorsAndABadLanguageIsKeptWithAWarning) {
    EXPECT_EQ(diagnostics_text(read_text("concept_id,language,term\n,en,car\n").diagnostics),
              "2:1: error: this row has no concept_id; expected one on every row of the long layout "
              "[csv.missing-id]\n");
    // As the TBX reader keeps an xml:lang it cannot read, so that such a term base goes through the sheet unchanged.
    ReadResult bad_language = read_text("concept_id,language,term\nc1,english-ish,car\n");
    EXPECT_EQ(diagnostics_text(bad_language.diagnostics),
              "2:4: warning: 'english-ish' is not a language tag; expected a BCP 47 tag such as 'de' (kept as "
              "written) [csv.bad-language]\n");
    EXPECT_EQ(testing::dump(bad_language.term_base), "concept c1\n  lang english-ish\n    term car\n");
    // Quoted, even white space is a language as written (an xml:lang=" " read from a TBX and written out).
    ReadResult blank_language = read_text("concept_id,language,term\nc1,\" \",car\n");
    EXPECT_EQ(blank_language.diagnostics.error_count(), 0u);
    ASSERT_EQ(blank_language.term_base.concepts.size(), 1u);
    EXPECT_EQ(blank_language.term_base.concepts[0].languages.at(0).language, " ");
    // A well-formed tag that names no known language is put in its canonical case, as the TBX reader does.
    ReadResult unknown_language = read_text("concept_id,language,term\nc1,Partner,car\n");
    EXPECT_EQ(unknown_language.term_base.concepts.at(0).languages.at(0).language, "partner");
    EXPECT_EQ(diagnostics_text(read_text("concept_id,language,term,term_extra\nc1,en,car,[{oops\n").diagnostics),
              "2:11: error: column 'term_extra' holds JSON as ilo-tbx writes it, and this cell is not: expected "
              "'\"' at character 3 [csv.bad-json]\n");
}

// The JSON cells are read in exactly the shape they are written, so that nothing in an edited cell is left out
// unremarked, and a field's level is its column's: TBX gives a field the level of the element that holds it.
TEST(CsvLongLayout, JsonCellsOfAnotherShapeOrLevelAreErrors) {
    auto cell_error = [](const std::string& column, const std::string& cell) {
        return diagnostics_text(
            read_text("concept_id,language,term," + column + "\nc1,en,car,\"" + cell + "\"\n").diagnostics);
    };
    EXPECT_EQ(cell_error("term_extra", R"([{""element"":""note"",""lev"":""term""}])"),
              "2:11: error: column 'term_extra' holds JSON as ilo-tbx writes it, and this cell is not: unknown member "
              "\"lev\" in an extra field (expected \"element\", \"type\", \"level\", \"value\", \"target\", "
              "\"attributes\", \"namespace\", \"children\") [csv.bad-json]\n");
    EXPECT_EQ(
        cell_error(
            "term_extra",
            R"([{""element"":""termNoteGrp"",""level"":""term"",""children"":[{""element"":""note"",""level"":""concept""}]}])"),
        "2:11: error: column 'term_extra' holds JSON as ilo-tbx writes it, and this cell is not: an extra field "
        "here is at the term level, so its \"level\" must be \"term\", not \"concept\" [csv.bad-json]\n");
    EXPECT_EQ(cell_error("language_transactions",
                         R"([{""type"":""origination"",""extra"":[{""element"":""note"",""level"":""term""}]}])"),
              "2:11: error: column 'language_transactions' holds JSON as ilo-tbx writes it, and this cell is not: an "
              "extra field here is at the language level, so its \"level\" must be \"language\", not \"term\" "
              "[csv.bad-json]\n");
    EXPECT_EQ(
        cell_error("term_extra", R"([{""element"":""note"",""value"":[]}])"),
        "2:11: error: column 'term_extra' holds JSON as ilo-tbx writes it, and this cell is not: member \"value\" "
        "of an extra field must be a string [csv.bad-json]\n");
    EXPECT_EQ(cell_error("term_extra", R"([{""element"":""note"",""attributes"":[[""id""]]}])"),
              "2:11: error: column 'term_extra' holds JSON as ilo-tbx writes it, and this cell is not: each of "
              "\"attributes\" in an extra field must be an array of two strings [csv.bad-json]\n");
    EXPECT_EQ(cell_error("term_extra", R"([{""element"":""note"",""value"":""a"",""value"":""b""}])"),
              "2:11: error: column 'term_extra' holds JSON as ilo-tbx writes it, and this cell is not: member "
              "\"value\" given twice in an extra field [csv.bad-json]\n");
    EXPECT_EQ(cell_error("concept_transactions", R"([{""type"":""origination"",""who"":""me""}])"),
              "2:11: error: column 'concept_transactions' holds JSON as ilo-tbx writes it, and this cell is not: "
              "unknown member \"who\" in a transaction (expected \"type\", \"date\", \"responsibility\", "
              "\"responsibility_target\", \"extra\") [csv.bad-json]\n");
    // A field without a level takes its column's, as a hand-written cell would mean.
    ReadResult without_level = read_text(
        "concept_id,language,term,language_extra\nc1,en,car,\"[{\"\"element\"\":\"\"note\"\",\"\"value\"\":\"\"x\"\"}]"
        "\"\n");
    EXPECT_EQ(diagnostics_text(without_level.diagnostics), "");
    ASSERT_EQ(without_level.term_base.concepts.at(0).languages.at(0).extra.size(), 1u);
    EXPECT_EQ(without_level.term_base.concepts[0].languages[0].extra[0].level, Level::language_level);
}

// A column of a value that a term (or a long-layout row) holds once would overwrite an earlier one's values.
TEST(CsvHeaders, ASecondColumnOfAOneValueFieldIsAnError) {
    EXPECT_EQ(diagnostics_text(read_text("concept_id,language,term,language\nc1,en,car,de\n").diagnostics),
              "1:26: error: column 'language' repeats 'language' (cell 2 of the header), whose values it would "
              "overwrite; expected one [csv.duplicate-column]\n");
    EXPECT_EQ(diagnostics_text(read_text("concept_id,language,term,Term\nc1,en,car,auto\n").diagnostics),
              "1:26: error: column 'Term' repeats 'term' (cell 3 of the header), whose values it would overwrite; "
              "expected one [csv.duplicate-column]\n");
    EXPECT_EQ(diagnostics_text(read_text("en,part_of_speech [en],de,part of speech [en]\ncar,noun,Auto,verb\n").diagnostics),
              "1:27: error: column 'part of speech [en]' repeats 'part_of_speech [en]' (cell 2 of the header), whose "
              "values it would overwrite; expected one for en [csv.duplicate-column]\n");
    // Two term columns of one language in a wide sheet are synonyms, and one attribute column per language is fine.
    ReadResult synonyms = read_text("en,en,part_of_speech [en],de,part_of_speech [de]\ncar,auto,noun,Auto,noun\n");
    EXPECT_EQ(diagnostics_text(synonyms.diagnostics), "");
    ASSERT_EQ(synonyms.term_base.concepts.size(), 1u);
    EXPECT_EQ(synonyms.term_base.concepts[0].languages.at(0).terms.size(), 2u);
}

TEST(CsvLongLayout, TermNotesComeFirstInATermsExtraFieldsAsTbxPutsThem) {
    ReadResult result = read_text(
        "concept_id,language,term,term_extra\nc1,en,car,\"[{\"\"element\"\":\"\"descrip\"\",\"\"type\"\":\"\"x\"\"},"
        "{\"\"element\"\":\"\"termNote\"\",\"\"type\"\":\"\"y\"\"}]\"\n");
    EXPECT_EQ(diagnostics_text(result.diagnostics), "");
    const std::vector<ExtraField>& extra = result.term_base.concepts.at(0).languages.at(0).terms.at(0).extra;
    ASSERT_EQ(extra.size(), 2u);
    EXPECT_EQ(extra[0].element, "termNote");
    EXPECT_EQ(extra[1].element, "descrip");
}

TEST(CsvLongLayout, LongLayoutOptionWantsALanguageColumn) {
    ReadOptions options;
    options.csv.layout = CsvLayout::long_form;
    EXPECT_EQ(diagnostics_text(read_text("en,de\na,b\n", "csv", options).diagnostics),
              "1:1: error: --layout long expects a 'language' column (and 'concept_id', 'term'); this header has "
              "none [csv.layout]\n");
}

// A sink that notes, for each concept it receives, its id and how many diagnostics the reader had given by then:
// the reader's diagnostics are in row order, so this tells which row a concept was handed over after.
class ArrivalSink final : public ConceptSink {
public:
    explicit ArrivalSink(const Diagnostics& diagnostics) : diagnostics_(diagnostics) {}
    void header(const TermBaseHeader&) override {}
    void concept_entry(Concept concept_value) override {
        std::size_t terms = 0;
        for (const LanguageSection& language : concept_value.languages) terms += language.terms.size();
        arrivals += concept_value.id + "(" + std::to_string(terms) + " terms) after " +
                    std::to_string(diagnostics_.items().size()) + " diagnostics\n";
    }
    void finish() override { arrivals += "finish\n"; }
    std::string arrivals;

private:
    const Diagnostics& diagnostics_;
};

std::string arrivals_for(const std::string& text, const std::string& format = "csv") {
    Diagnostics diagnostics;
    ArrivalSink sink(diagnostics);
    find_format(format)->read(Input{"in.csv", text}, ReadOptions{}, diagnostics, sink);
    return sink.arrivals;
}

// Each row below has a warning (an unknown language, kept as written), so the count of diagnostics says how many
// rows had been read when a concept arrived.
TEST(CsvStreaming, ALongLayoutConceptGoesToTheSinkAfterItsLastRowInOrderOfFirstAppearance) {
    EXPECT_EQ(arrivals_for("concept_id,language,term\n"
                           "a,x1,one\n"
                           "a,x1,two\n"
                           "b,x1,three\n"
                           "c,x1,four\n"
                           "b,x1,five\n"
                           "d,x1,six\n"),
              // a is complete after row 2; b waits for row 5, and c, complete at row 4, waits behind b.
              "a(2 terms) after 2 diagnostics\n"
              "b(2 terms) after 5 diagnostics\n"
              "c(1 terms) after 5 diagnostics\n"
              "d(1 terms) after 6 diagnostics\n"
              "finish\n");
}

TEST(CsvStreaming, AWideRowGoesToTheSinkUnlessALaterRowSharesItsId) {
    // Here each row's warning is a control character (U+0001) in its first term. Without an id column no row
    // continues another. A row without an id gets one made up ("c3"), which a later row naming c3 continues.
    EXPECT_EQ(arrivals_for("en,de\none\x01,two\nthree\x01,four\n"),
              "c1(2 terms) after 1 diagnostics\nc2(2 terms) after 2 diagnostics\nfinish\n");
    EXPECT_EQ(arrivals_for("id,en\na,one\x01\nb,two\x01\n,three\x01\na,four\x01\nc3,five\x01\n"),
              "a(2 terms) after 4 diagnostics\nb(1 terms) after 4 diagnostics\nc3(2 terms) after 5 diagnostics\n"
              "finish\n");
}

TEST(CsvStreaming, ConceptsCompleteBeforeABadRowHaveArrivedWithoutAFinish) {
    EXPECT_EQ(arrivals_for("concept_id,language,term\na,x1,one\nb,x1,two\n,x1,three\n"),
              "a(1 terms) after 1 diagnostics\nb(1 terms) after 2 diagnostics\n");
}

// --- Read in pieces ------------------------------------------------------------

// A text handed out at most `piece` bytes per call, so that every record, quoted cell, line end and UTF-8
// sequence is cut somewhere.
class PieceSource final : public ByteSource {
public:
    PieceSource(std::string_view text, std::size_t piece) : text_(text), piece_(piece) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t count = read_at(position_, buffer, size);
        position_ += count;
        return count;
    }
    std::optional<std::uint64_t> size() const override { return text_.size(); }
    std::size_t read_at(std::uint64_t offset, char* buffer, std::size_t size) override {
        if (offset >= text_.size()) return 0;
        const std::size_t count = std::min({size, piece_, text_.size() - static_cast<std::size_t>(offset)});
        std::copy_n(text_.data() + offset, count, buffer);
        return count;
    }

private:
    std::string_view text_;
    std::size_t piece_;
    std::size_t position_ = 0;
};

std::string dump_of(const ReadResult& result) {
    return testing::dump(result.term_base) + "--\n" + diagnostics_text(result.diagnostics);
}

void expect_pieces_read_as_whole(const std::string& text, const std::string& format, const std::string& what,
                                 ReadOptions options = {}) {
    const std::string whole = dump_of(read_text(text, format, options));
    for (std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, std::size_t{4096}}) {
        PieceSource source(text, piece);
        ReadResult result;
        result.term_base =
            read_term_base(*find_format(format), Input{"in.csv", {}, &source}, options, result.diagnostics);
        EXPECT_EQ(dump_of(result), whole) << what << ", pieces of " << piece << " bytes";
    }
}

// A string literal with the NUL bytes in it, which the std::string(const char*) constructor would stop at.
template <std::size_t size>
std::string with_nul_bytes(const char (&literal)[size]) {
    return std::string(literal, size - 1);
}

TEST(CsvInPieces, EveryPieceSizeGivesWhatTheWholeTextGives) {
    const std::vector<std::pair<std::string, std::string>> texts = {
        {"CRLF, a quoted line break, no final line end", "en,de\r\ncar,\"Auto\r\nmobil\"\r\nbike,Rad"},
        {"a byte order mark and semicolons", "\xEF\xBB\xBFid;en;de\nc1;\"a;b\";x\nc2;y;z\n"},
        {"Greek, cut inside its characters", "en,el\nword,\xCE\xBB\xCE\xAD\xCE\xBE\xCE\xB7\nsay,\xCE\xBB\xCF\x8C\n"},
        {"a comment and a long layout whose concept comes back",
         "# title: T\nconcept_id,language,term\na,en,x\nb,de,y\na,fr,z\n"},
        {"a control character", "en,de\none\x01,two\n"},
        {"an unclosed quote", "en,de\ncar,\"Auto\nbike,Rad\n"},
        {"text after a closing quote", "en,de\n\"car\"x,y\n"},
        {"Windows-1252, read whole", "en,de\ncaf\xE9,Kaffee\n"},
        {"a NUL byte, read whole", with_nul_bytes("en,de\nx\0y,z\n")},
        {"UTF-16 with its mark, read whole", with_nul_bytes("\xFF\xFE"
                                                            "e\0n\0,\0d\0e\0\n\0x\0,\0y\0\n\0")},
        {"only a byte order mark", "\xEF\xBB\xBF"},
        {"nothing", ""},
    };
    for (const auto& [what, text] : texts) expect_pieces_read_as_whole(text, "csv", what);
    expect_pieces_read_as_whole("en\tde\n\"lit\tx\n\"q\"\"d\"\t\"e\"\n", "tsv", "TSV quotes, literal and quoted");
}

TEST(CsvInPieces, TheReferenceFilesReadInPiecesAsWhole) {
    std::size_t files = 0;
    for (const std::filesystem::directory_entry& entry : std::filesystem::recursive_directory_iterator(reference_dir)) {
        const std::string path = entry.path().string();
        const std::string extension = entry.path().extension().string();
        if (extension != ".csv" && extension != ".tsv" && extension != ".txt" && extension != ".tab") continue;
        std::ifstream file(path, std::ios::binary);
        std::stringstream buffer;
        buffer << file.rdbuf();
        const std::string format = extension == ".csv" ? "csv" : "tsv";
        expect_pieces_read_as_whole(buffer.str(), format, path);
        ReadOptions pair;  // what headerless pair files need
        pair.csv.source_language = "en";
        pair.csv.languages = {"de"};
        expect_pieces_read_as_whole(buffer.str(), format, path + " (en to de)", pair);
        ++files;
    }
    EXPECT_GE(files, 10u);
}

}  // namespace
}  // namespace ilo
