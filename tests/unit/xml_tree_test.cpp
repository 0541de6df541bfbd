// Tests the entry tree's printer against pugixml's: the same trees, built both ways, print the same bytes.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "formats/xml_tree.hpp"

namespace ilo {
namespace {

std::string pugixml_print(const pugi::xml_document& document, unsigned depth) {
    std::ostringstream out;
    document.first_child().print(out, "  ", pugi::format_indent, pugi::encoding_utf8, depth);
    return out.str();
}

// Values that reach every escaping rule: the five XML specials, tab, line feed and carriage return (written
// as they are in text, as &#NN; in attributes), other control characters, non-ASCII, runs longer than a word.
const std::vector<std::string> values{
    "",
    "plain",
    "a & b < c > d \"e\" 'f'",
    "tab\there, line\nfeed, carriage\rreturn",
    "bell\x07 and escape\x1b",
    "Ελληνικά και 中文 & ünïcödé <b>",
    "exactly8",
    "sixteen chars!!!",
    "&&&&&&&&<<<<<<<<>>>>>>>>\"\"\"\"\"\"\"\"",
    "a long value without anything to escape, well past the eight bytes of one word",
    "ends with a special&",
};

TEST(XmlTree, PrintsEveryValueAsPugixmlDoes) {
    for (const std::string& value : values) {
        for (unsigned depth : {0U, 1U, 3U}) {
            pugi::xml_document document;
            pugi::xml_node entry = document.append_child("termEntry");
            entry.append_attribute("id").set_value("c1");
            pugi::xml_node note = entry.append_child("note");
            note.append_attribute("type").set_value(value.c_str());
            note.text().set(value.c_str());
            pugi::xml_node empty = entry.append_child("langSet");
            empty.append_attribute("xml:lang").set_value(value.c_str());

            xml_tree::Tree tree;
            xml_tree::Node root = tree.set_root("termEntry");
            root.append_attribute("id", "c1");
            xml_tree::Node mine = root.append_child("note");
            mine.append_attribute("type", value);
            mine.set_text(value);
            root.append_child("langSet").append_attribute("xml:lang", value);

            // The one difference on purpose: a CR in text, which pugixml writes raw and readers take for a LF.
            std::string expected;
            for (char c : pugixml_print(document, depth))
                expected += c == '\r' ? std::string("&#13;") : std::string(1, c);
            EXPECT_EQ(std::string(tree.print("  ", depth)), expected) << "value \"" << value << "\" at depth " << depth;
        }
    }
}

TEST(XmlTree, NestingTextAndEditsPrintAsPugixmlDoes) {
    pugi::xml_document document;
    pugi::xml_node entry = document.append_child("conceptEntry");
    pugi::xml_node section = entry.append_child("langSec");
    pugi::xml_node term_section = section.append_child("termSec");
    pugi::xml_node term = term_section.append_child("term");
    term.text().set("ILO");
    term.prepend_attribute("id").set_value("t1");
    pugi::xml_node note = term_section.append_child("termNote");
    note.append_attribute("type").set_value("partOfSpeech");
    note.append_attribute("datatype").set_value("plainText");
    note.text().set("noun");
    note.set_name("min:partOfSpeech");
    note.remove_attribute("type");
    pugi::xml_node mixed = entry.append_child("descrip");
    mixed.text().set("text first");
    mixed.append_child("hi").text().set("then an element");
    mixed.text().set("replaced");
    entry.append_child("empty");
    section.append_attribute("xml:lang").set_value("en");

    xml_tree::Tree tree;
    xml_tree::Node root = tree.set_root("conceptEntry");
    xml_tree::Node language = root.append_child("langSec");
    xml_tree::Node mine_section = language.append_child("termSec");
    xml_tree::Node mine_term = mine_section.append_child("term");
    mine_term.set_text("ILO");
    mine_term.prepend_attribute("id", "t1");
    xml_tree::Node mine_note = mine_section.append_child("termNote");
    mine_note.append_attribute("type", "partOfSpeech");
    mine_note.append_attribute("datatype", "plainText");
    mine_note.set_text("noun");
    mine_note.set_name("min:partOfSpeech");
    mine_note.remove_attribute("type");
    xml_tree::Node mine_mixed = root.append_child("descrip");
    mine_mixed.set_text("text first");
    mine_mixed.append_child("hi").set_text("then an element");
    mine_mixed.set_text("replaced");
    root.append_child("empty");
    language.append_attribute("xml:lang", "en");

    EXPECT_EQ(std::string(tree.print("  ", 3)), pugixml_print(document, 3));

    // The handles walk elements only, and see the edits.
    EXPECT_EQ(root.first_child().name(), "langSec");
    EXPECT_EQ(mine_note.parent().name(), "termSec");
    EXPECT_EQ(mine_section.first_child().next_sibling().name(), "min:partOfSpeech");
    bool found = true;
    mine_note.attribute("type", found);
    EXPECT_FALSE(found);
    EXPECT_EQ(mine_term.attribute("id", found), "t1");
    EXPECT_TRUE(found);
    EXPECT_FALSE(root.parent());
}

TEST(XmlTree, ReusedTreePrintsOnlyTheNewEntry) {
    xml_tree::Tree tree;
    xml_tree::Node first = tree.set_root("termEntry");
    for (int i = 0; i < 50; ++i) first.append_child("descripGrp").append_child("descrip").set_text("deep enough");
    std::string printed(tree.print("  ", 3));
    EXPECT_NE(printed.find("deep enough"), std::string::npos);

    tree.set_root("termEntry").append_child("note").set_text("second");
    EXPECT_EQ(std::string(tree.print("  ", 1)), "  <termEntry>\n    <note>second</note>\n  </termEntry>\n");

    // A name taken from the tree itself stays right while the tree's storage grows under it.
    xml_tree::Node root = tree.set_root(std::string(300, 'x'));
    for (int i = 0; i < 100; ++i) root.append_child(root.name()).set_text(root.name());
    for (xml_tree::Node child = root.first_child(); child; child = child.next_sibling())
        ASSERT_EQ(child.name(), std::string(300, 'x'));
}

}  // namespace
}  // namespace ilo
