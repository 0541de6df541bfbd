// CSV decoding (BOMs, UTF-16, Windows-1252 via ICU), the RFC 4180 record reader, and cell quoting/escaping.
#include "formats/csv_tokenizer.hpp"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <array>
#include <cstdio>
#include <memory>

namespace ilo::csv {

namespace {

constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The offset of the first byte that does not start a valid UTF-8 sequence, or npos.
std::size_t first_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        std::uint32_t minimum = 0;
        std::uint32_t code_point = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            length = 2, minimum = 0x80, code_point = c & 0x1Fu;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3, minimum = 0x800, code_point = c & 0x0Fu;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4, minimum = 0x10000, code_point = c & 0x07u;
        } else {
            return i;
        }
        if (i + length > text.size()) return i;
        for (std::size_t k = 1; k < length; ++k) {
            auto next = static_cast<unsigned char>(text[i + k]);
            if (!is_continuation(next)) return i;
            code_point = (code_point << 6) | (next & 0x3Fu);
        }
        if (code_point < minimum || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return i;
        i += length;
    }
    return std::string_view::npos;
}

struct ConverterCloser {
    void operator()(UConverter* converter) const { ucnv_close(converter); }
};

// Transcodes `bytes` from `charset` to UTF-8 with ICU, stopping at the first
// unconvertible sequence (then returns nothing).
std::optional<std::string> transcode_to_utf8(std::string_view bytes, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(charset, &status));
    if (U_FAILURE(status)) return std::nullopt;
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) return std::nullopt;
    std::u16string utf16(bytes.size() + 1, u'\0');
    int32_t utf16_length =
        ucnv_toUChars(converter.get(), reinterpret_cast<UChar*>(utf16.data()), static_cast<int32_t>(utf16.size()),
                      bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) return std::nullopt;
    std::string utf8(static_cast<std::size_t>(utf16_length) * 3 + 1, '\0');
    int32_t utf8_length = 0;
    u_strToUTF8(utf8.data(), static_cast<int32_t>(utf8.size()), &utf8_length,
                reinterpret_cast<const UChar*>(utf16.data()), utf16_length, &status);
    if (U_FAILURE(status)) return std::nullopt;
    utf8.resize(static_cast<std::size_t>(utf8_length));
    return utf8;
}

std::string hex_byte(unsigned char byte) {
    std::array<char, 8> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "0x%02X", static_cast<unsigned>(byte));
    return buffer.data();
}

}  // namespace

std::optional<std::string_view> decode_text(std::string_view bytes, const std::string& file, Diagnostics& diagnostics,
                                            std::string& transcoded, Encoding* detected) {
    auto set_detected = [&](Encoding encoding) {
        if (detected) *detected = encoding;
    };
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        set_detected(Encoding::utf8_bom);
    } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        bool little_endian = bytes[0] == '\xFF';
        set_detected(little_endian ? Encoding::utf16le : Encoding::utf16be);
        bytes.remove_prefix(2);
        if (bytes.size() % 2 != 0) {
            diagnostics.error({file, 0, 0}, "csv.encoding",
                              "the file starts with a UTF-16 byte order mark but has an odd number of bytes; "
                              "expected whole UTF-16 code units");
            return std::nullopt;
        }
        std::optional<std::string> text = transcode_to_utf8(bytes, little_endian ? "UTF-16LE" : "UTF-16BE");
        if (!text) {
            diagnostics.error({file, 0, 0}, "csv.encoding",
                              std::string("the file is not valid UTF-16") + (little_endian ? "LE" : "BE") +
                                  " (an unpaired surrogate?); expected the text its byte order mark announces");
            return std::nullopt;
        }
        transcoded = std::move(*text);
        return std::string_view(transcoded);
    } else {
        set_detected(Encoding::utf8);
    }

    if (std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
        SourcePos pos = LineIndex(bytes).position(nul, file);
        diagnostics.error(pos, "csv.encoding",
                          "the file contains NUL bytes: UTF-16 without a byte order mark, or not text; "
                          "expected UTF-8, or UTF-16 with a byte order mark");
        return std::nullopt;
    }
    std::size_t invalid = first_invalid_utf8(bytes);
    if (invalid == std::string_view::npos) return bytes;

    // Windows-1252 is one byte per character, so the column is the byte distance.
    std::size_t line_start = bytes.find_last_of("\r\n", invalid == 0 ? 0 : invalid - 1);
    line_start = (line_start == std::string_view::npos || invalid == 0) ? 0 : line_start + 1;
    SourcePos pos = LineIndex(bytes).position(invalid, file);
    pos.column = static_cast<std::uint32_t>(invalid - line_start + 1);
    std::optional<std::string> text = transcode_to_utf8(bytes, "windows-1252");
    if (!text) {
        diagnostics.error(pos, "csv.encoding",
                          "byte " + hex_byte(static_cast<unsigned char>(bytes[invalid])) +
                              " is neither UTF-8 nor Windows-1252; expected UTF-8 text");
        return std::nullopt;
    }
    transcoded = std::move(*text);
    set_detected(Encoding::windows1252);
    diagnostics.warning(pos, "csv.encoding-ansi",
                        "the file is not UTF-8 (byte " + hex_byte(static_cast<unsigned char>(bytes[invalid])) +
                            "); read it as Windows-1252, the 'ANSI' encoding Excel saves; save as "
                            "'CSV UTF-8' to avoid this guess");
    return std::string_view(transcoded);
}

