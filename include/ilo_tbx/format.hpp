// The format table: read and write options, the concept sink, and the one list of every reader and writer.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ilo_tbx/diagnostics.hpp"
#include "ilo_tbx/model.hpp"
#include "ilo_tbx/tool_profile.hpp"

namespace ilo {

// Receives a term base one concept at a time, so that readers and writers can
// stream inputs of any size. Calls come in the order header, concept*, finish.
class ConceptSink {
public:
    virtual ~ConceptSink() = default;
    virtual void header(const TermBaseHeader& header) = 0;
    virtual void concept_entry(Concept concept_value) = 0;
    virtual void finish() = 0;
};

// A sink that keeps everything: the bridge from streaming to a whole TermBase.
class TermBaseCollector final : public ConceptSink {
public:
    void header(const TermBaseHeader& header) override { term_base_.TermBaseHeader::operator=(header); }
    void concept_entry(Concept concept_value) override { term_base_.concepts.push_back(std::move(concept_value)); }
    void finish() override {}
    TermBase& term_base() { return term_base_; }

private:
    TermBase term_base_;
};

// Input bytes read piece by piece, so that a streaming reader need not hold a
// whole file (ilo_tbx/files.hpp has the file implementation).
class ByteSource {
public:
    virtual ~ByteSource() = default;
    // Reads up to `size` further bytes into `buffer`; returns how many, 0 at
    // the end or on a failure (then error() says what went wrong).
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
    // The total size when it is known (a regular file); readers then may use read_at.
    virtual std::optional<std::uint64_t> size() const { return std::nullopt; }
    // Reads up to `size` bytes at `offset` without moving read()'s position.
    virtual std::size_t read_at(std::uint64_t offset, char* buffer, std::size_t size) {
        (void)offset, (void)buffer, (void)size;
        return 0;
    }
    // Why the last read failed; empty while every read succeeded.
    virtual std::string error() const { return {}; }
};

// One input: its display name (for diagnostics) and its whole text, or, for
// a reader whose format says reads_chunks (TBX, JSON), a source to read in
// chunks (then `text` is ignored and memory does not grow with the file).
// Readers must not keep views into `text`, nor the source, after they return.
struct Input {
    std::string name;
    std::string_view text;
    ByteSource* source = nullptr;
};

// How CSV and TSV files are laid out; read by the CSV reader and writer only.
enum class CsvLayout { wide, long_form };
// A CAT tool's own CSV layout (--profile); none means --layout decides.
enum class CsvProfile { none, memoq, trados, phrase, crowdin, lokalise, matecat, omegat, translate_toolkit };

struct CsvOptions {
    CsvLayout layout = CsvLayout::wide;
    CsvProfile profile = CsvProfile::none;
    char delimiter = '\0';           // '\0': detect on read; ',' (';' for memoQ, TAB for tsv/omegat) on write
    std::string separator = " | ";   // between several values in one cell; its non-space character is escaped
    std::string source_language;     // BCP 47; for pair layouts and a language-less 'term' column
    std::vector<std::string> languages;  // target languages and their order; empty: all
    bool formula_escape = true;      // guard cells starting with = + - @ (write) and undo the guard (read)
    std::string sheet;               // xlsx read: the worksheet's name; empty: the first
};

struct ReadOptions {
    bool strict = false;  // turn reader warnings into errors
    std::size_t chunk_size = std::size_t{1} << 20;  // bytes read at a time from Input::source
    CsvOptions csv;
};

enum class TbxDialect { basic, core, min };
enum class TbxStyle { dca, dct };

struct WriteOptions {
    TbxDialect dialect = TbxDialect::basic;
    TbxStyle style = TbxStyle::dca;
    ToolProfile profile;  // --profile and its options; applied by the TBX 2008 writer
    CsvOptions csv;       // --profile, --layout and the CSV options; applied by the csv, tsv and xlsx writers
};

// Reads `input` and hands what it finds to `sink`; problems go to `diagnostics`.
// On an error the reader may stop early; the sink then gets no finish(). Bad
// input never throws; an exception the sink throws comes through.
using ReadFunction = void (*)(const Input& input, const ReadOptions& options, Diagnostics& diagnostics,
                              ConceptSink& sink);

// Makes a sink that writes to `out`. Whatever the format cannot hold is reported
// to `diagnostics` as a warning, never silently dropped. The sink keeps references
// to `out` and `diagnostics`, which must outlive it; the caller owns the sink.
using WriterFactory = std::unique_ptr<ConceptSink> (*)(std::ostream& out, const WriteOptions& options,
                                                       Diagnostics& diagnostics);

enum class FormatId { emn, tbx, tbx2008, json, csv, tsv, xlsx };

struct Format {
    FormatId id;
    std::string_view name;         // as given to --to / --from
    std::string_view description;  // one line for --help
    std::span<const std::string_view> extensions;
    ReadFunction read;      // null if the format cannot be read
    WriterFactory writer;   // null if the format cannot be written
    bool reads_chunks = false;  // `read` takes Input::source, a file read in chunks
};

// Every format ilo-tbx knows, in the order --help lists them. The table is static:
// pointers into it stay valid for the life of the program.
std::span<const Format> formats();
// The format named `name` ("tbx", "tbx2008", "json", "csv", "tsv", "emn"), or null.
const Format* find_format(std::string_view name);
// The format whose extension `path` ends with (".tbx" -> tbx), or null when none claims it.
const Format* format_for_path(std::string_view path);
// Whether the start of a text file is a tab-separated glossary (OmegaT's glossary.txt, say) rather than the text
// of an EMN glossary page, which is also a .txt file: OmegaT's header comment, or a tab in most of its first lines.
bool looks_tab_separated(std::string_view start);
// The format of an input file by its path and the start of its content: by the extension, except that a .txt
// file that looks tab-separated is tsv (.emn stays a page); without a readable format's extension, '{' first means
// json, else tbx.
const Format* format_for_input(std::string_view path, std::string_view start);

// Convenience for whole term bases in memory.
// Reads all of `input`. Errors are in `diagnostics` (check has_errors()); the term
// base then holds what was read before the reader stopped. A format that cannot be
// read (null `read`) gives an empty term base and no diagnostic: check `read` first.
TermBase read_term_base(const Format& format, const Input& input, const ReadOptions& options,
                        Diagnostics& diagnostics);
// Writes `term_base` to `out`: losses are warnings, a value the format cannot write
// at all (an invalid id, a dangling reference...) is an error. After an error `out`
// may hold part of a document: discard it (AtomicOutputFile does). Stream failures
// are not diagnosed: check `out`'s state afterwards. A format that cannot be written
// (null `writer`) writes nothing and adds no diagnostic: check `writer` first.
void write_term_base(const Format& format, const TermBase& term_base, std::ostream& out, const WriteOptions& options,
                     Diagnostics& diagnostics);

}  // namespace ilo
