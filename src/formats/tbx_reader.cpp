// TBX reader: decodes the bytes, scans tags to find each entry, parses each entry with pugixml and maps it onto the model.
#include "ilo_tbx/tbx_reader.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "formats/canonical_order.hpp"
#include "formats/tbx_basic_rules.hpp"
#include "ilo_tbx/language_tag.hpp"
#include "text/id_set.hpp"
#include "text/line_cursor.hpp"
#include "text/text_decoding.hpp"
#include "text/unicode_text.hpp"
#include "text/xml_limits.hpp"

namespace ilo {

namespace {

constexpr std::string_view tbx_v3_namespace = "urn:iso:std:iso:30042:ed-2";
constexpr std::string_view xml_namespace = "http://www.w3.org/XML/1998/namespace";

using Cursor = text::LineCursor;

// ---------------------------------------------------------------------------
// Tag scanning: enough XML to find element boundaries and check that tags nest,
// without building anything. Entries are then parsed one by one with pugixml.

struct ScanEvent {
    // incomplete: the text available ends inside the next token; give the scanner more and ask again.
    enum Kind { start_tag, empty_tag, end_tag, text, doctype, end_of_input, error, incomplete } kind = end_of_input;
    std::size_t begin = 0;  // offset of '<' (or of the text)
    std::size_t end = 0;    // offset just past '>'
    std::string_view name;  // qualified element name for tags
    // For errors: what was expected. It lives in the scanner until its next call: an event is passed around
    // for every tag of the file, and a string member made each of those moves cost a string's.
    std::string_view message;
    std::string_view code = "xml.not-well-formed";  // for errors; other codes carry a whole message
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_blank(std::string_view text) {
    for (char c : text)
        if (!is_space(c)) return false;
    return true;
}

struct BadReference {
    std::size_t at;
    std::string message;
    std::string_view code;
};

// The first '&' in text[begin, end) that is not a predefined entity or a character reference to an XML character
// (the only references read: see xml_limits.hpp).
std::optional<BadReference> first_bad_reference(std::string_view text, std::size_t begin, std::size_t end) {
    for (std::size_t at = begin; at < end; ++at) {
        const void* found = std::memchr(text.data() + at, '&', end - at);
        if (!found) return std::nullopt;
        at = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
        std::size_t semicolon = text.find(';', at + 1);
        if (semicolon == std::string_view::npos || semicolon >= end ||
            semicolon - at > xml_limits::max_reference_length)
            return BadReference{at,
                                "a '&' that starts no entity or character reference; write '&amp;' for a literal '&'",
                                "xml.not-well-formed"};
        std::string_view body = text.substr(at + 1, semicolon - at - 1);
        if (body.starts_with('#')) {
            if (!xml_limits::is_character_reference(body.substr(1)))
                return BadReference{at, xml_limits::bad_character_reference_message(body.substr(1), true),
                                    "xml.not-well-formed"};
        } else if (body.empty() || std::any_of(body.begin(), body.end(), [](char c) {
                       return is_space(c) || c == '&' || c == '<' || c == '"' || c == '\'';
                   })) {
            return BadReference{at,
                                "a '&' that starts no entity or character reference; write '&amp;' for a literal '&'",
                                "xml.not-well-formed"};
        } else if (!xml_limits::is_predefined_entity(body)) {
            return BadReference{at, xml_limits::entity_refused_message(body), "xml.entity"};
        }
        at = semicolon;
    }
    return std::nullopt;
}

// The text it scans may be a window on a longer text (`complete` false): a
// token cut by the window's end is then reported as incomplete, and the scan
// restarts at that token once the window is extended (reset()).
class TagScanner {
public:
    TagScanner(std::string_view text, std::size_t start, bool complete = true)
        : text_(text), pos_(start), complete_(complete) {}

    void reset(std::string_view text, std::size_t start, bool complete) {
        text_ = text;
        pos_ = start;
        complete_ = complete;
    }

    ScanEvent next() {
        ScanEvent event;
        const std::size_t size = text_.size();
        if (pos_ >= size) {
            event.kind = complete_ ? ScanEvent::end_of_input : ScanEvent::incomplete;
            event.begin = event.end = size;
            return event;
        }
        if (text_[pos_] != '<') {
            const void* found = std::memchr(text_.data() + pos_, '<', size - pos_);
            std::size_t end = found ? static_cast<std::size_t>(static_cast<const char*>(found) - text_.data()) : size;
            if (!found && !complete_) {
                // White space may be handed on in pieces; other text waits for its end.
                if (!is_blank(text_.substr(pos_))) return incomplete(event);
            }
            if (check_references(event, pos_, end)) return event;
            event.kind = ScanEvent::text;
            event.begin = pos_;
            event.end = end;
            pos_ = end;
            return event;
        }
        std::size_t begin = pos_;
        event.begin = begin;
        std::string_view rest = text_.substr(begin);
        if (rest.size() < 9 && !complete_) return incomplete(event);  // "<![CDATA[" and "<!DOCTYPE" are 9 bytes
        // One look at the byte after '<' sorts out the rare markup from the many tags.
        const char second = rest.size() > 1 ? rest[1] : '\0';
        if (second == '?') return skip_to(event, "?>", "'?>' to end the processing instruction");
        if (second == '!') {
            if (rest.starts_with("<!--")) return skip_to(event, "-->", "'-->' to end the comment");
            if (rest.starts_with("<![CDATA[")) return skip_to(event, "]]>", "']]>' to end the CDATA section");
            if (rest.starts_with("<!DOCTYPE")) return skip_doctype(event);
            return fail(event, begin, "expected a comment, a CDATA section or a DOCTYPE after '<!'");
        }
        if (second == '/') {
            std::size_t at = begin + 2;
            std::size_t name_end = scan_name(at);
            if (name_end >= size && !complete_) return incomplete(event);
            if (name_end == at) return fail(event, at, "expected an element name after '</'");
            event.name = text_.substr(at, name_end - at);
            at = name_end;
            while (at < size && is_space(text_[at])) ++at;
            if (at >= size && !complete_) return incomplete(event);
            if (at >= size || text_[at] != '>')
                return fail(event, at, "expected '>' to end the end tag </" + std::string(event.name) + ">");
            event.kind = ScanEvent::end_tag;
            event.end = pos_ = at + 1;
            return event;
        }
        std::size_t at = begin + 1;
        std::size_t name_end = scan_name(at);
        if (name_end >= size && !complete_) return incomplete(event);
        if (name_end == at) return fail(event, at, "expected an element name after '<' (write '&lt;' for a literal '<')");
        event.name = text_.substr(at, name_end - at);
        at = name_end;
        attribute_names_.clear();
        for (;;) {
            bool had_space = false;
            while (at < size && is_space(text_[at])) {
                ++at;
                had_space = true;
            }
            if (at >= size && !complete_) return incomplete(event);
            if (at >= size) return fail(event, at, "expected '>' to end the start tag <" + std::string(event.name) + ">");
            if (text_[at] == '>') {
                event.kind = ScanEvent::start_tag;
                event.end = pos_ = at + 1;
                return event;
            }
            if (text_[at] == '/') {
                if (at + 1 >= size && !complete_) return incomplete(event);
                if (at + 1 < size && text_[at + 1] == '>') {
                    event.kind = ScanEvent::empty_tag;
                    event.end = pos_ = at + 2;
                    return event;
                }
                return fail(event, at, "expected '/>' or '>' to end the start tag <" + std::string(event.name) + ">");
            }
            if (!had_space)
                return fail(event, at, "expected white space, '>' or '/>' in the start tag <" + std::string(event.name) + ">");
            std::size_t attribute_end = scan_name(at);
            if (attribute_end >= size && !complete_) return incomplete(event);
            if (attribute_end == at)
                return fail(event, at, "expected an attribute name, '>' or '/>' in the start tag <" + std::string(event.name) + ">");
            const std::string_view attribute_name = text_.substr(at, attribute_end - at);
            if (std::find(attribute_names_.begin(), attribute_names_.end(), attribute_name) != attribute_names_.end())
                return fail(event, at, "duplicate attribute '" + std::string(attribute_name) + "' in the start tag <" + std::string(event.name) + ">");
            attribute_names_.push_back(attribute_name);
            at = attribute_end;
            while (at < size && is_space(text_[at])) ++at;
            if (at >= size && !complete_) return incomplete(event);
            if (at >= size || text_[at] != '=')
                return fail(event, at, "expected '=' after the attribute name '" + std::string(attribute_name) + "'");
            ++at;
            while (at < size && is_space(text_[at])) ++at;
            if (at >= size && !complete_) return incomplete(event);
            if (at >= size || (text_[at] != '"' && text_[at] != '\''))
                return fail(event, at, "expected a quoted value for the attribute '" + std::string(attribute_name) + "'");
            char quote = text_[at];
            std::size_t close = text_.find(quote, at + 1);
            if (close == std::string_view::npos && !complete_) {
                // A value already over the limit is refused without reading the rest of it.
                if (size - at - 1 > xml_limits::max_attribute_bytes)
                    return fail(event, at, xml_limits::attribute_too_long_message(attribute_name, size - at - 1),
                                "xml.too-large");
                return incomplete(event);
            }
            if (close == std::string_view::npos)
                return fail(event, at, "expected a closing " + std::string(1, quote) + " for the attribute '" + std::string(attribute_name) + "'");
            if (close - at - 1 > xml_limits::max_attribute_bytes)
                return fail(event, at, xml_limits::attribute_too_long_message(attribute_name, close - at - 1),
                            "xml.too-large");
            std::size_t less = text_.substr(at + 1, close - at - 1).find('<');
            if (less != std::string_view::npos)
                return fail(event, at, "the value of the attribute '" + std::string(attribute_name) + "' runs into a '<'" +
                                           (text_.substr(at + 1, less).find('\n') != std::string_view::npos
                                                ? " on a later line: is its closing " + std::string(1, quote) + " missing?"
                                                : "") +
                                           " (write '&lt;' for a literal '<')");
            if (check_references(event, at + 1, close)) return event;
            at = close + 1;
        }
    }

    std::size_t position() const { return pos_; }

private:
    std::size_t scan_name(std::size_t at) const {
        static constexpr std::array<bool, 256> ends_a_name = [] {
            std::array<bool, 256> ends{};
            for (char c : std::string_view(" \t\r\n>/=<\"'")) ends[static_cast<unsigned char>(c)] = true;
            return ends;
        }();
        while (at < text_.size() && !ends_a_name[static_cast<unsigned char>(text_[at])]) ++at;
        return at;
    }

    ScanEvent& incomplete(ScanEvent& event) {
        event.kind = ScanEvent::incomplete;
        return event;
    }

    ScanEvent& skip_to(ScanEvent& event, std::string_view terminator, std::string_view expected) {
        std::size_t found = text_.find(terminator, event.begin + 2);
        if (found == std::string_view::npos && !complete_) return incomplete(event);
        if (found == std::string_view::npos) return fail(event, text_.size(), "expected " + std::string(expected));
        event.kind = ScanEvent::text;  // comments and PIs carry no content for us; report as empty text
        event.end = pos_ = found + terminator.size();
        event.begin = event.end;
        return event;
    }

