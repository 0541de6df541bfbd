// Tests the TBX 2008 TBX-Basic writer: official 2008 schema, goldens, what 2008 cannot hold, v3 -> 2008 -> v3, and the tool profiles.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "ilo_tbx/embedded.hpp"
#include "ilo_tbx/emn_reader.hpp"
#include "ilo_tbx/files.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/native_validator.hpp"
#include "ilo_tbx/resolve.hpp"
#include "reference_files.hpp"
#include "validate/rng_validator.hpp"
#include "writer_models.hpp"

namespace ilo {
namespace {

using test::rich_term_base;
using test::small_term_base;
using test::term;

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

const std::string& official_basic_2008_rng() {
    static const std::string schema =
        read_text(std::string(ILO_SHARED_DIR) + "/reference/tbx/tbx-v2/TBX-Basic/Validation/TBXBasicRNGV02.rng");
    return schema;
}

std::string write_as(const char* format, const TermBase& term_base, Diagnostics& diagnostics,
                     WriteOptions options = {}) {
    std::ostringstream out;
    write_term_base(*find_format(format), term_base, out, options, diagnostics);
    return out.str();
}

std::string write(const TermBase& term_base, Diagnostics& diagnostics, WriteOptions options = {}) {
    return write_as("tbx2008", term_base, diagnostics, options);
}

TermBase read_back(const std::string& text, Diagnostics& diagnostics) {
    return read_term_base(*find_format("tbx2008"), Input{"written.tbx", text}, {}, diagnostics);
}

std::string messages(const Diagnostics& diagnostics) {
    std::string text;
    for (const Diagnostic& diagnostic : diagnostics.items())
        text += std::string(diagnostic.severity == Severity::error ? "error " : "warning ") + diagnostic.code + " " +
                diagnostic.message + "\n";
    return text;
}

// Valid under LTAC's TBX-Basic 2008 RELAX NG and under ilo-tbx's own 2008 grammar (what the CLI checks).
void expect_valid_2008(const std::string& written) {
    Diagnostics official, ours;
    EXPECT_TRUE(validate_rng(written, "written.tbx", official_basic_2008_rng(), "TBXBasicRNGV02.rng", official))
        << messages(official) << written;
    EXPECT_TRUE(validate_rng(written, "written.tbx", embedded::tbx_2008_basic_rng(), "tbx-2008-basic.rng", ours))
        << messages(ours);
}

void expect_golden(const std::string& written, const std::string& relative) {
    const std::string golden = std::string(ILO_SOURCE_DIR) + "/" + relative;
    const char* accept = std::getenv("ILO_TBX_ACCEPT");
    if (accept && std::string(accept) == "1") {
        std::ofstream(golden, std::ios::binary) << written;
        GTEST_SKIP() << "rewrote " << golden;
    }
    EXPECT_EQ(written, read_text(golden)) << "run with ILO_TBX_ACCEPT=1 to accept the new output";
}

TEST(Tbx2008Writer, WritesTheExactDocumentForASmallTermBase) {
    Diagnostics diagnostics;
    std::string written = write(small_term_base(), diagnostics);
    EXPECT_EQ(messages(diagnostics), "");
    EXPECT_EQ(written,
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">\n"
              "<martif type=\"TBX-Basic\" xml:lang=\"en\">\n"
              "  <martifHeader>\n"
              "    <fileDesc>\n"
              "      <titleStmt>\n"
              "        <title>EMN Asylum and Migration Glossary</title>\n"
              "      </titleStmt>\n"
              "      <sourceDesc>\n"
              "        <p>A page &amp; its &lt;source&gt;</p>\n"
              "      </sourceDesc>\n"
              "    </fileDesc>\n"
              "    <encodingDesc>\n"
              "      <p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>\n"
              "    </encodingDesc>\n"
              "  </martifHeader>\n"
              "  <text>\n"
              "    <body>\n"
              "      <termEntry id=\"c1\">\n"
              "        <xref type=\"externalCrossReference\" target=\"https://example.org/glossary/ilo_en\" />\n"
              "        <note>First note.</note>\n"
              "        <langSet xml:lang=\"en\">\n"
              "          <descripGrp>\n"
              "            <descrip type=\"definition\">A representative, posted abroad.</descrip>\n"
              "            <admin type=\"source\">Art. 1(1)</admin>\n"
              "          </descripGrp>\n"
              "          <tig>\n"
              "            <term>Immigration Liaison Officer</term>\n"
              "            <termNote type=\"termType\">fullForm</termNote>\n"
              "            <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>\n"
              "          </tig>\n"
              "          <tig>\n"
              "            <term>ILO</term>\n"
              "            <termNote type=\"termType\">abbreviation</termNote>\n"
              "          </tig>\n"
              "        </langSet>\n"
              "        <langSet xml:lang=\"mt\">\n"
              "          <tig>\n"
              "            <term>Uffiċjal għall‑Immigrazzjoni</term>\n"
              "          </tig>\n"
              "        </langSet>\n"
              "      </termEntry>\n"
              "    </body>\n"
              "  </text>\n"
              "</martif>\n");
    expect_valid_2008(written);
}

// The rich model in 2008 form: a golden beside the v3 one; CTest runs the official DTD and RNG on it.
// TBX-Basic 2008 is narrower than v3's, and each difference is reported as a loss.
TEST(Tbx2008Writer, RichModelIsValidAndEveryDifferenceFromV3IsReported) {
    Diagnostics diagnostics;
    std::string written = write(rich_term_base(), diagnostics);
    EXPECT_FALSE(diagnostics.has_errors()) << messages(diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "warning tbx.loss c1: TBX-Basic 2008 does not allow ref inside this group; written as a note "
              "\"crossReference: ...\"\n"
              "warning tbx.loss c1: TBX-Basic 2008 allows projectSubset only at term level; written as a note "
              "\"projectSubset: ...\"\n"
              "warning tbx.loss c1: TBX-Basic 2008 does not allow descripNote inside this group; written as a note "
              "\"contextType: ...\"\n"
              "warning tbx.loss c1/en: TBX-Basic 2008 dates have no time of day; the transaction keeps the day; "
              "written as a note \"date: ...\"\n"
              "warning tbx.loss c1/en: TBX-Basic 2008 has no note inside a definition's descripGrp; the definition's "
              "context is written as a note beside the definition\n"
              "warning tbx.loss c1/en: TBX-Basic 2008 has no note inside a definition's descripGrp; the definition's "
              "context is written as a note beside the definition\n"
              "warning tbx.loss c1/en 'Immigration Liaison Officer': TBX-Basic 2008 has no element termNoteGrp at "
              "this level; written as a note \"termNoteGrp: ...\"\n");
    expect_valid_2008(written);
    expect_golden(written, "tests/data/tbx-writer/rich-model-2008.tbx");
}

// The built-in ILO entry, exported as `ilo-tbx export --to tbx2008` does: samples/ilo-2008.tbx.
TEST(Tbx2008Writer, IloEntryExportsToSamplesIlo2008Tbx) {
    Diagnostics diagnostics;
    TermBaseCollector collector;
    read_emn(Input{"samples/ilo-page.txt", embedded::ilo_page()}, ReadOptions{}, diagnostics, collector);
    resolve_relations(collector.term_base());
    std::string written = write(collector.term_base(), diagnostics);
    EXPECT_EQ(messages(diagnostics), "") << "the seed must export to 2008 without any loss";
    expect_valid_2008(written);
    expect_golden(written, "samples/ilo-2008.tbx");
}

TEST(Tbx2008Writer, NoConceptIsAnErrorSince2008NeedsATermEntry) {
    Diagnostics diagnostics;
    write(TermBase{}, diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "error tbx.no-entries TBX 2008 needs at least one termEntry in its body, and there is no concept with a "
              "term to write\n");
}

TEST(Tbx2008Writer, DctStyleAndTbxMinAreErrors) {
    const std::string expected =
        "error tbx.unsupported TBX 2008 is written as TBX-Basic or as the 2008 core structure (--dialect core) only "
        "(2008 has no DCT style; TBX-Min is a v3 dialect)\n";
    Diagnostics dct_diagnostics;
    WriteOptions dct;
    dct.style = TbxStyle::dct;
    write(small_term_base(), dct_diagnostics, dct);
    EXPECT_EQ(messages(dct_diagnostics), expected);
    Diagnostics min_diagnostics;
    WriteOptions min;
    min.dialect = TbxDialect::min;
    write(small_term_base(), min_diagnostics, min);
    EXPECT_EQ(messages(min_diagnostics), expected);
}

// The XCS the input named is replaced by TBX-Basic's, and kept as text.
TEST(Tbx2008Writer, AnotherXcsIsReplacedByTbxBasicsWithAWarning) {
    TermBase term_base = small_term_base();
    term_base.paragraphs = {{"encodingDesc", "XCSURI", "TBXXCSV02.xcs", 0}, {"sourceDesc", "DCSName", "x", 0}};
    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "warning tbx.loss header: the type \"DCSName\" of a header paragraph has no place in TBX-Basic 2008 "
              "(only XCSURI); the paragraph is written without it\n"
              "warning tbx.loss header: the XCS \"TBXXCSV02.xcs\" the input named is replaced by TBXBasicXCSV02.xcs; "
              "it is kept as an untyped paragraph\n");
    EXPECT_NE(written.find("<p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>\n      <p>TBXXCSV02.xcs</p>"), std::string::npos)
        << written;
    expect_valid_2008(written);
}

// ---- Version round trip: v3 -> 2008 -> v3 keeps every TBX-Basic data category. ----

// The model of a file read from v3, written as 2008 and read back, then written as v3 and read back.
class VersionRoundTrip : public testing::TestWithParam<std::string> {};

TEST_P(VersionRoundTrip, V3To2008ToV3KeepsEveryTbxBasicDataCategory) {
    Diagnostics diagnostics;
    std::optional<std::string> text = read_file(test::reference_path(GetParam()), diagnostics);
    ASSERT_TRUE(text);
    TermBase original = read_term_base(*find_format("tbx"), Input{GetParam(), *text}, {}, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors()) << messages(diagnostics);

    Diagnostics to_2008;
    std::string as_2008 = write(original, to_2008);
    EXPECT_EQ(messages(to_2008), "");
    expect_valid_2008(as_2008);
    Diagnostics reread_2008;
    TermBase via_2008 = read_back(as_2008, reread_2008);
    EXPECT_EQ(messages(reread_2008), "");

    Diagnostics to_v3;
    std::string as_v3 = write_as("tbx", via_2008, to_v3);
    EXPECT_EQ(messages(to_v3), "");
    TermBase back = read_term_base(*find_format("tbx"), Input{"back.tbx", as_v3}, {}, to_v3);
    EXPECT_TRUE(original.concepts == back.concepts) << as_2008;
    // The header gains only the paragraph naming TBX-Basic 2008's XCS.
    TermBaseHeader expected_header = original;
    if (std::none_of(expected_header.paragraphs.begin(), expected_header.paragraphs.end(),
                     [](const HeaderParagraph& p) { return p.type == "XCSURI"; }))
        expected_header.paragraphs.push_back({"encodingDesc", "XCSURI", "TBXBasicXCSV02.xcs", 0});
    EXPECT_TRUE(expected_header == static_cast<const TermBaseHeader&>(back));
}

INSTANTIATE_TEST_SUITE_P(TbxBasicV3Files, VersionRoundTrip,
                         testing::Values("tbx/ltac-tbx-basic/DCA/Example_Astronomy_DCA_VALID.tbx",
                                         "tbx/ltac-tbx-basic/DCT/Example_Astronomy_DCT_VALID.tbx",
                                         "tbx/ltac-tbx-core/Schemas/Example_Astronomy_DCA_VALID.tbx",
                                         "tbx/ltac-tbx-min/DCA/Example_Astronomy_DCA_VALID.tbx"),
                         [](const testing::TestParamInfo<std::string>& param_info) {
                             return test::test_name_for(param_info.param);
                         });

// Every reference file the reader takes is written as 2008 without error, valid under the
// official TBX-Basic 2008 RNG and ours, with nothing but loss reports.
class Writer2008OnReferenceFiles : public testing::TestWithParam<std::string> {};

TEST_P(Writer2008OnReferenceFiles, WritesValidTbxBasic2008WithoutErrors) {
    Diagnostics diagnostics;
    std::optional<std::string> text = read_file(test::reference_path(GetParam()), diagnostics);
    ASSERT_TRUE(text);
    TermBase term_base = read_term_base(*format_for_path(GetParam()), Input{GetParam(), *text}, {}, diagnostics);
    ASSERT_FALSE(diagnostics.has_errors()) << messages(diagnostics);
    Diagnostics write_diagnostics;
    std::string written = write(term_base, write_diagnostics);
    EXPECT_FALSE(write_diagnostics.has_errors()) << messages(write_diagnostics);
    for (const Diagnostic& diagnostic : write_diagnostics.items())
        EXPECT_TRUE(diagnostic.code == "tbx.loss" || diagnostic.code == "tbx.invalid-char") << diagnostic.code;
    expect_valid_2008(written);
}

INSTANTIATE_TEST_SUITE_P(Reference, Writer2008OnReferenceFiles, testing::ValuesIn(test::readable_reference_files()),
                         [](const testing::TestParamInfo<std::string>& param_info) {
                             return test::test_name_for(param_info.param);
                         });

// ---- Tool profiles ----

WriteOptions omegat_options() {
    WriteOptions options;
    options.profile.primary_language_tags = true;
    options.profile.entry_ids = true;
    options.profile.source_language = "en";
    return options;
}

TEST(ToolProfile, SourceFirstBarePrimaryTagsIdsAndCollapsedSectionsReported) {
    TermBase term_base;
    Concept concept_value;  // no id
    LanguageSection german{.language = "de-AT", .terms = {term("Verbindungsbeamter")}};
    LanguageSection british{.language = "en-GB", .terms = {term("liaison officer")}};
    LanguageSection american{.language = "en-US", .terms = {term("liaison agent")}};
    american.terms[0].geographical_usage = "US federal";
    concept_value.languages = {german, british, american};
    term_base.concepts = {concept_value};

    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics, omegat_options());
    EXPECT_EQ(messages(diagnostics),
              "warning tool.collapsed-language entry1/en-US: this language section and an earlier one both become "
              "\"en\" with bare primary language tags; merged into one\n"
              "warning tool.primary-tag language tags reduced to their primary subtag: de-AT, en-GB, en-US; each "
              "such term keeps the full tag as its geographicalUsage unless it had one\n");
    Diagnostics reread;
    TermBase back = read_back(written, reread);
    ASSERT_EQ(back.concepts.size(), 1u);
    const Concept& entry = back.concepts[0];
    EXPECT_EQ(entry.id, "entry1");
    ASSERT_EQ(entry.languages.size(), 2u);
    EXPECT_EQ(entry.languages[0].language, "en");
    EXPECT_EQ(entry.languages[1].language, "de");
    ASSERT_EQ(entry.languages[0].terms.size(), 2u);
    EXPECT_EQ(entry.languages[0].terms[0].geographical_usage, "en-GB");
    EXPECT_EQ(entry.languages[0].terms[1].geographical_usage, "US federal");
    EXPECT_EQ(entry.languages[1].terms[0].geographical_usage, "de-AT");
    EXPECT_NE(written.find("<martif type=\"TBX-Basic\" xml:lang=\"en\">"), std::string::npos);
    expect_valid_2008(written);
}

