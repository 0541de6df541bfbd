// Tests for the whole-term-base steps: merging duplicate entries and resolving relations to concept ids.
#include <gtest/gtest.h>

#include "ilo_tbx/resolve.hpp"

namespace ilo {
namespace {

Term make_term(std::string text, std::string status) {
    Term term;
    term.text = std::move(text);
    term.administrative_status = std::move(status);
    return term;
}

Concept make_concept(std::string id, std::vector<std::string> english, std::vector<Relation> relations = {}) {
    Concept concept_value;
    concept_value.id = std::move(id);
    LanguageSection section;
    section.language = "en";
    for (std::size_t i = 0; i < english.size(); ++i)
        section.terms.push_back(make_term(english[i], i == 0 ? "preferredTerm-admn-sts" : "admittedTerm-admn-sts"));
    concept_value.languages.push_back(section);
    concept_value.relations = std::move(relations);
    return concept_value;
}

TEST(ResolveRelations, LabelsNamingAConceptInTheTermBaseGetItsId) {
    TermBase term_base;
    term_base.source_language = "en";
    term_base.concepts = {
        make_concept("asylum-seeker", {"Asylum seeker"},
                     {{RelationKind::broader, "applicant for international protection", ""},
                      {RelationKind::related, "Refugee", ""},
                      {RelationKind::related, "Immigration Liaison Officer (ILO)", ""},
                      {RelationKind::related, "Dublin procedure", ""},
                      {RelationKind::related, "asylum seeker", ""}}),
        make_concept("applicant-for-international-protection", {"applicant for international protection"}),
        make_concept("refugee", {"refugee"}),
        make_concept("immigration-liaison-officer-ilo", {"Immigration Liaison Officer", "ILO"}),
    };
    EXPECT_EQ(resolve_relations(term_base), 3u);
    const std::vector<Relation>& relations = term_base.concepts[0].relations;
    EXPECT_EQ(relations[0].target, "applicant-for-international-protection");  // by term, ignoring case
    EXPECT_EQ(relations[1].target, "refugee");
    EXPECT_EQ(relations[2].target, "immigration-liaison-officer-ilo");  // by slug of the label
    EXPECT_EQ(relations[3].target, "");                                 // not in the term base: stays a label
    EXPECT_EQ(relations[4].target, "");                                 // never to itself
    EXPECT_EQ(relations[0].label, "applicant for international protection");
}

TEST(ResolveRelations, KeepsTargetsAlreadyGiven) {
    TermBase term_base;
    term_base.concepts = {make_concept("a", {"alpha"}, {{RelationKind::related, "beta", "https://example.org/b"}}),
                          make_concept("b", {"beta"})};
    EXPECT_EQ(resolve_relations(term_base), 0u);
    EXPECT_EQ(term_base.concepts[0].relations[0].target, "https://example.org/b");
}

TEST(MergeDuplicateConcepts, SameIdMergesIntoTheFirstAndIsReported) {
    TermBase term_base;
    Concept first = make_concept("return", {"Return"}, {{RelationKind::related, "forced return", ""}});
    first.pos = {"a.txt", 5, 1};
    first.notes = {"Note one."};
    LanguageSection german;
    german.language = "de";
    german.terms = {make_term("R\u00fcckkehr", "preferredTerm-admn-sts")};
    first.languages.push_back(german);

    Concept second = make_concept("return", {"return", "return migration"}, {{RelationKind::related, "forced return", ""}});
    second.pos = {"b.txt", 3, 1};
    second.notes = {"Note one.", "Note two."};
    LanguageSection german_again = german;
    german_again.terms = {make_term("Heimkehr", "preferredTerm-admn-sts")};
    LanguageSection french;
    french.language = "fr";
    french.terms = {make_term("retour", "preferredTerm-admn-sts")};
    second.languages.push_back(german_again);
    second.languages.push_back(french);

    term_base.concepts = {first, make_concept("asylum", {"Asylum"}), second};
    std::vector<ConceptMerge> merges = merge_duplicate_concepts(term_base);
    ASSERT_EQ(merges.size(), 1u);
    EXPECT_EQ(merges[0].id, "return");
    EXPECT_EQ(merges[0].kept.file, "a.txt");
    EXPECT_EQ(merges[0].merged.file, "b.txt");
    EXPECT_EQ(merges[0].merged.line, 3u);
    EXPECT_EQ(merges[0].added_terms, 3u);  // "return migration", "Heimkehr", "retour"

    ASSERT_EQ(term_base.concepts.size(), 2u);
    EXPECT_EQ(term_base.concepts[0].id, "return");
    EXPECT_EQ(term_base.concepts[1].id, "asylum");
    const Concept& merged = term_base.concepts[0];
    ASSERT_EQ(merged.languages.size(), 3u);
    EXPECT_EQ(merged.languages[0].terms.size(), 2u);  // "return" is "Return" ignoring case
    EXPECT_EQ(merged.languages[0].terms[1].text, "return migration");
    EXPECT_EQ(merged.languages[1].terms[1].text, "Heimkehr");
    EXPECT_EQ(merged.languages[1].terms[1].administrative_status, "admittedTerm-admn-sts");
    EXPECT_EQ(merged.languages[2].language, "fr");
    EXPECT_EQ(merged.notes, (std::vector<std::string>{"Note one.", "Note two."}));
    EXPECT_EQ(merged.relations.size(), 1u);
}

TEST(MergeDuplicateConcepts, DistinctIdsAreLeftAlone) {
    TermBase term_base;
    term_base.concepts = {make_concept("a", {"alpha"}), make_concept("b", {"beta"})};
    TermBase before = term_base;
    EXPECT_TRUE(merge_duplicate_concepts(term_base).empty());
    EXPECT_EQ(term_base, before);
}

}  // namespace
}  // namespace ilo