    ScanEvent& skip_doctype(ScanEvent& event) {
        int depth = 0;
        std::size_t at = event.begin + 9;
        while (at < text_.size()) {
            char c = text_[at];
            if (c == '"' || c == '\'') {
                std::size_t close = text_.find(c, at + 1);
                if (close == std::string_view::npos && !complete_) return incomplete(event);
                if (close == std::string_view::npos) break;
                at = close + 1;
                continue;
            }
            if (c == '[') ++depth;
            if (c == ']') --depth;
            if (c == '>' && depth <= 0) {
                event.kind = ScanEvent::doctype;
                event.end = pos_ = at + 1;
                return event;
            }
            ++at;
        }
        if (!complete_) return incomplete(event);
        return fail(event, text_.size(), "expected '>' to end the DOCTYPE");
    }

    ScanEvent& fail(ScanEvent& event, std::size_t at, std::string message,
                    std::string_view code = "xml.not-well-formed") {
        event.kind = ScanEvent::error;
        event.begin = event.end = at;
        message_ = std::move(message);
        event.message = message_;
        event.code = code;
        pos_ = text_.size();
        return event;
    }

    // Checks every '&' in text_[begin, end) (see first_bad_reference); returns true, with `event` made an error,
    // at the first bad one.
    bool check_references(ScanEvent& event, std::size_t begin, std::size_t end) {
        std::optional<BadReference> bad = first_bad_reference(text_, begin, end);
        if (!bad) return false;
        fail(event, bad->at, std::move(bad->message), bad->code);
        return true;
    }

