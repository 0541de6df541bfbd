// libxml2 RelaxNG validation in streaming mode; the only place besides other validators that uses libxml2.
#include "validate/rng_validator.hpp"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "text/text_decoding.hpp"
#include "text/xml_limits.hpp"
#include "validate/libxml2_setup.hpp"

namespace ilo {

namespace {

using validate::initialise_libxml2;

constexpr int safe_parser_options = XML_PARSE_NONET | XML_PARSE_NOXINCNODE;

struct ErrorSink {
    Diagnostics* diagnostics;
    std::string file;
    std::string code;
    bool any = false;
    const bool* input_failed = nullptr;  // once set, what libxml2 says follows from the input ending early
};

// A document in a legacy encoding, decoded by ICU before libxml2's reader sees it, as the native validator and the
// TBX reader decode it: libxml2 2.9's own ICU path fails on a character cut between two of its reads.
class DecodedInput {
public:
    // From memory, or from `file` whose first bytes `first` are already read.
    DecodedInput(std::string_view memory, PieceTranscoder transcoder)
        : pending_(memory), transcoder_(std::move(transcoder)) {}
    DecodedInput(std::FILE* file, std::vector<char> first, PieceTranscoder transcoder)
        : file_(file),
          buffer_(std::move(first)),
          pending_(buffer_.data(), buffer_.size()),
          transcoder_(std::move(transcoder)) {}
    ~DecodedInput() {
        if (file_) std::fclose(file_);
    }
    DecodedInput(const DecodedInput&) = delete;
    DecodedInput& operator=(const DecodedInput&) = delete;

    // libxml2's xmlInputReadCallback.
    static int read(void* context, char* out, int length) {
        auto& input = *static_cast<DecodedInput*>(context);
        while (input.decoded_at_ == input.decoded_.size()) {
            if (input.failed_ || input.read_error_) return -1;
            if (input.ended_) return 0;
            input.refill();
        }
        const std::size_t count = std::min(static_cast<std::size_t>(length), input.decoded_.size() - input.decoded_at_);
        std::memcpy(out, input.decoded_.data() + input.decoded_at_, count);
        input.decoded_at_ += count;
        return static_cast<int>(count);
    }
    static int close(void*) { return 0; }

    bool failed() const { return failed_; }
    bool read_error() const { return read_error_; }
    const bool* failed_flag() const { return &failed_; }
    SourcePos failure_position(const std::string& file) const {
        return {file, transcoder_.line(), transcoder_.column()};
    }
    std::string failure_message() const { return transcoder_.error_message(); }
    int read_errno() const { return read_errno_; }

private:
    void refill() {
        std::string_view raw = pending_;
        pending_ = {};
        if (raw.empty() && file_) {
            buffer_.resize(256 * 1024);
            const std::size_t count = std::fread(buffer_.data(), 1, buffer_.size(), file_);
            if (std::ferror(file_)) {
                read_error_ = true;
                read_errno_ = errno;  // libxml2 may set errno again before the error is reported
                return;
            }
            raw = std::string_view(buffer_.data(), count);
        }
        const bool last = raw.empty();
        decoded_.clear();
        decoded_at_ = 0;
        if (!transcoder_.decode(raw, last, decoded_)) failed_ = true;
        ended_ = last;
    }

