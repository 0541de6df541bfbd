// A small XML element tree for one TBX entry at a time, printed byte for byte as pugixml prints with format_indent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ilo::xml_tree {

class Tree;

// A handle on an element of a Tree, as cheap to copy as a pugi::xml_node; a null handle is false.
class Node {
public:
    Node() = default;
    explicit operator bool() const { return tree_ != nullptr; }

    Node append_child(std::string_view name) const;
    void append_attribute(std::string_view name, std::string_view value) const;
    void prepend_attribute(std::string_view name, std::string_view value) const;
    // Appends a text child (pugixml's text().set on an element that has none).
    void set_text(std::string_view text) const;

    std::string_view name() const;
    void set_name(std::string_view name) const;
    Node parent() const;
    Node first_child() const;  // elements only: the tree's text children are skipped
    Node next_sibling() const;
    // The value of the first attribute called `name`; `found` tells whether there is one.
    std::string_view attribute(std::string_view name, bool& found) const;
    void remove_attribute(std::string_view name) const;

private:
    friend class Tree;
    Node(Tree* tree, std::uint32_t id) : tree_(tree), id_(id) {}
    Tree* tree_ = nullptr;
    std::uint32_t id_ = 0;
};

// The elements, attributes and text of one entry in three vectors and one character arena, which keep their
// capacity from entry to entry, so building an entry allocates nothing once the first few are written.
// Strings are copied in as they are: the entry builder passes only names it knows and values it has made
// fit for XML (no NUL, which pugixml's char* setters would have cut at).
class Tree {
public:
    void clear();
    // Starts the tree with its root element.
    Node set_root(std::string_view name);
    Node root() { return nodes_.empty() ? Node() : Node(this, 0); }

    // The root element as pugixml's print(out, indent, format_indent, encoding_utf8, depth) writes it:
    // `depth` indents before it, a line per element, text inline, "<x />" when empty, and a newline at
    // the end. Attribute values escape & < " and characters below 0x20; text escapes & < > and control
    // characters other than tab, line feed and carriage return, as "&#NN;". The text stays valid until the
    // next print or the tree's end.
    std::string_view print(std::string_view indent, unsigned depth);

private:
    friend class Node;
    static constexpr std::uint32_t none = UINT32_MAX;

    struct Span {
        std::size_t offset = 0;
        std::size_t size = 0;
    };
    struct Element {
        Span name;  // the text of a text node
        bool is_text = false;
        std::uint32_t depth = 0;  // below the root
        std::uint32_t parent = none;
        std::uint32_t first_child = none;
        std::uint32_t last_child = none;
        std::uint32_t next_sibling = none;
        std::uint32_t first_attribute = none;
        std::uint32_t last_attribute = none;
    };
    struct Attribute {
        Span name;
        Span value;
        std::uint32_t next = none;
    };

    Span store(std::string_view text);
    std::string_view view(const Span& span) const { return {arena_.get() + span.offset, span.size}; }
    std::uint32_t add_node(std::uint32_t parent, Span name, bool is_text);
    std::uint32_t add_attribute(Span name, Span value);

    std::vector<Element> nodes_;
    std::vector<Attribute> attributes_;
    // The characters of every name, value and text, one after the other (a plain buffer: store runs for
    // every string of every entry).
    std::unique_ptr<char[]> arena_;
    std::size_t arena_size_ = 0;
    std::size_t arena_capacity_ = 0;
    std::uint32_t max_depth_ = 0;
    // What print writes, sized beforehand for the worst case, so that it writes with no checks.
    std::unique_ptr<char[]> printed_;
    std::size_t printed_capacity_ = 0;
    std::string line_start_;  // a line break and indentation, as deep as the deepest tree printed so far
};

}  // namespace ilo::xml_tree