    std::string_view text_;
    std::size_t pos_;
    bool complete_;  // text_ is the whole text, not a window that may grow
    std::vector<std::string_view> attribute_names_;  // of the start tag being scanned
    std::string message_;  // of the last error
};

std::string_view local_name(std::string_view qualified) {
    std::size_t colon = qualified.find(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

// Namespaces in XML: at most one ':' in a name, with a name on each side. pugixml does not know namespaces and
// takes "xre:" or "a:b:c" as names; libxml2, and so the validator, refuses them, and so does the reader where
// it would keep such a name (an unknown element or attribute, kept in extra) instead of letting it through.
bool is_qualified_name(std::string_view name) {
    std::size_t colon = name.find(':');
    if (colon == std::string_view::npos) return !name.empty();
    return colon > 0 && colon + 1 < name.size() && name.find(':', colon + 1) == std::string_view::npos;
}

std::string_view prefix_of(std::string_view qualified) {
    std::size_t colon = qualified.find(':');
    return colon == std::string_view::npos ? std::string_view{} : qualified.substr(0, colon);
}

// ---------------------------------------------------------------------------
// Data categories: the DCA element of each data category, for reading DCT style
// (ISO 30042:2019 and the TBX 2008 default XCS, plus usageStatus from TBX-Basic 2025).

struct DataCategoryElement {
    std::string_view name;
    std::string_view element;
};

constexpr std::array<DataCategoryElement, 113> data_category_elements{{
    {"abbreviatedFormFor", "termNote"}, {"administrativeStatus", "termNote"}, {"animacy", "termNote"},
    {"annotatedNote", "admin"}, {"antonymConcept", "descrip"}, {"antonymTerm", "termNote"},
    {"applicationSubset", "admin"}, {"associatedConcept", "descrip"}, {"audio", "descrip"},
    {"broaderConceptGeneric", "descrip"}, {"broaderConceptPartitive", "descrip"}, {"businessUnitSubset", "admin"},
    {"characteristic", "descrip"}, {"classificationCode", "descrip"}, {"conceptOrigin", "admin"},
    {"conceptPosition", "descrip"}, {"context", "descrip"}, {"contextType", "descripNote"},
    {"coordinateConceptGeneric", "descrip"}, {"coordinateConceptPartitive", "descrip"}, {"corpusTrace", "xref"},
    {"crossReference", "ref"}, {"customerSubset", "admin"}, {"databaseType", "admin"}, {"definition", "descrip"},
    {"definitionType", "descripNote"}, {"descriptionType", "descripNote"}, {"directionality", "termNote"},
    {"domainExpert", "admin"}, {"elementWorkingStatus", "admin"}, {"entrySource", "admin"},
    {"environmentSubset", "admin"}, {"etymology", "termNote"}, {"example", "descrip"}, {"explanation", "descrip"},
    {"externalCrossReference", "xref"}, {"falseFriend", "termNote"}, {"figure", "descrip"},
    {"frequency", "termNote"}, {"geographicalUsage", "termNote"}, {"grammaticalGender", "termNote"},
    {"grammaticalNumber", "termNote"}, {"grammaticalValency", "termNote"}, {"homograph", "termNote"},
    {"hyphenation", "termCompList"}, {"indexHeading", "admin"}, {"keyword", "admin"},
    {"language-planningQualifier", "termNote"}, {"lemma", "termCompList"}, {"lionHotkey", "termNote"},
    {"morphologicalElement", "termCompList"}, {"normativeAuthorization", "termNote"}, {"noteSource", "adminNote"},
    {"originatingDatabase", "admin"}, {"originatingInstitution", "admin"}, {"originatingPerson", "admin"},
    {"otherBinaryData", "descrip"}, {"partOfSpeech", "termNote"}, {"processStatus", "termNote"},
    {"productSubset", "admin"}, {"projectSubset", "admin"}, {"pronunciation", "termNote"},
    {"proprietaryRestriction", "termNote"}, {"quantity", "descrip"}, {"range", "descrip"},
    {"register", "termNote"}, {"relatedConcept", "descrip"}, {"relatedConceptBroader", "descrip"},
    {"relatedConceptNarrower", "descrip"}, {"reliabilityCode", "descrip"}, {"responsibility", "transacNote"},
    {"sampleSentence", "descrip"}, {"searchTerm", "admin"}, {"securitySubset", "admin"}, {"see", "ref"},
    {"sequentiallyRelatedConcept", "descrip"}, {"shortFormFor", "termNote"}, {"sortKey", "admin"},
    {"source", "admin"}, {"sourceIdentifier", "admin"}, {"sourceType", "adminNote"},
    {"spatiallyRelatedConcept", "descrip"}, {"subjectField", "descrip"}, {"subordinateConceptGeneric", "descrip"},
    {"subordinateConceptPartitive", "descrip"}, {"subsetOwner", "admin"}, {"superordinateConceptGeneric", "descrip"},
    {"superordinateConceptPartitive", "descrip"}, {"syllabification", "termCompList"}, {"table", "descrip"},
    {"temporalQualifier", "termNote"}, {"temporallyRelatedConcept", "descrip"}, {"termElement", "termCompList"},
    {"termLocation", "termNote"}, {"termProvenance", "termNote"}, {"termStructure", "termNote"},
    {"termType", "termNote"}, {"thesaurusDescriptor", "descrip"}, {"timeRestriction", "termNote"},
    {"transactionType", "transac"}, {"transferComment", "termNote"}, {"unit", "descrip"},
    {"usageCount", "transacNote"}, {"usageNote", "termNote"}, {"usageStatus", "termNote"}, {"video", "descrip"},
    {"xAudio", "xref"}, {"xGraphic", "xref"}, {"xMathML", "xref"}, {"xSource", "xref"}, {"xVideo", "xref"},
    {"relatedTerm", "ref"},
}};

std::string_view dca_element_for(std::string_view data_category) {
    for (const DataCategoryElement& entry : data_category_elements)
        if (entry.name == data_category) return entry.element;
    return {};
}

// Elements of the TBX core structure that hold data categories or group them.
bool is_core_data_element(std::string_view name) {
    static constexpr std::array<std::string_view, 24> names{
        "admin",   "adminGrp",  "adminNote",   "descrip",      "descripGrp", "descripNote", "note",   "ref",
        "xref",    "transacGrp", "transac",    "transacNote",  "date",       "termNote",    "termNoteGrp",
        "termCompList", "termComp", "termCompGrp", "hi",       "foreign",    "ph",          "bpt",    "ept",
        "sc"};
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_group_element(std::string_view element) {
    return element.ends_with("Grp") || element == "termCompList" || element == "termComp";
}

// TBX-Min 2013 status values and their TBX-Basic administrativeStatus equivalents.
std::string_view min_status_to_basic(std::string_view status) {
    if (status == "preferred") return "preferredTerm-admn-sts";
    if (status == "admitted") return "admittedTerm-admn-sts";
    if (status == "notRecommended") return "deprecatedTerm-admn-sts";
    if (status == "obsolete") return "supersededTerm-admn-sts";
    return {};
}

RelationKind relation_kind_for(std::string_view type) {
    std::string lower(type);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (lower.find("broader") != std::string::npos || lower.find("superordinate") != std::string::npos)
        return RelationKind::broader;
    if (lower.find("narrower") != std::string::npos || lower.find("subordinate") != std::string::npos)
        return RelationKind::narrower;
    return RelationKind::related;
}

// A ref's or xref's kind and label: the prefix counts where the category does not say otherwise.
void apply_relation_prefix(Relation& relation) {
    const RelationKind* prefix_kind = tbx_basic::relation_kind_of_prefix(relation.label);
    if (!prefix_kind || *prefix_kind == RelationKind::related) return;
    if (relation.kind != RelationKind::related && relation.kind != *prefix_kind) return;
    relation.kind = *prefix_kind;
    relation.label.erase(0, tbx_basic::relation_prefix(*prefix_kind).size());
}

// ---------------------------------------------------------------------------
// The reader proper.

enum class Role { other, skipped, root, header, text, body, entry, back };

// The elements between the root and the entries (<tbx>, <text>, <body>): the scan itself tells their children
// apart by name and reports text inside them; inside the header and entries pugixml's parse does both.
bool is_above_entries(Role role) { return role == Role::root || role == Role::text || role == Role::body; }

// An element not yet closed. Outside the header and entries its name is kept
// and its position known when it opens, because the text it sits in may be
// gone by the time it closes; inside them the text is still there.
struct OpenElement {
    std::string owned_name;     // outside a retained region
    std::size_t name_at = 0;    // inside one: where the name sits in the text
    std::size_t name_size = 0;
    std::size_t begin = 0;
    Role role = Role::other;
    bool retained = false;
    std::uint32_t line = 0, column = 0;  // where it opened, when not retained
};

class TbxReader {
public:
    TbxReader(const Input& input, Diagnostics& diagnostics, ConceptSink& sink, TbxFlavour& flavour,
              std::size_t chunk_size)
        : input_(input), diagnostics_(diagnostics), sink_(sink), flavour_(flavour),
          chunk_size_(std::max<std::size_t>(chunk_size, 1)) {}

    void run();

private:
    // --- the text: all of it, or a window on it that moves forward chunk by chunk.
    // Offsets are absolute (into the decoded text) everywhere; window_ holds [base_, base_ + window_.size()).
    bool start_text();
    bool fill_first_window();
    bool refill(std::size_t restart);
    bool append_chunk();
    bool check_new_bytes();
    ScanEvent next_event();
    std::string_view slice(std::size_t begin, std::size_t end) const {
        return window_.substr(begin - base_, end - begin);
    }
    std::string_view name_of(const OpenElement& open) const {
        return open.retained ? slice(open.name_at, open.name_at + open.name_size) : std::string_view(open.owned_name);
    }

    // --- positions and diagnostics
    std::pair<std::uint32_t, std::uint32_t> line_column(std::size_t offset);
    std::pair<std::uint32_t, std::uint32_t> opened_at(const OpenElement& open) {
        return open.retained ? line_column(open.begin) : std::pair{open.line, open.column};
    }
    Cursor cursor_before(std::size_t offset) const;
    SourcePos position(std::size_t offset) {
        auto [line, column] = line_column(offset);
        return {input_.name, line, column};
    }
    void error_at(std::size_t offset, std::string code, std::string message) {
        diagnostics_.error(position(offset), std::move(code), std::move(message));
        failed_ = true;
    }

    // A parsed fragment (the header, one entry, the back matter) and where it sits.
    struct Fragment {
        pugi::xml_document document;
        std::string_view text;
        std::size_t offset = 0;                 // absolute offset of text[0]
        mutable std::optional<Cursor> start;    // the position of text[0], found when first needed
        mutable Cursor cursor;                  // the last position asked for, to move on from
        // Most entries declare no namespace of their own; then only the root's declarations apply.
        bool declares_namespaces = true;
    };
    // Parses `text` into `fragment`; parse_fragment also reports a failure.
    pugi::xml_parse_result load_fragment(Fragment& fragment, std::string_view text, std::size_t offset);
    bool parse_fragment(Fragment& fragment, std::string_view text, std::size_t offset);
    // Starts the fragment's positions at the reader's cursor, moved to its first byte.
    void anchor(Fragment& fragment) {
        line_column(fragment.offset);
        fragment.start = cursor_;
        fragment.cursor = cursor_;
    }
    SourcePos fragment_position(const Fragment& fragment, std::size_t relative) const;
    SourcePos position_of(const Fragment& fragment, pugi::xml_node node) const;
    SourcePos position_of(pugi::xml_node node) const { return position_of(*current_, node); }
    void warn(pugi::xml_node node, std::string code, std::string message) {
        diagnostics_.warning(position_of(node), std::move(code), std::move(message));
    }

    // --- namespaces
    // A view of the URI: into the fragment's document, the root's declarations or undeclared_.
    std::string_view namespace_of(pugi::xml_node node) const;
    bool is_core(pugi::xml_node node) const { return namespace_of(node) == core_namespace_; }
    std::string_view core_name(pugi::xml_node node) const {
        return is_core(node) ? local_name(node.name()) : std::string_view{};
    }

    // --- structure
    bool read_root(const ScanEvent& event);
    void emit_header();
    void read_header(std::size_t begin, std::size_t end);
    void read_back_matter_from_tail();
    void read_back(std::string_view back, std::size_t offset);
    bool read_tail();
    void read_entry(std::size_t begin, std::size_t end);
    bool read_entry_at_once(const ScanEvent& start, std::size_t depth);
    void read_parsed_entry(Fragment& fragment);

    // --- mapping onto the model
    std::string text_of(pugi::xml_node node);
    std::string language_of(pugi::xml_node node);
    void check_attributes(pugi::xml_node node, std::initializer_list<std::string_view> kept);
    bool attributes_within(pugi::xml_node node, std::initializer_list<std::string_view> allowed) const;
    ExtraField to_extra(pugi::xml_node node, Level level, bool warn_unknown = true);
    // Views into the fragment's document or constants: valid while the fragment is.
    std::string_view data_category_of(pugi::xml_node node, std::string_view& element) const;
    Transaction read_transaction(pugi::xml_node group, Level level);
    bool is_transaction(pugi::xml_node group) const;
    std::optional<Definition> read_definition_group(pugi::xml_node group, Level level);
    Concept read_concept(pugi::xml_node entry);
    LanguageSection read_language(pugi::xml_node section);
    void read_term_child(pugi::xml_node child, Term& term);
    // Fills `term`, a new term already in its language section: a Term is big, and moving one in cost.
    void read_term(pugi::xml_node term_section, Term& term);
    Concept read_min_concept(pugi::xml_node entry);
    void read_min_header(pugi::xml_node header);

    const Input& input_;
    Diagnostics& diagnostics_;
    ConceptSink& sink_;
    TbxFlavour& flavour_;
    std::size_t chunk_size_;
    DecodedText decoded_;
    ByteSource* source_ = nullptr;  // set while the text is read in chunks
    std::unique_ptr<char[]> buffer_;  // the chunks' bytes: window_ views buffer_[0, buffer_size_)
    std::size_t buffer_size_ = 0;
    std::size_t buffer_capacity_ = 0;
    std::string_view window_;
    std::size_t base_ = 0;
    bool eof_ = false;                  // window_ reaches the end of the text
    std::size_t skipped_ = 0;           // bytes of a byte-order mark before the text in the source
    bool check_binary_ = false;
    std::size_t checked_end_ = 0;       // absolute: the bytes before it are known good
    bool warned_inner_bom_ = false;
    std::size_t retain_from_ = std::string::npos;  // the header or entry being read stays in the window
    TagScanner scanner_{{}, 0};
    Cursor cursor_;
    std::string tail_;                  // chunked: the end of the file, holding the back matter
    std::string whole_;                 // a source read whole (UTF-16, legacy encodings, unknown size)
    bool prolog_markup_ = false;        // a comment, PI or DOCTYPE came before any root
    bool failed_ = false;

    std::string core_namespace_;
    mutable std::set<std::string, std::less<>> undeclared_;  // "undeclared:PREFIX" for each prefix met undeclared
    std::vector<std::pair<std::string, std::string>> root_namespaces_;  // prefix ("" = default) -> URI
    std::map<std::string, LanguageTag, std::less<>> language_tags_;      // xml:lang as written -> normalised
    std::string root_language_;

    TermBaseHeader header_;
    bool header_emitted_ = false;
    std::size_t back_begin_ = std::string::npos;

    const Fragment* current_ = nullptr;
    IdSet concept_ids_;
    IdSet term_ids_;
    // Cross-reference targets and where they were read, checked against every id once the file is read.
    std::vector<std::pair<std::string, SourcePos>> references_;
    void warn_about_dangling_references();
    std::size_t entry_count_ = 0;
    bool warned_generated_id_ = false;
    // The first untyped <p> of the first sourceDesc is the source description even when empty, so that a writer
    // can mark an empty one and keep the paragraphs after it as paragraphs.
    bool source_description_read_ = false;
};

pugi::xml_parse_result TbxReader::load_fragment(Fragment& fragment, std::string_view text, std::size_t offset) {
    fragment.text = text;
    fragment.offset = offset;
    fragment.declares_namespaces = fragment.text.find("xmlns") != std::string_view::npos;
    return fragment.document.load_buffer(fragment.text.data(), fragment.text.size(),
                                         pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_utf8);
}

bool TbxReader::parse_fragment(Fragment& fragment, std::string_view text, std::size_t offset) {
    pugi::xml_parse_result result = load_fragment(fragment, text, offset);
    if (!result) {
        diagnostics_.error(fragment_position(fragment, static_cast<std::size_t>(result.offset)), "xml.not-well-formed",
                           std::string("not well-formed XML: ") + result.description());
        failed_ = true;
        return false;
    }
    return true;
}

// The position of byte `relative` of a fragment. Positions are mostly asked
// for in document order, so the fragment's cursor moves on from the last one.
SourcePos TbxReader::fragment_position(const Fragment& fragment, std::size_t relative) const {
    relative = std::min(relative, fragment.text.size());
    if (!fragment.start) {
        fragment.start = cursor_before(fragment.offset);
        fragment.cursor = *fragment.start;
    }
    std::size_t done = fragment.cursor.offset() - fragment.offset;
    if (relative < done) {
        fragment.cursor = *fragment.start;
        done = 0;
    }
    fragment.cursor.advance(fragment.text.substr(done, relative - done));
    auto [line, column] = fragment.cursor.position();
    return {input_.name, line, column};
}

SourcePos TbxReader::position_of(const Fragment& fragment, pugi::xml_node node) const {
    std::ptrdiff_t offset = node.offset_debug();
    if (offset < 0) return fragment_position(fragment, 0);
    // offset_debug points just past '<' for elements.
    std::size_t at = static_cast<std::size_t>(offset);
    if (at > 0 && node.type() == pugi::node_element) --at;
    return fragment_position(fragment, at);
}

std::string_view TbxReader::namespace_of(pugi::xml_node node) const {
    std::string_view name = node.name();
    std::string_view prefix = prefix_of(name);
    if (prefix == "xml") return xml_namespace;
    if (!current_ || current_->declares_namespaces) {
        std::string attribute = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
        for (pugi::xml_node at = node; at && at.type() == pugi::node_element; at = at.parent())
            if (pugi::xml_attribute declared = at.attribute(attribute.c_str())) return declared.value();
    }
    for (const auto& [declared_prefix, uri] : root_namespaces_)
        if (declared_prefix == prefix) return uri;
    if (prefix.empty()) return {};
    return *undeclared_.insert("undeclared:" + std::string(prefix)).first;
}

// The text content of a data-category element. Inline markup (hi, foreign, ph...)
// cannot be kept by the model, so its text is kept and the markup reported.
std::string TbxReader::text_of(pugi::xml_node node) {
    // Most data categories hold one run of text.
    if (pugi::xml_node only = node.first_child();
        only && !only.next_sibling() && (only.type() == pugi::node_pcdata || only.type() == pugi::node_cdata))
        return only.value();
    std::string text;
    bool had_markup = false;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            text += child.value();
        } else if (child.type() == pugi::node_element) {
            had_markup = true;
            text += text_of(child);
        }
    }
    if (had_markup)
        warn(node, "tbx.inline-markup",
             "inline markup inside <" + std::string(node.name()) + "> is not kept; its text is");
    return text;
}

std::string TbxReader::language_of(pugi::xml_node node) {
    pugi::xml_attribute attribute = node.attribute("xml:lang");
    if (!attribute) attribute = node.attribute("lang");
    if (!attribute) {
        warn(node, "tbx.missing-language",
             "<" + std::string(node.name()) + "> has no xml:lang; expected a language tag such as xml:lang=\"en\"");
        return {};
    }
    // A term base repeats a few dozen tags millions of times; ICU's check is the costly part.
    auto cached = language_tags_.find(std::string_view(attribute.value()));
    if (cached == language_tags_.end())
        cached = language_tags_.emplace(std::string(attribute.value()), normalise_language_tag(attribute.value())).first;
    const LanguageTag& tag = cached->second;
    if (!tag.valid) {
        warn(node, "tbx.language-tag",
             "invalid language tag '" + std::string(attribute.value()) +
                 "'; expected a BCP 47 tag such as en, en-US or zh-Hant (kept as written)");
    } else if (!tag.known) {
        warn(node, "tbx.language-tag",
             "unknown language '" + std::string(attribute.value()) +
                 "': its primary subtag is not an ISO 639 language code");
    }
    return tag.tag;
}

void TbxReader::check_attributes(pugi::xml_node node, std::initializer_list<std::string_view> kept) {
    for (pugi::xml_attribute attribute : node.attributes()) {
        std::string_view name = attribute.name();
        if (name == "xmlns" || name.starts_with("xmlns:")) continue;
        if (std::find(kept.begin(), kept.end(), name) != kept.end()) continue;
        warn(node, "tbx.attribute-dropped",
             "attribute " + std::string(name) + "=\"" + attribute.value() + "\" on <" + std::string(node.name()) +
                 "> is not kept");
    }
}

bool TbxReader::attributes_within(pugi::xml_node node, std::initializer_list<std::string_view> allowed) const {
    for (pugi::xml_attribute attribute : node.attributes()) {
        std::string_view name = attribute.name();
        if (name == "xmlns" || name.starts_with("xmlns:")) continue;
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) return false;
    }
    return true;
}

// The data category an element carries, and (in `element`) its DCA element:
// <termNote type="partOfSpeech"> and DCT <min:partOfSpeech> both give
// "partOfSpeech" with element "termNote".
std::string_view TbxReader::data_category_of(pugi::xml_node node, std::string_view& element) const {
    if (is_core(node)) {
        element = local_name(node.name());
        return node.attribute("type").value();
    }
    std::string_view local = local_name(node.name());
    std::string_view dca = dca_element_for(local);
    element = dca.empty() ? local : dca;
    return dca.empty() ? std::string_view() : local;
}

ExtraField TbxReader::to_extra(pugi::xml_node node, Level level, bool warn_unknown) {
    ExtraField field;
    field.level = level;
    auto refused_name = [&](std::string_view what, std::string_view name) {
        diagnostics_.error(position_of(node), "xml.not-well-formed",
                           "not namespace-well-formed XML: " + std::string(what) + " name '" + std::string(name) +
                               "'; expected NAME or PREFIX:NAME");
        return field;  // the read has failed; nothing of it is kept
    };
    if (!is_qualified_name(node.name())) return refused_name("element", node.name());
    for (pugi::xml_attribute attribute : node.attributes())
        if (!is_qualified_name(attribute.name())) return refused_name("attribute", attribute.name());
    bool core = is_core(node);
    std::string_view element;
    field.type = std::string(data_category_of(node, element));
    field.element = std::string(element);
    if (!core && field.type.empty()) {
        field.namespace_uri = std::string(namespace_of(node));
        if (warn_unknown)
            warn(node, "tbx.unknown-data-category",
                 "<" + std::string(node.name()) + "> (namespace " + field.namespace_uri +
                     ") is not a known data category; kept as it is");
    } else if (core && warn_unknown && !is_core_data_element(field.element)) {
        warn(node, "tbx.unknown-element",
             "<" + std::string(node.name()) + "> is not a TBX element here; kept as it is");
    }
    for (pugi::xml_attribute attribute : node.attributes()) {
        std::string_view name = attribute.name();
        if (name == "xmlns" || name.starts_with("xmlns:")) continue;
        if (core && name == "type") continue;
        if (name == "target") {
            field.target = attribute.value();
            continue;
        }
        field.attributes.push_back({std::string(name), attribute.value()});
    }
    bool has_element_children = static_cast<bool>(node.find_child([](pugi::xml_node child) {
        return child.type() == pugi::node_element;
    }));
    if (has_element_children && (is_group_element(field.element) || !is_core_data_element(field.element))) {
        for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
            if (child.type() == pugi::node_element) {
                field.children.push_back(to_extra(child, level, warn_unknown));
            } else if ((child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) &&
                       !is_blank(child.value())) {
                warn(node, "tbx.text-dropped",
                     "text directly inside <" + std::string(node.name()) + "> is not kept: '" + child.value() + "'");
            }
        }
    } else {
        field.value = text_of(node);
    }
    return field;
}

// A transacGrp is read as a Transaction when it holds a transactionType; one that does not (its transac has
// another type, as in LTAC's basic_bad.tbx) is kept whole as an extra group, so that TBX-Core writes it back as
// it was instead of a transaction with no type.
bool TbxReader::is_transaction(pugi::xml_node group) const {
    if (!attributes_within(group, {})) return false;
    for (pugi::xml_node child : group.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view element;
        std::string_view category = data_category_of(child, element);
        if (element == "transac" && category == "transactionType" && attributes_within(child, {"type"})) return true;
    }
    return false;
}

Transaction TbxReader::read_transaction(pugi::xml_node group, Level level) {
    Transaction transaction;
    bool have_type = false, have_date = false, have_responsibility = false;
    for (pugi::xml_node child : group.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view element;
        std::string_view category = data_category_of(child, element);
        if (element == "transac" && category == "transactionType" && !have_type && attributes_within(child, {"type"})) {
            transaction.type = text_of(child);
            have_type = true;
        } else if (element == "date" && is_core(child) && !have_date && attributes_within(child, {})) {
            transaction.date = text_of(child);
            have_date = true;
        } else if (element == "transacNote" && category == "responsibility" && !have_responsibility &&
                   attributes_within(child, {"type", "target"})) {
            transaction.responsibility = text_of(child);
            transaction.responsibility_target = child.attribute("target").value();
            have_responsibility = true;
        } else {
            transaction.extra.push_back(to_extra(child, level));
        }
    }
    return transaction;
}

// A descripGrp holding a definition: the definition, its source and the rest of the group.
std::optional<Definition> TbxReader::read_definition_group(pugi::xml_node group, Level level) {
    pugi::xml_node first = group.find_child([](pugi::xml_node child) { return child.type() == pugi::node_element; });
    if (!first) return std::nullopt;
    std::string_view element;
    if (data_category_of(first, element) != "definition" || element != "descrip" ||
        !attributes_within(first, {"type"}) || !attributes_within(group, {}))
        return std::nullopt;
    Definition definition;
    // Markup inside the definition is reported and its text kept (text_of), as an extra field would keep it:
    // read as an extra, the same text was written back as a plain definition and read back as one.
    definition.text = text_of(first);
    bool have_source = false;
    for (pugi::xml_node child = first.next_sibling(); child; child = child.next_sibling()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view child_element;
        std::string_view category = data_category_of(child, child_element);
        if (!have_source && child_element == "admin" && category == "source" && attributes_within(child, {"type"})) {
            definition.source = text_of(child);
            have_source = true;
        } else if (definition.context.empty() && definition.extra.empty() && child_element == "note" &&
                   attributes_within(child, {}) &&
                   !child.find_child([](pugi::xml_node inner) { return inner.type() == pugi::node_element; })) {
            // A plain note first in the group qualifies the definition ("EU context"): the writers' place
            // for Definition::context, so that it reads back as the context it was.
            definition.context = text_of(child);
        } else {
            definition.extra.push_back(to_extra(child, level));
        }
    }
    return definition;
}

Concept TbxReader::read_concept(pugi::xml_node entry) {
    Concept concept_value;
    concept_value.pos = position_of(entry);
    check_attributes(entry, {"id"});
    concept_value.id = entry.attribute("id").value();
    for (pugi::xml_node child : entry.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            if (!is_blank(child.value()))
                warn(entry, "tbx.text-dropped",
                     "text directly inside <" + std::string(entry.name()) + "> is not kept: '" + child.value() + "'");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        std::string_view name = core_name(child);
        if (name == "langSec" || name == "langSet") {
            concept_value.languages.push_back(read_language(child));
            continue;
        }
        if (name == "transacGrp" && is_transaction(child)) {
            concept_value.transactions.push_back(read_transaction(child, Level::concept_level));
            continue;
        }
        if (name == "note" && attributes_within(child, {})) {
            std::string text = text_of(child);
            // The writers' form of a relation without a target (tbx_basic::relation_prefix).
            if (const RelationKind* kind = tbx_basic::relation_kind_of_prefix(text)) {
                concept_value.relations.push_back({*kind, text.substr(tbx_basic::relation_prefix(*kind).size()), "", ""});
                continue;
            }
            concept_value.notes.push_back(std::move(text));
            continue;
        }
        if (name == "descripGrp") {
            if (std::optional<Definition> definition = read_definition_group(child, Level::concept_level)) {
                concept_value.definitions.push_back(std::move(*definition));
                continue;
            }
        }
        std::string_view element;
        std::string_view category = data_category_of(child, element);
        bool plain = attributes_within(child, {"type"});
        bool has_children = static_cast<bool>(
            child.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; }));
        std::string_view target = child.attribute("target").value();
        if (element == "descrip" && category == "subjectField" && plain && !has_children &&
            concept_value.subject_field.empty() && !is_blank(child.text().get())) {
            concept_value.subject_field = text_of(child);
        } else if (element == "descrip" && category == "definition" && plain) {
            concept_value.definitions.push_back({.text = text_of(child)});
        } else if (element == "ref" && attributes_within(child, {"type", "target"}) && !has_children) {
            Relation relation;
            relation.kind = relation_kind_for(category);
            relation.label = text_of(child);
            relation.target = std::string(target);
            // The model's empty type means "the writer's choice", which for a ref is crossReference.
            if (category != "crossReference") relation.type = category;
            apply_relation_prefix(relation);
            if (!relation.target.empty()) references_.push_back({relation.target, position_of(child)});
            concept_value.relations.push_back(std::move(relation));
        } else if (element == "xref" && category == "externalCrossReference" && concept_value.origin_url.empty() &&
                   attributes_within(child, {"type", "target"}) && !target.empty() && !has_children &&
                   (is_blank(child.text().get()) || child.text().get() == target)) {
            // An xref whose text is its URL (or empty) is the concept's origin.
            concept_value.origin_url = std::string(target);
        } else if (element == "xref" && category == "externalCrossReference" &&
                   attributes_within(child, {"type", "target"}) && xml_values::is_http_url(target) &&
                   !has_children && !is_blank(child.text().get())) {
            // Any other labelled web link is a relation to an outside concept, as the writers write one.
            Relation relation{RelationKind::related, text_of(child), std::string(target), ""};
            apply_relation_prefix(relation);
            concept_value.relations.push_back(std::move(relation));
        } else {
            concept_value.extra.push_back(to_extra(child, Level::concept_level));
        }
    }
    return concept_value;
}

