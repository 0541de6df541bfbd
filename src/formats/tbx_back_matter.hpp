// What both TBX writers write alike around the entries: header text made safe for XML, header losses, and the back matter.
#pragma once

#include <pugixml.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "formats/tbx_entry_builder.hpp"
#include "ilo_tbx/diagnostics.hpp"
#include "ilo_tbx/model.hpp"

namespace ilo::tbx_back {

// Header text as XML 1.0 can carry it: invalid UTF-8 and forbidden characters become U+FFFD, with a warning.
std::string clean_header_text(std::string_view text, Diagnostics& diagnostics);

// Whether the first sourceDesc needs a <p> for the source description even when it is empty: sourceDesc needs a
// paragraph, and the readers take its first untyped one (of the first sourceDesc) for the description, so an
// untyped first paragraph of `source_paragraphs` would otherwise come back as the description.
bool needs_description_paragraph(const std::vector<const HeaderParagraph*>& source_paragraphs);

// A header section the edition holds once (`holder`: the element) gets all its paragraphs in one, which the readers
// number group 0: a loss when they came from several groups, or from one group other than the first.
void report_merged_groups(Diagnostics& diagnostics, std::string_view section, std::string_view holder,
                          std::string_view edition, const std::vector<const HeaderParagraph*>& paragraphs);

// Something of the header the target cannot hold: a tbx.loss warning.
void header_loss(Diagnostics& diagnostics, const std::string& what);

// <back> with one section element per section: refObjectSec in TBX v3, refObjectList in TBX 2008. Its ids are
// claimed in `state` now, so that transactions in the entries can point at the people and tools it lists.
void build_back_matter(pugi::xml_document& document, const char* section_element,
                       const std::vector<RefObjectSection>& sections, tbx_entry::FileState& state,
                       Diagnostics& diagnostics);

// Prints the header or the back matter as pugixml lays it out, but with a carriage return in text written as
// "&#13;": pugixml writes it raw, and every XML reader takes a raw CR for a line feed.
void print_node(pugi::xml_node node, std::ostream& out, const char* indent, unsigned flags, unsigned depth);

}  // namespace ilo::tbx_back
