// Tests for issue 3 §2 and §4: each page layout (tests/emn/*.txt and small inline pages) gives the expected model.
#include <gtest/gtest.h>

#include <filesystem>

#include "emn_test_support.hpp"
#include "text/unicode_text.hpp"

namespace ilo {
namespace {

using namespace emn_test;

ReadResult read_layout(const std::string& name) {
    std::string text = read_text_file(std::string(ILO_SOURCE_DIR) + "/tests/emn/" + name);
    EXPECT_FALSE(text.empty()) << name;
    return read_page(text);
}

Term term(std::string text, std::string status = "admittedTerm-admn-sts", std::string type = "") {
    Term result;
    result.text = std::move(text);
    result.administrative_status = std::move(status);
    result.term_type = std::move(type);
    return result;
}

Term preferred(std::string text, std::string type = "") {
    return term(std::move(text), "preferredTerm-admn-sts", std::move(type));
}

LanguageSection language(std::string tag, std::vector<Term> terms) {
    LanguageSection section;
    section.language = std::move(tag);
    section.terms = std::move(terms);
    return section;
}

std::string url(std::string_view slug) { return emn_page_url(slug); }

TEST(EmnLayout, AllEnglishHeadingsDashBulletsLowerCaseTitleAndTwoDefinitionsWithContexts) {
    ReadResult result = read_layout("headings-present.txt");
    EXPECT_TRUE(result.diagnostics.items().empty());
    ASSERT_EQ(result.term_base.concepts.size(), 1u);

    Concept expected;
    expected.id = "asylum-seeker";
    expected.origin_url = url("asylum-seeker");
    // The lower-case title and the EN line are one term; the capitalised spelling wins.
    LanguageSection english = language("en", {preferred("Asylum seeker"), term("asylum applicant")});
    english.definitions = {
        {"In the global context, a person who seeks safety from persecution or serious harm in a country other than "
         "his or her own and awaits a decision on the application for refugee status.",
         "derived by EMN from UNHCR Master Glossary of Terms, 2006", "global context"},
        {"In the EU context, a person who has made an application for protection under the Geneva Refugee Convention "
         "in respect of which a final decision has not yet been taken.",
         "derived by EMN from Art. 2(c) of Directive 2005/85/EC (Asylum Procedures Directive)", "EU context"},
    };
    expected.languages = {
        english,
        language("bg", {preferred("\u043b\u0438\u0446\u0435, \u0442\u044a\u0440\u0441\u0435\u0449\u043e "
                                  "\u0443\u0431\u0435\u0436\u0438\u0449\u0435")}),
        language("de", {preferred("Asylsuchender"), term("Asylbewerber")}),
        language("fr", {preferred("demandeur d\u2019asile")}),
        language("ka", {preferred("\u10d7\u10d0\u10d5\u10e8\u10d4\u10e1\u10d0\u10e4\u10e0\u10d8\u10e1 "
                                  "\u10db\u10d0\u10eb\u10d8\u10d4\u10d1\u10d4\u10da\u10d8")}),
        language("uk", {preferred("\u0448\u0443\u043a\u0430\u0447 \u043f\u0440\u0438\u0442\u0443\u043b\u043a\u0443")}),
        language("hy", {preferred("\u0561\u057a\u0561\u057d\u057f\u0561\u0576 \u0570\u0561\u0575\u0581\u0578\u0572")}),
    };
    expected.notes = {"There is no universally agreed definition.",
                      "Not every asylum seeker will ultimately be recognised as a refugee."};
    expected.relations = {
        {RelationKind::broader, "applicant for international protection", ""},
        {RelationKind::narrower, "unaccompanied minor asylum seeker", ""},
        {RelationKind::related, "refugee", ""},
        {RelationKind::related, "Dublin procedure", ""},
    };
    EXPECT_EQ(result.term_base.concepts[0], expected);
}

// The same entry under Italian, Dutch and German UI headings and chrome.
Concept expected_return(std::vector<LanguageSection> others, std::vector<Term> english_terms = {preferred("Return")}) {
    Concept expected;
    expected.id = "return";
    expected.origin_url = url("return");
    LanguageSection english = language("en", std::move(english_terms));
    english.definitions = {{"The movement of a person going from a host country back to a country of origin.",
                            "Derived by EMN from IOM Glossary on Migration, 2nd ed., 2011", ""}};
    expected.languages = {english};
    for (LanguageSection& other : others) expected.languages.push_back(std::move(other));
    expected.notes = {"Return may be voluntary or forced."};
    expected.relations = {{RelationKind::related, "forced return", ""}};
    return expected;
}

TEST(EmnLayout, ItalianHeadingsAndChrome) {
    ReadResult result = read_layout("localised-italian.txt");
    EXPECT_TRUE(result.diagnostics.items().empty());
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    EXPECT_EQ(result.term_base.concepts[0],
              expected_return({language("de", {preferred("R\u00fcckkehr")}),
                               language("it", {preferred("rimpatrio"), term("ritorno")})}));
}

TEST(EmnLayout, DutchHeadingsWithoutBlankLinesAndIndentedNote) {
    ReadResult result = read_layout("localised-dutch.txt");
    EXPECT_TRUE(result.diagnostics.items().empty());
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    EXPECT_EQ(result.term_base.concepts[0],
              expected_return({language("nl", {preferred("terugkeer")}), language("pl", {preferred("powr\u00f3t")})}));
}

TEST(EmnLayout, GermanHeadingsWithLostDefinitionHeading) {
    ReadResult result = read_layout("localised-german.txt");
    EXPECT_TRUE(result.diagnostics.items().empty());
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    EXPECT_EQ(result.term_base.concepts[0],
              expected_return({language("de", {preferred("R\u00fcckkehr")}), language("es", {preferred("retorno")})},
                              {preferred("Return"), term("return migration")}));
}

TEST(EmnLayout, NoTitleNoBulletsUnnumberedNotes) {
    ReadResult result = read_layout("no-title-no-bullets.txt");
    EXPECT_TRUE(result.diagnostics.items().empty());
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    Concept expected;
    expected.id = "refugee";
    expected.origin_url = url("refugee");
    LanguageSection english =
        language("en", {preferred("refugee"), term("recognised refugee"), term("Convention refugee")});
    english.definitions = {{"A person who, owing to a well-founded fear of persecution, is outside the country of "
                            "nationality and is unable or unwilling to avail themselves of the protection of that "
                            "country.",
                            "Art. 1A of the 1951 Geneva Convention", ""}};
    expected.languages = {english,
                          language("bg", {preferred("\u0431\u0435\u0436\u0430\u043d\u0435\u0446")}),
                          language("cs", {preferred("uprchl\u00edk")}),
                          language("fi", {preferred("pakolainen")}),
                          language("no", {preferred("flyktning")})};
    expected.notes = {"The term is used in its legal sense only.", "It is distinct from economic migrant."};
    EXPECT_EQ(result.term_base.concepts[0], expected);
    EXPECT_EQ(result.term_base.concepts[0].pos.line, 5u);  // the entry starts at its definition
}

TEST(EmnLayout, OlderEditionLetterBarInlineFieldsCountryAndJointCodes) {
    ReadResult result = read_layout("older-edition.txt");
    EXPECT_TRUE(result.diagnostics.items().empty());
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    Concept expected;
    expected.id = "readmission-agreement";
    expected.origin_url = url("readmission-agreement");
    Term uk_term = term("returns agreement");
    uk_term.geographical_usage = "UK";  // UK on a page of country-style codes is the United Kingdom's English
    LanguageSection english = language(
        "en", {preferred("Readmission agreement"), uk_term, term("readmission treaty"), term("return agreement")});
    english.definitions = {{"Agreement between the EU and a third country setting out procedures for the return of "
                            "persons.",
                            "EMN", ""}};
    auto with_countries = [](LanguageSection section, std::string countries) {
        section.terms[0].geographical_usage = std::move(countries);
        return section;
    };
    expected.languages = {
        english,
        language("cs", {preferred("readmisn\u00ed dohoda")}),
        language("et", {preferred("tagasiv\u00f5tuleping")}),
        language("el", {preferred("\u03c3\u03c5\u03bc\u03c6\u03c9\u03bd\u03af\u03b1 "
                                  "\u03b5\u03c0\u03b1\u03bd\u03b5\u03b9\u03c3\u03b4\u03bf\u03c7\u03ae\u03c2")}),
        language("sv", {preferred("\u00e5tertagandeavtal")}),
        language("sl", {preferred("sporazum o ponovnem sprejemu")}),
        language("da", {preferred("tilbagetagelsesaftale")}),
        language("ga", {preferred("comhaont\u00fa athligin")}),
        [] {
            LanguageSection german = language(
                "de", {preferred("R\u00fcck\u00fcbernahmeabkommen"), term("R\u00fccknahmeabkommen")});
            german.terms[0].geographical_usage = "AT, DE, LU";
            german.terms[1].geographical_usage = "AT";
            return german;
        }(),
        with_countries(language("fr", {preferred("accord de r\u00e9admission")}), "FR, BE, LU"),
        with_countries(language("nl", {preferred("overnameovereenkomst")}), "NL, BE"),
    };
    expected.relations = {{RelationKind::broader, "international agreement", ""},
                          {RelationKind::related, "return", ""},
                          {RelationKind::related, "readmission", ""}};
    EXPECT_EQ(result.term_base.concepts[0], expected);
    EXPECT_EQ(result.roles[0].role, "chrome");  // the A-to-Z letter bar
}

TEST(EmnLayout, SeveralEntriesStubPipeCellsAndGluedCodes) {
    ReadResult result = read_layout("several-entries.txt");
    EXPECT_TRUE(result.diagnostics.items().empty());
    ASSERT_EQ(result.term_base.concepts.size(), 3u);
    const std::vector<Concept>& concepts = result.term_base.concepts;
    EXPECT_EQ(concepts[0].id, "asylum");
    EXPECT_EQ(languages(concepts[0]), (std::vector<std::string>{"en", "de", "fr"}));
    EXPECT_EQ(concepts[0].languages[0].definitions.at(0).source,
              "Derived by EMN from the UNHCR Master Glossary of Terms");

    Concept stub;
    stub.id = "asylum-seeker";
    stub.origin_url = url("asylum-seeker");
    stub.languages = {language("en", {preferred("Asylum seeker")})};
    stub.relations = {{RelationKind::related, "applicant for international protection", ""}};
    EXPECT_EQ(concepts[1], stub);

    const Concept& third = concepts[2];
    EXPECT_EQ(third.id, "return");
    EXPECT_EQ(third.pos.line, 14u);
    EXPECT_EQ(languages(third), (std::vector<std::string>{"en", "bg", "cs", "de", "fr", "el"}));
    EXPECT_EQ(term_texts(*section(third, "bg")),
              (std::vector<std::string>{"\u0432\u0440\u044a\u0449\u0430\u043d\u0435",
                                        "\u0440\u0435\u0430\u0434\u043c\u0438\u0441\u0438\u044f"}));
    EXPECT_EQ(term_texts(*section(third, "el")),
              std::vector<std::string>{"\u03b5\u03c0\u03b9\u03c3\u03c4\u03c1\u03bf\u03c6\u03ae"});
    EXPECT_EQ(section(third, "fr")->terms[0].pos.line, 20u);
    EXPECT_EQ(section(third, "fr")->terms[0].pos.column, 49u);
    EXPECT_EQ(result.roles[19].role, "translation (bg); translation (cs); translation (de); translation (fr)");
}

// ---------------------------------------------------------------------------
// Small inline pages for the remaining shapes of definitions, sources and notes.

TEST(EmnLayout, DefinitionWithIntroAndBulletedSubClausesIsOneDefinition) {
    ReadResult result = read_page(
        "Family member\n\n"
        "Any of the following persons:\n"
        "  \u2022 (a) the spouse;\n"
        "  \u2022 (b) the minor children.\n\n"
        "Art. 2(g) of Regulation (EU) No 604/2013\n\n" +
        std::string(two_translations));
    const LanguageSection& english = *section(result.term_base.concepts.at(0), "en");
    ASSERT_EQ(english.definitions.size(), 1u);
    EXPECT_EQ(english.definitions[0].text, "Any of the following persons: (a) the spouse; (b) the minor children.");
    EXPECT_EQ(english.definitions[0].source, "Art. 2(g) of Regulation (EU) No 604/2013");
    EXPECT_TRUE(result.diagnostics.items().empty());
}

TEST(EmnLayout, SourceGivenAsANumberedList) {
    ReadResult result = read_page(
        "Test Term\n\nA definition of the test term.\n\n"
        "1. Art. 2 of Directive 2011/95/EU\n"
        "2. UNHCR Master Glossary of Terms\n\n" +
        std::string(two_translations) + "\n1.\u202fA real note.\n");
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_EQ(section(entry, "en")->definitions.at(0).source,
              "Art. 2 of Directive 2011/95/EU; UNHCR Master Glossary of Terms");
    EXPECT_EQ(entry.notes, std::vector<std::string>{"A real note."});
}

TEST(EmnLayout, EmptySourceUnderItsHeading) {
    ReadResult result = read_page("Test Term\n\nDefinition(s)\n\nA definition.\n\nSource(s)\n\n\nTranslations\n\n" +
                                  std::string(two_translations));
    const LanguageSection& english = *section(result.term_base.concepts.at(0), "en");
    ASSERT_EQ(english.definitions.size(), 1u);
    EXPECT_EQ(english.definitions[0].text, "A definition.");
    EXPECT_EQ(english.definitions[0].source, "");
    EXPECT_TRUE(result.diagnostics.items().empty());
}

TEST(EmnLayout, DefinitionAbsentAltogether) {
    ReadResult result = read_page("Skip to main content\n\nTest Term\n\n" + std::string(two_translations) +
                                  "\n  \u2022 trial term\n");
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_TRUE(section(entry, "en")->definitions.empty());
    EXPECT_EQ(term_texts(*section(entry, "en")), (std::vector<std::string>{"Test Term", "trial term"}));
    EXPECT_TRUE(result.diagnostics.items().empty());
}

TEST(EmnLayout, NoteNumberingVariants) {
    ReadResult result = read_page(page_with(two_translations,
                                            "\n1. Spaced.\n"
                                            "2.\u202fNarrow no-break space.\n"
                                            "3.Glued.\n"
                                            "4. 4.Doubled.\n"
                                            "    5. Indented.\n"));
    EXPECT_EQ(result.term_base.concepts.at(0).notes,
              (std::vector<std::string>{"Spaced.", "Narrow no-break space.", "Glued.", "Doubled.", "Indented."}));
}

TEST(EmnLayout, UnnumberedNoteWrappedOverTwoLinesIsOneNote) {
    ReadResult result = read_page(page_with(two_translations,
                                            "\nNote(s)\n\nThis note is wrapped\nover two lines.\n\nA second note.\n"));
    EXPECT_EQ(result.term_base.concepts.at(0).notes,
              (std::vector<std::string>{"This note is wrapped over two lines.", "A second note."}));
}

TEST(EmnLayout, ContextLabelOnItsOwnLineLabelsTheNextParagraph) {
    ReadResult result = read_page(
        "Test Term\n\nDefinition(s)\n\nIn a global context:\nA person abroad.\n\nIn an EU context:\nA person in the "
        "EU.\n\nSource(s)\n\nEU context: Art. 2 of Directive 2011/95/EU\nGlobal context: UNHCR\n\n" +
        std::string(two_translations));
    const LanguageSection& english = *section(result.term_base.concepts.at(0), "en");
    ASSERT_EQ(english.definitions.size(), 2u);
    EXPECT_EQ(english.definitions[0], (Definition{"A person abroad.", "UNHCR", "global context"}));
    EXPECT_EQ(english.definitions[1], (Definition{"A person in the EU.", "Art. 2 of Directive 2011/95/EU", "EU context"}));
}

TEST(EmnLayout, TwoDefinitionsThenTwoSourcesWithHeadingsLost) {
    ReadResult result = read_page(
        "Test Term\n\n"
        "In the global context, a person abroad.\n\n"
        "In the EU context, a person in the EU.\n\n"
        "Global context: UNHCR Master Glossary\n\n"
        "EU context: Art. 2 of Directive 2011/95/EU\n\n" +
        std::string(two_translations));
    const LanguageSection& english = *section(result.term_base.concepts.at(0), "en");
    ASSERT_EQ(english.definitions.size(), 2u);
    EXPECT_EQ(english.definitions[0].source, "UNHCR Master Glossary");
    EXPECT_EQ(english.definitions[0].context, "global context");
    EXPECT_EQ(english.definitions[1].source, "Art. 2 of Directive 2011/95/EU");
    EXPECT_EQ(english.definitions[1].context, "EU context");
}

TEST(EmnLayout, SecondDefinitionParagraphBeforeItsSourceStaysInTheDefinition) {
    ReadResult result = read_page(
        "Test Term\n\nA person who does something.\n\nThis includes persons who do it twice.\n\n"
        "Art. 3 of Directive 2008/115/EC\n\n" +
        std::string(two_translations));
    const LanguageSection& english = *section(result.term_base.concepts.at(0), "en");
    ASSERT_EQ(english.definitions.size(), 1u);
    EXPECT_EQ(english.definitions[0].text, "A person who does something. This includes persons who do it twice.");
    EXPECT_EQ(english.definitions[0].source, "Art. 3 of Directive 2008/115/EC");
}

TEST(EmnLayout, SiteFooterAfterTheNotesIsChromeOrReported) {
    ReadResult result = read_page(page_with(two_translations,
                                            "\n1. The only note.\n\nShare this page\n\nSome Footer Link\n"));
    EXPECT_EQ(result.term_base.concepts.at(0).notes, std::vector<std::string>{"The only note."});
    EXPECT_EQ(result.roles[15].role, "chrome");
    ASSERT_EQ(result.diagnostics.items().size(), 1u);
    EXPECT_EQ(result.diagnostics.items()[0],
              (Diagnostic{Severity::warning, {"page.txt", 18, 1}, "emn.unplaced-line",
                          "cannot place this line (a short line after the notes): \"Some Footer Link\""}));
}

TEST(EmnLayout, UnknownUiLanguageChromeBesideTheLogoLineWithNoTitle) {
    ReadResult result = read_page(
        "Przejd\u017a do tre\u015bci g\u0142\u00f3wnej\nLogo Komisji Europejskiej\nMigracja i sprawy "
        "wewn\u0119trzne\n\nA definition of the test term.\n\nA source\n\n  \u2022 EN: Test Term\n" +
        std::string(two_translations));
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    const Concept& entry = result.term_base.concepts[0];
    EXPECT_EQ(entry.id, "test-term");
    EXPECT_EQ(section(entry, "en")->definitions.at(0).text, "A definition of the test term.");
    EXPECT_EQ(result.roles[0].role, "chrome (next to chrome)");
    EXPECT_EQ(result.roles[2].role, "chrome (next to chrome)");
    EXPECT_TRUE(result.diagnostics.items().empty());
}

TEST(EmnLayout, UnknownUiLanguageChromeBeforeATitleThatRepeatsTheEnLine) {
    ReadResult result = read_page(
        "Przejd\u017a do tre\u015bci g\u0142\u00f3wnej\n\nMigracja i sprawy wewn\u0119trzne\n\ntest term\n\n"
        "A definition of the test term.\n\n  \u2022 EN: Test Term\n" +
        std::string(two_translations));
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    EXPECT_EQ(term_texts(*section(result.term_base.concepts[0], "en")), std::vector<std::string>{"Test Term"});
    EXPECT_EQ(result.roles[0].role, "chrome (before the title)");
    EXPECT_EQ(result.roles[2].role, "chrome (before the title)");
    EXPECT_EQ(result.roles[4].role, "title");
}

TEST(EmnLayout, NoteThatStartsWithACountryCodeIsANote) {
    ReadResult result = read_page(page_with(two_translations,
                                            "\n1. A first note.\nDE: In Germany the term covers persons who "
                                            "entered irregularly and were later tolerated by the authorities.\n"));
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_EQ(term_texts(*section(entry, "de")), std::vector<std::string>{"Testbegriff"});
    ASSERT_EQ(entry.notes.size(), 2u);
    EXPECT_TRUE(entry.notes[1].starts_with("DE: In Germany"));
}

// Every line of every test page gets a role, and a line no rule places is reported.
TEST(EmnLayout, NoLineOfAnyTestPageIsLeftWithoutARole) {
    std::vector<std::string> pages{std::string(ILO_SOURCE_DIR) + "/samples/ilo-page.txt"};
    for (const auto& file : std::filesystem::directory_iterator(std::string(ILO_SOURCE_DIR) + "/tests/emn"))
        if (file.path().extension() == ".txt") pages.push_back(file.path().string());
    for (const std::string& path : pages) {
        std::string text = read_text_file(path);
        ReadResult result = read_page(text);
        LineIndex index(text);
        for (const EmnLineRole& role : result.roles) {
            if (text::trim(index.line_text(role.line)).empty()) continue;
            EXPECT_FALSE(role.role.empty()) << path << ":" << role.line;
            if (role.role == "unplaced") {
                EXPECT_TRUE(std::any_of(result.diagnostics.items().begin(), result.diagnostics.items().end(),
                                        [&](const Diagnostic& d) { return d.pos.line == role.line; }))
                    << path << ":" << role.line;
            }
        }
    }
}

// Found by the fuzz target: a source with no definition used to reach an empty vector's back().
TEST(EmnLayout, SourceWithoutDefinitionIsKeptAsANote) {
    ReadResult result = read_page("Asylum seeker\n\nPlease see entry for applicant for international protection.\n\n"
                                  "Art. 2(i) of Directive 2011/95/EU\n");
    ASSERT_EQ(result.term_base.concepts.size(), 1u);
    const Concept& entry = result.term_base.concepts[0];
    EXPECT_TRUE(section(entry, "en")->definitions.empty());
    EXPECT_EQ(entry.notes, std::vector<std::string>{"Source: Art. 2(i) of Directive 2011/95/EU"});
    EXPECT_EQ(entry.relations.size(), 1u);
}

TEST(EmnLayout, LetterBarWrittenWithoutSpacesIsChrome) {
    ReadResult result = read_page("ABCDEFGHIJKLMNOPQRSTUVWXYZ\n\n" + page_with(two_translations));
    EXPECT_EQ(result.roles[0].role, "chrome");
    EXPECT_EQ(result.term_base.concepts.at(0).id, "test-term");
}

TEST(EmnLayout, InlineSourceAmongTheNotesBelongsToTheNote) {
    ReadResult result = read_page(page_with(two_translations, "\nNote: The term is rarely used.\nSource: UNHCR\n"));
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_EQ(entry.notes, (std::vector<std::string>{"The term is rarely used.", "Source: UNHCR"}));
    EXPECT_EQ(section(entry, "en")->definitions.at(0).source, "Source of the definition");
}

TEST(EmnLayout, DefinitionsAlternatingWithTheirSourcesWithHeadingsLost) {
    ReadResult result = read_page(
        "Test Term\n\n"
        "In the global context, a person abroad.\n\nUNHCR Master Glossary of Terms, 2006\n\n"
        "In the EU context, a person in the EU.\n\nArt. 2 of Directive 2011/95/EU\n\n" +
        std::string(two_translations));
    const LanguageSection& english = *section(result.term_base.concepts.at(0), "en");
    ASSERT_EQ(english.definitions.size(), 2u);
    EXPECT_EQ(english.definitions[0],
              (Definition{"In the global context, a person abroad.", "UNHCR Master Glossary of Terms, 2006",
                          "global context"}));
    EXPECT_EQ(english.definitions[1],
              (Definition{"In the EU context, a person in the EU.", "Art. 2 of Directive 2011/95/EU", "EU context"}));
}

TEST(EmnLayout, SourceOverTwoLinesStaysOneSourceListWithHeadingsLost) {
    ReadResult result = read_page("Test Term\n\nA person who does something.\n\nArt. 3 of Directive 2008/115/EC\n"
                                  "Migration Policy Institute, 2010\n\n" +
                                  std::string(two_translations));
    const LanguageSection& english = *section(result.term_base.concepts.at(0), "en");
    ASSERT_EQ(english.definitions.size(), 1u);
    EXPECT_EQ(english.definitions[0].source, "Art. 3 of Directive 2008/115/EC; Migration Policy Institute, 2010");
}

TEST(EmnLayout, AnyLanguageCodeMayBeMissingAndNewOnesAreRead) {
    ReadResult result = read_page(page_with("  \u2022 KA: \u10d3\u10d0\u10d1\u10e0\u10e3\u10dc\u10d4\u10d1\u10d0\n"
                                            "  \u2022 HR: povratak\n  \u2022 DA: tilbagevenden\n"));
    EXPECT_EQ(languages(result.term_base.concepts.at(0)), (std::vector<std::string>{"en", "ka", "hr", "da"}));
}

// A translation table copied from a browser: a header row, then one row per language with the
// code and the terms in two cells, separated by a tab or by '|'.
TEST(EmnLayout, TranslationTableRowsWithTabsOrBarsAreTranslations) {
    ReadResult result = read_page(page_with(
        "Language\tTerm\n"
        "DE\tTestbegriff / Probebegriff\n"
        "| FR | terme d'essai |\n"
        "| SV | testterm |\n"));
    EXPECT_TRUE(result.diagnostics.items().empty());
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_EQ(languages(entry), (std::vector<std::string>{"en", "de", "fr", "sv"}));
    EXPECT_EQ(term_texts(*section(entry, "de")), (std::vector<std::string>{"Testbegriff", "Probebegriff"}));
    EXPECT_EQ(term_texts(*section(entry, "fr")), std::vector<std::string>{"terme d'essai"});
    EXPECT_EQ(result.roles.at(10).role, "heading: translations");
    EXPECT_EQ(result.roles.at(11).role, "translation (de)");
    // A two-cell row whose first cell is no language code is not a translation.
    ReadResult unknown = read_page(page_with(std::string(two_translations) + "XX\tsomething\n"));
    EXPECT_EQ(unknown.term_base.concepts.at(0).languages.size(), 3u);
}

// A heading in a UI language the reader does not know ("(s)" endings, as the site writes every heading)
// is reported, and so is every line under it, instead of its text becoming a synonym or its items terms.
TEST(EmnLayout, UnknownLocalisedHeadingIsReportedWithTheLinesUnderIt) {
    ReadResult result = read_page(page_with(std::string(two_translations),
                                            "\n"
                                            "Termo(s) relacionado(s)\n"
                                            "\n"
                                            "  \u2022 forced return\n"
                                            "\n"
                                            "Note(s)\n"
                                            "\n"
                                            "Return may be voluntary or forced.\n"));
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_EQ(term_texts(*section(entry, "en")), std::vector<std::string>{"Test Term"});
    EXPECT_TRUE(entry.relations.empty());
    EXPECT_EQ(entry.notes, std::vector<std::string>{"Return may be voluntary or forced."});
    const std::vector<Diagnostic>& items = result.diagnostics.items();
    ASSERT_EQ(items.size(), 2u);
    EXPECT_EQ(items[0].code, "emn.unknown-heading");
    EXPECT_EQ(items[0].pos.line, 14u);
    EXPECT_EQ(items[0].pos.column, 1u);
    EXPECT_EQ(items[0].message,
              "a heading the reader does not know: \"Termo(s) relacionado(s)\"; the lines under it, up to the next "
              "known heading or translation, are reported, not placed");
    EXPECT_EQ(items[1].code, "emn.unplaced-line");
    EXPECT_EQ(items[1].pos.line, 16u);
    EXPECT_EQ(items[1].pos.column, 3u);
    EXPECT_EQ(items[1].message,
              "cannot place this line (under a heading the reader does not know): \"\u2022 forced return\"");
}

// Windows line ends, no-break spaces after bullets and codes, a narrow no-break space after a
// note number and a tab at the end of a term: read as if they were plain spaces and line ends.
TEST(EmnLayout, WindowsLineEndsAndNoBreakSpacesReadLikePlainText) {
    ReadResult result = read_page(
        "Return\r\n\r\nThe movement of a person going back to a country of origin.\u00a0\r\n\r\n"
        "Derived by EMN from Art.\u00a03 of Directive 2008/115/EC\r\n\r\n"
        "\u2022\u00a0DE:\u00a0R\u00fcckkehr\t\r\n\u2022\u00a0FR:\u00a0retour\r\n\r\nNote(s)\r\n\r\n"
        "1.\u202fReturn may be voluntary or forced.\r\n");
    EXPECT_TRUE(result.diagnostics.items().empty());
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_EQ(term_texts(*section(entry, "de")), std::vector<std::string>{"R\u00fcckkehr"});
    const Definition& definition = section(entry, "en")->definitions.at(0);
    EXPECT_EQ(definition.text, "The movement of a person going back to a country of origin.");
    EXPECT_EQ(definition.source, "Derived by EMN from Art. 3 of Directive 2008/115/EC");
    EXPECT_EQ(definition.pos.line, 3u);
    EXPECT_EQ(entry.notes, std::vector<std::string>{"Return may be voluntary or forced."});
    EXPECT_EQ(section(entry, "fr")->pos.line, 8u);
}

// The EN line says the title is a full form with an abbreviation: the title's term takes the type.
TEST(EmnLayout, LowerCaseTitleTakesTheTermTypeOfTheEnglishLine) {
    ReadResult result = read_page(
        "unaccompanied minor\n\nA minor who arrives unaccompanied.\n\n"
        "  \u2022 EN: unaccompanied minor (UAM)\n  \u2022 FR: mineur non accompagn\u00e9\n");
    const LanguageSection& english = *section(result.term_base.concepts.at(0), "en");
    ASSERT_EQ(term_texts(english), (std::vector<std::string>{"unaccompanied minor", "UAM"}));
    EXPECT_EQ(english.terms[0].term_type, "fullForm");
    EXPECT_EQ(english.terms[1].term_type, "abbreviation");
}

}  // namespace
}  // namespace ilo
