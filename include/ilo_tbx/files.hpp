// Reading input files and writing output files atomically (temporary file, fsync, rename).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <streambuf>
#include <string>
#include <vector>

#include "ilo_tbx/diagnostics.hpp"
#include "ilo_tbx/format.hpp"

namespace ilo {

// Reads the whole file at `path`. On failure returns nothing and adds an error
// ("io.read") saying why: missing, a directory, or unreadable.
std::optional<std::string> read_file(const std::string& path, Diagnostics& diagnostics);

// A file read in chunks (for the streaming TBX reader), with its size known
// when it is a regular file. Reads past a failure return 0 and error() says why.
class FileByteSource final : public ByteSource {
public:
    FileByteSource() = default;
    ~FileByteSource() override;
    FileByteSource(const FileByteSource&) = delete;
    FileByteSource& operator=(const FileByteSource&) = delete;

    // Opens `path`; false, with the "io.read" error read_file would give, if it cannot.
    bool open(const std::string& path, Diagnostics& diagnostics);
    std::size_t read(char* buffer, std::size_t size) override;
    std::optional<std::uint64_t> size() const override;
    std::size_t read_at(std::uint64_t offset, char* buffer, std::size_t size) override;
    std::string error() const override { return error_; }

private:
    int descriptor_ = -1;
    std::optional<std::uint64_t> size_;
    std::string error_;
};

// The text of lines `wanted` (1-based; ends as LineIndex counts them) of the
// file at `path`, read in chunks, each cut after `max_bytes`: the source lines
// of diagnostics about a file too big to keep in memory. Lines it cannot read are absent.
std::map<std::uint32_t, std::string> read_source_lines(const std::string& path, const std::set<std::uint32_t>& wanted,
                                                       std::size_t max_bytes = 1 << 20);

// An output file that appears under its final name only when commit() succeeds.
// Until then everything goes to a temporary file in the same directory, so the
// rename is atomic and an existing file at `path` stays untouched on failure.
// The destructor removes the temporary file if commit() was not reached.
// A stream buffer over a file descriptor that remembers the errno of the first
// failed write, so that "disk full" or "file too large" can be reported as such.
class DescriptorBuffer final : public std::streambuf {
public:
    DescriptorBuffer();
    void attach(int descriptor);
    int descriptor() const { return descriptor_; }
    int error_number() const { return error_number_; }  // 0 while every write succeeded
    bool flush_all();

protected:
    int_type overflow(int_type c) override;
    int sync() override;
    std::streamsize xsputn(const char* data, std::streamsize count) override;

private:
    bool write_all(const char* data, std::size_t size);

    std::vector<char> buffer_;
    int descriptor_ = -1;
    int error_number_ = 0;
};

class AtomicOutputFile {
public:
    explicit AtomicOutputFile(std::string path);
    ~AtomicOutputFile();
    AtomicOutputFile(const AtomicOutputFile&) = delete;
    AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

    // Creates the temporary file; false (with an "io.write" error) if it cannot.
    bool open(Diagnostics& diagnostics);
    std::ostream& stream() { return stream_; }
    // errno of the first failed write (ENOSPC, EFBIG...), 0 if none failed.
    int write_error() const { return buffer_.error_number(); }
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
    DescriptorBuffer buffer_;
    std::ostream stream_{&buffer_};
    bool committed_ = false;
};

// Removes every temporary file of an AtomicOutputFile not yet committed or
// discarded. Async-signal-safe, for the CLI's SIGINT/SIGTERM handler: after it,
// an interrupted run leaves the old output intact and no temporary file behind.
void remove_pending_temporary_files() noexcept;

}  // namespace ilo
