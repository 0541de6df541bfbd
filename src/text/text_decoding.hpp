// Turning the bytes of an XML (or JSON) file into UTF-8: byte-order marks, UTF-16 and declared legacy encodings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "ilo_tbx/diagnostics.hpp"

namespace ilo {

struct DecodedText {
    // UTF-8 input is not copied: `text()` then views the caller's bytes, which must outlive this.
    std::optional<std::string> transcoded;  // the UTF-8 form of UTF-16 or legacy-encoded input
    std::string_view borrowed;              // UTF-8 input as given, without a byte-order mark
    std::string encoding;                   // what the input was: "UTF-8", "UTF-16LE", "windows-1254"...

    std::string_view text() const { return transcoded ? std::string_view(*transcoded) : borrowed; }
};

// Decodes `bytes` as an XML document would be: a byte-order mark (UTF-8,
// UTF-16 LE/BE) wins, then UTF-16 without a mark ("<\0?\0"), then the
// encoding named in the XML declaration, then UTF-8. Legacy encodings are
// transcoded with ICU. Line ends are kept as they are, so line numbers in the
// result match the input's. On failure (an unknown encoding, bytes that are not
// valid in it) returns nothing and adds an error ("encoding.*") with its position.
std::optional<DecodedText> decode_xml_bytes(std::string_view bytes, const std::string& file, Diagnostics& diagnostics);

// What kind of binary file `bytes` is ("a ZIP archive (XLSX, ODS, DOCX...)",
// "a PDF document"...), or nothing for text. A NUL byte anywhere outside
// UTF-16 makes a file binary; well-known signatures are named.
std::optional<std::string> binary_file_kind(std::string_view bytes);

// Adds an error ("input.binary") and returns false if `bytes` is a binary file
// rather than text; `expected` says what text was expected ("TBX (XML) text").
bool check_not_binary(std::string_view bytes, const std::string& file, std::string_view expected,
                      Diagnostics& diagnostics);

// Checks that `text` is valid UTF-8; on the first bad byte adds an error
// ("encoding.invalid-utf8") at its position and returns false.
bool check_utf8(std::string_view text, const std::string& file, Diagnostics& diagnostics);

}  // namespace ilo
