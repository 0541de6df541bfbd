// The agreement table: every shared TBX file, its official verdict, and both ilo-tbx validators naming the same rules.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "validate_test_support.hpp"

namespace ilo {
namespace {

using test::joined;
using test::run_validator;

struct Row {
    int line = 0;
    std::string file, official, official_rules, ilo, ilo_rules, decision;
};

std::vector<Row> read_table() {
    std::vector<Row> rows;
    std::istringstream in(test::read_text(std::string(ILO_SOURCE_DIR) + "/tests/validate/agreement.tsv"));
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            cells.push_back(line.substr(start, tab - start));
        cells.push_back(line.substr(start));
        EXPECT_EQ(cells.size(), 6u) << "agreement.tsv:" << number;
        if (cells.size() != 6) continue;
        rows.push_back({number, cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]});
    }
    return rows;
}

TEST(ValidateAgreement, TableListsEveryTbxFileOfTheSharedReference) {
    std::set<std::string> listed;
    for (const Row& row : read_table()) listed.insert(row.file);
    std::set<std::string> present;
    const std::filesystem::path reference = test::reference_path("");
    for (const char* folder : {"tbx", "real-world/tbx"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(reference / folder))
            if (entry.is_regular_file() && entry.path().extension() == ".tbx")
                present.insert(std::filesystem::relative(entry.path(), reference).string());
    ASSERT_FALSE(present.empty()) << "no TBX files under " << reference;
    EXPECT_EQ(listed, present);
}

TEST(ValidateAgreement, NativeValidatorGivesTheTableVerdictAndRules) {
    for (const Row& row : read_table()) {
        SCOPED_TRACE("agreement.tsv:" + std::to_string(row.line) + " " + row.file);
        test::Outcome outcome = run_validator(test::reference_path(row.file), validate::StructureMode::native);
        EXPECT_EQ(outcome.verdict, row.ilo);
        EXPECT_EQ(joined(outcome.errors), row.ilo_rules);
    }
}

TEST(ValidateAgreement, RelaxNgModeGivesTheSameVerdictAndRules) {
    for (const Row& row : read_table()) {
        SCOPED_TRACE("agreement.tsv:" + std::to_string(row.line) + " " + row.file);
        test::Outcome outcome = run_validator(test::reference_path(row.file), validate::StructureMode::rng);
        EXPECT_EQ(outcome.verdict, row.ilo);
        EXPECT_EQ(joined(outcome.errors), row.ilo_rules);
    }
}

// Where ilo-tbx parts from the official tools, schemas/README.md says why,
// under a heading that names the decision; everywhere else it must agree.
TEST(ValidateAgreement, IloAgreesWithTheOfficialCheckersOrADocumentedDecision) {
    const std::string readme = test::read_text(std::string(ILO_SOURCE_DIR) + "/schemas/README.md");
    for (const Row& row : read_table()) {
        SCOPED_TRACE("agreement.tsv:" + std::to_string(row.line) + " " + row.file);
        if (row.decision == "-") {
            EXPECT_EQ(row.ilo, row.official);
            EXPECT_EQ(row.ilo_rules, row.official_rules);
        } else {
            EXPECT_NE(readme.find("### Decision: " + row.decision + "\n"), std::string::npos)
                << "schemas/README.md lacks the heading '### Decision: " << row.decision << "'";
            EXPECT_TRUE(row.ilo != row.official || row.ilo_rules != row.official_rules)
                << "the row agrees with the official tools; drop its decision";
        }
    }
}

}  // namespace
}  // namespace ilo
