// The TBX v3 core content models (from ISO 30042:2019 / TBXcoreStructV03) and the 2008 ones (from the core DTD), as data.
#include "validate/structure_models.hpp"

#include <array>

namespace ilo::validate {

namespace {

using E = Element;
using A = AttributeType;

constexpr ElementSet set() { return 0; }
template <typename... Rest>
constexpr ElementSet set(Element first, Rest... rest) {
    return bit(first) | set(rest...);
}

// In v3 an element of another namespace may stand wherever one of these may (DCT style).
constexpr ElementSet foreign_substitutable =
    set(E::admin, E::adminNote, E::descrip, E::descripNote, E::ref, E::termNote, E::transac, E::transacNote, E::xref);
constexpr ElementSet v3(ElementSet allowed) {
    return (allowed & foreign_substitutable) ? (allowed | bit(E::foreign_namespace)) : allowed;
}

// ---- TBX v3 --------------------------------------------------------------------------------
constexpr ElementSet aux_info_v3 =
    v3(set(E::admin, E::adminGrp, E::descrip, E::descripGrp, E::note, E::ref, E::transacGrp, E::xref));
constexpr ElementSet note_link_info_v3 = v3(set(E::admin, E::adminGrp, E::note, E::ref, E::transacGrp, E::xref));
constexpr ElementSet note_text_v3 = set(E::ec, E::foreign, E::hi, E::ph, E::sc);

constexpr std::array<std::string_view, 2> styles = {"dca", "dct"};
constexpr std::array<std::string_view, 2> yes_no = {"yes", "no"};
constexpr std::array<std::string_view, 7> hi_types = {"entailedTerm", "hotkey",      "italics", "bold",
                                                      "superscript",  "subscript",   "math"};
constexpr std::array<std::string_view, 6> ec_types = {"fmt", "ui", "quote", "link", "image", "other"};
constexpr std::array<std::string_view, 3> p_types_2008 = {"DCSName", "XCSURI", "XCSContent"};

constexpr std::array<AttributeSpec, 0> no_attributes{};
constexpr std::array<AttributeSpec, 1> id_only = {{{"id", false, A::id}}};
constexpr std::array<AttributeSpec, 2> id_lang = {{{"id", false, A::id}, {"xml:lang", false, A::language}}};
constexpr std::array<AttributeSpec, 3> id_lang_type = {
    {{"id", false, A::id}, {"xml:lang", false, A::language}, {"type", false, A::any}}};
constexpr std::array<AttributeSpec, 2> id_type = {{{"id", false, A::id}, {"type", false, A::any}}};
constexpr std::array<AttributeSpec, 2> id_type_required = {{{"id", false, A::id}, {"type", true, A::any}}};
constexpr std::array<AttributeSpec, 5> data_category = {{{"id", false, A::id},
                                                         {"xml:lang", false, A::language},
                                                         {"target", false, A::idref},
                                                         {"datatype", false, A::any},
                                                         {"type", true, A::any}}};
constexpr std::array<AttributeSpec, 3> tbx_root = {
    {{"xml:lang", true, A::language}, {"type", true, A::tbx_type}, {"style", true, A::enumerated, styles}}};
constexpr std::array<AttributeSpec, 1> concept_entry = {{{"id", true, A::id}}};
constexpr std::array<AttributeSpec, 1> lang_sec = {{{"xml:lang", true, A::language}}};
constexpr std::array<AttributeSpec, 3> xref_v3 = {
    {{"id", false, A::id}, {"target", true, A::uri}, {"type", true, A::any}}};
constexpr std::array<AttributeSpec, 2> hi_v3 = {{{"target", false, A::idref}, {"type", false, A::enumerated, hi_types}}};
constexpr std::array<AttributeSpec, 1> ph_v3 = {{{"type", false, A::any}}};
constexpr std::array<AttributeSpec, 2> sc_v3 = {{{"id", true, A::id}, {"isolated", false, A::enumerated, yes_no}}};
constexpr std::array<AttributeSpec, 8> ec_v3 = {{{"startRef", false, A::idref},
                                                 {"isolated", false, A::enumerated, yes_no},
                                                 {"disp", false, A::any},
                                                 {"equiv", false, A::any},
                                                 {"id", false, A::id},
                                                 {"type", false, A::enumerated, ec_types},
                                                 {"subtype", false, A::any},
                                                 {"target", false, A::any}}};

constexpr std::array<Slot, 0> nothing{};
constexpr std::array<Slot, 1> note_text_v3_slots = {{{note_text_v3, 0, many}}};
constexpr std::array<Slot, 1> basic_text = {{{set(E::hi), 0, many}}};
constexpr std::array<Slot, 2> tbx_v3 = {{{set(E::tbxHeader), 1, 1}, {set(E::text), 1, 1}}};
constexpr std::array<Slot, 3> tbx_header = {
    {{set(E::fileDesc), 1, 1}, {set(E::encodingDesc), 0, 1}, {set(E::revisionDesc), 0, 1}}};
constexpr std::array<Slot, 3> file_desc_v3 = {
    {{set(E::publicationStmt), 0, 1}, {set(E::titleStmt), 0, 1}, {set(E::sourceDesc), 1, 1}}};
constexpr std::array<Slot, 2> title_stmt = {{{set(E::title), 1, 1}, {set(E::note), 0, many}}};
constexpr std::array<Slot, 1> paragraphs = {{{set(E::p), 1, many}}};
constexpr std::array<Slot, 1> changes = {{{set(E::change), 1, many}}};
constexpr std::array<Slot, 2> text_v3 = {{{set(E::body), 0, 1}, {set(E::back), 0, 1}}};
constexpr std::array<Slot, 1> body_v3 = {{{set(E::conceptEntry), 1, many}}};
constexpr std::array<Slot, 1> back_v3 = {{{set(E::refObjectSec), 0, many}}};
constexpr std::array<Slot, 1> ref_object_sec = {{{set(E::refObject), 1, many}}};
constexpr std::array<Slot, 1> ref_object = {{{set(E::itemSet, E::itemGrp, E::item), 1, many}}};
constexpr std::array<Slot, 1> item_set = {{{set(E::itemGrp, E::item), 1, many}}};
constexpr std::array<Slot, 2> item_grp_v3 = {{{set(E::item), 1, 1}, {note_link_info_v3, 0, many}}};
constexpr std::array<Slot, 2> concept_entry_slots = {{{aux_info_v3, 0, many}, {set(E::langSec), 1, many}}};
constexpr std::array<Slot, 2> lang_sec_slots = {{{aux_info_v3, 0, many}, {set(E::termSec), 1, many}}};
constexpr std::array<Slot, 3> term_sec_slots = {
    {{set(E::term), 1, 1}, {v3(set(E::termNote, E::termNoteGrp)), 0, many}, {aux_info_v3, 0, many}}};
constexpr std::array<Slot, 2> term_note_grp_v3 = {{{v3(set(E::termNote)), 1, 1}, {note_link_info_v3, 0, many}}};
constexpr std::array<Slot, 2> descrip_grp_v3 = {
    {{v3(set(E::descrip)), 1, 1},
     {v3(set(E::admin, E::adminGrp, E::descripNote, E::note, E::ref, E::transacGrp, E::xref)), 0, many}}};
constexpr std::array<Slot, 2> admin_grp_v3 = {
    {{v3(set(E::admin)), 1, 1}, {v3(set(E::adminNote, E::note, E::ref, E::xref)), 0, many}}};
constexpr std::array<Slot, 2> transac_grp_v3 = {
    {{v3(set(E::transac)), 1, 1}, {v3(set(E::date, E::note, E::ref, E::transacNote, E::xref)), 0, many}}};

// clang-format off
const ContentModel models_v3[] = {
    {E::tbx, tbx_v3, TextRule::none, tbx_root},
    {E::tbxHeader, tbx_header, TextRule::none, id_only},
    {E::fileDesc, file_desc_v3, TextRule::none, id_only},
    {E::titleStmt, title_stmt, TextRule::none, id_lang},
    {E::title, nothing, TextRule::text_only, id_lang},
    {E::publicationStmt, paragraphs, TextRule::none, id_only},
    {E::sourceDesc, paragraphs, TextRule::none, id_lang},
    {E::encodingDesc, paragraphs, TextRule::none, id_only},
    {E::revisionDesc, changes, TextRule::none, id_lang},
    {E::change, paragraphs, TextRule::none, id_lang},
    {E::p, note_text_v3_slots, TextRule::mixed, id_lang_type},
    {E::text, text_v3, TextRule::none, id_only},
    {E::body, body_v3, TextRule::none, id_only},
    {E::back, back_v3, TextRule::none, id_only},
    {E::refObjectSec, ref_object_sec, TextRule::none, id_type_required},
    {E::refObject, ref_object, TextRule::none, id_only},
    {E::itemSet, item_set, TextRule::none, id_type},
    {E::itemGrp, item_grp_v3, TextRule::none, id_only},
    {E::item, note_text_v3_slots, TextRule::mixed, id_type},
    {E::conceptEntry, concept_entry_slots, TextRule::none, concept_entry},
    {E::langSec, lang_sec_slots, TextRule::none, lang_sec},
    {E::termSec, term_sec_slots, TextRule::none, id_only},
    {E::term, basic_text, TextRule::mixed, id_only},
    {E::termNote, note_text_v3_slots, TextRule::mixed, data_category},
    {E::termNoteGrp, term_note_grp_v3, TextRule::none, id_only},
    {E::descrip, note_text_v3_slots, TextRule::mixed, data_category},
    {E::descripGrp, descrip_grp_v3, TextRule::none, id_only},
    {E::descripNote, nothing, TextRule::text_only, data_category},
    {E::admin, note_text_v3_slots, TextRule::mixed, data_category},
    {E::adminGrp, admin_grp_v3, TextRule::none, id_only},
    {E::adminNote, nothing, TextRule::text_only, data_category},
    {E::transac, nothing, TextRule::text_only, data_category},
    {E::transacGrp, transac_grp_v3, TextRule::none, id_only},
    {E::transacNote, nothing, TextRule::text_only, data_category},
    {E::date, nothing, TextRule::text_only, id_only, true},
    {E::note, note_text_v3_slots, TextRule::mixed, id_lang},
    {E::ref, nothing, TextRule::text_only, data_category},
    {E::xref, nothing, TextRule::text_only, xref_v3},
    {E::hi, nothing, TextRule::text_only, hi_v3},
    {E::foreign, note_text_v3_slots, TextRule::mixed, id_lang},
    {E::ph, nothing, TextRule::empty, ph_v3},
    {E::sc, nothing, TextRule::empty, sc_v3},
    {E::ec, nothing, TextRule::empty, ec_v3},
    // Not v3 elements: listed so that lookups stay total.
    {E::unknown, nothing, TextRule::none, no_attributes},
    {E::foreign_namespace, nothing, TextRule::none, no_attributes},
};
// clang-format on

// ---- TBX 2008 (TBXcoreStructV02.dtd) -----------------------------------------------------
constexpr ElementSet aux_info_2008 =
    set(E::descrip, E::descripGrp, E::admin, E::adminGrp, E::transacGrp, E::note, E::ref, E::xref);
constexpr ElementSet note_link_info_2008 = set(E::admin, E::adminGrp, E::transacGrp, E::note, E::ref, E::xref);
constexpr ElementSet note_text_2008 = set(E::hi, E::foreign, E::bpt, E::ept, E::ph);

constexpr std::array<AttributeSpec, 2> martif_root = {{{"type", true, A::any}, {"xml:lang", true, A::any}}};
constexpr std::array<AttributeSpec, 3> p_2008 = {
    {{"id", false, A::id}, {"type", false, A::enumerated, p_types_2008}, {"xml:lang", false, A::any}}};
constexpr std::array<AttributeSpec, 2> id_lang_2008 = {{{"id", false, A::id}, {"xml:lang", false, A::any}}};
constexpr std::array<AttributeSpec, 5> data_category_2008 = {{{"id", false, A::id},
                                                              {"xml:lang", false, A::any},
                                                              {"type", true, A::any},
                                                              {"target", false, A::idref},
                                                              {"datatype", false, A::any}}};
constexpr std::array<AttributeSpec, 2> lang_set_2008 = {{{"id", false, A::id}, {"xml:lang", true, A::any}}};
constexpr std::array<AttributeSpec, 3> xref_2008 = {
    {{"id", false, A::id}, {"type", false, A::any}, {"target", true, A::any}}};
constexpr std::array<AttributeSpec, 3> hi_2008 = {
    {{"type", false, A::any}, {"target", false, A::idref}, {"xml:lang", false, A::any}}};
constexpr std::array<AttributeSpec, 2> bpt_2008 = {{{"i", false, A::any}, {"type", false, A::any}}};
constexpr std::array<AttributeSpec, 1> ept_2008 = {{{"i", false, A::any}}};

constexpr std::array<Slot, 1> note_text_2008_slots = {{{note_text_2008, 0, many}}};
constexpr std::array<Slot, 2> martif_slots = {{{set(E::martifHeader), 1, 1}, {set(E::text), 1, 1}}};
constexpr std::array<Slot, 3> file_desc_2008 = {
    {{set(E::titleStmt), 0, 1}, {set(E::publicationStmt), 0, 1}, {set(E::sourceDesc), 1, many}}};
constexpr std::array<Slot, 2> text_2008 = {{{set(E::body), 1, 1}, {set(E::back), 0, 1}}};
constexpr std::array<Slot, 1> body_2008 = {{{set(E::termEntry), 1, many}}};
constexpr std::array<Slot, 1> back_2008 = {{{set(E::refObjectList), 0, many}}};
constexpr std::array<Slot, 2> item_grp_2008 = {{{set(E::item), 1, 1}, {note_link_info_2008, 0, many}}};
constexpr std::array<Slot, 2> term_entry_slots = {{{aux_info_2008, 0, many}, {set(E::langSet), 1, many}}};
constexpr std::array<Slot, 2> lang_set_slots = {{{aux_info_2008, 0, many}, {set(E::tig, E::ntig), 1, many}}};
constexpr std::array<Slot, 3> tig_slots = {
    {{set(E::term), 1, 1}, {set(E::termNote), 0, many}, {aux_info_2008, 0, many}}};
constexpr std::array<Slot, 2> ntig_slots = {{{set(E::termGrp), 1, 1}, {aux_info_2008, 0, many}}};
constexpr std::array<Slot, 3> term_grp_slots = {{{set(E::term), 1, 1},
                                                 {set(E::termNote, E::termNoteGrp), 0, many},
                                                 {set(E::termCompList), 0, many}}};
constexpr std::array<Slot, 2> term_note_grp_2008 = {{{set(E::termNote), 1, 1}, {note_link_info_2008, 0, many}}};
constexpr std::array<Slot, 2> term_comp_list_slots = {
    {{aux_info_2008, 0, many}, {set(E::termComp, E::termCompGrp), 1, many}}};
constexpr std::array<Slot, 3> term_comp_grp_slots = {{{set(E::termComp), 1, 1},
                                                      {set(E::termNote, E::termNoteGrp), 0, many},
                                                      {note_link_info_2008, 0, many}}};
constexpr std::array<Slot, 2> descrip_grp_2008 = {
    {{set(E::descrip), 1, 1},
     {set(E::descripNote, E::admin, E::adminGrp, E::transacGrp, E::note, E::ref, E::xref), 0, many}}};
constexpr std::array<Slot, 2> admin_grp_2008 = {
    {{set(E::admin), 1, 1}, {set(E::adminNote, E::note, E::ref, E::xref), 0, many}}};
constexpr std::array<Slot, 2> transac_grp_2008 = {
    {{set(E::transac), 1, 1}, {set(E::transacNote, E::date, E::note, E::ref, E::xref), 0, many}}};
constexpr std::array<Slot, 1> ref_object_list = {{{set(E::refObject), 1, many}}};

// clang-format off
const ContentModel models_2008[] = {
    {E::martif, martif_slots, TextRule::none, martif_root},
    {E::martifHeader, tbx_header, TextRule::none, id_only},
    {E::fileDesc, file_desc_2008, TextRule::none, id_only},
    {E::titleStmt, title_stmt, TextRule::none, id_lang_2008},
    {E::title, nothing, TextRule::text_only, id_lang_2008},
    {E::publicationStmt, paragraphs, TextRule::none, id_only},
    {E::sourceDesc, paragraphs, TextRule::none, id_lang_2008},
    {E::encodingDesc, paragraphs, TextRule::none, id_only},
    {E::revisionDesc, changes, TextRule::none, id_lang_2008},
    {E::change, paragraphs, TextRule::none, id_lang_2008},
    {E::p, note_text_2008_slots, TextRule::mixed, p_2008},
    {E::text, text_2008, TextRule::none, id_only},
    {E::body, body_2008, TextRule::none, id_only},
    {E::back, back_2008, TextRule::none, id_only},
    {E::refObjectList, ref_object_list, TextRule::none, id_type_required},
    {E::refObject, ref_object, TextRule::none, id_only},
    {E::itemSet, item_set, TextRule::none, id_type},
    {E::itemGrp, item_grp_2008, TextRule::none, id_only},
    {E::item, note_text_2008_slots, TextRule::mixed, id_type},
    {E::termEntry, term_entry_slots, TextRule::none, id_only},
    {E::langSet, lang_set_slots, TextRule::none, lang_set_2008},
    {E::tig, tig_slots, TextRule::none, id_only},
    {E::ntig, ntig_slots, TextRule::none, id_only},
    {E::termGrp, term_grp_slots, TextRule::none, id_only},
    {E::term, basic_text, TextRule::mixed, id_only},
    {E::termNote, note_text_2008_slots, TextRule::mixed, data_category_2008},
    {E::termNoteGrp, term_note_grp_2008, TextRule::none, id_only},
    {E::termCompList, term_comp_list_slots, TextRule::none, id_type_required},
    {E::termComp, nothing, TextRule::text_only, id_lang_2008},
    {E::termCompGrp, term_comp_grp_slots, TextRule::none, id_only},
    {E::descrip, note_text_2008_slots, TextRule::mixed, data_category_2008},
    {E::descripGrp, descrip_grp_2008, TextRule::none, id_only},
    {E::descripNote, nothing, TextRule::text_only, data_category_2008},
    {E::admin, note_text_2008_slots, TextRule::mixed, data_category_2008},
    {E::adminGrp, admin_grp_2008, TextRule::none, id_only},
    {E::adminNote, nothing, TextRule::text_only, data_category_2008},
    {E::transac, nothing, TextRule::text_only, data_category_2008},
    {E::transacGrp, transac_grp_2008, TextRule::none, id_only},
    {E::transacNote, nothing, TextRule::text_only, data_category_2008},
    {E::date, nothing, TextRule::text_only, id_only},
    {E::note, note_text_2008_slots, TextRule::mixed, id_lang_2008},
    {E::ref, nothing, TextRule::text_only, data_category_2008},
    {E::xref, nothing, TextRule::text_only, xref_2008},
    {E::hi, nothing, TextRule::text_only, hi_2008},
    {E::foreign, note_text_2008_slots, TextRule::mixed, id_lang_2008},
    {E::bpt, nothing, TextRule::text_only, bpt_2008},
    {E::ept, nothing, TextRule::text_only, ept_2008},
};
// clang-format on

constexpr std::array<std::string_view, element_count> names = {
    "admin", "adminGrp", "adminNote", "back", "body", "bpt", "change", "conceptEntry", "date", "descrip",
    "descripGrp", "descripNote", "ec", "encodingDesc", "ept", "fileDesc", "foreign", "hi", "item", "itemGrp",
    "itemSet", "langSec", "langSet", "martif", "martifHeader", "note", "ntig", "p", "ph", "publicationStmt",
    "ref", "refObject", "refObjectList", "refObjectSec", "revisionDesc", "sc", "sourceDesc", "tbx",
    "tbxHeader", "term", "termComp", "termCompGrp", "termCompList", "termEntry", "termGrp", "termNote",
    "termNoteGrp", "termSec", "text", "tig", "title", "titleStmt", "transac", "transacGrp", "transacNote",
    "xref", "(an element of another namespace)", "(unknown)"};

struct ModelIndex {
    std::array<const ContentModel*, element_count> v3{};
    std::array<const ContentModel*, element_count> v2008{};
    ModelIndex() {
        for (const ContentModel& model : models_v3)
            if (model.element != E::unknown && model.element != E::foreign_namespace)
                v3[static_cast<std::size_t>(model.element)] = &model;
        for (const ContentModel& model : models_2008) v2008[static_cast<std::size_t>(model.element)] = &model;
    }
};

const ModelIndex& model_index() {
    static const ModelIndex index;
    return index;
}

}  // namespace

Element element_from_name(std::string_view local_name) {
    // The names are sorted, so a binary search finds them.
    std::size_t low = 0;
    std::size_t high = static_cast<std::size_t>(E::foreign_namespace);
    while (low < high) {
        std::size_t middle = (low + high) / 2;
        if (names[middle] < local_name)
            low = middle + 1;
        else
            high = middle;
    }
    if (low < static_cast<std::size_t>(E::foreign_namespace) && names[low] == local_name)
        return static_cast<Element>(low);
    return E::unknown;
}

std::string_view element_name(Element element) { return names[static_cast<std::size_t>(element)]; }

const ContentModel* content_model(TbxVersion version, Element element) {
    const auto& index = model_index();
    auto position = static_cast<std::size_t>(element);
    return version == TbxVersion::v3 ? index.v3[position] : index.v2008[position];
}

std::string element_names(ElementSet allowed) {
    std::string out;
    int count = 0;
    for (int i = 0; i < element_count; ++i)
        if (allowed & (ElementSet{1} << i)) ++count;
    int written = 0;
    for (int i = 0; i < element_count; ++i) {
        if (!(allowed & (ElementSet{1} << i))) continue;
        if (written > 0) out += written + 1 == count ? " or " : ", ";
        out += names[static_cast<std::size_t>(i)];
        ++written;
    }
    return out;
}

}  // namespace ilo::validate