LanguageSection TbxReader::read_language(pugi::xml_node section) {
    LanguageSection language;
    language.pos = position_of(section);
    check_attributes(section, {"xml:lang", "lang"});
    language.language = language_of(section);
    // Room for every child element: terms are big, and moving them on each growth of the vector showed in profiles.
    std::size_t elements = 0;
    for (pugi::xml_node child = section.first_child(); child; child = child.next_sibling())
        elements += child.type() == pugi::node_element;
    language.terms.reserve(elements);
    for (pugi::xml_node child : section.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            if (!is_blank(child.value()))
                warn(section, "tbx.text-dropped",
                     "text directly inside <" + std::string(section.name()) + "> is not kept: '" + child.value() + "'");
            continue;
        }
        if (child.type() != pugi::node_element) continue;
        std::string_view name = core_name(child);
        if (name == "termSec" || name == "tig" || name == "ntig") {
            read_term(child, language.terms.emplace_back());
            continue;
        }
        if (name == "transacGrp" && is_transaction(child)) {
            language.transactions.push_back(read_transaction(child, Level::language_level));
            continue;
        }
        if (name == "note" && attributes_within(child, {})) {
            language.notes.push_back(text_of(child));
            continue;
        }
        if (name == "descripGrp") {
            if (std::optional<Definition> definition = read_definition_group(child, Level::language_level)) {
                language.definitions.push_back(std::move(*definition));
                continue;
            }
        }
        std::string_view element;
        std::string_view category = data_category_of(child, element);
        if (element == "descrip" && category == "definition" && attributes_within(child, {"type"})) {
            language.definitions.push_back({.text = text_of(child)});
        } else {
            language.extra.push_back(to_extra(child, Level::language_level));
        }
    }
    return language;
}

