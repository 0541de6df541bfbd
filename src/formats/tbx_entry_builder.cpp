// The part both TBX-Basic writers share: one concept as a v3 conceptEntry or a 2008 termEntry, with TBX-Basic's rules
// and the loss report.
#include "formats/tbx_entry_builder.hpp"

#include <array>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ilo_tbx/native_validator.hpp"

namespace ilo::tbx_entry {

namespace {

// A relation's label as written in a ref or xref: related ones plainly, the
// others with their kind in front, since TBX-Basic has only crossReference.
std::string relation_text(const Relation& relation) {
    if (relation.kind == RelationKind::related) return relation.label;
    return std::string(tbx_basic::relation_prefix(relation.kind)) + relation.label;
}

// A relation target is a URL when it has a scheme; otherwise it names a concept.
bool looks_like_url(std::string_view target) {
    return target.find("://") != std::string_view::npos;
}

// Where an extra element would be written: directly at an entry level, or
// inside one of the TBX groups. Each allows different members.
enum class Container { level, admin_group, descrip_group, term_note_group, transac_group };

// `core_structure`: the 2008 core structure (TBXcoreStructV02.dtd), whose groups hold what v3's do; only its
// tig takes no termNoteGrp (that needs an ntig/termGrp).
bool is_member(Container container, std::string_view element, Level level, tbx_basic::Edition edition,
               bool core_structure) {
    auto one_of = [&](std::initializer_list<std::string_view> names) {
        for (std::string_view name : names)
            if (name == element) return true;
        return false;
    };
    if (edition == tbx_basic::Edition::v2008 && core_structure && container == Container::level &&
        level == Level::term_level && element == "termNoteGrp")
        return false;
    if (edition == tbx_basic::Edition::v2008 && !core_structure) {
        // TBXBasiccoreStructV02.dtd: auxInfo has no adminGrp, tig no termNoteGrp,
        // descripGrp holds only admin, transacGrp only transacNote and date.
        switch (container) {
            case Container::level:
                if (level == Level::term_level && element == "termNote") return true;
                return one_of({"admin", "descrip", "descripGrp", "note", "ref", "transacGrp", "xref"});
            case Container::descrip_group:
                return element == "admin";
            case Container::transac_group:
                return one_of({"date", "transacNote"});
            case Container::admin_group:
            case Container::term_note_group:
                return false;
        }
        return false;
    }
    switch (container) {
        case Container::level:
            if (level == Level::term_level && one_of({"termNote", "termNoteGrp"})) return true;
            return one_of({"admin", "adminGrp", "descrip", "descripGrp", "note", "ref", "transacGrp", "xref"});
        case Container::admin_group:
            return one_of({"adminNote", "note", "ref", "xref"});
        // TBX-Basic and TBX-Min (basic.transac.level) put transactions only at conceptEntry, langSec and termSec
        // level; only the core structure lets a descripGrp or termNoteGrp hold one.
        case Container::descrip_group:
            if (element == "transacGrp") return core_structure;
            return one_of({"admin", "adminGrp", "descripNote", "note", "ref", "xref"});
        case Container::term_note_group:
            if (element == "transacGrp") return core_structure;
            return one_of({"admin", "adminGrp", "note", "ref", "xref"});
        case Container::transac_group:
            return one_of({"date", "note", "ref", "transacNote", "xref"});
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

bool is_blank_text(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Written with no attribute but its type (the reader's attributes_within(node, {"type"})).
bool type_only(const ExtraField& extra) {
    return extra.attributes.empty() && extra.target.empty() && extra.namespace_uri.empty();
}

bool is_bare_note(const ExtraField& extra) {
    return extra.element == "note" && type_only(extra) && extra.children.empty();
}

bool is_transaction_group(const ExtraField& extra) {
    if (extra.element != "transacGrp" || !type_only(extra)) return false;
    for (const ExtraField& child : extra.children)
        if (child.element == "transac" && child.type == "transactionType" && type_only(child)) return true;
    return false;
}

bool is_definition_group(const ExtraField& extra) {
    return extra.element == "descripGrp" && type_only(extra) && !extra.children.empty() &&
           extra.children.front().element == "descrip" && extra.children.front().type == "definition" &&
           type_only(extra.children.front());
}

// What the TBX reader (tbx_reader.cpp: read_concept, read_language, read_term_child, read_definition_group)
// would read an extra field as, written where the writers write it. A JSON model can hold an extra field that
// the reader takes for one of the model's own fields: it comes back moved, and the writer reports that. Keep it
// in step with the reader. The reader fills a single-valued field from the first element that fits, so an extra
// one is taken only while the field is free: `taken` holds the fields already written, and grows.
// A handful of field names, all string literals: cheaper than a std::set for the few an entry level has.
class FieldSet {
public:
    bool insert(std::string_view name) {
        for (std::size_t i = 0; i < size_; ++i)
            if (names_[i] == name) return false;
        if (size_ < names_.size()) names_[size_++] = name;
        return true;
    }

private:
    std::array<std::string_view, 12> names_{};
    std::size_t size_ = 0;
};

class ReadBack {
public:
    enum class Owner { concept_entry, language, term, definition };
    ReadBack(Owner owner, FieldSet taken) : owner_(owner), taken_(taken) {}

    // Empty when the extra field reads back as an extra field.
    std::string as(const ExtraField& extra) {
        Reading reading = classify(extra);
        // A plain note qualifies a definition only when it comes before the group's other extra fields.
        if (owner_ == Owner::definition && reading.field != "source") taken_.insert("context");
        return std::move(reading.what);
    }

private:
    // What the reader takes an extra field for, in words, and the single-valued field it fills, if any.
    struct Reading {
        Reading() = default;
        Reading(const char* taken_for) : what(taken_for) {}
        Reading(std::string taken_for, std::string_view filled = {}) : what(std::move(taken_for)), field(filled) {}
        std::string what;
        std::string_view field;
    };

    Reading take(std::string_view field, const std::string& what) {
        if (!taken_.insert(field)) return {};
        return Reading(what, field);
    }

    Reading classify(const ExtraField& extra) {
        const bool plain = type_only(extra);
        switch (owner_) {
            case Owner::concept_entry:
                if (is_bare_note(extra)) return "one of the concept's notes";
                if (is_transaction_group(extra)) return "one of the concept's transactions";
                if (is_definition_group(extra) || (extra.element == "descrip" && extra.type == "definition" && plain))
                    return "one of the concept's definitions";
                if (extra.element == "descrip" && extra.type == "subjectField" && plain && extra.children.empty() &&
                    !is_blank_text(extra.value))
                    return take("subjectField", "the concept's subject field");
                if (extra.element == "ref" && extra.attributes.empty() && extra.namespace_uri.empty() &&
                    extra.children.empty())
                    return "one of the concept's relations";
                if (extra.element == "xref" && extra.type == "externalCrossReference" && extra.attributes.empty() &&
                    extra.namespace_uri.empty() && !extra.target.empty() && extra.children.empty()) {
                    if (is_blank_text(extra.value) || extra.value == extra.target) {
                        Reading as = take("origin", "the concept's origin URL");
                        if (!as.what.empty()) return as;
                    }
                    if (xml_values::is_http_url(extra.target) && !is_blank_text(extra.value))
                        return "one of the concept's relations";
                }
                if (extra.element == "langSec" || extra.element == "langSet") return "a language section";
                return {};
            case Owner::language:
                if (is_bare_note(extra)) return "one of the language section's notes";
                if (is_transaction_group(extra)) return "one of the language section's transactions";
                if (is_definition_group(extra) || (extra.element == "descrip" && extra.type == "definition" && plain))
                    return "one of the language section's definitions";
                if (extra.element == "termSec" || extra.element == "tig" || extra.element == "ntig") return "a term";
                return {};
            case Owner::term:
                return classify_term_field(extra);
            case Owner::definition:
                if (extra.element == "admin" && extra.type == "source" && plain)
                    return take("source", "the definition's source");
                if (is_bare_note(extra)) return take("context", "the definition's context");
                return {};
        }
        return {};
    }

    Reading classify_term_field(const ExtraField& extra) {
        const bool plain = type_only(extra);
        if (is_bare_note(extra)) return "one of the term's notes";
        if (is_transaction_group(extra)) return "one of the term's transactions";
        if (extra.element == "term") return take("term", "the term itself");
        if (extra.element == "termNote" && plain && !extra.value.empty())
            for (const char* field :
                 {"termType", "administrativeStatus", "partOfSpeech", "grammaticalGender", "geographicalUsage"})
                if (extra.type == field) return take(field, "the term's " + std::string(field));
        if (extra.element == "termNoteGrp" && plain && extra.children.size() == 1)
            return classify_term_field(extra.children.front());
        if (extra.element == "descrip" && extra.type == "context" && plain && !extra.value.empty())
            return take("context", "the term's context");
        if (extra.element == "descripGrp" && plain && !extra.children.empty() && extra.children.size() <= 2) {
            const ExtraField& context = extra.children[0];
            bool context_ok = context.element == "descrip" && context.type == "context" && type_only(context) &&
                              context.children.empty();
            bool source_ok =
                extra.children.size() == 1 || (extra.children[1].element == "admin" &&
                                               extra.children[1].type == "source" && type_only(extra.children[1]));
            bool any_text = !context.value.empty() || (extra.children.size() == 2 && !extra.children[1].value.empty());
            if (context_ok && source_ok && any_text) return take("context", "the term's context");
        }
        if (extra.element == "admin" && extra.type == "source" && plain && !extra.value.empty())
            return take("source", "the term's source");
        return {};
    }

    Owner owner_;
    FieldSet taken_;
};

// Builds one conceptEntry as an entry tree. Knows TBX-Basic's rules; reports
// losses and bad values to the diagnostics it is given.
class EntryBuilder {
public:
    EntryBuilder(const Shape& shape, Diagnostics& diagnostics, FileState& state)
        : shape_(shape),
          edition_(shape.edition),
          diagnostics_(diagnostics),
          ids_(state.ids),
          references_(state.references) {}

    // Returns false if the concept cannot be written at all (no term anywhere).
    bool build(xml_tree::Tree& tree, const Concept& concept_value) {
        Place concept_place{&concept_value.pos, concept_value.id};
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
        } else if (!ids_.insert(concept_value.id)) {
            diagnostics_.error(concept_value.pos, "tbx.bad-id",
                               "concept id '" + concept_value.id + "' is used earlier in the file; ids must be unique");
        }

        xml_tree::Node entry = tree.set_root(shape_.entry);
        entry.append_attribute("id", clean(concept_value.id, concept_place));
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
        for (const std::string& note : concept_value.notes) {
            if (const RelationKind* kind = tbx_basic::relation_kind_of_prefix(note))
                loss(concept_place, "the note \"" + note.substr(0, tbx_basic::relation_prefix(*kind).size()) +
                                        "...\" has the form of a relation without a target, and reads back as one");
            add_text(entry, "note", {}, note, concept_place);
        }
        FieldSet concept_taken;
        if (!concept_value.subject_field.empty()) concept_taken.insert("subjectField");
        if (!concept_value.origin_url.empty()) concept_taken.insert("origin");
        ReadBack concept_read_back(ReadBack::Owner::concept_entry, concept_taken);
        for (const ExtraField& extra : concept_value.extra)
            add_extra(entry, extra, Level::concept_level, Container::level, concept_place, &concept_read_back);

        for (const LanguageSection& language : concept_value.languages)
            if (!language.terms.empty()) add_language(entry, language, concept_value.id);
        return true;
    }

private:
    // `text` itself, or, if it holds what XML cannot carry, its sanitized copy, which stays valid only until
    // the next call: pass it straight to the tree, which copies it.
    std::string_view clean(std::string_view text, const Place& place) {
        if (xml_values::is_clean_xml_text(text)) return text;
        bool changed = false;
        scratch_ = xml_values::sanitized(text, changed);
        if (changed)
            diagnostics_.warning(*place.pos, "tbx.invalid-char",
                                 place.label() +
                                     ": invalid UTF-8 or a character XML 1.0 cannot carry was replaced by "
                                     "U+FFFD");
        return scratch_;
    }

    void loss(const Place& place, const std::string& what) {
        diagnostics_.warning(*place.pos, "tbx.loss", place.label() + ": " + what);
    }

    xml_tree::Node add_text(xml_tree::Node parent, std::string_view element, std::string_view type, std::string_view value,
                            const Place& place) {
        xml_tree::Node node = parent.append_child(element);
        if (!type.empty()) node.append_attribute("type", clean(type, place));
        if (!value.empty()) node.set_text(clean(value, place));
        return node;
    }

    // What TBX-Basic cannot hold here becomes a note at the same place, so a
    // reader of the file still sees it; the warning says so.
    void add_degraded(xml_tree::Node parent, const std::string& text, const Place& place, const std::string& reason) {
        std::string shown = text.substr(0, text.find(':'));
        loss(place, reason + "; written as a note \"" + shown + ": ...\"");
        add_text(note_holder(parent), "note", {}, text, place);
    }

    // TBX-Basic 2008, whose groups are narrower than those of the 2008 core structure and of v3.
    bool basic_2008() const { return edition_ == tbx_basic::Edition::v2008 && !shape_.open_categories; }

    // Where a note about `parent` can go: TBX-Basic 2008's groups hold no notes, so beside the group.
    xml_tree::Node note_holder(xml_tree::Node parent) const {
        std::string_view name = parent.name();
        if (basic_2008() && (name == "descripGrp" || name == "transacGrp")) return parent.parent();
        return parent;
    }

    // Registers an id for an element; an id that is not an NCName or is taken is left out, with a warning.
    bool claim_id(const std::string& id, const Place& place, std::string_view owner) {
        if (xml_values::is_ncname(id) && ids_.insert(id)) return true;
        loss(place, "id '" + id + "' of " + std::string(owner) +
                        (xml_values::is_ncname(id) ? " is used earlier in the file" : " is not a valid XML id") +
                        "; the id is left out");
        return false;
    }

    void add_definition(xml_tree::Node parent, const Definition& definition, std::string_view language, Level level,
                        const Place& place) {
        // TBX-Min has no definitions; DCT's definition element takes no xml:lang. Either way the definition,
        // its source and context become one note (a note may carry xml:lang).
        bool language_lost = shape_.dct && !shape_.open_categories && !language.empty();
        if (!category_allowed("descrip", "definition", level, definition.text) || language_lost) {
            std::string text = "definition: " + definition.text;
            if (!definition.source.empty()) text += " (source: " + definition.source + ")";
            if (!definition.context.empty()) text += " (note: " + definition.context + ")";
            for (const ExtraField& extra : definition.extra) text += "; " + describe(extra);
            std::string reason = language_lost ? "a definition with xml:lang has no DCT form (module elements take no "
                                                 "xml:lang)"
                                               : category_refusal("descrip", "definition", level, definition.text);
            loss(place, reason + "; written as a note \"definition: ...\"");
            xml_tree::Node note = add_text(parent, "note", {}, text, place);
            if (!language.empty()) note.append_attribute("xml:lang", language);
            return;
        }
        xml_tree::Node holder = parent;
        // TBX-Basic 2008's descripGrp holds only admin: the context goes in a note beside it.
        bool context_in_group = !basic_2008();
        bool grouped = !definition.source.empty() || (context_in_group && !definition.context.empty()) ||
                       !definition.extra.empty();
        if (grouped) holder = parent.append_child("descripGrp");
        xml_tree::Node descrip = add_text(holder, "descrip", "definition", definition.text, place);
        if (!language.empty()) descrip.append_attribute("xml:lang", language);
        if (!definition.source.empty()) add_text(holder, "admin", "source", definition.source, place);
        if (!definition.context.empty()) {
            if (!context_in_group)
                loss(place,
                     "TBX-Basic 2008 has no note inside a definition's descripGrp; the definition's context "
                     "is written as a note beside the definition");
            add_text(context_in_group ? holder : parent, "note", {}, definition.context, place);
        }
        FieldSet definition_taken;
        if (!definition.source.empty()) definition_taken.insert("source");
        if (!definition.context.empty() && context_in_group) definition_taken.insert("context");
        ReadBack definition_read_back(ReadBack::Owner::definition, definition_taken);
        for (const ExtraField& extra : definition.extra)
            add_extra(holder, extra, level, Container::descrip_group, place, &definition_read_back);
    }

    void add_transaction(xml_tree::Node parent, const Transaction& transaction, Level level, const Place& place) {
        if (!transaction_type_allowed(transaction.type)) {
            std::string summary = "transaction: " + transaction.type;
            if (!transaction.date.empty()) summary += ", " + transaction.date;
            if (!transaction.responsibility.empty()) summary += ", " + transaction.responsibility;
            for (const ExtraField& extra : transaction.extra) summary += "; " + describe(extra);
            add_degraded(parent, summary, place, transaction_refusal(transaction.type));
            return;
        }
        xml_tree::Node group = parent.append_child("transacGrp");
        add_text(group, "transac", "transactionType", transaction.type, place);
        if (!transaction.date.empty()) {
            std::size_t time = transaction.date.find('T');
            if (xml_values::is_xsd_date_or_date_time(transaction.date) && basic_2008() && time != std::string::npos) {
                // TBX-Basic 2008's date is an xsd:date: the day in the group, the whole time beside it.
                add_text(group, "date", {}, transaction.date.substr(0, time), place);
                add_degraded(group, "date: " + transaction.date, place,
                             "TBX-Basic 2008 dates have no time of day; the transaction keeps the day");
            } else if (xml_values::is_xsd_date_or_date_time(transaction.date)) {
                add_text(group, "date", {}, transaction.date, place);
            } else {
                add_degraded(group, "date: " + transaction.date, place,
                             "transaction date \"" + transaction.date + "\" is not an ISO 8601 date (xsd:date)");
            }
        }
        if (!transaction.responsibility.empty() || !transaction.responsibility_target.empty()) {
            xml_tree::Node note = add_text(group, "transacNote", "responsibility", transaction.responsibility, place);
            if (!transaction.responsibility_target.empty()) add_target(note, transaction.responsibility_target, place);
        }
        for (const ExtraField& extra : transaction.extra)
            add_extra(group, extra, level, Container::transac_group, place);
    }

    // A target that is not a URL must be the id of something in the file; the writer checks that at the end.
    void add_target(xml_tree::Node node, const std::string& target, const Place& place) {
        node.append_attribute("target", clean(target, place));
        references_.push_back({target, *place.pos, place.label()});
    }

    void add_relation(xml_tree::Node entry, const Relation& relation, const Place& place) {
        auto check_type = [&](std::string_view written_as) {
            if (shape_.open_categories) return;
            if (!relation.type.empty() && relation.type != written_as)
                loss(place, "relation type \"" + relation.type + "\" is written as " + std::string(written_as) +
                                ", the only TBX-Basic category for this link");
        };
        if (relation.target.empty()) {
            // A note has no data category: the type, in any dialect, is not written.
            if (!relation.type.empty())
                loss(place, "relation type \"" + relation.type +
                                "\" is not written: a relation without a target is written as a note");
            add_text(entry, "note", {}, std::string(tbx_basic::relation_prefix(relation.kind)) + relation.label,
                     place);
        } else if (xml_values::is_http_url(relation.target)) {
            check_type("externalCrossReference");
            if (relation.label.empty())
                loss(place, "a link to \"" + relation.target +
                                "\" has no label; its URL is written as the label, which TBX needs to tell it "
                                "from the concept's origin");
            xml_tree::Node node = add_text(entry, "xref", relation_category(relation, "externalCrossReference"),
                                           relation.label.empty() ? relation.target : relation_text(relation), place);
            node.append_attribute("target", clean(relation.target, place));
        } else if (!looks_like_url(relation.target) && xml_values::is_ncname(relation.target) &&
                   !category_allowed("ref", "crossReference", Level::concept_level, relation.label)) {
            add_degraded(entry,
                         std::string(tbx_basic::relation_prefix(relation.kind)) + relation.label + " <" +
                             relation.target + ">",
                         place, category_refusal("ref", "crossReference", Level::concept_level, relation.label));
        } else if (!looks_like_url(relation.target) && xml_values::is_ncname(relation.target)) {
            check_type("crossReference");
            xml_tree::Node node =
                add_text(entry, "ref", relation_category(relation, "crossReference"), relation_text(relation), place);
            add_target(node, relation.target, place);
        } else {
            add_degraded(entry,
                         std::string(tbx_basic::relation_prefix(relation.kind)) + relation.label + " <" +
                             relation.target + ">",
                         place,
                         "relation target \"" + relation.target +
                             "\" is neither a concept id nor an http(s) URL, which is all TBX-Basic can link to");
        }
    }

    void add_origin(xml_tree::Node entry, const std::string& url, const Place& place) {
        if (!xml_values::is_http_url(url)) {
            add_degraded(entry, "origin: " + url, place,
                         "origin URL \"" + url + "\" is not an http(s) URL, which is all TBX-Basic can link to");
            return;
        }
        xml_tree::Node node = entry.append_child("xref");
        node.append_attribute("type", "externalCrossReference");
        node.append_attribute("target", clean(url, place));
    }

    // TBX-Basic's (or TBX-Min's) category list and picklists, unless the dialect is TBX-Core, which takes any
    // named category. Every category the Basic and Min lists hold has a DCT element in the Basic or Min module.
    bool category_allowed(std::string_view element, std::string_view type, Level level, std::string_view value) const {
        if (shape_.open_categories) return !type.empty();
        if (shape_.min_categories) return tbx_basic::min_allows(element, type, level, value);
        return tbx_basic::allows(element, type, level, value, edition_);
    }

    std::string category_refusal(std::string_view element, std::string_view type, Level level,
                                 std::string_view value) const {
        if (shape_.min_categories) return tbx_basic::min_refusal_reason(element, type, level, value);
        return tbx_basic::refusal_reason(element, type, level, value, edition_);
    }

    // TBX-Min has no transactions at all.
    bool transaction_type_allowed(std::string_view type) const {
        if (shape_.open_categories) return !type.empty();
        if (shape_.min_categories) return false;
        return tbx_basic::is_transaction_type(type);
    }

    std::string transaction_refusal(const std::string& type) const {
        if (shape_.min_categories) return "transactionType: TBX-Min has no such category";
        return "transaction type \"" + type + "\" is not in TBX-Basic's picklist (origination, modification)";
    }

    // DCT style (TBX-Basic, TBX-Min): a data category is a module element, which takes no attribute but target.
    bool module_element(std::string_view element) const {
        if (!shape_.dct || shape_.open_categories) return false;
        for (std::string_view carrier : {"admin", "descrip", "ref", "termNote", "transac", "transacNote", "xref"})
            if (carrier == element) return true;
        return false;
    }

    // The type a relation is written with: its own under TBX-Core, TBX-Basic's only category otherwise.
    const char* relation_category(const Relation& relation, const char* basic_category) const {
        if (shape_.open_categories && !relation.type.empty()) return relation.type.c_str();
        return basic_category;
    }

    // Why TBX-Basic cannot hold `extra` in `container` at `level`, or "" if it can.
    // `head`: the extra opens its group (the descrip of a descripGrp...), which the group's shape already checked.
    std::string refusal(const ExtraField& extra, Level level, Container container, bool head = false) {
        const std::string& element = extra.element;
        if (!extra.namespace_uri.empty())
            return "element " + element + " of namespace " + extra.namespace_uri + " has no DCA form";
        if (!head && !is_member(container, element, level, edition_, shape_.open_categories)) {
            // Name the dialect when the core structure would have held the element.
            const bool dialect_rule = edition_ == tbx_basic::Edition::v3 && !shape_.open_categories &&
                                      is_member(container, element, level, edition_, true);
            std::string tbx = dialect_rule                         ? (shape_.min_categories ? "TBX-Min" : "TBX-Basic")
                              : edition_ == tbx_basic::Edition::v3 ? "TBX"
                              : shape_.open_categories             ? "The TBX 2008 core structure"
                                                                   : "TBX-Basic 2008";
            if (container == Container::level) return tbx + " has no element " + element + " at this level";
            return tbx + " does not allow " + element + " inside this group";
        }
        auto group = group_shapes().find(element);
        if (group != group_shapes().end()) {
            if (extra.children.empty() || extra.children.front().element != group->second.head)
                return element + " must start with " + std::string(group->second.head);
            // A transaction group whose transac has a type other than transactionType (only the core structure
            // allows one) is kept as an extra group by the reader.
            if (element == "transacGrp" && extra.children.front().type == "transactionType" &&
                !transaction_type_allowed(extra.children.front().value))
                return transaction_refusal(extra.children.front().value);
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
        if (element == "transac") {
            if (!head) return "a transaction type outside a transaction";
            if (extra.type == "transactionType" || (shape_.open_categories && !extra.type.empty())) return {};
            return "transac type \"" + extra.type + "\" is not transactionType, the only transaction category " +
                   (shape_.min_categories ? "(and TBX-Min has none)" : "of TBX-Basic");
        }
        if (element == "transacNote")
            return extra.type == "responsibility" || (shape_.open_categories && !extra.type.empty())
                       ? std::string()
                       : "TBX-Basic has no transacNote type \"" + extra.type + "\"";
        if (element == "adminNote" || element == "descripNote") {
            if (extra.type.empty()) return element + " needs a type";
            if (shape_.min_categories) return element + " " + extra.type + ": TBX-Min has no such category";
            if (shape_.dct && !shape_.open_categories)
                return "neither the Basic nor the Min module has a DCT element for " + element + " type \"" +
                       extra.type + "\"";
        } else if (element == "xref") {
            if (container != Container::level) return "TBX-Basic allows xref only directly in an entry, not in a group";
            if (!category_allowed(element, extra.type, level, extra.value))
                return category_refusal(element, extra.type, level, extra.value);
            // TBX-Basic and TBX-Min in v3 write only http(s) targets, which their DCT module elements require
            // (so DCA and DCT carry the same); the core structure types xref/@target as xsd:anyURI, which takes
            // relative references too; TBX-Basic 2008 takes any text as an xref target.
            if (edition_ == tbx_basic::Edition::v3 && shape_.open_categories && !validate::is_any_uri(extra.target))
                return "xref target \"" + extra.target + "\" is not a URI reference (xsd:anyURI)";
            if (edition_ == tbx_basic::Edition::v3 && !shape_.open_categories && !xml_values::is_http_url(extra.target))
                return "xref target \"" + extra.target + "\" is not an http(s) URL";
            if (extra.target.empty()) return "an xref needs a target";
            return {};
        } else if (!category_allowed(element, extra.type, level, extra.value)) {
            return category_refusal(element, extra.type, level, extra.value);
        }
        if (!extra.target.empty() && (looks_like_url(extra.target) || !xml_values::is_ncname(extra.target)))
            return "target \"" + extra.target + "\" of " + element + " must be the id of something in the file";
        return {};
    }

    // `read_back`: what the extra field's owner holds, for the extra fields the reader takes for a model field.
    void add_extra(xml_tree::Node parent, const ExtraField& extra, Level level, Container container, const Place& place,
                   ReadBack* read_back = nullptr) {
        std::string reason = refusal(extra, level, container);
        if (!reason.empty()) {
            add_degraded(parent, describe(extra), place, reason);
            return;
        }
        report_read_back(extra, place, read_back);
        write_extra(parent, extra, level, place);
    }

    void report_read_back(const ExtraField& extra, const Place& place, ReadBack* read_back) {
        if (!read_back) return;
        std::string as = read_back->as(extra);
        if (as.empty()) return;
        std::string shown = "<" + extra.element + (extra.type.empty() ? "" : " type=\"" + extra.type + "\"") + ">";
        loss(place, "the extra field " + shown + " is written where a reader takes it for " + as +
                        ", and it reads back as that");
    }

    void write_extra(xml_tree::Node parent, const ExtraField& extra, Level level, const Place& place) {
        xml_tree::Node node = parent.append_child(extra.element);
        auto group = group_shapes().find(extra.element);
        bool is_group = group != group_shapes().end();
        if (!extra.type.empty() && !is_group && extra.element != "note" && extra.element != "date")
            node.append_attribute("type", clean(extra.type, place));
        if (!extra.target.empty()) {
            if (extra.element == "xref")
                node.append_attribute("target", clean(extra.target, place));
            else
                add_target(node, extra.target, place);
        }
        for (const ExtraAttribute& attribute : extra.attributes) {
            std::string owner = extra.element + (extra.type.empty() ? "" : " " + extra.type);
            if (module_element(extra.element) && !extra.type.empty()) {
                loss(place, "attribute " + attribute.name + "=\"" + attribute.value + "\" of " + owner +
                                " has no place in DCT style, whose module elements take only a target; left out");
                continue;
            }
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
            node.append_attribute(attribute.name, clean(attribute.value, place));
        }
        if (is_group) {
            write_extra(node, extra.children.front(), level, place);
            for (std::size_t i = 1; i < extra.children.size(); ++i)
                add_extra(node, extra.children[i], level, group->second.container, place);
        } else if (!extra.value.empty()) {
            node.set_text(clean(extra.value, place));
        }
    }

    void add_termless_language(xml_tree::Node entry, const LanguageSection& language, const std::string& concept_id) {
        Place place{&language.pos, concept_id, &language.language};
        loss(place,
             "TBX needs a term in every language section; its definitions and notes are written at concept "
             "level with xml:lang=\"" +
                 language.language + "\"");
        bool language_ok = check_language(language.language, place);
        for (const Definition& definition : language.definitions)
            add_definition(entry, definition, language_ok ? language.language : std::string(), Level::concept_level,
                           place);
        for (const std::string& note : language.notes) {
            xml_tree::Node node = add_text(entry, "note", {}, note, place);
            if (language_ok) node.append_attribute("xml:lang", language.language);
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
        diagnostics_.error(*place.pos, "tbx.bad-language",
                           place.label() + ": language \"" + language +
                               "\" is not a language tag (letters, then '-'-separated letters or digits, as in "
                               "\"pt-BR\")");
        return false;
    }

    void add_language(xml_tree::Node entry, const LanguageSection& language, const std::string& concept_id) {
        Place place{&language.pos, concept_id, &language.language};
        check_language(language.language, place);
        xml_tree::Node section = entry.append_child(shape_.language);
        section.append_attribute("xml:lang", clean(language.language, place));
        for (const Transaction& transaction : language.transactions)
            add_transaction(section, transaction, Level::language_level, place);
        for (const Definition& definition : language.definitions)
            add_definition(section, definition, {}, Level::language_level, place);
        for (const std::string& note : language.notes) add_text(section, "note", {}, note, place);
        ReadBack language_read_back(ReadBack::Owner::language, {});
        for (const ExtraField& extra : language.extra)
            add_extra(section, extra, Level::language_level, Container::level, place, &language_read_back);
        for (const Term& term : language.terms) add_term(section, term, place);
    }

    // A termNote the model names. Values outside the picklist wait in `deferred`
    // and become notes after the term's other information, where notes may go.
    void add_term_note(xml_tree::Node section, std::vector<std::string>& deferred, std::string_view type,
                       const std::string& value, const Place& place) {
        if (value.empty()) return;
        if (category_allowed("termNote", type, Level::term_level, value)) {
            add_text(section, "termNote", type, value, place);
            return;
        }
        loss(place, category_refusal("termNote", type, Level::term_level, value) +
                        "; written as a note \"" + std::string(type) + ": ...\"");
        deferred.push_back(std::string(type) + ": " + value);
    }

    void add_term(xml_tree::Node language, const Term& term, const Place& language_place) {
        Place place{&term.pos, language_place.concept_id, language_place.language, &term.text};
        xml_tree::Node section = language.append_child(shape_.term);
        xml_tree::Node term_node = add_text(section, "term", {}, term.text, place);
        if (!term.id.empty() && claim_id(term.id, place, "the term"))
            term_node.prepend_attribute("id", term.id);

        // termNotes come right after the term; whatever Basic refuses there waits for the notes.
        std::vector<std::string> deferred;
        add_term_note(section, deferred, "termType", term.term_type, place);
        add_term_note(section, deferred, "administrativeStatus", term.administrative_status, place);
        add_term_note(section, deferred, "partOfSpeech", term.part_of_speech, place);
        add_term_note(section, deferred, "grammaticalGender", term.grammatical_gender, place);
        add_term_note(section, deferred, "geographicalUsage", term.geographical_usage, place);
        FieldSet term_taken;
        if (!term.extra.empty()) {  // most terms have none: spare them the checks
            bool term_has_id = false;
            term_node.attribute("id", term_has_id);
            if (!term.text.empty() || term_has_id) term_taken.insert("term");
            for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"termType", &term.term_type},
                                               {"administrativeStatus", &term.administrative_status},
                                               {"partOfSpeech", &term.part_of_speech},
                                               {"grammaticalGender", &term.grammatical_gender},
                                               {"geographicalUsage", &term.geographical_usage}})
                if (!value->empty() && category_allowed("termNote", field, Level::term_level, *value))
                    term_taken.insert(field);
            if (!term.context.empty()) term_taken.insert("context");
            if (!term.source.empty() && category_allowed("admin", "source", Level::term_level, term.source))
                term_taken.insert("source");
        }
        ReadBack term_read_back(ReadBack::Owner::term, term_taken);
        std::vector<const ExtraField*> other_extras;
        for (const ExtraField& extra : term.extra) {
            if (extra.element != "termNote" && extra.element != "termNoteGrp") {
                other_extras.push_back(&extra);
                continue;
            }
            std::string reason = refusal(extra, Level::term_level, Container::level);
            if (reason.empty()) {
                report_read_back(extra, place, &term_read_back);
                write_extra(section, extra, Level::term_level, place);
            } else {
                std::string text = describe(extra);
                loss(place, reason + "; written as a note \"" + text.substr(0, text.find(':')) + ": ...\"");
                deferred.push_back(text);
            }
        }

        for (const Transaction& transaction : term.transactions)
            add_transaction(section, transaction, Level::term_level, place);
        if ((!term.context.empty() || !term.context_source.empty()) &&
            !category_allowed("descrip", "context", Level::term_level, term.context)) {
            std::string text = "context: " + term.context;
            if (!term.context_source.empty()) text += " (source: " + term.context_source + ")";
            add_degraded(section, text, place, category_refusal("descrip", "context", Level::term_level, term.context));
        } else if (!term.context.empty() || !term.context_source.empty()) {
            xml_tree::Node holder = section;
            if (!term.context_source.empty()) holder = section.append_child("descripGrp");
            add_text(holder, "descrip", "context", term.context, place);
            if (!term.context_source.empty()) add_text(holder, "admin", "source", term.context_source, place);
        }
        if (!term.source.empty()) {
            if (category_allowed("admin", "source", Level::term_level, term.source))
                add_text(section, "admin", "source", term.source, place);
            else
                add_degraded(section, "source: " + term.source, place,
                             category_refusal("admin", "source", Level::term_level, term.source));
        }
        for (const ExtraField* extra : other_extras)
            add_extra(section, *extra, Level::term_level, Container::level, place, &term_read_back);
        for (const std::string& note : term.notes) add_text(section, "note", {}, note, place);
        for (const std::string& text : deferred) add_text(section, "note", {}, text, place);
    }

    const Shape& shape_;
    tbx_basic::Edition edition_;
    Diagnostics& diagnostics_;
    IdSet& ids_;
    std::vector<PendingReference>& references_;
    std::string scratch_;  // what clean() returns when it had to replace characters
};

}  // namespace

namespace {

// DCA to DCT: <termNote type="partOfSpeech"> becomes <min:partOfSpeech>, <descrip type="definition">
// <basic:definition>. The builder has already refused every category without a module element.
void to_dct(xml_tree::Node node) {
    for (xml_tree::Node child = node.first_child(); child; child = child.next_sibling()) {
        bool has_type = false;
        std::string_view type = child.attribute("type", has_type);
        std::string_view module = has_type ? tbx_basic::dct_module(child.name(), type) : std::string_view{};
        if (!module.empty()) {
            // Built before set_name stores it: the tree's arena may move as it grows.
            std::string name = std::string(module) + ":" + std::string(type);
            child.set_name(name);
            child.remove_attribute("type");
        }
        to_dct(child);
    }
}

}  // namespace

std::string Place::label() const {
    std::string text(concept_id);
    if (language) {
        text += '/';
        text += *language;
    }
    if (term) {
        text += " '";
        text += *term;
        text += '\'';
    }
    return text;
}

bool build_entry(xml_tree::Tree& tree, const Concept& concept_value, const Shape& shape, Diagnostics& diagnostics,
                 FileState& state) {
    tree.clear();
    EntryBuilder builder(shape, diagnostics, state);
    if (!builder.build(tree, concept_value)) return false;
    if (shape.dct && !shape.open_categories) to_dct(tree.root());
    return true;
}

bool claim_file_id(FileState& state, const std::string& id) {
    return xml_values::is_ncname(id) && state.ids.insert(id);
}

void check_references(const FileState& state, Diagnostics& diagnostics) {
    for (const PendingReference& reference : state.references) {
        if (state.ids.contains(reference.target)) continue;
        diagnostics.error(reference.pos, "tbx.dangling-ref",
                          reference.label + ": refers to '" + reference.target +
                              "', which is not the id of anything in this term base");
    }
}

}  // namespace ilo::tbx_entry
