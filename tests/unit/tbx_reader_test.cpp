// Tests of the TBX reader: every flavour, structure and encoding on small inputs, the reference corpus, and bad input.
#include <gtest/gtest.h>

#include <unicode/ucnv.h>

#include <fstream>
#include <sstream>

#include "../support/recording_sink.hpp"
#include "ilo_tbx/files.hpp"
#include "ilo_tbx/tbx_reader.hpp"
#include "reference_files.hpp"

namespace ilo {
namespace {

struct ReadResult {
    TermBase term_base;
    Diagnostics diagnostics;
    TbxFlavour flavour;
    bool finished = false;
};

using test::RecordingSink;

ReadResult read(std::string_view text, const std::string& name = "test.tbx") {
    ReadResult result;
    RecordingSink sink;
    read_tbx(Input{name, text}, ReadOptions{}, result.diagnostics, sink, &result.flavour);
    result.term_base = std::move(sink.collector.term_base());
    result.finished = !sink.events.empty() && sink.events.back() == "finish";
    return result;
}

std::string rendered(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics.items()) out += format_diagnostic(diagnostic);
    return out;
}

std::vector<std::string> codes(const Diagnostics& diagnostics) {
    std::vector<std::string> out;
    for (const Diagnostic& diagnostic : diagnostics.items()) out.push_back(diagnostic.code);
    return out;
}

constexpr std::string_view v3_dca = R"(<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader>
    <fileDesc>
      <titleStmt><title>Astronomy</title><note>A sample.</note></titleStmt>
      <publicationStmt><p>Published 2024</p></publicationStmt>
      <sourceDesc><p>MultiTerm export</p><p>second paragraph</p></sourceDesc>
      <sourceDesc><p>another source</p></sourceDesc>
    </fileDesc>
    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>
    <revisionDesc><change><p>created</p></change><change><p>revised</p><p>again</p></change></revisionDesc>
  </tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <transacGrp>
          <transac type="transactionType">origination</transac>
          <date>2010-04-17</date>
          <transacNote type="responsibility" target="p1">Tommy</transacNote>
        </transacGrp>
        <descrip type="subjectField">General</descrip>
        <xref type="xGraphic" target="https://example.org/a.jpg">a.jpg</xref>
        <note>concept note</note>
        <ref type="crossReference" target="c2">galaxy</ref>
        <langSec xml:lang="EN">
          <descripGrp>
            <descrip type="definition">A group of stars.</descrip>
            <admin type="source">Oxford2007</admin>
          </descripGrp>
          <note>language note</note>
          <termSec>
            <term id="t1">open cluster</term>
            <termNote type="partOfSpeech">noun</termNote>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <termNote type="termLocation">menuItem</termNote>
            <descripGrp>
              <descrip type="context">Over 1100 open clusters are known.</descrip>
              <admin type="source">seds.org</admin>
            </descripGrp>
            <admin type="customerSubset">IBM</admin>
            <note>term note</note>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c2">
        <langSec xml:lang="en_us"><termSec><term>galaxy</term></termSec></langSec>
      </conceptEntry>
    </body>
    <back>
      <refObjectSec type="respPerson">
        <refObject id="p1"><item type="fn">Tommy Tomolonis</item><item type="email">t@example.org</item></refObject>
      </refObjectSec>
    </back>
  </text>
</tbx>
)";

// The same content in DCT style: data categories as elements in module namespaces.
constexpr std::string_view v3_dct = R"(<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <tbxHeader>
    <fileDesc>
      <titleStmt><title>Astronomy</title><note>A sample.</note></titleStmt>
      <publicationStmt><p>Published 2024</p></publicationStmt>
      <sourceDesc><p>MultiTerm export</p><p>second paragraph</p></sourceDesc>
      <sourceDesc><p>another source</p></sourceDesc>
    </fileDesc>
    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>
    <revisionDesc><change><p>created</p></change><change><p>revised</p><p>again</p></change></revisionDesc>
  </tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <transacGrp>
          <basic:transactionType>origination</basic:transactionType>
          <date>2010-04-17</date>
          <basic:responsibility target="p1">Tommy</basic:responsibility>
        </transacGrp>
        <min:subjectField>General</min:subjectField>
        <basic:xGraphic target="https://example.org/a.jpg">a.jpg</basic:xGraphic>
        <note>concept note</note>
        <basic:crossReference target="c2">galaxy</basic:crossReference>
        <langSec xml:lang="EN">
          <descripGrp>
            <basic:definition>A group of stars.</basic:definition>
            <basic:source>Oxford2007</basic:source>
          </descripGrp>
          <note>language note</note>
          <termSec>
            <term id="t1">open cluster</term>
            <min:partOfSpeech>noun</min:partOfSpeech>
            <min:administrativeStatus>preferredTerm-admn-sts</min:administrativeStatus>
            <basic:termLocation>menuItem</basic:termLocation>
            <descripGrp>
              <basic:context>Over 1100 open clusters are known.</basic:context>
              <basic:source>seds.org</basic:source>
            </descripGrp>
            <min:customerSubset>IBM</min:customerSubset>
            <note>term note</note>
          </termSec>
        </langSec>
      </conceptEntry>
      <conceptEntry id="c2">
        <langSec xml:lang="en_us"><termSec><term>galaxy</term></termSec></langSec>
      </conceptEntry>
    </body>
    <back>
      <refObjectSec type="respPerson">
        <refObject id="p1"><item type="fn">Tommy Tomolonis</item><item type="email">t@example.org</item></refObject>
      </refObjectSec>
    </back>
  </text>
</tbx>
)";

