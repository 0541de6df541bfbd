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

// A one-word modifier before a slash stands for the first word of the other side,
// whose last word both share: one term, kept as written, with no warning. Languages
// without noun capitalisation are read from the adjective endings, or from the
// agreement of the two modifiers.
TEST(EmnTranslationLine, ModifierBeforeTheSlashSharesTheTailOfTheRightSide) {
    Concept entry = concept_of(
        "  \u2022 SV: irregulj\u00e4r / olaglig migration\n"
        "  \u2022 DA: irregul\u00e6r / ulovlig migration\n"
        "  \u2022 DE: irregul\u00e4re / illegale Migration\n"
        "  \u2022 PL: nielegalna / nieuregulowana migracja\n"
        "  \u2022 EL: \u03c0\u03b1\u03c1\u03ac\u03c4\u03c5\u03c0\u03b7 / \u03c0\u03b1\u03c1\u03ac\u03bd\u03bf\u03bc\u03b7 "
        "\u03bc\u03b5\u03c4\u03b1\u03bd\u03ac\u03c3\u03c4\u03b5\u03c5\u03c3\u03b7\n"
        "  \u2022 BG: \u043d\u0435\u0440\u0435\u0434\u043e\u0432\u043d\u0430 / \u043d\u0435\u0437\u0430\u043a\u043e\u043d"
        "\u043d\u0430 \u043c\u0438\u0433\u0440\u0430\u0446\u0438\u044f\n");
    EXPECT_EQ(term_texts(*section(entry, "sv")), std::vector<std::string>{"irregulj\u00e4r / olaglig migration"});
    EXPECT_EQ(term_texts(*section(entry, "da")), std::vector<std::string>{"irregul\u00e6r / ulovlig migration"});
    EXPECT_EQ(term_texts(*section(entry, "de")), std::vector<std::string>{"irregul\u00e4re / illegale Migration"});
    EXPECT_EQ(term_texts(*section(entry, "pl")), std::vector<std::string>{"nielegalna / nieuregulowana migracja"});
    EXPECT_EQ(term_texts(*section(entry, "el")),
              std::vector<std::string>{"\u03c0\u03b1\u03c1\u03ac\u03c4\u03c5\u03c0\u03b7 / \u03c0\u03b1\u03c1\u03ac"
                                       "\u03bd\u03bf\u03bc\u03b7 \u03bc\u03b5\u03c4\u03b1\u03bd\u03ac\u03c3\u03c4\u03b5"
                                       "\u03c5\u03c3\u03b7"});
    EXPECT_EQ(term_texts(*section(entry, "bg")),
              std::vector<std::string>{"\u043d\u0435\u0440\u0435\u0434\u043e\u0432\u043d\u0430 / \u043d\u0435\u0437"
                                       "\u0430\u043a\u043e\u043d\u043d\u0430 \u043c\u0438\u0433\u0440\u0430\u0446"
                                       "\u0438\u044f"});
}

// The other direction: a one-word modifier after the slash stands for the last word of the left side.
TEST(EmnTranslationLine, ModifierAfterTheSlashSharesTheHeadOfTheLeftSide) {
    Concept entry = concept_of(
        "  \u2022 FR: migration irr\u00e9guli\u00e8re / ill\u00e9gale\n"
        "  \u2022 ES: migraci\u00f3n irregular / ilegal\n"
        "  \u2022 PL: migracja nielegalna / nieuregulowana\n"
        "  \u2022 MT: Persuna barranija / g\u0127ariba\n");
    EXPECT_EQ(term_texts(*section(entry, "fr")),
              std::vector<std::string>{"migration irr\u00e9guli\u00e8re / ill\u00e9gale"});
    EXPECT_EQ(term_texts(*section(entry, "es")), std::vector<std::string>{"migraci\u00f3n irregular / ilegal"});
    EXPECT_EQ(term_texts(*section(entry, "pl")), std::vector<std::string>{"migracja nielegalna / nieuregulowana"});
    EXPECT_EQ(term_texts(*section(entry, "mt")), std::vector<std::string>{"Persuna barranija / g\u0127ariba"});
}

