// Hand-built models the writer tests share: a small term base and a rich one that uses every field of the model.
#pragma once

#include <string>

#include "ilo_tbx/model.hpp"

namespace ilo::test {

inline Term term(std::string text, std::string type = {}, std::string status = {}) {
    Term value;
    value.text = std::move(text);
    value.term_type = std::move(type);
    value.administrative_status = std::move(status);
    return value;
}

inline TermBase small_term_base() {
    TermBase term_base;
    term_base.title = "EMN Asylum and Migration Glossary";
    term_base.source_description = "A page & its <source>";
    term_base.source_language = "en";
    Concept concept_value;
    concept_value.id = "c1";
    concept_value.origin_url = "https://example.org/glossary/ilo_en";
    concept_value.notes = {"First note."};
    LanguageSection english;
    english.language = "en";
    english.definitions.push_back({"A representative, posted abroad.", "Art. 1(1)", ""});
    english.terms = {term("Immigration Liaison Officer", "fullForm", "preferredTerm-admn-sts"),
                     term("ILO", "abbreviation")};
    LanguageSection maltese;
    maltese.language = "mt";
    maltese.terms = {term("Uffiċjal għall‑Immigrazzjoni")};
    concept_value.languages = {english, maltese};
    term_base.concepts.push_back(concept_value);
    return term_base;
}

// A model that uses every field the model names, with values TBX-Basic accepts.
inline TermBase rich_term_base() {
    TermBase term_base = small_term_base();
    Concept& first = term_base.concepts[0];
    first.subject_field = "migration";
    first.definitions.push_back({"A language-neutral definition.", "", ""});
    first.transactions.push_back({"origination", "2024-05-01", "EMN"});
    first.relations = {{RelationKind::related, "liaison officer", "c2"},
                       {RelationKind::broader, "officer", "https://example.org/officer"},
                       {RelationKind::narrower, "airline liaison officer", ""}};
    first.extra.push_back({"admin", "projectSubset", Level::concept_level, "EMN", ""});
    first.extra.push_back({"xref", "xGraphic", Level::concept_level, "photo", "https://example.org/photo.jpg"});
    LanguageSection& english = first.languages[0];
    english.definitions.push_back({"Second sense.", "Directive 2008/115/EC", "Global context"});
    english.notes = {"Language note."};
    english.transactions.push_back({"modification", "2024-05-02T10:00:00Z", "editor"});
    english.extra.push_back({"admin", "source", Level::language_level, "IATE", ""});
    Term& full_form = english.terms[0];
    full_form.part_of_speech = "noun";
    full_form.grammatical_gender = "other";
    full_form.geographical_usage = "EU";
    full_form.context = "The ILO collected the information.";
    full_form.source = "Regulation (EC) No 377/2004";
    full_form.notes = {"Term note."};
    full_form.transactions.push_back({"origination", "2024-05-01", "EMN"});
    full_form.extra.push_back({"termNote", "termLocation", Level::term_level, "menuItem", ""});
    full_form.extra.push_back({"admin", "customerSubset", Level::term_level, "ILO network", ""});
    full_form.extra.push_back({"ref", "crossReference", Level::term_level, "see c2", "c2"});

    full_form.id = "t1";
    full_form.context_source = "EMN Glossary 2024";
    full_form.transactions[0].responsibility_target = "person1";
    english.definitions[0].context = "Definition note.";
    first.definitions[0].extra.push_back({.element = "ref", .type = "crossReference", .value = "c2", .target = "c2"});
    first.relations[0].type = "crossReference";
    first.extra.push_back({.element = "descripGrp",
                           .children = {{.element = "descrip", .type = "subjectField", .value = "Grouped."},
                                        {.element = "admin", .type = "source", .value = "IATE"},
                                        {.element = "descripNote", .type = "contextType", .value = "legal"}}});
    first.extra.push_back({.element = "note", .value = "French note.", .attributes = {{"xml:lang", "fr"}}});
    full_form.extra.push_back({.element = "termNoteGrp",
                               .children = {{.element = "termNote", .type = "termType", .value = "phrase"},
                                            {.element = "note", .value = "grouped"}}});
    full_form.extra.push_back({.element = "admin", .type = "source", .value = "with id",
                               .attributes = {{"id", "a1"}, {"datatype", "plainText"}}});
    term_base.paragraphs = {{"publicationStmt", "", "Published by EMN.", 0},
                            {"titleNote", "", "Version 2024.", 0},
                            {"sourceDesc", "", "Second source paragraph.", 0},
                            {"encodingDesc", "XCSURI", "TBXBasicXCSV02.xcs", 0},
                            {"revisionDesc", "", "Created.", 0},
                            {"revisionDesc", "", "Checked.", 0},
                            {"revisionDesc", "", "Updated.", 1}};
    term_base.back_matter = {{"respPerson", {{"person1", {{"fn", "Ana Editor"}, {"email", "ana@example.org"}}}}}};

    Concept second;
    second.id = "c2";
    LanguageSection german;
    german.language = "de";
    german.terms = {term("Verbindungsbeamter")};
    second.languages = {german};
    term_base.concepts.push_back(second);
    return term_base;
}

}  // namespace ilo::test