TEST(TbxReader, V3DcaEntryMapsOntoTheModel) {
    ReadResult result = read(v3_dca);
    ASSERT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
    EXPECT_EQ(result.diagnostics.items().size(), 0u) << rendered(result.diagnostics);
    EXPECT_TRUE(result.finished);
    EXPECT_EQ(result.flavour.version, TbxVersion::v3);
    EXPECT_EQ(result.flavour.style, "dca");
    EXPECT_EQ(result.flavour.dialect, "TBX-Basic");

    const TermBase& tb = result.term_base;
    EXPECT_EQ(tb.title, "Astronomy");
    EXPECT_EQ(tb.source_description, "MultiTerm export");
    EXPECT_EQ(tb.source_language, "en");
    std::vector<HeaderParagraph> expected_paragraphs{
        {"titleNote", "", "A sample.", 0},        {"publicationStmt", "", "Published 2024", 0},
        {"sourceDesc", "", "second paragraph", 0}, {"sourceDesc", "", "another source", 1},
        {"encodingDesc", "XCSURI", "TBXBasicXCSV02.xcs", 0}, {"revisionDesc", "", "created", 0},
        {"revisionDesc", "", "revised", 1},        {"revisionDesc", "", "again", 1},
    };
    EXPECT_EQ(tb.paragraphs, expected_paragraphs);
    ASSERT_EQ(tb.back_matter.size(), 1u);
    EXPECT_EQ(tb.back_matter[0], (RefObjectSection{"respPerson", {{"p1", {{"fn", "Tommy Tomolonis"}, {"email", "t@example.org"}}}}}));

    ASSERT_EQ(tb.concepts.size(), 2u);
    const Concept& c1 = tb.concepts[0];
    EXPECT_EQ(c1.id, "c1");
    EXPECT_EQ(c1.pos.line, 15u);
    EXPECT_EQ(c1.pos.column, 7u);
    EXPECT_EQ(c1.subject_field, "General");
    EXPECT_EQ(c1.notes, std::vector<std::string>{"concept note"});
    ASSERT_EQ(c1.transactions.size(), 1u);
    EXPECT_EQ(c1.transactions[0], (Transaction{"origination", "2010-04-17", "Tommy", "p1", {}}));
    ASSERT_EQ(c1.relations.size(), 1u);
    // A ref of the default category reads back with an empty type: "the writer's choice", which is the same.
    EXPECT_EQ(c1.relations[0], (Relation{RelationKind::related, "galaxy", "c2", ""}));
    ASSERT_EQ(c1.extra.size(), 1u);
    EXPECT_EQ(c1.extra[0], (ExtraField{.element = "xref", .type = "xGraphic", .level = Level::concept_level,
                                       .value = "a.jpg", .target = "https://example.org/a.jpg"}));

    ASSERT_EQ(c1.languages.size(), 1u);
    const LanguageSection& en = c1.languages[0];
    EXPECT_EQ(en.language, "en");
    EXPECT_EQ(en.pos.line, 25u);
    ASSERT_EQ(en.definitions.size(), 1u);
    EXPECT_EQ(en.definitions[0], (Definition{.text = "A group of stars.", .source = "Oxford2007"}));
    EXPECT_EQ(en.notes, std::vector<std::string>{"language note"});
    ASSERT_EQ(en.terms.size(), 1u);
    const Term& term = en.terms[0];
    EXPECT_EQ(term.text, "open cluster");
    EXPECT_EQ(term.id, "t1");
    EXPECT_EQ(term.part_of_speech, "noun");
    EXPECT_EQ(term.administrative_status, "preferredTerm-admn-sts");
    EXPECT_EQ(term.context, "Over 1100 open clusters are known.");
    EXPECT_EQ(term.context_source, "seds.org");
    EXPECT_EQ(term.notes, std::vector<std::string>{"term note"});
    std::vector<ExtraField> term_extra{
        {.element = "termNote", .type = "termLocation", .level = Level::term_level, .value = "menuItem"},
        {.element = "admin", .type = "customerSubset", .level = Level::term_level, .value = "IBM"},
    };
    EXPECT_EQ(term.extra, term_extra);

    EXPECT_EQ(tb.concepts[1].languages[0].language, "en-US");
}

TEST(TbxReader, DctStyleGivesTheSameModelAsDca) {
    ReadResult dca = read(v3_dca);
    ReadResult dct = read(v3_dct);
    ASSERT_FALSE(dct.diagnostics.has_errors()) << rendered(dct.diagnostics);
    EXPECT_EQ(dct.diagnostics.items().size(), 0u) << rendered(dct.diagnostics);
    EXPECT_EQ(dct.flavour.style, "dct");
    EXPECT_EQ(dca.term_base, dct.term_base);
}

// The writers put Definition::context in a plain note right after the definition and its source: read
// back, that note is the context again (an EMN page's "EU context" survives a TBX round trip), and a note
// after another member of the group stays a member.
TEST(TbxReader, PlainNoteFirstInADefinitionGroupIsItsContext) {
    std::string text(v3_dca);
    text.replace(text.find("<admin type=\"source\">Oxford2007</admin>"), 39,
                 "<admin type=\"source\">Oxford2007</admin><note>EU context</note><note>second</note>");
    ReadResult result = read(text);
    ASSERT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
    const Definition& definition = result.term_base.concepts[0].languages[0].definitions.at(0);
    EXPECT_EQ(definition.source, "Oxford2007");
    EXPECT_EQ(definition.context, "EU context");
    ASSERT_EQ(definition.extra.size(), 1u);
    EXPECT_EQ(definition.extra[0].element, "note");
    EXPECT_EQ(definition.extra[0].value, "second");
}

TEST(TbxReader, UnknownDctModuleElementKeepsItsNamespace) {
    std::string text(v3_dct);
    text.replace(text.find("<note>term note</note>"), 22,
                 "<acme:rating xmlns:acme=\"http://acme.example/ns\" scale=\"5\">4</acme:rating>");
    ReadResult result = read(text);
    ASSERT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
    EXPECT_EQ(codes(result.diagnostics), std::vector<std::string>{"tbx.unknown-data-category"});
    const Term& term = result.term_base.concepts[0].languages[0].terms[0];
    ASSERT_EQ(term.extra.size(), 3u);
    EXPECT_EQ(term.extra[2], (ExtraField{.element = "rating", .level = Level::term_level, .value = "4",
                                         .attributes = {{"scale", "5"}}, .namespace_uri = "http://acme.example/ns"}));
}