bool Record::blank() const {
    for (const Cell& cell : cells)
        if (cell.text.find_first_not_of(" \t") != std::string::npos) return false;
    return true;
}

Tokenizer::Tokenizer(std::string_view text, char delimiter, std::string file, Diagnostics& diagnostics)
    : text_(text), delimiter_(delimiter), file_(std::move(file)), diagnostics_(diagnostics) {}

Tokenizer::Tokenizer(MoreBytes more, char delimiter, std::string file, Diagnostics& diagnostics, std::size_t piece_size)
    : more_(std::move(more)),
      piece_size_(std::max<std::size_t>(piece_size, 1)),
      delimiter_(delimiter),
      file_(std::move(file)),
      diagnostics_(diagnostics) {}

bool Tokenizer::fill(std::size_t at) {
    if (piece_.empty()) piece_.resize(piece_size_);
    while (at >= buffer_.size()) {
        const std::size_t got = more_(piece_.data(), piece_.size());
        if (got == 0) {
            more_ = nullptr;  // the end: nothing more to ask for
            return false;
        }
        buffer_.append(piece_.data(), got);
        text_ = buffer_;
    }
    return true;
}

void Tokenizer::consume_line_end() {
    if (at_end()) return;
    if (text_[offset_] == '\r') {
        ++offset_;
        if (!at_end() && text_[offset_] == '\n') ++offset_;
    } else if (text_[offset_] == '\n') {
        ++offset_;
    } else {
        return;
    }
    ++line_;
    column_ = 1;
}

void Tokenizer::append_char(std::string& out) {
    auto byte = static_cast<unsigned char>(text_[offset_]);
    if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
        std::array<char, 8> code{};
        std::snprintf(code.data(), code.size(), "%04X", static_cast<unsigned>(byte));
        diagnostics_.warning({file_, line_, column_}, "csv.control-character",
                             std::string("control character U+") + code.data() +
                                 " cannot be stored in a term base; replaced by U+FFFD");
        out += replacement_character;
    } else {
        out += static_cast<char>(byte);
    }
    if (!is_continuation(byte)) ++column_;
    ++offset_;
}

// Most of a sheet is such runs: append_char's checks and bookkeeping for each byte were a third of tokenizing it.
bool Tokenizer::append_plain_run(std::string& out, bool stop_at_delimiter) {
    const std::size_t start = offset_;
    const auto delimiter = static_cast<unsigned char>(stop_at_delimiter ? delimiter_ : '"');
    std::uint32_t columns = 0;
    std::size_t i = offset_;
    for (; i < text_.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text_[i]);
        if (byte < 0x20 || byte == '"' || byte == delimiter) break;
        if (!is_continuation(byte)) ++columns;
    }
    if (i == start) return false;
    out.append(text_.data() + start, i - start);
    column_ += columns;
    offset_ = i;
    return true;
}

