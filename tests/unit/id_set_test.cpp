// IdSet: the id index of readers, entry builder and validator, kept in large blocks.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "text/id_set.hpp"

namespace ilo {
namespace {

TEST(IdSet, InsertSaysWhetherTheIdIsNew) {
    IdSet ids;
    EXPECT_TRUE(ids.insert("c1"));
    EXPECT_FALSE(ids.insert(std::string("c1")));
    EXPECT_TRUE(ids.insert("C1"));  // xml:id values are case-sensitive
    EXPECT_TRUE(ids.contains("c1"));
    EXPECT_FALSE(ids.contains("c2"));
    EXPECT_EQ(ids.size(), 2u);
}

TEST(IdSet, HoldsManyLongAndShortIdsAndMovesWithThem) {
    IdSet ids;
    const std::string long_prefix(100, 'x');
    for (int i = 0; i < 50000; ++i) {
        ASSERT_TRUE(ids.insert("c" + std::to_string(i)));
        ASSERT_TRUE(ids.insert(long_prefix + std::to_string(i)));
    }
    IdSet moved(std::move(ids));
    EXPECT_EQ(moved.size(), 100000u);
    EXPECT_TRUE(moved.contains("c49999"));
    EXPECT_TRUE(moved.contains(long_prefix + "0"));
    EXPECT_FALSE(moved.contains("c50000"));
    EXPECT_FALSE(moved.insert("c123"));
}

}  // namespace
}  // namespace ilo
