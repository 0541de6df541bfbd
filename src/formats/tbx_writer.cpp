// TBX v3 TBX-Basic DCA writer: the prolog by hand, the header, each conceptEntry and the back matter built and printed with pugixml.
#include "formats/tbx_writer.hpp"

#include <pugixml.hpp>

#include <map>
#include <set>
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

// Where an extra element would be written: directly at an entry level, or
// inside one of the TBX groups. Each allows different members.
enum class Container { level, admin_group, descrip_group, term_note_group, transac_group };

bool is_member(Container container, std::string_view element, Level level) {
    auto one_of = [&](std::initializer_list<std::string_view> names) {
        for (std::string_view name : names)
            if (name == element) return true;
        return false;
    };
    switch (container) {
        case Container::level:
            if (level == Level::term_level && one_of({"termNote", "termNoteGrp"})) return true;
            return one_of({"admin", "adminGrp", "descrip", "descripGrp", "note", "ref", "transacGrp", "xref"});
        case Container::admin_group: return one_of({"adminNote", "note", "ref", "xref"});
        case Container::descrip_group:
            return one_of({"admin", "adminGrp", "descripNote", "note", "ref", "transacGrp", "xref"});
        case Container::term_note_group: return one_of({"admin", "adminGrp", "note", "ref", "transacGrp", "xref"});
        case Container::transac_group: return one_of({"date", "note", "ref", "transacNote", "xref"});
    }
    return false;
}

// The group an element opens, and the element that must come first in it.
struct GroupShape {
    Container container;
    std::string_view head;
};

const std::map<std::string_view, GroupShape>& group_shapes() {
    static const std::map<std::string_view, GroupShape> shapes{
        {"adminGrp", {Container::admin_group, "admin"}},
        {"descripGrp", {Container::descrip_group, "descrip"}},
        {"termNoteGrp", {Container::term_note_group, "termNote"}},
        {"transacGrp", {Container::transac_group, "transac"}},
    };
    return shapes;
}

// The attributes besides type and target that the core structure gives each element.
bool takes_attribute(std::string_view element, std::string_view attribute) {
    if (attribute == "id") return true;
    if (element == "note") return attribute == "xml:lang";
    if (element == "xref" || element == "date" || group_shapes().count(element)) return false;
    return attribute == "xml:lang" || attribute == "datatype";
}

// An extra field in words, for the note that keeps what TBX-Basic cannot hold.
std::string describe(const ExtraField& extra) {
    std::string text = extra.type.empty() ? extra.element : extra.type;
    text += ": ";
    if (extra.children.empty()) {
        text += extra.value;
    } else {
        for (std::size_t i = 0; i < extra.children.size(); ++i) text += (i ? "; " : "") + describe(extra.children[i]);
    }
    if (!extra.target.empty()) text += " <" + extra.target + ">";
    return text;
}

// Builds one conceptEntry as a pugixml tree. Knows TBX-Basic's rules; reports
// losses and bad values to the diagnostics it is given.
class EntryBuilder {
public:
    EntryBuilder(Diagnostics& diagnostics, std::set<std::string>& ids, std::vector<PendingReference>& references)
        : diagnostics_(diagnostics), ids_(ids), references_(references) {}

