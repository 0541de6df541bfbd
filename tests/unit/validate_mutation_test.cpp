// Mutated copies of the valid shared samples, made at run time, each breaking one rule that both validators must name.
#include <gtest/gtest.h>

#include <string>

#include "ilo_tbx/native_validator.hpp"
#include "validate_test_support.hpp"

namespace ilo {
namespace {

using test::joined;

constexpr const char* basic_dca = "tbx/ltac-tbx-basic/DCA/Example_Astronomy_DCA_VALID.tbx";
constexpr const char* basic_dct = "tbx/ltac-tbx-basic/DCT/Example_Astronomy_DCT_VALID.tbx";
constexpr const char* min_dca = "tbx/ltac-tbx-min/DCA/Example_Astronomy_DCA_VALID.tbx";
constexpr const char* core_dca = "tbx/ltac-tbx-core/Schemas/Example_Astronomy_DCA_VALID.tbx";
constexpr const char* basic_2008 = "tbx/tbx-basic-package-v2/TBX-basic-sample.tbx";

std::string replaced_first(std::string text, const std::string& from, const std::string& to) {
    std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << "the sample no longer holds: " << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// Moves the first <term>...</term> after the termNote that follows it.
std::string term_after_its_notes(std::string text) {
    std::size_t start = text.find("<term>");
    std::size_t end = text.find("</term>", start);
    std::size_t note_end = text.find("</termNote>", end);
    EXPECT_TRUE(start != std::string::npos && end != std::string::npos && note_end != std::string::npos);
    std::string term = text.substr(start, end + 7 - start);
    text.insert(note_end + 11, term);
    text.erase(start, term.size());
    return text;
}

struct Mutation {
    const char* name;
    const char* sample;
    std::string (*mutate)(std::string);
    const char* rule;
};

const Mutation mutations[] = {
    {"bad_picklist_value", basic_dca,
     [](std::string t) { return replaced_first(t, ">noun</termNote>", ">Noun</termNote>"); },
     "basic.termNote.picklist"},
    {"category_at_wrong_level", basic_dca,
     [](std::string t) {
         return replaced_first(t, "<descrip type=\"subjectField\">General</descrip>",
                               "<descrip type=\"context\">General</descrip>");
     },
     "basic.descrip.level"},
    {"category_not_in_dialect", min_dca,
     [](std::string t) { return replaced_first(t, "<descrip type=\"subjectField\">", "<descrip type=\"definition\">"); },
     "min.descrip.type"},
    {"dangling_target", basic_dca,
     [](std::string t) { return replaced_first(t, "target=\"pe324as3-9615-4d41-a9c8-30c36bffe0e6\"", "target=\"nobody\""); },
     "integrity.target.dangling"},
    {"xref_target_not_a_uri", basic_dca,
     [](std::string t) { return replaced_first(t, "target=\"https://en.wikipedia.org/", "target=\"https://en.wikipedia.org/%zz"); },
     "integrity.xref.url"},
    {"bad_language_tag", basic_dca,
     [](std::string t) { return replaced_first(t, "<langSec xml:lang=\"en\">", "<langSec xml:lang=\"en_GB\">"); },
     "integrity.lang.invalid"},
    {"missing_language", basic_dca,
     [](std::string t) { return replaced_first(t, "<langSec xml:lang=\"en\">", "<langSec>"); },
     "integrity.lang.missing"},
    {"duplicate_id", basic_dca,
     [](std::string t) { return replaced_first(t, "<conceptEntry id=\"c2\">", "<conceptEntry id=\"c1\">"); },
     "integrity.id.duplicate"},
    {"element_out_of_order", basic_dca, term_after_its_notes, "structure.content"},
    {"unknown_element", basic_dca,
     [](std::string t) { return replaced_first(t, "<note>", "<comment/><note>"); },
     "structure.content"},
    {"dct_bad_picklist_value", basic_dct,
     [](std::string t) { return replaced_first(t, "<min:partOfSpeech>noun<", "<min:partOfSpeech>Noun<"); },
     "basic.termNote.picklist"},
    {"dct_category_at_wrong_level", basic_dct,
     [](std::string t) {
         return replaced_first(t, "<min:subjectField>General</min:subjectField>", "<basic:context>General</basic:context>");
     },
     "basic.descrip.level"},
    {"dct_transaction_type_picklist", basic_dct,
     [](std::string t) { return replaced_first(t, "<basic:transactionType>origination<", "<basic:transactionType>creation<"); },
     "basic.transac.picklist"},
    {"dca_element_in_dct_file", basic_dct,
     [](std::string t) {
         return replaced_first(t, "<min:subjectField>General</min:subjectField>",
                               "<descrip type=\"subjectField\">General</descrip>");
     },
     "basic.dct.dca-element"},
    {"dct_element_in_dca_file", basic_dca,
     [](std::string t) {
         return replaced_first(t, "<descrip type=\"subjectField\">General</descrip>",
                               "<min:subjectField xmlns:min=\"http://www.tbxinfo.net/ns/min\">General</min:subjectField>");
     },
     "basic.dca.foreign"},
    {"foreign_element_in_core", core_dca,
     [](std::string t) {
         return replaced_first(t, "<conceptEntry id=\"c1\">",
                               "<conceptEntry id=\"c1\"><x:extra xmlns:x=\"urn:example\">x</x:extra>");
     },
     "core.foreign"},
    {"v2008_bad_picklist_value", basic_2008,
     [](std::string t) { return replaced_first(t, "\"partOfSpeech\">noun<", "\"partOfSpeech\">Noun<"); },
     "basic.termNote.picklist"},
    {"v2008_element_out_of_order", basic_2008, term_after_its_notes, "structure.content"},
    {"v2008_category_at_wrong_level", basic_2008,
     [](std::string t) { return replaced_first(t, "<descrip type=\"subjectField\">", "<descrip type=\"context\">"); },
     "basic.descrip.level"},
};

void PrintTo(const Mutation& mutation, std::ostream* out) { *out << mutation.name; }

class ValidateMutation : public ::testing::TestWithParam<Mutation> {};

TEST_P(ValidateMutation, NativeNamesExactlyTheBrokenRule) {
    const Mutation& mutation = GetParam();
    std::string original = test::read_text(test::reference_path(mutation.sample));
    ASSERT_FALSE(original.empty());
    test::ScratchFile file(std::string(mutation.name) + ".tbx", mutation.mutate(original));
    test::Outcome outcome = test::run_validator(file.path(), validate::StructureMode::native);
    EXPECT_EQ(outcome.verdict, "invalid");
    EXPECT_EQ(joined(outcome.errors), mutation.rule);
}

TEST_P(ValidateMutation, RelaxNgModeCatchesItByTheSameRule) {
    const Mutation& mutation = GetParam();
    std::string original = test::read_text(test::reference_path(mutation.sample));
    test::ScratchFile file(std::string(mutation.name) + "-rng.tbx", mutation.mutate(original));
    test::Outcome outcome = test::run_validator(file.path(), validate::StructureMode::rng);
    EXPECT_EQ(outcome.verdict, "invalid");
    EXPECT_TRUE(outcome.errors.count(mutation.rule)) << "errors: " << joined(outcome.errors);
    // RELAX NG may add its own name for the same fault (a bad xml:lang is also a bad
    // xs:language), but never a rule of another kind.
    for (const std::string& rule : outcome.errors)
        EXPECT_TRUE(rule == mutation.rule || rule.starts_with("structure.")) << rule;
}

INSTANTIATE_TEST_SUITE_P(Samples, ValidateMutation, ::testing::ValuesIn(mutations),
                         [](const ::testing::TestParamInfo<Mutation>& param_info) { return std::string(param_info.param.name); });

TEST(ValidateMutation, OriginalsAreValidSoEachMutationBreaksOnlyItsRule) {
    for (const char* sample : {basic_dca, basic_dct, min_dca, core_dca, basic_2008}) {
        SCOPED_TRACE(sample);
        EXPECT_EQ(test::run_validator(test::reference_path(sample), validate::StructureMode::native).verdict, "valid");
        EXPECT_EQ(test::run_validator(test::reference_path(sample), validate::StructureMode::rng).verdict, "valid");
    }
}

// Decision "transaction-type" (schemas/README.md): the DCA Schematron never
// enforces the transactionType picklist, so DCA gets a warning, DCT an error.
TEST(ValidateDecision, TransactionTypeOutsideThePicklistIsAWarningInDca) {
    std::string text = replaced_first(test::read_text(test::reference_path(basic_dca)),
                                      ">origination</transac>", ">creation</transac>");
    test::ScratchFile file("transaction-type-dca.tbx", text);
    test::Outcome outcome = test::run_validator(file.path(), validate::StructureMode::native);
    EXPECT_EQ(outcome.verdict, "valid");
    EXPECT_EQ(joined(outcome.warnings), "basic.transac.picklist");
}

// Decision "usage-status": the published TBX-Basic 1.2.1 rules win over LTAC's 2025 test files.
TEST(ValidateDecision, UsageStatusIsNotATbxBasicCategory) {
    test::Outcome outcome =
        test::run_validator(test::reference_path("tbx/ltac-tbx-test-files/basic_good.tbx"), validate::StructureMode::native);
    const Diagnostic* first = nullptr;
    for (const Diagnostic& diagnostic : outcome.diagnostics.items())
        if (!first && diagnostic.severity == Severity::error) first = &diagnostic;
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->code, "basic.termNote.type");
    EXPECT_EQ(first->message, "termNote type \"usageStatus\" is not a TBX-Basic data category");
    EXPECT_EQ(first->hint, "use one of administrativeStatus, partOfSpeech, geographicalUsage, grammaticalGender, "
                           "termLocation, termType");
}

TEST(ValidateDiagnostics, PicklistErrorCarriesPositionConceptLanguageAndHint) {
    std::string text = replaced_first(test::read_text(test::reference_path(basic_dca)), ">noun</termNote>",
                                      ">Noun</termNote>");
    std::size_t offset = text.find("<termNote type=\"partOfSpeech\">Noun");
    SourcePos expected = LineIndex(text).position(offset);
    Diagnostics diagnostics;
    validate::NativeResult result = validate::validate_native(text, "ilo.tbx", {}, diagnostics);
    EXPECT_EQ(result.verdict, validate::Verdict::invalid);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    const Diagnostic& diagnostic = diagnostics.items().front();
    EXPECT_EQ(diagnostic.pos.file, "ilo.tbx");
    EXPECT_EQ(diagnostic.pos.line, expected.line);
    EXPECT_EQ(diagnostic.pos.column, expected.column);
    EXPECT_EQ(diagnostic.code, "basic.termNote.picklist");
    EXPECT_EQ(diagnostic.concept_id, "c1");
    EXPECT_EQ(diagnostic.language, "en");
    EXPECT_EQ(diagnostic.message, "partOfSpeech \"Noun\" is not allowed");
    EXPECT_EQ(diagnostic.hint, "use one of noun, verb, adjective, adverb, other");
}

TEST(ValidateDiagnostics, NotWellFormedReportsTheFirstErrorOnly) {
    Diagnostics diagnostics;
    validate::NativeResult result =
        validate::validate_native("<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" xml:lang=\"en\" type=\"TBX-Core\" "
                                  "style=\"dca\">\n<tbxHeader></tbx>\n<text/>",
                                  "broken.tbx", {}, diagnostics);
    EXPECT_EQ(result.verdict, validate::Verdict::not_well_formed);
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].code, "xml.not-well-formed");
    EXPECT_EQ(diagnostics.items()[0].pos.line, 2u);
}

