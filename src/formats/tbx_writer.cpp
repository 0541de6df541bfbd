// TBX v3 TBX-Basic DCA writer: header text by hand, each conceptEntry built and printed with pugixml.
#include "formats/tbx_writer.hpp"

#include <pugixml.hpp>

#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "formats/tbx_basic_rules.hpp"

namespace ilo {

namespace {

constexpr const char* indent_unit = "  ";
constexpr unsigned print_flags = pugi::format_indent;

constexpr std::string_view prolog =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng\" "
    "type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n"
    "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
    "TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n";

std::string relation_kind_name(RelationKind kind) {
    switch (kind) {
        case RelationKind::related: return "Related term";
        case RelationKind::broader: return "Broader term";
        case RelationKind::narrower: return "Narrower term";
    }
    return "Related term";
}

std::string relation_prefix(RelationKind kind) { return relation_kind_name(kind) + ": "; }

// A relation's label as written in a ref or xref: related ones plainly, the
// others with their kind in front, since TBX-Basic has only crossReference.
std::string relation_text(const Relation& relation) {
    if (relation.kind == RelationKind::related) return relation.label;
    return relation_prefix(relation.kind) + relation.label;
}

// A relation target is a URL when it has a scheme; otherwise it names a concept.
bool looks_like_url(std::string_view target) { return target.find("://") != std::string_view::npos; }

// Where in the model something is, for messages: "c1", "c1/en", "c1/en 'ILO'".
struct Place {
    SourcePos pos;
    std::string label;
};

struct PendingReference {
    std::string target;
    Place from;
};

// Builds one conceptEntry as a pugixml tree. Knows TBX-Basic's rules; reports
// losses and bad values to the diagnostics it is given.
class EntryBuilder {
public:
    EntryBuilder(Diagnostics& diagnostics, std::vector<PendingReference>& references)
        : diagnostics_(diagnostics), references_(references) {}

    // Returns false if the concept cannot be written at all (no term anywhere).
    bool build(pugi::xml_node parent, const Concept& concept_value) {
        Place concept_place{concept_value.pos, concept_value.id};
        if (!xml_values::is_ncname(concept_value.id)) {
            diagnostics_.error(concept_value.pos, "tbx.bad-id",
                               "concept id '" + concept_value.id +
                                   "' is not a valid XML id (an NCName: a letter or '_' first, then letters, digits, "
                                   "'.', '-' or '_')");
        }
        bool any_terms = false;
        for (const LanguageSection& language : concept_value.languages) any_terms |= !language.terms.empty();
        if (!any_terms) {
            diagnostics_.error(concept_value.pos, "tbx.no-language",
                               "concept '" + concept_value.id +
                                   "' has no term in any language; TBX needs at least one language section with a "
                                   "term, so the concept is left out");
            return false;
        }

        pugi::xml_node entry = parent.append_child("conceptEntry");
        entry.append_attribute("id").set_value(clean(concept_value.id, concept_place).c_str());
        for (const Transaction& transaction : concept_value.transactions)
            add_transaction(entry, transaction, concept_place);
        if (!concept_value.subject_field.empty())
            add_text(entry, "descrip", "subjectField", concept_value.subject_field, concept_place);
        for (const Definition& definition : concept_value.definitions)
            add_definition(entry, definition, {}, concept_place);
        for (const LanguageSection& language : concept_value.languages)
            if (language.terms.empty()) add_termless_language(entry, language, concept_value.id);
        for (const Relation& relation : concept_value.relations) add_relation(entry, relation, concept_place);
        if (!concept_value.origin_url.empty()) add_origin(entry, concept_value.origin_url, concept_place);
        for (const std::string& note : concept_value.notes) add_text(entry, "note", {}, note, concept_place);
        for (const ExtraField& extra : concept_value.extra)
            add_extra(entry, extra, Level::concept_level, concept_place);

        for (const LanguageSection& language : concept_value.languages)
            if (!language.terms.empty()) add_language(entry, language, concept_value.id);
        return true;
    }

private:
    std::string clean(std::string_view text, const Place& place) {
        bool changed = false;
        std::string result = xml_values::sanitized(text, changed);
        if (changed)
            diagnostics_.warning(place.pos, "tbx.invalid-char",
                                 place.label + ": invalid UTF-8 or a character XML 1.0 cannot carry was replaced by "
                                               "U+FFFD");
        return result;
    }

    void loss(const Place& place, const std::string& what) {
        diagnostics_.warning(place.pos, "tbx.loss", place.label + ": " + what);
    }

