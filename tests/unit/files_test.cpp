// Tests for input reading errors and atomic output: commit, discard, failures and interrupted runs.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "ilo_tbx/files.hpp"

namespace ilo {
namespace {

namespace fs = std::filesystem;

class FilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        directory_ = fs::temp_directory_path() / ("ilo-files-test-" + std::to_string(::getpid()) + "-" +
                                                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(directory_);
        fs::create_directories(directory_);
    }
    void TearDown() override { fs::remove_all(directory_); }

    std::string path(const std::string& name) const { return (directory_ / name).string(); }
    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(directory_), fs::directory_iterator()));
    }
    static std::string content(const std::string& file) {
        std::ifstream in(file, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }

    fs::path directory_;
};

TEST_F(FilesTest, ReadFileReportsMissingFile) {
    Diagnostics diagnostics;
    EXPECT_FALSE(read_file(path("absent.txt"), diagnostics));
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].code, "io.read");
    EXPECT_EQ(diagnostics.items()[0].message, "cannot read input: No such file or directory");
}

TEST_F(FilesTest, ReadFileReportsDirectory) {
    Diagnostics diagnostics;
    EXPECT_FALSE(read_file(directory_.string(), diagnostics));
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].message, "cannot read input: it is a directory, expected a file");
}

TEST_F(FilesTest, CommitPutsTheFileInPlaceAndLeavesNoTemporary) {
    Diagnostics diagnostics;
    AtomicOutputFile output(path("out.tbx"));
    ASSERT_TRUE(output.open(diagnostics));
    output.stream() << "new";
    EXPECT_EQ(entries(), 1u);  // only the temporary file so far
    EXPECT_FALSE(fs::exists(path("out.tbx")));
    ASSERT_TRUE(output.commit(diagnostics));
    EXPECT_EQ(content(path("out.tbx")), "new");
    EXPECT_EQ(entries(), 1u);
    EXPECT_FALSE(diagnostics.has_errors());
}

TEST_F(FilesTest, WithoutCommitTheOldFileIsUntouchedAndTheTemporaryGone) {
    std::ofstream(path("out.tbx")) << "old";
    {
        Diagnostics diagnostics;
        AtomicOutputFile output(path("out.tbx"));
        ASSERT_TRUE(output.open(diagnostics));
        output.stream() << "half-written";
    }
    EXPECT_EQ(content(path("out.tbx")), "old");
    EXPECT_EQ(entries(), 1u);
}

TEST_F(FilesTest, SignalCleanupRemovesPendingTemporaries) {
    std::ofstream(path("out.tbx")) << "old";
    Diagnostics diagnostics;
    AtomicOutputFile output(path("out.tbx"));
    ASSERT_TRUE(output.open(diagnostics));
    output.stream() << "interrupted";
    output.stream().flush();
    ASSERT_TRUE(fs::exists(output.temporary_path()));
    remove_pending_temporary_files();
    EXPECT_FALSE(fs::exists(output.temporary_path()));
    EXPECT_EQ(content(path("out.tbx")), "old");
}

TEST_F(FilesTest, OpenFailsClearlyInAMissingDirectory) {
    Diagnostics diagnostics;
    AtomicOutputFile output(path("no-such-dir/out.tbx"));
    EXPECT_FALSE(output.open(diagnostics));
    ASSERT_EQ(diagnostics.items().size(), 1u);
    EXPECT_EQ(diagnostics.items()[0].code, "io.write");
    EXPECT_EQ(diagnostics.items()[0].message, "cannot write output: No such file or directory");
}

}  // namespace
}  // namespace ilo
