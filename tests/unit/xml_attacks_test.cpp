// XML attacks on every parse path (the TBX reader, the native SAX2 validator, libxml2's RELAX NG reader): each refused with its rule.
#include <gtest/gtest.h>

#include <string>

#include "ilo_tbx/embedded.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/native_validator.hpp"
#include "text/xml_limits.hpp"
#include "validate/libxml2_setup.hpp"
#include "validate/rng_validator.hpp"

namespace ilo {
namespace {

std::string entry_document(const std::string& doctype, const std::string& term, const std::string& entry_attributes = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype +
           "<martif type=\"TBX-Basic\" xml:lang=\"en\">\n"
           "<martifHeader><fileDesc><sourceDesc><p>attack</p></sourceDesc></fileDesc></martifHeader>\n"
           "<text><body>\n"
           "<termEntry id=\"e1\"" + entry_attributes + "><langSet xml:lang=\"en\"><tig><term>" + term +
           "</term></tig></langSet></termEntry>\n"
           "</body></text></martif>\n";
}

struct Attack {
    std::string name;
    std::string document;
    std::string code;     // the rule every path reports
    std::string message;  // what the TBX reader and the native validator say
    std::string native_message = message;  // when the native validator stops earlier
};

std::vector<Attack> attacks() {
    std::string laughs = "<!DOCTYPE martif [\n<!ENTITY lol \"lol\">\n";
    for (int level = 1; level <= 9; ++level) {
        laughs += "<!ENTITY lol" + std::to_string(level) + " \"";
        for (int i = 0; i < 10; ++i) laughs += level == 1 ? "&lol;" : "&lol" + std::to_string(level - 1) + ";";
        laughs += "\">\n";
    }
    laughs += "]>\n";
    std::string quadratic_refs;
    for (int i = 0; i < 10000; ++i) quadratic_refs += "&big;";
    std::string deep_term = "deep";
    for (int i = 0; i < 300; ++i) deep_term = "<hi>" + deep_term + "</hi>";
    return {
        {"xxe_file", entry_document("<!DOCTYPE martif [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n", "&xxe;"),
         "xml.entity", xml_limits::entity_refused_message("xxe")},
        {"xxe_http", entry_document("<!DOCTYPE martif [\n<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/x\">\n]>\n", "&xxe;"),
         "xml.entity", xml_limits::entity_refused_message("xxe")},
        {"xxe_parameter_entity",
         entry_document("<!DOCTYPE martif [\n<!ENTITY % pe SYSTEM \"file:///etc/passwd\">\n%pe;\n]>\n", "&x;"),
         "xml.entity", xml_limits::entity_refused_message("x"), xml_limits::parameter_entity_refused_message("pe")},
        {"billion_laughs", entry_document(laughs, "&lol9;"), "xml.entity", xml_limits::entity_refused_message("lol9")},
        {"quadratic_blowup",
         entry_document("<!DOCTYPE martif [\n<!ENTITY big \"" + std::string(100000, 'x') + "\">\n]>\n", quadratic_refs),
         "xml.entity", xml_limits::entity_refused_message("big")},
        {"entity_in_attribute",
         entry_document("<!DOCTYPE martif [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n", "t", " note=\"&xxe;\""),
         "xml.entity", xml_limits::entity_refused_message("xxe")},
        {"too_deep", entry_document("", deep_term), "xml.too-deep", xml_limits::too_deep_message()},
        {"huge_attribute", entry_document("", "t", " note=\"" + std::string(xml_limits::max_attribute_bytes + 1, 'a') + "\""),
         "xml.too-large", xml_limits::attribute_too_long_message("note", xml_limits::max_attribute_bytes + 1)},
    };
}

const Diagnostic* first_error(const Diagnostics& diagnostics) {
    for (const Diagnostic& diagnostic : diagnostics.items())
        if (diagnostic.severity == Severity::error) return &diagnostic;
    return nullptr;
}

bool mentions_passwd(const Diagnostics& diagnostics) {
    for (const Diagnostic& diagnostic : diagnostics.items())
        if (diagnostic.message.find("root:") != std::string::npos) return true;
    return false;
}

class XmlAttack : public testing::TestWithParam<Attack> {};

TEST_P(XmlAttack, TheTbxReaderRefusesIt) {
    Diagnostics diagnostics;
    TermBase term_base =
        read_term_base(*find_format("tbx"), Input{"attack.tbx", GetParam().document}, ReadOptions{}, diagnostics);
    const Diagnostic* error = first_error(diagnostics);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->code, GetParam().code);
    EXPECT_EQ(error->message, GetParam().message);
    EXPECT_GE(error->pos.line, 4u);
    EXPECT_TRUE(term_base.concepts.empty());
    EXPECT_FALSE(mentions_passwd(diagnostics));
}

TEST_P(XmlAttack, TheNativeValidatorRefusesIt) {
    Diagnostics diagnostics;
    validate::NativeResult result = validate::validate_native(GetParam().document, "attack.tbx", {}, diagnostics);
    EXPECT_EQ(result.verdict, validate::Verdict::not_well_formed);
    const Diagnostic* error = nullptr;
    for (const Diagnostic& diagnostic : diagnostics.items())
        if (diagnostic.code.starts_with("xml.")) error = &diagnostic;
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->code, GetParam().code);
    EXPECT_EQ(error->message, GetParam().native_message);
    EXPECT_GE(error->pos.line, 3u);
    EXPECT_FALSE(mentions_passwd(diagnostics));
}

