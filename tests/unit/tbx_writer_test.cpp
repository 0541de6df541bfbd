// Tests the TBX v3 TBX-Basic writer on hand-built models: exact output, placement of every field, losses, errors.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "formats/tbx_basic_rules.hpp"
#include "formats/tbx_writer.hpp"
#include "ilo_tbx/embedded.hpp"
#include "ilo_tbx/files.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/native_validator.hpp"
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

const std::string& official_core_rng() {
    static const std::string schema =
        read_text(std::string(ILO_SHARED_DIR) + "/reference/tbx/ltac-tbx-core-rng/TBXcoreStructV03.rng");
    return schema;
}

std::string write(const TermBase& term_base, Diagnostics& diagnostics, WriteOptions options = {}) {
    std::ostringstream out;
    write_term_base(*find_format("tbx"), term_base, out, options, diagnostics);
    return out.str();
}

// Every message, one per line, as "severity code message", so tests compare them exactly.
std::string messages(const Diagnostics& diagnostics) {
    std::string text;
    for (const Diagnostic& diagnostic : diagnostics.items())
        text += std::string(diagnostic.severity == Severity::error ? "error " : "warning ") + diagnostic.code + " " +
                diagnostic.message + "\n";
    return text;
}

bool valid_under(const std::string& document, std::string_view schema, Diagnostics& diagnostics) {
    return validate_rng(document, "written.tbx", schema, "schema", diagnostics);
}

TEST(TbxWriter, WritesTheExactDocumentForASmallTermBase) {
    Diagnostics diagnostics;
    std::string written = write(small_term_base(), diagnostics);
    const std::string expected =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng\" "
        "type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n"
        "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
        "TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n"
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
        "  <tbxHeader>\n"
        "    <fileDesc>\n"
        "      <titleStmt>\n"
        "        <title>EMN Asylum and Migration Glossary</title>\n"
        "      </titleStmt>\n"
        "      <sourceDesc>\n"
        "        <p>A page &amp; its &lt;source&gt;</p>\n"
        "      </sourceDesc>\n"
        "    </fileDesc>\n"
        "  </tbxHeader>\n"
        "  <text>\n"
        "    <body>\n"
        "      <conceptEntry id=\"c1\">\n"
        "        <xref type=\"externalCrossReference\" target=\"https://example.org/glossary/ilo_en\" />\n"
        "        <note>First note.</note>\n"
        "        <langSec xml:lang=\"en\">\n"
        "          <descripGrp>\n"
        "            <descrip type=\"definition\">A representative, posted abroad.</descrip>\n"
        "            <admin type=\"source\">Art. 1(1)</admin>\n"
        "          </descripGrp>\n"
        "          <termSec>\n"
        "            <term>Immigration Liaison Officer</term>\n"
        "            <termNote type=\"termType\">fullForm</termNote>\n"
        "            <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>\n"
        "          </termSec>\n"
        "          <termSec>\n"
        "            <term>ILO</term>\n"
        "            <termNote type=\"termType\">abbreviation</termNote>\n"
        "          </termSec>\n"
        "        </langSec>\n"
        "        <langSec xml:lang=\"mt\">\n"
        "          <termSec>\n"
        "            <term>Uffiċjal għall‑Immigrazzjoni</term>\n"
        "          </termSec>\n"
        "        </langSec>\n"
        "      </conceptEntry>\n"
        "    </body>\n"
        "  </text>\n"
        "</tbx>\n";
    EXPECT_EQ(written, expected);
    EXPECT_EQ(messages(diagnostics), "");
}

// TBX-Basic's crossReference has no kind and needs a target: the writers spell the kind in the label and write a
// relation without a target as a note, and the reader takes both back, so every kind of relation round-trips.
TEST(TbxWriter, RelationsOfEveryKindReadBackEqualFromBothEditions) {
    TermBase term_base = small_term_base();
    Concept second;
    second.id = "c2";
    second.languages.push_back({.language = "en", .terms = {term("liaison officer")}});
    term_base.concepts.push_back(second);
    term_base.concepts[0].relations = {{RelationKind::related, "liaison officer", "c2", ""},
                                       {RelationKind::broader, "liaison officer", "c2", ""},
                                       {RelationKind::broader, "officer", "https://example.org/officer", ""},
                                       {RelationKind::narrower, "airline liaison officer", "", ""},
                                       {RelationKind::related, "return", "", ""}};
    for (const char* format_name : {"tbx", "tbx2008"}) {
        std::ostringstream out;
        Diagnostics diagnostics;
        write_term_base(*find_format(format_name), term_base, out, {}, diagnostics);
        EXPECT_EQ(messages(diagnostics), "") << format_name;
        Diagnostics read_diagnostics;
        TermBase reread =
            read_term_base(*find_format(format_name), Input{"written.tbx", out.str()}, {}, read_diagnostics);
        EXPECT_EQ(messages(read_diagnostics), "") << format_name;
        ASSERT_EQ(reread.concepts.size(), 2u) << format_name;
        EXPECT_EQ(reread.concepts[0].relations, term_base.concepts[0].relations) << format_name << "\n" << out.str();
        EXPECT_EQ(reread.concepts[0].notes, term_base.concepts[0].notes) << format_name;
    }
}

