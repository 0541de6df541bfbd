// CSV writer: the header each CAT-tool profile writes for the ILO entry, formula escaping, and reading profiles back.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ilo_tbx/format.hpp"
#include "model_dump.hpp"

namespace ilo {
namespace {

TermBase ilo_entry() {
    std::ifstream file(std::string(ILO_SOURCE_DIR) + "/samples/ilo-page.txt", std::ios::binary);
    std::stringstream page;
    page << file.rdbuf();
    Diagnostics diagnostics;
    TermBase term_base = read_term_base(*find_format("emn"), Input{"ilo-page.txt", page.str()}, ReadOptions{},
                                        diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return term_base;
}

struct Written {
    std::string text;
    Diagnostics diagnostics;
};

Written write(const TermBase& term_base, WriteOptions options, const std::string& format = "csv") {
    Written written;
    std::ostringstream out;
    write_term_base(*find_format(format), term_base, out, options, written.diagnostics);
    written.text = out.str();
    return written;
}

WriteOptions profile(CsvProfile chosen, std::vector<std::string> languages = {"de", "fr"}) {
    WriteOptions options;
    options.csv.profile = chosen;
    options.csv.languages = std::move(languages);
    return options;
}

std::vector<std::string> lines(std::string text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("\r\n", start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return out;
}

std::string first_line(const std::string& text) { return lines(text).at(0); }

// Each profile's header, as its tool's import documentation expects (see README "CSV profiles").
TEST(CsvProfiles, IloEntryHeaderPerTool) {
    TermBase ilo = ilo_entry();
    EXPECT_EQ(first_line(write(ilo, profile(CsvProfile::memoq)).text),
              "Entry_ID;Entry_Domain;Entry_Note;English_Def;English;German_Def;German;French_Def;French");
    EXPECT_EQ(first_line(write(ilo, profile(CsvProfile::trados)).text), "ID,Subject,Definition,Note,English,German,French");
    EXPECT_EQ(first_line(write(ilo, profile(CsvProfile::phrase)).text),
              "CID,concept_domain,concept_definition,concept_note,en,en_forbidden,de,de_forbidden,fr,fr_forbidden");
    EXPECT_EQ(first_line(write(ilo, profile(CsvProfile::crowdin)).text),
              "Term [en],Description [en],Part of Speech [en],Term [de],Description [de],Part of Speech [de],"
              "Term [fr],Description [fr],Part of Speech [fr]");
    EXPECT_EQ(first_line(write(ilo, profile(CsvProfile::lokalise)).text),
              "term;description;casesensitive;translatable;forbidden;tags;de;de_description;fr;fr_description");
    EXPECT_EQ(first_line(write(ilo, profile(CsvProfile::matecat)).text),
              "Forbidden,Domain,Subdomain,Definition,en-GB,Notes,Example of use,de-DE,Notes,Example of use,fr-FR,"
              "Notes,Example of use");
    EXPECT_EQ(first_line(write(ilo, profile(CsvProfile::omegat), "tsv").text),
              "# Glossary in tab-separated format -*- coding: utf-8 -*-");
    EXPECT_EQ(first_line(write(ilo, profile(CsvProfile::omegat)).text),
              "# Glossary in comma-separated format -*- coding: utf-8 -*-");
    EXPECT_EQ(first_line(write(ilo, profile(CsvProfile::translate_toolkit)).text),
              "\"location\",\"source\",\"target\",\"id\",\"fuzzy\",\"context\",\"translator_comments\","
              "\"developer_comments\"");
    EXPECT_EQ(first_line(write(ilo, profile(CsvProfile::none)).text), "id,definition [en],definition_source [en],note,url,en,de,fr");
}

TEST(CsvProfiles, AllLanguagesOfTheIloEntryInPageOrderAfterTheSource) {
    Written written = write(ilo_entry(), profile(CsvProfile::matecat, {}));
    EXPECT_EQ(first_line(written.text),
              "Forbidden,Domain,Subdomain,Definition,en-GB,Notes,Example of use,bg-BG,Notes,Example of use,cs-CZ,"
              "Notes,Example of use,de-DE,Notes,Example of use,el-GR,Notes,Example of use,es-ES,Notes,Example of use,"
              "et-EE,Notes,Example of use,fi-FI,Notes,Example of use,fr-FR,Notes,Example of use,ga-IE,Notes,Example of "
              "use,hu-HU,Notes,Example of use,it-IT,Notes,Example of use,lt-LT,Notes,Example of use,lv-LV,Notes,"
              "Example of use,mt-MT,Notes,Example of use,nl-NL,Notes,Example of use,pl-PL,Notes,Example of use,pt-BR,"
              "Notes,Example of use,ro-RO,Notes,Example of use,sk-SK,Notes,Example of use,sl-SI,Notes,Example of use,"
              "sv-SE,Notes,Example of use,no-NO,Notes,Example of use");
}

TEST(CsvProfiles, OmegatRowsArePairsWithoutQuotingOrFormulaEscape) {
    Written written = write(ilo_entry(), profile(CsvProfile::omegat, {"de"}), "tsv");
    std::vector<std::string> rows = lines(written.text);
    ASSERT_EQ(rows.size(), 5u);  // the comment line and one row per English term
    EXPECT_TRUE(rows[1].starts_with("Immigration Liaison Officer\tVerbindungsbeamter für Einwanderungsfragen\tA "
                                    "representative of one of the EU Member States, posted abroad"));
    EXPECT_TRUE(rows[2].starts_with("ILO\tVerbindungsbeamter für Einwanderungsfragen\t"));
    EXPECT_EQ(written.text.find('"'), std::string::npos);
    EXPECT_FALSE(written.text.starts_with("\xEF\xBB\xBF")) << "OmegaT glossaries carry no byte order mark";
}

// OmegaT's .csv reader (GlossaryReaderCSV) splits each line on commas and honours RFC 4180 quotes,
// but only within the line, and skips lines that start with '#'.
TEST(CsvProfiles, OmegatCsvQuotesWithinOneLine) {
    TermBase term_base;
    Concept concept_value;
    concept_value.id = "c1";
    concept_value.definitions.emplace_back();
    concept_value.definitions.back().text = "one, \"two\"\nthree";
    LanguageSection english;
    english.language = "en";
    english.terms.emplace_back();
    english.terms.back().text = "#hash, tag";
    LanguageSection german;
    german.language = "de";
    german.terms.emplace_back();
    german.terms.back().text = "Raute";
    concept_value.languages = {english, german};
    term_base.concepts.push_back(concept_value);
    Written written = write(term_base, profile(CsvProfile::omegat, {"de"}), "csv");
    EXPECT_EQ(written.text, "# Glossary in comma-separated format -*- coding: utf-8 -*-\r\n"
                            "\"#hash, tag\",Raute,\"one, \"\"two\"\" three\"\r\n");
    ASSERT_EQ(written.diagnostics.items().size(), 1u);
    EXPECT_EQ(written.diagnostics.items()[0].message,
              "the omegat layout has no place for 1 line break inside cells (written as spaces); --layout long "
              "keeps them all");
    // In TSV the '#' term cannot be kept (OmegaT reads its line as a comment), and that is reported.
    Written tsv = write(term_base, profile(CsvProfile::omegat, {"de"}), "tsv");
    EXPECT_EQ(lines(tsv.text).at(1), "#hash, tag\tRaute\tone, \"two\" three");
    ASSERT_EQ(tsv.diagnostics.items().size(), 1u);
    EXPECT_NE(tsv.diagnostics.items()[0].message.find("1 source term starting with '#' (read as comments)"),
              std::string::npos);
}

// csv2po makes one PO unit per source and location and drops the rest as duplicates: each target synonym
// (Maltese has two) needs a location of its own, or translate-toolkit's PO loses it.
TEST(CsvProfiles, TranslateToolkitRowsHaveALocationPerTargetSynonym) {
    Written written = write(ilo_entry(), profile(CsvProfile::translate_toolkit, {"mt"}));
    std::vector<std::string> rows = lines(written.text);
    ASSERT_EQ(rows.size(), 9u);  // the header and four English terms times two Maltese ones
    EXPECT_TRUE(rows[1].starts_with("\"immigration-liaison-officer-ilo\",\"Immigration Liaison Officer\",\"Uffi"));
    EXPECT_TRUE(rows[2].starts_with("\"immigration-liaison-officer-ilo-syn2\",\"Immigration Liaison Officer\","
                                    "\"UKRI\",\"immigration-liaison-officer-ilo\","));
}

TEST(CsvProfiles, PairProfilesNeedOneTargetLanguage) {
    Written written = write(ilo_entry(), profile(CsvProfile::omegat, {}));
    EXPECT_TRUE(written.diagnostics.has_errors());
    EXPECT_EQ(written.diagnostics.items().at(0).message,
              "the omegat profile writes one language pair, and the term base has 22 languages besides en; choose the "
              "target with --langs (and the source with --source-lang)");
}

TEST(CsvProfiles, WhatAProfileCannotHoldIsOneWarning) {
    Written written = write(ilo_entry(), profile(CsvProfile::crowdin));
    ASSERT_EQ(written.diagnostics.items().size(), 1u);
    const Diagnostic& warning = written.diagnostics.items()[0];
    EXPECT_EQ(warning.severity, Severity::warning);
    EXPECT_EQ(warning.code, "csv.dropped");
    EXPECT_EQ(warning.message,
              "the crowdin layout has no place for 6 administrativeStatus values, 1 concept id, 3 concept notes, 1 "
              "definition source, 1 source description, 1 source language, 3 synonyms (Crowdin takes one term per "
              "language), 2 termType values, 24 terms in languages not selected (bg cs el es et fi ga hu it lt lv mt nl pl pt ro sk sl sv "
              "no), 1 title; --layout long keeps them all");
}

// Every profile's output is recognised by its header and read back with its terms.
TEST(CsvProfiles, OwnOutputReadsBack) {
    TermBase ilo = ilo_entry();
    struct Case {
        CsvProfile chosen;
        const char* format;
        std::string expected_languages;
    };
    for (const Case& c : {Case{CsvProfile::none, "csv", "en de fr"}, Case{CsvProfile::memoq, "csv", "en de fr"},
                          Case{CsvProfile::trados, "csv", "en de fr"}, Case{CsvProfile::phrase, "csv", "en de fr"},
                          Case{CsvProfile::crowdin, "csv", "en de fr"}, Case{CsvProfile::lokalise, "csv", "en de fr"},
                          Case{CsvProfile::matecat, "csv", "en-GB de-DE fr-FR"},
                          Case{CsvProfile::omegat, "tsv", "en de"}, Case{CsvProfile::omegat, "csv", "en de"},
                          Case{CsvProfile::translate_toolkit, "csv", "en de"}}) {
        Written written = write(ilo, profile(c.chosen), c.format);
        ReadOptions options;
        options.csv.profile = c.chosen;
        options.csv.source_language = "en";
        options.csv.languages = {"de"};
        Diagnostics diagnostics;
        TermBase read_back = read_term_base(*find_format(c.format), Input{"profile", written.text}, options, diagnostics);
        EXPECT_FALSE(diagnostics.has_errors()) << static_cast<int>(c.chosen) << "\n" << written.text;
        ASSERT_FALSE(read_back.concepts.empty()) << static_cast<int>(c.chosen);
        std::string languages;
        std::string german;
        for (const Concept& concept_value : read_back.concepts)
            for (const LanguageSection& language : concept_value.languages) {
                if (languages.find(language.language) == std::string::npos)
                    languages += (languages.empty() ? "" : " ") + language.language;
                if (language.language.starts_with("de") && german.empty() && !language.terms.empty())
                    german = language.terms[0].text;
            }
        EXPECT_EQ(languages, c.expected_languages) << static_cast<int>(c.chosen);
        EXPECT_EQ(german, "Verbindungsbeamter für Einwanderungsfragen") << static_cast<int>(c.chosen);
    }
}

TEST(CsvProfiles, PhraseSynonymsShareTheirConceptIdAndComeBackAsOneConcept) {
    Written written = write(ilo_entry(), profile(CsvProfile::phrase, {}));
    std::vector<std::string> rows = lines(written.text);
    ASSERT_EQ(rows.size(), 5u);  // header + four rows for the four English terms
    for (std::size_t r = 1; r < rows.size(); ++r) EXPECT_TRUE(rows[r].starts_with("immigration-liaison-officer-ilo,"));
    Diagnostics diagnostics;
    TermBase read_back = read_term_base(*find_format("csv"), Input{"phrase.csv", written.text}, ReadOptions{}, diagnostics);
    ASSERT_EQ(read_back.concepts.size(), 1u);
    EXPECT_EQ(read_back.concepts[0].languages.at(0).terms.size(), 4u);
}

// --- wide layout -------------------------------------------------------------------

TEST(CsvWide, ChosenLanguagesGetColumnsEvenWhenEmptyForTranslatorsToFill) {
    Written written = write(ilo_entry(), profile(CsvProfile::none, {"da", "hr"}));
    std::vector<std::string> rows = lines(written.text);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0], "id,definition [en],definition_source [en],note,url,en,da,hr");
    EXPECT_TRUE(rows[1].ends_with(",Immigration Liaison Officer | ILO | national liaison officer | state liaison "
                                  "officer,,"));
}

// Indonesian's tag is "id", the name of the concept id column: its terms get a column the reader cannot mistake.
TEST(CsvWide, ALanguageTagThatNamesAFieldIsWrittenAsATermColumn) {
    TermBase term_base;
    Concept concept_value;
    concept_value.id = "c1";
    concept_value.languages = {LanguageSection{.language = "en", .definitions = {}, .notes = {}, .terms = {Term{.text = "immigration officer"}}},
                               LanguageSection{.language = "id", .definitions = {}, .notes = {}, .terms = {Term{.text = "petugas imigrasi"}}}};
    term_base.concepts = {concept_value};
    for (const char* format : {"csv", "tsv"}) {
        SCOPED_TRACE(format);
        Written written = write(term_base, WriteOptions{}, format);
        EXPECT_EQ(written.diagnostics.items().size(), 0u);
        const char separator = std::string(format) == "csv" ? ',' : '\t';
        EXPECT_EQ(first_line(written.text), std::string("id") + separator + "en" + separator + "term [id]");
        Diagnostics read;
        TermBase reread = read_term_base(*find_format(format), Input{"written", written.text}, ReadOptions{}, read);
        EXPECT_EQ(read.items().size(), 0u);
        EXPECT_EQ(testing::dump(reread), testing::dump(term_base));
    }
}

std::string warnings_of(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics.items()) out += diagnostic.code + ": " + diagnostic.message + "\n";
    return out;
}

Concept one_term_concept(std::string id, std::string language, std::string term) {
    Concept concept_value;
    concept_value.id = std::move(id);
    concept_value.languages = {LanguageSection{.language = std::move(language), .definitions = {}, .notes = {},
                                               .terms = {Term{.text = std::move(term)}}}};
    return concept_value;
}

// What a sheet keyed by concept id cannot give back as it was: a TBX read leniently can hold each of these.
TEST(CsvIds, IdsAndLanguagesThatDoNotReadBackAreReported) {
    TermBase term_base;
    term_base.concepts = {one_term_concept("e1", "en", "migrant"), one_term_concept("e1", "en", "emigrant"),
                          one_term_concept("eid[6?]", "en", "officer"), one_term_concept("", "en", "liaison")};
    WriteOptions long_layout;
    long_layout.csv.layout = CsvLayout::long_form;
    EXPECT_EQ(warnings_of(write(term_base, long_layout).diagnostics),
              "csv.id-changed: 1 concept id is not a valid xml:id, and reading the long sheet back changes it "
              "('eid[6?]' becomes 'eid-6--')\n"
              "csv.id-changed: 1 concept has no id; reading the long sheet back refuses a row without a concept_id\n"
              "csv.shared-id: 2 concepts share the id 'e1'; the long sheet gathers rows by concept id, so reading "
              "it back merges them; give each concept its own id\n");
    EXPECT_EQ(warnings_of(write(term_base, WriteOptions{}).diagnostics),
              "csv.id-changed: 1 concept id is not a valid xml:id, and reading the wide sheet back changes it "
              "('eid[6?]' becomes 'eid-6--')\n"
              "csv.id-changed: 1 concept has no id; reading the wide sheet back gives each a generated id (c and "
              "its row number)\n"
              "csv.shared-id: 2 concepts share the id 'e1'; the wide sheet gathers rows by concept id, so reading "
              "it back merges them; give each concept its own id\n");

    TermBase bad_language;
    bad_language.concepts = {one_term_concept("c1", "[ra", "term")};
    EXPECT_EQ(warnings_of(write(bad_language, WriteOptions{}).diagnostics),
              "csv.bad-language: the language '[ra' is not a language tag, and its column 'term [[ra]' is not "
              "read back as one; --layout long keeps it\n");
    EXPECT_EQ(warnings_of(write(bad_language, long_layout).diagnostics), "");
}

// The long layout is lossless for what a sheet can spell; what its reader would give back otherwise is reported.
TEST(CsvLongLayout, WhatWouldNotReadBackAsItWasIsReported) {
    TermBase term_base;
    Concept concept_value = one_term_concept("c1", "en", "officer");
    concept_value.languages[0].terms[0].administrative_status = "admittedterm-admn-sts";
    concept_value.languages[0].definitions = {Definition{}, Definition{}};
    concept_value.notes = {""};
    term_base.concepts = {concept_value};
    WriteOptions long_layout;
    long_layout.csv.layout = CsvLayout::long_form;
    EXPECT_EQ(warnings_of(write(term_base, long_layout).diagnostics),
              "csv.picklist: 1 picklist value is not in its TBX-Basic spelling, which reading the sheet back gives "
              "it ('admittedterm-admn-sts' becomes 'admittedTerm-admn-sts')\n"
              "csv.dropped: the long layout has no place for 2 empty definitions, 1 empty note\n");
}

// A control character (which a JSON model may hold) is read back from a sheet as U+FFFD: written so, and reported
// (found by the JSON fuzz target: a form feed in a relation label changed with no loss reported).
TEST(CsvLongLayout, ControlCharactersAreWrittenAsReplacementCharactersAndCounted) {
    TermBase term_base;
    term_base.title = "Glossary\x01";
    Concept concept_value = one_term_concept("c1", "en",
                                             "de \x0C"
                                             "facto");
    concept_value.relations.push_back({RelationKind::narrower,
                                       "de \x0C"
                                       "jure",
                                       ""});
    term_base.concepts = {concept_value};
    WriteOptions long_layout;
    long_layout.csv.layout = CsvLayout::long_form;
    Written written = write(term_base, long_layout);
    EXPECT_EQ(warnings_of(written.diagnostics),
              "csv.dropped: the long layout has no place for 3 control characters (written as U+FFFD)\n");
    Diagnostics read;
    TermBase reread = read_term_base(*find_format("csv"), Input{"written", written.text}, ReadOptions{}, read);
    EXPECT_EQ(read.items().size(), 0u);
    EXPECT_EQ(reread.title, "Glossary\xEF\xBF\xBD");
    EXPECT_EQ(reread.concepts.at(0).languages.at(0).terms.at(0).text,
              "de \xEF\xBF\xBD"
              "facto");
    EXPECT_EQ(reread.concepts.at(0).relations.at(0).label,
              "de \xEF\xBF\xBD"
              "jure");
}

// The sheet readers read CR and CRLF as LF (a CR in a header comment would even end its line): written so, counted.
TEST(CsvLongLayout, CarriageReturnsAreWrittenAsLineFeedsAndCounted) {
    TermBase term_base;
    term_base.source_description = "first\rsecond";
    term_base.concepts = {one_term_concept("c1", "en", "one\r\ntwo")};
    WriteOptions long_layout;
    long_layout.csv.layout = CsvLayout::long_form;
    Written written = write(term_base, long_layout);
    EXPECT_EQ(warnings_of(written.diagnostics),
              "csv.dropped: the long layout has no place for 2 carriage returns (written as line feeds)\n");
    Diagnostics read;
    TermBase reread = read_term_base(*find_format("csv"), Input{"written", written.text}, ReadOptions{}, read);
    EXPECT_EQ(read.items().size(), 0u);
    EXPECT_EQ(reread.source_description, "first\nsecond");
    EXPECT_EQ(reread.concepts.at(0).languages.at(0).terms.at(0).text, "one\ntwo");
}

// The header comments keep a value's spaces and its empty lines.
TEST(CsvLongLayout, HeaderValuesComeBackWithTheirSpacesAndEmptyLines) {
    TermBase term_base;
    term_base.source_description = "\nLISA sample\n\t\t\n  indented line \n";
    term_base.title = "Glossary  ";
    term_base.concepts = {one_term_concept("c1", "en", "officer")};
    WriteOptions long_layout;
    long_layout.csv.layout = CsvLayout::long_form;
    Written written = write(term_base, long_layout);
    EXPECT_EQ(written.diagnostics.items().size(), 0u);
    Diagnostics read;
    TermBase reread = read_term_base(*find_format("csv"), Input{"written", written.text}, ReadOptions{}, read);
    EXPECT_EQ(read.items().size(), 0u);
    EXPECT_EQ(reread.source_description, term_base.source_description);
    EXPECT_EQ(reread.title, term_base.title);
}

TermBase formula_terms() {
    TermBase term_base;
    Concept concept_value;
    concept_value.id = "c1";
    LanguageSection english;
    english.language = "en";
    for (const char* text : {"=cmd|' /C calc'!A0", "+1", "-ism", "@SUM(A1)", "'=quoted", "plain"})
        english.terms.push_back(Term{.text = text});
    concept_value.languages = {english};
    term_base.concepts = {concept_value};
    return term_base;
}

TEST(CsvFormulaEscape, CellsThatSpreadsheetsRunAreEscapedAndReadBack) {
    TermBase original = formula_terms();
    WriteOptions options;
    options.csv.layout = CsvLayout::long_form;
    Written written = write(original, options);
    std::vector<std::string> rows = lines(written.text);
    ASSERT_EQ(rows.size(), 7u);
    EXPECT_EQ(rows[1], "c1,en,'=cmd|' /C calc'!A0,,,,,,,,,");
    EXPECT_EQ(rows[2], "c1,en,'+1,,,,,,,,,");
    EXPECT_EQ(rows[3], "c1,en,'-ism,,,,,,,,,");
    EXPECT_EQ(rows[4], "c1,en,'@SUM(A1),,,,,,,,,");
    EXPECT_EQ(rows[5], "c1,en,''=quoted,,,,,,,,,");
    EXPECT_EQ(rows[6], "c1,en,plain,,,,,,,,,");
    Diagnostics diagnostics;
    TermBase read_back = read_term_base(*find_format("csv"), Input{"f.csv", written.text}, ReadOptions{}, diagnostics);
    EXPECT_EQ(read_back, original);
}

TEST(CsvFormulaEscape, NoFormulaEscapeWritesCellsAsTheyAre) {
    WriteOptions options;
    options.csv.layout = CsvLayout::long_form;
    options.csv.formula_escape = false;
    std::vector<std::string> rows = lines(write(formula_terms(), options).text);
    EXPECT_EQ(rows[1], "c1,en,=cmd|' /C calc'!A0,,,,,,,,,");
    EXPECT_EQ(rows[3], "c1,en,-ism,,,,,,,,,");
}

}  // namespace
}  // namespace ilo

