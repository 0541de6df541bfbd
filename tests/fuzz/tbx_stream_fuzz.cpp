// libFuzzer target for the streaming paths: a TBX read, and validated, in chunks must give what it gives whole.
//
// The CLI reads a TBX file in 1 MiB chunks and validates what it writes as it is written; the reader targets
// hand the reader the whole text, so the chunk boundaries (a tag, a UTF-8 sequence or a line cut in two, the
// window kept for the back matter) were reached only by the unit tests' fixed files. Here the input picks the
// chunk size (1 to 64 bytes, or 4093) and whether its size is known (a file) or not (a pipe), from a hash, so
// that a seed stays a plain TBX file and a replay behaves the same.
#include <algorithm>
#include <cctype>
#include <optional>
#include <sstream>

#include "../support/recording_sink.hpp"
#include "../support/text_source.hpp"
#include "fuzz_reader.hpp"
#include "ilo_tbx/tbx_reader.hpp"
#include "text/text_decoding.hpp"

namespace {

using namespace ilo;

using test::RecordingSink;
using test::TextSource;

struct Outcome {
    TermBase term_base;
    std::string events;
    std::string diagnostics;
    std::string flavour;
    bool encoding_problem = false;
    bool has_error = false;
};

// Where each concept, language section and term was read: SourcePos compares equal whatever the position.
std::string positions(const TermBase& term_base) {
    std::ostringstream out;
    auto at = [&](const SourcePos& pos) { out << pos.line << ":" << pos.column << " "; };
    for (const Concept& concept_value : term_base.concepts) {
        at(concept_value.pos);
        for (const LanguageSection& language : concept_value.languages) {
            at(language.pos);
            for (const Term& term : language.terms) at(term.pos);
        }
    }
    return out.str();
}

Outcome read(std::string_view text, ByteSource* source, std::size_t chunk_size) {
    Outcome outcome;
    RecordingSink sink;
    Diagnostics diagnostics;
    TbxFlavour flavour;
    ReadOptions options;
    options.chunk_size = chunk_size;
    read_tbx(source ? Input{"in.tbx", {}, source} : Input{"in.tbx", text}, options, diagnostics, sink, &flavour);
    outcome.term_base = std::move(sink.collector.term_base());
    for (const std::string& event : sink.events) outcome.events += event + "\n";
    for (const Diagnostic& diagnostic : diagnostics.items()) {
        outcome.diagnostics += format_diagnostic(diagnostic);
        // The checks of the bytes themselves: encoding, NUL, and the characters XML forbids anywhere.
        outcome.encoding_problem |=
            diagnostic.code.starts_with("encoding.") || diagnostic.code == "input.binary" ||
            diagnostic.message.find("is not allowed anywhere in an XML document") != std::string::npos;
    }
    outcome.has_error = diagnostics.has_errors();
    outcome.flavour = describe(flavour) + " " + flavour.encoding;
    return outcome;
}

void compare_reads(std::string_view text, std::size_t chunk_size, bool known_size) {
    const Outcome whole = read(text, nullptr, 0);
    TextSource source(text, known_size);
    const Outcome chunked = read(text, &source, chunk_size);
    const std::string how = " (chunks of " + std::to_string(chunk_size) + (known_size ? ", a file" : ", a pipe") + ")";
    // Read whole, the bytes are checked before anything is read; in chunks, as each chunk comes. So such an error
    // found late follows what came before it (another error may come first), and a count of inner byte-order marks
    // covers what was read: there only the presence of an error must agree.
    if (whole.encoding_problem || chunked.encoding_problem) {
        if (whole.has_error != chunked.has_error)
            ilo::fuzz::property_broken("read in chunks, the TBX " +
                                           std::string(whole.has_error ? "lacks the error it has whole"
                                                                       : "has an error it does not have whole") +
                                           how + ":\nwhole:\n" + whole.diagnostics + "chunked:\n" + chunked.diagnostics,
                                       {});
        return;
    }
    if (chunked.diagnostics != whole.diagnostics)
        ilo::fuzz::property_broken("read in chunks, the TBX gives other diagnostics" + how + ":\nwhole:\n" +
                                       whole.diagnostics + "chunked:\n" + chunked.diagnostics,
                                   {});
    // After an error nothing is written, and what was handed on before it depends on where the reader stood: read
    // whole, some errors are found before the first entry; in chunks, when their chunk comes.
    if (whole.has_error) return;
    if (chunked.events != whole.events)
        ilo::fuzz::property_broken("read in chunks, the TBX gives other sink calls" + how + ":\nwhole:\n" +
                                       whole.events + "chunked:\n" + chunked.events,
                                   {});
    if (!(chunked.term_base == whole.term_base))
        ilo::fuzz::property_broken("read in chunks, the TBX gives another model" + how + ": " +
                                       test::first_difference(whole.term_base, chunked.term_base),
                                   {});
    if (positions(chunked.term_base) != positions(whole.term_base))
        ilo::fuzz::property_broken("read in chunks, the TBX gives other positions" + how, {});
    if (chunked.flavour != whole.flavour)
        ilo::fuzz::property_broken("read in chunks, the TBX is taken for another flavour" + how + ": " +
                                       chunked.flavour + " against " + whole.flavour,
                                   {});
}

// Whether libxml2 decodes the document itself: UTF-16 and UCS-4, by their byte-order mark or the NULs around the
// first '<', or a declared encoding ICU does not know (iconv may). A legacy encoding ICU knows is decoded by ICU
// before libxml2 sees it, and UTF-8 is checked by the validator itself.
bool decoded_by_libxml2(std::string_view text) {
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF") ||
        text.substr(0, 4).find('\0') != std::string_view::npos)
        return true;
    // After a UTF-8 byte-order mark the validator leaves a declared encoding to libxml2.
    const bool marked = text.starts_with("\xEF\xBB\xBF");
    if (marked) text.remove_prefix(3);
    const std::string declared = declared_xml_encoding(text.substr(0, std::min(text.size(), std::size_t{64 * 1024})));
    return is_transcoded_encoding(declared) && (marked || !PieceTranscoder::open(declared).has_value());
}

