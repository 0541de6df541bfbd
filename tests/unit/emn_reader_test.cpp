// Tests for the EMN page reader: one test per rule on a small hand-written page, and the seed entry field by field.
#include <gtest/gtest.h>

#include <set>

#include "emn_test_support.hpp"

namespace ilo {
namespace {

using namespace emn_test;

// ---------------------------------------------------------------------------
// Issue 2 §4, one rule per test.

TEST(EmnReader, SkipsSiteChromeInAnyUiLanguage) {
    ReadResult result = read_page(
        "Skip to main content\n"
        "Logo Evropsk\u00e9 komise\n"
        "Euroopan komission logo\n"
        "Migration and Home Affairs\n"
        "\n"
        "Test Term\n"
        "\n"
        "A definition.\n"
        "\n"
        "A source\n"
        "\n" +
        std::string(two_translations));
    EXPECT_TRUE(result.diagnostics.items().empty());
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    EXPECT_EQ(term_texts(*section(result.term_base.concepts[0], "en")), std::vector<std::string>{"Test Term"});
    for (std::uint32_t line = 1; line <= 4; ++line) EXPECT_EQ(result.roles[line - 1].role, "chrome") << line;
    EXPECT_EQ(result.roles[5].role, "title");
}

TEST(EmnReader, TitleBecomesTheEnglishHeadTerm) {
    ReadResult result = read_page(page_with(two_translations));
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    const LanguageSection* english = section(result.term_base.concepts[0], "en");
    ASSERT_NE(english, nullptr);
    ASSERT_EQ(english->terms.size(), 1u);
    EXPECT_EQ(english->terms[0].text, "Test Term");
    EXPECT_EQ(english->terms[0].administrative_status, "preferredTerm-admn-sts");
    EXPECT_EQ(result.term_base.concepts[0].id, "test-term");
}

TEST(EmnReader, TrailingAllCapsAbbreviationSplitsOffAnyTerm) {
    std::string page = page_with("  \u2022 DE: Verbindungsbeamter (VB-EU)\n  \u2022 FR: agent (d'ALE)\n");
    page.replace(page.find("Test Term"), 9, "Test Liaison Officer (TLO)");
    ReadResult result = read_page(page);
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    const Concept& entry = result.term_base.concepts[0];
    const LanguageSection* english = section(entry, "en");
    ASSERT_EQ(english->terms.size(), 2u);
    EXPECT_EQ(english->terms[0].text, "Test Liaison Officer");
    EXPECT_EQ(english->terms[0].term_type, "fullForm");
    EXPECT_EQ(english->terms[1].text, "TLO");
    EXPECT_EQ(english->terms[1].term_type, "abbreviation");
    EXPECT_EQ(english->terms[1].administrative_status, "admittedTerm-admn-sts");
    const LanguageSection* german = section(entry, "de");
    EXPECT_EQ(term_texts(*german), (std::vector<std::string>{"Verbindungsbeamter", "VB-EU"}));
    EXPECT_EQ(german->terms[1].term_type, "abbreviation");
    // Not all capitals: a gloss, kept as written.
    EXPECT_EQ(term_texts(*section(entry, "fr")), std::vector<std::string>{"agent (d'ALE)"});
    EXPECT_EQ(entry.id, "test-liaison-officer-tlo");
}

TEST(EmnReader, ProseGivesTheDefinitionAndTheParagraphAfterItItsSource) {
    ReadResult result = read_page(page_with(two_translations));
    const LanguageSection* english = section(result.term_base.concepts.at(0), "en");
    ASSERT_EQ(english->definitions.size(), 1u);
    EXPECT_EQ(english->definitions[0].text, "A definition of the test term.");
    EXPECT_EQ(english->definitions[0].source, "Source of the definition");
    EXPECT_EQ(english->definitions[0].context, "");
}

TEST(EmnReader, TranslationCodesBecomeLowerCaseBcp47Tags) {
    ReadResult result = read_page(
        page_with("  \u2022 EL: \u03cc\u03c1\u03bf\u03c2\n  \u2022 NO: begrep\n  \u2022 PT: termo\n"));
    EXPECT_EQ(languages(result.term_base.concepts.at(0)), (std::vector<std::string>{"en", "el", "no", "pt"}));
    EXPECT_TRUE(result.diagnostics.items().empty());
}

TEST(EmnReader, SpacedSlashSeparatesWholeTermsFirstPreferred) {
    ReadResult result = read_page(page_with("  \u2022 NL: terugkeerbesluit / besluit tot terugkeer / verwijderingsbesluit\n"));
    EXPECT_TRUE(result.diagnostics.items().empty());
    const LanguageSection* dutch = section(result.term_base.concepts.at(0), "nl");
    ASSERT_EQ(term_texts(*dutch),
              (std::vector<std::string>{"terugkeerbesluit", "besluit tot terugkeer", "verwijderingsbesluit"}));
    EXPECT_EQ(dutch->terms[0].administrative_status, "preferredTerm-admn-sts");
    EXPECT_EQ(dutch->terms[1].administrative_status, "admittedTerm-admn-sts");
    EXPECT_EQ(dutch->terms[2].administrative_status, "admittedTerm-admn-sts");
}

TEST(EmnReader, TermTextIsKeptExactlyAsWrittenApartFromTrimming) {
    ReadResult result = read_page(page_with(
        "  \u2022 FR: officier \u00abImmigration\u00bb   \n"
        "  \u2022 IT: dell\u2019immigrazione\n"
        "  \u2022 MT: g\u0127all\u2011Immigrazzjoni\n"
        "  \u2022 HU: tiszt(visel\u0151)\n"
        "  \u2022 RO: ofi\u0163er\n"));
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_EQ(term_texts(*section(entry, "fr")), std::vector<std::string>{"officier \u00abImmigration\u00bb"});
    EXPECT_EQ(term_texts(*section(entry, "it")), std::vector<std::string>{"dell\u2019immigrazione"});
    EXPECT_EQ(term_texts(*section(entry, "mt")), std::vector<std::string>{"g\u0127all\u2011Immigrazzjoni"});
    EXPECT_EQ(term_texts(*section(entry, "hu")), std::vector<std::string>{"tiszt(visel\u0151)"});
    EXPECT_EQ(term_texts(*section(entry, "ro")), std::vector<std::string>{"ofi\u0163er"});
}

TEST(EmnReader, UnheadedListAfterTranslationsHoldsEnglishSynonyms) {
    std::string page = page_with(two_translations, "\n\n  \u2022 TT\n  \u2022 trial term\n");
    page.replace(page.find("Test Term"), 9, "Test Term (TT)");
    ReadResult result = read_page(page);
    const LanguageSection* english = section(result.term_base.concepts.at(0), "en");
    // "TT" is the abbreviation already split off the title: the same term, not a duplicate.
    ASSERT_EQ(term_texts(*english), (std::vector<std::string>{"Test Term", "TT", "trial term"}));
    EXPECT_EQ(english->terms[2].administrative_status, "admittedTerm-admn-sts");
    EXPECT_EQ(english->terms[2].term_type, "");
    EXPECT_TRUE(result.diagnostics.items().empty());
}

TEST(EmnReader, RelationHeadingsGiveRelationsWithLabelsAsWritten) {
    ReadResult result = read_page(page_with(two_translations,
                                            "\nBroader Term(s)\n\n  \u2022 Liaison Officer\n"
                                            "\nNarrower Term(s)\n\n  \u2022 Airport Liaison Officer\n"
                                            "\nRelated Term(s)\n\n  \u2022 Frontex\n  \u2022 Return Liaison Officer\n"));
    const Concept& entry = result.term_base.concepts.at(0);
    ASSERT_EQ(entry.relations.size(), 4u);
    EXPECT_EQ(entry.relations[0], (Relation{RelationKind::broader, "Liaison Officer", ""}));
    EXPECT_EQ(entry.relations[1], (Relation{RelationKind::narrower, "Airport Liaison Officer", ""}));
    EXPECT_EQ(entry.relations[2], (Relation{RelationKind::related, "Frontex", ""}));
    EXPECT_EQ(entry.relations[3], (Relation{RelationKind::related, "Return Liaison Officer", ""}));
    EXPECT_TRUE(entry.notes.empty());
}

TEST(EmnReader, EmptyRelationHeadingGivesNothing) {
    ReadResult result = read_page(page_with(two_translations, "\nRelated Term(s)\n\n\nBroader Term(s)\n"));
    EXPECT_TRUE(result.term_base.concepts.at(0).relations.empty());
    EXPECT_TRUE(result.diagnostics.items().empty());
}

TEST(EmnReader, NumberedNotesBecomeNotesInOrderWithoutNumbers) {
    ReadResult result = read_page(page_with(two_translations,
                                            "\n1.\u202fThe first note.\n"
                                            "2. The second note.\n"
                                            "3.\u00a0The third note.\n"));
    EXPECT_EQ(result.term_base.concepts.at(0).notes,
              (std::vector<std::string>{"The first note.", "The second note.", "The third note."}));
}

TEST(EmnReader, ProseLosesSpacesBeforePunctuationAndFoldsWhiteSpace) {
    std::string page =
        "Test Term\n\n"
        "A person , posted abroad\u00a0 by\u202fthe service ; in order to act : see irregular migration .\n\n"
        "Art. 1(1) of  Regulation (EC) No\u00a0377/2004\n\n" +
        std::string(two_translations) +
        "\n1.\u202fImmigration liaison officers are to\u00a0 collect information , or\u00a0 both.\n";
    ReadResult result = read_page(page);
    const Concept& entry = result.term_base.concepts.at(0);
    const LanguageSection* english = section(entry, "en");
    EXPECT_EQ(english->definitions.at(0).text,
              "A person, posted abroad by the service; in order to act: see irregular migration.");
    EXPECT_EQ(english->definitions.at(0).source, "Art. 1(1) of Regulation (EC) No 377/2004");
    EXPECT_EQ(entry.notes, std::vector<std::string>{"Immigration liaison officers are to collect information, or both."});
}

TEST(EmnReader, LineThatNoRuleTakesIsAWarningWithPositionAndText) {
    ReadResult result = read_page(page_with("  \u2022 DE: Testbegriff\n  \u2022 ZZ: unbekannt\n"));
    ASSERT_EQ(result.diagnostics.items().size(), 1u);
    EXPECT_EQ(result.diagnostics.items()[0],
              (Diagnostic{Severity::warning, {"page.txt", 12, 3}, "emn.unplaced-line",
                          "cannot place this line (unknown language code ZZ): \"\u2022 ZZ: unbekannt\""}));
    EXPECT_EQ(result.roles[11].role, "unplaced");
    // The rest of the page is still read.
    EXPECT_EQ(languages(result.term_base.concepts.at(0)), (std::vector<std::string>{"en", "de"}));
}

TEST(EmnReader, StrictTurnsUnplacedLinesIntoErrors) {
    ReadOptions strict;
    strict.strict = true;
    ReadResult result = read_page(page_with("  \u2022 DE: Testbegriff\n  \u2022 ZZ: unbekannt\n"), strict);
    ASSERT_EQ(result.diagnostics.items().size(), 1u);
    EXPECT_EQ(result.diagnostics.items()[0].severity, Severity::error);
    EXPECT_EQ(result.diagnostics.items()[0].code, "emn.unplaced-line");
}

TEST(EmnReader, PageWithoutHeadTermIsAnError) {
    ReadResult result = read_page("\n  \u2022 DE: Begriff\n  \u2022 FR: terme\n");
    ASSERT_EQ(result.diagnostics.items().size(), 1u);
    EXPECT_EQ(result.diagnostics.items()[0],
              (Diagnostic{Severity::error, {"page.txt", 2, 3}, "emn.no-head-term",
                          "page has no head term: expected a title line or an 'EN: term' translation line"}));
    EXPECT_TRUE(result.term_base.concepts.empty());
}

TEST(EmnReader, PageWithoutTranslationIsAnError) {
    ReadResult result = read_page("Skip to main content\n\nTest Term\n\nA definition.\n\nA source\n");
    ASSERT_EQ(result.diagnostics.items().size(), 1u);
    EXPECT_EQ(result.diagnostics.items()[0],
              (Diagnostic{Severity::error, {"page.txt", 3, 1}, "emn.no-translation",
                          "page has no translation: expected lines such as '\u2022 FR: terme' after the definition"}));
    EXPECT_TRUE(result.term_base.concepts.empty());
}

TEST(EmnReader, EmptyPageIsAnErrorTwice) {
    ReadResult result = read_page("");
    ASSERT_EQ(result.diagnostics.items().size(), 2u);
    EXPECT_EQ(result.diagnostics.items()[0].code, "emn.no-head-term");
    EXPECT_EQ(result.diagnostics.items()[1].code, "emn.no-translation");
    EXPECT_EQ(result.diagnostics.items()[0].pos.line, 1u);
}

TEST(EmnReader, InvalidUtf8IsReplacedAndReported) {
    ReadResult result = read_page(page_with("  \u2022 DE: Test\xff" "begriff\n"));
    ASSERT_EQ(result.diagnostics.items().size(), 1u);
    EXPECT_EQ(result.diagnostics.items()[0],
              (Diagnostic{Severity::warning, {"page.txt", 11, 1}, "emn.invalid-text",
                          "line holds invalid UTF-8 or control characters; they were replaced by U+FFFD"}));
    EXPECT_EQ(term_texts(*section(result.term_base.concepts.at(0), "de")),
              std::vector<std::string>{"Test\uFFFDbegriff"});
}

TEST(EmnReader, PositionsPointAtTitleSectionsAndTerms) {
    ReadResult result = read_page(page_with("  \u2022 DE: Testbegriff / Probe\n"));
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_EQ(entry.pos.file, "page.txt");
    EXPECT_EQ(entry.pos.line, 5u);
    EXPECT_EQ(entry.pos.column, 1u);
    const LanguageSection* german = section(entry, "de");
    EXPECT_EQ(german->pos.line, 11u);
    EXPECT_EQ(german->pos.column, 3u);
    EXPECT_EQ(german->terms[1].pos.line, 11u);
    EXPECT_EQ(german->terms[1].pos.column, 23u);
    EXPECT_EQ(section(entry, "en")->terms[0].pos.line, 5u);
}

TEST(EmnReader, DefinitionsPointAtWhereTheirTextStarts) {
    ReadResult result = read_page(
        "Asylum seeker\n"
        "\n"
        "Definitions\n"
        "Global context: a person who seeks safety in a country other than his or her own.\n"
        "\n"
        "  In the EU context, a person who has made an application for protection.\n"
        "\n"
        "Sources\n"
        "Global context: UNHCR Master Glossary of Terms\n"
        "EU context: Art. 2(c) of Directive 2005/85/EC\n"
        "\n"
        "  \u2022 DE: Asylsuchender\n");
    EXPECT_TRUE(result.diagnostics.items().empty());
    const std::vector<Definition>& definitions = section(result.term_base.concepts.at(0), "en")->definitions;
    ASSERT_EQ(definitions.size(), 2u);
    // A "Global context:" field label is not part of the text: the position is that of the text after it.
    EXPECT_EQ(definitions[0].pos.file, "page.txt");
    EXPECT_EQ(definitions[0].pos.line, 4u);
    EXPECT_EQ(definitions[0].pos.column, 17u);
    EXPECT_EQ(definitions[1].pos.line, 6u);
    EXPECT_EQ(definitions[1].pos.column, 3u);
}

TEST(EmnReader, FewerSourcesThanDefinitionsIsSaidAtTheDefinitionLeftWithout) {
    ReadResult result = read_page(
        "Asylum seeker\n"
        "\n"
        "Definitions\n"
        "A person who seeks safety in a country other than his or her own.\n"
        "\n"
        "A person who has made an application for protection.\n"
        "\n"
        "Sources\n"
        "UNHCR Master Glossary of Terms\n"
        "\n"
        "  \u2022 DE: Asylsuchender\n");
    const std::vector<Definition>& definitions = section(result.term_base.concepts.at(0), "en")->definitions;
    ASSERT_EQ(definitions.size(), 2u);
    EXPECT_EQ(definitions[0].source, "UNHCR Master Glossary of Terms");
    EXPECT_EQ(definitions[1].source, "");
    ASSERT_EQ(result.diagnostics.items().size(), 1u);
    const Diagnostic& warning = result.diagnostics.items()[0];
    EXPECT_EQ(warning.severity, Severity::warning);
    EXPECT_EQ(warning.code, "emn.source-pairing");
    EXPECT_EQ(warning.pos.line, 6u);
    EXPECT_EQ(warning.pos.column, 1u);
    EXPECT_EQ(warning.message,
              "this definition gets no source: the page gives fewer sources than definitions and no source names this "
              "definition's context (2 definitions, 1 sources)");
}

TEST(EmnReader, MoreSourcesThanDefinitionsIsSaidAtTheDefinitionTakingTheRest) {
    ReadResult result = read_page(
        "Asylum seeker\n"
        "\n"
        "Definitions\n"
        "A person who seeks safety in a country other than his or her own.\n"
        "\n"
        "A person who has made an application for protection.\n"
        "\n"
        "Sources\n"
        "UNHCR Master Glossary of Terms\n"
        "\n"
        "Art. 2(c) of Directive 2005/85/EC\n"
        "\n"
        "IOM Glossary on Migration\n"
        "\n"
        "  \u2022 DE: Asylsuchender\n");
    const std::vector<Definition>& definitions = section(result.term_base.concepts.at(0), "en")->definitions;
    ASSERT_EQ(definitions.size(), 2u);
    EXPECT_EQ(definitions[1].source, "Art. 2(c) of Directive 2005/85/EC; IOM Glossary on Migration");
    ASSERT_EQ(result.diagnostics.items().size(), 1u);
    EXPECT_EQ(result.diagnostics.items()[0].code, "emn.source-pairing");
    EXPECT_EQ(result.diagnostics.items()[0].pos.line, 6u);
    EXPECT_EQ(result.diagnostics.items()[0].message,
              "the page gives more sources than definitions; the source \"IOM Glossary on Migration\" was attached to "
              "this definition (2 definitions, 3 sources)");
}

TEST(EmnReader, HeaderNamesTheGlossaryAndItsSource) {
    ReadResult result = read_page(page_with(two_translations));
    EXPECT_EQ(result.term_base.title, "EMN Asylum and Migration Glossary");
    EXPECT_EQ(result.term_base.source_language, "en");
    EXPECT_NE(result.term_base.source_description.find("European Migration Network (EMN)"), std::string::npos);
    EXPECT_NE(result.term_base.source_description.find("European Commission"), std::string::npos);
    EXPECT_NE(result.term_base.source_description.find("acknowledgement"), std::string::npos);
}

TEST(EmnSlug, LowerCasesAndTurnsRunsOfOtherCharactersIntoOneDash) {
    EXPECT_EQ(emn_slug("Immigration Liaison Officer (ILO)"), "immigration-liaison-officer-ilo");
    EXPECT_EQ(emn_slug("  Non-refoulement -- principle! "), "non-refoulement-principle");
    EXPECT_EQ(emn_concept_id("1951-geneva-convention"), "emn-1951-geneva-convention");
    EXPECT_EQ(emn_concept_id("asylum"), "asylum");
    EXPECT_EQ(emn_page_url("asylum"),
              "https://home-affairs.ec.europa.eu/networks/european-migration-network-emn/"
              "emn-asylum-and-migration-glossary/glossary/asylum_en");
}

// ---------------------------------------------------------------------------
// The seed: issue 2's "Expected result for the seed", field by field.

TEST(EmnReaderSeed, GivesTheExpectedIloEntry) {
    const std::string seed = read_text_file(std::string(ILO_SOURCE_DIR) + "/samples/ilo-page.txt");
    ASSERT_FALSE(seed.empty());
    ReadResult result = read_page(seed);
    EXPECT_TRUE(result.diagnostics.items().empty());
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    const Concept& entry = result.term_base.concepts[0];
    EXPECT_EQ(entry.id, "immigration-liaison-officer-ilo");
    EXPECT_EQ(entry.origin_url,
              "https://home-affairs.ec.europa.eu/networks/european-migration-network-emn/"
              "emn-asylum-and-migration-glossary/glossary/immigration-liaison-officer-ilo_en");

    std::vector<std::string> tags = languages(entry);
    EXPECT_EQ(tags.size(), 23u);
    EXPECT_EQ(std::set<std::string>(tags.begin(), tags.end()),
              (std::set<std::string>{"bg", "cs", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hu", "it",
                                     "lt", "lv", "mt", "nl", "no", "pl", "pt", "ro", "sk", "sl", "sv"}));

    const LanguageSection& english = *section(entry, "en");
    ASSERT_EQ(english.terms.size(), 4u);
    EXPECT_EQ(english.terms[0].text, "Immigration Liaison Officer");
    EXPECT_EQ(english.terms[0].term_type, "fullForm");
    EXPECT_EQ(english.terms[0].administrative_status, "preferredTerm-admn-sts");
    EXPECT_EQ(english.terms[1].text, "ILO");
    EXPECT_EQ(english.terms[1].term_type, "abbreviation");
    EXPECT_EQ(english.terms[1].administrative_status, "admittedTerm-admn-sts");
    EXPECT_EQ(english.terms[2].text, "national liaison officer");
    EXPECT_EQ(english.terms[2].administrative_status, "admittedTerm-admn-sts");
    EXPECT_EQ(english.terms[3].text, "state liaison officer");
    EXPECT_EQ(english.terms[3].administrative_status, "admittedTerm-admn-sts");

    EXPECT_EQ(term_texts(*section(entry, "ga")),
              (std::vector<std::string>{"Oifigeach Idirchaidrimh Inimirce", "ILO"}));
    EXPECT_EQ(term_texts(*section(entry, "mt")),
              (std::vector<std::string>{"Uffi\u010bjal tal-Kollegament Responsabbli g\u0127all\u2011Immigrazzjoni",
                                        "UKRI"}));
    EXPECT_EQ(term_texts(*section(entry, "nl")),
              (std::vector<std::string>{"immigratieverbindingsfunctionaris", "immigratieverbindingsambtenaar"}));
    EXPECT_EQ(term_texts(*section(entry, "ro")),
              (std::vector<std::string>{"ofi\u0163er de leg\u0103tur\u0103 pe probleme de imigra\u0163ie", "ILO"}));
    EXPECT_EQ(section(entry, "ro")->terms[1].term_type, "abbreviation");
    EXPECT_EQ(term_texts(*section(entry, "hu")),
              std::vector<std::string>{"bev\u00e1ndorl\u00e1si \u00f6sszek\u00f6t\u0151 tiszt(visel\u0151)"});
    for (const LanguageSection& language_section : entry.languages) {
        ASSERT_FALSE(language_section.terms.empty()) << language_section.language;
        EXPECT_EQ(language_section.terms[0].administrative_status, "preferredTerm-admn-sts")
            << language_section.language;
        for (std::size_t t = 1; t < language_section.terms.size(); ++t)
            EXPECT_EQ(language_section.terms[t].administrative_status, "admittedTerm-admn-sts")
                << language_section.language;
    }

    ASSERT_EQ(english.definitions.size(), 1u);
    const std::string& definition = english.definitions[0].text;
    EXPECT_EQ(definition.find(" ,"), std::string::npos);
    EXPECT_EQ(definition.find(" ."), std::string::npos);
    EXPECT_TRUE(definition.starts_with("A representative of one of the EU Member States, posted abroad"));
    EXPECT_TRUE(definition.ends_with("prevention and combating of irregular migration, the return of irregular "
                                     "migrants and the management of legal migration."));
    EXPECT_EQ(english.definitions[0].source,
              "Art. 1(1) of Council Regulation (EC) No 377/2004 (Immigration Liaison Officer Regulation)");

    ASSERT_EQ(entry.notes.size(), 3u);
    EXPECT_TRUE(entry.notes[0].starts_with("Immigration liaison officers are to collect information"));
    EXPECT_TRUE(entry.notes[1].starts_with("The immigration liaison officers could be posted to the national"));
    EXPECT_EQ(entry.notes[2],
              "An amendment to Regulation (EC) 377/2004 modifying its Articles 3, 4 and 6 was adopted as Regulation "
              "(EU) No 493/2011 (Immigration Liaison Officer Regulation) on 5 April 2011.");
    for (const std::string& note : entry.notes) {
        EXPECT_EQ(note.find("\u00a0"), std::string::npos);
        EXPECT_EQ(note.find("  "), std::string::npos);
    }
    EXPECT_TRUE(entry.relations.empty());
}

TEST(EmnReaderSeed, SharedSeedAndBuiltInSampleAreTheSamePage) {
    const std::string shared = read_text_file(std::string(ILO_SHARED_DIR) + "/seeds/000_43751b83e7babf5f.txt");
    const std::string sample = read_text_file(std::string(ILO_SOURCE_DIR) + "/samples/ilo-page.txt");
    ASSERT_FALSE(shared.empty());
    EXPECT_EQ(shared, sample);
}

}  // namespace
}  // namespace ilo