    std::FILE* file_ = nullptr;
    std::vector<char> buffer_;
    std::string_view pending_;  // raw bytes not yet decoded
    PieceTranscoder transcoder_;
    std::string decoded_;
    std::size_t decoded_at_ = 0;
    bool ended_ = false;
    bool failed_ = false;
    bool read_error_ = false;
    int read_errno_ = 0;
};

std::string trimmed_message(const char* message) {
    std::string text = message ? message : "unknown libxml2 error";
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text;
}

void collect_error(void* user_data, xmlErrorPtr error) {
    auto* sink = static_cast<ErrorSink*>(user_data);
    if (!error || error->level == XML_ERR_NONE || error->level == XML_ERR_WARNING) return;
    if (sink->input_failed && *sink->input_failed) return;
    sink->any = true;
    auto line = static_cast<std::uint32_t>(error->line > 0 ? error->line : 0);
    auto column = static_cast<std::uint32_t>(error->int2 > 0 ? error->int2 : (line ? 1 : 0));
    if (error->node && line == 0) {
        line = static_cast<std::uint32_t>(xmlGetLineNo(static_cast<xmlNodePtr>(error->node)));
        column = line ? 1 : 0;
    }
    sink->diagnostics->error({sink->file, line, column}, sink->code, trimmed_message(error->message));
}

struct SchemaDeleter {
    void operator()(xmlRelaxNGPtr schema) const { xmlRelaxNGFree(schema); }
};
struct ReaderDeleter {
    void operator()(xmlTextReaderPtr reader) const { xmlFreeTextReader(reader); }
};

std::unique_ptr<xmlRelaxNG, SchemaDeleter> parse_schema(std::string_view schema, const std::string& schema_name,
                                                        Diagnostics& diagnostics) {
    ErrorSink sink{&diagnostics, schema_name, "schema.unusable"};
    xmlRelaxNGParserCtxtPtr context =
        xmlRelaxNGNewMemParserCtxt(schema.data(), static_cast<int>(schema.size()));
    if (!context) {
        diagnostics.error({schema_name, 0, 0}, "schema.unusable", "cannot read the RELAX NG schema");
        return nullptr;
    }
    xmlRelaxNGSetParserStructuredErrors(context, collect_error, &sink);
    std::unique_ptr<xmlRelaxNG, SchemaDeleter> parsed(xmlRelaxNGParse(context));
    xmlRelaxNGFreeParserCtxt(context);
    if (!parsed && !sink.any)
        diagnostics.error({schema_name, 0, 0}, "schema.unusable", "the RELAX NG schema does not compile");
    return parsed;
}

bool run_reader(xmlTextReaderPtr raw_reader, const std::string& document_name, std::string_view schema,
                const std::string& schema_name, Diagnostics& diagnostics, const DecodedInput* decoded = nullptr) {
    std::unique_ptr<xmlTextReader, ReaderDeleter> reader(raw_reader);
    if (!reader) {
        diagnostics.error({document_name, 0, 0}, "io.read", "cannot open the document for validation");
        return false;
    }
    auto compiled = parse_schema(schema, schema_name, diagnostics);
    if (!compiled) return false;
    ErrorSink sink{&diagnostics, document_name, "rng.invalid"};
    if (decoded) sink.input_failed = decoded->failed_flag();
    xmlTextReaderSetStructuredErrorHandler(reader.get(), collect_error, &sink);
    if (xmlTextReaderRelaxNGSetSchema(reader.get(), compiled.get()) != 0) {
        diagnostics.error({schema_name, 0, 0}, "schema.unusable", "libxml2 cannot use the RELAX NG schema");
        return false;
    }
    int status = 0;
    bool refused = false;
    (void)validate::take_libxml2_messages();
    while (!refused && (status = xmlTextReaderRead(reader.get())) == 1) {
        // The limits every parse path holds input to (text/xml_limits.hpp). libxml2's own
        // (no XML_PARSE_HUGE) already bound memory; these give the same errors as the reader.
        int type = xmlTextReaderNodeType(reader.get());
        auto at = [&] {
            return SourcePos{document_name, static_cast<std::uint32_t>(std::max(0, xmlTextReaderGetParserLineNumber(reader.get()))),
                             static_cast<std::uint32_t>(std::max(1, xmlTextReaderGetParserColumnNumber(reader.get())))};
        };
        if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
            const xmlChar* name = xmlTextReaderConstName(reader.get());
            diagnostics.error(at(), "xml.entity",
                              xml_limits::entity_refused_message(name ? reinterpret_cast<const char*>(name) : ""));
            refused = true;
        } else if (type == XML_READER_TYPE_ELEMENT &&
                   static_cast<std::size_t>(xmlTextReaderDepth(reader.get())) >= xml_limits::max_element_depth) {
            diagnostics.error(at(), "xml.too-deep", xml_limits::too_deep_message());
            refused = true;
        }
    }
    if (decoded && decoded->failed()) {
        (void)validate::take_libxml2_messages();  // libxml2's word on the input ending early
        diagnostics.error(decoded->failure_position(document_name), "encoding.invalid", decoded->failure_message());
        refused = true;
    } else if (decoded && decoded->read_error()) {
        (void)validate::take_libxml2_messages();
        diagnostics.error({document_name, 0, 0}, "io.read",
                          "cannot read the file: " + std::string(std::strerror(decoded->read_errno())));
        refused = true;
    } else if (validate::is_encoding_failure(validate::take_libxml2_messages())) {
        // libxml2 stops at bytes it cannot decode, and then reports the rest as missing ("Extra content...").
        diagnostics.error(
            {document_name, static_cast<std::uint32_t>(std::max(0, xmlTextReaderGetParserLineNumber(reader.get()))), 0},
            "encoding.invalid",
            "bytes that are not valid in the document's declared encoding; expected text in that "
            "encoding");
        refused = true;
    }
    bool valid = !refused && status == 0 && xmlTextReaderIsValid(reader.get()) == 1 && !sink.any;
    if (!valid && !sink.any && !refused)
        diagnostics.error({document_name, 0, 0}, "rng.invalid", "the document does not match " + schema_name);
    // The reader must be freed before the schema it points to.
    reader.reset();
    return valid;
}

}  // namespace

