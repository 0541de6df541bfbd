// JSON writer: the model as a stable, documented JSON document, streamed one concept at a time.
#include "formats/json_writer.hpp"

#include <nlohmann/json.hpp>

#include "text/text_decoding.hpp"

namespace ilo {

const char* level_name(Level level) {
    switch (level) {
    case Level::concept_level: return "concept";
    case Level::language_level: return "language";
    case Level::term_level: return "term";
    }
    return "concept";
}

namespace {

using Json = nlohmann::ordered_json;

const char* relation_kind_name(RelationKind kind) {
    switch (kind) {
    case RelationKind::related: return "related";
    case RelationKind::broader: return "broader";
    case RelationKind::narrower: return "narrower";
    }
    return "related";
}

// Writes JSON text as it goes, byte for byte what nlohmann's dump (two-space indentation, or compact; invalid UTF-8
// replaced) gave of the same document built as a tree: building that tree and printing it was three fifths of a
// TBX -> JSON conversion, most of it in allocations.
class JsonText {
public:
    // `pretty`: two-space indentation, every line after the first indented by `base_indent` more, so that streamed
    // pieces nest; else one line with no spaces.
    JsonText(std::string& out, bool pretty, std::string_view base_indent)
        : out_(out), pretty_(pretty), base_indent_(base_indent) {}

    void begin_object() {
        before_value();
        out_ += '{';
        open_.push_back({false, true});
    }
    void begin_array() {
        before_value();
        out_ += '[';
        open_.push_back({true, true});
    }
    void end() {
        const Open closed = open_.back();
        open_.pop_back();
        if (!closed.empty) new_line();
        out_ += closed.array ? ']' : '}';
    }
    void key(std::string_view name) {
        separate();
        append_string(name);
        out_ += pretty_ ? ": " : ":";
        after_key_ = true;
    }
    void string(std::string_view text) {
        before_value();
        append_string(text);
    }
    void number(long long value) {
        before_value();
        out_ += std::to_string(value);
    }

    // A member whose value is a string, left out when empty (put) or always written (member).
    void member(std::string_view name, std::string_view text) {
        key(name);
        string(text);
    }
    void put(std::string_view name, const std::string& text) {
        if (!text.empty()) member(name, text);
    }
    void put(std::string_view name, const std::vector<std::string>& texts) {
        if (texts.empty()) return;
        key(name);
        begin_array();
        for (const std::string& text : texts) string(text);
        end();
    }
    // A member whose value is the list of `values`, each written by `write`; left out when empty.
    template <typename T, typename F>
    void put_list(std::string_view name, const std::vector<T>& values, F write) {
        if (values.empty()) return;
        key(name);
        begin_array();
        for (const T& value : values) write(*this, value);
        end();
    }

private:
    struct Open {
        bool array;
        bool empty;
    };

    void before_value() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (!open_.empty()) separate();
    }
    void separate() {
        Open& top = open_.back();
        if (!top.empty) out_ += ',';
        top.empty = false;
        new_line();
    }
    void new_line() {
        if (!pretty_) return;
        out_ += '\n';
        out_ += base_indent_;
        out_.append(2 * open_.size(), ' ');
    }
    void append_string(std::string_view text) {
        std::size_t checked = 0;
        if (find_invalid_utf8(text, true, checked) != std::string_view::npos) {
            // Rare (every reader checks its input's UTF-8): nlohmann's own replacement, so that nothing changes.
            out_ += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
            return;
        }
        static constexpr char hex[] = "0123456789abcdef";
        out_ += '"';
        std::size_t plain = 0;
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte >= 0x20 && byte != '"' && byte != '\\') continue;
            out_.append(text.data() + plain, i - plain);
            plain = i + 1;
            switch (byte) {
                case '"':
                    out_ += "\\\"";
                    break;
                case '\\':
                    out_ += "\\\\";
                    break;
                case '\b':
                    out_ += "\\b";
                    break;
                case '\t':
                    out_ += "\\t";
                    break;
                case '\n':
                    out_ += "\\n";
                    break;
                case '\f':
                    out_ += "\\f";
                    break;
                case '\r':
                    out_ += "\\r";
                    break;
                default:
                    out_ += "\\u00";
                    out_ += hex[byte >> 4];
                    out_ += hex[byte & 0xF];
            }
        }
        out_.append(text.data() + plain, text.size() - plain);
        out_ += '"';
    }

    std::string& out_;
    bool pretty_;
    std::string_view base_indent_;
    std::vector<Open> open_;
    bool after_key_ = false;
};

void write_json(JsonText& json, const ExtraField& field) {
    json.begin_object();
    json.member("element", field.element);
    json.put("type", field.type);
    json.member("level", level_name(field.level));
    json.put("value", field.value);
    json.put("target", field.target);
    json.put_list("attributes", field.attributes, [](JsonText& out, const ExtraAttribute& attribute) {
        out.begin_object();
        out.member("name", attribute.name);
        out.member("value", attribute.value);
        out.end();
    });
    json.put("namespace_uri", field.namespace_uri);
    json.put_list("children", field.children, [](JsonText& out, const ExtraField& child) { write_json(out, child); });
    json.end();
}

void write_extra(JsonText& json, const std::vector<ExtraField>& extra) {
    json.put_list("extra", extra, [](JsonText& out, const ExtraField& field) { write_json(out, field); });
}

void write_json(JsonText& json, const Transaction& transaction) {
    json.begin_object();
    json.put("type", transaction.type);
    json.put("date", transaction.date);
    json.put("responsibility", transaction.responsibility);
    json.put("responsibility_target", transaction.responsibility_target);
    write_extra(json, transaction.extra);
    json.end();
}