// The readers take the first untyped <p> of the first sourceDesc for the source description, so without one the
// writers mark its place with an empty <p>, or the first source paragraph would come back as the description.
TEST(TbxWriter, AnEmptySourceDescriptionKeepsTheSourceParagraphsParagraphs) {
    TermBase term_base = small_term_base();
    term_base.source_description.clear();
    term_base.paragraphs = {{"sourceDesc", "", "Second source paragraph.", 0}};
    for (const char* format_name : {"tbx", "tbx2008"}) {
        std::ostringstream out;
        Diagnostics diagnostics;
        write_term_base(*find_format(format_name), term_base, out, {}, diagnostics);
        EXPECT_EQ(messages(diagnostics), "") << format_name;
        EXPECT_NE(out.str().find("<sourceDesc>\n        <p />\n        <p>Second source paragraph.</p>"),
                  std::string::npos)
            << format_name << "\n" << out.str();
        Diagnostics read_diagnostics;
        TermBase reread =
            read_term_base(*find_format(format_name), Input{"written.tbx", out.str()}, {}, read_diagnostics);
        EXPECT_EQ(reread.source_description, "") << format_name;
        ASSERT_FALSE(reread.paragraphs.empty()) << format_name;
        EXPECT_EQ(reread.paragraphs[0], term_base.paragraphs[0]) << format_name;
    }
}

// TBX needs an item in every refObject: the empty one a writer adds would read back, so it is reported.
TEST(TbxWriter, ReportsTheEmptyItemOfABackMatterObjectWithoutItems) {
    TermBase term_base = small_term_base();
    term_base.back_matter = {{"respPerson", {{"person1", {}}}}};
    for (const char* format_name : {"tbx", "tbx2008"}) {
        std::ostringstream out;
        Diagnostics diagnostics;
        write_term_base(*find_format(format_name), term_base, out, {}, diagnostics);
        EXPECT_NE(messages(diagnostics).find("back-matter object 'person1' has no items; written with an empty "
                                             "<item/>, as TBX requires one"),
                  std::string::npos)
            << format_name << ": " << messages(diagnostics);
    }
}

// A note that looks like a relation without a target reads back as one, so the writer says so.
TEST(TbxWriter, ReportsANoteThatReadsBackAsARelation) {
    TermBase term_base = small_term_base();
    term_base.concepts[0].notes.push_back("Broader term: officer");
    Diagnostics diagnostics;
    write(term_base, diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "warning tbx.loss c1: the note \"Broader term: ...\" has the form of a relation without a target, and "
              "reads back as one\n");
}

// A relation without a target is written as a note, which has no data category for its type.
TEST(TbxWriter, ReportsTheTypeOfARelationWithoutATarget) {
    TermBase term_base = small_term_base();
    term_base.concepts[0].relations.push_back({RelationKind::related, "emigrant", "", "seeAlso"});
    for (TbxDialect dialect : {TbxDialect::basic, TbxDialect::core}) {
        Diagnostics diagnostics;
        WriteOptions options;
        options.dialect = dialect;
        std::ostringstream out;
        write_term_base(*find_format("tbx"), term_base, out, options, diagnostics);
        EXPECT_EQ(messages(diagnostics),
                  "warning tbx.loss c1: relation type \"seeAlso\" is not written: a relation without a target is "
                  "written as a note\n");
        EXPECT_NE(out.str().find("<note>Related term: emigrant</note>"), std::string::npos) << out.str();
    }
}

TEST(TbxWriter, SameModelGivesSameBytes) {
    Diagnostics first_diagnostics, second_diagnostics;
    EXPECT_EQ(write(small_term_base(), first_diagnostics), write(small_term_base(), second_diagnostics));
}

TEST(TbxWriter, RichModelPassesTheOfficialCoreSchemaWithoutLoss) {
    Diagnostics diagnostics;
    std::string written = write(rich_term_base(), diagnostics);
    EXPECT_EQ(messages(diagnostics), "");
    Diagnostics validation;
    EXPECT_TRUE(valid_under(written, official_core_rng(), validation)) << messages(validation) << written;
    Diagnostics own;
    EXPECT_TRUE(valid_under(written, embedded::tbx_v3_core_rng(), own)) << messages(own);
}

