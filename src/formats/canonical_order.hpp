// The form readers give a model in where TBX fixes what a model could say two ways: term-note order, header
// paragraph order and groups.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ilo_tbx/model.hpp"

namespace ilo {

// TBX (v3 termSec, 2008 termGrp and tig) puts a term's termNote and termNoteGrp elements right after the
// term and everything else after them, so a TBX writer puts such extra fields first whatever their order in
// the model, and the order between the two kinds carries nothing. Every reader keeps them first (a stable
// partition: each kind keeps its own order), so that what it reads is what a TBX writer and reader give back.
inline void put_term_notes_first(Concept& concept_value) {
    auto is_term_note = [](const ExtraField& extra) {
        return extra.element == "termNote" || extra.element == "termNoteGrp";
    };
    // Checked first: TBX input is already in this order, and stable_partition would allocate a buffer per term.
    for (LanguageSection& language : concept_value.languages)
        for (Term& term : language.terms)
            if (!std::is_partitioned(term.extra.begin(), term.extra.end(), is_term_note))
                std::stable_partition(term.extra.begin(), term.extra.end(), is_term_note);
}

// Header paragraphs sit in their sections, whose order TBX fixes (v3 puts publicationStmt before titleStmt, TBX
// 2008 after it): the order between sections carries nothing, and every reader gives one order, so that models
// compare equal across versions and what a JSON or CSV model says comes back from TBX as it was read (found by
// the JSON fuzz target). Paragraphs of one section keep their order; unknown sections come last.
inline void put_paragraphs_in_section_order(std::vector<HeaderParagraph>& paragraphs) {
    auto rank = [](const HeaderParagraph& paragraph) {
        static constexpr std::string_view order[] = {"titleNote", "publicationStmt", "sourceDesc", "encodingDesc",
                                                     "revisionDesc"};
        return static_cast<std::size_t>(std::find(std::begin(order), std::end(order), paragraph.section) -
                                        std::begin(order));
    };
    std::stable_sort(paragraphs.begin(), paragraphs.end(),
                     [&](const HeaderParagraph& a, const HeaderParagraph& b) { return rank(a) < rank(b); });
}

// A paragraph's group only says which paragraphs of its section share one element (one sourceDesc, one revision
// change): consecutive paragraphs of a section with the same group do. The TBX readers number a section's
// elements 0, 1, 2...; readers of formats that take any number (CSV, JSON) renumber each section's runs the same
// way, so that the groups a TBX writer and reader give back are the ones read. One exception: the TBX readers
// take the first untyped paragraph of the first sourceDesc for the source description, so when that sourceDesc
// holds nothing else the paragraphs start in group 1; a first sourceDesc run read in a group other than 0 keeps
// that meaning as 1.
inline void number_paragraph_groups(TermBaseHeader& header) {
    // Per section: the group of its previous paragraph as read, and the number given to that run.
    std::vector<std::pair<std::string, std::pair<std::uint32_t, std::uint32_t>>> runs;
    for (HeaderParagraph& paragraph : header.paragraphs) {
        auto run = std::find_if(runs.begin(), runs.end(), [&](const auto& known) { return known.first == paragraph.section; });
        if (run == runs.end()) {
            const std::uint32_t first = paragraph.section == "sourceDesc" && paragraph.group != 0 ? 1 : 0;
            runs.push_back({paragraph.section, {paragraph.group, first}});
            paragraph.group = first;
            continue;
        }
        auto& [read_group, number] = run->second;
        if (paragraph.group != read_group) {
            read_group = paragraph.group;
            ++number;
        }
        paragraph.group = number;
    }
}

}  // namespace ilo