TEST(ToolProfile, TargetFilterCountsWhatItLeavesOut) {
    TermBase term_base;
    Concept first{.id = "c1"};
    first.languages = {{.language = "fr", .terms = {term("officier")}},
                       {.language = "en", .terms = {term("officer")}},
                       {.language = "de", .terms = {term("Beamter")}},
                       {.language = "it", .terms = {term("ufficiale")}}};
    Concept only_italian{.id = "c2"};
    only_italian.languages = {{.language = "it", .terms = {term("funzionario")}}};
    Concept no_english{.id = "c3"};
    no_english.languages = {{.language = "de", .terms = {term("Amt")}}};
    term_base.concepts = {first, only_italian, no_english};

    WriteOptions options = omegat_options();
    options.profile.target_languages = {"de"};
    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics, options);
    EXPECT_EQ(messages(diagnostics),
              "warning tool.filtered 3 language sections left out by the target filter (fr 1, it 2); 1 concept had "
              "no term left and were not written\n"
              "warning tool.no-source 1 of 3 concepts have no term in the source language \"en\"; tools that take "
              "the first language as the source will misread them\n");
    Diagnostics reread;
    TermBase back = read_back(written, reread);
    ASSERT_EQ(back.concepts.size(), 2u);
    ASSERT_EQ(back.concepts[0].languages.size(), 2u);
    EXPECT_EQ(back.concepts[0].languages[0].language, "en");
    EXPECT_EQ(back.concepts[0].languages[1].language, "de");
    EXPECT_EQ(back.concepts[1].id, "c3");
    expect_valid_2008(written);
}