TEST(TbxReader, StreamsHeaderThenEachConceptThenFinish) {
    RecordingSink sink;
    Diagnostics diagnostics;
    read_tbx(Input{"test.tbx", v3_dca}, ReadOptions{}, diagnostics, sink);
    EXPECT_EQ(sink.events, (std::vector<std::string>{"header", "concept c1", "concept c2", "finish"}));
}

TEST(TbxReader, StopsAtABrokenEntryAfterHandingOnTheOnesBefore) {
    std::string text(v3_dca);
    text.replace(text.find("<termSec><term>galaxy</term>"), 28, "<termSec><term>galaxy</trem>");
    RecordingSink sink;
    Diagnostics diagnostics;
    read_tbx(Input{"test.tbx", text}, ReadOptions{}, diagnostics, sink);
    EXPECT_EQ(sink.events, (std::vector<std::string>{"header", "concept c1"}));
    EXPECT_EQ(rendered(diagnostics),
              "test.tbx:46:56: error: not well-formed XML: expected </term> to close <term> from line 46, column 44, "
              "found </trem> [xml.not-well-formed]\n");
}

constexpr std::string_view martif_2008 = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd" [
  <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader>
    <fileDesc><sourceDesc><p>from a termbase</p></sourceDesc></fileDesc>
  </martifHeader>
  <text>
    <body>
      <termEntry id="e1">
        <descrip type="subjectField">manufacturing</descrip>
        <descrip type="definition">entry-level definition</descrip>
        <descrip type="relatedConcept">navigation tree</descrip>
        <langSet xml:lang="fr">
          <adminGrp>
            <admin type="sourceIdentifier">Translation Services Center</admin>
          </adminGrp>
          <ntig>
            <termGrp>
              <term id="t-fr1">copiste</term>
              <termNote type="termType">entryTerm</termNote>
              <termNoteGrp>
                <termNote type="grammaticalGender">masculine</termNote>
              </termNoteGrp>
              <termNoteGrp>
                <termNote type="geographicalUsage">Canada</termNote>
                <note>only in Quebec</note>
              </termNoteGrp>
            </termGrp>
            <descrip type="context">le copiste copie</descrip>
            <admin type="source">Muzerelle</admin>
          </ntig>
          <tig>
            <term>scribe</term>
            <termNote type="termType">synonym</termNote>
            <transacGrp>
              <transac type="transactionType">modification</transac>
              <transacNote type="responsibility">John</transacNote>
              <date>2007-07-23</date>
            </transacGrp>
          </tig>
        </langSet>
      </termEntry>
    </body>
    <back>
      <refObjectList type="respPerson">
        <refObject id="US5001"><item type="fn">Jane Doe</item></refObject>
      </refObjectList>
    </back>
  </text>
</martif>
)";

TEST(TbxReader, Martif2008WithPublicDoctypeTigNtigAndGroups) {
    ReadResult result = read(martif_2008);
    ASSERT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
    EXPECT_EQ(result.diagnostics.items().size(), 0u) << rendered(result.diagnostics);
    EXPECT_EQ(result.flavour.version, TbxVersion::v2008);
    EXPECT_TRUE(result.flavour.doctype);
    EXPECT_EQ(result.flavour.dialect, "TBX-Basic");
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_EQ(entry.subject_field, "manufacturing");
    EXPECT_EQ(entry.definitions, (std::vector<Definition>{{.text = "entry-level definition"}}));
    EXPECT_EQ(entry.extra, (std::vector<ExtraField>{{.element = "descrip", .type = "relatedConcept",
                                                      .level = Level::concept_level, .value = "navigation tree"}}));
    const LanguageSection& fr = entry.languages.at(0);
    ASSERT_EQ(fr.extra.size(), 1u);
    EXPECT_EQ(fr.extra[0].element, "adminGrp");
    EXPECT_EQ(fr.extra[0].children, (std::vector<ExtraField>{{.element = "admin", .type = "sourceIdentifier",
                                                               .level = Level::language_level,
                                                               .value = "Translation Services Center"}}));
    ASSERT_EQ(fr.terms.size(), 2u);
    const Term& copiste = fr.terms[0];
    EXPECT_EQ(copiste.text, "copiste");
    EXPECT_EQ(copiste.id, "t-fr1");
    EXPECT_EQ(copiste.term_type, "entryTerm");
    EXPECT_EQ(copiste.grammatical_gender, "masculine");  // a termNoteGrp with only its termNote
    EXPECT_EQ(copiste.geographical_usage, "");            // a group with a note stays whole, in extra
    ASSERT_EQ(copiste.extra.size(), 1u);
    EXPECT_EQ(copiste.extra[0].element, "termNoteGrp");
    ASSERT_EQ(copiste.extra[0].children.size(), 2u);
    EXPECT_EQ(copiste.extra[0].children[1], (ExtraField{.element = "note", .level = Level::term_level,
                                                         .value = "only in Quebec"}));
    EXPECT_EQ(copiste.context, "le copiste copie");
    EXPECT_EQ(copiste.source, "Muzerelle");
    const Term& scribe = fr.terms[1];
    EXPECT_EQ(scribe.term_type, "synonym");
    EXPECT_EQ(scribe.transactions, (std::vector<Transaction>{{"modification", "2007-07-23", "John", "", {}}}));
    EXPECT_EQ(result.term_base.back_matter,
              (std::vector<RefObjectSection>{{"respPerson", {{"US5001", {{"fn", "Jane Doe"}}}}}}));
}

