// XLSX reader: unpacks a workbook's first (or named) worksheet with libzip and pugixml, bounded against zip bombs.
#include "formats/xlsx_reader.hpp"

#include <algorithm>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "formats/csv_reader.hpp"
#include "formats/xlsx_libraries.hpp"
#include "text/text_decoding.hpp"
#include "text/unicode_text.hpp"
#include "text/xml_limits.hpp"

namespace ilo {

namespace {

constexpr std::uint32_t max_rows = 1048576;  // Excel's worksheet limits
constexpr std::uint32_t max_columns = 16384;

std::string_view local_name(const pugi::xml_node& node) {
    std::string_view name = node.name();
    std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The first child with this local name (SpreadsheetML may come with any namespace prefix).
pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_node item : node.children())
        if (item.type() == pugi::node_element && local_name(item) == name) return item;
    return {};
}

// An attribute by local name ("r:id" and "id" in another prefix are the same to us).
std::string_view attribute(const pugi::xml_node& node, std::string_view name) {
    for (pugi::xml_attribute item : node.attributes()) {
        std::string_view full = item.name();
        std::size_t colon = full.find(':');
        if (colon != std::string_view::npos && full.substr(0, colon) == "xmlns") continue;
        if ((colon == std::string_view::npos ? full : full.substr(colon + 1)) == name) return item.value();
    }
    return {};
}

// The directory part of a part name ("xl/workbook.xml" -> "xl/").
std::string directory_of(std::string_view part) {
    std::size_t slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// A relationship target resolved against the directory of its source part; '..' and '.' segments folded.
std::string resolve_part(std::string_view base_directory, std::string_view target) {
    std::string joined = target.starts_with('/') ? std::string(target.substr(1)) : std::string(base_directory) + std::string(target);
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t end = joined.find('/', start);
        if (end == std::string::npos) end = joined.size();
        std::string segment = joined.substr(start, end - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    std::string part;
    for (const std::string& segment : segments) part += (part.empty() ? "" : "/") + segment;
    return part;
}

// The UTF-16 code unit of an "_xHHHH_" escape at `at`, if there is one.
std::optional<char32_t> escaped_unit(std::string_view text, std::size_t at) {
    if (at + 7 > text.size() || text[at] != '_' || text[at + 1] != 'x' || text[at + 6] != '_') return std::nullopt;
    char32_t unit = 0;
    for (std::size_t i = at + 2; i < at + 6; ++i) {
        char c = text[i];
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (digit < 0) return std::nullopt;
        unit = unit * 16 + static_cast<char32_t>(digit);
    }
    return unit;
}

class XlsxReader {
public:
    XlsxReader(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink)
        : input_(input), options_(options), diagnostics_(diagnostics), sink_(sink) {}
    ~XlsxReader() {
        if (archive_) libzip_->zip_discard(archive_);
    }
    XlsxReader(const XlsxReader&) = delete;
    XlsxReader& operator=(const XlsxReader&) = delete;

    void run();

    // The cells of one <row> element as a record, or nothing after an error.
    std::optional<csv::Record> record_of(const pugi::xml_node& row, std::uint32_t row_number, bool allow_comment);
    bool failed() const { return failed_; }
    SourcePos at(std::uint32_t line = 0, std::uint32_t column = 0) const { return {input_.name, line, column}; }
    void fail(std::uint32_t row, std::uint32_t column, std::string code, std::string message) {
        diagnostics_.error(at(row, column), std::move(code), std::move(message));
        failed_ = true;
    }

private:
    bool open_archive();
    // The bytes of a part, counted against the limits; nothing (with an error) if it is missing and `required`.
    std::optional<std::string> read_part(const std::string& name, bool required);
    std::optional<pugi::xml_document> parse_part(const std::string& name, bool required, bool keep_space);
    std::string worksheet_part();
    bool read_shared_strings(const std::string& part);
    void read_styles(const std::string& part);
    std::string decoded(std::string_view text, std::uint32_t row, std::uint32_t column);
    std::string string_item_text(const pugi::xml_node& item, std::uint32_t row, std::uint32_t column);

    const Input& input_;
    const ReadOptions& options_;
    Diagnostics& diagnostics_;
    ConceptSink& sink_;
    const xlsx_libraries::Reader* libzip_ = nullptr;  // set by open_archive
    zip_t* archive_ = nullptr;
    std::size_t unpacked_bytes_ = 0;
    bool failed_ = false;
    std::string shared_strings_part_;
    std::string styles_part_;
    std::vector<std::string> shared_strings_;
    std::vector<bool> text_styles_;  // per cell format (s="N"): its number format is Text ("@")
    bool control_warning_given_ = false;
};

bool XlsxReader::open_archive() {
    std::string_view bytes = input_.text;
    if (!bytes.starts_with("PK\x03\x04") && !bytes.starts_with("PK\x05\x06")) {
        bool ole = bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
        fail(0, 0, "xlsx.zip",
             ole ? "this is an Excel 97-2003 (.xls) or a password-protected workbook, not an .xlsx; save it in Excel "
                   "as an unprotected .xlsx workbook (or as CSV UTF-8)"
                 : "this is not an Excel workbook: an .xlsx file is a ZIP archive, and this one does not start "
                   "like one");
        return false;
    }
    std::string why;
    libzip_ = xlsx_libraries::reader(why);
    if (!libzip_) {
        fail(0, 0, "xlsx.zip", "cannot read a workbook: " + why);
        return false;
    }
    zip_error_t error;
    libzip_->zip_error_init(&error);
    zip_source_t* source = libzip_->zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
        archive_ = libzip_->zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
        if (!archive_) libzip_->zip_source_free(source);
    }
    if (!archive_) {
        fail(0, 0, "xlsx.zip",
             std::string("cannot open the ZIP archive of the workbook: ") + libzip_->zip_error_strerror(&error));
        libzip_->zip_error_fini(&error);
        return false;
    }
    libzip_->zip_error_fini(&error);
    zip_int64_t entries = libzip_->zip_get_num_entries(archive_, 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > xlsx_max_entries) {
        fail(0, 0, "xlsx.too-large",
             "the workbook's ZIP archive has " + std::to_string(entries) + " entries; at most " +
                 std::to_string(xlsx_max_entries) + " are read (a workbook has a few dozen)");
        return false;
    }
    return true;
}

std::optional<std::string> XlsxReader::read_part(const std::string& name, bool required) {
    zip_int64_t index = libzip_->zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) {
        if (required) fail(0, 0, "xlsx.structure", "the workbook has no part '" + name + "'");
        return std::nullopt;
    }
    auto entry = static_cast<zip_uint64_t>(index);
    zip_stat_t stat;
    libzip_->zip_stat_init(&stat);
    const std::size_t room = xlsx_max_uncompressed_bytes - unpacked_bytes_;
    auto too_large = [&] {
        fail(0, 0, "xlsx.too-large",
             "the workbook unpacks to more than " + std::to_string(xlsx_max_uncompressed_bytes >> 20) +
                 " MiB (part '" + name + "'); larger term bases are read as CSV");
    };
    // The declared size is checked first (cheap), the bytes actually inflated as they come (it may lie).
    if (libzip_->zip_stat_index(archive_, entry, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
        fail(0, 0, "xlsx.zip", "cannot read the size of part '" + name + "': " + libzip_->zip_strerror(archive_));
        return std::nullopt;
    }
    if (stat.size > room) {
        too_large();
        return std::nullopt;
    }
    zip_file_t* file = libzip_->zip_fopen_index(archive_, entry, 0);
    if (!file) {
        fail(0, 0, "xlsx.zip", "cannot read part '" + name + "': " + libzip_->zip_strerror(archive_));
        return std::nullopt;
    }
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(stat.size));
    char buffer[65536];
    while (true) {
        zip_int64_t count = libzip_->zip_fread(file, buffer, sizeof buffer);
        if (count < 0) {
            fail(0, 0, "xlsx.zip", "cannot read part '" + name + "': " + libzip_->zip_file_strerror(file));
            libzip_->zip_fclose(file);
            return std::nullopt;
        }
        if (count == 0) break;
        if (bytes.size() + static_cast<std::size_t>(count) > stat.size) {
            libzip_->zip_fclose(file);
            fail(0, 0, "xlsx.zip",
                 "part '" + name + "' unpacks to more than the " + std::to_string(stat.size) +
                     " bytes its ZIP entry declares (a broken or hostile archive)");
            return std::nullopt;
        }
        bytes.append(buffer, static_cast<std::size_t>(count));
    }
    libzip_->zip_fclose(file);
    unpacked_bytes_ += bytes.size();
    return bytes;
}

std::optional<pugi::xml_document> XlsxReader::parse_part(const std::string& name, bool required, bool keep_space) {
    std::optional<std::string> bytes = read_part(name, required);
    if (!bytes) return std::nullopt;
    // A part is decoded as the TBX reader decodes a file (byte-order mark, UTF-16, declared encoding, else UTF-8,
    // checked), and pugixml is told the result is UTF-8: left to guess, it reads some declarations differently
    // and takes bytes that are not UTF-8 without a word, which would reach the model as text no writer can hold.
    Diagnostics decoding;
    std::optional<DecodedText> decoded = decode_xml_bytes(*bytes, name, decoding, "XML text");
    for (const Diagnostic& item : decoding.items()) {
        std::string where = "part '" + name + "' of the workbook, line " + std::to_string(item.pos.line) + ", column " +
                            std::to_string(item.pos.column) + ": ";
        if (item.severity == Severity::warning) {
            diagnostics_.warning(at(), item.code, where + item.message);
        } else {
            fail(0, 0, item.code == "xml.not-well-formed" ? "xlsx.structure" : item.code,
                 where + item.message + " (the workbook is damaged)");
            return std::nullopt;
        }
    }
    if (!decoded) return std::nullopt;
    std::string_view text = decoded->text();
    if (std::optional<xml_limits::BadCharacterReference> bad = xml_limits::first_bad_character_reference(text)) {
        SourcePos where = LineIndex(text).position(bad->at);
        fail(0, 0, "xlsx.structure",
             "part '" + name + "' of the workbook, line " + std::to_string(where.line) + ", column " +
                 std::to_string(where.column) + ": not well-formed XML: " + bad->message +
                 " (the workbook is damaged)");
        return std::nullopt;
    }
    std::optional<pugi::xml_document> document(std::in_place);
    // No DOCTYPE processing and no entities beyond XML's five: pugixml loads nothing from outside.
    unsigned flags = pugi::parse_default | (keep_space ? pugi::parse_ws_pcdata : 0u);
    pugi::xml_parse_result result = document->load_buffer(text.data(), text.size(), flags, pugi::encoding_utf8);
    if (!result) {
        SourcePos where = LineIndex(text).position(static_cast<std::size_t>(result.offset));
        fail(0, 0, "xlsx.structure",
             "part '" + name + "' of the workbook, line " + std::to_string(where.line) + ", column " +
                 std::to_string(where.column) + ": not well-formed XML: " + result.description() +
                 " (the workbook is damaged)");
        return std::nullopt;
    }
    return document;
}

// The worksheet to read, from the package and workbook relationships; also finds the shared strings and styles.
std::string XlsxReader::worksheet_part() {
    std::string workbook = "xl/workbook.xml";
    if (std::optional<pugi::xml_document> package = parse_part("_rels/.rels", false, false)) {
        for (pugi::xml_node relation : package->document_element().children())
            if (attribute(relation, "Type").ends_with("/officeDocument") &&
                attribute(relation, "TargetMode") != "External")
                workbook = resolve_part("", attribute(relation, "Target"));
    }
    if (failed_) return {};
    std::optional<pugi::xml_document> book = parse_part(workbook, true, false);
    if (!book) return {};
    std::string rels_name = directory_of(workbook) + "_rels/" + workbook.substr(directory_of(workbook).size()) + ".rels";
    std::optional<pugi::xml_document> rels = parse_part(rels_name, true, false);
    if (!rels) return {};

    struct Target {
        std::string id, type, part;
        bool external = false;
    };
    std::vector<Target> targets;
    for (pugi::xml_node relation : rels->document_element().children()) {
        if (relation.type() != pugi::node_element) continue;
        Target target{std::string(attribute(relation, "Id")), std::string(attribute(relation, "Type")),
                      resolve_part(directory_of(workbook), attribute(relation, "Target")),
                      attribute(relation, "TargetMode") == "External"};
        if (!target.external && target.type.ends_with("/sharedStrings")) shared_strings_part_ = target.part;
        if (!target.external && target.type.ends_with("/styles")) styles_part_ = target.part;
        targets.push_back(std::move(target));
    }

    std::vector<std::string> names;
    for (pugi::xml_node sheet : child(book->document_element(), "sheets").children()) {
        if (sheet.type() != pugi::node_element || local_name(sheet) != "sheet") continue;
        std::string name(attribute(sheet, "name"));
        names.push_back(name);
        if (!options_.csv.sheet.empty() && name != options_.csv.sheet) continue;
        std::string_view id = attribute(sheet, "id");
        auto target = std::find_if(targets.begin(), targets.end(), [&](const Target& t) { return t.id == id; });
        if (target == targets.end()) {
            fail(0, 0, "xlsx.structure", "sheet '" + name + "' of the workbook has no relationship '" +
                                             std::string(id) + "' to its part");
            return {};
        }
        if (target->external) {
            fail(0, 0, "xlsx.sheet", "sheet '" + name + "' is outside the workbook (an external link), not read");
            return {};
        }
        if (!target->type.ends_with("/worksheet")) {
            fail(0, 0, "xlsx.sheet", "sheet '" + name + "' is not a worksheet (a chart or dialog sheet?)");
            return {};
        }
        return target->part;
    }
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "'" : ", '") + name + "'";
    if (options_.csv.sheet.empty()) fail(0, 0, "xlsx.sheet", "the workbook has no worksheet");
    else
        fail(0, 0, "xlsx.sheet",
             "the workbook has no sheet named '" + options_.csv.sheet + "'; its sheets are " +
                 (list.empty() ? "none" : list));
    return {};
}