namespace ilo {
namespace {

// A language section without a language has no column (wide) or row (long) of its own: reported, not dropped.
TEST(CsvWriterLanguages, LanguagelessSectionsAreReported) {
    TermBase term_base;
    Concept first;
    first.id = "c1";
    first.languages.push_back(LanguageSection{.language = "en", .terms = {Term{.text = "border"}}});
    first.languages.push_back(LanguageSection{.language = "", .terms = {Term{.text = "no language"}}});
    Concept second;
    second.id = "c2";
    second.languages.push_back(LanguageSection{.language = "", .notes = {"a note"}});
    term_base.concepts = {first, second};
    for (CsvLayout layout : {CsvLayout::wide, CsvLayout::long_form}) {
        WriteOptions options;
        options.csv.layout = layout;
        Written written = write(term_base, options);
        ASSERT_EQ(written.diagnostics.items().size(), 1u);
        const Diagnostic& warning = written.diagnostics.items().front();
        EXPECT_EQ(warning.severity, Severity::warning);
        EXPECT_EQ(warning.code, "csv.no-language");
        EXPECT_NE(warning.message.find("2 language sections without a language (with 1 term"), std::string::npos)
            << warning.message;
    }
}

// Written in the long layout, which must report nothing, and read back.
TermBase long_layout_round_trip(const TermBase& term_base) {
    WriteOptions long_layout;
    long_layout.csv.layout = CsvLayout::long_form;
    Written written = write(term_base, long_layout);
    EXPECT_EQ(warnings_of(written.diagnostics), "");
    Diagnostics read;
    return read_term_base(*find_format("csv"), Input{"written", written.text}, ReadOptions{}, read);
}

// A section with no terms, definitions or notes writes no cell in a wide sheet, so it does not come back: reported.
// The long layout gives it a row (found by the JSON fuzz target).
TEST(CsvWriterLanguages, EmptyLanguageSectionIsReportedInWideAndKeptInLong) {
    TermBase term_base;
    Concept concept_value;
    concept_value.id = "c1";
    concept_value.languages.push_back(LanguageSection{.language = "de", .terms = {Term{.text = "Flüchtling"}}});
    concept_value.languages.push_back(LanguageSection{.language = "en"});
    term_base.concepts = {concept_value};
    EXPECT_EQ(warnings_of(write(term_base, WriteOptions{}).diagnostics),
              "csv.dropped: the wide layout has no place for 1 language section without terms, definitions or "
              "notes; --layout long keeps them all\n");
    TermBase reread = long_layout_round_trip(term_base);
    ASSERT_EQ(reread.concepts.size(), 1u);
    EXPECT_EQ(reread.concepts[0].languages.size(), 2u);
}

// Terms without text join into an empty cell, which reads back as no terms: a section whose terms all lack text
// loses them, and the section with them when it has nothing else (found by the JSON fuzz target).
TEST(CsvWriterLanguages, TermsWithoutTextAreReportedInWide) {
    TermBase term_base;
    Concept concept_value;
    concept_value.id = "c1";
    concept_value.languages.push_back(LanguageSection{.language = "de", .terms = {Term{.text = "Flüchtling"}}});
    concept_value.languages.push_back(LanguageSection{.language = "en", .terms = {Term{}, Term{}}});
    concept_value.languages.push_back(
        LanguageSection{.language = "fr", .definitions = {Definition{.text = "Personne"}}, .terms = {Term{}}});
    term_base.concepts = {concept_value};
    EXPECT_EQ(warnings_of(write(term_base, WriteOptions{}).diagnostics),
              "csv.dropped: the wide layout has no place for 1 language section without terms, definitions or "
              "notes, 3 terms without text; --layout long keeps them all\n");
    TermBase reread = long_layout_round_trip(term_base);
    ASSERT_EQ(reread.concepts.size(), 1u);
    ASSERT_EQ(reread.concepts[0].languages.size(), 3u);
    EXPECT_EQ(reread.concepts[0].languages[1].terms.size(), 2u);
}

// The reader skips an empty item of a term cell and trims the spaces and tabs around each term, as hand-made sheets
// need: a term without text beside terms with text, or a padded term, changes on reading back and is reported
// (found by the JSON fuzz target). The long layout quotes such a cell and keeps both.
TEST(CsvWriterLanguages, EmptyAndPaddedTermsBesideOthersAreReportedInWide) {
    TermBase term_base;
    Concept concept_value;
    concept_value.id = "c1";
    concept_value.languages.push_back(LanguageSection{
        .language = "en", .terms = {Term{.text = " refugee\t"}, Term{}, Term{.text = "exile"}, Term{.text = " \t"}}});
    term_base.concepts = {concept_value};
    Written wide = write(term_base, WriteOptions{});
    EXPECT_EQ(warnings_of(wide.diagnostics),
              "csv.dropped: the wide layout has no place for 1 term text with leading or trailing spaces or tabs "
              "(trimmed on reading), 2 terms without text; "
              "--layout long keeps them all\n");
    Diagnostics read;
    TermBase wide_reread = read_term_base(*find_format("csv"), Input{"wide.csv", wide.text}, ReadOptions{}, read);
    ASSERT_EQ(wide_reread.concepts.size(), 1u);
    ASSERT_EQ(wide_reread.concepts[0].languages.size(), 1u);
    ASSERT_EQ(wide_reread.concepts[0].languages[0].terms.size(), 2u);
    EXPECT_EQ(wide_reread.concepts[0].languages[0].terms[0].text, "refugee");

    TermBase reread = long_layout_round_trip(term_base);
    ASSERT_EQ(reread.concepts.size(), 1u);
    ASSERT_EQ(reread.concepts[0].languages.size(), 1u);
    ASSERT_EQ(reread.concepts[0].languages[0].terms.size(), 4u);
    EXPECT_EQ(reread.concepts[0].languages[0].terms[0].text, " refugee\t");
}

// A wide sheet's columns are keyed by language: a second section of a language in one concept has no cells, and is
// reported; the long layout numbers it and keeps it (found by the JSON fuzz target).
TEST(CsvWriterLanguages, ARepeatedLanguageSectionIsReportedInWideAndKeptInLong) {
    TermBase term_base;
    Concept concept_value;
    concept_value.id = "c1";
    concept_value.languages.push_back(LanguageSection{.language = "en", .terms = {Term{.text = "return"}}});
    concept_value.languages.push_back(LanguageSection{.language = "de", .terms = {Term{.text = "R\u00fcckkehr"}}});
    concept_value.languages.push_back(LanguageSection{.language = "en", .terms = {Term{.text = "repatriation"}}});
    term_base.concepts = {concept_value};
    EXPECT_EQ(warnings_of(write(term_base, WriteOptions{}).diagnostics),
              "csv.dropped: the wide layout has no place for 1 language section repeating a language of their "
              "concept; --layout long keeps them all\n");
    TermBase reread = long_layout_round_trip(term_base);
    ASSERT_EQ(reread.concepts.size(), 1u);
    ASSERT_EQ(reread.concepts[0].languages.size(), 3u);
    EXPECT_EQ(reread.concepts[0].languages[2].terms.at(0).text, "repatriation");
}

// With no language at all, a wide sheet has no language column and could not be read back: reported.
// The long layout has a language column whatever the data, and keeps such concepts.
TEST(CsvWriterLanguages, TermBaseWithoutLanguagesIsReportedInWideNotLong) {
    TermBase term_base;
    Concept concept_value;
    concept_value.id = "c1";
    concept_value.notes = {"a concept with no terms yet"};
    term_base.concepts = {concept_value};
    Written wide = write(term_base, WriteOptions{});
    ASSERT_EQ(wide.diagnostics.items().size(), 1u);
    EXPECT_EQ(wide.diagnostics.items().front().code, "csv.no-language");
    EXPECT_NE(wide.diagnostics.items().front().message.find("no language column"), std::string::npos);

    WriteOptions long_options;
    long_options.csv.layout = CsvLayout::long_form;
    Written long_sheet = write(term_base, long_options);
    EXPECT_EQ(long_sheet.diagnostics.items().size(), 0u);
    Diagnostics read_diagnostics;
    TermBase reread =
        read_term_base(*find_format("csv"), Input{"long.csv", long_sheet.text}, ReadOptions{}, read_diagnostics);
    EXPECT_FALSE(read_diagnostics.has_errors());
    EXPECT_TRUE(reread == term_base);
}

}  // namespace
}  // namespace ilo