    pugi::xml_node add_text(pugi::xml_node parent, const char* element, std::string_view type,
                            std::string_view value, const Place& place) {
        pugi::xml_node node = parent.append_child(element);
        if (!type.empty()) node.append_attribute("type").set_value(std::string(type).c_str());
        if (!value.empty()) node.text().set(clean(value, place).c_str());
        return node;
    }

    // What TBX-Basic cannot hold here becomes a note at the same level, so a
    // reader of the file still sees it; the warning says so.
    void add_degraded(pugi::xml_node parent, std::string_view category, std::string_view value,
                      const Place& place, const std::string& reason) {
        loss(place, reason + "; written as a note \"" + std::string(category) + ": ...\"");
        add_text(parent, "note", {}, std::string(category) + ": " + std::string(value), place);
    }

    void add_definition(pugi::xml_node parent, const Definition& definition, std::string_view language,
                        const Place& place) {
        pugi::xml_node holder = parent;
        if (!definition.source.empty() || !definition.context.empty()) holder = parent.append_child("descripGrp");
        pugi::xml_node descrip = add_text(holder, "descrip", "definition", definition.text, place);
        if (!language.empty()) descrip.append_attribute("xml:lang").set_value(std::string(language).c_str());
        if (!definition.source.empty()) add_text(holder, "admin", "source", definition.source, place);
        if (!definition.context.empty()) add_text(holder, "note", {}, definition.context, place);
    }

    void add_transaction(pugi::xml_node parent, const Transaction& transaction, const Place& place) {
        if (!tbx_basic::is_transaction_type(transaction.type)) {
            std::string summary = transaction.type;
            if (!transaction.date.empty()) summary += ", " + transaction.date;
            if (!transaction.responsibility.empty()) summary += ", " + transaction.responsibility;
            add_degraded(parent, "transaction", summary, place,
                         "transaction type \"" + transaction.type +
                             "\" is not in TBX-Basic's picklist (origination, modification)");
            return;
        }
        pugi::xml_node group = parent.append_child("transacGrp");
        add_text(group, "transac", "transactionType", transaction.type, place);
        if (!transaction.date.empty()) {
            if (xml_values::is_xsd_date_or_date_time(transaction.date)) {
                add_text(group, "date", {}, transaction.date, place);
            } else {
                add_degraded(group, "date", transaction.date, place,
                             "transaction date \"" + transaction.date + "\" is not an ISO 8601 date (xsd:date)");
            }
        }
        if (!transaction.responsibility.empty())
            add_text(group, "transacNote", "responsibility", transaction.responsibility, place);
    }

    void add_reference(pugi::xml_node parent, const char* type, std::string_view target, std::string_view text,
                       const Place& place) {
        pugi::xml_node node = add_text(parent, "ref", type, text, place);
        node.append_attribute("target").set_value(std::string(target).c_str());
        references_.push_back({std::string(target), place});
    }

    void add_relation(pugi::xml_node entry, const Relation& relation, const Place& place) {
        if (relation.target.empty()) {
            add_text(entry, "note", {}, relation_prefix(relation.kind) + relation.label, place);
        } else if (xml_values::is_http_url(relation.target)) {
            pugi::xml_node node = add_text(entry, "xref", "externalCrossReference",
                                           relation.label.empty() ? relation.target : relation_text(relation), place);
            node.append_attribute("target").set_value(clean(relation.target, place).c_str());
        } else if (!looks_like_url(relation.target) && xml_values::is_ncname(relation.target)) {
            add_reference(entry, "crossReference", relation.target, relation_text(relation), place);
        } else {
            add_degraded(entry, relation_kind_name(relation.kind), relation.label + " <" + relation.target + ">", place,
                         "relation target \"" + relation.target +
                             "\" is neither a concept id nor an http(s) URL, which is all TBX-Basic can link to");
        }
    }

    void add_origin(pugi::xml_node entry, const std::string& url, const Place& place) {
        if (!xml_values::is_http_url(url)) {
            add_degraded(entry, "origin", url, place,
                         "origin URL \"" + url + "\" is not an http(s) URL, which is all TBX-Basic can link to");
            return;
        }
        pugi::xml_node node = entry.append_child("xref");
        node.append_attribute("type").set_value("externalCrossReference");
        node.append_attribute("target").set_value(clean(url, place).c_str());
    }