std::optional<Record> Tokenizer::next(bool allow_comment) {
    // Read piece by piece, what came before this record is done with: dropped once it is a piece's worth.
    if (more_ && offset_ >= piece_size_) {
        buffer_.erase(0, offset_);
        text_ = buffer_;
        offset_ = 0;
    }
    if (failed_ || at_end()) return std::nullopt;
    Record record;
    record.line = line_;
    if (allow_comment && peek() == '#') {
        ++offset_;
        ++column_;
        while (!at_end() && !at_line_end()) append_char(record.comment_text);
        consume_line_end();
        record.comment = true;
        return record;
    }
    while (true) {
        Cell cell;
        cell.line = line_;
        cell.column = column_;
        // Tab-separated files often hold a literal quote at the start of a cell
        // (IANA TSV knows no quoting): a malformed quoted cell is read as text there.
        const std::size_t cell_offset = offset_;
        bool literal = false;
        auto read_literally = [&] {
            offset_ = cell_offset;
            line_ = cell.line;
            column_ = cell.column;
            cell.text.clear();
            cell.quoted = false;
            literal = true;
        };
        if (peek() == '"' && delimiter_ == '\t') {
            // Look ahead for a well-formed quoted cell; otherwise take it literally.
            std::size_t i = offset_ + 1;
            bool well_formed = false;
            while (has(i)) {
                if (text_[i] == '"') {
                    if (has(i + 1) && text_[i + 1] == '"') {
                        i += 2;
                        continue;
                    }
                    std::size_t after = i + 1;
                    while (has(after) && text_[after] == ' ') ++after;
                    well_formed = !has(after) || text_[after] == '\t' || text_[after] == '\n' || text_[after] == '\r';
                    break;
                }
                ++i;
            }
            if (!well_formed) read_literally();
        }
        if (peek() == '"' && !literal) {
            cell.quoted = true;
            ++offset_;
            ++column_;
            while (true) {
                if (at_end()) {
                    diagnostics_.error({file_, cell.line, cell.column}, "csv.unclosed-quote",
                                       "this quoted cell is never closed; expected a closing '\"' "
                                       "(write a quote inside a quoted cell as '\"\"')");
                    failed_ = true;
                    return std::nullopt;
                }
                if (append_plain_run(cell.text, false)) continue;
                char c = text_[offset_];
                if (c == '"') {
                    if (has(offset_ + 1) && text_[offset_ + 1] == '"') {
                        cell.text += '"';
                        offset_ += 2;
                        column_ += 2;
                        continue;
                    }
                    ++offset_;
                    ++column_;
                    break;
                }
                if (c == '\r' || c == '\n') {
                    consume_line_end();
                    cell.text += '\n';
                    continue;
                }
                append_char(cell.text);
            }
            while (!at_end() && (peek() == ' ' || (peek() == '\t' && delimiter_ != '\t'))) {
                ++offset_;
                ++column_;
            }
            if (!at_end() && !at_line_end() && peek() != delimiter_) {
                diagnostics_.error({file_, line_, column_}, "csv.text-after-quote",
                                   "unexpected text after the closing quote of a quoted cell; expected the "
                                   "delimiter or the end of the line (write a quote inside a quoted cell as '\"\"')");
                failed_ = true;
                return std::nullopt;
            }
        } else {
            while (!at_end() && !at_line_end() && peek() != delimiter_)
                if (!append_plain_run(cell.text, true)) append_char(cell.text);
        }
        record.cells.push_back(std::move(cell));
        if (!at_end() && peek() == delimiter_) {
            ++offset_;
            ++column_;
            continue;
        }
        consume_line_end();
        break;
    }
    return record;
}

namespace {

template <typename MakeTokenizer>
char detect_delimiter_with(const MakeTokenizer& make_tokenizer) {
    constexpr std::array<char, 3> candidates{',', ';', '\t'};
    char best = ',';
    std::size_t best_cells = 1;
    std::size_t best_agreeing = 0;
    for (char candidate : candidates) {
        Diagnostics ignored;
        Tokenizer tokenizer = make_tokenizer(candidate, ignored);
        std::vector<std::size_t> counts;
        while (counts.size() < 20) {
            std::optional<Record> record = tokenizer.next(true);
            if (!record) break;
            if (record->comment || record->blank()) continue;
            counts.push_back(record->cells.size());
        }
        if (counts.empty()) continue;
        std::size_t agreeing = 0;
        for (std::size_t i = 1; i < counts.size(); ++i)
            if (counts[i] == counts[0]) ++agreeing;
        // More agreement between records wins over a wider first record: a ';'
        // inside one comma-separated cell must not win over the commas.
        bool better = counts[0] > 1 && (best_cells <= 1 || agreeing > best_agreeing ||
                                        (agreeing == best_agreeing && counts[0] > best_cells));
        if (better) {
            best = candidate;
            best_cells = counts[0];
            best_agreeing = agreeing;
        }
    }
    return best;
}

}  // namespace

