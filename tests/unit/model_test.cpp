// Tests that model equality compares content and ignores where the content was read from.
#include <gtest/gtest.h>

#include "ilo_tbx/model.hpp"

namespace ilo {
namespace {

Concept sample_concept() {
    Concept concept_value;
    concept_value.id = "c1";
    LanguageSection english;
    english.language = "en";
    english.definitions.push_back({"A representative posted abroad", "Art. 1(1)", ""});
    english.terms.push_back({.text = "Immigration Liaison Officer", .term_type = "fullForm",
                             .administrative_status = "preferredTerm-admn-sts"});
    concept_value.languages.push_back(english);
    return concept_value;
}

TEST(Model, EqualContentIsEqual) {
    EXPECT_EQ(sample_concept(), sample_concept());
    TermBase a, b;
    a.title = b.title = "EMN";
    a.concepts.push_back(sample_concept());
    b.concepts.push_back(sample_concept());
    EXPECT_EQ(a, b);
}

TEST(Model, PositionsAreProvenanceNotContent) {
    Concept a = sample_concept();
    Concept b = sample_concept();
    a.pos = {"a.txt", 5, 1};
    b.languages[0].terms[0].pos = {"b.tbx", 40, 9};
    EXPECT_EQ(a, b);
}

TEST(Model, EveryFieldTakesPartInEquality) {
    Concept base = sample_concept();
    Concept changed = base;
    changed.languages[0].terms[0].administrative_status = "admittedTerm-admn-sts";
    EXPECT_NE(base, changed);
    changed = base;
    changed.languages[0].definitions[0].source = "";
    EXPECT_NE(base, changed);
    changed = base;
    changed.extra.push_back({"descrip", "subjectField", Level::concept_level, "migration", ""});
    EXPECT_NE(base, changed);
    changed = base;
    changed.relations.push_back({RelationKind::broader, "Liaison officer", ""});
    EXPECT_NE(base, changed);
    TermBase a, b;
    b.source_language = "en";
    EXPECT_NE(a, b);
}

TEST(Model, NestedExtraFieldsAndHeaderPartsTakePartInEquality) {
    ExtraField group{.element = "descripGrp", .level = Level::term_level};
    group.children.push_back({.element = "descrip", .type = "context", .level = Level::term_level, .value = "x"});
    ExtraField other = group;
    EXPECT_EQ(group, other);
    other.children[0].value = "y";
    EXPECT_NE(group, other);
    other = group;
    other.attributes.push_back({"id", "d1"});
    EXPECT_NE(group, other);

    TermBase a, b;
    b.paragraphs.push_back({"publicationStmt", "", "Published", 0});
    EXPECT_NE(a, b);
    b = a;
    b.back_matter.push_back({"respPerson", {{"US5001", {{"fn", "Jane Doe"}}}}});
    EXPECT_NE(a, b);
    Transaction t1{.type = "origination"};
    Transaction t2 = t1;
    t2.responsibility_target = "US5001";
    EXPECT_NE(t1, t2);
}

}  // namespace
}  // namespace ilo
