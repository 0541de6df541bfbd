// Writer for Excel workbooks (.xlsx): the sheet layouts and profiles of the CSV writer, through libxlsxwriter.
#pragma once

#include "ilo_tbx/format.hpp"

namespace ilo {

// Makes a sink that writes the term base as one worksheet ("Terms") of an
// XLSX workbook when finish() is called, laid out as options.csv says (the
// same layouts, profiles, formula escape and csv.dropped warning as CSV).
// Comment lines of the long layout ("# title: ...") are one-cell rows above
// the header. The workbook's creation time is fixed, so the same term base
// gives the same bytes. A cell longer than Excel's 32,767 characters, or a
// sheet beyond 1,048,576 rows or 16,384 columns, is an error ("xlsx.limit"),
// as is a failure to build the workbook ("xlsx.write").
std::unique_ptr<ConceptSink> make_xlsx_writer(std::ostream& out, const WriteOptions& options,
                                              Diagnostics& diagnostics);

}  // namespace ilo
