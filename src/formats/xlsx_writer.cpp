// XLSX writer: the sheet layouts' rows written as one worksheet with libxlsxwriter, deterministic byte for byte.
#include "formats/xlsx_writer.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>

#include "formats/csv_writer.hpp"
#include "formats/xlsx_libraries.hpp"

namespace ilo {

namespace {

// 2000-01-01T00:00:00Z: the creation time written into docProps/core.xml instead
// of the current time, which would make every export differ.
constexpr time_t fixed_creation_time = 946684800;
constexpr std::size_t max_cell_characters = 32767;  // Excel's limit, counted in UTF-16 code units

std::size_t utf16_length(const std::string& text) {
    std::size_t units = 0;
    for (char byte : text) {
        const auto c = static_cast<unsigned char>(byte);
        if ((c & 0xC0) == 0x80) continue;  // continuation byte
        units += c >= 0xF0 ? 2 : 1;        // a 4-byte sequence is a surrogate pair
    }
    return units;
}

// SpreadsheetML reads "_xHHHH_" in a string as an escaped character, and libxlsxwriter writes only
// control characters that way: a literal "_xHHHH_" in a term gets its '_' escaped as "_x005F_".
std::string escaped_underscores(const std::string& text) {
    auto is_hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool escape_like = text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && is_hex(text[i + 2]) &&
                           is_hex(text[i + 3]) && is_hex(text[i + 4]) && is_hex(text[i + 5]) && text[i + 6] == '_';
        if (escape_like) out += "_x005F";
        out += text[i];
    }
    return out;
}

// A name for the temporary workbook: libxlsxwriter writes only to a file.
class TemporaryFile {
public:
    TemporaryFile() {
        std::error_code error;
        std::string pattern = (std::filesystem::temp_directory_path(error) / "ilo-tbx-xlsx-XXXXXX").string();
        if (error) pattern = "/tmp/ilo-tbx-xlsx-XXXXXX";
        int descriptor = mkstemp(pattern.data());
        if (descriptor < 0) return;
        close(descriptor);
        path_ = pattern;
    }
    ~TemporaryFile() {
        if (path_.empty()) return;
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

class XlsxOutput final : public csv::SheetOutput {
public:
    XlsxOutput(std::ostream& out, Diagnostics& diagnostics) : out_(out), diagnostics_(diagnostics) {}

    void comment(const std::string& text) override { rows_.push_back({{text}, {}, false}); }
    void row(const std::vector<std::string>& cells, const std::vector<bool>& quoted, bool is_header) override {
        rows_.push_back({cells, quoted, is_header});
    }
    bool plain_text() const override { return false; }
    void finish() override;

private:
    struct Row {
        std::vector<std::string> cells;
        std::vector<bool> quoted;
        bool is_header = false;
    };
    bool within_limits();

    std::ostream& out_;
    Diagnostics& diagnostics_;
    std::vector<Row> rows_;
};

bool XlsxOutput::within_limits() {
    if (rows_.size() > LXW_ROW_MAX) {
        diagnostics_.error({}, "xlsx.limit",
                           "the sheet needs " + std::to_string(rows_.size()) + " rows; a worksheet holds " +
                               std::to_string(LXW_ROW_MAX));
        return false;
    }
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        const Row& row = rows_[r];
        if (row.cells.size() > LXW_COL_MAX) {
            diagnostics_.error({}, "xlsx.limit",
                               "row " + std::to_string(r + 1) + " needs " + std::to_string(row.cells.size()) +
                                   " columns; a worksheet holds " + std::to_string(LXW_COL_MAX));
            return false;
        }
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            if (utf16_length(row.cells[c]) <= max_cell_characters) continue;
            diagnostics_.error({}, "xlsx.limit",
                               "the cell in row " + std::to_string(r + 1) + ", column " + std::to_string(c + 1) +
                                   " holds " + std::to_string(utf16_length(row.cells[c])) +
                                   " characters; Excel cells hold at most 32767 (use CSV or --layout long)");
            return false;
        }
    }
    return true;
}

void XlsxOutput::finish() {
    if (!within_limits()) return;
    TemporaryFile file;
    if (file.path().empty()) {
        diagnostics_.error({}, "xlsx.write", "cannot create a temporary file for the workbook");
        return;
    }
    std::string why;
    const xlsx_libraries::Writer* lxw = xlsx_libraries::writer(why);
    if (!lxw) {
        diagnostics_.error({}, "xlsx.write", "cannot write a workbook: " + why);
        return;
    }
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.use_zip64 = LXW_FALSE;
    lxw_workbook* workbook = lxw->workbook_new_opt(file.path().c_str(), &options);
    if (!workbook) {
        diagnostics_.error({}, "xlsx.write", "libxlsxwriter could not start a workbook");
        return;
    }
    lxw_doc_properties properties{};
    properties.created = fixed_creation_time;
    lxw->workbook_set_properties(workbook, &properties);
    lxw_worksheet* sheet = lxw->workbook_add_worksheet(workbook, "Terms");
    lxw_format* bold = lxw->workbook_add_format(workbook);
    lxw->format_set_bold(bold);
    // An empty quoted cell (a term with no text) is a blank cell in Text format,
    // told apart from a cell that holds nothing.
    lxw_format* text = lxw->workbook_add_format(workbook);
    lxw->format_set_num_format(text, "@");
    lxw_error failure = LXW_NO_ERROR;
    for (std::size_t r = 0; r < rows_.size() && failure == LXW_NO_ERROR; ++r) {
        const Row& row = rows_[r];
        for (std::size_t c = 0; c < row.cells.size() && failure == LXW_NO_ERROR; ++c) {
            const std::string& cell = row.cells[c];
            auto row_index = static_cast<lxw_row_t>(r);
            auto column_index = static_cast<lxw_col_t>(c);
            if (!cell.empty()) {
                failure = lxw->worksheet_write_string(sheet, row_index, column_index, escaped_underscores(cell).c_str(),
                                                 row.is_header ? bold : nullptr);
            } else if (c < row.quoted.size() && row.quoted[c]) {
                failure = lxw->worksheet_write_blank(sheet, row_index, column_index, text);
            }
        }
    }
    if (failure == LXW_NO_ERROR) {
        failure = lxw->workbook_close(workbook);
    } else {
        lxw->workbook_close(workbook);
    }
    if (failure != LXW_NO_ERROR) {
        diagnostics_.error({}, "xlsx.write", std::string("libxlsxwriter: ") + lxw->lxw_strerror(failure));
        return;
    }
    std::ifstream written(file.path(), std::ios::binary);
    out_ << written.rdbuf();
    if (!written) diagnostics_.error({}, "xlsx.write", "cannot read back the workbook from " + file.path());
}

}  // namespace

std::unique_ptr<ConceptSink> make_xlsx_writer(std::ostream& out, const WriteOptions& options,
                                              Diagnostics& diagnostics) {
    return csv::make_sheet_writer(std::make_unique<XlsxOutput>(out, diagnostics), options, diagnostics);
}

}  // namespace ilo
