// JSON reader: the documented JSON form of the model back into model values, with path-named errors.
#include "formats/json_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <istream>
#include <map>
#include <optional>

#include "formats/canonical_order.hpp"
#include "formats/json_writer.hpp"
#include "ilo_tbx/language_tag.hpp"
#include "text/line_cursor.hpp"
#include "text/text_decoding.hpp"
#include "text/unicode_text.hpp"

namespace ilo {

namespace {

using Json = nlohmann::ordered_json;

// Walks the parsed document, filling model values; every problem names the
// JSON path (e.g. /concepts/3/languages/0/terms/1/text) where it is.
class Decoder {
public:
    Decoder(const std::string& file, Diagnostics& diagnostics, bool canonical_case = true)
        : file_(file), diagnostics_(diagnostics), canonical_case_(canonical_case) {}

    bool ok() const { return !failed_; }

    // A language tag in RFC 5646's letter case ("EN-gb" -> "en-GB"), as the TBX and CSV readers give it, so that a
    // model read from JSON compares equal to itself read back from them; one not well-formed stays as written.
    void canonical_language(std::string& language) {
        if (language.empty() || !canonical_case_) return;
        auto known = language_cases_.find(language);
        if (known == language_cases_.end()) {
            LanguageTag tag = normalise_language_tag(language);
            known = language_cases_.emplace(language, tag.valid ? tag.tag : language).first;
        }
        language = known->second;
    }

    void error(const std::string& path, const std::string& message) {
        diagnostics_.error({file_, 0, 0}, "json.schema", path + ": " + message);
        failed_ = true;
    }

    // Checks `value` is an object whose keys are all in `known`; unknown keys are warnings.
    bool object(const Json& value, const std::string& path, std::initializer_list<std::string_view> known) {
        if (!value.is_object()) {
            error(path, std::string("expected an object, found ") + value.type_name());
            return false;
        }
        for (auto item = value.begin(); item != value.end(); ++item) {
            if (std::find(known.begin(), known.end(), item.key()) == known.end())
                diagnostics_.warning({file_, 0, 0}, "json.unknown-key",
                                     path + "/" + item.key() + ": unknown key, not read");
        }
        return true;
    }

    void string(const Json& object, const char* key, const std::string& path, std::string& out) {
        auto found = object.find(key);
        if (found == object.end()) return;
        string_value(*found, path + "/" + key, out);
    }
    // A value that must be a string or null, at `path`.
    void string_value(const Json& value, const std::string& path, std::string& out) {
        if (value.is_null()) return;
        if (!value.is_string()) {
            error(path, std::string("expected a string, found ") + value.type_name());
            return;
        }
        out = value.get<std::string>();
    }

    void strings(const Json& object, const char* key, const std::string& path, std::vector<std::string>& out) {
        auto found = object.find(key);
        if (found == object.end() || found->is_null()) return;
        if (!found->is_array()) {
            error(path + "/" + key, std::string("expected an array of strings, found ") + found->type_name());
            return;
        }
        for (std::size_t i = 0; i < found->size(); ++i) {
            const Json& item = (*found)[i];
            if (!item.is_string()) {
                error(path + "/" + key + "/" + std::to_string(i), std::string("expected a string, found ") + item.type_name());
                return;
            }
            out.push_back(item.get<std::string>());
        }
    }

    template <typename T, typename F>
    void list(const Json& object, const char* key, const std::string& path, std::vector<T>& out, F convert) {
        auto found = object.find(key);
        if (found == object.end() || found->is_null()) return;
        if (!found->is_array()) {
            error(path + "/" + key, std::string("expected an array, found ") + found->type_name());
            return;
        }
        for (std::size_t i = 0; i < found->size() && ok(); ++i)
            out.push_back(convert((*found)[i], path + "/" + key + "/" + std::to_string(i)));
    }

