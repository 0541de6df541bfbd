// Content models of the TBX core structure (ISO 30042:2019 v3, and the 2008 core DTD), as tables the streaming validator walks.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace ilo::validate {

// Every element name of either TBX version, plus two pseudo-kinds: an element in
// another namespace (`foreign_namespace`, DCT data categories in v3) and a name
// that is not part of the vocabulary (`unknown`).
enum class Element : std::uint8_t {
    admin, adminGrp, adminNote, back, body, bpt, change, conceptEntry, date, descrip, descripGrp, descripNote,
    ec, encodingDesc, ept, fileDesc, foreign, hi, item, itemGrp, itemSet, langSec, langSet, martif, martifHeader,
    note, ntig, p, ph, publicationStmt, ref, refObject, refObjectList, refObjectSec, revisionDesc, sc,
    sourceDesc, tbx, tbxHeader, term, termComp, termCompGrp, termCompList, termEntry, termGrp, termNote,
    termNoteGrp, termSec, text, tig, title, titleStmt, transac, transacGrp, transacNote, xref,
    foreign_namespace, unknown,
};
constexpr int element_count = static_cast<int>(Element::unknown) + 1;
static_assert(element_count <= 64, "element sets are 64-bit masks");

using ElementSet = std::uint64_t;
constexpr ElementSet bit(Element element) { return ElementSet{1} << static_cast<int>(element); }

Element element_from_name(std::string_view local_name);
std::string_view element_name(Element element);

// One step of a sequence: any element of `allowed`, between `min` and `max` times.
struct Slot {
    ElementSet allowed;
    std::uint8_t min;
    std::uint8_t max;  // many = 255
};
constexpr std::uint8_t many = 255;

enum class TextRule : std::uint8_t {
    none,       // only whitespace between children
    mixed,      // text and the children the slots allow
    text_only,  // text, no child elements
    empty,      // nothing but whitespace, no children
};

enum class AttributeType : std::uint8_t { any, id, idref, language, uri, date_or_datetime, enumerated, tbx_type };

struct AttributeSpec {
    std::string_view name;  // "xml:lang" for the XML namespace attribute
    bool required;
    AttributeType type;
    std::span<const std::string_view> values = {};  // for `enumerated`
};

struct ContentModel {
    Element element;
    std::span<const Slot> slots;
    TextRule text;
    std::span<const AttributeSpec> attributes;
    bool date_content = false;  // v3 <date>: xs:date or xs:dateTime
};

enum class TbxVersion : std::uint8_t { v3, v2008 };

// The model of `element` in `version`, or nullptr if the element does not exist there.
const ContentModel* content_model(TbxVersion version, Element element);

// "a, b or c": the names in `set`, for messages.
std::string element_names(ElementSet set);

}  // namespace ilo::validate