// "_xHHHH_" escapes (how SpreadsheetML writes characters XML cannot hold) undone; C0 controls become U+FFFD.
std::string XlsxReader::decoded(std::string_view text, std::uint32_t row, std::uint32_t column) {
    std::string out;
    out.reserve(text.size());
    bool replaced = false;
    for (std::size_t i = 0; i < text.size();) {
        std::optional<char32_t> unit = escaped_unit(text, i);
        if (!unit) {
            out += text[i++];
            continue;
        }
        i += 7;
        char32_t code_point = *unit;
        if (code_point >= 0xD800 && code_point <= 0xDBFF) {
            std::optional<char32_t> low = escaped_unit(text, i);
            if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
                code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
                i += 7;
            }
        }
        bool control = (code_point < 0x20 && code_point != '\t' && code_point != '\n' && code_point != '\r') ||
                       (code_point >= 0xD800 && code_point <= 0xDFFF) || code_point == 0xFFFE || code_point == 0xFFFF;
        if (control) {
            code_point = 0xFFFD;
            replaced = true;
        }
        text::append_utf8(out, code_point);
    }
    // Line breaks as the CSV reader keeps them: CRLF and CR become LF.
    if (out.find('\r') != std::string::npos) {
        std::string lines;
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (out[i] != '\r') lines += out[i];
            else if (i + 1 >= out.size() || out[i + 1] != '\n') lines += '\n';
        }
        out = std::move(lines);
    }
    if (replaced && !control_warning_given_) {
        control_warning_given_ = true;
        diagnostics_.warning(at(row, column), "xlsx.control-character",
                             "a control character (or a lone surrogate) that XML cannot hold was read as U+FFFD");
    }
    return out;
}

