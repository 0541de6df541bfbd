// Tests of the JSON form of the model: its exact shape, determinism and the reader's diagnostics.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "../support/text_source.hpp"
#include "formats/json_reader.hpp"
#include "formats/json_writer.hpp"
#include "ilo_tbx/format.hpp"

namespace ilo {
namespace {

std::string rendered(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& diagnostic : diagnostics.items()) out += format_diagnostic(diagnostic);
    return out;
}

TermBase sample() {
    TermBase tb;
    tb.title = "T";
    tb.source_language = "en";
    tb.paragraphs.push_back({"sourceDesc", "", "first", 0});
    tb.paragraphs.push_back({"sourceDesc", "", "second", 1});
    Concept c;
    c.id = "c1";
    c.relations.push_back({RelationKind::broader, "parent", "c0", "broaderConceptGeneric"});
    LanguageSection en;
    en.language = "en";
    Term term{.text = "a \"quoted\" term\nwith a line break", .part_of_speech = "noun"};
    ExtraField group{.element = "descripGrp", .level = Level::term_level};
    group.children.push_back({.element = "descrip", .type = "example", .level = Level::term_level, .value = "e.g."});
    term.extra.push_back(group);
    en.terms.push_back(term);
    c.languages.push_back(en);
    tb.concepts.push_back(c);
    return tb;
}

std::string write_json(const TermBase& tb) {
    Diagnostics diagnostics;
    std::ostringstream out;
    write_term_base(*find_format("json"), tb, out, WriteOptions{}, diagnostics);
    EXPECT_FALSE(diagnostics.has_errors());
    return out.str();
}

TEST(JsonModel, WritesTheDocumentedShape) {
    EXPECT_EQ(write_json(sample()), R"({
  "format": "ilo-tbx-model",
  "version": 1,
  "header": {
    "title": "T",
    "source_language": "en",
    "paragraphs": [
      {
        "section": "sourceDesc",
        "text": "first"
      },
      {
        "section": "sourceDesc",
        "text": "second",
        "group": 1
      }
    ]
  },
  "concepts": [
    {
      "id": "c1",
      "relations": [
        {
          "kind": "broader",
          "label": "parent",
          "target": "c0",
          "type": "broaderConceptGeneric"
        }
      ],
      "languages": [
        {
          "language": "en",
          "terms": [
            {
              "text": "a \"quoted\" term\nwith a line break",
              "part_of_speech": "noun",
              "extra": [
                {
                  "element": "descripGrp",
                  "level": "term",
                  "children": [
                    {
                      "element": "descrip",
                      "type": "example",
                      "level": "term",
                      "value": "e.g."
                    }
                  ]
                }
              ]
            }
          ]
        }
      ]
    }
  ]
}
)");
}

TEST(JsonModel, EmptyTermBase) {
    EXPECT_EQ(write_json(TermBase{}), "{\n  \"format\": \"ilo-tbx-model\",\n  \"version\": 1,\n  \"header\": {},\n  \"concepts\": []\n}\n");
}

TEST(JsonModel, ReadsBackWhatItWrote) {
    Diagnostics diagnostics;
    std::string text = write_json(sample());
    TermBase back = read_term_base(*find_format("json"), Input{"m.json", text}, ReadOptions{}, diagnostics);
    EXPECT_EQ(diagnostics.items().size(), 0u) << rendered(diagnostics);
    EXPECT_EQ(back, sample());
}