// One child of a termSec, tig, ntig or termGrp.
void TbxReader::read_term_child(pugi::xml_node child, Term& term) {
    std::string_view name = core_name(child);
    if (name == "termGrp") {
        check_attributes(child, {});
        for (pugi::xml_node grandchild : child.children())
            if (grandchild.type() == pugi::node_element) read_term_child(grandchild, term);
        return;
    }
    if (name == "term") {
        if (term.text.empty() && term.id.empty()) {
            check_attributes(child, {"id"});
            term.text = text_of(child);
            term.id = child.attribute("id").value();
            return;
        }
        warn(child, "tbx.extra-term",
             "a second <term> in one term section; expected one term per termSec/tig (kept in extra)");
        term.extra.push_back(to_extra(child, Level::term_level, false));
        return;
    }
    if (name == "transacGrp" && is_transaction(child)) {
        term.transactions.push_back(read_transaction(child, Level::term_level));
        return;
    }
    if (name == "note" && attributes_within(child, {})) {
        term.notes.push_back(text_of(child));
        return;
    }
    std::string_view element;
    std::string_view category = data_category_of(child, element);
    bool plain = attributes_within(child, {"type"});
    if (element == "termNote" && plain) {
        std::string* field = nullptr;
        if (category == "termType") field = &term.term_type;
        else if (category == "administrativeStatus") field = &term.administrative_status;
        else if (category == "partOfSpeech") field = &term.part_of_speech;
        else if (category == "grammaticalGender") field = &term.grammatical_gender;
        else if (category == "geographicalUsage") field = &term.geographical_usage;
        if (field && field->empty()) {
            *field = text_of(child);
            if (!field->empty()) return;
        }
    }
    if (element == "termNoteGrp" && attributes_within(child, {})) {
        // A group holding nothing but one termNote is just that termNote.
        std::vector<pugi::xml_node> members;
        for (pugi::xml_node member : child.children())
            if (member.type() == pugi::node_element) members.push_back(member);
        if (members.size() == 1) {
            std::size_t before = term.extra.size();
            Term probe = term;
            read_term_child(members.front(), probe);
            if (probe.extra.size() == before) {
                term = std::move(probe);
                return;
            }
        }
    }
    if (element == "descrip" && category == "context" && plain && term.context.empty()) {
        term.context = text_of(child);
        if (!term.context.empty()) return;
    }
    if (element == "descripGrp" && attributes_within(child, {}) && term.context.empty()) {
        // descripGrp = context + optional source maps onto the term's context fields.
        std::vector<pugi::xml_node> members;
        for (pugi::xml_node member : child.children())
            if (member.type() == pugi::node_element) members.push_back(member);
        if (!members.empty() && members.size() <= 2) {
            std::string_view first_element, second_element;
            std::string_view first = data_category_of(members[0], first_element);
            std::string_view second = members.size() == 2 ? data_category_of(members[1], second_element) : "";
            bool context_ok = first_element == "descrip" && first == "context" && attributes_within(members[0], {"type"}) &&
                              !members[0].find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; });
            bool source_ok = members.size() == 1 ||
                             (second_element == "admin" && second == "source" && attributes_within(members[1], {"type"}));
            if (context_ok && source_ok) {
                term.context = text_of(members[0]);
                if (members.size() == 2) term.context_source = text_of(members[1]);
                // A source without a context is still the context's source (the writers write it so).
                if (!term.context.empty() || !term.context_source.empty()) return;
            }
        }
    }
    if (element == "admin" && category == "source" && plain && term.source.empty()) {
        term.source = text_of(child);
        if (!term.source.empty()) return;
    }
    term.extra.push_back(to_extra(child, Level::term_level));
}

void TbxReader::read_term(pugi::xml_node term_section, Term& term) {
    term.pos = position_of(term_section);
    check_attributes(term_section, {});
    for (pugi::xml_node child : term_section.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            if (!is_blank(child.value()))
                warn(term_section, "tbx.text-dropped",
                     "text directly inside <" + std::string(term_section.name()) + "> is not kept: '" +
                         child.value() + "'");
            continue;
        }
        if (child.type() == pugi::node_element) read_term_child(child, term);
    }
    if (term.text.empty())
        warn(term_section, "tbx.missing-term",
             "<" + std::string(term_section.name()) + "> has no <term>; expected exactly one");
}

// ---------------------------------------------------------------------------
// Pre-ISO TBX-Min (2013): <TBX dialect="TBX-Min"> with <header> and plain elements.

void TbxReader::read_min_header(pugi::xml_node header) {
    for (pugi::xml_node child : header.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "id") {
            header_.title = text_of(child);
        } else if (name == "description") {
            header_.source_description = text_of(child);
        } else if (name == "languages") {
            check_attributes(child, {"source", "target"});
            if (pugi::xml_attribute source = child.attribute("source")) {
                LanguageTag tag = normalise_language_tag(source.value());
                if (!tag.valid)
                    warn(child, "tbx.language-tag",
                         "invalid language tag '" + std::string(source.value()) + "'; expected a BCP 47 tag such as en");
                header_.source_language = tag.tag;
            }
            if (pugi::xml_attribute target = child.attribute("target")) {
                LanguageTag tag = normalise_language_tag(target.value());
                if (!tag.valid)
                    warn(child, "tbx.language-tag",
                         "invalid language tag '" + std::string(target.value()) + "'; expected a BCP 47 tag such as en");
                header_.paragraphs.push_back({"sourceDesc", "targetLanguage", tag.tag, 0});
            }
        } else if (name == "license") {
            header_.paragraphs.push_back({"publicationStmt", "", text_of(child), 0});
        } else if (name == "dateCreated" || name == "creator" || name == "directionality") {
            header_.paragraphs.push_back({"sourceDesc", std::string(name), text_of(child), 0});
        } else {
            header_.paragraphs.push_back({"sourceDesc", std::string(name), text_of(child), 0});
            warn(child, "tbx.unknown-element",
                 "<" + std::string(name) + "> is not a TBX-Min header element; kept as a source description");
        }
    }
}

Concept TbxReader::read_min_concept(pugi::xml_node entry) {
    Concept concept_value;
    concept_value.pos = position_of(entry);
    check_attributes(entry, {"id"});
    concept_value.id = entry.attribute("id").value();
    auto unknown = [&](pugi::xml_node node, Level level, std::vector<ExtraField>& extra) {
        warn(node, "tbx.unknown-element", "<" + std::string(node.name()) + "> is not a TBX-Min element; kept as it is");
        extra.push_back(to_extra(node, level, false));
    };
    for (pugi::xml_node child : entry.children()) {
        if (child.type() != pugi::node_element) continue;
        std::string_view name = child.name();
        if (name == "subjectField" && concept_value.subject_field.empty()) {
            concept_value.subject_field = text_of(child);
        } else if (name == "langSet" || name == "langSec") {
            LanguageSection language;
            language.pos = position_of(child);
            check_attributes(child, {"xml:lang"});
            language.language = language_of(child);
            for (pugi::xml_node term_node : child.children()) {
                if (term_node.type() != pugi::node_element) continue;
                if (std::string_view(term_node.name()) != "tig" && std::string_view(term_node.name()) != "termSec") {
                    unknown(term_node, Level::language_level, language.extra);
                    continue;
                }
                Term term;
                term.pos = position_of(term_node);
                for (pugi::xml_node field : term_node.children()) {
                    if (field.type() != pugi::node_element) continue;
                    std::string_view field_name = field.name();
                    if (field_name == "term" && term.text.empty()) {
                        term.text = text_of(field);
                        term.id = field.attribute("id").value();
                    } else if (field_name == "partOfSpeech" && term.part_of_speech.empty()) {
                        term.part_of_speech = text_of(field);
                    } else if (field_name == "termStatus" && term.administrative_status.empty()) {
                        std::string status = text_of(field);
                        std::string_view basic = min_status_to_basic(status);
                        if (basic.empty()) {
                            warn(field, "tbx.picklist",
                                 "termStatus '" + status +
                                     "' is not a TBX-Min value (preferred, admitted, notRecommended, obsolete); kept "
                                     "as written");
                            term.administrative_status = status;
                        } else {
                            term.administrative_status = std::string(basic);
                        }
                    } else if (field_name == "customer") {
                        term.extra.push_back({.element = "admin", .type = "customerSubset", .level = Level::term_level,
                                              .value = text_of(field)});
                    } else if (field_name == "note") {
                        term.notes.push_back(text_of(field));
                    } else if (field_name == "noteGrp") {
                        for (pugi::xml_node note : field.children("note")) {
                            std::string key = note.child("noteKey").text().get();
                            std::string value = note.child("noteValue") ? std::string(note.child("noteValue").text().get())
                                                                        : text_of(note);
                            term.notes.push_back(key.empty() ? value : key + ": " + value);
                        }
                    } else {
                        unknown(field, Level::term_level, term.extra);
                    }
                }
                language.terms.push_back(std::move(term));
            }
            concept_value.languages.push_back(std::move(language));
        } else {
            unknown(child, Level::concept_level, concept_value.extra);
        }
    }
    return concept_value;
}

// ---------------------------------------------------------------------------
// Header, back matter, entries.

void TbxReader::read_header(std::size_t begin, std::size_t end) {
    Fragment fragment;
    fragment.offset = begin;
    anchor(fragment);
    if (!parse_fragment(fragment, slice(begin, end), begin)) return;
    current_ = &fragment;
    pugi::xml_node header = fragment.document.document_element();
    if (flavour_.version == TbxVersion::min2013) {
        read_min_header(header);
        current_ = nullptr;
        return;
    }
    std::uint32_t source_group = 0;
    std::uint32_t change_group = 0;
    auto paragraphs = [&](pugi::xml_node parent, std::string_view section, std::uint32_t group) {
        for (pugi::xml_node p : parent.children()) {
            if ((p.type() == pugi::node_pcdata || p.type() == pugi::node_cdata) && !is_blank(p.value())) {
                // Bare text where <p> belongs: keep it as a paragraph rather than lose it.
                warn(parent, "tbx.bare-text",
                     "text directly inside <" + std::string(parent.name()) + "> should be wrapped in <p>; kept as a paragraph");
                std::string_view bare = p.value();
                while (!bare.empty() && is_space(bare.front())) bare.remove_prefix(1);
                while (!bare.empty() && is_space(bare.back())) bare.remove_suffix(1);
                if (section == "sourceDesc" && !source_description_read_ && group == 0) {
                    header_.source_description = std::string(bare);
                    source_description_read_ = true;
                } else
                    header_.paragraphs.push_back({std::string(section), "", std::string(bare), group});
                continue;
            }
            if (p.type() != pugi::node_element) continue;
            if (local_name(p.name()) != "p") {
                warn(p, "tbx.unknown-element",
                     "<" + std::string(p.name()) + "> in <" + std::string(parent.name()) +
                         "> is not kept; expected <p>");
                continue;
            }
            check_attributes(p, {"type"});
            std::string text = text_of(p);
            if (section == "sourceDesc" && !source_description_read_ && header_.paragraphs.end() ==
                std::find_if(header_.paragraphs.begin(), header_.paragraphs.end(),
                             [](const HeaderParagraph& h) { return h.section == "sourceDesc"; }) &&
                p.attribute("type").empty() && group == 0) {
                header_.source_description = text;
                source_description_read_ = true;
                continue;
            }
            header_.paragraphs.push_back({std::string(section), p.attribute("type").value(), text, group});
        }
    };
    for (pugi::xml_node part : header.children()) {
        if (part.type() != pugi::node_element) continue;
        std::string_view name = local_name(part.name());
        if (name == "fileDesc") {
            for (pugi::xml_node item : part.children()) {
                if (item.type() != pugi::node_element) continue;
                std::string_view item_name = local_name(item.name());
                if (item_name == "titleStmt") {
                    for (pugi::xml_node t : item.children()) {
                        if (t.type() != pugi::node_element) continue;
                        if (local_name(t.name()) == "title" && header_.title.empty()) header_.title = text_of(t);
                        else if (local_name(t.name()) == "note")
                            header_.paragraphs.push_back({"titleNote", "", text_of(t), 0});
                        else
                            warn(t, "tbx.unknown-element",
                                 "<" + std::string(t.name()) + "> in <titleStmt> is not kept; expected <title> or <note>");
                    }
                } else if (item_name == "publicationStmt") {
                    paragraphs(item, "publicationStmt", 0);
                } else if (item_name == "sourceDesc") {
                    paragraphs(item, "sourceDesc", source_group++);
                } else {
                    warn(item, "tbx.unknown-element",
                         "<" + std::string(item.name()) +
                             "> in <fileDesc> is not kept; expected titleStmt, publicationStmt or sourceDesc");
                }
            }
        } else if (name == "encodingDesc") {
            paragraphs(part, "encodingDesc", 0);
        } else if (name == "revisionDesc") {
            for (pugi::xml_node change : part.children()) {
                if (change.type() != pugi::node_element) continue;
                if (local_name(change.name()) == "change") paragraphs(change, "revisionDesc", change_group++);
                else
                    warn(change, "tbx.unknown-element",
                         "<" + std::string(change.name()) + "> in <revisionDesc> is not kept; expected <change>");
            }
        } else {
            warn(part, "tbx.unknown-element",
                 "<" + std::string(part.name()) +
                     "> in the header is not kept; expected fileDesc, encodingDesc or revisionDesc");
        }
    }
    current_ = nullptr;
}