// The text of a shared or inline string: its <t>, or its rich-text runs' <t>s (phonetic runs left out).
std::string XlsxReader::string_item_text(const pugi::xml_node& item, std::uint32_t row, std::uint32_t column) {
    std::string text;
    for (pugi::xml_node part : item.children()) {
        if (part.type() != pugi::node_element) continue;
        if (local_name(part) == "t") text += part.text().get();
        else if (local_name(part) == "r") text += child(part, "t").text().get();
    }
    return decoded(text, row, column);
}

bool XlsxReader::read_shared_strings(const std::string& part) {
    std::optional<pugi::xml_document> document = parse_part(part, true, true);
    if (!document) return false;
    for (pugi::xml_node item : document->document_element().children()) {
        if (item.type() == pugi::node_element && local_name(item) == "si")
            shared_strings_.push_back(string_item_text(item, 0, 0));
    }
    return true;
}

void XlsxReader::read_styles(const std::string& part) {
    std::optional<pugi::xml_document> document = parse_part(part, false, false);
    if (!document) return;
    pugi::xml_node style_sheet = document->document_element();
    std::vector<std::string> text_formats{"49"};  // the built-in Text format
    for (pugi::xml_node format : child(style_sheet, "numFmts").children())
        if (attribute(format, "formatCode") == "@") text_formats.emplace_back(attribute(format, "numFmtId"));
    for (pugi::xml_node format : child(style_sheet, "cellXfs").children()) {
        if (format.type() != pugi::node_element) continue;
        std::string id(attribute(format, "numFmtId"));
        text_styles_.push_back(std::find(text_formats.begin(), text_formats.end(), id) != text_formats.end());
    }
}