bool validate_rng(std::string_view document, const std::string& document_name, std::string_view schema,
                  const std::string& schema_name, Diagnostics& diagnostics) {
    initialise_libxml2();
    if (std::optional<PieceTranscoder> transcoder = PieceTranscoder::for_xml_prolog(document)) {
        DecodedInput input(document, std::move(*transcoder));
        xmlTextReaderPtr reader =
            xmlReaderForIO(&DecodedInput::read, &DecodedInput::close, &input, document_name.c_str(), "UTF-8",
                           safe_parser_options | XML_PARSE_IGNORE_ENC);
        return run_reader(reader, document_name, schema, schema_name, diagnostics, &input);
    }
    xmlTextReaderPtr reader = xmlReaderForMemory(document.data(), static_cast<int>(document.size()),
                                                 document_name.c_str(), nullptr, safe_parser_options);
    return run_reader(reader, document_name, schema, schema_name, diagnostics);
}

bool validate_rng_file(const std::string& path, const std::string& document_name, std::string_view schema,
                       const std::string& schema_name, Diagnostics& diagnostics) {
    initialise_libxml2();
    if (std::FILE* file = std::fopen(path.c_str(), "rb")) {
        std::vector<char> first(64 * 1024);
        first.resize(std::fread(first.data(), 1, first.size(), file));
        std::optional<PieceTranscoder> transcoder =
            std::ferror(file) ? std::nullopt : PieceTranscoder::for_xml_prolog({first.data(), first.size()});
        if (transcoder) {
            DecodedInput input(file, std::move(first), std::move(*transcoder));
            xmlTextReaderPtr reader =
                xmlReaderForIO(&DecodedInput::read, &DecodedInput::close, &input, document_name.c_str(), "UTF-8",
                               safe_parser_options | XML_PARSE_IGNORE_ENC);
            return run_reader(reader, document_name, schema, schema_name, diagnostics, &input);
        }
        std::fclose(file);
    }
    xmlTextReaderPtr reader = xmlReaderForFile(path.c_str(), nullptr, safe_parser_options);
    return run_reader(reader, document_name, schema, schema_name, diagnostics);
}

}  // namespace ilo
