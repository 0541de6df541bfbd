// Tests for text_decoding: find_non_xml_char and find_invalid_utf8 against plain readings of XML 1.0 and of
// Unicode's table of well-formed UTF-8, and the piecewise ICU decoding the validators use for legacy encodings.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/text_decoding.hpp"
#include "text/unicode_text.hpp"

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

// Cut anywhere, even inside a character or between the two halves of a supplementary one, a text in pieces decodes
// to the whole text's UTF-8. libxml2 2.9's own ICU path fails there (found by the stream validator's fuzz target).
// Whether bytes[0, size) start with one well-formed UTF-8 sequence, read straight from the Unicode Standard's
// table of well-formed byte sequences (Table 3-7); its length, or 0.
std::size_t well_formed_sequence(const unsigned char* bytes, std::size_t size) {
    struct Row {
        unsigned char lead_low, lead_high, second_low, second_high;
        std::size_t length;
    };
    static constexpr Row table[] = {
        {0x00, 0x7F, 0, 0, 1},       {0xC2, 0xDF, 0x80, 0xBF, 2}, {0xE0, 0xE0, 0xA0, 0xBF, 3},
        {0xE1, 0xEC, 0x80, 0xBF, 3}, {0xED, 0xED, 0x80, 0x9F, 3}, {0xEE, 0xEF, 0x80, 0xBF, 3},
        {0xF0, 0xF0, 0x90, 0xBF, 4}, {0xF1, 0xF3, 0x80, 0xBF, 4}, {0xF4, 0xF4, 0x80, 0x8F, 4},
    };
    if (size == 0) return 0;
    for (const Row& row : table) {
        if (bytes[0] < row.lead_low || bytes[0] > row.lead_high) continue;
        if (row.length == 1) return 1;
        if (size < row.length || bytes[1] < row.second_low || bytes[1] > row.second_high) return 0;
        for (std::size_t k = 2; k < row.length; ++k)
            if ((bytes[k] & 0xC0) != 0x80) return 0;
        return row.length;
    }
    return 0;
}

// Every sequence of one to three bytes, and every four-byte one whose last two bytes are picked from the edges of
// the continuation range, between ASCII on both sides (so each takes the word-at-a-time path in and out).
TEST(FindInvalidUtf8, AgreesWithTheStandardsTableOnEveryShortSequence) {
    std::size_t compared = 0;
    auto check = [&](std::vector<unsigned char> sequence) {
        std::string text = "abcdefgh" + std::string(sequence.begin(), sequence.end()) + "ijklmnop";
        const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
        std::size_t expected = std::string_view::npos;
        for (std::size_t i = 0; i < text.size();) {
            std::size_t length = well_formed_sequence(bytes + i, text.size() - i);
            if (length == 0) {
                expected = i;
                break;
            }
            i += length;
        }
        std::size_t checked = 0;
        ASSERT_EQ(find_invalid_utf8(text, true, checked), expected) << testing::PrintToString(sequence);
        ++compared;
    };
    for (unsigned first = 0x80; first <= 0xFF; ++first) {
        for (unsigned second = 0; second <= 0xFF; ++second) {
            check({static_cast<unsigned char>(first), static_cast<unsigned char>(second)});
            if (first >= 0xE0)
                for (unsigned third = 0; third <= 0xFF; ++third)
                    check({static_cast<unsigned char>(first), static_cast<unsigned char>(second),
                           static_cast<unsigned char>(third)});
            if (first >= 0xF0)
                for (unsigned third : {0x00u, 0x7Fu, 0x80u, 0xBFu, 0xC0u})
                    for (unsigned fourth : {0x00u, 0x80u, 0xBFu, 0xC0u})
                        check({static_cast<unsigned char>(first), static_cast<unsigned char>(second),
                               static_cast<unsigned char>(third), static_cast<unsigned char>(fourth)});
        }
    }
    EXPECT_GT(compared, 2'000'000u);
}