TEST_P(XmlAttack, TheRelaxNgValidatorRefusesIt) {
    Diagnostics diagnostics;
    EXPECT_FALSE(validate_rng(GetParam().document, "attack.tbx", embedded::tbx2008_core_rng(), "tbx2008-core.rng",
                              diagnostics));
    ASSERT_TRUE(diagnostics.has_errors());
    EXPECT_FALSE(mentions_passwd(diagnostics));
    // libxml2 stops some attacks with its own limits before the reader loop sees them; the entity and
    // depth checks of the loop give our rule codes.
    bool refused = false;
    for (const Diagnostic& diagnostic : diagnostics.items())
        refused = refused || diagnostic.code == GetParam().code || diagnostic.code == "rng.invalid";
    EXPECT_TRUE(refused);
}

INSTANTIATE_TEST_SUITE_P(Attacks, XmlAttack, testing::ValuesIn(attacks()),
                         [](const testing::TestParamInfo<Attack>& attack) { return attack.param.name; });

TEST(XmlAttack, AnExternalDtdAndXmlModelAreNeverLoaded) {
    std::string document = "<?xml version=\"1.0\"?>\n"
                           "<?xml-model href=\"file:///etc/passwd\" type=\"application/xml\"?>\n"
                           "<!DOCTYPE martif SYSTEM \"file:///etc/passwd\">\n"
                           "<martif type=\"TBX-Basic\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>x</p>"
                           "</sourceDesc></fileDesc></martifHeader><text><body><termEntry id=\"e1\"><langSet "
                           "xml:lang=\"en\"><tig><term>t</term></tig></langSet></termEntry></body></text></martif>\n";
    Diagnostics read_diagnostics;
    TermBase term_base =
        read_term_base(*find_format("tbx"), Input{"external.tbx", document}, ReadOptions{}, read_diagnostics);
    EXPECT_FALSE(read_diagnostics.has_errors());
    ASSERT_EQ(term_base.concepts.size(), 1u);
    Diagnostics native_diagnostics;
    EXPECT_EQ(validate::validate_native(document, "external.tbx", {}, native_diagnostics).verdict,
              validate::Verdict::valid);
    Diagnostics rng_diagnostics;
    validate_rng(document, "external.tbx", embedded::tbx2008_core_rng(), "tbx2008-core.rng", rng_diagnostics);
    EXPECT_FALSE(mentions_passwd(read_diagnostics) || mentions_passwd(native_diagnostics) ||
                 mentions_passwd(rng_diagnostics));
}

// Bytes libxml2 cannot decode from the declared encoding halt its parsers with messages on its "generic" channel,
// which printed to stderr, and nothing to our handlers: the native validator passed the document as far as it got
// as valid. Both validators now report them as errors at about their place, and capture the messages.
TEST(XmlAttack, UndecodableBytesAreAnErrorInEveryValidator) {
    const std::string document = std::string(
                                     "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n"
                                     "<martif type=\"TBX-Basic\" xml:lang=\"en\"><martifHeader><fileDesc>"
                                     "<sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader><text><body>"
                                     "<termEntry id=\"e1\"><langSet xml:lang=\"en\"><tig><term>migr") +
                                 "\xFF\xFF" + "ant</term></tig></langSet></termEntry></body></text></martif>\n";
    Diagnostics native_diagnostics;
    EXPECT_EQ(validate::validate_native(document, "sjis.tbx", {}, native_diagnostics).verdict,
              validate::Verdict::not_well_formed);
    ASSERT_EQ(native_diagnostics.items().size(), 1u);
    EXPECT_EQ(native_diagnostics.items()[0].code, "encoding.invalid");
    EXPECT_EQ(native_diagnostics.items()[0].pos.line, 2u);
    Diagnostics rng_diagnostics;
    EXPECT_FALSE(validate_rng(document, "sjis.tbx", embedded::tbx2008_core_rng(), "tbx2008-core.rng", rng_diagnostics));
    bool encoding_error = false;
    for (const Diagnostic& diagnostic : rng_diagnostics.items())
        encoding_error |= diagnostic.code == "encoding.invalid";
    EXPECT_TRUE(encoding_error);
    EXPECT_EQ(validate::take_libxml2_messages(), "");  // taken by the validators, not left for the next parse
}

TEST(CharacterReference, TheFirstThatNamesNoXmlCharacterIsFoundWithItsOffset) {
    EXPECT_FALSE(xml_limits::first_bad_character_reference("a &#233; b &#x1F600; c &amp; &#9;"));
    auto beyond_unicode = xml_limits::first_bad_character_reference("ok &#65; then &#x110000; and &#1;");
    ASSERT_TRUE(beyond_unicode);
    EXPECT_EQ(beyond_unicode->at, 14u);
    EXPECT_EQ(beyond_unicode->message,
              "'&#x110000;' is not a character reference to an XML character; expected &#NNN; or &#xHHH; naming a "
              "character allowed in XML");
    auto control = xml_limits::first_bad_character_reference("&#1;");
    ASSERT_TRUE(control);
    EXPECT_EQ(control->at, 0u);
}

TEST(CharacterReference, OneThatNoSemicolonEndsIsQuotedWithoutOne) {
    auto unended = xml_limits::first_bad_character_reference("Stra&#223e and more text");
    ASSERT_TRUE(unended);
    EXPECT_EQ(unended->at, 4u);
    EXPECT_EQ(unended->message,
              "'&#223e' starts a character reference that no ';' ends; expected &#NNN; or &#xHHH; naming a "
              "character allowed in XML");
    // A ';' too far away to end a reference does not end this one.
    auto far = xml_limits::first_bad_character_reference("&#65" + std::string(100, '5') + ";");
    ASSERT_TRUE(far);
    EXPECT_EQ(far->message.rfind("'&#65555555' starts", 0), 0u);
}

}  // namespace
}  // namespace ilo
