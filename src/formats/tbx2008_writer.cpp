// TBX 2008 writer (TBX-Basic, or the 2008 core structure): the DOCTYPE and martif by hand, the martifHeader, each termEntry (shared entry builder and its tree) and the back matter.
#include "formats/tbx2008_writer.hpp"

#include <pugixml.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "formats/tbx_back_matter.hpp"
#include "formats/tbx_basic_rules.hpp"
#include "formats/tbx_entry_builder.hpp"
#include "ilo_tbx/tool_profile.hpp"

namespace ilo {

namespace {

constexpr const char* indent_unit = "  ";
constexpr unsigned print_flags = pugi::format_indent;

// The DOCTYPE names the DTD as the TBX-Basic 2008 package does; no reader needs to load it.
constexpr std::string_view prolog =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">\n";
// --dialect core, or a profile that needs categories TBX-Basic lacks (Phrase's status flags), writes 2008 core TBX.
constexpr std::string_view core_prolog =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n";

constexpr std::string_view basic_xcs = "TBXBasicXCSV02.xcs";

// "TBXBasicXCSV02.xcs", a path or URL ending in it, with any white space around.
bool names_basic_xcs(std::string_view text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    return text.size() >= basic_xcs.size() && text.substr(text.size() - basic_xcs.size()) == basic_xcs;
}

class Tbx2008Writer final : public ConceptSink {
public:
    Tbx2008Writer(std::ostream& out, const WriteOptions& options, Diagnostics& diagnostics)
        : out_(out), options_(options), diagnostics_(diagnostics) {}

    void header(const TermBaseHeader& header) override {
        if (header_written_) return;
        header_written_ = true;
        if (options_.dialect == TbxDialect::min || options_.style != TbxStyle::dca)
            diagnostics_.error({}, "tbx.unsupported",
                               "TBX 2008 is written as TBX-Basic or as the 2008 core structure (--dialect core) only "
                               "(2008 has no DCT style; TBX-Min is a v3 dialect)");
        std::string language = header.source_language.empty() ? "en" : header.source_language;
        if (!options_.profile.source_language.empty()) language = options_.profile.source_language;
        if (!xml_values::is_language_tag(language)) {
            diagnostics_.error({}, "tbx.bad-language",
                               "source language \"" + language + "\" is not a language tag; wrote \"und\"");
            language = "und";
        }
        out_ << (core() ? core_prolog : prolog) << "<martif type=\"" << (core() ? "TBX" : "TBX-Basic")
             << "\" xml:lang=\"" << language << "\">\n";
        pugi::xml_document document;
        build_header(document, header);
        tbx_back::print_node(document.first_child(), out_, indent_unit, print_flags, 1);
        out_ << indent_unit << "<text>\n" << indent_unit << indent_unit << "<body>\n";
        tbx_back::build_back_matter(back_matter_, "refObjectList", header.back_matter, state_, diagnostics_);
    }

    void concept_entry(Concept concept_value) override {
        if (!header_written_) header(TermBaseHeader{});
        if (!apply_tool_profile(concept_value, options_.profile, profile_state_, diagnostics_)) return;
        if (!options_.profile.synonym_entries) {
            write_entry(concept_value);
            return;
        }
        for (const Concept& entry : split_synonym_pairs(std::move(concept_value), profile_state_)) write_entry(entry);
    }

    void write_entry(const Concept& concept_value) {
        const tbx_entry::Shape& shape = core() ? tbx_entry::v2008_core_shape : tbx_entry::v2008_shape;
        if (!tbx_entry::build_entry(entry_, concept_value, shape, diagnostics_, state_)) return;
        ++entries_;
        std::string_view text = entry_.print(indent_unit, 3);
        out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    }

    void finish() override {
        if (!header_written_) header(TermBaseHeader{});
        if (entries_ == 0)
            diagnostics_.error({}, "tbx.no-entries",
                               "TBX 2008 needs at least one termEntry in its body, and there is no concept with a "
                               "term to write");
        out_ << indent_unit << indent_unit << "</body>\n";
        if (back_matter_.first_child())
            tbx_back::print_node(back_matter_.first_child(), out_, indent_unit, print_flags, 2);
        out_ << indent_unit << "</text>\n</martif>\n";
        finish_tool_profile(options_.profile, profile_state_, diagnostics_);
        tbx_entry::check_references(state_, diagnostics_);
    }

private:
    // The 2008 core structure (TBXcoreStructV02.dtd, what 2008 calls TBX-Default): asked for with --dialect core,
    // to carry 2008 files that use categories TBX-Basic lacks, or by a profile that needs such categories.
    bool core() const { return options_.dialect == TbxDialect::core || options_.profile.status_flags; }

    std::string clean(std::string_view text) { return tbx_back::clean_header_text(text, diagnostics_); }

    void header_loss(const std::string& what) { tbx_back::header_loss(diagnostics_, what); }