// translate-toolkit reads the first term of the first and second language sections only: with
// synonym entries every term is the first of its language in some entry.
TEST(ToolProfile, SynonymEntriesGiveEveryTermAnEntryWhereItIsFirst) {
    TermBase term_base;
    Concept officer{.id = "c1"};
    officer.notes = {"kept on the concept's own entry"};
    officer.languages = {{.language = "en", .terms = {term("immigration liaison officer"), term("ILO")}},
                         {.language = "de", .terms = {term("Verbindungsbeamter"), term("VB"),
                                                      term("Verbindungsbeamter für Einwanderungsfragen")}}};
    officer.languages[1].terms[1].term_type = "abbreviation";
    officer.languages[0].terms[0].id = "t1";
    Concept single{.id = "c2"};
    single.languages = {{.language = "en", .terms = {term("visa")}}, {.language = "de", .terms = {term("Visum")}}};
    term_base.concepts = {officer, single};

    WriteOptions options;
    options.profile.source_language = "en";
    options.profile.synonym_entries = true;
    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics, options);
    EXPECT_EQ(messages(diagnostics),
              "warning tool.synonym-entries 1 concept with synonyms got 2 more entries (\"<id>-synN\"), one per "
              "further synonym, because the tool reads only the first term of each language\n");
    Diagnostics reread;
    TermBase back = read_back(written, reread);
    ASSERT_EQ(back.concepts.size(), 4u);
    Concept own_entry = officer;  // the concept keeps everything but its synonyms
    own_entry.languages[0].terms.resize(1);
    own_entry.languages[1].terms.resize(1);
    EXPECT_EQ(back.concepts[0], own_entry);
    EXPECT_EQ(back.concepts[1].id, "c1-syn2");
    EXPECT_EQ(back.concepts[1].languages[0].terms[0].text, "ILO");
    EXPECT_EQ(back.concepts[1].languages[1].terms[0].text, "VB");
    EXPECT_EQ(back.concepts[1].languages[1].terms[0].term_type, "abbreviation");
    EXPECT_EQ(back.concepts[1].notes,
              std::vector<std::string>{"Synonyms of concept c1, as an entry of their own (term 2 of each language)"});
    EXPECT_EQ(back.concepts[2].id, "c1-syn3");
    EXPECT_EQ(back.concepts[2].languages[0].terms[0].text, "immigration liaison officer");  // en has no third term
    EXPECT_EQ(back.concepts[2].languages[1].terms[0].text, "Verbindungsbeamter für Einwanderungsfragen");
    EXPECT_TRUE(back.concepts[2].languages[0].terms[0].id.empty());
    EXPECT_EQ(back.concepts[3], single);
    expect_valid_2008(written);
}

