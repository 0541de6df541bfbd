// Small UTF-8 text helpers shared by the text readers: code-point decoding, white space, trimming, folding, case.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace ilo::text {

// One decoded code point. An invalid byte sequence decodes as U+FFFD with `valid`
// false and a length of at least one byte, so a loop over a text always advances.
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 0;
    bool valid = true;
};

CodePoint decode(std::string_view text, std::size_t offset);
void append_utf8(std::string& out, char32_t value);

// The code points of UTF-8 text: its bytes less its continuation bytes (10xxxxxx), eight at a time. Columns are
// counted this way for every position the readers and the validator keep. The eight are summed with a multiply:
// without -mpopcnt (baseline x86-64) std::popcount is a library call.
inline std::size_t count_code_points(std::string_view utf8) {
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    const char* data = utf8.data();
    std::size_t continuations = 0;
    std::size_t i = 0;
    for (; i + 8 <= utf8.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, data + i, 8);
        // Bit 7 set and bit 6 clear; shifted down to a 1 in each such byte, which the multiply adds up.
        const std::uint64_t marks = (word & ~(word << 1) & highs) >> 7;
        continuations += static_cast<std::size_t>((marks * ones) >> 56);
    }
    for (; i < utf8.size(); ++i) continuations += (static_cast<unsigned char>(data[i]) & 0xC0) == 0x80 ? 1 : 0;
    return utf8.size() - continuations;
}

// White space as it appears in scraped web pages: ASCII blanks, no-break spaces
// (U+00A0, U+202F), the U+2000 block, ideographic space, zero-width space and BOM.
bool is_space(char32_t value);
bool is_upper(char32_t value);
bool is_lower(char32_t value);
bool is_letter(char32_t value);

// The view without leading and trailing white space (a sub-view of `text`).
std::string_view trim(std::string_view text);

// True if `text` holds only valid UTF-8 with no control characters XML forbids.
bool is_clean(std::string_view text);

// A copy with invalid UTF-8 and control characters that XML cannot hold replaced
// by U+FFFD (tabs become spaces); the caller reports that it happened.
std::string sanitize(std::string_view text);

// Sanitizes, then turns every run of white space into one ASCII space and trims.
std::string fold_space(std::string_view text);

// Unicode case folding, for comparisons that ignore case.
std::string fold_case(std::string_view text);

}  // namespace ilo::text
