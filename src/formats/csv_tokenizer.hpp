// Low-level CSV/TSV text handling shared by the CSV reader and writer: decoding, RFC 4180 tokenizing, quoting.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ilo_tbx/diagnostics.hpp"

namespace ilo::csv {

enum class Encoding { utf8, utf8_bom, utf16le, utf16be, windows1252 };

// Turns the raw bytes of a CSV file into UTF-8 without a byte order mark: a view of `bytes` (after any byte
// order mark) when they are UTF-8 already, else of `transcoded`, which receives the transcoded text.
// UTF-8 (with or without BOM) passes through; UTF-16 LE/BE with a BOM is
// transcoded with ICU; bytes that are not valid UTF-8 are read as Windows-1252
// (what Excel saves as "CSV" on Western systems) with a "csv.encoding-ansi"
// warning. NUL bytes without a BOM (UTF-16 without BOM, binary files) and
// invalid UTF-16 are errors ("csv.encoding"); then nothing is returned.
std::optional<std::string_view> decode_text(std::string_view bytes, const std::string& file, Diagnostics& diagnostics,
                                            std::string& transcoded, Encoding* detected = nullptr);

// One cell as read: its unquoted, unescaped text and where it started.
struct Cell {
    std::string text;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool quoted = false;
};

// One record. A blank line is a record with one empty cell; `comment` is set
// (and `cells` empty) for a '#' line read with comments allowed.
struct Record {
    std::vector<Cell> cells;
    std::uint32_t line = 0;
    bool comment = false;
    std::string comment_text;  // the comment line without its '#'

    bool blank() const;  // no cell has any non-space text
};

// Reads RFC 4180 records one at a time from UTF-8 text: cells separated by
// `delimiter`, cells in double quotes may hold the delimiter, doubled quotes
// and line breaks; records end at CRLF, LF or CR. Line breaks inside quoted
// cells are kept as LF. Whitespace after a closing quote is ignored; any other
// text there, and a quote that is never closed, are errors
// ("csv.text-after-quote", "csv.unclosed-quote") at the offending position.
// C0 control characters other than tab, CR and LF cannot go into XML: each is
// replaced by U+FFFD with a "csv.control-character" warning.
class Tokenizer {
public:
    // Reads up to `size` more bytes into `buffer`; 0 at the end.
    using MoreBytes = std::function<std::size_t(char* buffer, std::size_t size)>;

    Tokenizer(std::string_view text, char delimiter, std::string file, Diagnostics& diagnostics);
    // The same over bytes read piece by piece (UTF-8 without a byte order mark): only the current record and the
    // piece it ends in are held, however big the file.
    Tokenizer(MoreBytes more, char delimiter, std::string file, Diagnostics& diagnostics,
              std::size_t piece_size = std::size_t{1} << 20);

    // The next record, or nothing at the end of the text or after an error.
    // With `allow_comment`, a record whose first character is '#' is returned as
    // a comment line instead of being split into cells.
    std::optional<Record> next(bool allow_comment);
    bool failed() const { return failed_; }

private:
    // Whether byte `at` of the text exists, reading more of it if need be.
    bool has(std::size_t at) { return at < text_.size() || (more_ && fill(at)); }
    bool fill(std::size_t at);
    char peek() { return has(offset_) ? text_[offset_] : '\0'; }
    bool at_end() { return !has(offset_); }
    bool at_line_end() { return !at_end() && (text_[offset_] == '\n' || text_[offset_] == '\r'); }
    void consume_line_end();
    void append_char(std::string& out);  // copies one byte, tracking line, column and control characters
    // Copies the run of ordinary bytes at the cursor (no control character, quote, line end, or with
    // `stop_at_delimiter` delimiter) in one append, tracking the column; false when the byte there is not ordinary.
    bool append_plain_run(std::string& out, bool stop_at_delimiter);

    std::string_view text_;
    MoreBytes more_;           // set when the text is read piece by piece into buffer_
    std::string buffer_;       // from the start of the current record on
    std::vector<char> piece_;  // what each read fills
    std::size_t piece_size_ = 0;
    char delimiter_;
    std::string file_;
    Diagnostics& diagnostics_;
    std::size_t offset_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t column_ = 1;
    bool failed_ = false;
};

// Picks the delimiter among ',' ';' and TAB from the first records of `text`
// (comment lines and blank lines skipped): the candidate that splits the first
// record into the most cells, preferring one that splits the following records
// into as many. Returns ',' when nothing splits.
char detect_delimiter(std::string_view text);
// The same over bytes read piece by piece: `open` gives a fresh reader from the start of the text for each try.
char detect_delimiter(const std::function<Tokenizer::MoreBytes()>& open);

// Whether bytes read piece by piece are text that decode_text() passes through as it is: UTF-8, after an optional
// byte order mark (its length goes to `byte_order_mark`), with no NUL byte. Such a file can be tokenized as it is
// read; any other is decoded whole.
bool is_plain_utf8(const Tokenizer::MoreBytes& more, std::size_t& byte_order_mark,
                   std::size_t piece_size = std::size_t{1} << 20);

// Splits a multi-valued cell on an unescaped `separator` character. Each item
// loses at most one space next to a separator (the writer puts " | " between
// items), and "\\" + separator / "\\\\" stand for the literal characters.
std::vector<std::string> split_items(std::string_view cell, char separator);
// The inverse of split_items: joins with " <separator> " and escapes.
std::string join_items(const std::vector<std::string>& items, char separator);
// Strips the spaces and tabs the reader ignores around an unquoted cell and around each term of a term list.
std::string_view trim_blanks(std::string_view text);

// Quotes a cell for output when it holds the delimiter, a quote, a line break,
// or leading/trailing white space, or always when `always` is set.
std::string quote_cell(std::string_view text, char delimiter, bool always = false);
// The same, appended to `out`: a sheet's writer builds each line in one buffer.
void append_quoted_cell(std::string& out, std::string_view text, char delimiter, bool always = false);

// Formula-injection guard: a cell starting with = + - @ (after any number of
// apostrophes) gets one more leading apostrophe, which spreadsheets hide and
// which unescape_formula removes again, so the escape is lossless.
std::string escape_formula(std::string_view text);
std::string unescape_formula(std::string_view text);

}  // namespace ilo::csv