TEST(ValidateDiagnostics, MaxErrorsStopsTheCheckButKeepsTheVerdict) {
    validate::NativeOptions options;
    options.max_errors = 3;
    Diagnostics diagnostics;
    validate::NativeResult result = validate::validate_native_file(
        test::reference_path("tbx/ltac-tbx-test-files/basic_good.tbx"), "basic_good.tbx", options, diagnostics);
    EXPECT_EQ(result.verdict, validate::Verdict::invalid);
    EXPECT_TRUE(result.stopped_early);
    EXPECT_EQ(diagnostics.error_count(), 3u);
}

TEST(ValidateIntegrity, LanguageTagsAndUrls) {
    EXPECT_TRUE(validate::is_bcp47_tag("en"));
    EXPECT_TRUE(validate::is_bcp47_tag("pt-BR"));
    EXPECT_TRUE(validate::is_bcp47_tag("sr-Latn-RS"));
    EXPECT_TRUE(validate::is_bcp47_tag("EN"));
    EXPECT_FALSE(validate::is_bcp47_tag("en_GB"));
    EXPECT_FALSE(validate::is_bcp47_tag(""));
    EXPECT_FALSE(validate::is_bcp47_tag("english language"));
    // xref/@target is xsd:anyURI in the core structure: relative references are URI references too.
    EXPECT_TRUE(validate::is_any_uri("https://example.org/x"));
    EXPECT_TRUE(validate::is_any_uri("urn:isbn:123"));
    EXPECT_TRUE(validate::is_any_uri("C://Path/to/wikipedia"));
    EXPECT_TRUE(validate::is_any_uri("wikipedia.org"));
    EXPECT_TRUE(validate::is_any_uri("xx"));
    EXPECT_TRUE(validate::is_any_uri(""));
    EXPECT_TRUE(validate::is_any_uri("http://a b"));       // XLink escapes the space
    EXPECT_TRUE(validate::is_any_uri("https://x.org/a%20b#top"));
    EXPECT_TRUE(validate::is_any_uri("../img/logo.svg"));
    EXPECT_FALSE(validate::is_any_uri("https://x.org/%zz"));  // not a %-escape
    EXPECT_FALSE(validate::is_any_uri("https://x.org/a#b#c"));  // a second '#'
    EXPECT_FALSE(validate::is_any_uri("1x:y"));  // a scheme starts with a letter
    EXPECT_FALSE(validate::is_any_uri(":y"));
}