// The rich model's output is a golden file beside the other writer data; a reviewer reads
// its diff. ILO_TBX_ACCEPT=1 rewrites it. CTest also runs the official TBX-Basic Schematron on it.
TEST(TbxWriter, PutsEachFieldAtTheLevelTbxBasicAllows) {
    Diagnostics diagnostics;
    std::string written = write(rich_term_base(), diagnostics);
    const std::string golden = std::string(ILO_SOURCE_DIR) + "/tests/data/tbx-writer/rich-model.tbx";
    const char* accept = std::getenv("ILO_TBX_ACCEPT");
    if (accept && std::string(accept) == "1") {
        std::ofstream(golden, std::ios::binary) << written;
        GTEST_SKIP() << "rewrote " << golden;
    }
    EXPECT_EQ(written, read_text(golden)) << "run with ILO_TBX_ACCEPT=1 to accept the new output";
}

TEST(TbxWriter, ValuesOutsideBasicBecomeNotesWithALossWarning) {
    TermBase term_base = small_term_base();
    Concept& concept_value = term_base.concepts[0];
    Term& ilo = concept_value.languages[0].terms[1];
    ilo.part_of_speech = "preposition";
    ilo.extra.push_back({"termNote", "usageStatus", Level::term_level, "preferred", ""});
    ilo.extra.push_back({"descrip", "definition", Level::term_level, "Definitions may not go here.", ""});
    concept_value.extra.push_back({"descrip", "context", Level::concept_level, "A context.", ""});
    concept_value.transactions.push_back({"approval", "2024-01-01", "lead"});
    concept_value.languages[0].transactions.push_back({"origination", "1 May 2024", ""});
    concept_value.languages[0].pos = {"page.txt", 12, 3};

    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "warning tbx.loss c1: transaction type \"approval\" is not in TBX-Basic's picklist (origination, "
              "modification); written as a note \"transaction: ...\"\n"
              "warning tbx.loss c1: TBX-Basic allows context only at term level; written as a note \"context: ...\"\n"
              "warning tbx.loss c1/en: transaction date \"1 May 2024\" is not an ISO 8601 date (xsd:date); written "
              "as a note \"date: ...\"\n"
              "warning tbx.loss c1/en 'ILO': \"preposition\" is not in TBX-Basic's partOfSpeech picklist; written as "
              "a note \"partOfSpeech: ...\"\n"
              "warning tbx.loss c1/en 'ILO': TBX-Basic has no termNote type \"usageStatus\"; written as a note "
              "\"usageStatus: ...\"\n"
              "warning tbx.loss c1/en 'ILO': TBX-Basic allows definition only at concept and language level; "
              "written as a note \"definition: ...\"\n");
    EXPECT_EQ(diagnostics.items()[2].pos.line, 12U);
    EXPECT_NE(written.find("<note>transaction: approval, 2024-01-01, lead</note>"), std::string::npos);
    EXPECT_NE(written.find("<note>context: A context.</note>"), std::string::npos);
    EXPECT_NE(written.find("            <transac type=\"transactionType\">origination</transac>\n"
                           "            <note>date: 1 May 2024</note>\n"),
              std::string::npos);
    EXPECT_NE(written.find("            <note>definition: Definitions may not go here.</note>\n"
                           "            <note>partOfSpeech: preposition</note>\n"
                           "            <note>usageStatus: preferred</note>\n"
                           "          </termSec>"),
              std::string::npos)
        << written;
    Diagnostics validation;
    EXPECT_TRUE(valid_under(written, official_core_rng(), validation)) << messages(validation);
}

TEST(TbxWriter, LanguageSectionWithoutTermsMovesToConceptLevel) {
    TermBase term_base = small_term_base();
    LanguageSection french;
    french.language = "fr";
    french.definitions.push_back({"Un représentant.", "", ""});
    french.notes = {"Note française."};
    term_base.concepts[0].languages.push_back(french);
    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "warning tbx.loss c1/fr: TBX needs a term in every language section; its definitions and notes are "
              "written at concept level with xml:lang=\"fr\"\n");
    EXPECT_NE(written.find("      <conceptEntry id=\"c1\">\n"
                           "        <descrip type=\"definition\" xml:lang=\"fr\">Un représentant.</descrip>\n"
                           "        <note xml:lang=\"fr\">Note française.</note>\n"),
              std::string::npos)
        << written;
    EXPECT_EQ(written.find("<langSec xml:lang=\"fr\">"), std::string::npos);
    Diagnostics validation;
    EXPECT_TRUE(valid_under(written, official_core_rng(), validation)) << messages(validation);
}

TEST(TbxWriter, RelationToAConceptNeverWrittenIsAnError) {
    TermBase term_base = small_term_base();
    term_base.concepts[0].relations.push_back({RelationKind::related, "return", "c9"});
    term_base.concepts[0].pos = {"page.txt", 4, 1};
    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "error tbx.dangling-ref c1: refers to 'c9', which is not the id of anything in this term base\n");
    EXPECT_EQ(diagnostics.items()[0].pos.line, 4U);
}

