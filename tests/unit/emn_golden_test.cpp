// Golden tests: every hand-written page under tests/emn/ reads to the model stored beside it as JSON (ILO_TBX_ACCEPT=1 rewrites).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "emn_test_support.hpp"

namespace ilo {
namespace {

using namespace emn_test;

std::string model_as_json(const TermBase& term_base) {
    std::ostringstream out;
    Diagnostics diagnostics;
    write_term_base(*find_format("json"), term_base, out, WriteOptions{}, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return out.str();
}

TEST(EmnGolden, EveryTestPageGivesTheModelStoredBesideIt) {
    const bool accept = std::getenv("ILO_TBX_ACCEPT") && std::string(std::getenv("ILO_TBX_ACCEPT")) == "1";
    std::vector<std::filesystem::path> pages;
    for (const auto& file : std::filesystem::directory_iterator(std::string(ILO_SOURCE_DIR) + "/tests/emn"))
        if (file.path().extension() == ".txt") pages.push_back(file.path());
    pages.push_back(std::string(ILO_SOURCE_DIR) + "/samples/ilo-page.txt");
    ASSERT_GE(pages.size(), 8u);
    for (const std::filesystem::path& page : pages) {
        std::string text = read_text_file(page.string());
        ReadResult result = read_page(text);
        std::string json = model_as_json(result.term_base);
        std::filesystem::path golden = page;
        golden.replace_extension(".model.json");
        if (accept) {
            std::ofstream(golden, std::ios::binary) << json;
            continue;
        }
        std::string expected = read_text_file(golden.string());
        EXPECT_FALSE(expected.empty()) << golden << " is missing; run the tests with ILO_TBX_ACCEPT=1 to create it";
        if (json == expected) continue;
        // Point at the first line that differs rather than printing two whole documents.
        std::istringstream got_lines(json), expected_lines(expected);
        std::string got_line, expected_line;
        std::size_t line = 0;
        while (true) {
            ++line;
            bool more_got = static_cast<bool>(std::getline(got_lines, got_line));
            bool more_expected = static_cast<bool>(std::getline(expected_lines, expected_line));
            if (got_line != expected_line || more_got != more_expected || (!more_got && !more_expected)) break;
        }
        ADD_FAILURE() << page << " no longer reads to " << golden << "; first difference at line " << line
                      << ":\n  expected: " << expected_line << "\n  got:      " << got_line
                      << "\n(review, then run with ILO_TBX_ACCEPT=1 to accept)";
    }
}

}  // namespace
}  // namespace ilo