// TBX puts termNotes right after the term, so its writers do; a file (here a lenient 2008 one) with a termNote
// after other data categories is read in that order, or a TBX round trip would give back another model.
TEST(TbxReader, TermNotesOfATermComeFirstInItsExtraFields) {
    ReadResult result = read(R"(<martif type="TBX" xml:lang="en"><text><body><termEntry id="c1"><langSet xml:lang="en">
<tig><term>PRE</term><descrip type="subjectField">HR</descrip><termNote type="usageNote">rare</termNote>
<admin type="productSubset">PER</admin><termNote type="register">formal</termNote></tig></langSet></termEntry></body>
</text></martif>)");
    ASSERT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
    const std::vector<ExtraField>& extra = result.term_base.concepts.at(0).languages.at(0).terms.at(0).extra;
    std::vector<std::string> order;
    for (const ExtraField& field : extra) order.push_back(field.element + " " + field.type);
    EXPECT_EQ(order, (std::vector<std::string>{"termNote usageNote", "termNote register", "descrip subjectField",
                                               "admin productSubset"}));
}

// The writers write a context's source in a descripGrp even when the context is empty; it reads back as the
// source alone, not also as an extra field.
TEST(TbxReader, AContextGroupWithOnlyASourceIsTheContextSource) {
    ReadResult result = read(R"(<martif type="TBX" xml:lang="en"><text><body><termEntry id="c1"><langSet xml:lang="de">
<tig><term>Verbindungsbeamter</term><descripGrp><descrip type="context"></descrip><admin type="source">o</admin>
</descripGrp></tig></langSet></termEntry></body></text></martif>)");
    ASSERT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
    const Term& term = result.term_base.concepts.at(0).languages.at(0).terms.at(0);
    EXPECT_EQ(term.context, "");
    EXPECT_EQ(term.context_source, "o");
    EXPECT_TRUE(term.extra.empty());
}

TEST(TbxReader, MartifWithSystemDoctypeAndNoHeaderElementsBeyondSourceDesc) {
    ReadResult result = read(
        "<?xml version='1.0'?>\n<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n<martif type=\"TBX\" "
        "xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>s</p></sourceDesc></fileDesc></martifHeader><text><body>"
        "<termEntry id=\"a\"><langSet xml:lang=\"hu\"><tig><term>Alfa</term></tig></langSet></termEntry></body></text>"
        "</martif>");
    ASSERT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
    EXPECT_TRUE(result.flavour.doctype);
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    EXPECT_EQ(result.term_base.concepts[0].languages[0].terms[0].text, "Alfa");
}

TEST(TbxReader, MartifInTheV3NamespaceIsReadAsTbx2008WithAWarning) {
    ReadResult result = read(
        "<martif type=\"TBX\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body><termEntry id=\"a\">"
        "<langSet xml:lang=\"en\"><tig><term>x</term></tig></langSet></termEntry></body></text></martif>");
    EXPECT_FALSE(result.diagnostics.has_errors());
    EXPECT_EQ(rendered(result.diagnostics),
              "test.tbx:1:1: warning: <martif> is in the TBX v3 namespace, where it does not belong; read as TBX 2008 "
              "[tbx.namespace]\n");
    EXPECT_EQ(result.flavour.version, TbxVersion::v2008);
    EXPECT_TRUE(result.flavour.misplaced_namespace);
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    EXPECT_EQ(result.term_base.concepts[0].languages[0].terms[0].text, "x");
}

TEST(TbxReader, PreIsoTbxMin) {
    ReadResult result = read(R"(<TBX dialect="TBX-Min">
  <header>
    <id>TBX sample</id>
    <description>A short sample</description>
    <dateCreated>2013-11-12T00:00:00</dateCreated>
    <languages source="de" target="EN"/>
    <creator>Klaus-Dirk Schmidt</creator>
    <license>CC BY</license>
  </header>
  <body>
    <termEntry id="C002">
      <subjectField>biology</subjectField>
      <langSet xml:lang="en">
        <tig>
          <term>hound</term>
          <termStatus>obsolete</termStatus>
          <partOfSpeech>noun</partOfSpeech>
          <customer>SAP</customer>
          <noteGrp><note><noteKey>usage</noteKey><noteValue>bloodhound is used</noteValue></note></noteGrp>
        </tig>
      </langSet>
    </termEntry>
  </body>
</TBX>)");
    ASSERT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
    EXPECT_EQ(result.diagnostics.items().size(), 0u) << rendered(result.diagnostics);
    EXPECT_EQ(result.flavour.version, TbxVersion::min2013);
    const TermBase& tb = result.term_base;
    EXPECT_EQ(tb.title, "TBX sample");
    EXPECT_EQ(tb.source_description, "A short sample");
    EXPECT_EQ(tb.source_language, "de");
    // Paragraphs come in section order (publicationStmt before sourceDesc), whatever the file's order.
    EXPECT_EQ(tb.paragraphs, (std::vector<HeaderParagraph>{{"publicationStmt", "", "CC BY", 0},
                                                           {"sourceDesc", "dateCreated", "2013-11-12T00:00:00", 0},
                                                           {"sourceDesc", "targetLanguage", "en", 0},
                                                           {"sourceDesc", "creator", "Klaus-Dirk Schmidt", 0}}));
    const Concept& entry = tb.concepts.at(0);
    EXPECT_EQ(entry.id, "C002");
    EXPECT_EQ(entry.subject_field, "biology");
    const Term& hound = entry.languages.at(0).terms.at(0);
    EXPECT_EQ(hound.administrative_status, "supersededTerm-admn-sts");
    EXPECT_EQ(hound.part_of_speech, "noun");
    EXPECT_EQ(hound.notes, std::vector<std::string>{"usage: bloodhound is used"});
    EXPECT_EQ(hound.extra, (std::vector<ExtraField>{{.element = "admin", .type = "customerSubset",
                                                      .level = Level::term_level, .value = "SAP"}}));
}