// A group only says which paragraphs of a section share an element, as the TBX readers number them: 0, 1, 2...
// sourceDesc paragraphs start at 1 when they were not in the first sourceDesc, which then held only the source
// description.
TEST(JsonModel, ParagraphGroupsAreNumberedAsTbxReadersNumberThem) {
    Diagnostics diagnostics;
    TermBase read = read_term_base(
        *find_format("json"),
        Input{"m.json", R"({"format": "ilo-tbx-model", "version": 1, "header": {"paragraphs": [
            {"section": "revisionDesc", "text": "a", "group": 3}, {"section": "sourceDesc", "text": "s", "group": 9},
            {"section": "revisionDesc", "text": "b", "group": 3}, {"section": "revisionDesc", "text": "c", "group": 7}]}})"},
        ReadOptions{}, diagnostics);
    EXPECT_EQ(diagnostics.items().size(), 0u) << rendered(diagnostics);
    std::vector<std::uint32_t> groups;
    for (const HeaderParagraph& paragraph : read.paragraphs) groups.push_back(paragraph.group);
    EXPECT_EQ(groups, (std::vector<std::uint32_t>{1, 0, 0, 1}));  // sourceDesc comes first in TBX
}

// Found by CI's TBX fuzzing: a header whose first sourceDesc holds only an empty <p/> (an empty source description)
// and whose second holds an untyped paragraph. The writers left out the empty <p/> that marks the description when
// the first paragraph was not in group 0, so the paragraph came back as the description; TBX v3, which has one
// sourceDesc, gave it back in group 0 with no loss reported; and JSON gave it back in group 0.
TEST(JsonModel, ASourceParagraphAfterAnEmptyDescriptionKeepsItsPlace) {
    TermBase model;
    model.source_language = "en";
    model.paragraphs.push_back({"sourceDesc", "", "", 1});
    model.paragraphs.push_back({"sourceDesc", "", "after", 2});
    Concept concept_value;
    concept_value.id = "c1";
    concept_value.languages.push_back({});
    concept_value.languages.back().language = "en";
    concept_value.languages.back().terms.push_back({});
    concept_value.languages.back().terms.back().text = "term";
    model.concepts.push_back(concept_value);
    for (const char* format : {"json", "tbx2008"}) {
        SCOPED_TRACE(format);
        std::ostringstream written;
        Diagnostics write_diagnostics;
        write_term_base(*find_format(format), model, written, WriteOptions{}, write_diagnostics);
        EXPECT_EQ(rendered(write_diagnostics), "");
        Diagnostics read_diagnostics;
        TermBase back =
            read_term_base(*find_format(format), Input{"w", written.str()}, ReadOptions{}, read_diagnostics);
        EXPECT_FALSE(read_diagnostics.has_errors()) << rendered(read_diagnostics);
        std::erase_if(back.paragraphs, [](const HeaderParagraph& paragraph) { return paragraph.type == "XCSURI"; });
        EXPECT_EQ(back.source_description, "");
        EXPECT_EQ(back.paragraphs, model.paragraphs);
    }
    std::ostringstream written;
    Diagnostics write_diagnostics;
    write_term_base(*find_format("tbx"), model, written, WriteOptions{}, write_diagnostics);
    EXPECT_NE(
        rendered(write_diagnostics).find("several sourceDesc groups are merged into one; TBX v3 has one sourceDesc"),
        std::string::npos)
        << rendered(write_diagnostics);
    model.paragraphs.pop_back();
    Diagnostics one_group;
    std::ostringstream again;
    write_term_base(*find_format("tbx"), model, again, WriteOptions{}, one_group);
    EXPECT_NE(rendered(one_group).find("sourceDesc group 1 is written as the first; TBX v3 has one sourceDesc"),
              std::string::npos)
        << rendered(one_group);
}

