// The progress line on standard error (see progress.hpp).
#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace ilo::cli {

namespace {

std::string megabytes(std::uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(bytes) / 1e6);
    return text;
}

}  // namespace

std::chrono::milliseconds progress_delay() {
    const char* given = std::getenv("ILO_TBX_PROGRESS_DELAY_MS");
    if (!given || !*given) return std::chrono::milliseconds(2000);
    char* end = nullptr;
    const long milliseconds = std::strtol(given, &end, 10);
    if (*end != '\0' || milliseconds < 0) return std::chrono::milliseconds(2000);
    return std::chrono::milliseconds(milliseconds);
}

Progress::Progress(std::ostream& err, bool enabled, std::string name, std::uint64_t total_bytes,
                   std::chrono::milliseconds delay)
    : err_(err), enabled_(enabled), name_(std::move(name)), total_(total_bytes), delay_(delay),
      start_(std::chrono::steady_clock::now()), last_shown_(start_) {}

Progress::~Progress() { finish(); }

void Progress::add_bytes(std::uint64_t count) {
    bytes_ += count;
    maybe_show();
}

void Progress::add_concept() {
    ++concepts_;
    // The clock is read every 64 concepts only: it is cheap, but not free.
    if (concepts_ % 64 == 0) maybe_show();
}

void Progress::maybe_show() {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - start_ < delay_ || (shown_ && now - last_shown_ < std::chrono::milliseconds(250))) return;
    last_shown_ = now;
    shown_ = true;
    // \r back to the start, the line, then erase whatever a longer previous line left.
    err_ << "\r" << line() << "\x1b[K" << std::flush;
}

std::string Progress::line() const {
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (seconds <= 0) seconds = 1e-9;
    std::string text = name_ + ": ";
    if (total_ > 0) {
        int percent = static_cast<int>(static_cast<double>(bytes_) * 100.0 / static_cast<double>(total_));
        text += std::to_string(percent > 100 ? 100 : percent) + "% " + megabytes(bytes_) + " of " + megabytes(total_) +
                " MB";
    } else {
        text += megabytes(bytes_) + " MB";
    }
    // validate counts bytes only.
    if (concepts_ > 0)
        text += ", " + std::to_string(concepts_) + " concepts (" +
                std::to_string(static_cast<std::uint64_t>(static_cast<double>(concepts_) / seconds)) + "/s)";
    text += ", " + megabytes(static_cast<std::uint64_t>(static_cast<double>(bytes_) / seconds)) + " MB/s";
    if (total_ > bytes_ && bytes_ > 0) {
        double left = seconds * static_cast<double>(total_ - bytes_) / static_cast<double>(bytes_);
        text += ", about " + std::to_string(static_cast<std::uint64_t>(left + 0.5)) + " s left";
    }
    return text;
}

void Progress::finish() {
    if (shown_) err_ << "\r\x1b[K" << std::flush;
    shown_ = false;
    enabled_ = false;
}

std::uint64_t file_size_or_zero(const std::string& path) {
    std::error_code error;
    const std::uintmax_t size = std::filesystem::file_size(path, error);
    return error ? 0 : static_cast<std::uint64_t>(size);
}

bool progress_wanted(const std::ostream& err, bool quiet) {
    return !quiet && &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
}

void read_with_progress(const Format& format, const Input& input, const ReadOptions& options, Diagnostics& diagnostics,
                        ConceptSink& sink, std::ostream& err, bool quiet, const std::string& label) {
    if (!input.source) {
        format.read(input, options, diagnostics, sink);
        return;
    }
    Progress progress(err, progress_wanted(err, quiet), label, input.source->size().value_or(0));
    ProgressSource counted_source(*input.source, progress);
    ProgressSink counted_sink(sink, progress);
    format.read(Input{input.name, {}, &counted_source}, options, diagnostics, counted_sink);
}

}  // namespace ilo::cli
