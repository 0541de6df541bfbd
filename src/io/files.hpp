// Reading input files and writing output files atomically (temporary file, fsync, rename).
#pragma once

#include <fstream>
#include <optional>
#include <string>

#include "diag/diagnostics.hpp"

namespace ilo {

// Reads the whole file at `path`. On failure returns nothing and adds an error
// ("io.read") saying why: missing, a directory, or unreadable.
std::optional<std::string> read_file(const std::string& path, Diagnostics& diagnostics);

// An output file that appears under its final name only when commit() succeeds.
// Until then everything goes to a temporary file in the same directory, so the
// rename is atomic and an existing file at `path` stays untouched on failure.
// The destructor removes the temporary file if commit() was not reached.
class AtomicOutputFile {
public:
    explicit AtomicOutputFile(std::string path);
    ~AtomicOutputFile();
    AtomicOutputFile(const AtomicOutputFile&) = delete;
    AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

    // Creates the temporary file; false (with an "io.write" error) if it cannot.
    bool open(Diagnostics& diagnostics);
    std::ostream& stream() { return stream_; }
    const std::string& temporary_path() const { return temporary_path_; }
    const std::string& path() const { return path_; }

    // Flushes, fsyncs and renames into place. False (with an error) on failure,
    // in which case the temporary file is removed.
    bool commit(Diagnostics& diagnostics);
    // Removes the temporary file without touching `path`.
    void discard();

private:
    void forget_pending();

    std::string path_;
    std::string temporary_path_;
    std::ofstream stream_;
    bool committed_ = false;
};

// Removes every temporary file of an AtomicOutputFile not yet committed or
// discarded. Async-signal-safe, for the CLI's SIGINT/SIGTERM handler: after it,
// an interrupted run leaves the old output intact and no temporary file behind.
void remove_pending_temporary_files() noexcept;

}  // namespace ilo
