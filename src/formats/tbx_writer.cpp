// TBX v3 writer (TBX-Basic, TBX-Min or TBX-Core; DCA or DCT style): the prolog by hand, the header and the back matter
// built and printed with pugixml, each conceptEntry with the shared entry builder and its tree.
#include "formats/tbx_writer.hpp"

#include <pugixml.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "formats/tbx_back_matter.hpp"
#include "formats/tbx_basic_rules.hpp"
#include "formats/tbx_entry_builder.hpp"

namespace ilo {

namespace {

constexpr const char* indent_unit = "  ";
constexpr unsigned print_flags = pugi::format_indent;

// The xml-model lines name the published schemas for readers' tools; ilo-tbx never loads them.
// DCT files name the dialect's NVDL, which runs the core RNG, the module RNGs and the Schematrons.
constexpr std::string_view xml_declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr std::string_view core_rng =
    "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng\" "
    "type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n";
constexpr std::string_view basic_schematron =
    "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/"
    "TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n";
constexpr std::string_view min_schematron =
    "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Min_dialect/master/DCA/"
    "TBX-Min_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n";
constexpr std::string_view basic_nvdl =
    "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCT/TBX-Basic.nvdl\" "
    "type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/nvdl/ns/structure/1.0\"?>\n";
constexpr std::string_view min_nvdl =
    "<?xml-model href=\"https://raw.githubusercontent.com/LTAC-Global/TBX-Min_dialect/master/DCT/TBX-Min.nvdl\" "
    "type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/nvdl/ns/structure/1.0\"?>\n";

// The entry shape for a dialect and style. TBX-Core has no modules, so it looks the same in both styles
// (tbxinfo.net, "TBX Dialects": "Unlike other dialects, it looks the same in both DCA and DCT styles").
tbx_entry::Shape shape_for(const WriteOptions& options) {
    tbx_entry::Shape shape = options.dialect == TbxDialect::core  ? tbx_entry::v3_core_shape
                             : options.dialect == TbxDialect::min ? tbx_entry::v3_min_shape
                                                                  : tbx_entry::v3_shape;
    shape.dct = options.style == TbxStyle::dct;
    return shape;
}

class TbxV3Writer final : public ConceptSink {
public:
    TbxV3Writer(std::ostream& out, const WriteOptions& options, Diagnostics& diagnostics)
        : out_(out), options_(options), diagnostics_(diagnostics), shape_(shape_for(options)) {}

    void header(const TermBaseHeader& header) override {
        if (header_written_) return;
        header_written_ = true;
        std::string language = header.source_language.empty() ? "en" : header.source_language;
        if (!xml_values::is_language_tag(language)) {
            diagnostics_.error({}, "tbx.bad-language",
                               "source language \"" + language + "\" is not a language tag; wrote \"und\"");
            language = "und";
        }
        const bool dct = options_.style == TbxStyle::dct;
        out_ << xml_declaration;
        switch (options_.dialect) {
            case TbxDialect::core: out_ << core_rng; break;
            case TbxDialect::basic: out_ << (dct ? basic_nvdl : core_rng) << (dct ? "" : basic_schematron); break;
            case TbxDialect::min: out_ << (dct ? min_nvdl : core_rng) << (dct ? "" : min_schematron); break;
        }
        const char* type = options_.dialect == TbxDialect::core  ? "TBX-Core"
                           : options_.dialect == TbxDialect::min ? "TBX-Min"
                                                                 : "TBX-Basic";
        out_ << "<tbx type=\"" << type << "\" style=\"" << (dct ? "dct" : "dca") << "\" xml:lang=\"" << language
             << "\" xmlns=\"urn:iso:std:iso:30042:ed-2\"";
        // The module namespaces a DCT file's elements may come from: Min's in both dialects, Basic's in TBX-Basic.
        if (dct && options_.dialect != TbxDialect::core) {
            out_ << " xmlns:min=\"" << tbx_basic::dct_namespace("min") << "\"";
            if (options_.dialect == TbxDialect::basic)
                out_ << " xmlns:basic=\"" << tbx_basic::dct_namespace("basic") << "\"";
        }
        out_ << ">\n";
        pugi::xml_document document;
        build_header(document, header);
        tbx_back::print_node(document.first_child(), out_, indent_unit, print_flags, 1);
        out_ << indent_unit << "<text>\n";
        tbx_back::build_back_matter(back_matter_, "refObjectSec", header.back_matter, state_, diagnostics_);
    }

    void concept_entry(Concept concept_value) override {
        if (!header_written_) header(TermBaseHeader{});
        if (!tbx_entry::build_entry(entry_, concept_value, shape(), diagnostics_, state_)) return;
        if (!body_open_) {
            out_ << indent_unit << indent_unit << "<body>\n";
            body_open_ = true;
        }
        std::string_view text = entry_.print(indent_unit, 3);
        out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    }

    void finish() override {
        if (!header_written_) header(TermBaseHeader{});
        // TBX's body must hold at least one conceptEntry; a term base without any has a bare text element.
        if (body_open_) out_ << indent_unit << indent_unit << "</body>\n";
        if (back_matter_.first_child())
            tbx_back::print_node(back_matter_.first_child(), out_, indent_unit, print_flags, 2);
        out_ << indent_unit << "</text>\n</tbx>\n";
        tbx_entry::check_references(state_, diagnostics_);
    }

private:
    const tbx_entry::Shape& shape() const { return shape_; }

    std::string clean(std::string_view text) { return tbx_back::clean_header_text(text, diagnostics_); }

    void header_loss(const std::string& what) { tbx_back::header_loss(diagnostics_, what); }

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
        for (std::string_view single : {"titleNote", "publicationStmt", "sourceDesc", "encodingDesc"})
            tbx_back::report_merged_groups(diagnostics_, single, single == "titleNote" ? "titleStmt" : single, "TBX v3",
                                           sections[std::string(single)]);

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
        if (!header.source_description.empty() || tbx_back::needs_description_paragraph(sections["sourceDesc"]))
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

    std::ostream& out_;
    WriteOptions options_;
    Diagnostics& diagnostics_;
    tbx_entry::Shape shape_;
    bool header_written_ = false;
    bool body_open_ = false;
    tbx_entry::FileState state_;
    pugi::xml_document back_matter_;
    // Reused from entry to entry, so that writing one allocates nothing once the first few are written.
    xml_tree::Tree entry_;
};

}  // namespace

std::unique_ptr<ConceptSink> make_tbx_writer(std::ostream& out, const WriteOptions& options, Diagnostics& diagnostics) {
    return std::make_unique<TbxV3Writer>(out, options, diagnostics);
}

}  // namespace ilo
