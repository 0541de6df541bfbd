// Turning the bytes of an XML (or JSON) file into UTF-8: byte-order marks, UTF-16 and declared legacy encodings.
#pragma once

#include <memory>
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
// `expected` names the text a binary file is refused for not being.
std::optional<DecodedText> decode_xml_bytes(std::string_view bytes, const std::string& file, Diagnostics& diagnostics,
                                            std::string_view expected = "TBX (XML) text");

// What kind of binary file `bytes` is ("a ZIP archive (XLSX, ODS, DOCX...)",
// "a PDF document"...), or nothing for text. A NUL byte anywhere outside
// UTF-16 makes a file binary; well-known signatures are named.
std::optional<std::string> binary_file_kind(std::string_view bytes);

// Adds an error ("input.binary") and returns false if `bytes` is a binary file
// rather than text; `expected` says what text was expected ("TBX (XML) text").
bool check_not_binary(std::string_view bytes, const std::string& file, std::string_view expected,
                      Diagnostics& diagnostics);

// What an XML reader expects where a byte is not UTF-8.
inline constexpr std::string_view xml_utf8_expectation = "UTF-8 text, or an XML declaration naming the file's encoding";

// Checks that `text` is valid UTF-8; on the first bad byte adds an error
// ("encoding.invalid-utf8") at its position and returns false.
// `expected` says what was expected instead (the default suits XML, whose declaration may name another encoding).
bool check_utf8(std::string_view text, const std::string& file, Diagnostics& diagnostics,
                std::string_view expected = xml_utf8_expectation);

// The offset of the first invalid UTF-8 sequence in `text`, or npos. For text
// that arrives in pieces, `complete` false lets a sequence cut by the end of
// `text` wait for the next piece. `checked` is set to how far the bytes are known good.
std::size_t find_invalid_utf8(std::string_view text, bool complete, std::size_t& checked);
// The message of an "encoding.invalid-utf8" error.
std::string invalid_utf8_message(std::string_view expected = xml_utf8_expectation);

// The offset of the first character that XML 1.0 allows nowhere in a document,
// not even in a comment, or npos: a C0 control other than tab, LF and CR, or
// U+FFFE or U+FFFF. `text` is UTF-8 already checked.
std::size_t find_non_xml_char(std::string_view text);
// The message of the "xml.not-well-formed" error about the character at `at`.
std::string non_xml_char_message(std::string_view text, std::size_t at);

// How to read an XML file, decided from its first bytes (which must hold its
// XML declaration, if any), for readers that take the file in pieces: UTF-8
// and ASCII can be checked and read piece by piece; anything else (UTF-16, a
// legacy encoding) is left to decode_xml_bytes on the whole file.
struct XmlBytePlan {
    bool utf8 = false;             // read the bytes as they are, checking them as UTF-8
    std::size_t skip = 0;          // the length of a UTF-8 byte-order mark to skip
    bool check_binary = false;     // a NUL byte makes it a binary file (as decode_xml_bytes: not after a BOM)
    std::string encoding;          // what to call the encoding: "UTF-8" or the declared ASCII name
    std::string mismatch_warning;  // UTF-16 declared over ASCII-compatible bytes: an "encoding.mismatch" warning
};
XmlBytePlan plan_xml_bytes(std::string_view first);

// The name in the XML declaration at the start of an ASCII-compatible text ("windows-1252"), or "" when there is
// none: no declaration, or one without an encoding.
std::string declared_xml_encoding(std::string_view text);
// Whether decode_xml_bytes transcodes a document declared in `declared` (it reads UTF-8, ASCII and the UTF-16
// names over ASCII-compatible bytes as they are).
bool is_transcoded_encoding(std::string_view declared);

// ICU's decoding of a legacy-encoded text that arrives in pieces, into UTF-8. A character cut between two pieces
// waits for the next one. It also keeps the line and column the decoded text has reached (as LineIndex counts
// them), which is where bytes not valid in the encoding are.
class PieceTranscoder {
public:
    // Nothing when ICU does not know `encoding`.
    static std::optional<PieceTranscoder> open(const std::string& encoding);
    // The decoder for an XML document whose first bytes are `prolog` (enough to hold its declaration): one when it
    // is ASCII-compatible, has no byte-order mark and declares an encoding decode_xml_bytes transcodes, which ICU
    // knows; nothing otherwise.
    static std::optional<PieceTranscoder> for_xml_prolog(std::string_view prolog);
    PieceTranscoder(PieceTranscoder&&) noexcept;
    PieceTranscoder& operator=(PieceTranscoder&&) noexcept;
    ~PieceTranscoder();

    // Appends the UTF-8 form of `bytes` to `out`; `last` says no piece follows, so a cut character is an error.
    // Returns false on bytes not valid in the encoding: `out` then ends with the text before them, and
    // error_name() says what ICU found.
    bool decode(std::string_view bytes, bool last, std::string& out);
    std::uint32_t line() const { return line_; }
    std::uint32_t column() const { return column_; }
    const std::string& error_name() const { return error_name_; }
    // After decode() returned false: what is wrong, in decode_xml_bytes' words.
    std::string error_message() const;

private:
    struct Converter;
    PieceTranscoder(std::unique_ptr<Converter> converter, std::string encoding);
    void advance_position(std::string_view utf8);

    std::unique_ptr<Converter> converter_;
    std::string encoding_;
    std::uint32_t line_ = 1;
    std::uint32_t column_ = 1;
    bool after_carriage_return_ = false;
    std::string error_name_;
};

}  // namespace ilo