// Phrase: a term's status as Phrase's termNote flags, in 2008 core TBX that the official core DTD and
// RNG and our validator accept; reading it back gives the flags as termNotes of their own.
TEST(ToolProfile, PhraseStatusFlagsInTbx2008Core) {
    TermBase term_base = small_term_base();
    std::vector<Term>& english = term_base.concepts[0].languages[0].terms;
    english.push_back(term("liaison officer", "", "deprecatedTerm-admn-sts"));
    english.push_back(term("immigration officer", "", "supersededTerm-admn-sts"));
    english.push_back(term("ILO officer", "", "admittedTerm-admn-sts"));
    english[1].administrative_status = "customStatus";
    WriteOptions options;
    options.profile.entry_ids = true;
    options.profile.status_flags = true;
    Diagnostics diagnostics;
    const std::string written = write(term_base, diagnostics, options);
    EXPECT_EQ(messages(diagnostics),
              "warning tool.status-flags 1 term with supersededTerm-admn-sts written as forbidden=true, as deprecated "
              "terms are: Phrase has no flag for a superseded term\n");
    EXPECT_NE(written.find("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n<martif type=\"TBX\" xml:lang=\"en\">"),
              std::string::npos);
    EXPECT_EQ(written.find("XCSURI"), std::string::npos) << "2008 core TBX for Phrase names no XCS";
    EXPECT_NE(written.find("<term>Immigration Liaison Officer</term>\n            <termNote type=\"termType\">"
                           "fullForm</termNote>\n            <termNote type=\"preferred\">true</termNote>"),
              std::string::npos)
        << written;
    EXPECT_NE(written.find("<term>ILO</term>\n            <termNote type=\"termType\">abbreviation</termNote>\n"
                           "            <termNote type=\"administrativeStatus\">customStatus</termNote>"),
              std::string::npos)
        << written;
    EXPECT_NE(written.find("<term>liaison officer</term>\n            <termNote type=\"forbidden\">true</termNote>"),
              std::string::npos);
    EXPECT_NE(written.find("<term>immigration officer</term>\n            <termNote type=\"forbidden\">true"),
              std::string::npos);
    EXPECT_NE(written.find("<term>ILO officer</term>\n          </tig>"), std::string::npos) << "admitted: no flag";
    EXPECT_EQ(written.find("-admn-sts"), std::string::npos);

    Diagnostics official;
    EXPECT_TRUE(validate_rng(written, "written.tbx",
                             read_text(std::string(ILO_SHARED_DIR) +
                                       "/reference/tbx/tbx-v2/TBX-Default/Validation/TBXcoreStructV02.rng"),
                             "TBXcoreStructV02.rng", official))
        << messages(official);
    Diagnostics ours;
    EXPECT_EQ(validate::validate_native(written, "written.tbx", {}, ours).verdict, validate::Verdict::valid)
        << messages(ours);
    Diagnostics read_diagnostics;
    TermBase back = read_back(written, read_diagnostics);
    const Term& forbidden = back.concepts[0].languages[0].terms[2];
    ASSERT_EQ(forbidden.extra.size(), 1u);
    EXPECT_EQ(forbidden.extra[0].type, "forbidden");
    EXPECT_EQ(forbidden.extra[0].value, "true");
}

TEST(ToolProfile, OffByDefaultSoTheModelIsWrittenAsItIs) {
    TermBase term_base = small_term_base();
    term_base.concepts[0].languages[0].language = "en-GB";
    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics);
    EXPECT_EQ(messages(diagnostics), "");
    EXPECT_NE(written.find("<langSet xml:lang=\"en-GB\">"), std::string::npos);
}

}  // namespace
}  // namespace ilo
