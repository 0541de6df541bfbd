// Reader for CSV and TSV term bases: the wide and long layouts, CAT-tool layouts and headerless pair files.
#pragma once

#include <optional>

#include "formats/csv_tokenizer.hpp"
#include "ilo_tbx/format.hpp"

namespace ilo {

// Reads a CSV file (delimiter detected among , ; TAB unless options.csv.delimiter
// is set) and hands one concept per entry to `sink`. The layout comes from the
// header row: a 'language' column means the long layout (one row per term),
// 'source'/'target' a pair layout, otherwise wide (one row per concept, one
// column per language, named by code or English name). A file without a header
// row is a pair file (source, target, comment) and needs --source-lang and
// --langs. Errors (with file:line:col) stop the reader before its finish().
void read_csv(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink);

// The same with TAB as the delimiter unless options.csv.delimiter says otherwise.
void read_tsv(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink);

namespace csv {

// Where the sheet reader gets its records: the CSV tokenizer, or an XLSX worksheet.
class RecordSource {
public:
    virtual ~RecordSource() = default;
    // The next non-empty record, or nothing at the end or after an error (then failed()).
    // With `allow_comment`, a record starting with '#' is a comment line.
    virtual std::optional<Record> next(bool allow_comment) = 0;
    virtual bool failed() const = 0;
};

// What read_csv does once the text is decoded and split: the header (layout
// detection), comment lines and rows from `records`, with `input.name` in the
// diagnostics' positions (line and column are the record's and cell's).
void read_sheet(const Input& input, RecordSource& records, const ReadOptions& options, Diagnostics& diagnostics,
                ConceptSink& sink);

}  // namespace csv

}  // namespace ilo