    // Returns false if the concept cannot be written at all (no term anywhere).
    bool build(pugi::xml_node parent, const Concept& concept_value) {
        Place concept_place{concept_value.pos, concept_value.id};
        bool any_terms = false;
        for (const LanguageSection& language : concept_value.languages) any_terms |= !language.terms.empty();
        if (!any_terms) {
            diagnostics_.error(concept_value.pos, "tbx.no-language",
                               "concept '" + concept_value.id +
                                   "' has no term in any language; TBX needs at least one language section with a "
                                   "term, so the concept is left out");
            return false;
        }
        if (!xml_values::is_ncname(concept_value.id)) {
            diagnostics_.error(concept_value.pos, "tbx.bad-id",
                               "concept id '" + concept_value.id +
                                   "' is not a valid XML id (an NCName: a letter or '_' first, then letters, digits, "
                                   "'.', '-' or '_')");
        } else if (!ids_.insert(concept_value.id).second) {
            diagnostics_.error(concept_value.pos, "tbx.bad-id",
                               "concept id '" + concept_value.id + "' is used earlier in the file; ids must be unique");
        }

        pugi::xml_node entry = parent.append_child("conceptEntry");
        entry.append_attribute("id").set_value(clean(concept_value.id, concept_place).c_str());
        for (const Transaction& transaction : concept_value.transactions)
            add_transaction(entry, transaction, Level::concept_level, concept_place);
        if (!concept_value.subject_field.empty())
            add_text(entry, "descrip", "subjectField", concept_value.subject_field, concept_place);
        for (const Definition& definition : concept_value.definitions)
            add_definition(entry, definition, {}, Level::concept_level, concept_place);
        for (const LanguageSection& language : concept_value.languages)
            if (language.terms.empty()) add_termless_language(entry, language, concept_value.id);
        for (const Relation& relation : concept_value.relations) add_relation(entry, relation, concept_place);
        if (!concept_value.origin_url.empty()) add_origin(entry, concept_value.origin_url, concept_place);
        for (const std::string& note : concept_value.notes) add_text(entry, "note", {}, note, concept_place);
        for (const ExtraField& extra : concept_value.extra)
            add_extra(entry, extra, Level::concept_level, Container::level, concept_place);

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

    // What TBX-Basic cannot hold here becomes a note at the same place, so a
    // reader of the file still sees it; the warning says so.
    void add_degraded(pugi::xml_node parent, const std::string& text, const Place& place, const std::string& reason) {
        std::string shown = text.substr(0, text.find(':'));
        loss(place, reason + "; written as a note \"" + shown + ": ...\"");
        add_text(parent, "note", {}, text, place);
    }

    // Registers an id for an element; an id that is not an NCName or is taken is left out, with a warning.
    bool claim_id(const std::string& id, const Place& place, std::string_view owner) {
        if (xml_values::is_ncname(id) && ids_.insert(id).second) return true;
        loss(place, "id '" + id + "' of " + std::string(owner) +
                        (xml_values::is_ncname(id) ? " is used earlier in the file" : " is not a valid XML id") +
                        "; the id is left out");
        return false;
    }

    void add_definition(pugi::xml_node parent, const Definition& definition, std::string_view language, Level level,
                        const Place& place) {
        pugi::xml_node holder = parent;
        bool grouped = !definition.source.empty() || !definition.context.empty() || !definition.extra.empty();
        if (grouped) holder = parent.append_child("descripGrp");
        pugi::xml_node descrip = add_text(holder, "descrip", "definition", definition.text, place);
        if (!language.empty()) descrip.append_attribute("xml:lang").set_value(std::string(language).c_str());
        if (!definition.source.empty()) add_text(holder, "admin", "source", definition.source, place);
        if (!definition.context.empty()) add_text(holder, "note", {}, definition.context, place);
        for (const ExtraField& extra : definition.extra)
            add_extra(holder, extra, level, Container::descrip_group, place);
    }

    void add_transaction(pugi::xml_node parent, const Transaction& transaction, Level level, const Place& place) {
        if (!tbx_basic::is_transaction_type(transaction.type)) {
            std::string summary = "transaction: " + transaction.type;
            if (!transaction.date.empty()) summary += ", " + transaction.date;
            if (!transaction.responsibility.empty()) summary += ", " + transaction.responsibility;
            for (const ExtraField& extra : transaction.extra) summary += "; " + describe(extra);
            add_degraded(parent, summary, place,
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
                add_degraded(group, "date: " + transaction.date, place,
                             "transaction date \"" + transaction.date + "\" is not an ISO 8601 date (xsd:date)");
            }
        }
        if (!transaction.responsibility.empty() || !transaction.responsibility_target.empty()) {
            pugi::xml_node note = add_text(group, "transacNote", "responsibility", transaction.responsibility, place);
            if (!transaction.responsibility_target.empty())
                add_target(note, transaction.responsibility_target, place);
        }
        for (const ExtraField& extra : transaction.extra) add_extra(group, extra, level, Container::transac_group, place);
    }

    // A target that is not a URL must be the id of something in the file; the writer checks that at the end.
    void add_target(pugi::xml_node node, const std::string& target, const Place& place) {
        node.append_attribute("target").set_value(clean(target, place).c_str());
        references_.push_back({target, place});
    }

    void add_relation(pugi::xml_node entry, const Relation& relation, const Place& place) {
        auto check_type = [&](std::string_view written_as) {
            if (!relation.type.empty() && relation.type != written_as)
                loss(place, "relation type \"" + relation.type + "\" is written as " + std::string(written_as) +
                                ", the only TBX-Basic category for this link");
        };
        if (relation.target.empty()) {
            add_text(entry, "note", {}, relation_prefix(relation.kind) + relation.label, place);
        } else if (xml_values::is_http_url(relation.target)) {
            check_type("externalCrossReference");
            pugi::xml_node node = add_text(entry, "xref", "externalCrossReference",
                                           relation.label.empty() ? relation.target : relation_text(relation), place);
            node.append_attribute("target").set_value(clean(relation.target, place).c_str());
        } else if (!looks_like_url(relation.target) && xml_values::is_ncname(relation.target)) {
            check_type("crossReference");
            pugi::xml_node node = add_text(entry, "ref", "crossReference", relation_text(relation), place);
            add_target(node, relation.target, place);
        } else {
            add_degraded(entry, relation_prefix(relation.kind) + relation.label + " <" + relation.target + ">", place,
                         "relation target \"" + relation.target +
                             "\" is neither a concept id nor an http(s) URL, which is all TBX-Basic can link to");
        }
    }

    void add_origin(pugi::xml_node entry, const std::string& url, const Place& place) {
        if (!xml_values::is_http_url(url)) {
            add_degraded(entry, "origin: " + url, place,
                         "origin URL \"" + url + "\" is not an http(s) URL, which is all TBX-Basic can link to");
            return;
        }
        pugi::xml_node node = entry.append_child("xref");
        node.append_attribute("type").set_value("externalCrossReference");
        node.append_attribute("target").set_value(clean(url, place).c_str());
    }

    // Why TBX-Basic cannot hold `extra` in `container` at `level`, or "" if it can.
    // `head`: the extra opens its group (the descrip of a descripGrp...), which the group's shape already checked.
    std::string refusal(const ExtraField& extra, Level level, Container container, bool head = false) {
        const std::string& element = extra.element;
        if (!extra.namespace_uri.empty())
            return "element " + element + " of namespace " + extra.namespace_uri + " has no DCA form";
        if (!head && !is_member(container, element, level)) {
            if (container == Container::level) return "TBX has no element " + element + " at this level";
            return "TBX does not allow " + element + " inside this group";
        }
        auto group = group_shapes().find(element);
        if (group != group_shapes().end()) {
            if (extra.children.empty() || extra.children.front().element != group->second.head)
                return element + " must start with " + std::string(group->second.head);
            if (element == "transacGrp" && !tbx_basic::is_transaction_type(extra.children.front().value))
                return "transaction type \"" + extra.children.front().value +
                       "\" is not in TBX-Basic's picklist (origination, modification)";
            std::string head_refusal = refusal(extra.children.front(), level, group->second.container, true);
            return head_refusal.empty() ? head_refusal : "its " + std::string(group->second.head) + ": " + head_refusal;
        }
        if (!extra.children.empty()) return element + " with element content cannot be held by TBX-Basic here";
        if (element == "note") {
            if (!extra.type.empty() || !extra.target.empty()) return "a TBX note has no type and no target";
            return {};
        }
        if (element == "date") {
            return xml_values::is_xsd_date_or_date_time(extra.value)
                       ? std::string()
                       : "date \"" + extra.value + "\" is not an ISO 8601 date (xsd:date)";
        }
        if (element == "transac")
            return head && extra.type == "transactionType" ? std::string()
                                                           : "a transaction type outside a transaction";
        if (element == "transacNote")
            return extra.type == "responsibility" ? std::string()
                                                   : "TBX-Basic has no transacNote type \"" + extra.type + "\"";
        if (element == "adminNote" || element == "descripNote") {
            if (extra.type.empty()) return element + " needs a type";
        } else if (element == "xref") {
            if (container != Container::level) return "TBX-Basic allows xref only directly in an entry, not in a group";
            if (!tbx_basic::allows(element, extra.type, level, extra.value))
                return tbx_basic::refusal_reason(element, extra.type, level, extra.value);
            if (!xml_values::is_http_url(extra.target))
                return "xref target \"" + extra.target + "\" is not an http(s) URL";
            return {};
        } else if (!tbx_basic::allows(element, extra.type, level, extra.value)) {
            return tbx_basic::refusal_reason(element, extra.type, level, extra.value);
        }
        if (!extra.target.empty() && (looks_like_url(extra.target) || !xml_values::is_ncname(extra.target)))
            return "target \"" + extra.target + "\" of " + element + " must be the id of something in the file";
        return {};
    }

    void add_extra(pugi::xml_node parent, const ExtraField& extra, Level level, Container container,
                   const Place& place) {
        std::string reason = refusal(extra, level, container);
        if (!reason.empty()) {
            add_degraded(parent, describe(extra), place, reason);
            return;
        }
        write_extra(parent, extra, level, place);
    }

    void write_extra(pugi::xml_node parent, const ExtraField& extra, Level level, const Place& place) {
        pugi::xml_node node = parent.append_child(extra.element.c_str());
        auto group = group_shapes().find(extra.element);
        bool is_group = group != group_shapes().end();
        if (!extra.type.empty() && !is_group && extra.element != "note" && extra.element != "date")
            node.append_attribute("type").set_value(clean(extra.type, place).c_str());
        if (!extra.target.empty()) {
            if (extra.element == "xref")
                node.append_attribute("target").set_value(clean(extra.target, place).c_str());
            else
                add_target(node, extra.target, place);
        }
        for (const ExtraAttribute& attribute : extra.attributes) {
            std::string owner = extra.element + (extra.type.empty() ? "" : " " + extra.type);
            if (!takes_attribute(extra.element, attribute.name)) {
                loss(place, "attribute " + attribute.name + "=\"" + attribute.value + "\" of " + owner +
                                " has no place in TBX; left out");
                continue;
            }
            if (attribute.name == "id" && !claim_id(attribute.value, place, owner)) continue;
            if (attribute.name == "xml:lang" && !xml_values::is_language_tag(attribute.value)) {
                loss(place, "xml:lang=\"" + attribute.value + "\" of " + owner + " is not a language tag; left out");
                continue;
            }
            node.append_attribute(attribute.name.c_str()).set_value(clean(attribute.value, place).c_str());
        }
        if (is_group) {
            write_extra(node, extra.children.front(), level, place);
            for (std::size_t i = 1; i < extra.children.size(); ++i)
                add_extra(node, extra.children[i], level, group->second.container, place);
        } else if (!extra.value.empty()) {
            node.text().set(clean(extra.value, place).c_str());
        }
    }

    void add_termless_language(pugi::xml_node entry, const LanguageSection& language, const std::string& concept_id) {
        Place place{language.pos, concept_id + "/" + language.language};
        loss(place, "TBX needs a term in every language section; its definitions and notes are written at concept "
                    "level with xml:lang=\"" + language.language + "\"");
        bool language_ok = check_language(language.language, place);
        for (const Definition& definition : language.definitions)
            add_definition(entry, definition, language_ok ? language.language : std::string(), Level::concept_level,
                           place);
        for (const std::string& note : language.notes) {
            pugi::xml_node node = add_text(entry, "note", {}, note, place);
            if (language_ok) node.append_attribute("xml:lang").set_value(language.language.c_str());
        }
        for (const Transaction& transaction : language.transactions) {
            std::string summary = "transaction (" + language.language + "): " + transaction.type + ", " +
                                  transaction.date + ", " + transaction.responsibility;
            add_degraded(entry, summary, place, "a transaction of a language section without terms");
        }
        for (const ExtraField& extra : language.extra)
            add_degraded(entry, describe(extra), place, "a data category of a language section without terms");
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
        for (const Transaction& transaction : language.transactions)
            add_transaction(section, transaction, Level::language_level, place);
        for (const Definition& definition : language.definitions)
            add_definition(section, definition, {}, Level::language_level, place);
        for (const std::string& note : language.notes) add_text(section, "note", {}, note, place);
        for (const ExtraField& extra : language.extra)
            add_extra(section, extra, Level::language_level, Container::level, place);
        for (const Term& term : language.terms) add_term(section, term, place.label);
    }

    // A termNote the model names. Values outside the picklist wait in `deferred`
    // and become notes after the term's other information, where notes may go.
    void add_term_note(pugi::xml_node section, std::vector<std::string>& deferred, std::string_view type,
                       const std::string& value, const Place& place) {
        if (value.empty()) return;
        if (tbx_basic::allows("termNote", type, Level::term_level, value)) {
            add_text(section, "termNote", type, value, place);
            return;
        }
        loss(place, tbx_basic::refusal_reason("termNote", type, Level::term_level, value) + "; written as a note \"" +
                        std::string(type) + ": ...\"");
        deferred.push_back(std::string(type) + ": " + value);
    }

    void add_term(pugi::xml_node language, const Term& term, const std::string& language_label) {
        Place place{term.pos, language_label + " '" + term.text + "'"};
        pugi::xml_node section = language.append_child("termSec");
        pugi::xml_node term_node = add_text(section, "term", {}, term.text, place);
        if (!term.id.empty() && claim_id(term.id, place, "the term"))
            term_node.prepend_attribute("id").set_value(term.id.c_str());

        // termNotes come right after the term; whatever Basic refuses there waits for the notes.
        std::vector<std::string> deferred;
        add_term_note(section, deferred, "termType", term.term_type, place);
        add_term_note(section, deferred, "administrativeStatus", term.administrative_status, place);
        add_term_note(section, deferred, "partOfSpeech", term.part_of_speech, place);
        add_term_note(section, deferred, "grammaticalGender", term.grammatical_gender, place);
        add_term_note(section, deferred, "geographicalUsage", term.geographical_usage, place);
        std::vector<const ExtraField*> other_extras;
        for (const ExtraField& extra : term.extra) {
            if (extra.element != "termNote" && extra.element != "termNoteGrp") {
                other_extras.push_back(&extra);
                continue;
            }
            std::string reason = refusal(extra, Level::term_level, Container::level);
            if (reason.empty()) {
                write_extra(section, extra, Level::term_level, place);
            } else {
                std::string text = describe(extra);
                loss(place, reason + "; written as a note \"" + text.substr(0, text.find(':')) + ": ...\"");
                deferred.push_back(text);
            }
        }

        for (const Transaction& transaction : term.transactions)
            add_transaction(section, transaction, Level::term_level, place);
        if (!term.context.empty() || !term.context_source.empty()) {
            pugi::xml_node holder = section;
            if (!term.context_source.empty()) holder = section.append_child("descripGrp");
            add_text(holder, "descrip", "context", term.context, place);
            if (!term.context_source.empty()) add_text(holder, "admin", "source", term.context_source, place);
        }
        if (!term.source.empty()) add_text(section, "admin", "source", term.source, place);
        for (const ExtraField* extra : other_extras)
            add_extra(section, *extra, Level::term_level, Container::level, place);
        for (const std::string& note : term.notes) add_text(section, "note", {}, note, place);
        for (const std::string& text : deferred) add_text(section, "note", {}, text, place);
    }

    Diagnostics& diagnostics_;
    std::set<std::string>& ids_;
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
        build_header(document, header);
        document.first_child().print(out_, indent_unit, print_flags, pugi::encoding_utf8, 1);
        out_ << indent_unit << "<text>\n";
        build_back_matter(back_matter_, header.back_matter);
    }