// The validator fed the document in pieces, as the CLI feeds it what a writer writes, gives the verdict and the
// diagnostics it gives on the whole document. Where libxml2 decodes (through iconv), its errors come where its
// pieces end: there the verdict must agree.
void compare_validations(std::string_view text, std::size_t chunk_size) {
    Diagnostics whole_diagnostics, chunked_diagnostics;
    const validate::NativeResult whole = validate::validate_native(text, "in.tbx", {}, whole_diagnostics);
    validate::NativeStreamValidator stream("in.tbx", {}, chunked_diagnostics);
    for (std::size_t at = 0; at < text.size(); at += chunk_size) stream.feed(text.substr(at, chunk_size));
    const validate::NativeResult chunked = stream.finish();
    // libxml2 words and places the error that makes a document not well-formed after how much of it it had (an
    // invalid UTF-8 sequence cut by a chunk is "expected '>'" or "internal error" instead of "Input is not proper
    // UTF-8"; a bad comment is a column further on): that there is one must agree, and everything before it.
    // Bytes a legacy encoding cannot hold end the document too, and libxml2 reports a fault before them only if
    // it has parsed that far: a start tag waits for a '>' it can tell is not in a quoted value, so where the
    // pieces end decides whether the fault or the bytes come first (fuzz corpus stream-utf08-start-tag-fault.tbx).
    auto rendered = [](const Diagnostics& diagnostics) {
        std::string out;
        for (const Diagnostic& diagnostic : diagnostics.items()) {
            if (diagnostic.code == "xml.not-well-formed" || diagnostic.code == "encoding.invalid") {
                out += "not well-formed\n";
                continue;
            }
            out += format_diagnostic(diagnostic);
        }
        return out;
    };
    const std::string whole_text = rendered(whole_diagnostics), chunked_text = rendered(chunked_diagnostics);
    // Before libxml2 finds what makes a document not well-formed it hands on what it has parsed, which depends on
    // the pieces: then one's diagnostics must be the start of the other's.
    bool agree = whole_text == chunked_text;
    if (!agree && whole.verdict == validate::Verdict::not_well_formed) {
        auto before_the_end = [](const std::string& diagnostics) {
            const std::size_t end = diagnostics.find("not well-formed\n");
            return diagnostics.substr(0, end);
        };
        const std::string whole_part = before_the_end(whole_text), chunked_part = before_the_end(chunked_text);
        agree = whole_part.starts_with(chunked_part) || chunked_part.starts_with(whole_part);
    }
    // Where both come to bytes the encoding cannot hold, they come to the same ones.
    auto first_bad_bytes = [](const Diagnostics& diagnostics) {
        for (const Diagnostic& diagnostic : diagnostics.items())
            if (diagnostic.code == "encoding.invalid") return format_diagnostic(diagnostic);
        return std::string();
    };
    const std::string whole_bad = first_bad_bytes(whole_diagnostics),
                      chunked_bad = first_bad_bytes(chunked_diagnostics);
    if (!whole_bad.empty() && !chunked_bad.empty() && whole_bad != chunked_bad) agree = false;
    if (whole.verdict != chunked.verdict || (!agree && !decoded_by_libxml2(text)))
        ilo::fuzz::property_broken("validated in chunks of " + std::to_string(chunk_size) + ", the TBX is " +
                                       std::string(validate::verdict_name(chunked.verdict)) + ", whole " +
                                       std::string(validate::verdict_name(whole.verdict)) + ":\nwhole:\n" + whole_text +
                                       "chunked:\n" + chunked_text,
                                   {});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::uint32_t hash = ilo::fuzz::fnv1a(text);
    // Mostly small chunks, which cut everything somewhere; now and then the size of a real read's tail.
    const std::size_t chunk_size = hash % 16 == 0 ? 4093 : 1 + (hash >> 4) % 64;
    compare_reads(text, chunk_size, (hash >> 12) % 2 == 0);
    compare_validations(text, chunk_size);
    return 0;
}
