// Loading libxlsxwriter and libzip on first use: what is said when a library or one of its functions is missing.
#include <gtest/gtest.h>

#include <string>

#include "formats/xlsx_libraries.hpp"

namespace ilo::xlsx_libraries {
namespace {

TEST(XlsxLibraries, BothLoadWithEveryFunctionTheFormatsCall) {
    std::string why = "unchanged";
    EXPECT_NE(writer(why), nullptr);
    EXPECT_EQ(why, "");
    why = "unchanged";
    EXPECT_NE(reader(why), nullptr);
    EXPECT_EQ(why, "");
    // The sonames the package depends on, not the unversioned development links.
    EXPECT_TRUE(std::string(xlsxwriter_soname()).starts_with("libxlsxwriter.so.")) << xlsxwriter_soname();
    EXPECT_TRUE(std::string(libzip_soname()).starts_with("libzip.so.")) << libzip_soname();
}

// Stands in for a function found earlier, so that a failed lookup is seen to clear the pointer.
zip_int64_t stand_in_fread(zip_file_t*, void*, zip_uint64_t) { return 0; }

TEST(XlsxLibraries, AMissingLibraryIsNamedWithTheLoadersReason) {
    SharedLibrary library("libilo-tbx-no-such-library.so.0");
    EXPECT_FALSE(library.ok());
    EXPECT_TRUE(library.why().starts_with("cannot load libilo-tbx-no-such-library.so.0: ")) << library.why();
    EXPECT_NE(library.why().find("No such file"), std::string::npos) << library.why();
    decltype(&::zip_fread) function = &stand_in_fread;
    library.find(function, "zip_fread");
    EXPECT_EQ(function, nullptr);
    EXPECT_TRUE(library.why().starts_with("cannot load ")) << "the first failure is the one kept";
}

TEST(XlsxLibraries, AMissingFunctionIsNamedWithItsLibrary) {
    SharedLibrary library(libzip_soname());
    ASSERT_TRUE(library.ok()) << library.why();
    decltype(&::zip_fread) fread_function = nullptr;
    library.find(fread_function, "zip_fread");
    EXPECT_NE(fread_function, nullptr);
    EXPECT_TRUE(library.ok());
    decltype(&::zip_fread) missing = fread_function;
    library.find(missing, "zip_no_such_function");
    EXPECT_EQ(missing, nullptr);
    EXPECT_FALSE(library.ok());
    EXPECT_EQ(library.why(), std::string("cannot find zip_no_such_function in ") + libzip_soname());
}

}  // namespace
}  // namespace ilo::xlsx_libraries
