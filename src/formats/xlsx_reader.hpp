// Reader for Excel workbooks (.xlsx): one worksheet read as the CSV reader reads a sheet (same layouts and profiles).
#pragma once

#include <cstddef>

#include "ilo_tbx/format.hpp"

namespace ilo {

// Limits on what an .xlsx may unpack to, so that a zip bomb is refused before it fills memory.
inline constexpr std::size_t xlsx_max_entries = 10000;
inline constexpr std::size_t xlsx_max_uncompressed_bytes = std::size_t{256} << 20;  // 256 MiB, all parts read

// Reads the first worksheet of an .xlsx workbook (or the one options.csv.sheet
// names) and hands its rows to the CSV reader's layout logic: header detection,
// wide/long/pair layouts, profiles, '#' comment rows above the header. Cells are
// shared strings, inline strings, numbers (their text as stored), booleans (TRUE/
// FALSE) and formula results (the cached value; nothing is evaluated). Positions
// in diagnostics are ROW:COLUMN of the worksheet (both 1-based).
// Errors: not a ZIP archive or a broken one ("xlsx.zip"), a workbook part
// missing or not well-formed ("xlsx.structure"), more than xlsx_max_entries
// entries or more than xlsx_max_uncompressed_bytes unpacked ("xlsx.too-large"),
// no such sheet ("xlsx.sheet"). Parts outside the archive (external
// relationships) are never followed.
void read_xlsx(const Input& input, const ReadOptions& options, Diagnostics& diagnostics, ConceptSink& sink);

}  // namespace ilo
