// Tests of language-tag normalisation: case conventions, separators, and what counts as invalid or unknown.
#include <gtest/gtest.h>

#include "ilo_tbx/language_tag.hpp"

namespace ilo {
namespace {

TEST(LanguageTag, NormalisesCaseAndSeparators) {
    EXPECT_EQ(normalise_language_tag("EN").tag, "en");
    EXPECT_EQ(normalise_language_tag("en_US").tag, "en-US");
    EXPECT_EQ(normalise_language_tag("en-us").tag, "en-US");
    EXPECT_EQ(normalise_language_tag("zh-hant-tw").tag, "zh-Hant-TW");
    EXPECT_EQ(normalise_language_tag("es-419").tag, "es-419");
    EXPECT_EQ(normalise_language_tag("de-CH-1996").tag, "de-CH-1996");
    EXPECT_EQ(normalise_language_tag("fr-FR-x-ACME").tag, "fr-FR-x-acme");
    EXPECT_EQ(normalise_language_tag(" de ").tag, "de");
}

TEST(LanguageTag, KeepsSubtagsItDoesNotOwn) {
    // Deprecated codes stay as the source wrote them: matching tools expect them.
    EXPECT_EQ(normalise_language_tag("iw").tag, "iw");
    EXPECT_EQ(normalise_language_tag("no").tag, "no");
}

TEST(LanguageTag, InvalidTagsAreKeptAsWrittenAndFlagged) {
    for (const char* bad : {"", "en-", "e n", "123", "en--US", "-en", "en_"}) {
        LanguageTag tag = normalise_language_tag(bad);
        EXPECT_FALSE(tag.valid) << bad;
        EXPECT_EQ(tag.tag, bad);
    }
}

TEST(LanguageTag, UnknownLanguagesAreValidButNotKnown) {
    EXPECT_TRUE(normalise_language_tag("english").valid);
    EXPECT_FALSE(normalise_language_tag("english").known);
    EXPECT_FALSE(normalise_language_tag("zz").known);
    EXPECT_TRUE(normalise_language_tag("qaa").known);
    EXPECT_TRUE(normalise_language_tag("x-private").known);
    EXPECT_TRUE(normalise_language_tag("ga").known);
}

}  // namespace
}  // namespace ilo
