// JSON writer: the model as a stable, documented JSON document, streamed one concept at a time.
#include "formats/json_writer.hpp"

#include <nlohmann/json.hpp>

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

void put(Json& object, const char* key, const std::string& value) {
    if (!value.empty()) object[key] = value;
}

void put(Json& object, const char* key, const std::vector<std::string>& values) {
    if (!values.empty()) object[key] = values;
}

template <typename T, typename F>
void put_list(Json& object, const char* key, const std::vector<T>& values, F convert) {
    if (values.empty()) return;
    Json list = Json::array();
    for (const T& value : values) list.push_back(convert(value));
    object[key] = std::move(list);
}

Json to_json(const ExtraField& field) {
    Json object = Json::object();
    object["element"] = field.element;
    put(object, "type", field.type);
    object["level"] = level_name(field.level);
    put(object, "value", field.value);
    put(object, "target", field.target);
    put_list(object, "attributes", field.attributes, [](const ExtraAttribute& attribute) {
        return Json{{"name", attribute.name}, {"value", attribute.value}};
    });
    put(object, "namespace_uri", field.namespace_uri);
    put_list(object, "children", field.children, [](const ExtraField& child) { return to_json(child); });
    return object;
}

Json to_json(const Transaction& transaction) {
    Json object = Json::object();
    put(object, "type", transaction.type);
    put(object, "date", transaction.date);
    put(object, "responsibility", transaction.responsibility);
    put(object, "responsibility_target", transaction.responsibility_target);
    put_list(object, "extra", transaction.extra, [](const ExtraField& field) { return to_json(field); });
    return object;
}

Json to_json(const Definition& definition) {
    Json object = Json::object();
    object["text"] = definition.text;
    put(object, "source", definition.source);
    put(object, "context", definition.context);
    put_list(object, "extra", definition.extra, [](const ExtraField& field) { return to_json(field); });
    return object;
}

Json to_json(const Term& term) {
    Json object = Json::object();
    object["text"] = term.text;
    put(object, "id", term.id);
    put(object, "term_type", term.term_type);
    put(object, "administrative_status", term.administrative_status);
    put(object, "part_of_speech", term.part_of_speech);
    put(object, "grammatical_gender", term.grammatical_gender);
    put(object, "geographical_usage", term.geographical_usage);
    put(object, "context", term.context);
    put(object, "context_source", term.context_source);
    put(object, "notes", term.notes);
    put(object, "source", term.source);
    put_list(object, "transactions", term.transactions, [](const Transaction& t) { return to_json(t); });
    put_list(object, "extra", term.extra, [](const ExtraField& field) { return to_json(field); });
    return object;
}

Json to_json(const LanguageSection& language) {
    Json object = Json::object();
    object["language"] = language.language;
    put_list(object, "definitions", language.definitions, [](const Definition& d) { return to_json(d); });
    put(object, "notes", language.notes);
    put_list(object, "terms", language.terms, [](const Term& t) { return to_json(t); });
    put_list(object, "transactions", language.transactions, [](const Transaction& t) { return to_json(t); });
    put_list(object, "extra", language.extra, [](const ExtraField& field) { return to_json(field); });
    return object;
}

Json to_json(const Concept& concept_value) {
    Json object = Json::object();
    object["id"] = concept_value.id;
    put(object, "subject_field", concept_value.subject_field);
    put_list(object, "definitions", concept_value.definitions, [](const Definition& d) { return to_json(d); });
    put(object, "notes", concept_value.notes);
    put_list(object, "relations", concept_value.relations, [](const Relation& relation) {
        Json item = Json::object();
        item["kind"] = relation_kind_name(relation.kind);
        item["label"] = relation.label;
        put(item, "target", relation.target);
        put(item, "type", relation.type);
        return item;
    });
    put(object, "origin_url", concept_value.origin_url);
    put_list(object, "languages", concept_value.languages, [](const LanguageSection& l) { return to_json(l); });
    put_list(object, "transactions", concept_value.transactions, [](const Transaction& t) { return to_json(t); });
    put_list(object, "extra", concept_value.extra, [](const ExtraField& field) { return to_json(field); });
    return object;
}

Json to_json(const TermBaseHeader& header) {
    Json object = Json::object();
    put(object, "title", header.title);
    put(object, "source_description", header.source_description);
    put(object, "source_language", header.source_language);
    put_list(object, "paragraphs", header.paragraphs, [](const HeaderParagraph& paragraph) {
        Json item = Json::object();
        item["section"] = paragraph.section;
        put(item, "type", paragraph.type);
        item["text"] = paragraph.text;
        if (paragraph.group != 0) item["group"] = paragraph.group;
        return item;
    });
    put_list(object, "back_matter", header.back_matter, [](const RefObjectSection& section) {
        Json item = Json::object();
        put(item, "type", section.type);
        put_list(item, "objects", section.objects, [](const RefObject& object_value) {
            Json ref = Json::object();
            ref["id"] = object_value.id;
            put_list(ref, "items", object_value.items, [](const RefObjectItem& entry) {
                Json kept = Json::object();
                put(kept, "type", entry.type);
                kept["value"] = entry.value;
                return kept;
            });
            return ref;
        });
        return item;
    });
    return object;
}

// Pretty-prints `value` with two-space indentation, every line after the first
// indented by `indent` more spaces, so that streamed pieces nest properly.
std::string dump_indented(const Json& value, std::string_view indent) {
    std::string text = value.dump(2, ' ', false, Json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        out += c;
        if (c == '\n') out += indent;
    }
    return out;
}

class JsonWriter final : public ConceptSink {
public:
    JsonWriter(std::ostream& out, Diagnostics& diagnostics) : out_(out), diagnostics_(diagnostics) {}

    void header(const TermBaseHeader& header) override {
        out_ << "{\n  \"format\": \"ilo-tbx-model\",\n  \"version\": 1,\n  \"header\": "
             << dump_indented(to_json(header), "  ") << ",\n  \"concepts\": [";
        started_ = true;
    }

    void concept_entry(Concept concept_value) override {
        if (!started_) header(TermBaseHeader{});
        out_ << (first_ ? "\n    " : ",\n    ") << dump_indented(to_json(concept_value), "    ");
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
    bool started_ = false;
    bool first_ = true;
};

}  // namespace

std::unique_ptr<ConceptSink> make_json_writer(std::ostream& out, const WriteOptions&, Diagnostics& diagnostics) {
    return std::make_unique<JsonWriter>(out, diagnostics);
}

std::string concept_to_json(const Concept& concept_value) {
    return to_json(concept_value).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace ilo
