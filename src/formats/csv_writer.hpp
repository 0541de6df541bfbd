// Writer for CSV and TSV term bases: the wide and long layouts and the CAT-tool profiles.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ilo_tbx/format.hpp"

namespace ilo {

// Makes a sink that writes the term base as CSV when finish() is called (the
// language columns of a sheet are known only once every concept is in, so the
// sink keeps the concepts until then). Layout and profile come from
// options.csv. Whatever the chosen layout cannot hold is one warning
// ("csv.dropped") naming each kind of value and how many were left out; a
// profile that needs a language pair it cannot find is an error ("csv.languages").
std::unique_ptr<ConceptSink> make_csv_writer(std::ostream& out, const WriteOptions& options,
                                             Diagnostics& diagnostics);

// The same with TAB as the delimiter unless options.csv.delimiter says otherwise.
std::unique_ptr<ConceptSink> make_tsv_writer(std::ostream& out, const WriteOptions& options,
                                             Diagnostics& diagnostics);

namespace csv {

// Where the sheet layouts put their rows: CSV/TSV text, or an XLSX workbook.
class SheetOutput {
public:
    virtual ~SheetOutput() = default;
    // A comment line above the header ("# title: ..."), as the CSV reader reads them.
    virtual void comment(const std::string& text) = 0;
    // One row, formula escape already applied. `quoted[i]` marks an empty cell
    // that stands for an empty value (a term with no text), not for no value.
    virtual void row(const std::vector<std::string>& cells, const std::vector<bool>& quoted, bool is_header) = 0;
    // True when cells cannot hold tabs or line breaks (OmegaT's unquoted TSV).
    virtual bool plain_text() const = 0;
    // True when a cell cannot span lines even quoted (OmegaT's CSV reader reads line by line).
    virtual bool single_line() const { return plain_text(); }
    // The character between cells of a text sheet ('\0' for a workbook).
    virtual char delimiter() const { return '\0'; }
    // After the last row; errors go to the diagnostics the output was made with.
    virtual void finish() = 0;
};

// The layout part of the CSV writer (options.csv: layout, profile, languages,
// separator, formula escape) with its rows going to `output`.
std::unique_ptr<ConceptSink> make_sheet_writer(std::unique_ptr<SheetOutput> output, const WriteOptions& options,
                                               Diagnostics& diagnostics);

}  // namespace csv

}  // namespace ilo
