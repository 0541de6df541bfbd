// The merge of a filled-in sheet into its base term base: the ILO workflow end to end, conflicts, matching.
#include <gtest/gtest.h>

#include <sstream>

#include "ilo_tbx/files.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/merge.hpp"
#include "model_dump.hpp"

namespace ilo {
namespace {

TermBase read_text(const std::string& format, const std::string& name, const std::string& text,
                   ReadOptions options = {}) {
    Diagnostics diagnostics;
    TermBase term_base = read_term_base(*find_format(format), Input{name, text}, options, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors()) << name;
    return term_base;
}

TermBase ilo_tbx() {
    Diagnostics diagnostics;
    std::optional<std::string> text = read_file(std::string(ILO_SOURCE_DIR) + "/samples/ilo.tbx", diagnostics);
    EXPECT_TRUE(text);
    return read_text("tbx", "ilo.tbx", text.value_or(""));
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
    std::size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

// Export a sheet with empty da and hr columns, fill them as a translator would, merge it back.
TEST(Merge, IloEntryGetsDanishAndCroatianFromTheSheet) {
    TermBase base = ilo_tbx();
    ASSERT_EQ(base.concepts.size(), 1u);
    WriteOptions sheet_options;
    sheet_options.csv.languages = {"en", "da", "hr"};
    Diagnostics diagnostics;
    std::ostringstream sheet;
    write_term_base(*find_format("csv"), base, sheet, sheet_options, diagnostics);
    std::string filled = sheet.str();
    ASSERT_TRUE(filled.ends_with("state liaison officer,,\r\n")) << filled;
    filled = replace_once(filled, "state liaison officer,,\r\n",
                          "state liaison officer,forbindelsesofficer for indvandring | ILO,časnik za vezu za imigraciju\r\n");

    TermBase incoming = read_text("csv", "filled.csv", filled);
    TermBase merged = base;
    std::vector<MergeEvent> events = merge_term_bases(merged, incoming, MergeOptions{});
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].kind, MergeEvent::Kind::added_language);
    EXPECT_EQ(events[0].message, "language da added (2 terms)");
    EXPECT_EQ(events[1].message, "language hr added (1 term)");
    EXPECT_EQ(events[1].pos.file, "filled.csv");
    EXPECT_EQ(events[1].pos.line, 2u);

    // Everything the base had is still there, unchanged, and the two languages are new.
    const Concept& concept_value = merged.concepts.at(0);
    ASSERT_EQ(concept_value.languages.size(), base.concepts[0].languages.size() + 2);
    Concept without_new = concept_value;
    without_new.languages.resize(base.concepts[0].languages.size());
    EXPECT_EQ(without_new, base.concepts[0]);
    EXPECT_EQ(testing::dump(TermBase{{}, {Concept{.id = "x", .languages = {concept_value.languages.end()[-2],
                                                                             concept_value.languages.end()[-1]}}}}),
              "concept x\n  lang da\n    term forbindelsesofficer for indvandring\n    term ILO\n"
              "  lang hr\n    term časnik za vezu za imigraciju\n");
}

TermBase one_concept(const std::string& id, const std::string& english, const std::string& german,
                     const std::string& german_status) {
    TermBase term_base;
    Concept concept_value;
    concept_value.id = id;
    concept_value.languages.push_back({.language = "en", .terms = {Term{.text = english}}});
    concept_value.languages.push_back(
        {.language = "de", .terms = {Term{.text = german, .administrative_status = german_status}}});
    term_base.concepts.push_back(concept_value);
    return term_base;
}

TEST(Merge, DifferentPreferredTermKeepsTheBaseAndAddsTheSheetsAsAdmitted) {
    TermBase base = one_concept("c1", "car", "Auto", "preferredTerm-admn-sts");
    TermBase incoming = one_concept("c1", "car", "Wagen", "");
    std::vector<MergeEvent> events = merge_term_bases(base, incoming, MergeOptions{});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, MergeEvent::Kind::conflict);
    EXPECT_EQ(events[0].message,
              "preferred term: kept 'Auto'; the sheet's 'Wagen' is added as an admitted term (--prefer incoming "
              "makes it preferred)");
    EXPECT_EQ(testing::dump(base),
              "concept c1\n  lang en\n    term car\n  lang de\n    term Auto [preferredTerm-admn-sts]\n"
              "    term Wagen [admittedTerm-admn-sts]\n");
}