// TBX puts the back matter after the entries; the model has it in the header.
// Find it from the end of the text, so the header can be handed on first.
void TbxReader::read_back_matter_from_tail() {
    std::string_view text = window_;  // all of it, unless read in chunks
    std::size_t text_offset = 0;      // the absolute offset of text[0]
    if (source_) {
        if (!read_tail()) return;
        text = tail_;
        text_offset = *source_->size() - skipped_ - tail_.size();
    }
    std::size_t body_end = text.rfind("</body");
    if (body_end == std::string_view::npos) {
        std::size_t prefixed = text.rfind(":body");
        if (prefixed == std::string_view::npos || prefixed < 2) return;
        body_end = text.rfind("</", prefixed);
        if (body_end == std::string_view::npos) return;
    }
    TagScanner scanner(text, body_end);
    ScanEvent event = scanner.next();  // </body>
    if (event.kind != ScanEvent::end_tag) return;
    std::size_t back_begin = std::string::npos;
    int depth = 0;
    for (event = scanner.next(); event.kind != ScanEvent::end_of_input && event.kind != ScanEvent::error;
         event = scanner.next()) {
        if (event.kind == ScanEvent::start_tag) {
            if (depth == 0 && local_name(event.name) == "back") back_begin = event.begin;
            if (depth == 0 && back_begin != event.begin) return;
            ++depth;
        } else if (event.kind == ScanEvent::empty_tag) {
            if (depth == 0) return;
        } else if (event.kind == ScanEvent::end_tag) {
            if (depth == 0) return;
            if (--depth == 0 && back_begin != std::string::npos) {
                back_begin_ = text_offset + back_begin;
                read_back(text.substr(back_begin, event.end - back_begin), back_begin_);
                return;
            }
        }
    }
}

// The back matter: the text of one <back> element, at absolute offset `offset`.
void TbxReader::read_back(std::string_view back, std::size_t offset) {
    Fragment fragment;  // its start position is counted only if a warning needs it
    if (!parse_fragment(fragment, back, offset)) return;
    current_ = &fragment;
    for (pugi::xml_node section : fragment.document.document_element().children()) {
        if (section.type() != pugi::node_element) continue;
        std::string_view name = local_name(section.name());
        if (name != "refObjectSec" && name != "refObjectList") {
            warn(section, "tbx.unknown-element",
                 "<" + std::string(section.name()) + "> in <back> is not kept; expected <refObjectSec>");
            continue;
        }
        check_attributes(section, {"type"});
        RefObjectSection kept{section.attribute("type").value(), {}};
        for (pugi::xml_node object : section.children()) {
            if (object.type() != pugi::node_element) continue;
            if (local_name(object.name()) != "refObject") {
                warn(object, "tbx.unknown-element",
                     "<" + std::string(object.name()) + "> is not kept; expected <refObject>");
                continue;
            }
            check_attributes(object, {"id"});
            RefObject ref_object{object.attribute("id").value(), {}};
            for (pugi::xml_node item : object.children()) {
                if (item.type() != pugi::node_element) continue;
                std::string_view item_name = local_name(item.name());
                if (item_name == "item") {
                    check_attributes(item, {"type"});
                    ref_object.items.push_back({item.attribute("type").value(), text_of(item)});
                } else if (item_name == "itemGrp" || item_name == "itemSet") {
                    for (pugi::xml_node inner : item.children()) {
                        if (inner.type() != pugi::node_element) continue;
                        if (local_name(inner.name()) == "item") {
                            ref_object.items.push_back({inner.attribute("type").value(), text_of(inner)});
                        } else {
                            warn(inner, "tbx.unknown-element",
                                 "<" + std::string(inner.name()) + "> in <" + std::string(item_name) +
                                     "> is not kept; expected <item>");
                        }
                    }
                } else {
                    warn(item, "tbx.unknown-element",
                         "<" + std::string(item.name()) + "> in <refObject> is not kept; expected <item>");
                }
            }
            kept.objects.push_back(std::move(ref_object));
        }
        header_.back_matter.push_back(std::move(kept));
    }
    current_ = nullptr;
}

void TbxReader::emit_header() {
    if (header_emitted_) return;
    header_emitted_ = true;
    put_paragraphs_in_section_order(header_.paragraphs);
    if (header_.source_language.empty()) header_.source_language = root_language_;
    read_back_matter_from_tail();
    if (failed_) return;
    sink_.header(header_);
}

void TbxReader::read_entry(std::size_t begin, std::size_t end) {
    Fragment fragment;
    fragment.offset = begin;
    anchor(fragment);  // before parsing: a parse error's position counts on from it
    if (!parse_fragment(fragment, slice(begin, end), begin)) return;
    read_parsed_entry(fragment);
}

namespace {

// Whether the scan would pass every element below a parsed entry as it is: none nested deeper than `room` levels
// below the entry, no attribute twice in a tag, no '<' in a value (pugixml takes one; the scan refuses it). The
// scan has checked the entry's own start tag. A walker, as pugixml's traversal costs half a walk through its API.
class ScanWouldPass final : public pugi::xml_tree_walker {
public:
    explicit ScanWouldPass(std::size_t room) : room_(room) {}

    bool for_each(pugi::xml_node& node) override {
        if (node.type() != pugi::node_element) return true;
        if (static_cast<std::size_t>(depth()) + 1 > room_) return false;
        for (pugi::xml_attribute attribute = node.first_attribute(); attribute;
             attribute = attribute.next_attribute()) {
            if (std::strchr(attribute.value(), '<')) return false;
            for (pugi::xml_attribute other = attribute.next_attribute(); other; other = other.next_attribute())
                if (std::strcmp(attribute.name(), other.name()) == 0) return false;
        }
        return true;
    }

private:
    std::size_t room_;
};

// Whether `text` holds "<!" or "<?": a comment, CDATA section, DOCTYPE or processing instruction, which the scan
// reads apart (a comment may hide an end tag). Sixteen bytes at a time: this looks at every entry of a file.
bool holds_markup_declaration(std::string_view text) {
    const char* data = text.data();
    const std::size_t size = text.size();
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i less = _mm_set1_epi8('<'), bang = _mm_set1_epi8('!'), question = _mm_set1_epi8('?');
    for (; i + 17 <= size; i += 16) {
        const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 1));
        const __m128i hit = _mm_and_si128(_mm_cmpeq_epi8(here, less),
                                          _mm_or_si128(_mm_cmpeq_epi8(next, bang), _mm_cmpeq_epi8(next, question)));
        if (_mm_movemask_epi8(hit) != 0) return true;
    }
#endif
    for (; i + 1 < size; ++i)
        if (data[i] == '<' && (data[i + 1] == '!' || data[i + 1] == '?')) return true;
    return false;
}

}  // namespace

// Most entries end inside the window already read and hold no comment, CDATA section or processing instruction.
// Such an entry is parsed once, by pugixml, instead of being scanned tag by tag and then parsed: the scan was a
// third of reading a large file. It is read at once only when the scan would find nothing wrong in it (a parse
// error, a bad reference, a duplicate attribute, a '<' in a value, nesting too deep): otherwise the scan goes on
// through it as before and reports the first fault where it is. `start` is the entry's start tag, `depth` the
// number of elements open above it.
bool TbxReader::read_entry_at_once(const ScanEvent& start, std::size_t depth) {
    const std::size_t content = start.end - base_;
    const std::size_t known_good = std::min(checked_end_ - base_, window_.size());
    if (content > known_good) return false;
    const std::string_view text = window_.substr(0, known_good);
    // memmem, not find: find stops at every '<' of the entry to compare.
    const std::string closing = std::string("</").append(start.name);
    const void* found = memmem(text.data() + content, text.size() - content, closing.data(), closing.size());
    if (!found) return false;
    const std::size_t close = static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
    std::size_t after = close + 2 + start.name.size();
    while (after < text.size() && is_space(text[after])) ++after;
    if (after >= text.size() || text[after] != '>') return false;
    const std::size_t begin = start.begin - base_;
    const std::size_t end = after + 1;
    if (end - begin > xml_limits::max_attribute_bytes) return false;  // no value in it can be over the limit
    const std::string_view inside = text.substr(content, close - content);
    if (holds_markup_declaration(inside)) return false;
    if (first_bad_reference(text, content, close)) return false;

    Fragment fragment;
    if (!load_fragment(fragment, text.substr(begin, end - begin), start.begin)) return false;
    ScanWouldPass check(xml_limits::max_element_depth - 1 - depth);
    if (!fragment.document.document_element().traverse(check)) return false;
    anchor(fragment);
    scanner_.reset(window_, end, eof_);
    read_parsed_entry(fragment);
    return true;
}

void TbxReader::read_parsed_entry(Fragment& fragment) {
    current_ = &fragment;
    pugi::xml_node entry = fragment.document.document_element();
    Concept concept_value = flavour_.version == TbxVersion::min2013 ? read_min_concept(entry) : read_concept(entry);
    ++entry_count_;
    if (concept_value.id.empty()) {
        std::string id = "c" + std::to_string(entry_count_);
        for (int suffix = 2; concept_ids_.contains(id); ++suffix)
            id = "c" + std::to_string(entry_count_) + "-" + std::to_string(suffix);
        if (!warned_generated_id_) {
            warn(entry, "tbx.generated-id",
                 "<" + std::string(entry.name()) + "> has no id; entries without one get generated ids (" + id +
                     " here)");
            warned_generated_id_ = true;
        }
        concept_value.id = id;
    } else if (!concept_ids_.insert(concept_value.id)) {
        warn(entry, "tbx.duplicate-id", "duplicate entry id '" + concept_value.id + "'; expected ids to be unique");
    }
    concept_ids_.insert(concept_value.id);
    for (const LanguageSection& language : concept_value.languages)
        for (const Term& term : language.terms)
            if (!term.id.empty()) term_ids_.insert(term.id);
    current_ = nullptr;
    put_term_notes_first(concept_value);
    sink_.concept_entry(std::move(concept_value));
}

// A reference to an id that no entry or term of the file has is kept as read
// (JSON holds it), but reported; TBX output refuses it ("tbx.dangling-ref").
void TbxReader::warn_about_dangling_references() {
    for (const auto& [target, pos] : references_) {
        if (concept_ids_.contains(target) || term_ids_.contains(target)) continue;
        diagnostics_.warning(pos, "tbx.dangling-ref",
                             "cross-reference to '" + target +
                                 "', which is not the id of any entry or term in this file; kept as read");
    }
}