void write_transactions(JsonText& json, const std::vector<Transaction>& transactions) {
    json.put_list("transactions", transactions, [](JsonText& out, const Transaction& t) { write_json(out, t); });
}

void write_json(JsonText& json, const Definition& definition) {
    json.begin_object();
    json.member("text", definition.text);
    json.put("source", definition.source);
    json.put("context", definition.context);
    write_extra(json, definition.extra);
    json.end();
}

void write_definitions(JsonText& json, const std::vector<Definition>& definitions) {
    json.put_list("definitions", definitions, [](JsonText& out, const Definition& d) { write_json(out, d); });
}

void write_json(JsonText& json, const Term& term) {
    json.begin_object();
    json.member("text", term.text);
    json.put("id", term.id);
    json.put("term_type", term.term_type);
    json.put("administrative_status", term.administrative_status);
    json.put("part_of_speech", term.part_of_speech);
    json.put("grammatical_gender", term.grammatical_gender);
    json.put("geographical_usage", term.geographical_usage);
    json.put("context", term.context);
    json.put("context_source", term.context_source);
    json.put("notes", term.notes);
    json.put("source", term.source);
    write_transactions(json, term.transactions);
    write_extra(json, term.extra);
    json.end();
}

void write_json(JsonText& json, const LanguageSection& language) {
    json.begin_object();
    json.member("language", language.language);
    write_definitions(json, language.definitions);
    json.put("notes", language.notes);
    json.put_list("terms", language.terms, [](JsonText& out, const Term& t) { write_json(out, t); });
    write_transactions(json, language.transactions);
    write_extra(json, language.extra);
    json.end();
}

void write_json(JsonText& json, const Concept& concept_value) {
    json.begin_object();
    json.member("id", concept_value.id);
    json.put("subject_field", concept_value.subject_field);
    write_definitions(json, concept_value.definitions);
    json.put("notes", concept_value.notes);
    json.put_list("relations", concept_value.relations, [](JsonText& out, const Relation& relation) {
        out.begin_object();
        out.member("kind", relation_kind_name(relation.kind));
        out.member("label", relation.label);
        out.put("target", relation.target);
        out.put("type", relation.type);
        out.end();
    });
    json.put("origin_url", concept_value.origin_url);
    json.put_list("languages", concept_value.languages,
                  [](JsonText& out, const LanguageSection& l) { write_json(out, l); });
    write_transactions(json, concept_value.transactions);
    write_extra(json, concept_value.extra);
    json.end();
}

void write_json(JsonText& json, const TermBaseHeader& header) {
    json.begin_object();
    json.put("title", header.title);
    json.put("source_description", header.source_description);
    json.put("source_language", header.source_language);
    json.put_list("paragraphs", header.paragraphs, [](JsonText& out, const HeaderParagraph& paragraph) {
        out.begin_object();
        out.member("section", paragraph.section);
        out.put("type", paragraph.type);
        out.member("text", paragraph.text);
        if (paragraph.group != 0) {
            out.key("group");
            out.number(static_cast<long long>(paragraph.group));
        }
        out.end();
    });
    json.put_list("back_matter", header.back_matter, [](JsonText& out, const RefObjectSection& section) {
        out.begin_object();
        out.put("type", section.type);
        out.put_list("objects", section.objects, [](JsonText& objects, const RefObject& object_value) {
            objects.begin_object();
            objects.member("id", object_value.id);
            objects.put_list("items", object_value.items, [](JsonText& items, const RefObjectItem& entry) {
                items.begin_object();
                items.put("type", entry.type);
                items.member("value", entry.value);
                items.end();
            });
            objects.end();
        });
        out.end();
    });
    json.end();
}

template <typename T>
std::string json_of(const T& value, bool pretty, std::string_view base_indent) {
    std::string out;
    JsonText json(out, pretty, base_indent);
    write_json(json, value);
    return out;
}

class JsonWriter final : public ConceptSink {
public:
    JsonWriter(std::ostream& out, Diagnostics& diagnostics) : out_(out), diagnostics_(diagnostics) {}

    void header(const TermBaseHeader& header) override {
        out_ << "{\n  \"format\": \"ilo-tbx-model\",\n  \"version\": 1,\n  \"header\": " << json_of(header, true, "  ")
             << ",\n  \"concepts\": [";
        started_ = true;
    }

    void concept_entry(Concept concept_value) override {
        if (!started_) header(TermBaseHeader{});
        text_.assign(first_ ? "\n    " : ",\n    ");
        JsonText json(text_, true, "    ");
        write_json(json, concept_value);
        out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
        first_ = false;
    }

    void finish() override {
        if (!started_) header(TermBaseHeader{});
        out_ << (first_ ? "]\n}\n" : "\n  ]\n}\n");
        if (!out_) diagnostics_.error({}, "io.write", "cannot write the JSON output");
    }

private:
    std::ostream& out_;
    Diagnostics& diagnostics_;
    std::string text_;  // the concept at hand, reused
    bool started_ = false;
    bool first_ = true;
};

}  // namespace

std::unique_ptr<ConceptSink> make_json_writer(std::ostream& out, const WriteOptions&, Diagnostics& diagnostics) {
    return std::make_unique<JsonWriter>(out, diagnostics);
}

std::string concept_to_json(const Concept& concept_value) {
    return json_of(concept_value, false, {});
}

}  // namespace ilo
