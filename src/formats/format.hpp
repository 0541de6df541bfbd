// The format table: read and write options, the concept sink, and the one list of every reader and writer.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.hpp"
#include "model/model.hpp"
#include "model/tool_profile.hpp"

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

// One input: its display name (for diagnostics) and its whole text.
// Readers must not keep views into `text` after they return.
struct Input {
    std::string name;
    std::string_view text;
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
};

struct ReadOptions {
    bool strict = false;  // turn reader warnings into errors
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
// On an error the reader may stop early; the sink then gets no finish().
using ReadFunction = void (*)(const Input& input, const ReadOptions& options, Diagnostics& diagnostics,
                              ConceptSink& sink);

// Makes a sink that writes to `out`. Whatever the format cannot hold is reported
// to `diagnostics` as a warning, never silently dropped.
using WriterFactory = std::unique_ptr<ConceptSink> (*)(std::ostream& out, const WriteOptions& options,
                                                       Diagnostics& diagnostics);

enum class FormatId { emn, tbx, tbx2008, json, csv, tsv };

struct Format {
    FormatId id;
    std::string_view name;         // as given to --to / --from
    std::string_view description;  // one line for --help
    std::span<const std::string_view> extensions;
    ReadFunction read;      // null if the format cannot be read
    WriterFactory writer;   // null if the format cannot be written
};

// Every format ilo-tbx knows, in the order --help lists them.
std::span<const Format> formats();
const Format* find_format(std::string_view name);
const Format* format_for_path(std::string_view path);

// Convenience for whole term bases in memory.
TermBase read_term_base(const Format& format, const Input& input, const ReadOptions& options,
                        Diagnostics& diagnostics);
void write_term_base(const Format& format, const TermBase& term_base, std::ostream& out, const WriteOptions& options,
                     Diagnostics& diagnostics);

}  // namespace ilo