bool TbxReader::read_root(const ScanEvent& event) {
    std::string tag(slice(event.begin, event.end));
    if (event.kind == ScanEvent::start_tag) tag.insert(tag.size() - 1, "/");
    pugi::xml_document document;
    pugi::xml_parse_result result = document.load_buffer(tag.data(), tag.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
        error_at(event.begin + static_cast<std::size_t>(result.offset), "xml.not-well-formed",
                 std::string("not well-formed XML: ") + result.description());
        return false;
    }
    pugi::xml_node root = document.document_element();
    for (pugi::xml_attribute attribute : root.attributes()) {
        std::string_view name = attribute.name();
        if (name == "xmlns") root_namespaces_.emplace_back("", attribute.value());
        else if (name.starts_with("xmlns:")) root_namespaces_.emplace_back(std::string(name.substr(6)), attribute.value());
    }
    std::string_view name = root.name();
    std::string_view local = local_name(name);
    std::string default_namespace;
    for (const auto& [prefix, uri] : root_namespaces_)
        if (prefix == prefix_of(name)) default_namespace = uri;
    flavour_.root = std::string(name);
    SourcePos pos = position(event.begin);
    if (local == "tbx") {
        flavour_.version = TbxVersion::v3;
        flavour_.dialect = root.attribute("type").value();
        flavour_.style = root.attribute("style").value();
        if (default_namespace != tbx_v3_namespace)
            diagnostics_.warning(pos, "tbx.namespace",
                                 "<tbx> is not in the TBX v3 namespace (" + std::string(tbx_v3_namespace) +
                                     "); read as TBX v3 anyway");
    } else if (local == "martif") {
        flavour_.version = TbxVersion::v2008;
        flavour_.dialect = root.attribute("type").value();
        if (default_namespace == tbx_v3_namespace) {
            flavour_.misplaced_namespace = true;
            diagnostics_.warning(pos, "tbx.namespace",
                                 "<martif> is in the TBX v3 namespace, where it does not belong; read as TBX 2008");
        } else if (!default_namespace.empty()) {
            diagnostics_.warning(pos, "tbx.namespace",
                                 "<martif> is in the namespace " + default_namespace +
                                     "; TBX 2008 has none. Read as TBX 2008");
        }
    } else if (name == "TBX" && root.attribute("dialect")) {
        flavour_.version = TbxVersion::min2013;
        flavour_.dialect = root.attribute("dialect").value();
        if (flavour_.dialect != "TBX-Min")
            diagnostics_.warning(pos, "tbx.dialect",
                                 "<TBX dialect=\"" + flavour_.dialect + "\">: expected dialect=\"TBX-Min\"; read as TBX-Min");
    } else {
        error_at(event.begin, "tbx.unknown-root",
                 "the root element is <" + std::string(name) +
                     ">; expected <tbx> (TBX v3, ISO 30042:2019), <martif> (TBX 2008) or <TBX dialect=\"TBX-Min\">");
        return false;
    }
    core_namespace_ = default_namespace;
    if (flavour_.version == TbxVersion::v3 && flavour_.style.empty()) {
        bool modules = std::any_of(root_namespaces_.begin(), root_namespaces_.end(),
                                   [](const auto& ns) { return ns.second.starts_with("http://www.tbxinfo.net/ns/"); });
        flavour_.style = modules ? "dct" : "dca";
    }
    if (pugi::xml_attribute language = root.attribute("xml:lang")) {
        LanguageTag root_tag = normalise_language_tag(language.value());
        if (!root_tag.valid)
            diagnostics_.warning(pos, "tbx.language-tag",
                                 "invalid language tag '" + std::string(language.value()) +
                                     "' on the root; expected a BCP 47 tag such as en or en-US (kept as written)");
        root_language_ = root_tag.tag;
    }
    return true;
}


// ---------------------------------------------------------------------------
// The text, whole or in chunks.

bool TbxReader::start_text() {
    if (!input_.source) {
        std::optional<DecodedText> decoded = decode_xml_bytes(input_.text, input_.name, diagnostics_);
        if (!decoded) return false;
        decoded_ = std::move(*decoded);
        window_ = decoded_.text();
        flavour_.encoding = decoded_.encoding;
        eof_ = true;
        checked_end_ = window_.size();  // decode_xml_bytes checked every byte
        scanner_.reset(window_, 0, true);
        return true;
    }
    source_ = input_.source;
    if (!fill_first_window()) return false;
    XmlBytePlan plan = plan_xml_bytes(window_);
    if (!plan.utf8 || !source_->size()) {
        // UTF-16 and legacy encodings are transcoded whole; so is a source whose end
        // cannot be read first (a pipe), since the back matter goes into the header.
        while (!eof_)
            if (!append_chunk()) return false;
        whole_.assign(window_);
        buffer_.reset();
        buffer_size_ = buffer_capacity_ = 0;
        source_ = nullptr;
        std::optional<DecodedText> decoded = decode_xml_bytes(whole_, input_.name, diagnostics_);
        if (!decoded) return false;
        decoded_ = std::move(*decoded);
        window_ = decoded_.text();
        flavour_.encoding = decoded_.encoding;
        checked_end_ = window_.size();
        scanner_.reset(window_, 0, true);
        return true;
    }
    if (plan.skip) {
        skipped_ = plan.skip;
        std::memmove(buffer_.get(), buffer_.get() + plan.skip, buffer_size_ - plan.skip);
        buffer_size_ -= plan.skip;
        window_ = {buffer_.get(), buffer_size_};
    }
    check_binary_ = plan.check_binary;
    if (check_binary_) {
        std::optional<std::string> kind = binary_file_kind(window_);
        if (kind && *kind != "a binary file") {
            diagnostics_.error({input_.name, 1, 1}, "input.binary", "this is " + *kind + ", not TBX (XML) text");
            failed_ = true;
            return false;
        }
    }
    if (!check_new_bytes()) return false;
    flavour_.encoding = plan.encoding;
    if (!plan.mismatch_warning.empty())
        diagnostics_.warning({input_.name, 1, 1}, "encoding.mismatch", plan.mismatch_warning);
    scanner_.reset(window_, 0, eof_);
    return true;
}

// Enough of the start to decide the encoding: its first bytes and the whole XML declaration.
bool TbxReader::fill_first_window() {
    constexpr std::size_t enough = 4096, declaration_limit = 65536;
    while (!eof_) {
        std::string_view start = window_.substr(0, std::min<std::size_t>(window_.size(), 8));
        bool in_declaration = (start.find("<?xml") != std::string_view::npos || start.empty()) &&
                              window_.find("?>") == std::string_view::npos;
        if (window_.size() >= declaration_limit || (window_.size() >= enough && !in_declaration)) break;
        if (!append_chunk()) return false;
    }
    return true;
}

bool TbxReader::append_chunk() {
    if (buffer_size_ + chunk_size_ > buffer_capacity_) {
        std::size_t capacity = std::max(buffer_capacity_ * 2, buffer_size_ + chunk_size_);
        std::unique_ptr<char[]> grown(new char[capacity]);
        if (buffer_size_) std::memcpy(grown.get(), buffer_.get(), buffer_size_);
        buffer_ = std::move(grown);
        buffer_capacity_ = capacity;
    }
    std::size_t got = source_->read(buffer_.get() + buffer_size_, chunk_size_);
    if (got == 0) {
        if (std::string problem = source_->error(); !problem.empty()) {
            diagnostics_.error({input_.name, 0, 0}, "io.read", "cannot read input: " + problem);
            failed_ = true;
            return false;
        }
        eof_ = true;
    }
    buffer_size_ += got;
    window_ = {buffer_.get(), buffer_size_};
    return true;
}

// Moves the window on: drops what the scan no longer needs (keeping the header
// or entry being read) and reads the next chunk. `restart` is where the
// scanner resumes. False on a failure (reported) or at the end.
bool TbxReader::refill(std::size_t restart) {
    if (!source_ || eof_) return false;
    std::size_t keep = std::min(restart, retain_from_);
    // Moving bytes costs; dropping only when at least half the buffer goes keeps it linear.
    if (keep > base_ && (keep - base_) * 2 >= buffer_size_) {
        std::size_t drop = keep - base_;
        line_column(keep);  // the cursor counts the lines of what is dropped
        std::memmove(buffer_.get(), buffer_.get() + drop, buffer_size_ - drop);
        buffer_size_ -= drop;
        base_ = keep;
        window_ = {buffer_.get(), buffer_size_};
    }
    if (!append_chunk() || !check_new_bytes()) return false;
    scanner_.reset(window_, restart - base_, eof_);
    return true;
}

// The checks decode_xml_bytes makes on a whole text, made on each new chunk:
// NUL bytes, UTF-8 validity (a sequence cut by the chunk's end waits for the
// next one) and byte-order marks inside the text.
bool TbxReader::check_new_bytes() {
    std::string_view fresh = window_.substr(checked_end_ - base_);
    if (check_binary_) {
        if (const void* nul = std::memchr(fresh.data(), '\0', fresh.size())) {
            error_at(checked_end_ + static_cast<std::size_t>(static_cast<const char*>(nul) - fresh.data()),
                     "input.binary", "a NUL byte: this is a binary file, not TBX (XML) text");
            return false;
        }
    }
    std::size_t checked = 0;
    std::size_t bad = find_invalid_utf8(fresh, eof_, checked);
    if (bad != std::string_view::npos) {
        error_at(checked_end_ + bad, "encoding.invalid-utf8", invalid_utf8_message());
        return false;
    }
    if (std::size_t at = find_non_xml_char(fresh.substr(0, checked)); at != std::string_view::npos) {
        error_at(checked_end_ + at, "xml.not-well-formed", non_xml_char_message(fresh, at));
        return false;
    }
    if (!warned_inner_bom_) {
        constexpr std::string_view mark = "\xEF\xBB\xBF";
        std::size_t from = std::max(checked_end_ - base_, std::size_t{2}) - 2;  // a mark cut by the last chunk's end
        std::size_t first = window_.find(mark, from);
        if (first != std::string_view::npos) {
            warned_inner_bom_ = true;
            std::string count;
            if (eof_) {
                std::size_t marks = 0;
                for (std::size_t at = first; at != std::string_view::npos; at = window_.find(mark, at + mark.size()))
                    ++marks;
                if (marks > 1) count = " (" + std::to_string(marks) + " in all)";
            }
            // A copy of the cursor: the scan may still need positions before the mark.
            Cursor ahead = cursor_;
            ahead.advance(window_.substr(cursor_.offset() - base_, first - (cursor_.offset() - base_)));
            auto [line, column] = ahead.position();
            diagnostics_.warning({input_.name, line, column}, "encoding.inner-bom",
                                 "a byte-order mark (U+FEFF) in the middle of the file" + count +
                                     ", usually left by joining files; it is kept as an invisible zero-width no-break "
                                     "space");
        }
    }
    checked_end_ += checked;
    return true;
}

ScanEvent TbxReader::next_event() {
    for (;;) {
        std::size_t restart = base_ + scanner_.position();
        ScanEvent event = scanner_.next();
        if (event.kind != ScanEvent::incomplete) {
            event.begin += base_;
            event.end += base_;
            return event;
        }
        if (!refill(restart)) {
            failed_ = true;  // refill fails only with an error reported
            return ScanEvent{};
        }
    }
}

