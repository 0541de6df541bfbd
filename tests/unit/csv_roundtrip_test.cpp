// Round trips through the long CSV layout: model -> long CSV/TSV -> model gives an equal model, for every field.
#include <gtest/gtest.h>

#include <sstream>

#include "ilo_tbx/format.hpp"
#include "model_dump.hpp"

namespace ilo {
namespace {

ExtraField extra(std::string element, std::string type, Level level, std::string value) {
    ExtraField field;
    field.element = std::move(element);
    field.type = std::move(type);
    field.level = level;
    field.value = std::move(value);
    return field;
}

// Every field of the model, with text that stresses the CSV syntax: delimiters,
// quotes, line breaks, the list separator, backslashes, spreadsheet formula
// starts, leading apostrophes, '#', non-ASCII text and surrounding spaces.
TermBase rich_term_base() {
    TermBase term_base;
    term_base.title = "EMN glossary, \"extract\"\nsecond line";
    term_base.source_description = "Built by ilo-tbx; source: EMN";
    term_base.source_language = "en";
    term_base.paragraphs = {{"publicationStmt", "", "Published by the EU", 0},
                            {"encodingDesc", "XCSURI", "TBXXCSV02.xcs", 0},
                            {"revisionDesc", "", "change \"one\"\nwith a line break", 0}};
    term_base.back_matter = {{"respPerson", {{"p1", {{"fn", "Jane Doe"}, {"email", "jane@example.org"}}}}}};

    Concept first;
    first.id = "c-ilo";
    first.subject_field = "migration, borders; \"law\"";
    first.origin_url = "https://example.org/a,b?c=\"d\"";
    first.definitions = {{"concept-level definition | with a bar", "", "", {}},
                         {"=SUM(A1:A2) looks like a formula", "Art. 1\\2", "EU context", {}}};
    first.definitions[1].extra = {extra("note", "", Level::concept_level, "a note in the definition group")};
    first.notes = {"first note, with comma", " leading space note", "-starts with minus", "'=apostrophe then equals",
                   "multi\nline\nnote", "trailing backslash \\"};
    first.relations = {{RelationKind::related, "Liaison officer", "c-other", "crossReference"},
                       {RelationKind::broader, "Officer | staff", "", ""},
                       {RelationKind::narrower, "Narrow one", "https://example.org/n", "externalCrossReference"}};
    first.transactions = {{"origination", "2024-01-02", "Jane", "p1", {}},
                          {"modification", "2024-02-03T10:00:00Z", "tool, \"ilo-tbx\"", "", {}}};
    first.transactions[1].extra = {extra("note", "", Level::concept_level, "changed the definition")};
    ExtraField group = extra("descripGrp", "", Level::concept_level, "");
    ExtraField inner = extra("descrip", "example", Level::concept_level, "an example, \"quoted\"");
    inner.attributes = {{"id", "x1"}, {"xml:lang", "en"}};
    group.children = {inner, extra("admin", "source", Level::concept_level, "a source")};
    ExtraField module_element = extra("customThing", "", Level::concept_level, "v");
    module_element.namespace_uri = "urn:example:module";
    module_element.target = "c-other";
    first.extra = {group, module_element};

    LanguageSection english;
    english.language = "en";
    english.definitions = {{"A representative posted abroad, \"who\" liaises", "Art. 1(1) of Regulation 377/2004", "", {}}};
    english.notes = {"language-level note", "@mention-like note"};
    english.transactions = {{"origination", "2023-12-01", "", "", {}}};
    english.extra = {extra("descrip", "customLanguageField", Level::language_level, "+plus start")};
    Term full;
    full.text = "Immigration Liaison Officer";
    full.id = "t1";
    full.term_type = "fullForm";
    full.administrative_status = "preferredTerm-admn-sts";
    full.part_of_speech = "noun";
    full.grammatical_gender = "other";
    full.geographical_usage = "en-GB";
    full.context = "The ILO, \"posted abroad\", reported.\nSecond line.";
    full.context_source = "Report 2020";
    full.notes = {"term note 1", "term note | with bar"};
    full.source = "Council Regulation";
    full.transactions = {{"modification", "2024-03-04", "Jane", "", {}}};
    full.extra = {extra("termNote", "hyphenation", Level::term_level, "Im-mi-gra-tion")};
    Term abbreviation;
    abbreviation.text = "ILO";
    abbreviation.term_type = "abbreviation";
    Term hash;
    hash.text = "#hashtag term";
    hash.administrative_status = "admittedTerm-admn-sts";
    Term formula;
    formula.text = "-ism, a term with a leading minus";
    formula.administrative_status = "deprecatedTerm-admn-sts";
    english.terms = {full, abbreviation, hash, formula};

    LanguageSection maltese;
    maltese.language = "mt";
    Term maltese_term;
    maltese_term.text = "Uffiċjal ta\u2019 Kollegament għall\u2011Immigrazzjoni";
    maltese.terms = {maltese_term};

    LanguageSection definition_only;  // a language with a definition and no term yet
    definition_only.language = "pt-BR";
    definition_only.definitions = {{"definição sem termo", "", "", {}}};

    first.languages = {english, maltese, definition_only};

    Concept second;  // a concept with no language at all
    second.id = "c-other";
    second.notes = {"only a note"};

    Concept third;
    third.id = "c3";
    LanguageSection german;
    german.language = "de";
    Term german_term;
    german_term.text = "Verbindungsbeamter für Einwanderungsfragen";
    german_term.grammatical_gender = "masculine";
    german.terms = {german_term};
    LanguageSection empty_section;  // a language section with nothing in it
    empty_section.language = "fr";
    third.languages = {german, empty_section};

    term_base.concepts = {first, second, third};
    return term_base;
}

struct RoundTripCase {
    const char* name;
    const char* format;
    char delimiter;
    bool formula_escape;
    const char* separator;
};

class CsvLongRoundTrip : public ::testing::TestWithParam<RoundTripCase> {};

TEST_P(CsvLongRoundTrip, RichModelSurvivesUnchanged) {
    const RoundTripCase& parameters = GetParam();
    const Format& format = *find_format(parameters.format);
    TermBase original = rich_term_base();

    WriteOptions write_options;
    write_options.csv.layout = CsvLayout::long_form;
    write_options.csv.delimiter = parameters.delimiter;
    write_options.csv.formula_escape = parameters.formula_escape;
    write_options.csv.separator = parameters.separator;
    Diagnostics write_diagnostics;
    std::ostringstream out;
    write_term_base(format, original, out, write_options, write_diagnostics);
    EXPECT_TRUE(write_diagnostics.items().empty()) << format_diagnostic(write_diagnostics.items().front());
    const std::string written = out.str();

    ReadOptions read_options;
    read_options.csv.delimiter = parameters.delimiter;
    read_options.csv.formula_escape = parameters.formula_escape;
    read_options.csv.separator = parameters.separator;
    Diagnostics read_diagnostics;
    TermBase read_back = read_term_base(format, Input{"roundtrip.csv", written}, read_options, read_diagnostics);
    for (const Diagnostic& diagnostic : read_diagnostics.items()) ADD_FAILURE() << format_diagnostic(diagnostic);
    EXPECT_EQ(testing::dump(read_back), testing::dump(original)) << written;
    EXPECT_EQ(read_back, original) << written;
}

INSTANTIATE_TEST_SUITE_P(Variants, CsvLongRoundTrip,
                         ::testing::Values(RoundTripCase{"csv", "csv", '\0', true, " | "},
                                           RoundTripCase{"tsv", "tsv", '\0', true, " | "},
                                           RoundTripCase{"semicolon", "csv", ';', true, " | "},
                                           RoundTripCase{"no_formula_escape", "csv", '\0', false, " | "},
                                           RoundTripCase{"semicolon_separator", "csv", '\0', true, ";"}),
                         [](const ::testing::TestParamInfo<RoundTripCase>& case_info) { return case_info.param.name; });

TEST(CsvLongRoundTrip, EveryConceptIsWrittenOncePerTermAndTheDelimiterIsDetected) {
    TermBase original = rich_term_base();
    WriteOptions write_options;
    write_options.csv.layout = CsvLayout::long_form;
    write_options.csv.delimiter = ';';
    Diagnostics diagnostics;
    std::ostringstream out;
    write_term_base(*find_format("csv"), original, out, write_options, diagnostics);
    // Read back without saying the delimiter: detection must find ';'.
    TermBase read_back = read_term_base(*find_format("csv"), Input{"detect.csv", out.str()}, ReadOptions{}, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    EXPECT_EQ(read_back, original);
}

}  // namespace
}  // namespace ilo
