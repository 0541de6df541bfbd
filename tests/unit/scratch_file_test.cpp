// Scratch streams: in memory while small, an unlinked temporary file past their limit, the same bytes either way.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "io/scratch_file.hpp"

namespace ilo {
namespace {

using ScratchPointer = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

std::size_t open_descriptors() {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++count;
    return count;
}

// Sets TMPDIR for one test and puts back what it was.
class TemporaryDirectoryVariable {
public:
    explicit TemporaryDirectoryVariable(const char* value) {
        if (const char* old = std::getenv("TMPDIR")) old_ = old;
        had_ = std::getenv("TMPDIR") != nullptr;
        ::setenv("TMPDIR", value, 1);
    }
    ~TemporaryDirectoryVariable() {
        if (had_)
            ::setenv("TMPDIR", old_.c_str(), 1);
        else
            ::unsetenv("TMPDIR");
    }

private:
    std::string old_;
    bool had_ = false;
};

std::string numbered_lines(int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text += "line " + std::to_string(i) + " of the scratch stream\n";
    return text;
}

std::string read_back(std::FILE* file) {
    EXPECT_EQ(std::fflush(file), 0);
    EXPECT_EQ(std::fseek(file, 0, SEEK_SET), 0);
    std::string text;
    char piece[7];  // small pieces, so that reads cross the stream's buffer and the memory/file boundary
    std::size_t got;
    while ((got = std::fread(piece, 1, sizeof piece, file)) > 0) text.append(piece, got);
    EXPECT_TRUE(std::feof(file));
    EXPECT_FALSE(std::ferror(file));
    return text;
}

TEST(ScratchFile, ASmallStreamStaysInMemoryAndReadsBackWhatWasWritten) {
    const std::size_t before = open_descriptors();
    ScratchPointer file(io::open_scratch(4096), &std::fclose);
    ASSERT_TRUE(file);
    const std::string text = numbered_lines(40);
    ASSERT_LT(text.size(), 4096u);
    std::fwrite(text.data(), 1, text.size(), file.get());
    EXPECT_EQ(read_back(file.get()), text);
    EXPECT_EQ(open_descriptors(), before);  // no temporary file was made
}

TEST(ScratchFile, AStreamPastItsLimitMovesToAFileWithTheSameBytes) {
    const std::size_t before = open_descriptors();
    ScratchPointer file(io::open_scratch(4096), &std::fclose);
    ASSERT_TRUE(file);
    const std::string text = numbered_lines(2000);
    for (std::size_t at = 0; at < text.size(); at += 1000)
        std::fwrite(text.data() + at, 1, std::min<std::size_t>(1000, text.size() - at), file.get());
    EXPECT_EQ(read_back(file.get()), text);
    EXPECT_EQ(open_descriptors(), before + 1);  // the unlinked temporary file
    file.reset();
    EXPECT_EQ(open_descriptors(), before);
}

TEST(ScratchFile, LinesReadBackWithFgetsAcrossTheMove) {
    ScratchPointer file(io::open_scratch(1000), &std::fclose);
    ASSERT_TRUE(file);
    const std::string text = numbered_lines(300);
    std::fputs(text.c_str(), file.get());
    ASSERT_EQ(std::fflush(file.get()), 0);
    ASSERT_EQ(std::fseek(file.get(), 0, SEEK_SET), 0);
    char line[128];
    int count = 0;
    while (std::fgets(line, sizeof line, file.get())) {
        EXPECT_EQ(std::string(line), "line " + std::to_string(count) + " of the scratch stream\n");
        ++count;
    }
    EXPECT_EQ(count, 300);
}

TEST(ScratchFile, WithoutATemporaryDirectoryTheBytesStayInMemory) {
    TemporaryDirectoryVariable no_directory("/nonexistent/ilo-tbx-test");
    const std::size_t before = open_descriptors();
    ScratchPointer file(io::open_scratch(1024), &std::fclose);
    ASSERT_TRUE(file);
    const std::string text = numbered_lines(500);
    std::fwrite(text.data(), 1, text.size(), file.get());
    EXPECT_EQ(read_back(file.get()), text);
    EXPECT_EQ(open_descriptors(), before);
}

TEST(ScratchFile, RewritingFromTheStartReplacesWhatWasThere) {
    ScratchPointer file(io::open_scratch(), &std::fclose);
    ASSERT_TRUE(file);
    std::fputs("first text", file.get());
    ASSERT_EQ(std::fseek(file.get(), 0, SEEK_SET), 0);
    std::fputs("FIRST", file.get());
    EXPECT_EQ(read_back(file.get()), "FIRST text");
}

}  // namespace
}  // namespace ilo