bool is_plain_utf8(const Tokenizer::MoreBytes& more, std::size_t& byte_order_mark, std::size_t piece_size) {
    byte_order_mark = 0;
    std::string pending;  // the bytes not checked yet: a sequence that a piece's end may have cut
    std::vector<char> piece(std::max<std::size_t>(piece_size, 1));
    bool start_seen = false;  // whether the first three bytes (or all, if fewer) have been looked at for a mark
    while (true) {
        const std::size_t got = more(piece.data(), piece.size());
        const std::string_view bytes(piece.data(), got);
        if (bytes.find('\0') != std::string_view::npos) return false;
        pending.append(bytes);
        if (!start_seen) {
            if (pending.size() < 3 && got > 0) continue;
            start_seen = true;
            if (pending.starts_with("\xEF\xBB\xBF")) {
                byte_order_mark = 3;
                pending.erase(0, 3);
            } else if (pending.starts_with("\xFF\xFE") || pending.starts_with("\xFE\xFF")) {
                return false;
            }
        }
        // Check up to the last sequence's lead byte, which may wait for its continuation bytes; at the end, all.
        std::size_t cut = pending.size();
        if (got > 0) {
            for (std::size_t back = 1; back <= 3 && back <= pending.size(); ++back) {
                if (!is_continuation(static_cast<unsigned char>(pending[pending.size() - back]))) {
                    cut = pending.size() - back;
                    break;
                }
            }
        }
        if (first_invalid_utf8(std::string_view(pending).substr(0, cut)) != std::string_view::npos) return false;
        pending.erase(0, cut);
        if (got == 0) return true;
    }
}

char detect_delimiter(std::string_view text) {
    return detect_delimiter_with(
        [&](char candidate, Diagnostics& ignored) { return Tokenizer(text, candidate, {}, ignored); });
}

char detect_delimiter(const std::function<Tokenizer::MoreBytes()>& open) {
    return detect_delimiter_with(
        [&](char candidate, Diagnostics& ignored) { return Tokenizer(open(), candidate, {}, ignored); });
}

std::vector<std::string> split_items(std::string_view cell, char separator) {
    std::vector<std::string> items;
    if (cell.empty()) return items;
    std::string current;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        char c = cell[i];
        if (c == '\\' && i + 1 < cell.size() && (cell[i + 1] == separator || cell[i + 1] == '\\')) {
            current += cell[++i];
        } else if (c == separator) {
            items.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    items.push_back(std::move(current));
    // Only the spaces the writer puts around a separator are removed.
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0 && items[i].starts_with(' ')) items[i].erase(0, 1);
        if (i + 1 < items.size() && items[i].ends_with(' ')) items[i].pop_back();
    }
    return items;
}

std::string join_items(const std::vector<std::string>& items, char separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) (out += ' ', out += separator, out += ' ');
        const std::string& item = items[i];
        for (std::size_t k = 0; k < item.size(); ++k) {
            char c = item[k];
            bool last = k + 1 == item.size();
            if (c == separator) {
                out += '\\';
            } else if (c == '\\' && (last || item[k + 1] == separator || item[k + 1] == '\\')) {
                out += '\\';
            }
            out += c;
        }
    }
    return out;
}

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

void append_quoted_cell(std::string& out, std::string_view text, char delimiter, bool always) {
    const char specials[] = {delimiter, '"', '\n', '\r'};
    const bool needs_quotes =
        always || text.find_first_of(std::string_view(specials, sizeof specials)) != std::string_view::npos ||
        (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.back() == ' ' || text.back() == '\t'));
    if (!needs_quotes) {
        out += text;
        return;
    }
    out += '"';
    for (std::size_t start = 0;;) {
        const std::size_t quote = text.find('"', start);
        if (quote == std::string_view::npos) {
            out += text.substr(start);
            break;
        }
        out += text.substr(start, quote + 1 - start);
        out += '"';
        start = quote + 1;
    }
    out += '"';
}

std::string quote_cell(std::string_view text, char delimiter, bool always) {
    std::string out;
    append_quoted_cell(out, text, delimiter, always);
    return out;
}

namespace {
bool starts_formula_after_apostrophes(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && text[i] == '\'') ++i;
    return i < text.size() && (text[i] == '=' || text[i] == '+' || text[i] == '-' || text[i] == '@');
}
}  // namespace

std::string escape_formula(std::string_view text) {
    if (starts_formula_after_apostrophes(text)) return "'" + std::string(text);
    return std::string(text);
}

std::string unescape_formula(std::string_view text) {
    if (text.starts_with('\'') && starts_formula_after_apostrophes(text)) return std::string(text.substr(1));
    return std::string(text);
}

}  // namespace ilo::csv
