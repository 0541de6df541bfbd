// Telling an input's format from its path and first bytes: a .txt file is an EMN page or a tab-separated glossary.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "ilo_tbx/format.hpp"

#ifndef ILO_SHARED_DIR
#error "ILO_SHARED_DIR must point at the shared reference material"
#endif
#ifndef ILO_SOURCE_DIR
#error "ILO_SOURCE_DIR must point at the source tree"
#endif

namespace ilo {
namespace {

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    EXPECT_TRUE(in.good() || in.eof()) << path;
    return text.str();
}

std::string_view format_name(const std::string& path, std::string_view start) {
    const Format* format = format_for_input(path, start);
    return format ? format->name : "none";
}

TEST(FormatDetection, OmegaTsGlossaryTxtIsTabSeparatedAndTheIloPageIsAPage) {
    const std::string omegat =
        std::string(ILO_SHARED_DIR) + "/reference/real-world/csv/omegat/acceptance-project-glossary.txt";
    EXPECT_TRUE(looks_tab_separated(file_text(omegat)));
    EXPECT_EQ(format_name("glossary.txt", file_text(omegat)), "tsv");
    const std::string page = std::string(ILO_SOURCE_DIR) + "/samples/ilo-page.txt";
    EXPECT_FALSE(looks_tab_separated(file_text(page)));
    EXPECT_EQ(format_name("ilo-page.txt", file_text(page)), "emn");
}

TEST(FormatDetection, MostFirstLinesWithATabMakeAGlossaryWithoutOmegaTsHeader) {
    EXPECT_TRUE(
        looks_tab_separated("\xEF\xBB\xBF"
                            "border guard\tGrenzschutz\r\nvisa\tVisum\r\n"));
    EXPECT_TRUE(looks_tab_separated("# a comment\n\nterm\tTerm\tcomment\nsecond\tzweite\nthird with no tab\n"));
    // One line in three with a tab is not most of them: a page that happens to hold a tab stays a page.
    EXPECT_FALSE(looks_tab_separated("Immigration Liaison Officer\nDefinition\nA representative\tof one State\n"));
    EXPECT_FALSE(looks_tab_separated(""));
    EXPECT_FALSE(looks_tab_separated("# only comments\n\n"));
    EXPECT_TRUE(looks_tab_separated("# Glossary in tab-separated format -*- coding: utf-8 -*-\n"));
}

TEST(FormatDetection, OnlyTxtIsLookedAtAndContentDecidesWithoutAnExtension) {
    EXPECT_EQ(format_name("terms.emn", "a\tb\n"), "emn");  // .emn names a page, whatever it holds
    EXPECT_EQ(format_name("terms.tbx", "a\tb\n"), "tbx");
    EXPECT_EQ(format_name("terms.csv", "a\tb\n"), "csv");
    EXPECT_EQ(format_name("TERMS.TXT", "a\tb\n"), "tsv");
    EXPECT_EQ(format_name("terms", " \n{\"concepts\": []}"), "json");
    EXPECT_EQ(format_name("terms", "<martif/>"), "tbx");
    EXPECT_EQ(format_name("terms.xlsx", ""), "xlsx");
}

}  // namespace
}  // namespace ilo