    // An extra field's level is that of what holds it: TBX says it by where the element is and reads
    // it back from there, so another level would not survive TBX. A field without one takes its holder's.
    ExtraField extra(const Json& value, const std::string& path, Level holder) {
        ExtraField field;
        if (!object(value, path, {"element", "type", "level", "value", "target", "attributes", "namespace_uri", "children"}))
            return field;
        string(value, "element", path, field.element);
        if (field.element.empty()) error(path + "/element", "expected a non-empty element name");
        string(value, "type", path, field.type);
        const std::string holder_name = level_name(holder);
        std::string level = holder_name;
        string(value, "level", path, level);
        if (level != "concept" && level != "language" && level != "term")
            error(path + "/level", "expected \"concept\", \"language\" or \"term\", found \"" + level + "\"");
        else if (level != holder_name)
            error(path + "/level",
                  "expected \"" + holder_name + "\", the level of what holds this field, found \"" + level + "\"");
        field.level = holder;
        string(value, "value", path, field.value);
        string(value, "target", path, field.target);
        list(value, "attributes", path, field.attributes, [&](const Json& item, const std::string& item_path) {
            ExtraAttribute attribute;
            if (object(item, item_path, {"name", "value"})) {
                string(item, "name", item_path, attribute.name);
                string(item, "value", item_path, attribute.value);
            }
            return attribute;
        });
        string(value, "namespace_uri", path, field.namespace_uri);
        list(value, "children", path, field.children,
             [&](const Json& item, const std::string& item_path) { return extra(item, item_path, holder); });
        return field;
    }

    std::vector<ExtraField> extras(const Json& object_value, const std::string& path, Level holder) {
        std::vector<ExtraField> out;
        list(object_value, "extra", path, out,
             [&](const Json& item, const std::string& item_path) { return extra(item, item_path, holder); });
        return out;
    }

    Transaction transaction(const Json& value, const std::string& path, Level level) {
        Transaction out;
        if (!object(value, path, {"type", "date", "responsibility", "responsibility_target", "extra"})) return out;
        string(value, "type", path, out.type);
        string(value, "date", path, out.date);
        string(value, "responsibility", path, out.responsibility);
        string(value, "responsibility_target", path, out.responsibility_target);
        out.extra = extras(value, path, level);
        return out;
    }

    std::vector<Transaction> transactions(const Json& object_value, const std::string& path, Level level) {
        std::vector<Transaction> out;
        list(object_value, "transactions", path, out,
             [&](const Json& item, const std::string& item_path) { return transaction(item, item_path, level); });
        return out;
    }

    Definition definition(const Json& value, const std::string& path, Level level) {
        Definition out;
        if (!object(value, path, {"text", "source", "context", "extra"})) return out;
        string(value, "text", path, out.text);
        string(value, "source", path, out.source);
        string(value, "context", path, out.context);
        out.extra = extras(value, path, level);
        return out;
    }

    Term term(const Json& value, const std::string& path) {
        Term out;
        if (!object(value, path, {"text", "id", "term_type", "administrative_status", "part_of_speech",
                                  "grammatical_gender", "geographical_usage", "context", "context_source", "notes",
                                  "source", "transactions", "extra"}))
            return out;
        string(value, "text", path, out.text);
        string(value, "id", path, out.id);
        string(value, "term_type", path, out.term_type);
        string(value, "administrative_status", path, out.administrative_status);
        string(value, "part_of_speech", path, out.part_of_speech);
        string(value, "grammatical_gender", path, out.grammatical_gender);
        string(value, "geographical_usage", path, out.geographical_usage);
        string(value, "context", path, out.context);
        string(value, "context_source", path, out.context_source);
        strings(value, "notes", path, out.notes);
        string(value, "source", path, out.source);
        out.transactions = transactions(value, path, Level::term_level);
        out.extra = extras(value, path, Level::term_level);
        return out;
    }