    void concept_entry(Concept concept_value) override {
        if (!header_written_) header(TermBaseHeader{});
        pugi::xml_document document;
        EntryBuilder builder(diagnostics_, ids_, references_);
        if (!builder.build(document, concept_value)) return;
        if (!body_open_) {
            out_ << indent_unit << indent_unit << "<body>\n";
            body_open_ = true;
        }
        document.first_child().print(out_, indent_unit, print_flags, pugi::encoding_utf8, 3);
    }

    void finish() override {
        if (!header_written_) header(TermBaseHeader{});
        // TBX's body must hold at least one conceptEntry; a term base without any has a bare text element.
        if (body_open_) out_ << indent_unit << indent_unit << "</body>\n";
        if (back_matter_.first_child()) back_matter_.first_child().print(out_, indent_unit, print_flags,
                                                                         pugi::encoding_utf8, 2);
        out_ << indent_unit << "</text>\n</tbx>\n";
        for (const PendingReference& reference : references_) {
            if (ids_.count(reference.target)) continue;
            diagnostics_.error(reference.from.pos, "tbx.dangling-ref",
                               reference.from.label + ": refers to '" + reference.target +
                                   "', which is not the id of anything in this term base");
        }
    }

private:
    std::string clean(std::string_view text) {
        bool changed = false;
        std::string result = xml_values::sanitized(text, changed);
        if (changed)
            diagnostics_.warning({}, "tbx.invalid-char",
                                 "header: invalid UTF-8 or a character XML 1.0 cannot carry was replaced by U+FFFD");
        return result;
    }

