// The one explicit table of formats; adding a format is adding a row here.
#include "ilo_tbx/format.hpp"

#include <algorithm>
#include <array>

#include "formats/csv_reader.hpp"
#include "formats/csv_writer.hpp"
#include "formats/json_reader.hpp"
#include "formats/json_writer.hpp"
#include "formats/tbx2008_writer.hpp"
#include "formats/tbx_writer.hpp"
#include "formats/xlsx_reader.hpp"
#include "formats/xlsx_writer.hpp"
#include "ilo_tbx/emn_reader.hpp"
#include "ilo_tbx/tbx_reader.hpp"

namespace ilo {

namespace {
constexpr std::array<std::string_view, 2> emn_extensions{".txt", ".emn"};
constexpr std::array<std::string_view, 1> tbx_extensions{".tbx"};
constexpr std::array<std::string_view, 1> json_extensions{".json"};
constexpr std::array<std::string_view, 1> csv_extensions{".csv"};
constexpr std::array<std::string_view, 3> tsv_extensions{".tsv", ".tab", ".utf8"};
constexpr std::array<std::string_view, 1> xlsx_extensions{".xlsx"};

// tbx2008 has no extension of its own: a .tbx path means TBX v3 unless --to says tbx2008.
constexpr std::array<std::string_view, 0> tbx2008_extensions{};

const std::array<Format, 7> format_table{{
    {FormatId::emn, "emn", "text of an EMN Asylum and Migration Glossary page", emn_extensions, &read_emn, nullptr},
    {FormatId::tbx, "tbx", "TBX: reads v3 (ISO 30042:2019), 2008 (martif) and TBX-Min; writes v3", tbx_extensions,
     &read_tbx, &make_tbx_writer, true},
    {FormatId::tbx2008, "tbx2008",
     "TBX 2008 (<martif>, TBX-Basic, no namespace): what OmegaT, translate-toolkit and "
     "Lokalize read; reads any TBX",
     tbx2008_extensions, &read_tbx, &make_tbx2008_writer, true},
    {FormatId::json, "json", "the model as JSON (docs/json-model.md)", json_extensions, &read_json, &make_json_writer,
     true},
    {FormatId::csv, "csv", "CSV sheet (wide or long layout, or a CAT tool's profile)", csv_extensions, &read_csv,
     &make_csv_writer, true},
    {FormatId::tsv, "tsv", "tab-separated sheet (as csv; OmegaT glossaries)", tsv_extensions, &read_tsv,
     &make_tsv_writer, true},
    {FormatId::xlsx, "xlsx", "Excel workbook (the csv layouts and profiles, one worksheet)", xlsx_extensions,
     &read_xlsx, &make_xlsx_writer},
}};

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
    if (suffix.size() > text.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        char a = text[text.size() - suffix.size() + i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (a != suffix[i]) return false;
    }
    return true;
}
}  // namespace

std::span<const Format> formats() { return format_table; }

const Format* find_format(std::string_view name) {
    for (const Format& format : format_table)
        if (format.name == name) return &format;
    return nullptr;
}

const Format* format_for_path(std::string_view path) {
    for (const Format& format : format_table)
        for (std::string_view extension : format.extensions)
            if (ends_with_ignoring_case(path, extension)) return &format;
    return nullptr;
}

bool looks_tab_separated(std::string_view start) {
    if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);
    // Only the first lines are looked at: the last one may be cut short, and a page's first lines are its title,
    // definition and headings, none of which holds a tab.
    constexpr int lines_looked_at = 20;
    int lines = 0;
    int with_tab = 0;
    while (!start.empty() && lines < lines_looked_at) {
        const std::size_t end = std::min(start.find('\n'), start.size());
        std::string_view line = start.substr(0, end);
        start.remove_prefix(std::min(end + 1, start.size()));
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (line.starts_with("# Glossary in tab-separated format")) return true;  // OmegaT writes it first
        if (line.empty() || line.starts_with('#')) continue;  // OmegaT's comments and blank lines say nothing
        ++lines;
        if (line.find('\t') != std::string_view::npos) ++with_tab;
    }
    return lines > 0 && with_tab * 3 >= lines * 2;
}

const Format* format_for_input(std::string_view path, std::string_view start) {
    if (const Format* by_extension = format_for_path(path); by_extension && by_extension->read) {
        // .emn names a page; .txt is also what OmegaT calls its glossaries.
        if (by_extension->id == FormatId::emn && ends_with_ignoring_case(path, ".txt") && looks_tab_separated(start))
            return find_format("tsv");
        return by_extension;
    }
    std::size_t at = start.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (at < start.size() && (start[at] == ' ' || start[at] == '\t' || start[at] == '\r' || start[at] == '\n')) ++at;
    return find_format(at < start.size() && start[at] == '{' ? "json" : "tbx");
}

TermBase read_term_base(const Format& format, const Input& input, const ReadOptions& options,
                        Diagnostics& diagnostics) {
    TermBaseCollector collector;
    if (format.read) format.read(input, options, diagnostics, collector);
    return std::move(collector.term_base());
}

void write_term_base(const Format& format, const TermBase& term_base, std::ostream& out, const WriteOptions& options,
                     Diagnostics& diagnostics) {
    if (!format.writer) return;
    std::unique_ptr<ConceptSink> sink = format.writer(out, options, diagnostics);
    sink->header(term_base);
    for (const Concept& concept_value : term_base.concepts) sink->concept_entry(concept_value);
    sink->finish();
}

}  // namespace ilo