    LanguageSection language(const Json& value, const std::string& path) {
        LanguageSection out;
        if (!object(value, path, {"language", "definitions", "notes", "terms", "transactions", "extra"})) return out;
        string(value, "language", path, out.language);
        canonical_language(out.language);
        list(value, "definitions", path, out.definitions, [&](const Json& item, const std::string& item_path) {
            return definition(item, item_path, Level::language_level);
        });
        strings(value, "notes", path, out.notes);
        list(value, "terms", path, out.terms, [&](const Json& item, const std::string& item_path) { return term(item, item_path); });
        out.transactions = transactions(value, path, Level::language_level);
        out.extra = extras(value, path, Level::language_level);
        return out;
    }

    Concept concept_value(const Json& value, const std::string& path) {
        Concept out;
        if (!object(value, path, {"id", "subject_field", "definitions", "notes", "relations", "origin_url", "languages",
                                  "transactions", "extra"}))
            return out;
        string(value, "id", path, out.id);
        string(value, "subject_field", path, out.subject_field);
        list(value, "definitions", path, out.definitions, [&](const Json& item, const std::string& item_path) {
            return definition(item, item_path, Level::concept_level);
        });
        strings(value, "notes", path, out.notes);
        list(value, "relations", path, out.relations, [&](const Json& item, const std::string& item_path) {
            Relation relation;
            if (!object(item, item_path, {"kind", "label", "target", "type"})) return relation;
            std::string kind = "related";
            string(item, "kind", item_path, kind);
            if (kind == "related") relation.kind = RelationKind::related;
            else if (kind == "broader") relation.kind = RelationKind::broader;
            else if (kind == "narrower") relation.kind = RelationKind::narrower;
            else error(item_path + "/kind", "expected \"related\", \"broader\" or \"narrower\", found \"" + kind + "\"");
            string(item, "label", item_path, relation.label);
            string(item, "target", item_path, relation.target);
            string(item, "type", item_path, relation.type);
            return relation;
        });
        string(value, "origin_url", path, out.origin_url);
        list(value, "languages", path, out.languages,
             [&](const Json& item, const std::string& item_path) { return language(item, item_path); });
        out.transactions = transactions(value, path, Level::concept_level);
        out.extra = extras(value, path, Level::concept_level);
        return out;
    }