// A single word that is a noun (by its ending, by its capital in German, or as a
// compound of the other side's words) is a term of its own beside a multi-word
// term, on either side of the slash.
TEST(EmnTranslationLine, SingleNounBesideAMultiWordTermIsAWholeTerm) {
    Concept entry = concept_of(
        "  \u2022 SV: flykting / skyddsbeh\u00f6vande person\n"
        "  \u2022 DA: udl\u00e6nding / statsborger i et tredjeland\n"
        "  \u2022 DE: Asylbewerber / internationaler Schutzsuchender\n"
        "  \u2022 FR: d\u00e9cision de retour / \u00e9loignement\n"
        "  \u2022 PL: obywatel pa\u0144stwa trzeciego / cudzoziemiec\n"
        "  \u2022 EL: \u03c0\u03c1\u03cc\u03c3\u03c6\u03c5\u03b3\u03b1\u03c2 / \u03b4\u03b9\u03ba\u03b1\u03b9\u03bf\u03cd"
        "\u03c7\u03bf\u03c2 \u03b4\u03b9\u03b5\u03b8\u03bd\u03bf\u03cd\u03c2 \u03c0\u03c1\u03bf\u03c3\u03c4\u03b1\u03c3"
        "\u03af\u03b1\u03c2\n"
        "  \u2022 BG: \u0447\u0443\u0436\u0434\u0435\u043d\u0435\u0446 / \u0433\u0440\u0430\u0436\u0434\u0430\u043d"
        "\u0438\u043d \u043d\u0430 \u0442\u0440\u0435\u0442\u0430 \u0434\u044a\u0440\u0436\u0430\u0432\u0430\n"
        "  \u2022 EN: asylum seeker / refugee claimant\n"
        "  \u2022 NO: returvedtak / vedtak om retur\n");
    EXPECT_EQ(term_texts(*section(entry, "sv")),
              (std::vector<std::string>{"flykting", "skyddsbeh\u00f6vande person"}));
    EXPECT_EQ(term_texts(*section(entry, "da")),
              (std::vector<std::string>{"udl\u00e6nding", "statsborger i et tredjeland"}));
    EXPECT_EQ(term_texts(*section(entry, "de")),
              (std::vector<std::string>{"Asylbewerber", "internationaler Schutzsuchender"}));
    EXPECT_EQ(term_texts(*section(entry, "fr")),
              (std::vector<std::string>{"d\u00e9cision de retour", "\u00e9loignement"}));
    EXPECT_EQ(term_texts(*section(entry, "pl")),
              (std::vector<std::string>{"obywatel pa\u0144stwa trzeciego", "cudzoziemiec"}));
    EXPECT_EQ(section(entry, "el")->terms.size(), 2u);
    EXPECT_EQ(section(entry, "bg")->terms.size(), 2u);
    // A compound holding a word of the other side names the whole concept.
    EXPECT_EQ(term_texts(*section(entry, "no")), (std::vector<std::string>{"returvedtak", "vedtak om retur"}));
    // Two multi-word sides with no word in common, the left one ending in a noun.
    EXPECT_EQ(term_texts(*section(entry, "en")),
              (std::vector<std::string>{"Test Term", "asylum seeker", "refugee claimant"}));
}

// Where the shape of the words leaves both readings open, the text is kept as one
// term, exactly as written, and a warning at the term says so.
TEST(EmnTranslationLine, SlashTheWordsCannotDecideIsKeptAsOneTermAndReported) {
    ReadResult result = read_page(page_with(
        "  \u2022 SV: utvisning / avvisning av utl\u00e4nning\n"
        "  \u2022 EL: \u03b1\u03bb\u03bb\u03bf\u03b4\u03b1\u03c0\u03cc\u03c2 / \u03c5\u03c0\u03ae\u03ba\u03bf\u03bf\u03c2 "
        "\u03c4\u03c1\u03af\u03c4\u03b7\u03c2 \u03c7\u03ce\u03c1\u03b1\u03c2\n"
        "  \u2022 LT: neteis\u0117ta / nelegali migracija\n"));
    const Concept& entry = result.term_base.concepts.at(0);
    EXPECT_EQ(term_texts(*section(entry, "sv")), std::vector<std::string>{"utvisning / avvisning av utl\u00e4nning"});
    EXPECT_EQ(section(entry, "el")->terms.size(), 1u);
    EXPECT_EQ(term_texts(*section(entry, "lt")), std::vector<std::string>{"neteis\u0117ta / nelegali migracija"});
    const std::vector<Diagnostic>& items = result.diagnostics.items();
    ASSERT_EQ(items.size(), 3u);
    for (const Diagnostic& item : items) {
        EXPECT_EQ(item.severity, Severity::warning);
        EXPECT_EQ(item.code, "emn.unsure-slash");
        EXPECT_EQ(item.pos.file, "page.txt");
        EXPECT_EQ(item.pos.column, 9u);
    }
    EXPECT_EQ(items[0].pos.line, 11u);
    EXPECT_EQ(items[2].pos.line, 13u);
    EXPECT_EQ(items[0].message,
              "kept \"utvisning / avvisning av utl\u00e4nning\" as one term, as written: the slash may join alternative "
              "words of one term, or separate the whole terms \"utvisning\" and \"avvisning av utl\u00e4nning\"; the "
              "words' shape does not tell which");
    // --strict makes the doubt an error.
    ReadOptions strict;
    strict.strict = true;
    EXPECT_TRUE(read_page(page_with("  \u2022 SV: utvisning / avvisning av utl\u00e4nning\n"), strict)
                    .diagnostics.has_errors());
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