// A cell reference's column ("BC12" -> 55), 0 when it is not one.
std::uint32_t column_of(std::string_view reference) {
    std::uint32_t column = 0;
    std::size_t i = 0;
    for (; i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z'; ++i) {
        column = column * 26 + static_cast<std::uint32_t>(reference[i] - 'A' + 1);
        if (column > max_columns) return 0;
    }
    return i > 0 ? column : 0;
}

// A decimal number up to `limit`, 0 when it is not one (or larger).
std::uint32_t number_of(std::string_view text, std::uint32_t limit) {
    std::uint64_t number = 0;
    if (text.empty()) return 0;
    for (char c : text) {
        if (c < '0' || c > '9') return 0;
        number = number * 10 + static_cast<std::uint64_t>(c - '0');
        if (number > limit) return 0;
    }
    return static_cast<std::uint32_t>(number);
}

std::optional<csv::Record> XlsxReader::record_of(const pugi::xml_node& row, std::uint32_t row_number,
                                                 bool allow_comment) {
    csv::Record record;
    record.line = row_number;
    std::uint32_t column = 0;
    for (pugi::xml_node cell : row.children()) {
        if (cell.type() != pugi::node_element || local_name(cell) != "c") continue;
        std::string_view reference = attribute(cell, "r");
        std::uint32_t at_column = reference.empty() ? column + 1 : column_of(reference);
        if (at_column == 0 || at_column <= column) {
            fail(row_number, column + 1, "xlsx.structure",
                 "cell reference '" + std::string(reference) + "' in row " + std::to_string(row_number) +
                     " is not a column after the previous cell's (A to XFD, left to right)");
            return std::nullopt;
        }
        column = at_column;
        std::string_view type = attribute(cell, "t");
        pugi::xml_node value = child(cell, "v");
        csv::Cell read{{}, row_number, column, true};
        if (type == "inlineStr") {
            read.text = string_item_text(child(cell, "is"), row_number, column);
        } else if (type == "s") {
            std::string_view index_text = value.text().get();
            std::uint32_t index = number_of(index_text, UINT32_MAX - 1);
            if (!value || (index == 0 && index_text != "0") || index >= shared_strings_.size()) {
                fail(row_number, column, "xlsx.structure",
                     "cell " + std::string(reference) + " names shared string '" + std::string(index_text) +
                         "', but the workbook has " + std::to_string(shared_strings_.size()));
                return std::nullopt;
            }
            read.text = shared_strings_[index];
        } else if (!value) {
            // A blank cell: an empty value in Text format (how the writer marks a term with no text), else nothing.
            std::uint32_t style = number_of(attribute(cell, "s"), max_columns * 16);
            read.quoted = style < text_styles_.size() && text_styles_[style];
        } else if (type == "b") {
            read.text = std::string_view(value.text().get()) == "1" ? "TRUE" : "FALSE";
            read.quoted = false;
        } else if (type == "str" || type == "e") {
            read.text = decoded(value.text().get(), row_number, column);
        } else {
            read.text = value.text().get();  // a number, as stored
            read.quoted = false;
        }
        while (record.cells.size() + 1 < column)
            record.cells.push_back({{}, row_number, static_cast<std::uint32_t>(record.cells.size() + 1), false});
        record.cells.push_back(std::move(read));
    }
    if (record.cells.empty()) record.cells.push_back({{}, row_number, 1, false});
    // '#' in the first cell makes a comment row where comments may stand (the long layout's "# title: ..." rows).
    if (allow_comment && record.cells.front().text.starts_with('#')) {
        record.comment = true;
        record.comment_text = record.cells.front().text.substr(1);
        for (std::size_t i = 1; i < record.cells.size(); ++i)
            if (!record.cells[i].text.empty()) record.comment_text += "," + record.cells[i].text;
        record.cells.clear();
    }
    return record;
}

