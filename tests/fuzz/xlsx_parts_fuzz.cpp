// libFuzzer target for the XLSX reader's XML: the input is a workbook's parts as text, zipped here, so that mutations
// reach the sheet XML.
//
// Raw ZIP bytes (xlsx_reader_fuzz) mostly exercise the ZIP layer: a mutated deflate stream or CRC is refused before
// any part is parsed. Here the input names the parts and gives their text, and the target packs them into a ZIP
// with stored (uncompressed) entries and correct CRCs:
//
//   @@ xl/worksheets/sheet1.xml
//   <worksheet ...>...</worksheet>
//   @@ xl/sharedStrings.xml
//   ...
//
// A part's text runs to the next line that starts with "@@ ". Text before the first such line, if any, is the
// first sheet. The parts of a minimal workbook (content types, relationships, workbook, one sheet) are supplied
// where the input does not give them, so that a seed of one sheet is enough.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "fuzz_reader.hpp"

namespace {

constexpr std::string_view first_sheet = "xl/worksheets/sheet1.xml";

const std::map<std::string, std::string, std::less<>>& default_parts() {
    static const std::map<std::string, std::string, std::less<>> parts = {
        {"[Content_Types].xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/xl/workbook.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
         "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
         "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
         "</Types>"},
        {"_rels/.rels",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
         "Target=\"xl/workbook.xml\"/></Relationships>"},
        {"xl/workbook.xml",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
         "Target=\"worksheets/sheet1.xml\"/>"
         "<Relationship Id=\"rId2\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
         "Target=\"sharedStrings.xml\"/></Relationships>"},
    };
    return parts;
}

// The input's parts, by name, in the order the ZIP will hold them (the map's).
std::map<std::string, std::string, std::less<>> parts_of(std::string_view input) {
    std::map<std::string, std::string, std::less<>> parts;
    std::string name(first_sheet);
    std::size_t at = 0;
    bool named = false;
    while (at <= input.size()) {
        std::size_t marker = input.substr(at).starts_with("@@ ") ? at : input.find("\n@@ ", at);
        std::size_t text_end = marker == std::string_view::npos ? input.size() : marker;
        if (text_end > at || named) parts[name] = std::string(input.substr(at, text_end - at));
        if (marker == std::string_view::npos) break;
        std::size_t name_start = marker + (input[marker] == '\n' ? 4 : 3);
        std::size_t line_end = input.find('\n', name_start);
        if (line_end == std::string_view::npos) line_end = input.size();
        name = std::string(input.substr(name_start, line_end - name_start));
        named = true;
        at = line_end + 1;
    }
    for (const auto& [default_name, text] : default_parts()) parts.try_emplace(default_name, text);
    return parts;
}

std::uint32_t crc32_of(std::string_view bytes) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> entries{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            entries[n] = c;
        }
        return entries;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (char byte : bytes) crc = table[(crc ^ static_cast<unsigned char>(byte)) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

void put16(std::string& out, std::uint32_t value) {
    out += static_cast<char>(value & 0xFFu);
    out += static_cast<char>((value >> 8) & 0xFFu);
}

void put32(std::string& out, std::uint32_t value) {
    put16(out, value & 0xFFFFu);
    put16(out, value >> 16);
}

// A ZIP of stored entries (APPNOTE.TXT 4.3: local headers, central directory, end record).
std::string stored_zip(const std::map<std::string, std::string, std::less<>>& parts) {
    std::string zip;
    std::string directory;
    for (const auto& [name, text] : parts) {
        const auto offset = static_cast<std::uint32_t>(zip.size());
        const std::uint32_t crc = crc32_of(text);
        const auto size = static_cast<std::uint32_t>(text.size());
        const auto name_size = static_cast<std::uint32_t>(name.size());
        put32(zip, 0x04034b50u);
        put16(zip, 20);    // version needed
        put16(zip, 0);     // flags
        put16(zip, 0);     // stored
        put16(zip, 0);     // time
        put16(zip, 0x21);  // date: 1980-01-01
        put32(zip, crc);
        put32(zip, size);
        put32(zip, size);
        put16(zip, name_size);
        put16(zip, 0);
        zip += name;
        zip += text;

        put32(directory, 0x02014b50u);
        put16(directory, 20);  // version made by
        put16(directory, 20);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0);
        put16(directory, 0x21);
        put32(directory, crc);
        put32(directory, size);
        put32(directory, size);
        put16(directory, name_size);
        put16(directory, 0);  // extra
        put16(directory, 0);  // comment
        put16(directory, 0);  // disk
        put16(directory, 0);  // internal attributes
        put32(directory, 0);  // external attributes
        put32(directory, offset);
        directory += name;
    }
    const auto directory_offset = static_cast<std::uint32_t>(zip.size());
    zip += directory;
    put32(zip, 0x06054b50u);
    put16(zip, 0);
    put16(zip, 0);
    put16(zip, static_cast<std::uint32_t>(parts.size()));
    put16(zip, static_cast<std::uint32_t>(parts.size()));
    put32(zip, static_cast<std::uint32_t>(directory.size()));
    put32(zip, directory_offset);
    put16(zip, 0);
    return zip;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The ZIP format counts entries and sizes in 16 and 32 bits; libFuzzer's inputs stay far below both.
    if (size > (1u << 20)) return 0;
    const auto parts = parts_of(std::string_view(reinterpret_cast<const char*>(data), size));
    if (parts.size() > 1000) return 0;
    const std::string zip = stored_zip(parts);
    ilo::fuzz::read_then_write_everywhere("xlsx", reinterpret_cast<const std::uint8_t*>(zip.data()), zip.size());
    return 0;
}