    void header_loss(const std::string& what) { diagnostics_.warning({}, "tbx.loss", "header: " + what); }

    static void add_paragraph(pugi::xml_node parent, const char* element, const std::string& type,
                              const std::string& text) {
        pugi::xml_node paragraph = parent.append_child(element);
        if (!type.empty()) paragraph.append_attribute("type").set_value(type.c_str());
        if (!text.empty()) paragraph.text().set(text.c_str());
    }

    // tbxHeader: fileDesc (publicationStmt?, titleStmt?, sourceDesc), encodingDesc?, revisionDesc?,
    // in the order the core structure requires. TBX v3 allows one publicationStmt,
    // one sourceDesc and one encodingDesc, so paragraphs from several are merged.
    void build_header(pugi::xml_document& document, const TermBaseHeader& header) {
        std::map<std::string, std::vector<const HeaderParagraph*>> sections;
        for (const HeaderParagraph& paragraph : header.paragraphs) {
            static const std::set<std::string> known{"titleNote", "publicationStmt", "sourceDesc", "encodingDesc",
                                                     "revisionDesc"};
            if (!known.count(paragraph.section)) {
                header_loss("paragraph of unknown section \"" + paragraph.section +
                            "\" is written in the source description");
                sections["sourceDesc"].push_back(&paragraph);
                continue;
            }
            sections[paragraph.section].push_back(&paragraph);
        }
        for (const char* single : {"publicationStmt", "sourceDesc", "encodingDesc"}) {
            const auto& list = sections[single];
            for (const HeaderParagraph* paragraph : list)
                if (paragraph->group != list.front()->group) {
                    header_loss(std::string("several ") + single + " elements are merged into one; TBX v3 allows one");
                    break;
                }
        }

        pugi::xml_node tbx_header = document.append_child("tbxHeader");
        pugi::xml_node file_description = tbx_header.append_child("fileDesc");
        if (!sections["publicationStmt"].empty()) {
            pugi::xml_node publication = file_description.append_child("publicationStmt");
            for (const HeaderParagraph* paragraph : sections["publicationStmt"])
                add_paragraph(publication, "p", clean(paragraph->type), clean(paragraph->text));
        }
        if (!header.title.empty() || !sections["titleNote"].empty()) {
            pugi::xml_node title_statement = file_description.append_child("titleStmt");
            pugi::xml_node title = title_statement.append_child("title");
            if (!header.title.empty()) title.text().set(clean(header.title).c_str());
            for (const HeaderParagraph* paragraph : sections["titleNote"]) {
                if (!paragraph->type.empty())
                    header_loss("the type \"" + paragraph->type + "\" of a title note has no place in TBX");
                add_paragraph(title_statement, "note", {}, clean(paragraph->text));
            }
        }
        pugi::xml_node source = file_description.append_child("sourceDesc");
        if (!header.source_description.empty() || sections["sourceDesc"].empty())
            add_paragraph(source, "p", {}, clean(header.source_description));
        for (const HeaderParagraph* paragraph : sections["sourceDesc"])
            add_paragraph(source, "p", clean(paragraph->type), clean(paragraph->text));
        if (!sections["encodingDesc"].empty()) {
            pugi::xml_node encoding = tbx_header.append_child("encodingDesc");
            for (const HeaderParagraph* paragraph : sections["encodingDesc"])
                add_paragraph(encoding, "p", clean(paragraph->type), clean(paragraph->text));
        }
        if (!sections["revisionDesc"].empty()) {
            pugi::xml_node revisions = tbx_header.append_child("revisionDesc");
            pugi::xml_node change;
            std::uint32_t group = 0;
            for (const HeaderParagraph* paragraph : sections["revisionDesc"]) {
                if (!change || paragraph->group != group) change = revisions.append_child("change");
                group = paragraph->group;
                add_paragraph(change, "p", clean(paragraph->type), clean(paragraph->text));
            }
        }
    }