TEST(Merge, PreferIncomingMakesTheSheetsTermPreferredAndKeepsTheOldOneAsAdmitted) {
    TermBase base = one_concept("c1", "car", "Auto", "preferredTerm-admn-sts");
    TermBase incoming = one_concept("c1", "car", "Wagen", "");
    std::vector<MergeEvent> events = merge_term_bases(base, incoming, MergeOptions{.prefer_incoming = true});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].message, "preferred term: took the sheet's 'Wagen'; 'Auto' stays as an admitted term");
    EXPECT_EQ(testing::dump(base),
              "concept c1\n  lang en\n    term car\n  lang de\n    term Wagen [preferredTerm-admn-sts]\n"
              "    term Auto [admittedTerm-admn-sts]\n");
}

TEST(Merge, WithoutTheSameIdTheEnglishHeadTermMatches) {
    TermBase base = one_concept("vehicle-car", "car", "Auto", "preferredTerm-admn-sts");
    TermBase incoming = one_concept("c1", "car", "Auto", "");
    incoming.concepts[0].languages.push_back({.language = "fr", .terms = {Term{.text = "voiture"}}});
    std::vector<MergeEvent> events = merge_term_bases(base, incoming, MergeOptions{});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].concept_id, "vehicle-car");
    EXPECT_EQ(events[0].message, "language fr added (1 term)");
    EXPECT_EQ(base.concepts.size(), 1u);
}

TEST(Merge, SameIdButDifferentHeadTermIsANewConcept) {
    TermBase base = one_concept("c1", "car", "Auto", "");
    TermBase incoming = one_concept("c1", "bicycle", "Fahrrad", "");
    std::vector<MergeEvent> events = merge_term_bases(base, incoming, MergeOptions{});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].kind, MergeEvent::Kind::added_concept);
    EXPECT_EQ(events[0].message, "concept 'c1-2' added ('bicycle')");
    ASSERT_EQ(base.concepts.size(), 2u);
    EXPECT_EQ(base.concepts[1].id, "c1-2");
}

TEST(Merge, SingleValuesAreFilledOrReportedAsConflicts) {
    TermBase base = one_concept("c1", "car", "Auto", "");
    base.concepts[0].subject_field = "transport";
    TermBase incoming = one_concept("c1", "car", "Auto", "");
    incoming.concepts[0].subject_field = "vehicles";
    incoming.concepts[0].languages[1].terms[0].part_of_speech = "noun";
    std::vector<MergeEvent> events = merge_term_bases(base, incoming, MergeOptions{});
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].message, "subject field: kept 'transport'; the sheet has 'vehicles' (--prefer incoming takes it)");
    EXPECT_EQ(events[1].message, "term 'Auto' partOfSpeech 'noun' added");
    EXPECT_EQ(base.concepts[0].subject_field, "transport");
    EXPECT_EQ(base.concepts[0].languages[1].terms[0].part_of_speech, "noun");
}

TEST(Merge, AnAddedConceptIsMatchedByLaterOnesWithItsIdOrHeadTerm) {
    TermBase base = one_concept("c1", "car", "Auto", "");
    TermBase incoming = one_concept("c1", "bicycle", "Fahrrad", "");  // c1's head disagrees: added as c1-2
    incoming.concepts.push_back(one_concept("c9", "bicycle", "Rad", "").concepts[0]);     // its head term: into c1-2
    incoming.concepts.push_back(one_concept("c1-2", "bicycle", "Velo", "").concepts[0]);  // its new id: into c1-2
    std::vector<MergeEvent> events = merge_term_bases(base, incoming, MergeOptions{});
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(events[0].message, "concept 'c1-2' added ('bicycle')");
    EXPECT_EQ(events[1].concept_id, "c1-2");
    EXPECT_EQ(events[1].message,
              "preferred term: kept 'Fahrrad'; the sheet's 'Rad' is added as an admitted term (--prefer incoming "
              "makes it preferred)");
    EXPECT_EQ(events[2].concept_id, "c1-2");
    ASSERT_EQ(base.concepts.size(), 2u);
    EXPECT_EQ(testing::dump(TermBase{.concepts = {base.concepts[1]}}),
              "concept c1-2\n  lang en\n    term bicycle\n  lang de\n    term Fahrrad\n"
              "    term Rad [admittedTerm-admn-sts]\n    term Velo [admittedTerm-admn-sts]\n");
}