    void add_extra(pugi::xml_node parent, const ExtraField& extra, Level level, const Place& place) {
        std::string category = extra.type.empty() ? extra.element : extra.type;
        std::string shown_value = extra.value;
        if (!extra.target.empty()) shown_value += " <" + extra.target + ">";
        if (!tbx_basic::allows(extra.element, extra.type, level, extra.value)) {
            add_degraded(parent, category, shown_value, place,
                         tbx_basic::refusal_reason(extra.element, extra.type, level, extra.value));
            return;
        }
        if (extra.element == "xref") {
            if (!xml_values::is_http_url(extra.target)) {
                add_degraded(parent, category, shown_value, place,
                             "xref target \"" + extra.target + "\" is not an http(s) URL");
                return;
            }
            pugi::xml_node node = add_text(parent, "xref", extra.type, extra.value, place);
            node.append_attribute("target").set_value(clean(extra.target, place).c_str());
            return;
        }
        if (!extra.target.empty()) {
            if (extra.element == "note" || !xml_values::is_ncname(extra.target)) {
                add_degraded(parent, category, shown_value, place,
                             "target \"" + extra.target + "\" of " + extra.element +
                                 " must be the id of a concept in the file");
                return;
            }
            add_reference(parent, extra.type.c_str(), extra.target, extra.value, place);
            parent.last_child().set_name(extra.element.c_str());
            return;
        }
        add_text(parent, extra.element.c_str(), extra.type, extra.value, place);
    }

    void add_termless_language(pugi::xml_node entry, const LanguageSection& language, const std::string& concept_id) {
        Place place{language.pos, concept_id + "/" + language.language};
        loss(place, "TBX needs a term in every language section; its definitions and notes are written at concept "
                    "level with xml:lang=\"" + language.language + "\"");
        bool language_ok = check_language(language.language, place);
        for (const Definition& definition : language.definitions)
            add_definition(entry, definition, language_ok ? language.language : std::string(), place);
        for (const std::string& note : language.notes) {
            pugi::xml_node node = add_text(entry, "note", {}, note, place);
            if (language_ok) node.append_attribute("xml:lang").set_value(language.language.c_str());
        }
        for (const Transaction& transaction : language.transactions) {
            add_degraded(entry, "transaction (" + language.language + ")",
                         transaction.type + ", " + transaction.date + ", " + transaction.responsibility, place,
                         "a transaction of a language section without terms");
        }
        for (const ExtraField& extra : language.extra)
            add_degraded(entry, (extra.type.empty() ? extra.element : extra.type) + " (" + language.language + ")",
                         extra.value, place, "a data category of a language section without terms");
    }

    bool check_language(const std::string& language, const Place& place) {
        if (xml_values::is_language_tag(language)) return true;
        diagnostics_.error(place.pos, "tbx.bad-language",
                           place.label + ": language \"" + language +
                               "\" is not a language tag (letters, then '-'-separated letters or digits, as in "
                               "\"pt-BR\")");
        return false;
    }

    void add_language(pugi::xml_node entry, const LanguageSection& language, const std::string& concept_id) {
        Place place{language.pos, concept_id + "/" + language.language};
        check_language(language.language, place);
        pugi::xml_node section = entry.append_child("langSec");
        section.append_attribute("xml:lang").set_value(clean(language.language, place).c_str());
        for (const Transaction& transaction : language.transactions) add_transaction(section, transaction, place);
        for (const Definition& definition : language.definitions) add_definition(section, definition, {}, place);
        for (const std::string& note : language.notes) add_text(section, "note", {}, note, place);
        for (const ExtraField& extra : language.extra) add_extra(section, extra, Level::language_level, place);
        for (const Term& term : language.terms) add_term(section, term, place.label);
    }

    void add_term_note(pugi::xml_node section, std::vector<std::pair<std::string, std::string>>& degraded,
                       std::string_view type, const std::string& value, const Place& place) {
        if (value.empty()) return;
        if (tbx_basic::allows("termNote", type, Level::term_level, value)) {
            add_text(section, "termNote", type, value, place);
        } else {
            loss(place, tbx_basic::refusal_reason("termNote", type, Level::term_level, value) +
                            "; written as a note \"" + std::string(type) + ": ...\"");
            degraded.emplace_back(type, value);
        }
    }

    void add_term(pugi::xml_node language, const Term& term, const std::string& language_label) {
        Place place{term.pos, language_label + " '" + term.text + "'"};
        pugi::xml_node section = language.append_child("termSec");
        add_text(section, "term", {}, term.text, place);

        // termNotes come right after the term; whatever Basic refuses waits for the notes.
        std::vector<std::pair<std::string, std::string>> degraded;
        add_term_note(section, degraded, "termType", term.term_type, place);
        add_term_note(section, degraded, "administrativeStatus", term.administrative_status, place);
        add_term_note(section, degraded, "partOfSpeech", term.part_of_speech, place);
        add_term_note(section, degraded, "grammaticalGender", term.grammatical_gender, place);
        add_term_note(section, degraded, "geographicalUsage", term.geographical_usage, place);
        std::vector<const ExtraField*> other_extras;
        for (const ExtraField& extra : term.extra) {
            if (extra.element == "termNote" && extra.target.empty())
                add_term_note(section, degraded, extra.type, extra.value, place);
            else
                other_extras.push_back(&extra);
        }

        for (const Transaction& transaction : term.transactions) add_transaction(section, transaction, place);
        if (!term.context.empty()) add_text(section, "descrip", "context", term.context, place);
        if (!term.source.empty()) add_text(section, "admin", "source", term.source, place);
        for (const ExtraField* extra : other_extras) add_extra(section, *extra, Level::term_level, place);
        for (const std::string& note : term.notes) add_text(section, "note", {}, note, place);
        for (const auto& [category, value] : degraded) add_text(section, "note", {}, category + ": " + value, place);
    }

