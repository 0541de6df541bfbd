// The entry tree and its printer: pugixml's indented layout and escaping, without a call into the library per node.
#include "formats/xml_tree.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace ilo::xml_tree {

namespace {

// What pugixml's chartypex table marks as special in text (bit 1) and in attribute values (bit 2):
// characters below 0x20 (in text, all but tab and line feed), & and <; > in text; " in attribute values.
// (pugixml marks ' too, but writes it as it is when it quotes with ".) Unlike pugixml, a carriage return in
// text is written "&#13;": raw, every XML reader would take it for a line feed.
constexpr std::array<unsigned char, 256> special_table() {
    std::array<unsigned char, 256> table{};
    for (unsigned c = 0; c < 0x20; ++c) table[c] = 3;
    table['\t'] = 2;
    table['\n'] = 2;
    table['\r'] = 3;
    table['&'] = 3;
    table['<'] = 3;
    table['>'] = 1;
    table['"'] = 2;
    return table;
}
constexpr std::array<unsigned char, 256> special = special_table();
constexpr unsigned char in_text = 1;
constexpr unsigned char in_attribute = 2;

constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
// Whether some byte of `word` is below n (n <= 128), or equals c: never false when one is.
constexpr std::uint64_t has_less(std::uint64_t word, unsigned n) { return (word - ones * n) & ~word & high_bits; }
constexpr std::uint64_t has_byte(std::uint64_t word, unsigned char c) { return has_less(word ^ (ones * c), 1); }

// Whether a word of eight bytes may hold a character to escape in `context` (tab, line feed and carriage
// return in text count as "may": the byte loop lets them through).
bool may_need_escape(std::uint64_t word, unsigned char context) {
    std::uint64_t found = has_less(word, 0x20) | has_byte(word, '&') | has_byte(word, '<');
    found |= context == in_text ? has_byte(word, '>') : has_byte(word, '"');
    return found != 0;
}

char* write(char* out, std::string_view text) {
    std::memcpy(out, text.data(), text.size());
    return out + text.size();
}

char* write_escaped(char* out, std::string_view text, unsigned char context) {
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        const char* run = p;
        for (; end - p >= 8; p += 8) {
            std::uint64_t word = 0;
            std::memcpy(&word, p, 8);
            if (may_need_escape(word, context)) break;
        }
        while (p < end && !(special[static_cast<unsigned char>(*p)] & context)) ++p;
        out = write(out, {run, static_cast<std::size_t>(p - run)});
        if (p == end) break;
        char c = *p++;
        switch (c) {
            case '&': out = write(out, "&amp;"); break;
            case '<': out = write(out, "&lt;"); break;
            case '>': out = write(out, "&gt;"); break;
            case '"': out = write(out, "&quot;"); break;
            default: {
                auto code = static_cast<unsigned char>(c);
                *out++ = '&';
                *out++ = '#';
                *out++ = static_cast<char>('0' + code / 10);
                *out++ = static_cast<char>('0' + code % 10);
                *out++ = ';';
            }
        }
    }
    return out;
}

}  // namespace

void Tree::clear() {
    nodes_.clear();
    attributes_.clear();
    arena_size_ = 0;
    max_depth_ = 0;
}

Tree::Span Tree::store(std::string_view text) {
    std::unique_ptr<char[]> outgrown;  // kept until the copy below, in case `text` lies in it
    if (text.size() > arena_capacity_ - arena_size_) {
        std::size_t capacity = std::max(arena_size_ + text.size(), 2 * arena_capacity_ + 4096);
        auto grown = std::make_unique_for_overwrite<char[]>(capacity);
        if (arena_size_ > 0) std::memcpy(grown.get(), arena_.get(), arena_size_);
        outgrown = std::exchange(arena_, std::move(grown));
        arena_capacity_ = capacity;
    }
    Span span{arena_size_, text.size()};
    if (!text.empty()) std::memcpy(arena_.get() + arena_size_, text.data(), text.size());
    arena_size_ += text.size();
    return span;
}

std::uint32_t Tree::add_node(std::uint32_t parent, Span name, bool is_text) {
    auto id = static_cast<std::uint32_t>(nodes_.size());
    Element node;
    node.name = name;
    node.is_text = is_text;
    node.parent = parent;
    if (parent != none) {
        node.depth = nodes_[parent].depth + 1;
        max_depth_ = std::max(max_depth_, node.depth);
    }
    nodes_.push_back(node);
    if (parent != none) {
        Element& owner = nodes_[parent];
        if (owner.last_child == none)
            owner.first_child = id;
        else
            nodes_[owner.last_child].next_sibling = id;
        owner.last_child = id;
    }
    return id;
}

std::uint32_t Tree::add_attribute(Span name, Span value) {
    auto id = static_cast<std::uint32_t>(attributes_.size());
    attributes_.push_back({name, value, none});
    return id;
}

Node Tree::set_root(std::string_view name) {
    clear();
    add_node(none, store(name), false);
    return Node(this, 0);
}

Node Node::append_child(std::string_view name) const {
    Tree::Span span = tree_->store(name);
    return Node(tree_, tree_->add_node(id_, span, false));
}

void Node::append_attribute(std::string_view name, std::string_view value) const {
    Tree::Span name_span = tree_->store(name);
    Tree::Span value_span = tree_->store(value);
    std::uint32_t id = tree_->add_attribute(name_span, value_span);
    Tree::Element& node = tree_->nodes_[id_];
    if (node.last_attribute == Tree::none)
        node.first_attribute = id;
    else
        tree_->attributes_[node.last_attribute].next = id;
    node.last_attribute = id;
}