    TermBaseHeader header(const Json& value, const std::string& path) {
        TermBaseHeader out;
        if (!object(value, path, {"title", "source_description", "source_language", "paragraphs", "back_matter"})) return out;
        string(value, "title", path, out.title);
        string(value, "source_description", path, out.source_description);
        string(value, "source_language", path, out.source_language);
        canonical_language(out.source_language);
        list(value, "paragraphs", path, out.paragraphs, [&](const Json& item, const std::string& item_path) {
            HeaderParagraph paragraph;
            if (!object(item, item_path, {"section", "type", "text", "group"})) return paragraph;
            string(item, "section", item_path, paragraph.section);
            string(item, "type", item_path, paragraph.type);
            string(item, "text", item_path, paragraph.text);
            if (auto group = item.find("group"); group != item.end()) {
                if (group->is_number_unsigned() && group->get<std::uint64_t>() <= 0xFFFFFFFFu)
                    paragraph.group = static_cast<std::uint32_t>(group->get<std::uint64_t>());
                else
                    error(item_path + "/group", "expected a non-negative integer");
            }
            return paragraph;
        });
        list(value, "back_matter", path, out.back_matter, [&](const Json& item, const std::string& item_path) {
            RefObjectSection section;
            if (!object(item, item_path, {"type", "objects"})) return section;
            string(item, "type", item_path, section.type);
            list(item, "objects", item_path, section.objects, [&](const Json& ref, const std::string& ref_path) {
                RefObject object_value;
                if (!object(ref, ref_path, {"id", "items"})) return object_value;
                string(ref, "id", ref_path, object_value.id);
                list(ref, "items", ref_path, object_value.items, [&](const Json& entry, const std::string& entry_path) {
                    RefObjectItem kept;
                    if (object(entry, entry_path, {"type", "value"})) {
                        string(entry, "type", entry_path, kept.type);
                        string(entry, "value", entry_path, kept.value);
                    }
                    return kept;
                });
                return object_value;
            });
            return section;
        });
        return out;
    }

private:
    const std::string& file_;
    Diagnostics& diagnostics_;
    bool failed_ = false;
    bool canonical_case_ = true;
    std::map<std::string, std::string, std::less<>> language_cases_;  // a few dozen tags, met once per section
};

}  // namespace

namespace {

// Builds one JSON value from parser events, as nlohmann's own DOM parser does (a repeated key keeps its last value).
class ValueBuilder {
public:
    // A scalar, or the start of an object or array; true when it completes the value.
    bool add(Json value) {
        const bool container = value.is_object() || value.is_array();
        Json* placed = nullptr;
        if (open_.empty()) {
            root_ = std::move(value);
            placed = &root_;
        } else if (open_.back()->is_array()) {
            open_.back()->push_back(std::move(value));
            placed = &open_.back()->back();
        } else {
            placed = &(*open_.back())[key_];
            *placed = std::move(value);
        }
        if (container) open_.push_back(placed);
        return open_.empty();
    }
    void key(std::string key) { key_ = std::move(key); }
    // The end of the innermost object or array; true when it completes the value.
    bool end() {
        open_.pop_back();
        return open_.empty();
    }
    bool building() const { return !open_.empty(); }
    Json take() { return std::move(root_); }

private:
    Json root_;
    std::vector<Json*> open_;  // the objects and arrays not yet ended, outermost first
    std::string key_;
};

// Reads the document from nlohmann's SAX events so that each concept is decoded and handed on as soon as its
// object ends: memory holds one concept's JSON, not the document's. The concepts stream when "format", "version"
// and "header" come before them, as the JSON writer puts them; otherwise they are held until the end.
class StreamingReader {
public:
    StreamingReader(const std::string& file, Diagnostics& diagnostics, ConceptSink& sink)
        : decoder_(file, diagnostics), diagnostics_(diagnostics), file_(file), sink_(sink) {}

    bool null() { return value(Json(nullptr)); }
    bool boolean(bool scalar) { return value(Json(scalar)); }
    bool number_integer(Json::number_integer_t scalar) { return value(Json(scalar)); }
    bool number_unsigned(Json::number_unsigned_t scalar) { return value(Json(scalar)); }
    bool number_float(Json::number_float_t scalar, const Json::string_t&) { return value(Json(scalar)); }
    bool string(Json::string_t& scalar) { return value(Json(std::move(scalar))); }
    bool binary(Json::binary_t& scalar) { return value(Json::binary(std::move(scalar))); }
    bool start_object(std::size_t) {
        if (!builder_.building() && where_ == Where::top) {
            where_ = Where::root;
            return true;
        }
        return value(Json::object());
    }
    bool key(Json::string_t& name) {
        if (builder_.building()) {
            builder_.key(std::move(name));
            return true;
        }
        static constexpr std::string_view known[] = {"format", "version", "header", "concepts"};
        if (std::find(std::begin(known), std::end(known), name) == std::end(known))
            diagnostics_.warning({file_, 0, 0}, "json.unknown-key", "/" + name + ": unknown key, not read");
        member_ = std::move(name);
        return true;
    }
    bool end_object() {
        if (builder_.building()) return builder_.end() ? complete() : true;
        return end_document();  // the root object
    }
    bool start_array(std::size_t) {
        if (!builder_.building() && where_ == Where::root && member_ == "concepts" && prologue_ready()) {
            if (concepts_streamed_) {
                decoder_.error("/concepts", "a second \"concepts\" key; expected one");
                return false;
            }
            if (!prologue()) return false;
            concepts_streamed_ = true;
            held_concepts_.reset();
            where_ = Where::concepts;
            return true;
        }
        return value(Json::array());
    }
    bool end_array() {
        if (builder_.building()) return builder_.end() ? complete() : true;
        where_ = Where::root;  // the streamed concepts array
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& problem) {
        syntax_error_ = true;
        error_position_ = position;
        error_id_ = problem.id;
        error_message_ = problem.what();
        return false;
    }

