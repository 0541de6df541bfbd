// The concept model: plain value types for term bases, with no knowledge of any file format.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ilo {

// Where a piece of the model came from in its input. Provenance, not content:
// two models read from different files compare equal whatever their positions,
// which is what round-trip tests need. Line and column are 1-based; column counts
// Unicode code points. A default SourcePos (line 0) means "not from a file".
struct SourcePos {
    std::string file;
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    bool known() const { return line != 0; }
    friend bool operator==(const SourcePos&, const SourcePos&) { return true; }
};

// The level of a TBX entry a data category sits on.
enum class Level { concept_level, language_level, term_level };

// An attribute of an extra element other than type and target (id, xml:lang, datatype...).
struct ExtraAttribute {
    std::string name;
    std::string value;
    bool operator==(const ExtraAttribute&) const = default;
};

// A data category the model does not name, kept so that it can be written back
// unchanged. `element` is the TBX element (descrip, admin, termNote, xref, ref...),
// `type` its type attribute, `value` its text content, `target` its target attribute.
// TBX in DCT style is read into the same DCA form (basic:xGraphic becomes element
// "xref", type "xGraphic"), so the model does not depend on the style.
// Groups (descripGrp, adminGrp, termNoteGrp...) and unknown elements with element
// children keep those children, in document order, in `children`; `value` is then empty.
struct ExtraField {
    std::string element;
    std::string type;
    Level level = Level::concept_level;
    std::string value;
    std::string target;
    // Other attributes, in document order.
    std::vector<ExtraAttribute> attributes;
    // DCT style only: the namespace of a module element with no known DCA form
    // (element then holds its local name). Empty for everything else.
    std::string namespace_uri;
    std::vector<ExtraField> children;
    bool operator==(const ExtraField&) const = default;
};

// One entry of a transaction history (TBX transacGrp): who did what, when.
struct Transaction {
    std::string type;            // e.g. "origination", "modification"
    std::string date;            // ISO 8601 as given
    std::string responsibility;  // a person or tool
    std::string responsibility_target;  // the id the responsibility points to (a back-matter refObject)
    std::vector<ExtraField> extra;      // anything else in the transaction group
    bool operator==(const Transaction&) const = default;
};

struct Definition {
    std::string text;
    std::string source;   // the legal or bibliographic source, if any
    std::string context;  // a label such as "EU context", if the entry has several
    std::vector<ExtraField> extra;  // other members of its group (notes, xrefs...), in order
    SourcePos pos;  // where the definition's text starts; its source may sit on another line
    bool operator==(const Definition&) const = default;
};

enum class RelationKind { related, broader, narrower };

// A link from a concept to another concept: a label as written, and where it
// resolves to: a concept id in the same term base, a URL, or nothing yet.
struct Relation {
    RelationKind kind = RelationKind::related;
    std::string label;
    std::string target;
    std::string type;  // the TBX data category it was read as (crossReference...); empty: the writer's choice
    bool operator==(const Relation&) const = default;
};

// Data-category values use the TBX picklist spelling ("fullForm",
// "preferredTerm-admn-sts", "noun"...). An empty string means "not given".
struct Term {
    std::string text;
    std::string id;  // the term's own id, if the source gave one
    std::string term_type;
    std::string administrative_status;
    std::string part_of_speech;
    std::string grammatical_gender;
    std::string geographical_usage;
    std::string context;
    std::string context_source;  // the source of `context`
    std::vector<std::string> notes;
    std::string source;
    std::vector<Transaction> transactions;
    std::vector<ExtraField> extra;
    SourcePos pos;
    bool operator==(const Term&) const = default;
};

struct LanguageSection {
    std::string language;  // BCP 47, canonical case ("en", "pt-BR")
    std::vector<Definition> definitions;
    std::vector<std::string> notes;
    std::vector<Term> terms;
    std::vector<Transaction> transactions;
    std::vector<ExtraField> extra;
    SourcePos pos;
    bool operator==(const LanguageSection&) const = default;
};

struct Concept {
    std::string id;  // a valid xml:id, unique in its term base
    std::string subject_field;
    std::vector<Definition> definitions;  // language-neutral ones; most sit on a LanguageSection
    std::vector<std::string> notes;
    std::vector<Relation> relations;
    std::string origin_url;  // the page the concept was read from, if any
    std::vector<LanguageSection> languages;
    std::vector<Transaction> transactions;
    std::vector<ExtraField> extra;
    SourcePos pos;
    bool operator==(const Concept&) const = default;
};

// A paragraph of a term base's header beyond its title and first source
// description, kept for round trips. `section` names where it sits: "titleNote"
// (a note of the title statement), "publicationStmt", "sourceDesc",
// "encodingDesc" or "revisionDesc". Consecutive paragraphs with the same section
// and group number belong to one element (one sourceDesc, one revision change).
struct HeaderParagraph {
    std::string section;
    std::string type;  // the paragraph's type attribute (encodingDesc: "XCSURI"...)
    std::string text;
    std::uint32_t group = 0;
    bool operator==(const HeaderParagraph&) const = default;
};

// Back matter (TBX back/refObjectSec, 2008 refObjectList): objects such as the
// people that transaction responsibilities point to.
struct RefObjectItem {
    std::string type;  // e.g. "fn", "email", "role"
    std::string value;
    bool operator==(const RefObjectItem&) const = default;
};

struct RefObject {
    std::string id;
    std::vector<RefObjectItem> items;
    bool operator==(const RefObject&) const = default;
};

struct RefObjectSection {
    std::string type;  // e.g. "respPerson"
    std::vector<RefObject> objects;
    bool operator==(const RefObjectSection&) const = default;
};

// What a term base says about itself; streamed before its concepts. The back
// matter belongs here too, although TBX files put it after the entries: readers
// read it first (a TBX reader finds it at the end of the file), so that a
// streaming writer has it at hand whenever it wants to write it.
struct TermBaseHeader {
    std::string title;
    std::string source_description;  // the first paragraph of the first source description
    std::string source_language;  // BCP 47
    std::vector<HeaderParagraph> paragraphs;
    std::vector<RefObjectSection> back_matter;
    bool operator==(const TermBaseHeader&) const = default;
};

struct TermBase : TermBaseHeader {
    std::vector<Concept> concepts;
    bool operator==(const TermBase&) const = default;
};

}  // namespace ilo