TEST(TbxWriter, ForwardReferencesToLaterConceptsAreFine) {
    TermBase term_base = rich_term_base();  // c1 refers to c2, written after it
    Diagnostics diagnostics;
    write(term_base, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors()) << messages(diagnostics);
}

TEST(TbxWriter, RelationTargetThatIsNeitherIdNorHttpUrlIsKeptAsANote) {
    TermBase term_base = small_term_base();
    term_base.concepts[0].relations.push_back({RelationKind::broader, "officer", "ftp://example.org/officer"});
    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "warning tbx.loss c1: relation target \"ftp://example.org/officer\" is neither a concept id nor an "
              "http(s) URL, which is all TBX-Basic can link to; written as a note \"Broader term: ...\"\n");
    EXPECT_NE(written.find("<note>Broader term: officer &lt;ftp://example.org/officer&gt;</note>"), std::string::npos);
}

TEST(TbxWriter, BadAndDuplicateIdsAreErrors) {
    TermBase term_base = small_term_base();
    term_base.concepts.push_back(term_base.concepts[0]);
    term_base.concepts[0].id = "1st concept";
    term_base.concepts[1].id = "c1";
    term_base.concepts.push_back(term_base.concepts[1]);
    Diagnostics diagnostics;
    write(term_base, diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "error tbx.bad-id concept id '1st concept' is not a valid XML id (an NCName: a letter or '_' first, "
              "then letters, digits, '.', '-' or '_')\n"
              "error tbx.bad-id concept id 'c1' is used earlier in the file; ids must be unique\n");
}

TEST(TbxWriter, ConceptWithoutAnyTermIsAnErrorAndLeftOut) {
    TermBase term_base = small_term_base();
    Concept empty;
    empty.id = "c2";
    empty.notes = {"orphan"};
    term_base.concepts.push_back(empty);
    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "error tbx.no-language concept 'c2' has no term in any language; TBX needs at least one language "
              "section with a term, so the concept is left out\n");
    EXPECT_EQ(written.find("c2"), std::string::npos);
}

TEST(TbxWriter, BadLanguageTagIsAnError) {
    TermBase term_base = small_term_base();
    term_base.concepts[0].languages[1].language = "mt_MT";
    Diagnostics diagnostics;
    write(term_base, diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "error tbx.bad-language c1/mt_MT: language \"mt_MT\" is not a language tag (letters, then "
              "'-'-separated letters or digits, as in \"pt-BR\")\n");
}

TEST(TbxWriter, CharactersXmlCannotCarryBecomeReplacementCharacters) {
    TermBase term_base = small_term_base();
    term_base.concepts[0].languages[0].terms[1].text = "IL\x01O\xFF";
    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics);
    EXPECT_EQ(messages(diagnostics),
              "warning tbx.invalid-char c1/en 'IL\x01O\xFF': invalid UTF-8 or a character XML 1.0 cannot carry was "
              "replaced by U+FFFD\n");
    EXPECT_NE(written.find("<term>IL\xEF\xBF\xBDO\xEF\xBF\xBD</term>"), std::string::npos);
    Diagnostics validation;
    EXPECT_TRUE(valid_under(written, official_core_rng(), validation)) << messages(validation);
}

TEST(TbxWriter, EmptyTermBaseHasNoBodyAndIsValid) {
    TermBase term_base;
    term_base.source_language = "de";
    Diagnostics diagnostics;
    std::string written = write(term_base, diagnostics);
    EXPECT_NE(written.find("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"de\""), std::string::npos);
    EXPECT_NE(written.find("      <sourceDesc>\n        <p />\n      </sourceDesc>\n"), std::string::npos) << written;
    EXPECT_NE(written.find("  <text>\n  </text>\n</tbx>\n"), std::string::npos) << written;
    Diagnostics validation;
    EXPECT_TRUE(valid_under(written, official_core_rng(), validation)) << messages(validation);
}

TEST(TbxWriter, StreamsOneConceptPerCall) {
    std::ostringstream out;
    Diagnostics diagnostics;
    std::unique_ptr<ConceptSink> sink = make_tbx_writer(out, {}, diagnostics);
    TermBase term_base = small_term_base();
    sink->header(term_base);
    EXPECT_EQ(out.str().find("conceptEntry"), std::string::npos);
    sink->concept_entry(term_base.concepts[0]);
    EXPECT_NE(out.str().find("</conceptEntry>\n"), std::string::npos);
    EXPECT_EQ(out.str().find("</body>"), std::string::npos);
    sink->finish();
    EXPECT_TRUE(out.str().ends_with("    </body>\n  </text>\n</tbx>\n"));
}

TermBase read_back(const std::string& tbx) {
    Diagnostics diagnostics;
    TermBase term_base = read_term_base(*find_format("tbx"), Input{"written.tbx", tbx}, {}, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors()) << messages(diagnostics);
    return term_base;
}

