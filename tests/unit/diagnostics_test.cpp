// Tests for offset-to-position mapping and the rendering of diagnostics with a caret.
#include <gtest/gtest.h>

#include "ilo_tbx/diagnostics.hpp"

namespace ilo {
namespace {

TEST(LineIndex, MapsOffsetsToLineAndCodePointColumn) {
    const std::string text = "ab\nçd\r\nx\ry";
    LineIndex index(text);
    EXPECT_EQ(index.position(0).line, 1u);
    EXPECT_EQ(index.position(1).column, 2u);
    SourcePos d = index.position(text.find('d'), "f.txt");
    EXPECT_EQ(d.file, "f.txt");
    EXPECT_EQ(d.line, 2u);
    EXPECT_EQ(d.column, 2u);  // "ç" is two bytes but one column
    EXPECT_EQ(index.position(text.find('x')).line, 3u);
    EXPECT_EQ(index.position(text.find('y')).line, 4u);
    EXPECT_EQ(index.line_text(2), "çd");
    EXPECT_EQ(index.line_text(3), "x");
    EXPECT_EQ(index.line_text(9), "");
}

TEST(FormatDiagnostic, PrintsPositionMessageCodeAndCaret) {
    Diagnostic diagnostic{Severity::warning, {"page.txt", 3, 4}, "emn.unplaced-line", "cannot place this line"};
    EXPECT_EQ(format_diagnostic(diagnostic, "é  xyz"),
              "page.txt:3:4: warning: cannot place this line [emn.unplaced-line]\n"
              "  é  xyz\n"
              "     ^\n");
}

// The source line reaches a terminal: a control character, and each byte that is not part of well-formed UTF-8 (a
// bad byte, a legacy encoding), shows as U+FFFD, and the caret still stands under the byte the position names.
TEST(FormatDiagnostic, ShowsBytesThatAreNotUtf8AsReplacementCharacters) {
    Diagnostic diagnostic{Severity::error, {"in.tbx", 1, 6}, "encoding.invalid-utf8", "invalid UTF-8 byte sequence"};
    EXPECT_EQ(format_diagnostic(diagnostic, "<t>\xCE\xB1\x01\xFF\x93\xEF!</t>"),
              "in.tbx:1:6: error: invalid UTF-8 byte sequence [encoding.invalid-utf8]\n"
              "  <t>\xCE\xB1\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!</t>\n"
              "       ^\n");
}

TEST(FormatDiagnostic, OmitsPositionWhenUnknown) {
    Diagnostic diagnostic{Severity::error, {"out.tbx", 0, 0}, "io.write", "cannot write output: No space left"};
    EXPECT_EQ(format_diagnostic(diagnostic), "out.tbx: error: cannot write output: No space left [io.write]\n");
}

TEST(Diagnostics, CountsErrorsAndWarningsSeparately) {
    Diagnostics diagnostics;
    diagnostics.warning({}, "a", "w");
    EXPECT_FALSE(diagnostics.has_errors());
    diagnostics.error({}, "b", "e");
    EXPECT_TRUE(diagnostics.has_errors());
    EXPECT_EQ(diagnostics.error_count(), 1u);
    EXPECT_EQ(diagnostics.warning_count(), 1u);
}

}  // namespace
}  // namespace ilo