// TBX fixes the order of the header's sections, so paragraphs are read in that order whatever the model's, each
// section keeping its own: what a TBX writer and reader give back is what was read (found by the JSON fuzz target:
// a model whose sections alternated came back from TBX regrouped, with no loss reported).
TEST(JsonModel, HeaderParagraphsAreReadInTheSectionOrderOfTbx) {
    Diagnostics diagnostics;
    TermBase read = read_term_base(
        *find_format("json"), Input{"m.json", R"({"format": "ilo-tbx-model", "version": 1, "header": {"paragraphs": [
            {"section": "revisionDesc", "text": "r1"}, {"section": "titleNote", "text": "t1"},
            {"section": "sourceDesc", "text": "s1"}, {"section": "titleNote", "text": "t2"},
            {"section": "revisionDesc", "text": "r2"}, {"section": "publicationStmt", "text": "p1"}]}})"},
        ReadOptions{}, diagnostics);
    EXPECT_EQ(diagnostics.items().size(), 0u) << rendered(diagnostics);
    std::vector<std::string> order;
    for (const HeaderParagraph& paragraph : read.paragraphs) order.push_back(paragraph.text);
    EXPECT_EQ(order, (std::vector<std::string>{"t1", "t2", "p1", "s1", "r1", "r2"}));

    // (TBX v3: the 2008 writer adds its XCS reference to the paragraphs.)
    std::ostringstream written;
    Diagnostics write_diagnostics, reread_diagnostics;
    write_term_base(*find_format("tbx"), read, written, WriteOptions{}, write_diagnostics);
    EXPECT_EQ(write_diagnostics.items().size(), 0u) << rendered(write_diagnostics);
    TermBase reread =
        read_term_base(*find_format("tbx"), Input{"w.tbx", written.str()}, ReadOptions{}, reread_diagnostics);
    EXPECT_TRUE(reread.paragraphs == read.paragraphs);
}

// The TBX and CSV readers give a language tag back in RFC 5646's letter case, so the JSON reader reads it in that
// case (found by the JSON fuzz target: "eDDDDDn" came back from the long CSV layout as "edddddn", no loss reported).
TEST(JsonModel, LanguageTagsAreReadInTheirCanonicalCase) {
    Diagnostics diagnostics;
    TermBase read = read_term_base(
        *find_format("json"),
        Input{"m.json", R"({"format": "ilo-tbx-model", "version": 1, "header": {"source_language": "EN-gb"},
            "concepts": [{"id": "c1", "languages": [{"language": "ZH-hant-tw", "terms": [{"text": "a"}]},
                                                   {"language": "not a tag", "terms": [{"text": "b"}]}]}]})"},
        ReadOptions{}, diagnostics);
    EXPECT_EQ(diagnostics.items().size(), 0u) << rendered(diagnostics);
    EXPECT_EQ(read.source_language, "en-GB");
    ASSERT_EQ(read.concepts.size(), 1u);
    EXPECT_EQ(read.concepts[0].languages.at(0).language, "zh-Hant-TW");
    EXPECT_EQ(read.concepts[0].languages.at(1).language, "not a tag");
}

// A sink that notes each concept's id and how many diagnostics the reader had given when it arrived: each concept
// below has an unknown key, so the count says how many concepts had been read by then.
class ArrivalSink final : public ConceptSink {
public:
    explicit ArrivalSink(const Diagnostics& diagnostics) : diagnostics_(diagnostics) {}
    void header(const TermBaseHeader& header) override {
        arrivals += "header '" + header.title + "' after " + std::to_string(diagnostics_.items().size()) + "\n";
    }
    void concept_entry(Concept concept_value) override {
        arrivals += concept_value.id + " after " + std::to_string(diagnostics_.items().size()) + "\n";
    }
    void finish() override { arrivals += "finish\n"; }
    std::string arrivals;

private:
    const Diagnostics& diagnostics_;
};

std::string arrivals_for(const std::string& text, Diagnostics& diagnostics) {
    ArrivalSink sink(diagnostics);
    find_format("json")->read(Input{"m.json", text}, ReadOptions{}, diagnostics, sink);
    return sink.arrivals;
}

const std::string three_concepts = R"([{"id": "a", "x": 1}, {"id": "b", "x": 2}, {"id": "c", "x": 3}])";

TEST(JsonStreaming, EachConceptGoesToTheSinkWhenItsObjectEnds) {
    Diagnostics diagnostics;
    EXPECT_EQ(arrivals_for(R"({"format": "ilo-tbx-model", "version": 1, "header": {"title": "T"}, "concepts": )" +
                               three_concepts + "}",
                           diagnostics),
              "header 'T' after 0\na after 1\nb after 2\nc after 3\nfinish\n");
}