bool natively_valid(const std::string& tbx, Diagnostics& diagnostics) {
    return validate::validate_native(tbx, "written.tbx", {}, diagnostics).verdict == validate::Verdict::valid;
}

WriteOptions options_for(TbxDialect dialect, TbxStyle style) {
    WriteOptions options;
    options.dialect = dialect;
    options.style = style;
    return options;
}

// DCT: every data category is an element of the Min or Basic module (Min.rng, Basic.rng), no element of
// the body keeps a type attribute, and reading it back gives what reading the DCA output gives.
TEST(TbxWriter, DctWritesEachDataCategoryAsAModuleElement) {
    Diagnostics dca_diagnostics, dct_diagnostics;
    const std::string dca = write(rich_term_base(), dca_diagnostics);
    const std::string dct = write(rich_term_base(), dct_diagnostics, options_for(TbxDialect::basic, TbxStyle::dct));
    EXPECT_FALSE(dct_diagnostics.has_errors()) << messages(dct_diagnostics);
    EXPECT_NE(dct.find("<tbx type=\"TBX-Basic\" style=\"dct\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\" "
                       "xmlns:min=\"http://www.tbxinfo.net/ns/min\" xmlns:basic=\"http://www.tbxinfo.net/ns/basic\">"),
              std::string::npos);
    EXPECT_NE(dct.find("DCT/TBX-Basic.nvdl"), std::string::npos);
    for (const char* element :
         {"<min:subjectField>migration</min:subjectField>", "<basic:definition>A representative, posted abroad.",
          "<basic:source>Art. 1(1)</basic:source>", "<min:administrativeStatus>preferredTerm-admn-sts",
          "<basic:termType>fullForm</basic:termType>", "<min:partOfSpeech>noun</min:partOfSpeech>",
          "<basic:grammaticalGender>other</basic:grammaticalGender>", "<basic:transactionType>origination",
          "<basic:responsibility target=\"person1\">EMN</basic:responsibility>",
          "<basic:crossReference target=\"c2\">", "<min:externalCrossReference target=\"https://example.org/officer\">",
          "<basic:xGraphic target=\"https://example.org/photo.jpg\">photo</basic:xGraphic>",
          "<min:customerSubset>ILO network</min:customerSubset>", "<basic:projectSubset>EMN</basic:projectSubset>",
          "<basic:termLocation>menuItem</basic:termLocation>"})
        EXPECT_NE(dct.find(element), std::string::npos) << element;
    const std::string body = dct.substr(dct.find("<body>"), dct.find("</body>") - dct.find("<body>"));
    EXPECT_EQ(body.find(" type=\""), std::string::npos) << "a DCA element in the DCT body";
    // The same losses as DCA, and those DCT adds: attributes of module elements and a descripNote type
    // no module defines.
    EXPECT_NE(messages(dct_diagnostics).find("attribute id=\"a1\" of admin source has no place in DCT style, whose "
                                             "module elements take only a target; left out"),
              std::string::npos)
        << messages(dct_diagnostics);
    EXPECT_NE(messages(dct_diagnostics).find("neither the Basic nor the Min module has a DCT element for descripNote "
                                             "type \"contextType\""),
              std::string::npos)
        << messages(dct_diagnostics);
    Diagnostics validation;
    EXPECT_TRUE(natively_valid(dct, validation)) << messages(validation);
    Diagnostics official;
    EXPECT_TRUE(valid_under(dct, official_core_rng(), official)) << messages(official);
    // The small model has nothing DCT cannot hold: both styles give the same model back.
    Diagnostics small_dca, small_dct;
    EXPECT_TRUE(read_back(write(small_term_base(), small_dca)) ==
                read_back(write(small_term_base(), small_dct, options_for(TbxDialect::basic, TbxStyle::dct))));
    EXPECT_EQ(messages(small_dct), "");
}

// TBX-Core has no modules: its DCT file is its DCA file but for the style attribute.
TEST(TbxWriter, TbxCoreLooksTheSameInBothStyles) {
    Diagnostics dca_diagnostics, dct_diagnostics;
    std::string dca = write(rich_term_base(), dca_diagnostics, options_for(TbxDialect::core, TbxStyle::dca));
    const std::string dct = write(rich_term_base(), dct_diagnostics, options_for(TbxDialect::core, TbxStyle::dct));
    EXPECT_EQ(messages(dct_diagnostics), messages(dca_diagnostics));
    dca.replace(dca.find("style=\"dca\""), 11, "style=\"dct\"");
    EXPECT_EQ(dct, dca);
    Diagnostics validation;
    EXPECT_TRUE(natively_valid(dct, validation)) << messages(validation);
}