    Diagnostics& diagnostics_;
    std::vector<PendingReference>& references_;
};

class TbxV3Writer final : public ConceptSink {
public:
    TbxV3Writer(std::ostream& out, const WriteOptions& options, Diagnostics& diagnostics)
        : out_(out), options_(options), diagnostics_(diagnostics) {}

    void header(const TermBaseHeader& header) override {
        if (header_written_) return;
        header_written_ = true;
        if (options_.dialect != TbxDialect::basic || options_.style != TbxStyle::dca)
            diagnostics_.error({}, "tbx.unsupported",
                               "only TBX-Basic in DCA style can be written so far (TBX-Core, TBX-Min and DCT are "
                               "not implemented)");
        std::string language = header.source_language.empty() ? "en" : header.source_language;
        if (!xml_values::is_language_tag(language)) {
            diagnostics_.error({}, "tbx.bad-language",
                               "source language \"" + language + "\" is not a language tag; wrote \"und\"");
            language = "und";
        }
        out_ << prolog << "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"" << language
             << "\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n";

        pugi::xml_document document;
        pugi::xml_node file_description = document.append_child("tbxHeader").append_child("fileDesc");
        Place place{{}, "header"};
        if (!header.title.empty())
            file_description.append_child("titleStmt").append_child("title").text().set(
                clean_header(header.title, place).c_str());
        pugi::xml_node paragraph = file_description.append_child("sourceDesc").append_child("p");
        if (!header.source_description.empty())
            paragraph.text().set(clean_header(header.source_description, place).c_str());
        document.first_child().print(out_, indent_unit, print_flags, pugi::encoding_utf8, 1);
        out_ << indent_unit << "<text>\n";
    }

    void concept_entry(Concept concept_value) override {
        if (!header_written_) header(TermBaseHeader{});
        if (written_ids_.count(concept_value.id)) {
            diagnostics_.error(concept_value.pos, "tbx.bad-id",
                               "concept id '" + concept_value.id + "' is used by an earlier concept; ids must be unique");
        }
        pugi::xml_document document;
        EntryBuilder builder(diagnostics_, references_);
        if (!builder.build(document, concept_value)) return;
        written_ids_.insert(concept_value.id);
        if (!body_open_) {
            out_ << indent_unit << indent_unit << "<body>\n";
            body_open_ = true;
        }
        document.first_child().print(out_, indent_unit, print_flags, pugi::encoding_utf8, 3);
    }

    void finish() override {
        if (!header_written_) header(TermBaseHeader{});
        // TBX's body must hold at least one conceptEntry; an empty term base has a bare text element.
        if (body_open_) out_ << indent_unit << indent_unit << "</body>\n";
        out_ << indent_unit << "</text>\n</tbx>\n";
        for (const PendingReference& reference : references_) {
            if (written_ids_.count(reference.target)) continue;
            diagnostics_.error(reference.from.pos, "tbx.dangling-ref",
                               reference.from.label + ": refers to '" + reference.target +
                                   "', which is not the id of a concept in this term base");
        }
    }

private:
    std::string clean_header(std::string_view text, const Place& place) {
        bool changed = false;
        std::string result = xml_values::sanitized(text, changed);
        if (changed)
            diagnostics_.warning(place.pos, "tbx.invalid-char",
                                 "header: invalid UTF-8 or a character XML 1.0 cannot carry was replaced by U+FFFD");
        return result;
    }

    std::ostream& out_;
    WriteOptions options_;
    Diagnostics& diagnostics_;
    bool header_written_ = false;
    bool body_open_ = false;
    std::set<std::string> written_ids_;
    std::vector<PendingReference> references_;
};

}  // namespace

std::unique_ptr<ConceptSink> make_tbx_writer(std::ostream& out, const WriteOptions& options,
                                             Diagnostics& diagnostics) {
    return std::make_unique<TbxV3Writer>(out, options, diagnostics);
}

}  // namespace ilo