TEST(TbxReader, EntriesWithoutIdsGetGeneratedOnesAndOneWarning) {
    ReadResult result = read(
        "<martif type=\"TBX\"><text><body>"
        "<termEntry><langSet xml:lang=\"en\"><tig><term>a</term></tig></langSet></termEntry>\n"
        "<termEntry><langSet xml:lang=\"en\"><tig><term>b</term></tig></langSet></termEntry>"
        "</body></text></martif>");
    EXPECT_EQ(rendered(result.diagnostics),
              "test.tbx:1:32: warning: <termEntry> has no id; entries without one get generated ids (c1 here) "
              "[tbx.generated-id]\n");
    ASSERT_EQ(result.term_base.concepts.size(), 2u);
    EXPECT_EQ(result.term_base.concepts[0].id, "c1");
    EXPECT_EQ(result.term_base.concepts[1].id, "c2");
}

TEST(TbxReader, UnknownElementsAreKeptAndReported) {
    ReadResult result = read(
        "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body><conceptEntry id=\"c1\">"
        "<langSec xml:lang=\"en\"><termSec><term>x</term><comment lang=\"en\">a comment</comment></termSec></langSec>"
        "</conceptEntry></body></text></tbx>");
    EXPECT_FALSE(result.diagnostics.has_errors());
    EXPECT_EQ(rendered(result.diagnostics),
              "test.tbx:1:121: warning: <comment> is not a TBX element here; kept as it is [tbx.unknown-element]\n");
    const Term& term = result.term_base.concepts[0].languages[0].terms[0];
    EXPECT_EQ(term.extra, (std::vector<ExtraField>{{.element = "comment", .level = Level::term_level,
                                                     .value = "a comment", .attributes = {{"lang", "en"}}}}));
}

TEST(TbxReader, InlineMarkupKeepsItsTextWithAWarning) {
    ReadResult result = read(
        "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body><conceptEntry id=\"c1\"><note>see <hi type=\"italics\">"
        "Nature</hi> 12</note><langSec xml:lang=\"en\"><termSec><term>x</term></termSec></langSec></conceptEntry></body>"
        "</text></tbx>");
    EXPECT_EQ(codes(result.diagnostics), std::vector<std::string>{"tbx.inline-markup"});
    EXPECT_EQ(result.term_base.concepts[0].notes, std::vector<std::string>{"see Nature 12"});
}

// Found by the long tbx_reader_fuzz run: read as an extra field, such a definition was written back as a plain
// one and read back as a definition, so the model changed on a round trip that reported no loss.
TEST(TbxReader, DefinitionWithInlineMarkupIsADefinitionWithItsText) {
    ReadResult result = read(
        "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body><conceptEntry id=\"c1\"><langSec xml:lang=\"en\">"
        "<descripGrp><descrip type=\"definition\">an <hi type=\"italics\">officer</hi> abroad</descrip>"
        "<admin type=\"source\">Regulation 2019/1240</admin></descripGrp>"
        "<termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>");
    EXPECT_EQ(codes(result.diagnostics), std::vector<std::string>{"tbx.inline-markup"});
    const LanguageSection& language = result.term_base.concepts[0].languages[0];
    ASSERT_EQ(language.definitions.size(), 1u);
    EXPECT_EQ(language.definitions[0].text, "an officer abroad");
    EXPECT_EQ(language.definitions[0].source, "Regulation 2019/1240");
    EXPECT_TRUE(language.extra.empty());
}

// Found by the long tbx_reader_fuzz run: a term base with back matter and no entries is written as <text> with
// <back> alone, which TBX allows, and the back matter was looked for after </body> only, so it was lost on reading.
TEST(TbxReader, BackMatterWithoutABodyIsRead) {
    ReadResult result = read(
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n"
        "<tbxHeader><fileDesc><sourceDesc><p/></sourceDesc></fileDesc></tbxHeader>\n"
        "<text>\n<back><refObjectSec type=\"respPerson\"><refObject id=\"p1\"><item type=\"fn\">Ana Editor</item>"
        "</refObject></refObjectSec></back>\n</text>\n</tbx>\n");
    EXPECT_EQ(rendered(result.diagnostics), "");
    EXPECT_TRUE(result.finished);
    EXPECT_EQ(result.term_base.back_matter,
              (std::vector<RefObjectSection>{{"respPerson", {{"p1", {{"fn", "Ana Editor"}}}}}}));
}

TEST(TbxReader, LanguageTagsAreNormalisedAndBadOnesDiagnosed) {
    ReadResult result = read(
        "<tbx xml:lang=\"EN-gb\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body><conceptEntry id=\"c1\">\n"
        "<langSec xml:lang=\"zh-hant-tw\"><termSec><term>a</term></termSec></langSec>\n"
        "<langSec xml:lang=\"pt_BR\"><termSec><term>b</term></termSec></langSec>\n"
        "<langSec xml:lang=\"en-\"><termSec><term>c</term></termSec></langSec>\n"
        "<langSec xml:lang=\"english\"><termSec><term>d</term></termSec></langSec>\n"
        "<langSec><termSec><term>e</term></termSec></langSec>\n"
        "</conceptEntry></body></text></tbx>");
    EXPECT_FALSE(result.diagnostics.has_errors());
    EXPECT_EQ(result.term_base.source_language, "en-GB");
    const auto& languages = result.term_base.concepts.at(0).languages;
    ASSERT_EQ(languages.size(), 5u);
    EXPECT_EQ(languages[0].language, "zh-Hant-TW");
    EXPECT_EQ(languages[1].language, "pt-BR");
    EXPECT_EQ(languages[2].language, "en-");
    EXPECT_EQ(languages[3].language, "english");
    EXPECT_EQ(languages[4].language, "");
    EXPECT_EQ(rendered(result.diagnostics),
              "test.tbx:4:1: warning: invalid language tag 'en-'; expected a BCP 47 tag such as en, en-US or zh-Hant "
              "(kept as written) [tbx.language-tag]\n"
              "test.tbx:5:1: warning: unknown language 'english': its primary subtag is not an ISO 639 language code "
              "[tbx.language-tag]\n"
              "test.tbx:6:1: warning: <langSec> has no xml:lang; expected a language tag such as xml:lang=\"en\" "
              "[tbx.missing-language]\n");
}