    bool syntax_error() const { return syntax_error_; }
    std::size_t error_position() const { return error_position_; }
    int error_id() const { return error_id_; }
    const std::string& error_message() const { return error_message_; }
    bool ended() const { return ended_; }

private:
    enum class Where { top, root, concepts, whole };

    bool value(Json scalar_or_container) {
        if (!builder_.building() && where_ == Where::top) where_ = Where::whole;  // the root is not an object
        return builder_.add(std::move(scalar_or_container)) ? complete() : true;
    }

    // A value the builder finished: the whole document, a member of the root, or one streamed concept.
    bool complete() {
        Json done = builder_.take();
        switch (where_) {
            case Where::whole:
                decoder_.object(done, "", {"format", "version", "header", "concepts"});  // says what it is
                return false;
            case Where::concepts: {
                const std::string path = "/concepts/" + std::to_string(concept_index_++);
                Concept concept_value = decoder_.concept_value(done, path);
                if (!decoder_.ok()) return false;
                put_term_notes_first(concept_value);
                sink_.concept_entry(std::move(concept_value));
                return true;
            }
            case Where::top:
            case Where::root:
                // The prologue was read when the concepts began, so these are second ones, which DOM parsing
                // would have taken instead of the first.
                if (prologue_done_ && (member_ == "format" || member_ == "version" || member_ == "header")) {
                    decoder_.error("/" + member_, "a second \"" + member_ + "\" key, after the concepts; expected one");
                    return false;
                }
                if (member_ == "format")
                    format_ = std::move(done);
                else if (member_ == "version")
                    version_ = std::move(done);
                else if (member_ == "header")
                    header_ = std::move(done);
                else if (member_ == "concepts") {
                    if (concepts_streamed_) {
                        decoder_.error("/concepts", "a second \"concepts\" key; expected one");
                        return false;
                    }
                    held_concepts_ = std::move(done);
                }
                return true;
        }
        return true;
    }

    bool prologue_ready() const { return format_ && version_ && header_; }

    // What the document says before its concepts: the format, the version and the header, checked once.
    bool prologue() {
        if (prologue_done_) return true;
        prologue_done_ = true;
        std::string format;
        if (format_) decoder_.string_value(*format_, "/format", format);
        if (!decoder_.ok()) return false;
        if (format != "ilo-tbx-model") {
            decoder_.error("/format", "expected \"ilo-tbx-model\", found \"" + format + "\"");
            return false;
        }
        if (!version_ || !version_->is_number_integer() || version_->get<std::int64_t>() != 1) {
            decoder_.error("/version", "expected 1, the only version of the JSON model so far");
            return false;
        }
        TermBaseHeader header;
        if (header_) header = decoder_.header(*header_, "/header");
        if (!decoder_.ok()) return false;
        put_paragraphs_in_section_order(header.paragraphs);
        number_paragraph_groups(header);
        sink_.header(header);
        return true;
    }

    bool end_document() {
        if (!prologue()) return false;
        if (held_concepts_ && !held_concepts_->is_null()) {
            if (!held_concepts_->is_array()) {
                decoder_.error("/concepts", std::string("expected an array, found ") + held_concepts_->type_name());
                return false;
            }
            for (std::size_t i = 0; i < held_concepts_->size(); ++i) {
                Concept concept_value = decoder_.concept_value((*held_concepts_)[i], "/concepts/" + std::to_string(i));
                if (!decoder_.ok()) return false;
                put_term_notes_first(concept_value);
                sink_.concept_entry(std::move(concept_value));
            }
        }
        ended_ = true;
        return true;
    }

