// The streaming native validator: libxml2's SAX2 push parser feeding content-model, dialect-rule and integrity checks.
#include "ilo_tbx/native_validator.hpp"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "text/id_set.hpp"
#include "text/text_decoding.hpp"
#include "text/unicode_text.hpp"
#include "text/xml_limits.hpp"
#include "validate/dialect_rules.hpp"
#include "validate/libxml2_setup.hpp"
#include "validate/structure_models.hpp"

namespace ilo::validate {

namespace {

constexpr std::string_view tbx_v3_namespace = "urn:iso:std:iso:30042:ed-2";
constexpr std::string_view xml_namespace = "http://www.w3.org/XML/1998/namespace";

using E = Element;

enum class Namespace : std::uint8_t { none, tbx_v3, xml, basic, min, other };

std::string_view as_view(const xmlChar* text) {
    return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}
std::string_view as_view(const xmlChar* begin, const xmlChar* end) {
    return {reinterpret_cast<const char*>(begin), static_cast<std::size_t>(end - begin)};
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool all_space(std::string_view text) {
    // Mostly the indentation between elements, a line break and spaces: the line breaks one at a time, then
    // the spaces eight at a time (the last few padded with spaces); anything else one character at a time.
    constexpr std::uint64_t spaces = 0x2020202020202020ULL;
    std::size_t i = 0;
    while (i < text.size() && (text[i] == '\n' || text[i] == '\r')) ++i;
    while (i < text.size()) {
        std::size_t count = std::min<std::size_t>(8, text.size() - i);
        std::uint64_t word = spaces;
        std::memcpy(&word, text.data() + i, count);
        if (word != spaces) {
            for (std::size_t k = i; k < i + count; ++k)
                if (!is_space(text[k])) return false;
        }
        i += count;
    }
    return true;
}

// The characters of UTF-8 text.
std::uint32_t utf8_length(const char* begin, const char* end) {
    return static_cast<std::uint32_t>(text::count_code_points({begin, static_cast<std::size_t>(end - begin)}));
}

std::string collapsed(std::string_view text) {
    std::string out;
    bool pending_space = false;
    for (char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

bool is_name_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_name_char(unsigned char c) {
    return is_name_start(c) || std::isdigit(c) || c == '-' || c == '.';
}
// An NCName (the lexical space of xs:ID and xs:IDREF), for ASCII and any non-ASCII letters.
bool is_ncname(std::string_view text) {
    if (text.empty() || !is_name_start(static_cast<unsigned char>(text[0]))) return false;
    for (char c : text)
        if (!is_name_char(static_cast<unsigned char>(c))) return false;
    return true;
}

bool is_digits(std::string_view text, std::size_t count) {
    if (text.size() != count) return false;
    for (char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}
// xs:date or xs:dateTime: YYYY-MM-DD, optionally Thh:mm:ss(.s+)?, optionally Z or +hh:mm.
bool is_xsd_date_or_datetime(std::string_view text) {
    std::size_t year_digits = 0;
    std::size_t i = text.starts_with('-') ? 1 : 0;
    while (i + year_digits < text.size() && std::isdigit(static_cast<unsigned char>(text[i + year_digits])))
        ++year_digits;
    if (year_digits < 4) return false;
    i += year_digits;
    if (text.size() < i + 6 || text[i] != '-' || !is_digits(text.substr(i + 1, 2), 2) || text[i + 3] != '-' ||
        !is_digits(text.substr(i + 4, 2), 2))
        return false;
    int month = (text[i + 1] - '0') * 10 + (text[i + 2] - '0');
    int day = (text[i + 4] - '0') * 10 + (text[i + 5] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    i += 6;
    if (i < text.size() && text[i] == 'T') {
        if (text.size() < i + 9 || !is_digits(text.substr(i + 1, 2), 2) || text[i + 3] != ':' ||
            !is_digits(text.substr(i + 4, 2), 2) || text[i + 6] != ':' || !is_digits(text.substr(i + 7, 2), 2))
            return false;
        i += 9;
        if (i < text.size() && text[i] == '.') {
            std::size_t digits = 0;
            while (i + 1 + digits < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1 + digits])))
                ++digits;
            if (digits == 0) return false;
            i += 1 + digits;
        }
    }
    std::string_view zone = text.substr(i);
    if (zone.empty() || zone == "Z") return true;
    return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && is_digits(zone.substr(1, 2), 2) &&
           zone[3] == ':' && is_digits(zone.substr(4, 2), 2);
}

// A line and column in the document checked; the file name is added only when a diagnostic is made,
// so that the frame of every element costs no string.
struct Position {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct Frame {
    Element element = E::unknown;
    const ContentModel* model = nullptr;  // null: not checked (opaque subtree, unknown element)
    std::uint8_t slot = 0;
    std::uint8_t in_slot = 0;
    bool opaque = false;        // inside an element whose content we do not check
    bool text_reported = false;
    bool content_reported = false;  // one content-model error per parent; the rest follow from it
    bool collect_text = false;
    const DataCategoryRule* rule = nullptr;  // the data category whose value the text is
    bool dct_value = false;                   // compare whitespace-collapsed (RELAX NG value) text
    Position pos;
};

struct PendingTarget {
    std::string target;
    Position pos;
    std::string concept_id;
    std::string language;
    std::string rule;
};

// Where the root element's start tag begins, past the XML declaration, comments, processing instructions and the
// DOCTYPE (whose quoted literals may hold '>'); npos while `bytes` may not reach it yet.
std::size_t root_start(std::string_view bytes) {
    std::size_t at = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    for (;;) {
        while (at < bytes.size() && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\r' || bytes[at] == '\n'))
            ++at;
        if (at >= bytes.size()) return std::string_view::npos;
        std::string_view rest = bytes.substr(at);
        if (rest[0] != '<') return at;  // not XML the prolog way: libxml2 says what is wrong
        auto past = [&](std::string_view opener, std::string_view terminator) {
            std::size_t found = bytes.find(terminator, at + opener.size());
            return found == std::string_view::npos ? found : found + terminator.size();
        };
        std::size_t next = 0;
        if (rest.starts_with("<?")) {
            next = past("<?", "?>");
        } else if (rest.starts_with("<!--")) {
            next = past("<!--", "-->");
        } else if (rest.starts_with("<!DOCTYPE")) {
            next = std::string_view::npos;
            int depth = 0;
            for (std::size_t i = at + 9; i < bytes.size(); ++i) {
                const char c = bytes[i];
                if (c == '"' || c == '\'') {
                    i = bytes.find(c, i + 1);
                    if (i == std::string_view::npos) break;
                } else if (c == '[') {
                    ++depth;
                } else if (c == ']') {
                    --depth;
                } else if (c == '>' && depth <= 0) {
                    next = i + 1;
                    break;
                }
            }
        } else if (rest.size() < 9 &&
                   (std::string_view("<!DOCTYPE").starts_with(rest) || std::string_view("<!--").starts_with(rest))) {
            return std::string_view::npos;
        } else {
            return at;
        }
        if (next == std::string_view::npos) return next;
        at = next;
    }
}

class Validator {
public:
    Validator(std::string display_name, const NativeOptions& options, Diagnostics& diagnostics)
        : file_(std::move(display_name)), options_(options), diagnostics_(diagnostics) {}

    NativeResult run_file(const std::string& path);
    NativeResult run_memory(std::string_view document);
    // The document in pieces, as they come: feed each, then end_feed for the verdict.
    void feed(std::string_view bytes);
    NativeResult end_feed();
    bool done_pushing() const { return failed_to_start_ || stopped_ || not_well_formed_; }
    // libxml2's push parser takes a DOCTYPE cut between two chunks for an unfinished one, where a whole document
    // has a literal that runs on: the prolog is held back and given to it in one piece, up to this much.
    static constexpr std::size_t max_held_prolog = 64 * 1024;

private:
    bool begin_push(std::string_view prolog);
    void push(std::string_view bytes);
    void push_decoded(std::string_view utf8);
    void check_decoding(int status);
    void check_transcoding(bool decoded);

    // SAX callbacks.
    static void on_start(void* context, const xmlChar* local_name, const xmlChar* prefix, const xmlChar* uri,
                         int namespace_count, const xmlChar** namespaces, int attribute_count, int defaulted,
                         const xmlChar** attributes);
    static void on_end(void* context, const xmlChar* local_name, const xmlChar* prefix, const xmlChar* uri);
    static void on_text(void* context, const xmlChar* text, int length);
    static void on_error(void* context, xmlErrorPtr error);
    static xmlEntityPtr on_get_entity(void* context, const xmlChar* name);
    static xmlEntityPtr on_get_parameter_entity(void* context, const xmlChar* name);

    // Stops at input the limits of text/xml_limits.hpp refuse (entities, depth, attribute size).
    void refuse(const SourcePos& pos, std::string code, std::string message);
    bool refuses_element(int attribute_count, const xmlChar** attributes);

    void start(const xmlChar* local_name, const xmlChar* uri, int attribute_count, const xmlChar** attributes);
    const xmlChar** with_ampersands_restored(int attribute_count, const xmlChar** attributes);
    void end();
    void text(std::string_view text);
    void parse_error(const xmlError& error);
    void finish();

    xmlSAXHandler handler();
    NativeResult result();

    void start_root(const xmlChar* local_name, const xmlChar* uri, int attribute_count, const xmlChar** attributes);
    Namespace namespace_of(const xmlChar* uri);
    Element element_of(const xmlChar* local_name);
    bool accept_child(Frame& parent, Element child, const Position& pos);
    void check_missing_children(const Frame& frame);
    void check_attributes(Frame& frame, int attribute_count, const xmlChar** attributes);
    void check_data_category(Frame& frame, std::string_view type);
    void check_dct_element(Frame& frame, std::string_view local_name, Namespace ns, int attribute_count,
                           const xmlChar** attributes);
    bool level_allowed(const DataCategoryRule& rule, std::size_t depth) const;
    void check_value(const Frame& frame);
    void check_target(std::string_view target, const Position& pos, std::string rule);
    void check_language(std::string_view tag, const Position& pos);
    Position start_point() const;
    Position current_point() const;
    Position text_begin_{0, 0};  // the end of the last start or end tag, where a run of text begins
    SourcePos at(const Position& pos) const { return {file_, pos.line, pos.column}; }
    SourcePos start_position() const { return at(start_point()); }
    SourcePos current_position() const { return at(current_point()); }

    void error(const SourcePos& pos, std::string code, std::string message, std::string hint = {});
    void error(const Position& pos, std::string code, std::string message, std::string hint = {}) {
        error(at(pos), std::move(code), std::move(message), std::move(hint));
    }
    std::string rule_id(std::string_view rest) const {
        return std::string(dialect_prefix(dialect_)) + "." + std::string(rest);
    }
    std::string dialect_label() const {
        return declared_type_.empty() ? std::string("this dialect") : declared_type_;
    }

    std::string file_;
    NativeOptions options_;
    Diagnostics& diagnostics_;
    struct ContextDeleter {
        void operator()(xmlParserCtxtPtr context) const {
            if (context->myDoc) xmlFreeDoc(context->myDoc);
            xmlFreeParserCtxt(context);
        }
    };
    xmlSAXHandler sax_{};
    // The current element's attributes with '&' restored (with_ampersands_restored); empty for most elements.
    std::vector<std::string> restored_values_;
    std::vector<const xmlChar*> restored_attributes_;
    std::unique_ptr<xmlParserCtxt, ContextDeleter> context_holder_;
    xmlParserCtxtPtr context_ = nullptr;
    std::string prolog_;  // what came before the root element's start tag, until it is pushed
    bool started_ = false;
    bool failed_to_start_ = false;
    // A document in a legacy encoding is decoded by ICU, as the TBX reader decodes it, and given to libxml2 as
    // UTF-8: libxml2 2.9's own ICU path fails on a character cut between two pieces.
    std::optional<PieceTranscoder> transcoder_;
    std::string decoded_;

    Flavour flavour_ = Flavour::unknown;
    TbxVersion version_ = TbxVersion::v3;
    Dialect dialect_ = Dialect::other;
    std::uint8_t rule_set_ = 0;
    bool dct_ = false;
    std::string declared_type_;
    bool not_well_formed_ = false;
    bool stopped_ = false;
    bool reached_max_errors_ = false;
    std::size_t errors_ = 0;
    std::size_t concepts_ = 0;
    std::size_t back_or_header_depth_ = 0;  // > 0 inside back matter or the header

    std::vector<Frame> stack_;
    std::string value_;  // the text of the data category being read
    const xmlChar* local_name_ = nullptr;  // of the element being started, for messages
    std::string concept_id_;
    std::string language_;

    std::unordered_map<const xmlChar*, Element> element_cache_;
    std::unordered_map<const xmlChar*, Namespace> namespace_cache_;
    IdSet ids_;
    std::vector<PendingTarget> pending_targets_;
    std::unordered_map<std::string, bool> language_cache_;
};

void Validator::error(const SourcePos& pos, std::string code, std::string message, std::string hint) {
    if (stopped_) return;
    Diagnostic diagnostic;
    diagnostic.severity = Severity::error;
    diagnostic.pos = pos;
    diagnostic.code = std::move(code);
    diagnostic.message = std::move(message);
    diagnostic.hint = std::move(hint);
    diagnostic.concept_id = concept_id_;
    diagnostic.language = language_;
    diagnostics_.add(std::move(diagnostic));
    ++errors_;
    if (options_.max_errors != 0 && errors_ >= options_.max_errors) {
        stopped_ = true;
        reached_max_errors_ = true;
        if (context_) xmlStopParser(context_);
    }
}

Position Validator::current_point() const {
    if (!context_ || !context_->input) return {0, 0};
    return {static_cast<std::uint32_t>(context_->input->line),
            static_cast<std::uint32_t>(context_->input->col > 0 ? context_->input->col : 1)};
}

// The position of the '<' of the start tag being reported. libxml2 calls
// startElementNs with the input at the tag's end, so scan back to its '<'
// (which cannot occur inside attribute values) and then to the line start,
// but only a short way, so that files on one long line stay linear.
Position Validator::start_point() const {
    const xmlParserInputPtr input = context_ ? context_->input : nullptr;
    if (!input || !input->cur || !input->base || input->cur <= input->base) return current_point();
    const auto* base = reinterpret_cast<const char*>(input->base);
    const auto* cursor = reinterpret_cast<const char*>(input->cur);
    // memrchr/memchr: this runs for every element, so it must cost little.
    const auto* open = static_cast<const char*>(memrchr(base, '<', static_cast<std::size_t>(cursor - base)));
    if (!open) return current_point();
    int newlines = 0;
    for (const char* p = open; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(cursor - p))));
         ++p)
        ++newlines;
    auto line = static_cast<std::uint32_t>(input->line - newlines > 0 ? input->line - newlines : 1);
    constexpr std::ptrdiff_t scan_limit = 512;
    const char* window = open - base > scan_limit ? open - scan_limit : base;
    const auto* newline = static_cast<const char*>(memrchr(window, '\n', static_cast<std::size_t>(open - window)));
    const char* line_start = newline ? newline + 1 : window;
    std::uint32_t column = 1;
    if (newline) {
        column += utf8_length(line_start, open);
    } else {
        // A very long line, or a buffer that starts mid-line (libxml2 drops what it has parsed as the input comes
        // in pieces, so its start is no line start): count back from libxml2's column at the cursor.
        std::uint32_t tag_length = 0;
        for (const char* p = open; p < cursor; ++p)
            if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++tag_length;
        column = input->col > static_cast<int>(tag_length) ? static_cast<std::uint32_t>(input->col) - tag_length : 1;
    }
    return {line, column};
}

Namespace Validator::namespace_of(const xmlChar* uri) {
    if (!uri) return Namespace::none;
    auto found = namespace_cache_.find(uri);
    if (found != namespace_cache_.end()) return found->second;
    std::string_view text = as_view(uri);
    Namespace ns = Namespace::other;
    if (text == tbx_v3_namespace)
        ns = Namespace::tbx_v3;
    else if (text == xml_namespace)
        ns = Namespace::xml;
    else if (namespace_module(text) == "basic")
        ns = Namespace::basic;
    else if (namespace_module(text) == "min")
        ns = Namespace::min;
    namespace_cache_.emplace(uri, ns);
    return ns;
}

Element Validator::element_of(const xmlChar* local_name) {
    // Names come from the parser's dictionary, so one name is one pointer.
    auto found = element_cache_.find(local_name);
    if (found != element_cache_.end()) return found->second;
    Element element = element_from_name(as_view(local_name));
    element_cache_.emplace(local_name, element);
    return element;
}

void Validator::on_start(void* context, const xmlChar* local_name, const xmlChar*, const xmlChar* uri, int,
                         const xmlChar**, int attribute_count, int, const xmlChar** attributes) {
    auto* parser = static_cast<xmlParserCtxtPtr>(context);
    if (!parser->_private) return;
    auto* validator = static_cast<Validator*>(parser->_private);
    validator->start(local_name, uri, attribute_count, attributes);
    // libxml2 calls startElementNs with its input still on the tag's '>' (endElementNs past it).
    validator->text_begin_ = validator->current_point();
    if (parser->input && parser->input->cur && *parser->input->cur == '>') ++validator->text_begin_.column;
}

void Validator::on_end(void* context, const xmlChar*, const xmlChar*, const xmlChar*) {
    auto* parser = static_cast<xmlParserCtxtPtr>(context);
    if (!parser->_private) return;
    auto* validator = static_cast<Validator*>(parser->_private);
    validator->end();
    validator->text_begin_ = validator->current_point();
}

void Validator::on_text(void* context, const xmlChar* text, int length) {
    auto* parser = static_cast<xmlParserCtxtPtr>(context);
    if (!parser->_private) return;
    static_cast<Validator*>(parser->_private)
        ->text({reinterpret_cast<const char*>(text), static_cast<std::size_t>(length)});
}

void Validator::on_error(void* user_data, xmlErrorPtr error) {
    if (!error) return;
    auto* parser = static_cast<xmlParserCtxtPtr>(user_data);
    // An error while the parser is being created (an encoding its first bytes cannot be) comes before
    // the parser knows its validator; the document is then not well-formed, which end_push reports.
    if (!parser->_private) return;
    static_cast<Validator*>(parser->_private)->parse_error(*error);
}

// Only the predefined entities are known: entities declared in the DTD are never
// stored (no entityDecl callback), so none is ever expanded, and a reference to
// one is refused here with the same message the TBX reader gives.
xmlEntityPtr Validator::on_get_entity(void* context, const xmlChar* name) {
    if (xmlEntityPtr predefined = xmlGetPredefinedEntity(name)) return predefined;
    auto* parser = static_cast<xmlParserCtxtPtr>(context);
    // Inside the DTD libxml2 asks when an entity is declared or named in another's
    // value; nothing is stored or expanded there, so only a use in the document is refused.
    if (parser->inSubset != 0 || !parser->_private) return nullptr;
    auto* validator = static_cast<Validator*>(parser->_private);
    std::string_view entity = as_view(name);
    SourcePos pos = validator->current_position();
    // libxml2 is just past the ';' of "&name;": point at the '&'.
    auto reference_length = static_cast<std::uint32_t>(entity.size() + 2);
    if (pos.column > reference_length) pos.column -= reference_length;
    validator->refuse(pos, "xml.entity", xml_limits::entity_refused_message(entity));
    return nullptr;
}

// A parameter entity in the internal subset (%name;) is a use: refused, never loaded.
xmlEntityPtr Validator::on_get_parameter_entity(void* context, const xmlChar* name) {
    auto* parser = static_cast<xmlParserCtxtPtr>(context);
    auto* validator = static_cast<Validator*>(parser->_private);
    if (!validator) return nullptr;
    std::string_view entity = as_view(name);
    SourcePos pos = validator->current_position();
    auto reference_length = static_cast<std::uint32_t>(entity.size() + 2);
    if (pos.column > reference_length) pos.column -= reference_length;
    validator->refuse(pos, "xml.entity", xml_limits::parameter_entity_refused_message(entity));
    return nullptr;
}

void Validator::refuse(const SourcePos& pos, std::string code, std::string message) {
    if (not_well_formed_) return;
    not_well_formed_ = true;
    stopped_ = false;
    error(pos, std::move(code), std::move(message), "see 'Hostile and broken input' in the README");
    stopped_ = true;
    if (context_) xmlStopParser(context_);
}

bool Validator::refuses_element(int attribute_count, const xmlChar** attributes) {
    if (stack_.size() >= xml_limits::max_element_depth) {
        refuse(start_position(), "xml.too-deep", xml_limits::too_deep_message());
        return true;
    }
    // startElementNs attributes: (local name, prefix, URI, value, value end) for each.
    for (int i = 0; i < attribute_count; ++i) {
        const xmlChar* const* attribute = attributes + 5 * i;
        auto length = static_cast<std::size_t>(attribute[4] - attribute[3]);
        if (length > xml_limits::max_attribute_bytes) {
            refuse(start_position(), "xml.too-large", xml_limits::attribute_too_long_message(as_view(attribute[0]), length));
            return true;
        }
    }
    return false;
}

void Validator::parse_error(const xmlError& problem) {
    if (problem.level == XML_ERR_NONE || problem.level == XML_ERR_WARNING) return;
    if (not_well_formed_) return;  // the first one is the one to fix; the rest follow from it
    not_well_formed_ = true;
    std::string message = problem.message ? problem.message : "not well-formed";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    SourcePos pos{file_, static_cast<std::uint32_t>(problem.line > 0 ? problem.line : 0),
                  static_cast<std::uint32_t>(problem.int2 > 0 ? problem.int2 : 1)};
    // libxml2's own limits (no XML_PARSE_HUGE) say so in their words; ours say what is refused.
    auto has = [&](std::string_view part) { return message.find(part) != std::string::npos; };
    if (has("Huge input lookup") || has("AttValue length too long") || has("huge text node") ||
        has("too long") || has("Excessive depth")) {
        not_well_formed_ = false;
        refuse(pos, has("Excessive depth") ? "xml.too-deep" : "xml.too-large",
               has("Excessive depth")
                   ? xml_limits::too_deep_message()
                   : "a tag, attribute value or text over libxml2's 10 MB limit (" + message +
                         "); ilo-tbx refuses attribute values over " +
                         std::to_string(xml_limits::max_attribute_bytes) + " bytes and such texts");
        return;
    }
    // A broken file is reported even after --max-errors stopped the checks.
    bool was_stopped = stopped_;
    stopped_ = false;
    error(pos, "xml.not-well-formed", message, "fix the XML syntax first; the other checks need well-formed XML");
    stopped_ = true;
    (void)was_stopped;
}

void Validator::start_root(const xmlChar* local_name, const xmlChar* uri, int attribute_count,
                           const xmlChar** attributes) {
    std::string_view name = as_view(local_name);
    Namespace ns = namespace_of(uri);
    SourcePos pos = start_position();
    auto attribute = [&](std::string_view wanted) -> std::string_view {
        for (int i = 0; i < attribute_count; ++i) {
            const xmlChar** a = attributes + 5 * i;
            if (a[2] == nullptr && as_view(a[0]) == wanted) return as_view(a[3], a[4]);
        }
        return {};
    };
    if (name == "tbx" && ns == Namespace::tbx_v3) {
        flavour_ = Flavour::v3;
        version_ = TbxVersion::v3;
    } else if (name == "martif" && (ns == Namespace::none || ns == Namespace::tbx_v3)) {
        version_ = TbxVersion::v2008;
        flavour_ = ns == Namespace::none ? Flavour::v2008 : Flavour::v2008_in_v3_namespace;
        if (ns == Namespace::tbx_v3)
            error(pos, "tbx.flavour.martif-in-v3-namespace",
                  "<martif> is TBX 2008, but it is in the TBX v3 namespace " + std::string(tbx_v3_namespace),
                  "remove the xmlns attribute for TBX 2008, or convert to TBX v3 with 'ilo-tbx import'");
    } else if (name == "TBX" && ns == Namespace::none) {
        flavour_ = Flavour::pre_iso_min;
        declared_type_ = std::string(attribute("dialect"));
        error(pos, "tbx.flavour.pre-iso-min",
              "<TBX> is the pre-ISO TBX-Min of 2013, which no TBX standard or schema covers",
              "convert it to TBX v3 TBX-Min with 'ilo-tbx import'");
        return;
    } else {
        error(pos, "structure.root",
              "the root element is <" + std::string(name) + ">" +
                  (uri ? " in namespace " + std::string(as_view(uri)) : std::string()) +
                  "; a TBX file starts with <tbx> (v3) or <martif> (2008)",
              "TBX v3 needs <tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" ...>");
        return;
    }
    declared_type_ = std::string(attribute("type"));
    dct_ = version_ == TbxVersion::v3 && attribute("style") == "dct";
    if (declared_type_ == "TBX-Basic")
        dialect_ = Dialect::basic;
    else if (declared_type_ == "TBX-Min")
        dialect_ = Dialect::min;
    else if (declared_type_ == "TBX-Core")
        dialect_ = Dialect::core;
    else
        dialect_ = Dialect::other;
    if (version_ == TbxVersion::v3)
        rule_set_ = dialect_ == Dialect::basic ? basic_v3 : dialect_ == Dialect::min ? min_v3 : 0;
    else
        rule_set_ = dialect_ == Dialect::basic ? basic_2008 : 0;
}

// Without entity substitution (which stays off: no entity is ever expanded), libxml2 hands SAX an attribute
// value with each '&' (written &amp; or &#38;) as the five characters "&#38;", keeping it for a tree it does not
// build here. A raw '&' cannot occur in a value, so "&#38;" always stands for one '&', and every check and
// message must see that '&': "https://x.org/?a=1&amp;b=2#top" has one '#', not two.
const xmlChar** Validator::with_ampersands_restored(int attribute_count, const xmlChar** attributes) {
    constexpr std::string_view escaped = "&#38;";
    bool any = false;
    for (int i = 0; i < attribute_count && !any; ++i) {
        const xmlChar* const* attribute = attributes + 5 * i;
        any = as_view(attribute[3], attribute[4]).find('&') != std::string_view::npos;
    }
    if (!any) return attributes;
    const auto count = static_cast<std::size_t>(attribute_count);
    restored_values_.assign(count, std::string());
    restored_attributes_.assign(attributes, attributes + 5 * count);
    for (std::size_t i = 0; i < count; ++i) {
        std::string_view value = as_view(attributes[5 * i + 3], attributes[5 * i + 4]);
        if (value.find('&') == std::string_view::npos) continue;
        std::string& restored = restored_values_[i];
        for (std::size_t at = 0; at < value.size();) {
            if (value.compare(at, escaped.size(), escaped) == 0) {
                restored += '&';
                at += escaped.size();
            } else {
                restored += value[at++];
            }
        }
        const auto* begin = reinterpret_cast<const xmlChar*>(restored.data());
        restored_attributes_[5 * i + 3] = begin;
        restored_attributes_[5 * i + 4] = begin + restored.size();
    }
    return restored_attributes_.data();
}

void Validator::start(const xmlChar* local_name, const xmlChar* uri, int attribute_count,
                      const xmlChar** attributes) {
    if (refuses_element(attribute_count, attributes)) return;
    attributes = with_ampersands_restored(attribute_count, attributes);
    if (stack_.empty()) {
        start_root(local_name, uri, attribute_count, attributes);
        if (options_.root_only) {
            stopped_ = true;
            xmlStopParser(context_);
            return;
        }
        if (flavour_ == Flavour::unknown || flavour_ == Flavour::pre_iso_min) {
            Frame frame;
            frame.opaque = true;
            stack_.push_back(frame);
            return;
        }
    }
    Frame* parent = stack_.empty() ? nullptr : &stack_.back();
    if (parent && parent->opaque) {
        Frame frame;
        frame.opaque = true;
        // Text inside a DCT data category still belongs to its value.
        frame.collect_text = parent->collect_text;
        frame.rule = parent->rule;
        stack_.push_back(frame);
        return;
    }

    Namespace ns = namespace_of(uri);
    Namespace expected = version_ == TbxVersion::v3 ? Namespace::tbx_v3 : Namespace::none;
    if (flavour_ == Flavour::v2008_in_v3_namespace) expected = Namespace::tbx_v3;
    Element element = ns == expected ? element_of(local_name) : E::foreign_namespace;

    local_name_ = local_name;
    Frame frame;
    frame.element = element;
    frame.pos = start_point();
    frame.model = element == E::foreign_namespace ? nullptr : content_model(version_, element);

    if (options_.check_structure && parent && parent->model) {
        if (!accept_child(*parent, element, frame.pos)) {
            // The parent's report covers it; do not also report its content.
            frame.model = nullptr;
        }
    }
    if (options_.check_structure && !frame.model && element != E::foreign_namespace && parent && parent->model &&
        element == E::unknown) {
        // accept_child has reported it as unexpected: nothing more to say.
    }

    if (element == E::conceptEntry || element == E::termEntry) {
        ++concepts_;
        concept_id_.clear();
        language_.clear();
    }
    if (element == E::back || element == E::tbxHeader || element == E::martifHeader) ++back_or_header_depth_;

    if (element == E::foreign_namespace) {
        frame.opaque = true;
        if (version_ == TbxVersion::v3) check_dct_element(frame, as_view(local_name), ns, attribute_count, attributes);
        stack_.push_back(frame);
        return;
    }
    if (!frame.model) {
        frame.opaque = true;
        stack_.push_back(frame);
        return;
    }
    stack_.push_back(frame);
    check_attributes(stack_.back(), attribute_count, attributes);
}

bool Validator::accept_child(Frame& parent, Element child, const Position& pos) {
    const ContentModel& model = *parent.model;
    if (parent.content_reported) {
        // After one misplaced child the slot position is a guess; accept quietly
        // what fits anywhere in the model, and do not report the rest again.
        for (const Slot& slot : model.slots)
            if (slot.allowed & bit(child)) return true;
        return false;
    }
    std::span<const Slot> slots = model.slots;
    std::uint8_t slot = parent.slot;
    std::uint8_t in_slot = parent.in_slot;
    // Stay in the current slot while it has room, else move on past slots that
    // are satisfied, as the (deterministic) TBX content models allow.
    while (slot < slots.size()) {
        const Slot& current = slots[slot];
        if ((current.allowed & bit(child)) && (current.max == many || in_slot < current.max)) {
            parent.slot = slot;
            parent.in_slot = static_cast<std::uint8_t>(in_slot == many ? many : in_slot + 1);
            return true;
        }
        if (in_slot < current.min) break;
        ++slot;
        in_slot = 0;
    }
    // What would have been accepted at this point, for the hint.
    ElementSet expected = 0;
    slot = parent.slot;
    in_slot = parent.in_slot;
    while (slot < slots.size()) {
        const Slot& current = slots[slot];
        if (current.max == many || in_slot < current.max) expected |= current.allowed;
        if (in_slot < current.min) break;
        ++slot;
        in_slot = 0;
    }
    std::string parent_name(element_name(model.element));
    std::string child_name(element_name(child));
    if (child == E::unknown) child_name = "an unknown element";
    if (child == E::foreign_namespace) {
        parent.content_reported = true;
        error(pos, "structure.content",
              "an element of another namespace is not allowed here in <" + parent_name + ">",
              version_ == TbxVersion::v3 ? "DCT data categories may stand only where admin, descrip, termNote, ref, "
                                           "xref, transac or their notes may"
                                         : "TBX 2008 allows no elements of other namespaces");
        return false;
    }
    std::string where = slots.empty() ? "<" + parent_name + "> has no child elements"
                                      : "<" + child_name + "> is not allowed here in <" + parent_name + ">";
    if (child == E::unknown)
        where = "<" + std::string(as_view(local_name_)) + "> is not a TBX element (in <" + parent_name + ">)";
    std::string hint = expected ? "expected " + element_names(expected & ~bit(E::foreign_namespace)) +
                                      (expected & bit(E::foreign_namespace) ? " (or a DCT element)" : "")
                                : "no more child elements may follow here";
    error(pos, "structure.content", where, hint);
    parent.content_reported = true;
    return false;
}

void Validator::check_missing_children(const Frame& frame) {
    if (frame.content_reported) return;
    std::span<const Slot> slots = frame.model->slots;
    std::uint8_t slot = frame.slot;
    std::uint8_t in_slot = frame.in_slot;
    for (; slot < slots.size(); ++slot, in_slot = 0) {
        if (in_slot >= slots[slot].min) continue;
        std::string parent_name(element_name(frame.model->element));
        error(frame.pos, "structure.content",
              "<" + parent_name + "> lacks a required " + element_names(slots[slot].allowed & ~bit(E::foreign_namespace)),
              "add it where the content model expects it");
        return;
    }
}

void Validator::check_attributes(Frame& frame, int attribute_count, const xmlChar** attributes) {
    const ContentModel& model = *frame.model;
    std::uint32_t seen = 0;  // bit i: model.attributes[i] present
    std::string_view type_value;
    bool has_type = false;
    for (int i = 0; i < attribute_count; ++i) {
        const xmlChar** a = attributes + 5 * i;
        std::string_view local = as_view(a[0]);
        std::string_view value = as_view(a[3], a[4]);
        Namespace ns = namespace_of(a[2]);
        // The name as the content model spells it ("xml:lang"), compared without building it.
        auto is_named = [&](std::string_view spec_name) {
            if (ns != Namespace::xml) return spec_name == local;
            return spec_name.size() == local.size() + 4 && spec_name.starts_with("xml:") && spec_name.substr(4) == local;
        };
        if (ns == Namespace::xml && local == "lang") {
            if (model.element == E::langSec || model.element == E::langSet) language_.assign(value);
            check_language(value, frame.pos);
        }
        const AttributeSpec* spec = nullptr;
        if (ns == Namespace::none || ns == Namespace::xml) {
            for (std::size_t s = 0; s < model.attributes.size(); ++s) {
                if (is_named(model.attributes[s].name)) {
                    spec = &model.attributes[s];
                    seen |= 1u << s;
                    break;
                }
            }
        }
        if (ns == Namespace::none && local == "type") {
            has_type = true;
            type_value = value;
        }
        if (!spec) {
            std::string name = ns == Namespace::xml ? "xml:" + std::string(local) : std::string(local);
            if (options_.check_structure)
                error(frame.pos, "structure.attribute",
                      "attribute " + (a[2] && ns != Namespace::xml ? "{" + std::string(as_view(a[2])) + "}" : std::string()) +
                          name + " is not allowed on <" + std::string(element_name(model.element)) + ">",
                      "remove it");
            continue;
        }
        switch (spec->type) {
            case AttributeType::id:
                if (!is_ncname(value)) {
                    error(frame.pos, "integrity.id.syntax", "id \"" + std::string(value) + "\" is not a valid XML name",
                          "ids start with a letter or '_' and hold letters, digits, '-', '_' or '.'");
                } else if (!ids_.insert(value)) {
                    error(frame.pos, "integrity.id.duplicate", "id \"" + std::string(value) + "\" is used twice",
                          "give every element its own id");
                }
                if (model.element == E::conceptEntry || model.element == E::termEntry) concept_id_.assign(value);
                break;
            case AttributeType::idref:
                check_target(value, frame.pos, "integrity.target.dangling");
                break;
            case AttributeType::uri:
                if (!is_any_uri(value))
                    error(frame.pos, "integrity.xref.url",
                          "xref target \"" + std::string(value) + "\" is not a URI reference (xsd:anyURI)",
                          "escape '%' as %25 and '#' after the first as %23, and start a scheme with a letter, "
                          "e.g. https://example.org/page");
                break;
            case AttributeType::enumerated: {
                bool known = false;
                for (std::string_view allowed : spec->values) known = known || allowed == value;
                if (!known && options_.check_structure)
                    error(frame.pos, "structure.attribute",
                          std::string(spec->name) + "=\"" + std::string(value) + "\" is not allowed on <" +
                              std::string(element_name(model.element)) + ">",
                          "use one of " + joined(spec->values));
                break;
            }
            case AttributeType::tbx_type:
                if ((value.size() < 5 || !value.starts_with("TBX-")) && options_.check_structure)
                    error(frame.pos, "structure.attribute",
                          "type=\"" + std::string(value) + "\" does not name a TBX dialect",
                          "use e.g. TBX-Basic, TBX-Min or TBX-Core");
                break;
            case AttributeType::any:
            case AttributeType::language:
            case AttributeType::date_or_datetime:
                break;
        }
    }
    for (std::size_t s = 0; s < model.attributes.size(); ++s) {
        if (!model.attributes[s].required || (seen & (1u << s))) continue;
        if (model.attributes[s].name == "xml:lang")
            error(frame.pos, "integrity.lang.missing",
                  "<" + std::string(element_name(model.element)) + "> has no xml:lang",
                  "add xml:lang with a BCP 47 tag, e.g. xml:lang=\"en\"");
        else if (options_.check_structure)
            error(frame.pos, "structure.attribute",
                  "<" + std::string(element_name(model.element)) + "> lacks the required attribute " +
                      std::string(model.attributes[s].name),
                  "add it");
    }
    if (has_type) check_data_category(frame, type_value);
}

Carrier carrier_of(Element element, bool& is_carrier) {
    is_carrier = true;
    switch (element) {
        case E::admin: return Carrier::admin;
        case E::descrip: return Carrier::descrip;
        case E::ref: return Carrier::ref;
        case E::termNote: return Carrier::termNote;
        case E::transac: return Carrier::transac;
        case E::transacNote: return Carrier::transacNote;
        case E::xref: return Carrier::xref;
        default: is_carrier = false; return Carrier::admin;
    }
}

void Validator::check_data_category(Frame& frame, std::string_view type) {
    if (version_ == TbxVersion::v3 && type.empty() && frame.element != E::tbx) {
        error(frame.pos, "core.type.empty", "<" + std::string(element_name(frame.element)) + "> has an empty type",
              "name its data category in type");
        return;
    }
    // TBX-Core has no modules, so its DCT files look like its DCA files (tbxinfo.net, "TBX Dialects").
    if (dct_ && dialect_ != Dialect::core && stack_.size() > 1 && back_or_header_depth_ == 0 &&
        frame.element != E::tbx) {
        error(frame.pos, rule_id("dct.dca-element"),
              "<" + std::string(element_name(frame.element)) + " type=\"" + std::string(type) +
                  "\"> is DCA style, which a DCT file may not use",
              "write the data category as its own element, e.g. <basic:" + std::string(type) + ">");
        return;
    }
    bool is_carrier = false;
    Carrier carrier = carrier_of(frame.element, is_carrier);
    if (!is_carrier || rule_set_ == 0 || dct_) return;
    const DataCategoryRule* rule = find_rule(rule_set_, carrier, type);
    if (!rule) {
        std::string carrier_text(carrier_name(carrier));
        error(frame.pos, rule_id(carrier_text + ".type"),
              carrier_text + " type \"" + std::string(type) + "\" is not a " + dialect_label() + " data category",
              "use one of " + allowed_categories(rule_set_, carrier));
        return;
    }
    if (!level_allowed(*rule, stack_.size() - 1))
        error(frame.pos, rule_id(std::string(carrier_name(carrier)) + ".level"),
              std::string(type) + " may not appear here",
              "put it at " + level_names(rule->levels, version_ == TbxVersion::v3) + " level");
    if (!rule->picklist.empty()) {
        frame.collect_text = true;
        frame.rule = rule;
        value_.clear();
    }
}

// Whether the element at stack_[depth] sits where `rule` lets its category sit.
bool Validator::level_allowed(const DataCategoryRule& rule, std::size_t depth) const {
    if (depth == 0) return false;
    auto level_of = [&](Element element) -> std::uint8_t {
        switch (element) {
            case E::conceptEntry: case E::termEntry: return at_concept;
            case E::langSec: case E::langSet: return at_language;
            case E::termSec: case E::tig: case E::ntig: case E::termGrp: return at_term;
            default: return 0;
        }
    };
    Element parent = stack_[depth - 1].element;
    if (std::uint8_t level = level_of(parent)) return (rule.levels & level) != 0;
    if (depth < 2) return false;
    Element grandparent = stack_[depth - 2].element;
    std::uint8_t level = level_of(grandparent);
    if (!level) return false;
    bool group_ok = false;
    switch (rule.via) {
        case Via::direct: group_ok = false; break;
        case Via::own_group:
            group_ok = (rule.carrier == Carrier::admin && parent == E::adminGrp) ||
                       (rule.carrier == Carrier::descrip && parent == E::descripGrp) ||
                       (rule.carrier == Carrier::termNote && parent == E::termNoteGrp) ||
                       ((rule.carrier == Carrier::transac || rule.carrier == Carrier::transacNote) &&
                        parent == E::transacGrp);
            break;
        case Via::group_except_transac:
            group_ok = parent == E::adminGrp || parent == E::descripGrp || parent == E::termNoteGrp ||
                       parent == E::itemGrp;
            break;
        case Via::any_group:
            group_ok = parent == E::adminGrp || parent == E::descripGrp || parent == E::termNoteGrp ||
                       parent == E::transacGrp || parent == E::itemGrp || parent == E::termCompGrp;
            break;
    }
    return group_ok && (rule.levels & level) != 0;
}

void Validator::check_dct_element(Frame& frame, std::string_view local_name, Namespace ns, int attribute_count,
                                  const xmlChar** attributes) {
    if (rule_set_ == 0 && dialect_ == Dialect::other) return;
    std::string name(local_name);
    if (!dct_) {
        error(frame.pos, rule_id(dialect_ == Dialect::core ? "foreign" : "dca.foreign"),
              "<" + name + "> of another namespace is not allowed in a " + dialect_label() + " DCA file",
              dialect_ == Dialect::core ? "TBX-Core allows no elements of other namespaces"
                                        : "write it as a DCA element, e.g. <descrip type=\"" + name + "\">");
        return;
    }
    std::string_view module = ns == Namespace::basic ? "basic" : ns == Namespace::min ? "min" : "";
    const DataCategoryRule* rule = module.empty() ? nullptr : find_dct_rule(rule_set_, module, local_name);
    if (!rule) {
        error(frame.pos, rule_id("dct.element"),
              "<" + (module.empty() ? std::string() : std::string(module) + ":") + name + "> is not a " +
                  dialect_label() + " data category",
              "use the elements of the " + std::string(dialect_ == Dialect::min ? "min" : "basic and min") +
                  " modules: " + allowed_categories(rule_set_, Carrier::termNote) + " (termNote), ...");
        return;
    }
    std::string carrier_text(carrier_name(rule->carrier));
    if (!level_allowed(*rule, stack_.size()))
        error(frame.pos, rule_id(carrier_text + ".level"), name + " may not appear here",
              "put it at " + level_names(rule->levels, true) + " level");
    std::string_view target;
    bool has_target = false;
    for (int i = 0; i < attribute_count; ++i) {
        const xmlChar** a = attributes + 5 * i;
        if (a[2] == nullptr && as_view(a[0]) == "target") {
            target = as_view(a[3], a[4]);
            has_target = true;
        }
    }
    switch (rule->target) {
        case TargetRule::none: break;
        case TargetRule::internal_required:
        case TargetRule::internal_optional:
            if (has_target)
                check_target(target, frame.pos, "integrity.target.dangling");
            else if (rule->target == TargetRule::internal_required)
                error(frame.pos, rule_id(carrier_text + ".target"), name + " needs a target",
                      "add target=\"ID\" naming the entry it points to");
            break;
        case TargetRule::external_http_required:
            if (!has_target || !(target.starts_with("http://") || target.starts_with("https://")) ||
                target.size() <= target.find("//") + 2)
                error(frame.pos, rule_id(carrier_text + ".target"),
                      name + (has_target ? " target \"" + std::string(target) + "\" is not an http(s) URL"
                                         : " needs a target URL"),
                      "use target=\"https://...\"");
            break;
    }
    if (!rule->picklist.empty()) {
        frame.collect_text = true;
        frame.rule = rule;
        frame.dct_value = true;
        value_.clear();
    }
}

void Validator::check_target(std::string_view target, const Position& pos, std::string rule) {
    if (ids_.contains(target)) return;
    pending_targets_.push_back({std::string(target), pos, concept_id_, language_, std::move(rule)});
}

void Validator::check_language(std::string_view tag, const Position& pos) {
    auto found = language_cache_.find(std::string(tag));
    bool valid = false;
    if (found != language_cache_.end()) {
        valid = found->second;
    } else {
        valid = is_bcp47_tag(tag);
        if (language_cache_.size() < 4096) language_cache_.emplace(std::string(tag), valid);
    }
    if (!valid)
        error(pos, "integrity.lang.invalid", "xml:lang=\"" + std::string(tag) + "\" is not a BCP 47 language tag",
              "use a tag such as en, pt-BR or sr-Latn");
}

void Validator::text(std::string_view text) {
    if (stack_.empty() || stopped_) return;
    Frame& frame = stack_.back();
    if (frame.collect_text) value_.append(text);
    if (frame.opaque || !frame.model || !options_.check_structure) return;
    TextRule rule = frame.model->text;
    if (rule == TextRule::mixed || rule == TextRule::text_only) {
        if (frame.model->date_content) value_.append(text);
        return;
    }
    if (frame.text_reported || all_space(text)) return;
    frame.text_reported = true;
    // Where the run of text begins: libxml2 hands text on in pieces whose ends depend on how the input came.
    error(text_begin_, "structure.text", "<" + std::string(element_name(frame.model->element)) + "> may not hold text",
          "put the text in a child element");
}

void Validator::check_value(const Frame& frame) {
    const DataCategoryRule& rule = *frame.rule;
    std::string value = frame.dct_value ? collapsed(value_) : value_;
    for (std::string_view allowed : rule.picklist)
        if (allowed == value) return;
    std::string carrier_text(carrier_name(rule.carrier));
    if (!frame.dct_value && version_ == TbxVersion::v3 && !rule.picklist_enforced_in_dca) {
        if (stopped_) return;
        Diagnostic warning;
        warning.severity = Severity::warning;
        warning.pos = at(frame.pos);
        warning.code = rule_id(carrier_text + ".picklist");
        warning.message = std::string(rule.category) + " \"" + value + "\" is not in the " + dialect_label() + " picklist";
        warning.hint = "use one of " + joined(rule.picklist) + " (the published DCA Schematron does not enforce this)";
        warning.concept_id = concept_id_;
        warning.language = language_;
        diagnostics_.add(std::move(warning));
        return;
    }
    error(frame.pos, rule_id(carrier_text + ".picklist"),
          std::string(rule.category) + " \"" + value + "\" is not allowed", "use one of " + joined(rule.picklist));
}

void Validator::end() {
    if (stack_.empty()) return;
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.opaque && frame.element != E::foreign_namespace) {
        if (frame.element == E::back || frame.element == E::tbxHeader || frame.element == E::martifHeader)
            --back_or_header_depth_;
        return;
    }
    if (frame.collect_text && frame.rule) {
        check_value(frame);
        value_.clear();
    }
    if (!frame.model) return;
    if (options_.check_structure) {
        check_missing_children(frame);
        if (frame.model->date_content) {
            std::string value = collapsed(value_);
            if (!is_xsd_date_or_datetime(value))
                error(frame.pos, "structure.datatype", "date \"" + value + "\" is not an xs:date or xs:dateTime",
                      "write it as YYYY-MM-DD or YYYY-MM-DDThh:mm:ss");
            value_.clear();
        }
    }
    if (frame.element == E::back || frame.element == E::tbxHeader || frame.element == E::martifHeader)
        --back_or_header_depth_;
    if (frame.element == E::langSec || frame.element == E::langSet) language_.clear();
    if (frame.element == E::conceptEntry || frame.element == E::termEntry) concept_id_.clear();
}

void Validator::finish() {
    if (not_well_formed_) return;
    for (PendingTarget& pending : pending_targets_) {
        if (ids_.contains(pending.target)) continue;
        std::string saved_concept = std::move(concept_id_);
        std::string saved_language = std::move(language_);
        concept_id_ = pending.concept_id;
        language_ = pending.language;
        bool looks_like_url = pending.target.find("://") != std::string::npos;
        error(pending.pos, pending.rule, "target \"" + pending.target + "\" names no id in this file",
              looks_like_url ? "a URL belongs in an xref; ref and other targets name an id"
                             : "add an element with id=\"" + pending.target + "\" or fix the target");
        concept_id_ = std::move(saved_concept);
        language_ = std::move(saved_language);
    }
    pending_targets_.clear();
}

xmlSAXHandler Validator::handler() {
    xmlSAXHandler sax;
    std::memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.ignorableWhitespace = on_text;
    sax.serror = on_error;
    sax.getEntity = on_get_entity;
    sax.getParameterEntity = on_get_parameter_entity;
    return sax;
}

NativeResult Validator::result() {
    NativeResult result;
    result.flavour = flavour_;
    result.dialect = dialect_;
    result.declared_type = declared_type_;
    result.dct = dct_;
    result.concepts = concepts_;
    result.stopped_early = reached_max_errors_ && !not_well_formed_;
    if (not_well_formed_)
        result.verdict = Verdict::not_well_formed;
    else
        result.verdict = errors_ > 0 ? Verdict::invalid : Verdict::valid;
    return result;
}

// No XML_PARSE_HUGE: libxml2's own limits (10 MB per text node or attribute value,
// depth 256) stay on, so hostile input is cut short even before our own limits.
constexpr int parser_options = XML_PARSE_NONET | XML_PARSE_NOXINCNODE;

NativeResult Validator::run_file(const std::string& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) {
        diagnostics_.error({file_, 0, 0}, "io.read", "cannot open the file: " + std::string(std::strerror(errno)));
        return NativeResult{};
    }
    std::vector<char> buffer(256 * 1024);
    std::size_t count = 0;
    while (!done_pushing() && (count = std::fread(buffer.data(), 1, buffer.size(), file.get())) > 0) {
        if (options_.on_read) options_.on_read(count);
        feed({buffer.data(), count});
    }
    if (std::ferror(file.get())) {
        diagnostics_.error({file_, 0, 0}, "io.read", "cannot read the file: " + std::string(std::strerror(errno)));
        context_holder_.reset();
        context_ = nullptr;
        return NativeResult{};
    }
    return end_feed();
}

NativeResult Validator::run_memory(std::string_view document) {
    constexpr std::size_t chunk = 256 * 1024;
    for (std::size_t offset = 0; offset < document.size() && !done_pushing(); offset += chunk)
        feed(document.substr(offset, std::min(chunk, document.size() - offset)));
    return end_feed();
}

void Validator::feed(std::string_view bytes) {
    if (started_) {
        push(bytes);
        return;
    }
    if (failed_to_start_) return;
    prolog_.append(bytes);
    if (prolog_.size() < 4) return;  // the bytes that tell the encoding
    if (root_start(prolog_) == std::string_view::npos && prolog_.size() < max_held_prolog) return;
    std::string held;
    held.swap(prolog_);
    begin_push(held);
}

bool Validator::begin_push(std::string_view prolog) {
    initialise_libxml2();
    started_ = true;
    sax_ = handler();
    (void)take_libxml2_messages();  // what an earlier parse on this thread left
    transcoder_ = PieceTranscoder::for_xml_prolog(prolog);
    // The first four bytes, which tell the encoding, create the parser; a transcoded document is UTF-8 by then.
    std::string_view first = prolog;
    if (transcoder_) {
        transcoder_->decode(prolog, false, decoded_);  // bytes it cannot decode are reported below
        first = decoded_;
    }
    const std::string_view first_bytes = first.substr(0, std::min<std::size_t>(4, first.size()));
    context_holder_.reset(xmlCreatePushParserCtxt(&sax_, nullptr, first_bytes.empty() ? nullptr : first_bytes.data(),
                                                  static_cast<int>(first_bytes.size()), file_.c_str()));
    if (!context_holder_) {
        failed_to_start_ = true;
        diagnostics_.error({file_, 0, 0}, "io.read", "cannot start the XML parser");
        return false;
    }
    context_ = context_holder_.get();
    context_->_private = this;
    xmlCtxtUseOptions(context_, parser_options | (transcoder_ ? XML_PARSE_IGNORE_ENC : 0));
    if (!transcoder_) {
        push(prolog.substr(first_bytes.size()));
        return true;
    }
    const bool decoded = transcoder_->error_name().empty();
    push_decoded(std::string_view(decoded_).substr(first_bytes.size()));
    decoded_.clear();
    check_transcoding(decoded);
    return true;
}

void Validator::push(std::string_view bytes) {
    if (!context_ || done_pushing() || bytes.empty()) return;
    if (!transcoder_) {
        check_decoding(xmlParseChunk(context_, bytes.data(), static_cast<int>(bytes.size()), 0));
        return;
    }
    decoded_.clear();
    const bool decoded = transcoder_->decode(bytes, false, decoded_);
    push_decoded(decoded_);
    check_transcoding(decoded);
}

void Validator::push_decoded(std::string_view utf8) {
    if (!context_ || done_pushing() || utf8.empty()) return;
    check_decoding(xmlParseChunk(context_, utf8.data(), static_cast<int>(utf8.size()), 0));
}

// Bytes ICU cannot decode end the document where they are, with the TBX reader's message and position.
void Validator::check_transcoding(bool decoded) {
    if (decoded || not_well_formed_) return;
    not_well_formed_ = true;
    diagnostics_.error({file_, transcoder_->line(), transcoder_->column()}, "encoding.invalid",
                       transcoder_->error_message());
}

// Bytes libxml2 cannot decode halt its parser without a word to the SAX handler, and the document would have
// passed as far as it got: that is an error, and the document is not read as XML beyond it.
void Validator::check_decoding(int status) {
    if (!is_encoding_failure(take_libxml2_messages()) && status != XML_ERR_INVALID_ENCODING) return;
    if (not_well_formed_) return;
    not_well_formed_ = true;
    const char* encoding = context_ && context_->encoding ? reinterpret_cast<const char*>(context_->encoding) : nullptr;
    diagnostics_.error(current_position(), "encoding.invalid",
                       std::string("bytes that are not valid ") + (encoding ? encoding : "in the declared encoding") +
                           " near here; expected text in the document's declared encoding");
}

NativeResult Validator::end_feed() {
    if (!started_ && !failed_to_start_) {
        std::string held;
        held.swap(prolog_);
        begin_push(held);
    }
    if (!context_) return NativeResult{};
    if (transcoder_ && !done_pushing()) {
        decoded_.clear();
        const bool decoded = transcoder_->decode({}, true, decoded_);
        push_decoded(decoded_);
        check_transcoding(decoded);
    }
    if (!stopped_ && !not_well_formed_) check_decoding(xmlParseChunk(context_, nullptr, 0, 1));
    if (!stopped_ && !not_well_formed_ && !context_->wellFormed) {
        not_well_formed_ = true;
        diagnostics_.error(current_position(), "xml.not-well-formed", "the document is not well-formed XML");
    }
    if (!stopped_) finish();
    context_holder_.reset();
    context_ = nullptr;
    return result();
}

}  // namespace

NativeResult validate_native_file(const std::string& path, const std::string& display_name,
                                  const NativeOptions& options, Diagnostics& diagnostics) {
    Validator validator(display_name, options, diagnostics);
    return validator.run_file(path);
}

NativeResult validate_native(std::string_view document, const std::string& display_name,
                             const NativeOptions& options, Diagnostics& diagnostics) {
    Validator validator(display_name, options, diagnostics);
    return validator.run_memory(document);
}

class NativeStreamValidator::Impl {
public:
    Impl(const std::string& display_name, const NativeOptions& options, Diagnostics& diagnostics)
        : validator(display_name, options, diagnostics) {
        initialise_libxml2();  // on the constructing thread, whichever thread feeds
    }

