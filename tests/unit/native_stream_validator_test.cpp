// The native validator fed in pieces (as the write path feeds it) gives the same verdict and diagnostics as a whole read.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "ilo_tbx/embedded.hpp"
#include "ilo_tbx/native_validator.hpp"
#include "validate/rng_validator.hpp"
#include "validate_test_support.hpp"

namespace ilo {
namespace {

std::vector<std::string> described(const Diagnostics& diagnostics) {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : diagnostics.items())
        lines.push_back(diagnostic.pos.file + ":" + std::to_string(diagnostic.pos.line) + ":" +
                        std::to_string(diagnostic.pos.column) + ": " + diagnostic.code + ": " + diagnostic.message);
    return lines;
}

std::vector<std::filesystem::path> tbx_files() {
    std::vector<std::filesystem::path> files;
    const std::filesystem::path reference = test::reference_path("");
    for (const char* folder : {"tbx", "real-world/tbx"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(reference / folder))
            if (entry.is_regular_file() && entry.path().extension() == ".tbx") files.push_back(entry.path());
    for (const char* folder : {"samples", "tests/tbx", "tests/bad"})
        for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(ILO_SOURCE_DIR) / folder))
            if (entry.is_regular_file() && entry.path().extension() == ".tbx") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// Text where none may be is reported where its run begins: libxml2 hands text on in pieces (of 300 bytes on a
// whole document, else as the input came), and the place of the piece's end moved with them (found by
// tbx_stream_fuzz). A DOCTYPE cut between pieces is held back until it is whole.
TEST(NativeStreamValidator, StrayTextIsReportedWhereItBeginsWhateverThePieces) {
    const std::string stray(700, 'x');
    const std::string document =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">\n"
        "<martif type=\"TBX-Basic\" xml:lang=\"en\"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc>"
        "</fileDesc></martifHeader><text><body>\n<termEntry id=\"e1\">" +
        stray + "<langSet xml:lang=\"en\"><tig><term>t</term></tig></langSet></termEntry></body></text></martif>\n";
    Diagnostics whole_diagnostics;
    validate::validate_native(document, "file.tbx", {}, whole_diagnostics);
    ASSERT_EQ(described(whole_diagnostics).size(), 1u);
    EXPECT_EQ(described(whole_diagnostics)[0], "file.tbx:4:20: structure.text: <termEntry> may not hold text");
    for (std::size_t piece : {std::size_t{5}, std::size_t{37}, std::size_t{250}}) {
        Diagnostics piece_diagnostics;
        validate::NativeStreamValidator validator("file.tbx", {}, piece_diagnostics);
        for (std::size_t at = 0; at < document.size(); at += piece)
            validator.feed(std::string_view(document).substr(at, piece));
        validator.finish();
        EXPECT_EQ(described(piece_diagnostics), described(whole_diagnostics)) << "pieces of " << piece;
    }
}

TEST(NativeStreamValidator, PiecesOfAnySizeGiveTheWholeDocumentsVerdictAndDiagnostics) {
    std::vector<std::filesystem::path> files = tbx_files();
    ASSERT_GT(files.size(), 40u);
    for (const std::filesystem::path& path : files) {
        const std::string document = test::read_text(path.string());
        Diagnostics whole_diagnostics;
        validate::NativeResult whole = validate::validate_native(document, "file.tbx", {}, whole_diagnostics);
        // One-byte pieces cut every multi-byte character and every markup token; they cost time on big files.
        for (std::size_t piece : {std::size_t{1}, std::size_t{3}, std::size_t{4096}}) {
            if (piece == 1 && document.size() > 200'000) continue;
            SCOPED_TRACE(path.string() + " in pieces of " + std::to_string(piece));
            Diagnostics piece_diagnostics;
            validate::NativeStreamValidator validator("file.tbx", {}, piece_diagnostics);
            for (std::size_t at = 0; at < document.size(); at += piece)
                validator.feed(std::string_view(document).substr(at, piece));
            validate::NativeResult pieces = validator.finish();
            EXPECT_EQ(validate::verdict_name(pieces.verdict), validate::verdict_name(whole.verdict));
            EXPECT_EQ(pieces.flavour, whole.flavour);
            EXPECT_EQ(pieces.dialect, whole.dialect);
            EXPECT_EQ(pieces.concepts, whole.concepts);
            EXPECT_EQ(described(piece_diagnostics), described(whole_diagnostics));
        }
    }
}

// A document in a legacy encoding is decoded by ICU before libxml2 sees it: libxml2 2.9's own ICU path (for the
// names iconv does not know, like "UTF8-") failed on a character cut between two pieces, and the verdict then
// depended on the pieces (found by the stream validator's fuzz target). Every path reads it alike.
TEST(NativeStreamValidator, ALegacyEncodingCutInsideACharacterIsReadAlike) {
    for (const char* encoding : {"UTF8-", "Shift_JIS"}) {
        std::string document = std::string("<?xml version=\"1.0\" encoding=\"") + encoding +
                               "\"?>\n<tbx type=\"TBX-Core\" style=\"dca\" xml:lang=\"en\" "
                               "xmlns=\"urn:iso:std:iso:30042:ed-2\"><tbxHeader><fileDesc><sourceDesc><p>x</p>"
                               "</sourceDesc></fileDesc></tbxHeader><text><body>\n";
        // "α" in UTF-8 reads as two characters in Shift_JIS: both make well-formed text.
        for (int i = 0; i < 300; ++i)
            document += "<conceptEntry id=\"c" + std::to_string(i) +
                        "\"><langSec xml:lang=\"el\"><termSec><term>\xCE\xB1\xCE\xB2</term></termSec></langSec>"
                        "</conceptEntry>\n";
        document += "</body></text></tbx>\n";
        for (std::size_t piece : {std::size_t{1}, std::size_t{43}, std::size_t{4096}, document.size()}) {
            SCOPED_TRACE(std::string(encoding) + " in pieces of " + std::to_string(piece));
            Diagnostics diagnostics;
            validate::NativeStreamValidator validator("file.tbx", {}, diagnostics);
            for (std::size_t at = 0; at < document.size(); at += piece)
                validator.feed(std::string_view(document).substr(at, piece));
            validate::NativeResult result = validator.finish();
            EXPECT_EQ(validate::verdict_name(result.verdict), "valid");
            EXPECT_EQ(result.concepts, 300u);
            EXPECT_EQ(described(diagnostics), std::vector<std::string>{});
        }
        Diagnostics rng_diagnostics;
        EXPECT_TRUE(
            validate_rng(document, "file.tbx", embedded::tbx_v3_core_rng(), "tbx-v3-core.rng", rng_diagnostics));
        EXPECT_EQ(described(rng_diagnostics), std::vector<std::string>{});
    }
}

// Bytes not valid in the declared legacy encoding: the TBX reader's message and position, from every path.
TEST(NativeStreamValidator, BadBytesInALegacyEncodingAreWhereTheReaderSaysTheyAre) {
    const std::string document =
        "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<tbx type=\"TBX-Core\" style=\"dca\" xml:lang=\"en\" "
        "xmlns=\"urn:iso:std:iso:30042:ed-2\"><tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc>"
        "</tbxHeader><text><body>\n<conceptEntry id=\"c1\"><langSec xml:lang=\"ja\"><termSec><term>\x93\xEF\x85\xFF"
        "</term></termSec></langSec></conceptEntry></body></text></tbx>\n";
    const std::vector<std::string> expected = {
        "file.tbx:3:62: encoding.invalid: bytes that are not valid Shift_JIS (U_ILLEGAL_CHAR_FOUND); expected text in "
        "the declared encoding"};
    for (std::size_t piece : {std::size_t{1}, std::size_t{7}, document.size()}) {
        SCOPED_TRACE("pieces of " + std::to_string(piece));
        Diagnostics diagnostics;
        validate::NativeStreamValidator validator("file.tbx", {}, diagnostics);
        for (std::size_t at = 0; at < document.size(); at += piece)
            validator.feed(std::string_view(document).substr(at, piece));
        EXPECT_EQ(validate::verdict_name(validator.finish().verdict), "not-well-formed");
        EXPECT_EQ(described(diagnostics), expected);
    }
    Diagnostics rng_diagnostics;
    EXPECT_FALSE(validate_rng(document, "file.tbx", embedded::tbx_v3_core_rng(), "tbx-v3-core.rng", rng_diagnostics));
    EXPECT_EQ(described(rng_diagnostics), expected);
}

TEST(NativeStreamValidator, AnEmptyDocumentIsNotWellFormed) {
    Diagnostics diagnostics;
    validate::NativeStreamValidator validator("empty.tbx", {}, diagnostics);
    validate::NativeResult result = validator.finish();
    EXPECT_NE(result.verdict, validate::Verdict::valid);
    EXPECT_TRUE(diagnostics.has_errors());
}

}  // namespace
}  // namespace ilo
