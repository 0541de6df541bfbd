// Tests for the byte checks of text_decoding: the block-at-a-time find_non_xml_char against a byte-by-byte reading of
// XML 1.0.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/text_decoding.hpp"

namespace ilo {
namespace {

// XML 1.0 allows no C0 control but tab, LF and CR, and neither U+FFFE nor U+FFFF (EF BF BE, EF BF BF).
std::size_t first_non_xml_char_byte_by_byte(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF))
            return i;
    }
    return std::string_view::npos;
}

// Line ends, tabs and characters with an EF lead byte that XML allows (U+FEFF, U+FF45) around any position.
std::string background(std::size_t size) {
    const std::string pieces[] = {"ab\n", "\t", "\xEF\xBB\xBF", "c\r\n", "\xEF\xBD\x85", "d", "\xCE\xB1"};
    std::string text;
    for (std::size_t i = 0; text.size() < size; ++i) text += pieces[(i * 5 + 3) % 7];
    return text;
}

TEST(FindNonXmlChar, AgreesWithAByteByByteReadingAtEveryPosition) {
    const std::vector<std::string> bad = {std::string(1, '\0'), "\x01", "\x0B", "\x1F", "\xEF\xBF\xBE", "\xEF\xBF\xBF"};
    for (std::size_t size : {0u, 1u, 15u, 16u, 17u, 31u, 33u, 70u}) {
        const std::string clean = background(size);
        EXPECT_EQ(find_non_xml_char(clean), first_non_xml_char_byte_by_byte(clean)) << "size " << size;
        for (std::size_t at = 0; at <= clean.size(); ++at) {
            for (const std::string& character : bad) {
                const std::string text = clean.substr(0, at) + character + clean.substr(at);
                const std::size_t expected = first_non_xml_char_byte_by_byte(text);
                ASSERT_NE(expected, std::string_view::npos);
                EXPECT_EQ(find_non_xml_char(text), expected) << "size " << size << ", at " << at;
            }
        }
    }
}

TEST(FindNonXmlChar, FindsTheFirstOfSeveral) {
    std::string text(40, 'x');
    text[37] = '\x02';
    text[21] = '\x0F';
    EXPECT_EQ(find_non_xml_char(text), 21u);
}

TEST(FindNonXmlChar, LetsAnEfLeadByteAtTheVeryEndThrough) {
    // "\xEF\xBF" cut by the end of the text is no U+FFFF yet: the UTF-8 check reports a cut sequence.
    std::string text = std::string(30, 'y') + "\xEF\xBF";
    EXPECT_EQ(find_non_xml_char(text), std::string_view::npos);
}

}  // namespace
}  // namespace ilo