    Validator validator;
    bool finished = false;
};

NativeStreamValidator::NativeStreamValidator(const std::string& display_name, const NativeOptions& options,
                                             Diagnostics& diagnostics)
    : impl_(std::make_unique<Impl>(display_name, options, diagnostics)) {}

NativeStreamValidator::~NativeStreamValidator() = default;

void NativeStreamValidator::feed(std::string_view bytes) {
    if (impl_->finished || impl_->validator.done_pushing()) return;
    impl_->validator.feed(bytes);
}

NativeResult NativeStreamValidator::finish() {
    if (impl_->finished) return NativeResult{};
    impl_->finished = true;
    return impl_->validator.end_feed();
}

std::string_view flavour_name(Flavour flavour) {
    switch (flavour) {
        case Flavour::v3: return "TBX v3 (ISO 30042:2019)";
        case Flavour::v2008: return "TBX 2008 (martif)";
        case Flavour::v2008_in_v3_namespace: return "martif in the TBX v3 namespace";
        case Flavour::pre_iso_min: return "pre-ISO TBX-Min";
        case Flavour::unknown: return "not TBX";
    }
    return "not TBX";
}

std::string_view verdict_name(Verdict verdict) {
    switch (verdict) {
        case Verdict::valid: return "valid";
        case Verdict::invalid: return "invalid";
        case Verdict::not_well_formed: return "not-well-formed";
        case Verdict::unreadable: return "unreadable";
    }
    return "unreadable";
}

bool is_bcp47_tag(std::string_view tag) {
    if (tag.empty() || tag.size() > 128) return false;
    for (char c : tag)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
    std::string text(tag);
    char locale[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    UErrorCode status = U_ZERO_ERROR;
    uloc_forLanguageTag(text.c_str(), locale, ULOC_FULLNAME_CAPACITY, &parsed, &status);
    return U_SUCCESS(status) && parsed == static_cast<int32_t>(text.size());
}

bool is_any_uri(std::string_view target) {
    while (!target.empty() && is_space(target.front())) target.remove_prefix(1);
    while (!target.empty() && is_space(target.back())) target.remove_suffix(1);
    // A ':' before any '/', '?' or '#' ends a scheme; a relative reference's first segment has none.
    std::size_t end_of_first = target.find_first_of(":/?#");
    if (end_of_first != std::string_view::npos && target[end_of_first] == ':') {
        if (end_of_first == 0 || !std::isalpha(static_cast<unsigned char>(target[0]))) return false;
        for (std::size_t i = 1; i < end_of_first; ++i) {
            char c = target[i];
            if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
        }
    }
    bool fragment = false;
    for (std::size_t i = 0; i < target.size(); ++i) {
        char c = target[i];
        if (c == '#') {
            if (fragment) return false;  // one fragment, and '#' is not allowed in it
            fragment = true;
        } else if (c == '%') {
            if (i + 2 >= target.size() || !std::isxdigit(static_cast<unsigned char>(target[i + 1])) ||
                !std::isxdigit(static_cast<unsigned char>(target[i + 2])))
                return false;
        }
        // Every other character is either allowed by RFC 3986 or one that XLink escapes as %XX.
    }
    return true;
}

}  // namespace ilo::validate
