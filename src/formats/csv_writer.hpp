// Writer for CSV and TSV term bases: the wide and long layouts and the CAT-tool profiles.
#pragma once

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

}  // namespace ilo