TEST(JsonStreaming, ConceptsBeforeAnErrorHaveArrivedAndThereIsNoFinish) {
    Diagnostics diagnostics;
    EXPECT_EQ(
        arrivals_for(R"({"format": "ilo-tbx-model", "version": 1, "header": {}, "concepts": )" + three_concepts + ", ]",
                     diagnostics),
        "header '' after 0\na after 1\nb after 2\nc after 3\n");
    ASSERT_EQ(diagnostics.items().size(), 4u);
    EXPECT_EQ(diagnostics.items().back().code, "json.syntax");
    EXPECT_EQ(diagnostics.items().back().pos.column, 134u);  // the "]"
}

TEST(JsonStreaming, ConceptsBeforeTheHeaderAreHeldUntilTheEnd) {
    // The header comes last in the document but reaches the sink first (as a sink requires): the concepts waited.
    Diagnostics diagnostics;
    EXPECT_EQ(arrivals_for(R"({"concepts": )" + three_concepts +
                               R"(, "format": "ilo-tbx-model", "version": 1, "header": {"title": "T"}})",
                           diagnostics),
              "header 'T' after 0\na after 1\nb after 2\nc after 3\nfinish\n");
    // Without a header the concepts wait for the end of the document, which may still bring one; then it is empty.
    Diagnostics without_header;
    EXPECT_EQ(arrivals_for(R"({"format": "ilo-tbx-model", "version": 1, "concepts": )" + three_concepts + "}",
                           without_header),
              "header '' after 0\na after 1\nb after 2\nc after 3\nfinish\n");
}

TEST(JsonStreaming, ASecondHeaderAfterStreamedConceptsIsAnError) {
    Diagnostics diagnostics;
    arrivals_for(R"({"format": "ilo-tbx-model", "version": 1, "header": {}, "concepts": [], "header": {"title": "U"}})",
                 diagnostics);
    EXPECT_EQ(rendered(diagnostics),
              "m.json: error: /header: a second \"header\" key, after the concepts; expected one [json.schema]\n");
}

// The sheet writers keep concepts in a scratch file as one JSON line each: a line has no line break in it, and
// reads back to the same concept, its language tags in the case they had (a reader gives them canonical).
TEST(JsonModel, AConceptLineReadsBackExactly) {
    Concept concept_value = sample().concepts.at(0);
    concept_value.languages.at(0).language = "EN-gb";
    concept_value.notes.push_back("two\nlines");
    const std::string line = concept_to_json(concept_value);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    std::optional<Concept> back = concept_from_json(line);
    ASSERT_TRUE(back.has_value());
    EXPECT_TRUE(*back == concept_value);
    EXPECT_EQ(back->languages.at(0).language, "EN-gb");
    EXPECT_EQ(back->notes.back(), "two\nlines");
    EXPECT_FALSE(concept_from_json(line.substr(0, line.size() / 2)).has_value());
    EXPECT_FALSE(concept_from_json(R"({"id": 5})").has_value());
}