// Columns count code points: the eight-at-a-time count agrees with decoding one by one, at every length and offset
// (so every split between the word loop and the tail), for one- to four-byte characters.
TEST(CountCodePoints, AgreesWithDecodingOneByOne) {
    const std::string text =
        "a\xC3\xA9\xCE\xB1\xE2\x80\x91z\xF0\x9F\x98\x80\xD0\x96 \xE4\xB8\xAD\xC3\xBC"
        "bcd\xF0\x90\x8D\x88\xCE\xA9\xCE\xA9\xCE\xA9\xCE\xA9\xCE\xA9\xCE\xA9xyz";
    std::size_t compared = 0;
    for (std::size_t begin = 0; begin < text.size(); ++begin) {
        if ((static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) continue;  // starts inside a character
        std::size_t expected = 0;
        for (std::size_t end = begin; end <= text.size(); ++end) {
            if (end == text.size() || (static_cast<unsigned char>(text[end]) & 0xC0) != 0x80) {
                ASSERT_EQ(text::count_code_points(std::string_view(text).substr(begin, end - begin)), expected)
                    << begin << ".." << end;
                ++compared;
                ++expected;
            }
        }
    }
    EXPECT_EQ(text::count_code_points(""), 0u);
    EXPECT_GT(compared, 250u);
}

TEST(PieceTranscoder, EveryCutDecodesToTheWholeText) {
    struct Case {
        const char* encoding;
        std::string bytes;
        std::string utf8;
    };
    const std::vector<Case> cases = {
        {"Shift_JIS", "<a>\x93\xEF\x96\xAF ok</a>", "<a>\xE9\x9B\xA3\xE6\xB0\x91 ok</a>"},
        {"GB18030", "<a>\x95\x32\x82\x36\xD7\xD6</a>", "<a>\xF0\xA0\x80\x80\xE5\xAD\x97</a>"},
        {"EUC-KR", "\xB3\xAD\xB9\xCE", "\xEB\x82\x9C\xEB\xAF\xBC"},
        {"UTF8-", "\xCE\xB1\xF0\x9F\x98\x80", "\xCE\xB1\xF0\x9F\x98\x80"},  // a name only ICU knows
    };
    for (const Case& test_case : cases) {
        for (std::size_t first = 0; first <= test_case.bytes.size(); ++first) {
            for (std::size_t second = first; second <= test_case.bytes.size(); ++second) {
                SCOPED_TRACE(std::string(test_case.encoding) + " cut at " + std::to_string(first) + " and " +
                             std::to_string(second));
                std::optional<PieceTranscoder> transcoder = PieceTranscoder::open(test_case.encoding);
                ASSERT_TRUE(transcoder.has_value());
                std::string out;
                const std::string_view bytes = test_case.bytes;
                EXPECT_TRUE(transcoder->decode(bytes.substr(0, first), false, out));
                EXPECT_TRUE(transcoder->decode(bytes.substr(first, second - first), false, out));
                EXPECT_TRUE(transcoder->decode(bytes.substr(second), false, out));
                EXPECT_TRUE(transcoder->decode({}, true, out));
                EXPECT_EQ(out, test_case.utf8);
            }
        }
    }
}

// Bytes not valid in the encoding stop the decoding, which keeps the text before them and says where they are as
// LineIndex counts (LF, CRLF and a bare CR end lines; columns count code points), whatever the pieces.
TEST(PieceTranscoder, BadBytesStopItWithTheirLineAndColumn) {
    const std::string bytes = "a\r\nb\rc\n\x93\xEF\x85\xFF rest";
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
        SCOPED_TRACE("cut at " + std::to_string(cut));
        std::optional<PieceTranscoder> transcoder = PieceTranscoder::open("Shift_JIS");
        ASSERT_TRUE(transcoder.has_value());
        std::string out;
        const bool decoded = transcoder->decode(std::string_view(bytes).substr(0, cut), false, out) &&
                             transcoder->decode(std::string_view(bytes).substr(cut), true, out);
        EXPECT_FALSE(decoded);
        EXPECT_EQ(out, "a\r\nb\rc\n\xE9\x9B\xA3");
        EXPECT_EQ(transcoder->line(), 4u);
        EXPECT_EQ(transcoder->column(), 2u);
        EXPECT_EQ(transcoder->error_name(), "U_ILLEGAL_CHAR_FOUND");
    }
}

TEST(PieceTranscoder, ACharacterCutByTheEndIsAnError) {
    std::optional<PieceTranscoder> transcoder = PieceTranscoder::open("Shift_JIS");
    ASSERT_TRUE(transcoder.has_value());
    std::string out;
    EXPECT_TRUE(transcoder->decode("ab\x93", false, out));
    EXPECT_FALSE(transcoder->decode({}, true, out));
    EXPECT_EQ(out, "ab");
    EXPECT_EQ(transcoder->column(), 3u);
}

TEST(PieceTranscoder, AnEncodingIcuDoesNotKnowIsNotOpened) {
    EXPECT_FALSE(PieceTranscoder::open("x-no-such-encoding").has_value());
}

// A declaration that names UTF-8 in a way only ICU knows is right about UTF-8 text: no mismatch warning.
TEST(DecodeXmlBytes, UtfEightUnderAnotherNameIsNotAMismatch) {
    Diagnostics diagnostics;
    std::optional<DecodedText> decoded =
        decode_xml_bytes("<?xml version=\"1.0\" encoding=\"UTF8-\"?><a>\xCE\xB1</a>", "a.xml", diagnostics);
    ASSERT_TRUE(decoded.has_value());
    EXPECT_EQ(decoded->text(), "<?xml version=\"1.0\" encoding=\"UTF8-\"?><a>\xCE\xB1</a>");
    EXPECT_EQ(diagnostics.items().size(), 0u);

    Diagnostics latin1;
    decoded = decode_xml_bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xCE\xB1</a>", "a.xml", latin1);
    ASSERT_TRUE(decoded.has_value());
    ASSERT_EQ(latin1.items().size(), 1u);
    EXPECT_EQ(latin1.items()[0].code, "encoding.mismatch");
}

}  // namespace
}  // namespace ilo
