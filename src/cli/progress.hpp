// A progress line on standard error for long reads: bytes, concepts per second and the time left; only on a terminal.
#pragma once

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "ilo_tbx/format.hpp"

namespace ilo::cli {

// How long work runs before a progress line shows: 2 seconds, or ILO_TBX_PROGRESS_DELAY_MS from the
// environment (as git's GIT_PROGRESS_DELAY; the tests use 0 to see the line on a small file).
std::chrono::milliseconds progress_delay();

// Shows "name: 42% 66.0 of 157 MB, 4200 concepts (1900/s), 28.1 MB/s, about 3 s left" (no concepts before the first)
// on one line that it keeps rewriting, once the work has taken more than
// `delay`; clears it at the end. Does nothing unless enabled (see progress_wanted).
class Progress {
public:
    Progress(std::ostream& err, bool enabled, std::string name, std::uint64_t total_bytes,
             std::chrono::milliseconds delay = progress_delay());
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void add_bytes(std::uint64_t count);
    void add_concept();
    // Clears the line (if one was shown); later updates show nothing.
    void finish();

    // The line as it would be shown now; for tests.
    std::string line() const;

private:
    void maybe_show();

    std::ostream& err_;
    bool enabled_;
    std::string name_;
    std::uint64_t total_;
    std::chrono::milliseconds delay_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point last_shown_;
    std::uint64_t bytes_ = 0;
    std::uint64_t concepts_ = 0;
    bool shown_ = false;
};

// The size of the file at `path` for a progress line's percentage; 0 (no percentage) if it is unknown.
std::uint64_t file_size_or_zero(const std::string& path);

// Progress is shown when `err` is the process's standard error, that is a
// terminal, and --quiet was not given.
bool progress_wanted(const std::ostream& err, bool quiet);

// A ByteSource that counts what is read from another.
class ProgressSource final : public ByteSource {
public:
    ProgressSource(ByteSource& inner, Progress& progress) : inner_(inner), progress_(progress) {}
    std::size_t read(char* buffer, std::size_t size) override {
        std::size_t got = inner_.read(buffer, size);
        progress_.add_bytes(got);
        return got;
    }
    std::optional<std::uint64_t> size() const override { return inner_.size(); }
    std::size_t read_at(std::uint64_t offset, char* buffer, std::size_t size) override {
        return inner_.read_at(offset, buffer, size);
    }
    std::string error() const override { return inner_.error(); }

private:
    ByteSource& inner_;
    Progress& progress_;
};

// A ConceptSink that counts concepts on their way to another.
class ProgressSink final : public ConceptSink {
public:
    ProgressSink(ConceptSink& inner, Progress& progress) : inner_(inner), progress_(progress) {}
    void header(const TermBaseHeader& header) override { inner_.header(header); }
    void concept_entry(Concept concept_value) override {
        progress_.add_concept();
        inner_.concept_entry(std::move(concept_value));
    }
    void finish() override { inner_.finish(); }

private:
    ConceptSink& inner_;
    Progress& progress_;
};

// Reads `input` with `format` into `sink`. An input read in chunks (Input::source) shows a progress line named
// `label` on a terminal (progress_wanted) while it takes long; a whole text is read as it is.
void read_with_progress(const Format& format, const Input& input, const ReadOptions& options, Diagnostics& diagnostics,
                        ConceptSink& sink, std::ostream& err, bool quiet, const std::string& label);

}  // namespace ilo::cli