// The writer prints its strings itself: each must be escaped exactly as nlohmann's dump escapes it (the form the
// model's JSON had before, and what its reader and other tools read): the short escapes, \u00XX in lowercase hex
// for the other control characters, DEL and non-ASCII as they are, and invalid UTF-8 replaced by U+FFFD.
TEST(JsonModel, StringsAreEscapedAsNlohmannEscapesThem) {
    const std::vector<std::string> texts = {"plain",
                                            "\"quoted\" and back\\slash",
                                            std::string("\b\f\n\r\t", 5),
                                            std::string("\x01\x1f\x7f", 3),
                                            std::string("nul \0 inside", 12),
                                            "Ελληνικά 日本語 😀",
                                            "cut \xE2\x82",
                                            "lone \xFF byte",
                                            "surrogate \xED\xA0\x80",
                                            "overlong \xC0\xAF",
                                            ""};
    for (const std::string& text : texts) {
        Concept concept_value;
        concept_value.id = "c1";
        concept_value.notes.push_back(text);
        const std::string expected =
            R"({"id":"c1","notes":[)" +
            nlohmann::ordered_json(text).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "]}";
        EXPECT_EQ(concept_to_json(concept_value), expected) << "for the text '" << text << "'";

        std::ostringstream pretty;
        Diagnostics diagnostics;
        TermBase term_base;
        term_base.concepts.push_back(concept_value);
        write_term_base(*find_format("json"), term_base, pretty, {}, diagnostics);
        nlohmann::ordered_json document;
        document["id"] = "c1";
        document["notes"] = nlohmann::ordered_json::array({text});
        std::string indented;
        for (char c : document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) {
            indented += c;
            if (c == '\n') indented += "    ";
        }
        EXPECT_NE(pretty.str().find("\n    " + indented + "\n  ]"), std::string::npos) << pretty.str();
    }
}

// A big JSON file is read in chunks from the file (import, info and lint do so above 4 MiB). Whatever the chunk
// size, it must give what reading the whole text gives: the same concepts and the same diagnostics, positions
// included, for good documents and bad ones (bad UTF-8 cut by a chunk's edge, a syntax error after CRLF lines and
// characters of several bytes, a byte order mark).
TEST(JsonStreaming, ReadingInChunksGivesWhatReadingTheWholeTextGives) {
    const std::string good = write_json(sample());
    const std::vector<std::string> texts = {
        good,
        "\xEF\xBB\xBF" + good,
        good.substr(0, good.size() - 5),
        good.substr(0, 40) + "\xC3" + good.substr(40),
        good.substr(0, 60) + "\xE2\x82" + good.substr(60),
        "{\r\n  \"format\": \"ilo-tbx-model\",\r\n  \"version\": 1,\r\n  \"header\": {\"title\": "
        "\"\xC3\xA9t\xC3\xA9\"},\r\n"
        "  \"concepts\": [{\"id\": \"\xE2\x82\xAC\"} {\"id\": \"b\"}]}",
        "{\"format\": \"ilo-tbx-model\", \"version\": 1, \"concepts\": [{\"id\": 1e999}]}",
        "\xEF\xBB\xBF{\"format\": \"ilo-tbx-model\", \"version\": 2}",
        "",
        "\xEF\xBB",
        good.substr(0, 50) + std::string(1, '\0') + good.substr(50),
    };
    for (std::size_t t = 0; t < texts.size(); ++t) {
        Diagnostics whole_diagnostics;
        TermBase whole =
            read_term_base(*find_format("json"), Input{"m.json", texts[t]}, ReadOptions{}, whole_diagnostics);
        for (std::size_t chunk : std::initializer_list<std::size_t>{1, 2, 3, 7, 64, std::size_t{1} << 20}) {
            SCOPED_TRACE("text " + std::to_string(t) + ", chunks of " + std::to_string(chunk));
            test::TextSource source(texts[t], true);
            ReadOptions options;
            options.chunk_size = chunk;
            Diagnostics chunked_diagnostics;
            TermBase chunked =
                read_term_base(*find_format("json"), Input{"m.json", {}, &source}, options, chunked_diagnostics);
            EXPECT_EQ(rendered(chunked_diagnostics), rendered(whole_diagnostics));
            EXPECT_TRUE(chunked == whole);
            EXPECT_EQ(chunked.concepts.size(), whole.concepts.size());
        }
    }
}

struct BadJson {
    std::string name;
    std::string text;
    std::string expected;
    friend void PrintTo(const BadJson& input, std::ostream* out) { *out << input.name; }
};

class JsonModelBadInput : public testing::TestWithParam<BadJson> {};