// TBX-Min writes its five categories (customerSubset, subjectField, administrativeStatus, partOfSpeech,
// externalCrossReference) and notes; each other category becomes a note, reported with its place.
TEST(TbxWriter, TbxMinWritesOnlyItsCategoriesAndReportsTheRest) {
    for (TbxStyle style : {TbxStyle::dca, TbxStyle::dct}) {
        Diagnostics diagnostics;
        const std::string tbx = write(rich_term_base(), diagnostics, options_for(TbxDialect::min, style));
        EXPECT_FALSE(diagnostics.has_errors()) << messages(diagnostics);
        const std::string report = messages(diagnostics);
        for (const char* loss :
             {"warning tbx.loss c1/en 'Immigration Liaison Officer': grammaticalGender: TBX-Min has no such category; "
              "written as a note \"grammaticalGender: ...\"\n",
              "warning tbx.loss c1/en 'Immigration Liaison Officer': termType: TBX-Min has no such category; written "
              "as a note \"termType: ...\"\n",
              "warning tbx.loss c1/en: definition: TBX-Min has no such category; written as a note \"definition: ...\"\n",
              "warning tbx.loss c1: definition: TBX-Min has no such category; written as a note \"definition: ...\"\n",
              "warning tbx.loss c1: transactionType: TBX-Min has no such category; written as a note \"transaction: "
              "...\"\n",
              "warning tbx.loss c1: crossReference: TBX-Min has no such category; written as a note \"Related term: "
              "...\"\n",
              "warning tbx.loss c1/en 'Immigration Liaison Officer': context: TBX-Min has no such category; written "
              "as a note \"context: ...\"\n",
              "warning tbx.loss c1/en 'Immigration Liaison Officer': source: TBX-Min has no such category; written "
              "as a note \"source: ...\"\n",
              "warning tbx.loss c1: projectSubset: TBX-Min has no such category; written as a note \"projectSubset: "
              "...\"\n"})
            EXPECT_NE(report.find(loss), std::string::npos) << loss << "\nnot in:\n" << report;
        EXPECT_NE(tbx.find("<tbx type=\"TBX-Min\""), std::string::npos);
        EXPECT_NE(tbx.find("<note>grammaticalGender: other</note>"), std::string::npos);
        EXPECT_NE(tbx.find("<note>definition: A representative, posted abroad. (source: Art. 1(1)) (note: Definition "
                           "note.)</note>"),
                  std::string::npos);
        if (style == TbxStyle::dct) {
            EXPECT_EQ(tbx.find("basic:"), std::string::npos);
            EXPECT_NE(tbx.find("<min:partOfSpeech>noun</min:partOfSpeech>"), std::string::npos);
            EXPECT_NE(tbx.find("<min:customerSubset>ILO network</min:customerSubset>"), std::string::npos);
        } else {
            EXPECT_NE(tbx.find("<termNote type=\"partOfSpeech\">noun</termNote>"), std::string::npos);
            EXPECT_NE(tbx.find("TBX-Min_DCA.sch"), std::string::npos);
        }
        for (const char* absent : {"type=\"definition\"", "type=\"termType\"", "transacGrp", "type=\"source\"",
                                   "type=\"context\"", "type=\"crossReference\"", "basic:"})
            EXPECT_EQ(tbx.find(absent), std::string::npos) << absent;
        Diagnostics validation;
        EXPECT_TRUE(natively_valid(tbx, validation)) << messages(validation);
        Diagnostics official;
        EXPECT_TRUE(valid_under(tbx, official_core_rng(), official)) << messages(official);
    }
}

// TBX-Core keeps what TBX-Basic turns into notes: categories outside Basic's list, values outside its
// picklists, transaction types other than origination/modification, a relation's own type.
TEST(TbxWriter, TbxCoreKeepsCategoriesAndValuesTbxBasicLacks) {
    TermBase term_base = small_term_base();
    Concept& concept_value = term_base.concepts[0];
    Term& term = concept_value.languages[0].terms[0];
    term.term_type = "shortcut";
    term.extra.push_back(ExtraField{"termNote", "usageStatus", Level::term_level, "preferred", {}, {}, {}, {}});
    concept_value.transactions.push_back(Transaction{"creation", "2024-01-02", "ana", {}, {}});
    concept_value.relations.push_back(Relation{RelationKind::related, "other", concept_value.id, "seeAlso"});

    Diagnostics basic_diagnostics;
    write(term_base, basic_diagnostics, WriteOptions{});
    EXPECT_EQ(basic_diagnostics.warning_count(), 4u) << messages(basic_diagnostics);

    Diagnostics diagnostics;
    WriteOptions options;
    options.dialect = TbxDialect::core;
    const std::string tbx = write(term_base, diagnostics, options);
    EXPECT_EQ(messages(diagnostics), "");
    EXPECT_NE(tbx.find("<tbx type=\"TBX-Core\" style=\"dca\""), std::string::npos);
    EXPECT_EQ(tbx.find("TBX-Basic_DCA.sch"), std::string::npos);
    EXPECT_NE(tbx.find("<termNote type=\"termType\">shortcut</termNote>"), std::string::npos);
    EXPECT_NE(tbx.find("<termNote type=\"usageStatus\">preferred</termNote>"), std::string::npos);
    EXPECT_NE(tbx.find("<transac type=\"transactionType\">creation</transac>"), std::string::npos);
    EXPECT_NE(tbx.find("<ref type=\"seeAlso\""), std::string::npos);
}