void Node::prepend_attribute(std::string_view name, std::string_view value) const {
    Tree::Span name_span = tree_->store(name);
    Tree::Span value_span = tree_->store(value);
    std::uint32_t id = tree_->add_attribute(name_span, value_span);
    Tree::Element& node = tree_->nodes_[id_];
    tree_->attributes_[id].next = node.first_attribute;
    node.first_attribute = id;
    if (node.last_attribute == Tree::none) node.last_attribute = id;
}

void Node::set_text(std::string_view text) const {
    // pugixml's text().set writes into the first text child if there is one.
    for (std::uint32_t child = tree_->nodes_[id_].first_child; child != Tree::none;
         child = tree_->nodes_[child].next_sibling) {
        if (tree_->nodes_[child].is_text) {
            tree_->nodes_[child].name = tree_->store(text);
            return;
        }
    }
    Tree::Span span = tree_->store(text);
    tree_->add_node(id_, span, true);
}

std::string_view Node::name() const { return tree_->view(tree_->nodes_[id_].name); }

void Node::set_name(std::string_view name) const { tree_->nodes_[id_].name = tree_->store(name); }

Node Node::parent() const {
    std::uint32_t parent = tree_->nodes_[id_].parent;
    return parent == Tree::none ? Node() : Node(tree_, parent);
}

Node Node::first_child() const {
    for (std::uint32_t child = tree_->nodes_[id_].first_child; child != Tree::none;
         child = tree_->nodes_[child].next_sibling)
        if (!tree_->nodes_[child].is_text) return Node(tree_, child);
    return Node();
}

Node Node::next_sibling() const {
    for (std::uint32_t sibling = tree_->nodes_[id_].next_sibling; sibling != Tree::none;
         sibling = tree_->nodes_[sibling].next_sibling)
        if (!tree_->nodes_[sibling].is_text) return Node(tree_, sibling);
    return Node();
}

std::string_view Node::attribute(std::string_view name, bool& found) const {
    for (std::uint32_t a = tree_->nodes_[id_].first_attribute; a != Tree::none; a = tree_->attributes_[a].next) {
        if (tree_->view(tree_->attributes_[a].name) == name) {
            found = true;
            return tree_->view(tree_->attributes_[a].value);
        }
    }
    found = false;
    return {};
}

void Node::remove_attribute(std::string_view name) const {
    Tree::Element& node = tree_->nodes_[id_];
    std::uint32_t previous = Tree::none;
    for (std::uint32_t a = node.first_attribute; a != Tree::none; previous = a, a = tree_->attributes_[a].next) {
        if (tree_->view(tree_->attributes_[a].name) != name) continue;
        std::uint32_t next = tree_->attributes_[a].next;
        if (previous == Tree::none)
            node.first_attribute = next;
        else
            tree_->attributes_[previous].next = next;
        if (node.last_attribute == a) node.last_attribute = previous;
        return;
    }
}

std::string_view Tree::print(std::string_view indent, unsigned depth) {
    if (nodes_.empty()) return {};
    // At most: each stored string six times escaped (names are written twice, plainly), and per element
    // two lines of indentation and eight more characters; per attribute four more.
    std::size_t bound = 6 * arena_size_ + attributes_.size() * 4 +
                        nodes_.size() * (2 * indent.size() * (depth + max_depth_ + 1) + 8) + 1;
    if (bound > printed_capacity_) {
        printed_capacity_ = std::max(bound, 2 * printed_capacity_);
        printed_ = std::make_unique_for_overwrite<char[]>(printed_capacity_);
    }
    // A line break and the deepest indentation the tree needs, to copy from in one go.
    std::size_t deepest = depth + max_depth_ + 1;
    if (line_start_.size() < 1 + deepest * indent.size() || line_start_.compare(1, indent.size(), indent) != 0) {
        line_start_.assign(1, '\n');
        for (std::size_t i = 0; i < deepest; ++i) line_start_.append(indent);
    }
    char* out = printed_.get();
    // pugixml's node_output, for an element root and format_indent.
    constexpr unsigned newline = 1;
    constexpr unsigned indented = 2;
    auto write_line_start = [&](unsigned flags, unsigned levels) {
        std::string_view line(line_start_);
        if (!(flags & indented)) line = line.substr(0, 1);
        else line = line.substr(0, 1 + levels * indent.size());
        if (!(flags & newline)) line.remove_prefix(1);
        out = write(out, line);
    };
    const std::uint32_t root = 0;
    std::uint32_t id = root;
    unsigned flags = indented;
    do {
        const Element& node = nodes_[id];
        if (node.is_text) {
            out = write_escaped(out, view(node.name), in_text);
            flags = 0;
        } else {
            write_line_start(flags, depth);
            flags = newline | indented;
            *out++ = '<';
            out = write(out, view(node.name));
            for (std::uint32_t a = node.first_attribute; a != none; a = attributes_[a].next) {
                *out++ = ' ';
                out = write(out, view(attributes_[a].name));
                *out++ = '=';
                *out++ = '"';
                out = write_escaped(out, view(attributes_[a].value), in_attribute);
                *out++ = '"';
            }
            if (node.first_child != none) {
                *out++ = '>';
                id = node.first_child;
                ++depth;
                continue;
            }
            out = write(out, " />");
        }
        while (id != root) {
            if (nodes_[id].next_sibling != none) {
                id = nodes_[id].next_sibling;
                break;
            }
            id = nodes_[id].parent;
            --depth;
            write_line_start(flags, depth);
            *out++ = '<';
            *out++ = '/';
            out = write(out, view(nodes_[id].name));
            *out++ = '>';
            flags = newline | indented;
        }
    } while (id != root);
    if (flags & newline) *out++ = '\n';
    return {printed_.get(), static_cast<std::size_t>(out - printed_.get())};
}

}  // namespace ilo::xml_tree