TEST_P(JsonModelBadInput, GivesAnExactDiagnostic) {
    Diagnostics diagnostics;
    read_term_base(*find_format("json"), Input{"m.json", GetParam().text}, ReadOptions{}, diagnostics);
    EXPECT_EQ(rendered(diagnostics), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, JsonModelBadInput,
    testing::Values(
        BadJson{"syntax", "{\n  \"format\": \"ilo-tbx-model\",\n  \"version\": 1,,\n}",
                "m.json:3:16: error: not valid JSON: syntax error while parsing object key - unexpected ','; expected "
                "string literal [json.syntax]\n"},
        // Found by the JSON fuzz target: nlohmann reports an overflow as out_of_range, not as a parse error.
        BadJson{"number_overflow", R"({"format": "ilo-tbx-model", "version": 1, "concepts": [{"id": 1e999}]})",
                "m.json: error: not valid JSON: number overflow parsing '1e999' [json.syntax]\n"},
        // nlohmann takes a NUL byte for the end of the text: what follows it was dropped unread.
        BadJson{"nul_after_the_document",
                std::string(R"({"format": "ilo-tbx-model", "version": 1})") + '\0' + R"({"concepts": [{"id": "c1"}]})",
                "m.json:1:42: error: not valid JSON: a NUL byte, which JSON text never holds (UTF-16, or binary?) "
                "[json.nul]\n"},
        BadJson{"wrong_format", R"({"format": "something", "version": 1})",
                "m.json: error: /format: expected \"ilo-tbx-model\", found \"something\" [json.schema]\n"},
        BadJson{"format_not_a_string", R"({"format": 3, "version": 1})",
                "m.json: error: /format: expected a string, found number [json.schema]\n"},
        BadJson{"wrong_version", R"({"format": "ilo-tbx-model", "version": 2})",
                "m.json: error: /version: expected 1, the only version of the JSON model so far [json.schema]\n"},
        BadJson{
            "wrong_kind",
            R"({"format": "ilo-tbx-model", "version": 1, "concepts": [{"id": "c1", "languages": [{"language": "en", "terms": [{"text": 5}]}]}]})",
            "m.json: error: /concepts/0/languages/0/terms/0/text: expected a string, found number [json.schema]\n"},
        BadJson{"unknown_key",
                R"({"format": "ilo-tbx-model", "version": 1, "concepts": [{"id": "c1", "colour": "red"}]})",
                "m.json: warning: /concepts/0/colour: unknown key, not read [json.unknown-key]\n"},
        BadJson{
            "bad_level",
            R"({"format": "ilo-tbx-model", "version": 1, "concepts": [{"id": "c1", "extra": [{"element": "admin", "level": "entry"}]}]})",
            "m.json: error: /concepts/0/extra/0/level: expected \"concept\", \"language\" or \"term\", found \"entry\" "
            "[json.schema]\n"},
        // TBX gives a field the level of the element that holds it, so another level would not survive TBX.
        BadJson{
            "child_level_not_its_holders",
            R"({"format": "ilo-tbx-model", "version": 1, "concepts": [{"id": "c1", "languages": [{"language": "en", "terms": [{"text": "car", "extra": [{"element": "termNoteGrp", "level": "term", "children": [{"element": "note", "level": "concept", "value": "x"}]}]}]}]}]})",
            "m.json: error: /concepts/0/languages/0/terms/0/extra/0/children/0/level: expected \"term\", the level "
            "of what holds this field, found \"concept\" [json.schema]\n"},
        BadJson{
            "transaction_extra_level_not_its_holders",
            R"({"format": "ilo-tbx-model", "version": 1, "concepts": [{"id": "c1", "languages": [{"language": "en", "transactions": [{"type": "origination", "extra": [{"element": "note", "level": "term"}]}]}]}]})",
            "m.json: error: /concepts/0/languages/0/transactions/0/extra/0/level: expected \"language\", the level "
            "of what holds this field, found \"term\" [json.schema]\n"}),
    [](const testing::TestParamInfo<BadJson>& param_info) { return param_info.param.name; });

}  // namespace
}  // namespace ilo