// libxml2 hands SAX each '&' of an attribute value as "&#38;"; the checks must see the '&' it stands for.
TEST(ValidateIntegrity, AnAmpersandInAnXrefTargetIsOneCharacter) {
    const std::string original = test::read_text(test::reference_path(basic_dca));
    const std::string galaxy_target =
        "target=\"https://en.wikipedia.org/wiki/Galaxy_cluster#/media/File:Galaxy_cluster_IDCS_J1426.jpg\"";
    for (const char* written : {"&amp;", "&#38;", "&#x26;"}) {
        SCOPED_TRACE(written);
        const std::string valid = replaced_first(original, galaxy_target,
                                                 std::string("target=\"https://x.org/?a=1") + written + "b=2#top\"");
        Diagnostics diagnostics;
        EXPECT_EQ(validate::validate_native(valid, "amp.tbx", {}, diagnostics).verdict, validate::Verdict::valid);
        EXPECT_EQ(diagnostics.error_count(), 0u);

        const std::string invalid = replaced_first(original, galaxy_target,
                                                   std::string("target=\"https://x.org/?a") + written + "b#c#d\"");
        Diagnostics refused;
        EXPECT_EQ(validate::validate_native(invalid, "amp.tbx", {}, refused).verdict, validate::Verdict::invalid);
        ASSERT_EQ(refused.items().size(), 1u);
        EXPECT_EQ(refused.items()[0].code, "integrity.xref.url");
        EXPECT_TRUE(refused.items()[0].message.starts_with("xref target \"https://x.org/?a&b#c#d\" is not a URI"))
            << refused.items()[0].message;
    }
}

}  // namespace
}  // namespace ilo
