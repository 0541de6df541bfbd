// What both TBX writers write alike around the entries: header text made safe for XML, header losses, and the back matter.
#include "formats/tbx_back_matter.hpp"

#include <algorithm>

#include <sstream>

#include "formats/tbx_basic_rules.hpp"

namespace ilo::tbx_back {

std::string clean_header_text(std::string_view text, Diagnostics& diagnostics) {
    bool changed = false;
    std::string result = xml_values::sanitized(text, changed);
    if (changed)
        diagnostics.warning({}, "tbx.invalid-char",
                            "header: invalid UTF-8 or a character XML 1.0 cannot carry was replaced by U+FFFD");
    return result;
}

bool needs_description_paragraph(const std::vector<const HeaderParagraph*>& source_paragraphs) {
    // Whatever its group: the first paragraph written goes into the first sourceDesc.
    return source_paragraphs.empty() || source_paragraphs.front()->type.empty();
}

void report_merged_groups(Diagnostics& diagnostics, std::string_view section, std::string_view holder,
                          std::string_view edition, const std::vector<const HeaderParagraph*>& paragraphs) {
    if (paragraphs.empty()) return;
    const std::uint32_t first = paragraphs.front()->group;
    const bool several = std::any_of(paragraphs.begin(), paragraphs.end(),
                                     [&](const HeaderParagraph* paragraph) { return paragraph->group != first; });
    if (several)
        header_loss(diagnostics, "several " + std::string(section) + " groups are merged into one; " +
                                     std::string(edition) + " has one " + std::string(holder));
    else if (first != 0)
        header_loss(diagnostics, std::string(section) + " group " + std::to_string(first) +
                                     " is written as the first; " + std::string(edition) + " has one " +
                                     std::string(holder));
}

void header_loss(Diagnostics& diagnostics, const std::string& what) {
    diagnostics.warning({}, "tbx.loss", "header: " + what);
}

void build_back_matter(pugi::xml_document& document, const char* section_element,
                       const std::vector<RefObjectSection>& sections, tbx_entry::FileState& state,
                       Diagnostics& diagnostics) {
    if (sections.empty()) return;
    pugi::xml_node back = document.append_child("back");
    for (const RefObjectSection& section : sections) {
        if (section.type.empty() || section.objects.empty()) {
            header_loss(diagnostics, "a back-matter section with no type or no objects cannot be written in TBX; left out");
            continue;
        }
        pugi::xml_node section_node = back.append_child(section_element);
        section_node.append_attribute("type").set_value(clean_header_text(section.type, diagnostics).c_str());
        for (const RefObject& object : section.objects) {
            pugi::xml_node object_node = section_node.append_child("refObject");
            if (!object.id.empty()) {
                if (tbx_entry::claim_file_id(state, object.id))
                    object_node.append_attribute("id").set_value(object.id.c_str());
                else
                    header_loss(diagnostics, "back-matter id '" + object.id + "' is not a valid, unused XML id; left out");
            }
            for (const RefObjectItem& item : object.items) {
                pugi::xml_node item_node = object_node.append_child("item");
                if (!item.type.empty())
                    item_node.append_attribute("type").set_value(clean_header_text(item.type, diagnostics).c_str());
                if (!item.value.empty()) item_node.text().set(clean_header_text(item.value, diagnostics).c_str());
            }
            if (object.items.empty()) {
                // A refObject holds at least one item: the empty one added reads back as an item.
                header_loss(diagnostics, "back-matter object" + (object.id.empty() ? std::string() : " '" + object.id + "'") +
                                             " has no items; written with an empty <item/>, as TBX requires one");
                object_node.append_child("item");
            }
        }
    }
}

void print_node(pugi::xml_node node, std::ostream& out, const char* indent, unsigned flags, unsigned depth) {
    std::ostringstream printed;
    node.print(printed, indent, flags, pugi::encoding_utf8, depth);
    // pugixml's layout uses LF only and escapes CR in attribute values: a raw CR here is one in text.
    const std::string text = printed.str();
    std::size_t start = 0;
    for (std::size_t cr = text.find('\r'); cr != std::string::npos; cr = text.find('\r', start)) {
        out.write(text.data() + start, static_cast<std::streamsize>(cr - start)) << "&#13;";
        start = cr + 1;
    }
    out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

}  // namespace ilo::tbx_back
