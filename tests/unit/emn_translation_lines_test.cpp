// Tests for issue 3 §3: how one translation line becomes terms, each rule on a small hand-written page.
#include <gtest/gtest.h>

#include "emn_test_support.hpp"

namespace ilo {
namespace {

using namespace emn_test;

// Reads a page whose translations are `lines` and returns its concept.
Concept concept_of(std::string_view lines) {
    ReadResult result = read_page(page_with(lines));
    EXPECT_TRUE(result.diagnostics.items().empty());
    EXPECT_EQ(result.term_base.concepts.size(), 1u);
    return result.term_base.concepts.empty() ? Concept{} : result.term_base.concepts[0];
}

TEST(EmnTranslationLine, SlashesAndSemicolonsSeparateWholeTerms) {
    Concept entry = concept_of(
        "  \u2022 SV: utvisning / avvisning\n"
        "  \u2022 DA: udsendelse/tilbagesendelse\n"
        "  \u2022 ES: retorno; regreso\n"
        "  \u2022 FR: d\u00e9cision de retour / d\u00e9cision d\u2019\u00e9loignement\n");
    EXPECT_EQ(term_texts(*section(entry, "sv")), (std::vector<std::string>{"utvisning", "avvisning"}));
    EXPECT_EQ(term_texts(*section(entry, "da")), (std::vector<std::string>{"udsendelse", "tilbagesendelse"}));
    EXPECT_EQ(term_texts(*section(entry, "es")), (std::vector<std::string>{"retorno", "regreso"}));
    EXPECT_EQ(term_texts(*section(entry, "fr")),
              (std::vector<std::string>{"d\u00e9cision de retour", "d\u00e9cision d\u2019\u00e9loignement"}));
    EXPECT_EQ(section(entry, "es")->terms[1].administrative_status, "admittedTerm-admn-sts");
}

TEST(EmnTranslationLine, SlashBetweenAlternativeWordsKeepsOneTermAsWritten) {
    Concept entry = concept_of(
        "  \u2022 MT: Persuna barranija / g\u0127ariba\n"
        "  \u2022 FI: s\u00e4\u00e4nn\u00f6sten vastainen / laiton maahanmuutto\n"
        "  \u2022 DE: irregul\u00e4re / illegale Migration\n"
        "  \u2022 NL: terugkeerder/ster\n"
        "  \u2022 LV: Regula (ES) Nr. 604/2013\n");
    EXPECT_EQ(term_texts(*section(entry, "mt")), std::vector<std::string>{"Persuna barranija / g\u0127ariba"});
    EXPECT_EQ(term_texts(*section(entry, "fi")),
              std::vector<std::string>{"s\u00e4\u00e4nn\u00f6sten vastainen / laiton maahanmuutto"});
    EXPECT_EQ(term_texts(*section(entry, "de")), std::vector<std::string>{"irregul\u00e4re / illegale Migration"});
    EXPECT_EQ(term_texts(*section(entry, "nl")), std::vector<std::string>{"terugkeerder/ster"});
    EXPECT_EQ(term_texts(*section(entry, "lv")), std::vector<std::string>{"Regula (ES) Nr. 604/2013"});
}

TEST(EmnTranslationLine, AllCapsAbbreviationsAreSplitOffAndLoneOnesTyped) {
    Concept entry = concept_of(
        "  \u2022 DE: Verbindungsbeamter f\u00fcr R\u00fcckkehr (EUR-LO)\n"
        "  \u2022 FR: Moyen-Orient et Afrique du Nord (MENA)\n"
        "  \u2022 RO: ofi\u0163er de leg\u0103tur\u0103 / ILO\n"
        "  \u2022 SK: \u0161t\u00e1tny pr\u00edslu\u0161n\u00edk tretej krajiny / \u0160PTK\n");
    const LanguageSection& german = *section(entry, "de");
    ASSERT_EQ(term_texts(german), (std::vector<std::string>{"Verbindungsbeamter f\u00fcr R\u00fcckkehr", "EUR-LO"}));
    EXPECT_EQ(german.terms[0].term_type, "fullForm");
    EXPECT_EQ(german.terms[1].term_type, "abbreviation");
    EXPECT_EQ(term_texts(*section(entry, "fr")), (std::vector<std::string>{"Moyen-Orient et Afrique du Nord", "MENA"}));
    const LanguageSection& romanian = *section(entry, "ro");
    ASSERT_EQ(term_texts(romanian), (std::vector<std::string>{"ofi\u0163er de leg\u0103tur\u0103", "ILO"}));
    EXPECT_EQ(romanian.terms[0].term_type, "");
    EXPECT_EQ(romanian.terms[1].term_type, "abbreviation");
    const LanguageSection& slovak = *section(entry, "sk");
    ASSERT_EQ(slovak.terms.size(), 2u);
    EXPECT_EQ(slovak.terms[1].text, "\u0160PTK");
    EXPECT_EQ(slovak.terms[1].term_type, "abbreviation");
}

TEST(EmnTranslationLine, OptionalGenderAndArticleBracketsAreKeptAsWritten) {
    Concept entry = concept_of(
        "  \u2022 HU: bev\u00e1ndorl\u00e1si \u00f6sszek\u00f6t\u0151 tiszt(visel\u0151)\n"
        "  \u2022 IT: Migrant(a) ritornat(a)\n"
        "  \u2022 MT: Portatur(-tri\u010b) / (L-)Immigrant irregolari / Ftehim ta\u2019 Dublin (Il-)\n");
    EXPECT_EQ(term_texts(*section(entry, "hu")),
              std::vector<std::string>{"bev\u00e1ndorl\u00e1si \u00f6sszek\u00f6t\u0151 tiszt(visel\u0151)"});
    EXPECT_EQ(term_texts(*section(entry, "it")), std::vector<std::string>{"Migrant(a) ritornat(a)"});
    EXPECT_EQ(term_texts(*section(entry, "mt")),
              (std::vector<std::string>{"Portatur(-tri\u010b)", "(L-)Immigrant irregolari",
                                        "Ftehim ta\u2019 Dublin (Il-)"}));
}

TEST(EmnTranslationLine, UsageQualifierBecomesATermNote) {
    Concept entry = concept_of(
        "  \u2022 FR: demandeur de protection internationale (EU acquis)\n"
        "  \u2022 DE: langfristig Aufenthaltsberechtigter (EU)\n");
    const Term& french = section(entry, "fr")->terms.at(0);
    EXPECT_EQ(french.text, "demandeur de protection internationale");
    EXPECT_EQ(french.notes, std::vector<std::string>{"EU acquis"});
    EXPECT_EQ(french.term_type, "");
    // Two capitals that are not the term's initials: a qualifier, not an abbreviation.
    const LanguageSection& german = *section(entry, "de");
    ASSERT_EQ(german.terms.size(), 1u);
    EXPECT_EQ(german.terms[0].text, "langfristig Aufenthaltsberechtigter");
    EXPECT_EQ(german.terms[0].notes, std::vector<std::string>{"EU"});
}

TEST(EmnTranslationLine, TwoCapitalsThatAreTheInitialsAreAnAbbreviation) {
    Concept entry = concept_of("  \u2022 FR: Union europ\u00e9enne (UE)\n");
    EXPECT_EQ(term_texts(*section(entry, "fr")), (std::vector<std::string>{"Union europ\u00e9enne", "UE"}));
    EXPECT_EQ(section(entry, "fr")->terms[1].term_type, "abbreviation");
}

TEST(EmnTranslationLine, CountryCodesBecomeGeographicalUsage) {
    Concept entry = concept_of(
        "  \u2022 EL: \u03b5\u03bc\u03c0\u03bf\u03c1\u03af\u03b1 \u03b1\u03bd\u03b8\u03c1\u03ce\u03c0\u03c9\u03bd (EL); "
        "\u03b5\u03bc\u03c0\u03bf\u03c1\u03af\u03b1 \u03c0\u03c1\u03bf\u03c3\u03ce\u03c0\u03c9\u03bd (CY)\n"
        "  \u2022 DE: Schubhaft (AT) / Abschiebungshaft (DE, LU)\n"
        "  \u2022 FR: \u00e9loignement (BE)\n");
    const LanguageSection& greek = *section(entry, "el");
    ASSERT_EQ(greek.terms.size(), 2u);
    EXPECT_EQ(greek.terms[0].text, "\u03b5\u03bc\u03c0\u03bf\u03c1\u03af\u03b1 \u03b1\u03bd\u03b8\u03c1\u03ce\u03c0\u03c9\u03bd");
    EXPECT_EQ(greek.terms[0].geographical_usage, "EL");
    EXPECT_EQ(greek.terms[1].geographical_usage, "CY");
    EXPECT_EQ(greek.terms[0].term_type, "");
    const LanguageSection& german = *section(entry, "de");
    ASSERT_EQ(term_texts(german), (std::vector<std::string>{"Schubhaft", "Abschiebungshaft"}));
    EXPECT_EQ(german.terms[0].geographical_usage, "AT");
    EXPECT_EQ(german.terms[1].geographical_usage, "DE, LU");
    EXPECT_EQ(section(entry, "fr")->terms.at(0).geographical_usage, "BE");
}

TEST(EmnTranslationLine, NorwegianBokmalAndNynorskMarkersChooseTheLanguage) {
    ReadResult result = read_page(page_with(
        "  \u2022 DE: R\u00fcckkehr\n"
        "  \u2022 NO: retur (b) / heimsending (n)\n"
        "  \u2022 NO: tilbakevending\n"));
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_EQ(languages(entry), (std::vector<std::string>{"en", "de", "nb", "nn", "no"}));
    EXPECT_EQ(term_texts(*section(entry, "nb")), std::vector<std::string>{"retur"});
    EXPECT_EQ(term_texts(*section(entry, "nn")), std::vector<std::string>{"heimsending"});
    EXPECT_EQ(term_texts(*section(entry, "no")), std::vector<std::string>{"tilbakevending"});
    EXPECT_EQ(section(entry, "nn")->terms[0].administrative_status, "preferredTerm-admn-sts");
}

TEST(EmnTranslationLine, GlossesInBracketsAreKeptAsWritten) {
    Concept entry = concept_of(
        "  \u2022 FR: \u00e9loignement (retour forc\u00e9)\n"
        "  \u2022 IT: rimpatrio (forzato) volontario\n");
    EXPECT_EQ(term_texts(*section(entry, "fr")), std::vector<std::string>{"\u00e9loignement (retour forc\u00e9)"});
    EXPECT_EQ(term_texts(*section(entry, "it")), std::vector<std::string>{"rimpatrio (forzato) volontario"});
}

TEST(EmnTranslationLine, LongLineOfManyVariantsIsStillATranslation) {
    std::string line = "DE: ";
    for (int i = 0; i < 12; ++i) line += (i ? " / " : "") + std::string("Begriff Nummer") + std::to_string(i);
    Concept entry = concept_of("  \u2022 FR: terme\n" + line + "\n");
    ASSERT_NE(section(entry, "de"), nullptr);
    EXPECT_EQ(section(entry, "de")->terms.size(), 12u);
    EXPECT_EQ(section(entry, "de")->terms[11].text, "Begriff Nummer11");
}

TEST(EmnTranslationLine, EveryTermCarriesItsOwnColumn) {
    ReadResult result = read_page(page_with("  \u2022 ES: retorno; regreso\n"));
    const LanguageSection& spanish = *section(result.term_base.concepts.at(0), "es");
    EXPECT_EQ(spanish.terms[0].pos.column, 9u);
    EXPECT_EQ(spanish.terms[1].pos.column, 18u);
}

}  // namespace
}  // namespace ilo