// The rows of the worksheet, one record at a time, for the CSV reader's layout logic.
class WorksheetRecords final : public csv::RecordSource {
public:
    WorksheetRecords(XlsxReader& reader, pugi::xml_node sheet_data) : reader_(reader) {
        row_ = sheet_data.first_child();
    }
    std::optional<csv::Record> next(bool allow_comment) override {
        for (; row_ && !reader_.failed(); row_ = row_.next_sibling()) {
            if (row_.type() != pugi::node_element || local_name(row_) != "row") continue;
            std::string_view written = attribute(row_, "r");
            std::uint32_t number = written.empty() ? previous_ + 1 : number_of(written, max_rows);
            if (number == 0 || number <= previous_) {
                reader_.fail(previous_ + 1, 1, "xlsx.structure",
                             "row number '" + std::string(written) + "' is not a row after " +
                                 std::to_string(previous_) + " (rows go down from 1 to 1048576)");
                return std::nullopt;
            }
            previous_ = number;
            pugi::xml_node row = row_;
            row_ = row_.next_sibling();
            return reader_.record_of(row, number, allow_comment);
        }
        return std::nullopt;
    }
    bool failed() const override { return reader_.failed(); }

private:
    XlsxReader& reader_;
    pugi::xml_node row_;
    std::uint32_t previous_ = 0;
};

void XlsxReader::run() {
    if (!open_archive()) return;
    std::string sheet = worksheet_part();
    if (failed_) return;
    read_styles(styles_part_.empty() ? std::string("xl/styles.xml") : styles_part_);
    if (failed_) return;
    if (!shared_strings_part_.empty() && !read_shared_strings(shared_strings_part_)) return;
    std::optional<pugi::xml_document> worksheet = parse_part(sheet, true, true);
    if (!worksheet) return;
    pugi::xml_node sheet_data = child(worksheet->document_element(), "sheetData");
    WorksheetRecords records(*this, sheet_data);
    csv::read_sheet(input_, records, options_, diagnostics_, sink_);
}

}  // namespace

void read_xlsx(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink) {
    XlsxReader(input, options, diagnostics, sink).run();
}

}  // namespace ilo