TEST(Merge, TheFirstBaseConceptWithTheIdOrHeadTermIsTheOneMatched) {
    TermBase base = one_concept("c1", "car", "Auto", "");
    base.concepts.push_back(one_concept("c2", "Car", "Pkw", "").concepts[0]);
    base.concepts.push_back(one_concept("c1", "car", "Kfz", "").concepts[0]);  // a second c1, never matched by id
    TermBase incoming = one_concept("c7", "car", "Auto", "");
    incoming.concepts[0].languages.push_back({.language = "fr", .terms = {Term{.text = "voiture"}}});
    incoming.concepts.push_back(one_concept("c1", "car", "Auto", "").concepts[0]);
    incoming.concepts[1].languages.push_back({.language = "it", .terms = {Term{.text = "automobile"}}});
    std::vector<MergeEvent> events = merge_term_bases(base, incoming, MergeOptions{});
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].concept_id, "c1");
    EXPECT_EQ(events[0].message, "language fr added (1 term)");
    EXPECT_EQ(events[1].concept_id, "c1");
    EXPECT_EQ(events[1].message, "language it added (1 term)");
    EXPECT_EQ(base.concepts[0].languages.size(), 4u);
    EXPECT_EQ(base.concepts[1].languages.size(), 2u);
    EXPECT_EQ(base.concepts[2].languages.size(), 2u);
}

// The CLI's way: the base read twice through the sinks, each concept written as it passes.
TEST(Merge, TheSinksGiveWhatTheMergeOfAWholeBaseGives) {
    TermBase base = ilo_tbx();
    base.concepts.push_back(one_concept("c1", "car", "Auto", "").concepts[0]);
    TermBase incoming = one_concept("c1", "car", "Wagen", "");
    incoming.concepts.push_back(one_concept("new", "bicycle", "Fahrrad", "").concepts[0]);
    incoming.concepts.push_back(one_concept("x", "Immigration Liaison Officer", "Verbindungsbeamter", "").concepts[0]);

    TermBase whole = base;
    const std::vector<MergeEvent> whole_events = merge_term_bases(whole, incoming, MergeOptions{});

    StreamingMerge merge(incoming, MergeOptions{});
    auto feed = [&](ConceptSink& sink) {
        sink.header(base);
        for (const Concept& concept_value : base.concepts) sink.concept_entry(concept_value);
        sink.finish();
    };
    feed(*merge.planning_sink());
    TermBaseCollector written;
    feed(*merge.merging_sink(written));
    EXPECT_EQ(testing::dump(written.term_base()), testing::dump(whole));
    EXPECT_EQ(written.term_base().concepts, whole.concepts);
    const std::vector<MergeEvent> events = merge.events();
    ASSERT_EQ(events.size(), whole_events.size());
    for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i].message, whole_events[i].message);
    EXPECT_EQ(whole.concepts.size(), base.concepts.size() + 1);  // "new"; "x" matched the ILO by its head term
}

// A base that reads differently the second time (rewritten meanwhile) is noticed, and nothing is merged into a
// concept that is not the one planned on.
TEST(Merge, ABaseThatChangedBetweenThePassesIsNoticed) {
    TermBase base = one_concept("c1", "car", "Auto", "");
    base.concepts.push_back(one_concept("c2", "bicycle", "Fahrrad", "").concepts[0]);
    TermBase incoming = one_concept("c2", "bicycle", "Rad", "");

    StreamingMerge same(incoming, MergeOptions{});
    same.plan(static_cast<const TermBaseHeader&>(base));
    for (const Concept& concept_value : base.concepts) same.plan(concept_value);
    TermBase again = base;
    for (Concept& concept_value : again.concepts) same.merge_into(concept_value);
    EXPECT_FALSE(same.base_changed());
    EXPECT_EQ(again.concepts[1].languages[1].terms.size(), 2u);

    StreamingMerge changed(incoming, MergeOptions{});
    changed.plan(static_cast<const TermBaseHeader&>(base));
    for (const Concept& concept_value : base.concepts) changed.plan(concept_value);
    TermBase rewritten = base;
    std::swap(rewritten.concepts[0], rewritten.concepts[1]);  // c2 is now first: the plan expects it second
    for (Concept& concept_value : rewritten.concepts) changed.merge_into(concept_value);
    EXPECT_TRUE(changed.base_changed());
    EXPECT_EQ(rewritten.concepts[1].languages[1].terms.size(), 1u);  // nothing merged into c1

    StreamingMerge shorter(incoming, MergeOptions{});
    shorter.plan(static_cast<const TermBaseHeader&>(base));
    for (const Concept& concept_value : base.concepts) shorter.plan(concept_value);
    Concept first = base.concepts[0];
    shorter.merge_into(first);
    EXPECT_TRUE(shorter.base_changed());
}

}  // namespace
}  // namespace ilo