// Every reference file the reader takes, whatever its flavour and however far from
// TBX-Basic, is written without error as TBX that passes the official core RNG and ours.
// (tools/official-check schematron on these outputs finds 0 failed asserts; too slow for CTest.)
class WriterOnReferenceFiles : public testing::TestWithParam<std::string> {};

TEST_P(WriterOnReferenceFiles, WritesValidTbxBasicWithoutErrors) {
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
    Diagnostics official, ours;
    EXPECT_TRUE(valid_under(written, official_core_rng(), official)) << messages(official);
    EXPECT_TRUE(valid_under(written, embedded::tbx_v3_core_rng(), ours)) << messages(ours);
}

INSTANTIATE_TEST_SUITE_P(Reference, WriterOnReferenceFiles, testing::ValuesIn(test::readable_reference_files()),
                         [](const testing::TestParamInfo<std::string>& param_info) {
                             return test::test_name_for(param_info.param);
                         });

// TBX-Basic keeps transactions at conceptEntry, langSec and termSec level (basic.transac.level): a transacGrp that
// the core structure read inside a definition's group becomes a note there, with a loss; TBX-Core keeps it.
TEST(TbxWriter, TransactionInsideADefinitionGroupIsANoteInTbxBasicOnly) {
    TermBase term_base = small_term_base();
    ExtraField transaction{"transacGrp", "", Level::concept_level, "", "", {}, {}, {}};
    transaction.children.push_back({"transac", "transactionType", Level::concept_level, "origination", "", {}, {}, {}});
    transaction.children.push_back({"date", "", Level::concept_level, "2024-05-01", "", {}, {}, {}});
    Definition definition{"An officer posted abroad.", "", "", {transaction}, {}};
    term_base.concepts[0].definitions.push_back(definition);

    Diagnostics basic_diagnostics;
    const std::string basic = write(term_base, basic_diagnostics, options_for(TbxDialect::basic, TbxStyle::dca));
    EXPECT_EQ(messages(basic_diagnostics),
              "warning tbx.loss c1: TBX-Basic does not allow transacGrp inside this group; written as a note "
              "\"transacGrp: ...\"\n");
    EXPECT_EQ(basic.find("<transac type=\"transactionType\">origination</transac>\n            <date>"),
              std::string::npos)
        << basic;
    Diagnostics basic_validation;
    EXPECT_TRUE(natively_valid(basic, basic_validation)) << messages(basic_validation) << basic;

    Diagnostics core_diagnostics;
    const std::string core = write(term_base, core_diagnostics, options_for(TbxDialect::core, TbxStyle::dca));
    EXPECT_EQ(messages(core_diagnostics), "");
    Diagnostics core_validation;
    EXPECT_TRUE(natively_valid(core, core_validation)) << messages(core_validation) << core;
    EXPECT_EQ(read_back(core).concepts[0].definitions.back(), definition);
}

// Every XML reader takes a raw CR for a line feed, so the writers write it as a character reference (found by
// the JSON fuzz target: a CR came back from TBX as LF with no loss reported).
TEST(TbxWriter, CarriageReturnsAreWrittenAsCharacterReferences) {
    TermBase term_base = small_term_base();
    term_base.source_description = "first\rsecond";
    term_base.concepts[0].languages[0].terms[0].text = "immigration\rliaison officer";
    for (const char* format : {"tbx", "tbx2008"}) {
        Diagnostics diagnostics;
        std::ostringstream out;
        write_term_base(*find_format(format), term_base, out, WriteOptions{}, diagnostics);
        EXPECT_EQ(messages(diagnostics), "") << format;
        EXPECT_EQ(out.str().find('\r'), std::string::npos) << format;
        EXPECT_NE(out.str().find("immigration&#13;liaison officer"), std::string::npos) << format;
        EXPECT_NE(out.str().find("first&#13;second"), std::string::npos) << format;
        TermBase reread = read_back(out.str());
        EXPECT_EQ(reread.source_description, term_base.source_description) << format;
        EXPECT_EQ(reread.concepts.at(0).languages.at(0).terms.at(0).text, "immigration\rliaison officer") << format;
    }
}