TEST(TbxReader, ExternalEntitiesAreNeverLoadedAndTheirUseIsRefused) {
    ReadResult result = read(
        "<!DOCTYPE martif [<!ENTITY x SYSTEM \"/etc/hostname\">]><martif><text><body><termEntry id=\"a\">"
        "<langSet xml:lang=\"en\"><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>");
    // Nothing is read from the file system, and the reference is an error rather than text that looks like one.
    EXPECT_EQ(rendered(result.diagnostics),
              "test.tbx:1:127: error: the entity reference &x; is not expanded: ilo-tbx never reads entities declared "
              "in a DTD (internal or external); expected only &lt; &gt; &amp; &apos; &quot; or a character reference "
              "such as &#233; [xml.entity]\n");
    EXPECT_TRUE(result.term_base.concepts.empty());
}

TEST(TbxReader, PredefinedEntitiesAndCharacterReferencesAreRead) {
    ReadResult result = read(
        "<martif><text><body><termEntry id=\"a\"><langSet xml:lang=\"en\"><tig><term>&lt;&gt;&amp;&apos;&quot;"
        "&#233;&#xE9;&#x1F600;</term></tig></langSet></termEntry></body></text></martif>");
    ASSERT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
    EXPECT_EQ(result.term_base.concepts.at(0).languages.at(0).terms.at(0).text, "<>&'\"\u00e9\u00e9\U0001F600");
}

// --- encodings and line ends

std::string entry_document(std::string_view declaration, std::string_view term) {
    return std::string(declaration) +
           "<martif type=\"TBX\" xml:lang=\"tr\">\n<text>\n<body>\n<termEntry id=\"a\">\n<langSet xml:lang=\"tr\">\n"
           "<tig><term>" + std::string(term) + "</term></tig>\n</langSet>\n</termEntry>\n</body>\n</text>\n</martif>\n";
}

std::string from_utf8(const std::string& text, const char* encoding) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(text.size() * 4 + 8, '\0');
    int32_t length = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), text.data(),
                                  static_cast<int32_t>(text.size()), &status);
    EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
    out.resize(static_cast<std::size_t>(length));
    return out;
}

std::string first_term(const ReadResult& result) {
    if (result.term_base.concepts.empty() || result.term_base.concepts[0].languages.empty() ||
        result.term_base.concepts[0].languages[0].terms.empty())
        return "<none>";
    return result.term_base.concepts[0].languages[0].terms[0].text;
}