    // A header p: TBXBasicRNGV02.rng allows only type="XCSURI", the core DTD also DCSName and XCSContent,
    // so other types are left out with a warning.
    void add_paragraph(pugi::xml_node parent, const char* element, const std::string& type, const std::string& text) {
        pugi::xml_node paragraph = parent.append_child(element);
        if (!type.empty()) {
            if (type == "XCSURI" || (core() && (type == "DCSName" || type == "XCSContent")))
                paragraph.append_attribute("type").set_value(type.c_str());
            else if (core())
                header_loss("the type \"" + type + "\" of a header paragraph has no place in TBX 2008 (only "
                                                   "DCSName, XCSURI, XCSContent); the paragraph is written without it");
            else
                header_loss("the type \"" + type + "\" of a header paragraph has no place in TBX-Basic 2008 (only "
                                                   "XCSURI); the paragraph is written without it");
        }
        if (!text.empty()) paragraph.text().set(clean(text).c_str());
    }

    // martifHeader: fileDesc (titleStmt?, publicationStmt?, sourceDesc+), encodingDesc?, revisionDesc?.
    // 2008 allows several sourceDesc, one per group of the model; one publicationStmt and one encodingDesc.
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
        for (std::string_view single : {"titleNote", "publicationStmt", "encodingDesc"})
            tbx_back::report_merged_groups(diagnostics_, single, single == "titleNote" ? "titleStmt" : single,
                                           "TBX 2008", sections[std::string(single)]);

        pugi::xml_node martif_header = document.append_child("martifHeader");
        pugi::xml_node file_description = martif_header.append_child("fileDesc");
        if (!header.title.empty() || !sections["titleNote"].empty()) {
            pugi::xml_node title_statement = file_description.append_child("titleStmt");
            pugi::xml_node title = title_statement.append_child("title");
            if (!header.title.empty()) title.text().set(clean(header.title).c_str());
            for (const HeaderParagraph* paragraph : sections["titleNote"]) {
                if (!paragraph->type.empty())
                    header_loss("the type \"" + paragraph->type + "\" of a title note has no place in TBX");
                add_paragraph(title_statement, "note", {}, paragraph->text);
            }
        }
        if (!sections["publicationStmt"].empty()) {
            pugi::xml_node publication = file_description.append_child("publicationStmt");
            for (const HeaderParagraph* paragraph : sections["publicationStmt"])
                add_paragraph(publication, "p", paragraph->type, paragraph->text);
        }
        pugi::xml_node source = file_description.append_child("sourceDesc");
        if (!header.source_description.empty() || tbx_back::needs_description_paragraph(sections["sourceDesc"]))
            add_paragraph(source, "p", {}, header.source_description);
        std::uint32_t source_group = 0;
        for (const HeaderParagraph* paragraph : sections["sourceDesc"]) {
            if (paragraph->group != source_group && source.first_child())
                source = file_description.append_child("sourceDesc");
            source_group = paragraph->group;
            add_paragraph(source, "p", paragraph->type, paragraph->text);
        }

        // encodingDesc names the XCS the file follows: TBX-Basic 2008's, whatever another file named.
        // 2008 core TBX for a tool follows no published XCS: it keeps the input's encodingDesc as it is.
        if (core()) {
            if (!sections["encodingDesc"].empty()) {
                pugi::xml_node encoding = martif_header.append_child("encodingDesc");
                for (const HeaderParagraph* paragraph : sections["encodingDesc"])
                    add_paragraph(encoding, "p", paragraph->type, paragraph->text);
            }
            build_revisions(martif_header, sections["revisionDesc"]);
            return;
        }
        pugi::xml_node encoding = martif_header.append_child("encodingDesc");
        bool names_xcs = false;
        for (const HeaderParagraph* paragraph : sections["encodingDesc"])
            names_xcs |= paragraph->type == "XCSURI" && names_basic_xcs(paragraph->text);
        if (!names_xcs) add_paragraph(encoding, "p", "XCSURI", std::string(basic_xcs));
        for (const HeaderParagraph* paragraph : sections["encodingDesc"]) {
            if (paragraph->type == "XCSURI" && !names_basic_xcs(paragraph->text)) {
                header_loss("the XCS \"" + paragraph->text + "\" the input named is replaced by " +
                            std::string(basic_xcs) + "; it is kept as an untyped paragraph");
                add_paragraph(encoding, "p", {}, paragraph->text);
                continue;
            }
            add_paragraph(encoding, "p", paragraph->type, paragraph->text);
        }
        build_revisions(martif_header, sections["revisionDesc"]);
    }

    void build_revisions(pugi::xml_node martif_header, const std::vector<const HeaderParagraph*>& paragraphs) {
        if (paragraphs.empty()) return;
        pugi::xml_node revisions = martif_header.append_child("revisionDesc");
        pugi::xml_node change;
        std::uint32_t group = 0;
        for (const HeaderParagraph* paragraph : paragraphs) {
            if (!change || paragraph->group != group) change = revisions.append_child("change");
            group = paragraph->group;
            add_paragraph(change, "p", paragraph->type, paragraph->text);
        }
    }

    std::ostream& out_;
    WriteOptions options_;
    Diagnostics& diagnostics_;
    bool header_written_ = false;
    std::size_t entries_ = 0;
    tbx_entry::FileState state_;
    ToolProfileState profile_state_;
    pugi::xml_document back_matter_;
    // Reused from entry to entry, so that writing one allocates nothing once the first few are written.
    xml_tree::Tree entry_;
};

}  // namespace

std::unique_ptr<ConceptSink> make_tbx2008_writer(std::ostream& out, const WriteOptions& options,
                                                 Diagnostics& diagnostics) {
    return std::make_unique<Tbx2008Writer>(out, options, diagnostics);
}

}  // namespace ilo