// A bare <note> reads back as one of the notes, so an extra field that is one is reported (found by the JSON
// fuzz target); a note with attributes stays an extra field.
TEST(TbxWriter, ExtraBareNoteIsReportedAsReadingBackAsANote) {
    TermBase term_base = small_term_base();
    term_base.concepts[0].extra.push_back({"note", "", Level::concept_level, "Bare.", ""});
    term_base.concepts[0].extra.push_back(
        {"note", "", Level::concept_level, "Note française.", "", {{"xml:lang", "fr"}}, {}, {}});
    Diagnostics diagnostics;
    const std::string written = write(term_base, diagnostics, options_for(TbxDialect::core, TbxStyle::dca));
    EXPECT_EQ(messages(diagnostics),
              "warning tbx.loss c1: the extra field <note> is written where a reader takes it for one of the "
              "concept's notes, and it reads back as that\n");
    const TermBase reread = read_back(written);
    EXPECT_EQ(reread.concepts.at(0).notes.back(), "Bare.");
    ASSERT_EQ(reread.concepts.at(0).extra.size(), 1u);
    EXPECT_EQ(reread.concepts.at(0).extra[0].value, "Note française.");
}

// An extra field the TBX reader takes for one of the model's fields comes back moved: reported where that field
// is free, not where the model's own value was written first (found by the JSON fuzz target).
TEST(TbxWriter, ExtraFieldTakenForAModelFieldIsReported) {
    TermBase term_base = small_term_base();
    Term& term = term_base.concepts[0].languages[0].terms[0];
    term.source.clear();
    term.extra.push_back({"admin", "source", Level::term_level, "Regulation 2019/1240", ""});
    term.extra.push_back({"admin", "source", Level::term_level, "A second source", ""});
    term.extra.push_back({"termNote", "termLocation", Level::term_level, "menuItem", ""});
    Concept& concept_value = term_base.concepts[0];
    concept_value.subject_field = "migration";
    concept_value.origin_url.clear();
    concept_value.extra.push_back({"descrip", "subjectField", Level::concept_level, "asylum", ""});
    concept_value.extra.push_back(
        {"xref", "externalCrossReference", Level::concept_level, "", "https://example.org/origin"});
    Diagnostics diagnostics;
    const std::string written = write(term_base, diagnostics, options_for(TbxDialect::core, TbxStyle::dca));
    EXPECT_EQ(messages(diagnostics),
              "warning tbx.loss c1: the extra field <xref type=\"externalCrossReference\"> is written where a "
              "reader takes it for the concept's origin URL, and it reads back as that\n"
              "warning tbx.loss c1/en 'Immigration Liaison Officer': the extra field <admin type=\"source\"> is "
              "written where a reader takes it for the term's source, and it reads back as that\n");
    const TermBase reread = read_back(written);
    const Term& reread_term = reread.concepts.at(0).languages.at(0).terms.at(0);
    EXPECT_EQ(reread_term.source, "Regulation 2019/1240");
    ASSERT_EQ(reread_term.extra.size(), 2u);
    EXPECT_EQ(reread_term.extra[1].value, "A second source");
    EXPECT_EQ(reread.concepts.at(0).subject_field, "migration");
    EXPECT_EQ(reread.concepts.at(0).origin_url, "https://example.org/origin");
}

TEST(XmlValues, RecogniseTheLexicalSpacesTbxUses) {
    using namespace xml_values;
    EXPECT_TRUE(is_ncname("c1"));
    EXPECT_TRUE(is_ncname("_x.y-z"));
    EXPECT_TRUE(is_ncname("été"));
    EXPECT_FALSE(is_ncname("1c"));
    EXPECT_FALSE(is_ncname("a:b"));
    EXPECT_FALSE(is_ncname(""));
    EXPECT_TRUE(is_language_tag("en"));
    EXPECT_TRUE(is_language_tag("sr-Latn-RS"));
    EXPECT_FALSE(is_language_tag("en_US"));
    EXPECT_FALSE(is_language_tag("en-"));
    EXPECT_FALSE(is_language_tag("toolonglanguage"));
    EXPECT_TRUE(is_xsd_date_or_date_time("2024-02-29"));
    EXPECT_TRUE(is_xsd_date_or_date_time("2010-04-17T10:20:30.5+02:00"));
    EXPECT_FALSE(is_xsd_date_or_date_time("2023-02-29"));
    EXPECT_FALSE(is_xsd_date_or_date_time("2024-13-01"));
    EXPECT_FALSE(is_xsd_date_or_date_time("17/04/2010"));
    EXPECT_FALSE(is_xsd_date_or_date_time("2010-04-17T25:00:00"));
    EXPECT_TRUE(is_http_url("https://example.org/a?b=c"));
    EXPECT_FALSE(is_http_url("https://"));
    EXPECT_FALSE(is_http_url("https://example.org/a b"));
    EXPECT_FALSE(is_http_url("mailto:a@example.org"));
}

}  // namespace
}  // namespace ilo