    Decoder decoder_;
    Diagnostics& diagnostics_;
    const std::string& file_;
    ConceptSink& sink_;
    Where where_ = Where::top;
    ValueBuilder builder_;
    std::string member_;  // the root's key whose value comes next
    std::optional<Json> format_, version_, header_, held_concepts_;
    bool prologue_done_ = false, concepts_streamed_ = false, ended_ = false;
    std::size_t concept_index_ = 0;
    bool syntax_error_ = false;
    std::size_t error_position_ = 0;
    int error_id_ = 0;
    std::string error_message_;
};

}  // namespace

namespace {

// JSON text is UTF-8 (RFC 8259), with no declaration to name another encoding.
constexpr std::string_view json_utf8_expectation = "UTF-8 text, as JSON is";

// nlohmann's parser takes a NUL byte for the end of the text, so whatever follows one would be dropped unread.
// JSON has no place for one (a control character must be escaped in a string), so it is an error.
void nul_byte(const SourcePos& pos, Diagnostics& diagnostics) {
    diagnostics.error(pos, "json.nul", "not valid JSON: a NUL byte, which JSON text never holds (UTF-16, or binary?)");
}

// The bytes of a ByteSource as a stream for nlohmann's parser, read in chunks and checked as UTF-8 piece by piece
// (a byte order mark at the start skipped). The stream ends early at a byte that is not UTF-8, a NUL byte or a
// failed read; invalid_at(), nul_at() and read_error() then say so.
class CheckedSourceBuffer final : public std::streambuf {
public:
    CheckedSourceBuffer(ByteSource& source, std::size_t chunk_size)
        : source_(source), chunk_(chunk_size > 0 ? chunk_size : 1 << 20) {}

    std::optional<std::uint64_t> invalid_at() const { return invalid_at_; }  // counted after any byte order mark
    std::optional<std::uint64_t> nul_at() const { return nul_at_; }
    const std::string& read_error() const { return read_error_; }
    std::uint64_t skipped() const { return skipped_; }

protected:
    int_type underflow() override {
        while (gptr() == egptr()) {
            if (ended_) return traits_type::eof();
            released_ += current_.size();
            current_.clear();
            const std::size_t kept = pending_.size();
            pending_.resize(kept + chunk_);
            const std::size_t got = source_.read(pending_.data() + kept, chunk_);
            pending_.resize(kept + got);
            if (got == 0) {
                ended_ = true;
                if (!source_.error().empty()) {
                    read_error_ = source_.error();
                    pending_.clear();
                }
            }
            if (first_ && (pending_.size() >= 3 || ended_)) {
                first_ = false;
                if (pending_.starts_with("\xEF\xBB\xBF")) {
                    pending_.erase(0, 3);
                    skipped_ = 3;
                }
            } else if (first_) {
                continue;  // too short to tell a byte order mark yet
            }
            std::size_t checked = 0;
            const std::size_t invalid = find_invalid_utf8(pending_, ended_, checked);
            if (invalid != std::string::npos) {
                invalid_at_ = released_ + invalid;
                checked = invalid;
                ended_ = true;
            }
            if (const std::size_t nul = pending_.find('\0'); nul < checked) {  // before any bad byte: it comes first
                invalid_at_.reset();
                nul_at_ = released_ + nul;
                checked = nul;
                ended_ = true;
            }
            current_.assign(pending_, 0, checked);
            pending_.erase(0, checked);
            setg(current_.data(), current_.data(), current_.data() + current_.size());
        }
        return traits_type::to_int_type(*gptr());
    }

private:
    ByteSource& source_;
    std::size_t chunk_;
    std::string current_;  // the checked bytes the parser reads now
    std::string pending_;  // bytes read but not yet checked whole (a sequence cut by the chunk's end)
    std::uint64_t released_ = 0;
    std::uint64_t skipped_ = 0;
    bool first_ = true, ended_ = false;
    std::optional<std::uint64_t> invalid_at_, nul_at_;
    std::string read_error_;
};

// The line and column of byte `offset` of a source's text (which starts `skip` bytes in), read again from the
// start: only for an error, so that a streamed file is not held for the rare message that needs a position.
SourcePos position_in(ByteSource& source, std::uint64_t skip, std::uint64_t offset, const std::string& file) {
    text::LineCursor cursor;
    std::string chunk(std::size_t{1} << 16, '\0');
    while (cursor.offset() < offset) {
        const std::size_t want =
            static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), offset - cursor.offset()));
        const std::size_t got = source.read_at(skip + cursor.offset(), chunk.data(), want);
        if (got == 0) break;
        cursor.advance(std::string_view(chunk).substr(0, got));
    }
    auto [line, column] = cursor.position();
    return {file, line, column};
}