TEST(TbxReaderEncoding, Utf8WithAndWithoutBom) {
    std::string plain = entry_document("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "ılık süt");
    ReadResult without = read(plain);
    ReadResult with = read("\xEF\xBB\xBF" + plain);
    EXPECT_EQ(first_term(without), "ılık süt");
    EXPECT_EQ(first_term(with), "ılık süt");
    EXPECT_EQ(with.flavour.encoding, "UTF-8");
    EXPECT_EQ(without.term_base, with.term_base);
}

TEST(TbxReaderEncoding, Utf16LittleAndBigEndian) {
    std::string utf8 = entry_document("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n", "ılık süt 日本");
    std::string little = std::string("\xFF\xFE", 2) + from_utf8(utf8, "UTF-16LE");
    std::string big = std::string("\xFE\xFF", 2) + from_utf8(utf8, "UTF-16BE");
    std::string little_without_bom = from_utf8(utf8, "UTF-16LE");
    for (const std::string* input : {&little, &big, &little_without_bom}) {
        ReadResult result = read(*input);
        EXPECT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
        EXPECT_EQ(first_term(result), "ılık süt 日本");
    }
    EXPECT_EQ(read(big).flavour.encoding, "UTF-16BE");
    EXPECT_EQ(read(little).flavour.encoding, "UTF-16LE");
}

TEST(TbxReaderEncoding, DeclaredSingleByteEncodingsAreTranscoded) {
    // windows-1254 (Turkish): 0xFD is dotless i, 0xFC is u with diaeresis.
    std::string turkish = entry_document("<?xml version=\"1.0\" encoding=\"windows-1254\"?>\n", "\xFDl\xFDk s\xFCt");
    ReadResult result = read(turkish);
    EXPECT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
    EXPECT_EQ(first_term(result), "ılık süt");
    EXPECT_EQ(result.flavour.encoding, "windows-1254");
    // ISO-8859-2 (Central European): 0xB3 is l with stroke.
    ReadResult polish = read(entry_document("<?xml version='1.0' encoding='ISO-8859-2'?>\n", "\xB3\xF3\x64\xBC"));
    EXPECT_EQ(first_term(polish), "łódź");
}

TEST(TbxReaderEncoding, UnknownEncodingAndBadUtf8AreErrors) {
    ReadResult unknown = read(entry_document("<?xml version=\"1.0\" encoding=\"x-klingon-8\"?>\n", "a"));
    EXPECT_EQ(rendered(unknown.diagnostics),
              "test.tbx:1:1: error: unknown encoding 'x-klingon-8' in the XML declaration; expected UTF-8, UTF-16 or a "
              "known legacy encoding [encoding.unknown]\n");
    ReadResult bad = read(entry_document("", "caf\xE9"));
    EXPECT_EQ(rendered(bad.diagnostics),
              "test.tbx:6:15: error: invalid UTF-8 byte sequence; expected UTF-8 text, or an XML declaration naming the "
              "file's encoding [encoding.invalid-utf8]\n");
    EXPECT_FALSE(bad.finished);
}

TEST(TbxReaderEncoding, CrlfBareCrAndOneLineFilesGiveTheSameModel) {
    std::string lf = entry_document("<?xml version=\"1.0\"?>\n", "x");
    auto with_line_ends = [&](std::string_view line_end) {
        std::string out;
        for (char c : lf) {
            if (c == '\n') out += line_end;
            else out += c;
        }
        return out;
    };
    ReadResult unix_style = read(lf);
    ReadResult windows = read(with_line_ends("\r\n"));
    ReadResult old_mac = read(with_line_ends("\r"));
    ReadResult one_line = read(with_line_ends(""));
    for (const ReadResult* result : {&unix_style, &windows, &old_mac, &one_line})
        EXPECT_FALSE(result->diagnostics.has_errors()) << rendered(result->diagnostics);
    EXPECT_EQ(unix_style.term_base, windows.term_base);
    EXPECT_EQ(unix_style.term_base, old_mac.term_base);
    EXPECT_EQ(unix_style.term_base, one_line.term_base);
    // Positions count lines the same way whatever the line ends.
    EXPECT_EQ(windows.term_base.concepts[0].pos.line, 5u);
    EXPECT_EQ(old_mac.term_base.concepts[0].pos.line, 5u);
    EXPECT_EQ(one_line.term_base.concepts[0].pos.line, 1u);
}

TEST(TbxReaderEncoding, TextInsideElementsKeepsLineBreaksAsLineFeeds) {
    ReadResult result = read(entry_document("", "two\r\nlines"));
    EXPECT_EQ(first_term(result), "two\nlines");
}

// --- bad input

struct BadInput {
    std::string name;
    std::string text;
    std::string expected;
    friend void PrintTo(const BadInput& input, std::ostream* out) { *out << input.name; }
};

class TbxReaderBadInput : public testing::TestWithParam<BadInput> {};

TEST_P(TbxReaderBadInput, IsRejectedWithAnExactDiagnostic) {
    ReadResult result = read(GetParam().text, "bad.tbx");
    EXPECT_TRUE(result.diagnostics.has_errors());
    EXPECT_FALSE(result.finished);
    EXPECT_EQ(rendered(result.diagnostics), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, TbxReaderBadInput,
    testing::Values(
        BadInput{"unknown_root", "<?xml version=\"1.0\"?>\n<glossary><entry/></glossary>\n",
                 "bad.tbx:2:1: error: the root element is <glossary>; expected <tbx> (TBX v3, ISO 30042:2019), "
                 "<martif> (TBX 2008) or <TBX dialect=\"TBX-Min\"> [tbx.unknown-root]\n"},
        BadInput{"empty_file", "", "bad.tbx:1:1: error: the file is empty; expected a TBX document (<tbx>, <martif> or "
                                   "<TBX dialect=\"TBX-Min\">) [tbx.empty]\n"},
        BadInput{"unclosed_root", "<martif>\n<text>\n",
                 "bad.tbx:3:1: error: not well-formed XML: the file ends inside <text> (opened at line 2, column 1); "
                 "expected </text> [xml.not-well-formed]\n"},
        BadInput{"unquoted_attribute", "<martif>\n  <text lang=en>",
                 "bad.tbx:2:14: error: not well-formed XML: expected a quoted value for the attribute 'lang' "
                 "[xml.not-well-formed]\n"},
        BadInput{"text_after_root", "<martif/>\ntrailing",
                 "bad.tbx:2:1: error: not well-formed XML: text after the root element [xml.not-well-formed]\n"},
        BadInput{"two_roots", "<martif/><martif/>",
                 "bad.tbx:1:10: error: not well-formed XML: a second root element <martif> [xml.not-well-formed]\n"},
        BadInput{"unterminated_comment", "<martif><!-- never ends",
                 "bad.tbx:1:24: error: not well-formed XML: expected '-->' to end the comment [xml.not-well-formed]\n"},
        BadInput{"duplicate_attribute",
                 "<martif><text><body>\n<termEntry id=\"a\"><langSet xml:lang=\"en\"><tig><term a=\"1\" a=\"2\">x</term>"
                 "</tig></langSet></termEntry></body></text></martif>",
                 "bad.tbx:2:59: error: not well-formed XML: duplicate attribute 'a' in the start tag <term> "
                 "[xml.not-well-formed]\n"},
        BadInput{"stray_end_tag", "<martif></text></martif>",
                 "bad.tbx:1:9: error: not well-formed XML: expected </martif> to close <martif> from line 1, column 1, "
                 "found </text> [xml.not-well-formed]\n"}),
    [](const testing::TestParamInfo<BadInput>& param_info) { return param_info.param.name; });

// --- the reference corpus

class TbxReferenceFile : public testing::TestWithParam<std::string> {};

TEST_P(TbxReferenceFile, ReadsWithoutError) {
    Diagnostics diagnostics;
    std::optional<std::string> text = read_file(test::reference_path(GetParam()), diagnostics);
    ASSERT_TRUE(text) << rendered(diagnostics);
    ReadResult result = read(*text, GetParam());
    EXPECT_FALSE(result.diagnostics.has_errors()) << rendered(result.diagnostics);
    EXPECT_TRUE(result.finished);
    EXPECT_FALSE(result.term_base.concepts.empty());
    EXPECT_NE(result.flavour.version, TbxVersion::unknown);
    std::size_t empty_terms = 0;
    for (const Concept& concept_value : result.term_base.concepts) {
        EXPECT_FALSE(concept_value.id.empty());
        EXPECT_TRUE(concept_value.pos.known());
        for (const LanguageSection& language : concept_value.languages)
            for (const Term& term : language.terms) empty_terms += term.text.empty() ? 1 : 0;
    }
    // A term section without a term (as in the badelementorder samples) is read, but never silently.
    std::size_t missing_term_warnings = 0;
    for (const Diagnostic& diagnostic : result.diagnostics.items())
        missing_term_warnings += diagnostic.code == "tbx.missing-term" ? 1 : 0;
    EXPECT_EQ(empty_terms, missing_term_warnings);
}

INSTANTIATE_TEST_SUITE_P(Reference, TbxReferenceFile, testing::ValuesIn(test::readable_reference_files()),
                         [](const testing::TestParamInfo<std::string>& param_info) { return test::test_name_for(param_info.param); });

TEST(TbxReferenceCorpus, IsPresentAndComplete) {
    // Guards against a missing ../shared turning the corpus tests into nothing.
    EXPECT_EQ(test::all_reference_files().size(), 34u);
    EXPECT_EQ(test::readable_reference_files().size(), 31u);
}

TEST(TbxReferenceCorpus, FlavoursCountsAndWarningsPerFile) {
    struct Expected {
        std::string file;
        TbxVersion version;
        std::string style;
        std::size_t concepts;
        std::size_t terms;
        std::size_t warnings;
    };
    const std::vector<Expected> expected{
        {"real-world/tbx/byutrg-p5-tbx-min/min.tbx", TbxVersion::min2013, "", 3, 7, 0},
        {"real-world/tbx/okapi/ibm_tbx.tbx", TbxVersion::v2008, "", 5, 11, 0},
        {"real-world/tbx/okapi/maryland.tbx", TbxVersion::v2008, "", 1, 13, 0},
        {"real-world/tbx/okapi/oracle_TBX.tbx", TbxVersion::v2008, "", 2, 6, 0},
        {"real-world/tbx/okapi/test01.tbx", TbxVersion::v2008, "", 1, 2, 0},
        {"real-world/tbx/omegat/sampleTBXfile.tbx", TbxVersion::v2008, "", 1, 2, 0},
        {"real-world/tbx/weblate/cs.tbx", TbxVersion::v2008, "", 4, 8, 1},
        {"tbx/ltac-tbx-basic/DCA/Example_Astronomy_DCA_VALID.tbx", TbxVersion::v3, "dca", 45, 113, 0},
        {"tbx/ltac-tbx-basic/DCT/Example_Astronomy_DCT_VALID.tbx", TbxVersion::v3, "dct", 45, 113, 0},
        {"tbx/ltac-tbx-min/DCT/Example_Astronomy_DCT_VALID.tbx", TbxVersion::v3, "dct", 45, 113, 0},
        {"tbx/ltac-tbx-test-files/core_structure_bad.tbx", TbxVersion::v3, "dca", 45, 113, 3},
        {"tbx/tbx-basic-package-v2/TBX-basic-sample.tbx", TbxVersion::v2008, "", 5, 13, 0},
        {"tbx/tbx-basic-package-v3/tbx_basic_sample_badelement.tbx", TbxVersion::v3, "dca", 2, 2, 2},
    };
    for (const Expected& file : expected) {
        Diagnostics io;
        std::optional<std::string> text = read_file(test::reference_path(file.file), io);
        ASSERT_TRUE(text) << file.file;
        ReadResult result = read(*text, file.file);
        std::size_t terms = 0;
        for (const Concept& c : result.term_base.concepts)
            for (const LanguageSection& l : c.languages) terms += l.terms.size();
        EXPECT_EQ(result.flavour.version, file.version) << file.file;
        EXPECT_EQ(result.flavour.style, file.style) << file.file;
        EXPECT_EQ(result.term_base.concepts.size(), file.concepts) << file.file;
        EXPECT_EQ(terms, file.terms) << file.file;
        EXPECT_EQ(result.diagnostics.warning_count(), file.warnings) << file.file << "\n" << rendered(result.diagnostics);
    }
}

struct NotWellFormed {
    std::string file;
    std::string expected;
    friend void PrintTo(const NotWellFormed& input, std::ostream* out) { *out << input.file; }
};

class TbxReferenceNotWellFormed : public testing::TestWithParam<NotWellFormed> {};

TEST_P(TbxReferenceNotWellFormed, IsRejectedWithFileLineColumn) {
    Diagnostics io;
    std::optional<std::string> text = read_file(test::reference_path(GetParam().file), io);
    ASSERT_TRUE(text);
    ReadResult result = read(*text, GetParam().file);
    EXPECT_FALSE(result.finished);
    EXPECT_EQ(rendered(result.diagnostics), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Reference, TbxReferenceNotWellFormed,
    testing::Values(
        NotWellFormed{"tbx/ltac-tbx-test-files/poorly_formed_xml.tbx",
                      "tbx/ltac-tbx-test-files/poorly_formed_xml.tbx:42:6: error: not well-formed XML: expected </term> "
                      "to close <term> from line 41, column 7, found </termSec> [xml.not-well-formed]\n"},
        NotWellFormed{"tbx/tbx-basic-package-v2/tbx_basic_sample_notwellformed.tbx",
                      "tbx/tbx-basic-package-v2/tbx_basic_sample_notwellformed.tbx:45:3: error: not well-formed XML: "
                      "expected </date> to close <date> from line 44, column 4, found </transacGrp> "
                      "[xml.not-well-formed]\n"},
        NotWellFormed{"tbx/tbx-basic-package-v3/tbx_basic_sample_notwellformed.tbx",
                      "tbx/tbx-basic-package-v3/tbx_basic_sample_notwellformed.tbx:41:5: error: not well-formed XML: "
                      "expected </date> to close <date> from line 40, column 6, found </transacGrp> "
                      "[xml.not-well-formed]\n"}),
    [](const testing::TestParamInfo<NotWellFormed>& param_info) { return test::test_name_for(param_info.param.file); });

}  // namespace
}  // namespace ilo
