// JSON reader: the documented JSON form of the model back into model values, with path-named errors.
#include "formats/json_reader.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <map>

#include "formats/canonical_order.hpp"
#include "formats/json_writer.hpp"
#include "ilo_tbx/language_tag.hpp"
#include "text/text_decoding.hpp"

namespace ilo {

namespace {

using Json = nlohmann::ordered_json;

// Walks the parsed document, filling model values; every problem names the
// JSON path (e.g. /concepts/3/languages/0/terms/1/text) where it is.
class Decoder {
public:
    Decoder(const std::string& file, Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

    bool ok() const { return !failed_; }

    // A language tag in RFC 5646's letter case ("EN-gb" -> "en-GB"), as the TBX and CSV readers give it, so that a
    // model read from JSON compares equal to itself read back from them; one not well-formed stays as written.
    void canonical_language(std::string& language) {
        if (language.empty()) return;
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
        if (found == object.end() || found->is_null()) return;
        if (!found->is_string()) {
            error(path + "/" + key, std::string("expected a string, found ") + found->type_name());
            return;
        }
        out = found->get<std::string>();
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
    std::map<std::string, std::string, std::less<>> language_cases_;  // a few dozen tags, met once per section
};

}  // namespace

void read_json(const Input& input, const ReadOptions&, Diagnostics& diagnostics, ConceptSink& sink) {
    std::string_view text = input.text;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    if (!check_utf8(text, input.name, diagnostics)) return;
    Json document;
    try {
        document = Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& error) {
        // error.byte counts from 1 and points at the character that could not be read.
        std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
        SourcePos pos = LineIndex(text).position(offset, input.name);
        std::string message = error.what();
        // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: "; keep the reason.
        if (std::size_t colon = message.find(": "); colon != std::string::npos) message = message.substr(colon + 2);
        diagnostics.error(pos, "json.syntax", "not valid JSON: " + message);
        return;
    } catch (const Json::out_of_range& error) {
        // A number too large for a double ("1e999"): nlohmann says which, but not where.
        std::string message = error.what();
        if (std::size_t bracket = message.find("] "); bracket != std::string::npos)
            message = message.substr(bracket + 2);
        diagnostics.error({input.name, 0, 0}, "json.syntax", "not valid JSON: " + message);
        return;
    }
    Decoder decoder(input.name, diagnostics);
    if (!decoder.object(document, "", {"format", "version", "header", "concepts"})) return;
    std::string format;
    decoder.string(document, "format", "", format);
    if (format != "ilo-tbx-model") {
        decoder.error("/format", "expected \"ilo-tbx-model\", found \"" + format + "\"");
        return;
    }
    auto version = document.find("version");
    if (version == document.end() || !version->is_number_integer() || version->get<std::int64_t>() != 1) {
        decoder.error("/version", "expected 1, the only version of the JSON model so far");
        return;
    }
    TermBaseHeader header;
    if (auto found = document.find("header"); found != document.end()) header = decoder.header(*found, "/header");
    if (!decoder.ok()) return;
    put_paragraphs_in_section_order(header.paragraphs);
    number_paragraph_groups(header);
    sink.header(header);
    auto concepts = document.find("concepts");
    if (concepts != document.end() && !concepts->is_null()) {
        if (!concepts->is_array()) {
            decoder.error("/concepts", std::string("expected an array, found ") + concepts->type_name());
            return;
        }
        for (std::size_t i = 0; i < concepts->size(); ++i) {
            Concept concept_value = decoder.concept_value((*concepts)[i], "/concepts/" + std::to_string(i));
            if (!decoder.ok()) return;
            put_term_notes_first(concept_value);
            sink.concept_entry(std::move(concept_value));
        }
    }
    sink.finish();
}

}  // namespace ilo