// What nlohmann says of a syntax error, as a diagnostic at `pos`.
void syntax_error(const StreamingReader& reader, const std::function<SourcePos()>& pos, const std::string& file,
                  Diagnostics& diagnostics) {
    std::string message = reader.error_message();
    // A number too large for a double ("1e999"): nlohmann says which, but not where.
    if (reader.error_id() == 406) {
        if (std::size_t bracket = message.find("] "); bracket != std::string::npos)
            message = message.substr(bracket + 2);
        diagnostics.error({file, 0, 0}, "json.syntax", "not valid JSON: " + message);
        return;
    }
    // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: "; keep the reason.
    if (std::size_t colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
    diagnostics.error(pos(), "json.syntax", "not valid JSON: " + message);
}

void read_json_source(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink) {
    ByteSource& source = *input.source;
    CheckedSourceBuffer buffer(source, options.chunk_size);
    std::istream stream(&buffer);
    StreamingReader reader(input.name, diagnostics, sink);
    Json::sax_parse(stream, &reader);
    if (!buffer.read_error().empty()) {
        diagnostics.error({input.name, 0, 0}, "io.read", "cannot read input: " + buffer.read_error());
        return;
    }
    if (std::optional<std::uint64_t> invalid = buffer.invalid_at()) {
        diagnostics.error(position_in(source, buffer.skipped(), *invalid, input.name), "encoding.invalid-utf8",
                          invalid_utf8_message(json_utf8_expectation));
        return;
    }
    if (std::optional<std::uint64_t> nul = buffer.nul_at()) {
        nul_byte(position_in(source, buffer.skipped(), *nul, input.name), diagnostics);
        return;
    }
    if (reader.syntax_error()) {
        // The position counts from 1 and points at the character that could not be read.
        const std::uint64_t offset = reader.error_position() > 0 ? reader.error_position() - 1 : 0;
        syntax_error(
            reader, [&] { return position_in(source, buffer.skipped(), offset, input.name); }, input.name, diagnostics);
        return;
    }
    if (reader.ended()) sink.finish();
}

}  // namespace

void read_json(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink) {
    if (input.source) {
        read_json_source(input, options, diagnostics, sink);
        return;
    }
    std::string_view text = input.text;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (!check_utf8(text, input.name, diagnostics, json_utf8_expectation)) return;
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        nul_byte(LineIndex(text).position(nul, input.name), diagnostics);
        return;
    }
    StreamingReader reader(input.name, diagnostics, sink);
    Json::sax_parse(text.begin(), text.end(), &reader);
    if (reader.syntax_error()) {
        // The position counts from 1 and points at the character that could not be read.
        const std::size_t offset = reader.error_position() > 0 ? reader.error_position() - 1 : 0;
        syntax_error(
            reader, [&] { return LineIndex(text).position(offset, input.name); }, input.name, diagnostics);
        return;
    }
    if (reader.ended()) sink.finish();
}

std::optional<Concept> concept_from_json(std::string_view text) {
    Json value = Json::parse(text.begin(), text.end(), nullptr, false);
    if (value.is_discarded()) return std::nullopt;
    const std::string name = "spool";
    Diagnostics diagnostics;
    Decoder decoder(name, diagnostics, false);
    Concept concept_value = decoder.concept_value(value, "");
    if (!decoder.ok()) return std::nullopt;
    return concept_value;
}

}  // namespace ilo