std::pair<std::uint32_t, std::uint32_t> TbxReader::line_column(std::size_t offset) {
    if (offset < cursor_.offset()) {
        // Only a whole text can be counted again from its start; the scan of a window never goes back.
        if (source_) return cursor_.position();
        cursor_ = Cursor();
    }
    offset = std::min(offset, base_ + window_.size());
    cursor_.advance(window_.substr(cursor_.offset() - base_, offset - cursor_.offset()));
    return cursor_.position();
}

// A cursor at `offset`, counted from the start: for the back matter, which is
// read from the end of the file before the scan gets there.
Cursor TbxReader::cursor_before(std::size_t offset) const {
    Cursor cursor;
    if (!source_) {
        cursor.advance(window_.substr(0, std::min(offset, window_.size())));
        return cursor;
    }
    std::vector<char> chunk(std::max<std::size_t>(chunk_size_, 1 << 16));
    while (cursor.offset() < offset) {
        std::size_t want = std::min(chunk.size(), offset - cursor.offset());
        std::size_t got = source_->read_at(skipped_ + cursor.offset(), chunk.data(), want);
        if (got == 0) break;
        cursor.advance({chunk.data(), got});
    }
    return cursor;
}

// The end of a file read in chunks, from its last "</body" on: where the back
// matter is. Looks further back while none is found, up to a limit; back
// matter further from the end is reported when the scan gets there.
bool TbxReader::read_tail() {
    constexpr std::size_t limit = std::size_t{64} << 20;
    const std::size_t size = static_cast<std::size_t>(*source_->size()) - skipped_;
    for (std::size_t want = std::size_t{1} << 20;; want *= 8) {
        std::size_t take = std::min({want, size, limit});
        tail_.resize(take);
        if (source_->read_at(skipped_ + size - take, tail_.data(), take) != take) {
            tail_.clear();
            return false;  // a read error is reported by the scan
        }
        if (tail_.find("body") != std::string::npos) break;
        if (take == size || take == limit) {
            tail_.clear();
            return false;
        }
    }
    // Bad bytes are left for the scan to report at their place.
    std::size_t start = 0;
    while (start < tail_.size() && start < 4 && (static_cast<unsigned char>(tail_[start]) & 0xC0) == 0x80) ++start;
    std::size_t checked = 0;
    if ((check_binary_ && tail_.find('\0') != std::string::npos) ||
        find_invalid_utf8(std::string_view(tail_).substr(start), true, checked) != std::string_view::npos) {
        tail_.clear();
        return false;
    }
    return true;
}

void TbxReader::run() {
    if (!start_text()) return;

    std::vector<OpenElement> stack;
    bool root_seen = false;
    std::size_t header_begin = std::string::npos;
    std::size_t entry_begin = std::string::npos;
    for (;;) {
        ScanEvent event = next_event();
        if (failed_) return;
        switch (event.kind) {
        case ScanEvent::incomplete:  // next_event() never returns it
        case ScanEvent::end_of_input:
            if (!stack.empty()) {
                const OpenElement& open = stack.back();
                auto [line, column] = opened_at(open);
                std::string name(name_of(open));
                error_at(event.begin, "xml.not-well-formed",
                         "not well-formed XML: the file ends inside <" + name + "> (opened at line " +
                             std::to_string(line) + ", column " + std::to_string(column) + "); expected </" + name +
                             ">");
                return;
            }
            if (!root_seen && !prolog_markup_) {
                // No root and nothing but white space (the scan reports any other text).
                error_at(0, "tbx.empty",
                         event.begin == 0 ? "the file is empty; expected a TBX document (<tbx>, <martif> or <TBX dialect=\"TBX-Min\">)"
                                       : "the file holds only white space; expected a TBX document (<tbx>, <martif> or <TBX dialect=\"TBX-Min\">)");
                return;
            }
            if (!root_seen) {
                error_at(event.begin, "tbx.unknown-root",
                         "no root element; expected <tbx> (TBX v3), <martif> (TBX 2008) or <TBX dialect=\"TBX-Min\">");
                return;
            }
            emit_header();
            if (failed_) return;
            warn_about_dangling_references();
            sink_.finish();
            return;
        case ScanEvent::error:
            if (event.code == "xml.not-well-formed")
                error_at(event.begin, "xml.not-well-formed", "not well-formed XML: " + std::string(event.message));
            else
                error_at(event.begin, std::string(event.code), std::string(event.message));
            return;
        case ScanEvent::doctype:
            if (root_seen) {
                error_at(event.begin, "xml.not-well-formed", "not well-formed XML: a DOCTYPE after the root element");
                return;
            }
            flavour_.doctype = true;  // accepted and ignored: never loaded
            prolog_markup_ = true;
            continue;
        case ScanEvent::text:
            if (event.end == event.begin) prolog_markup_ = true;  // a comment, PI or CDATA section
            // Text only matters outside the header and entries (pugixml's parse of those sees theirs): most
            // text events are the indentation inside entries, so their bytes are not looked at here.
            if (event.end > event.begin &&
                (stack.empty() || is_above_entries(stack.back().role)) &&
                !is_blank(slice(event.begin, event.end))) {
                std::string_view text = slice(event.begin, event.end);
                std::size_t first = event.begin;
                while (first < event.end && is_space(text[first - event.begin])) ++first;
                if (stack.empty()) {
                    std::string what = root_seen ? "not well-formed XML: text after the root element"
                                                 : "not well-formed XML: text before the root element; expected '<'";
                    if (!root_seen && (text[first - event.begin] == '{' || text[first - event.begin] == '['))
                        what += " (this looks like JSON: read it with --from json)";
                    error_at(first, "xml.not-well-formed", what);
                    return;
                }
                Role role = stack.back().role;
                if (is_above_entries(role))
                    diagnostics_.warning(position(first), "tbx.text-dropped",
                                         "text directly inside <" + std::string(name_of(stack.back())) + "> is not kept");
            }
            continue;
        case ScanEvent::start_tag:
        case ScanEvent::empty_tag: {
            Role parent = stack.empty() ? Role::other : stack.back().role;
            Role role = Role::other;
            // Only the elements above the entries are told apart by name.
            const bool named = is_above_entries(parent);
            std::string_view local = named ? local_name(event.name) : std::string_view{};
            if (stack.empty()) {
                if (root_seen) {
                    error_at(event.begin, "xml.not-well-formed",
                             "not well-formed XML: a second root element <" + std::string(event.name) + ">");
                    return;
                }
                root_seen = true;
                if (!read_root(event)) return;
                role = Role::root;
            } else if (parent == Role::root) {
                if (local == "tbxHeader" || local == "martifHeader" || local == "header") role = Role::header;
                else if (local == "text") role = Role::text;
                else if (local == "body" && flavour_.version == TbxVersion::min2013) role = Role::body;
                else role = Role::skipped;
            } else if (parent == Role::text) {
                if (local == "body") role = Role::body;
                else if (local == "back") role = Role::back;
                else role = Role::skipped;
            } else if (parent == Role::body) {
                role = local == "conceptEntry" || local == "termEntry" ? Role::entry : Role::skipped;
            } else if (parent == Role::skipped) {
                role = Role::skipped;
            }
            if (role == Role::skipped && parent != Role::skipped)
                diagnostics_.warning(position(event.begin), "tbx.unexpected-element",
                                     "<" + std::string(event.name) + "> is not expected in <" +
                                         std::string(name_of(stack.back())) + ">; it is not read");
            if (role == Role::header) header_begin = event.begin;
            if (role == Role::entry) {
                emit_header();
                if (failed_) return;
                entry_begin = event.begin;
            }
            if (event.kind == ScanEvent::start_tag) {
                if (stack.size() >= xml_limits::max_element_depth) {
                    error_at(event.begin, "xml.too-deep", xml_limits::too_deep_message());
                    return;
                }
                if (role == Role::entry && read_entry_at_once(event, stack.size())) {
                    if (failed_) return;
                    continue;
                }
                // The header and each entry stay in the window until their end tag.
                if (role == Role::header || role == Role::entry) retain_from_ = event.begin;
                // With no <body> before it (TBX allows <text> with <back> alone), the back matter is read here,
                // before the header goes out: the search from the end of the file starts at </body>.
                if (role == Role::back && !header_emitted_ && back_begin_ == std::string::npos)
                    retain_from_ = event.begin;
                OpenElement open;
                open.begin = event.begin;
                open.role = role;
                if (retain_from_ != std::string::npos) {
                    open.retained = true;
                    open.name_at = base_ + static_cast<std::size_t>(event.name.data() - window_.data());
                    open.name_size = event.name.size();
                } else {
                    open.owned_name = std::string(event.name);
                    std::tie(open.line, open.column) = line_column(event.begin);
                }
                stack.push_back(std::move(open));
            } else {
                if (role == Role::entry) read_entry(event.begin, event.end);
                if (role == Role::header) read_header(event.begin, event.end);
                if (failed_) return;
            }
            continue;
        }
        case ScanEvent::end_tag: {
            if (stack.empty()) {
                error_at(event.begin, "xml.not-well-formed",
                         "not well-formed XML: end tag </" + std::string(event.name) + "> with no open element");
                return;
            }
            const OpenElement& closing = stack.back();
            if (name_of(closing) != event.name) {
                auto [line, column] = opened_at(closing);
                std::string name(name_of(closing));
                error_at(event.begin, "xml.not-well-formed",
                         "not well-formed XML: expected </" + name + "> to close <" + name + "> from line " +
                             std::to_string(line) + ", column " + std::to_string(column) + ", found </" +
                             std::string(event.name) + ">");
                return;
            }
            // What is needed of it, taken before it goes: most elements close with nothing more to do.
            struct {
                Role role;
                std::size_t begin;
                std::uint32_t line, column;
            } const open{closing.role, closing.begin, closing.line, closing.column};
            stack.pop_back();
            if (open.role == Role::header) read_header(header_begin, event.end);
            if (open.role == Role::entry) read_entry(entry_begin, event.end);
            if (open.role == Role::back && !header_emitted_ && back_begin_ == std::string::npos) {
                back_begin_ = open.begin;
                read_back(slice(open.begin, event.end), open.begin);
                retain_from_ = std::string::npos;
            }
            if (open.role == Role::header || open.role == Role::entry) retain_from_ = std::string::npos;
            if (open.role == Role::back && open.begin != back_begin_) {
                SourcePos pos{input_.name, open.line, open.column};
                diagnostics_.warning(pos, "tbx.unexpected-element", "back matter in an unexpected place is not read");
            }
            if (open.role == Role::body) emit_header();
            if (failed_) return;
            continue;
        }
        }
    }
}

}  // namespace

std::string describe(const TbxFlavour& flavour) {
    switch (flavour.version) {
    case TbxVersion::v3:
        return "TBX v3 (ISO 30042:2019), " + (flavour.style.empty() ? std::string("dca") : flavour.style) + " style";
    case TbxVersion::v2008:
        return std::string("TBX 2008 (ISO 30042:2008, martif)") +
               (flavour.misplaced_namespace ? ", wrongly in the TBX v3 namespace" : "");
    case TbxVersion::min2013:
        return "TBX-Min 2013 (pre-ISO)";
    case TbxVersion::unknown:
        break;
    }
    return "unknown";
}

void read_tbx(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink,
              TbxFlavour* flavour) {
    // Strict reading (warnings count as errors) is decided by the caller, which sees every warning.
    TbxFlavour local;
    TbxReader reader(input, diagnostics, sink, flavour ? *flavour : local, options.chunk_size);
    reader.run();
}

void read_tbx(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink) {
    read_tbx(input, options, diagnostics, sink, nullptr);
}

}  // namespace ilo