    // back: one refObjectSec per section. Its ids are claimed now, so that
    // transactions can point at the people and tools it lists.
    void build_back_matter(pugi::xml_document& document, const std::vector<RefObjectSection>& sections) {
        if (sections.empty()) return;
        pugi::xml_node back = document.append_child("back");
        for (const RefObjectSection& section : sections) {
            if (section.type.empty() || section.objects.empty()) {
                header_loss("a back-matter section with no type or no objects cannot be written in TBX; left out");
                continue;
            }
            pugi::xml_node section_node = back.append_child("refObjectSec");
            section_node.append_attribute("type").set_value(clean(section.type).c_str());
            for (const RefObject& object : section.objects) {
                pugi::xml_node object_node = section_node.append_child("refObject");
                if (!object.id.empty()) {
                    if (xml_values::is_ncname(object.id) && ids_.insert(object.id).second)
                        object_node.append_attribute("id").set_value(object.id.c_str());
                    else
                        header_loss("back-matter id '" + object.id + "' is not a valid, unused XML id; left out");
                }
                for (const RefObjectItem& item : object.items)
                    add_paragraph(object_node, "item", clean(item.type), clean(item.value));
                // A refObject must hold at least one item.
                if (object.items.empty()) add_paragraph(object_node, "item", {}, {});
            }
        }
    }

    std::ostream& out_;
    WriteOptions options_;
    Diagnostics& diagnostics_;
    bool header_written_ = false;
    bool body_open_ = false;
    std::set<std::string> ids_;
    std::vector<PendingReference> references_;
    pugi::xml_document back_matter_;
};

}  // namespace

std::unique_ptr<ConceptSink> make_tbx_writer(std::ostream& out, const WriteOptions& options,
                                             Diagnostics& diagnostics) {
    return std::make_unique<TbxV3Writer>(out, options, diagnostics);
}

}  // namespace ilo
