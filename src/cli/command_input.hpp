// A command's input file: read whole, or, when it is a big TBX file, left to the TBX reader to read in chunks.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "cli/cli.hpp"
#include "ilo_tbx/format.hpp"
#include "ilo_tbx/files.hpp"

namespace ilo::cli {

// Files up to this size are read whole (their text then also serves the
// diagnostics' source lines); bigger TBX files are read in chunks.
constexpr std::uint64_t stream_threshold = std::uint64_t{4} << 20;

// The first bytes of the file at `path` (up to 64 KiB, as CommandInput::start), to tell its format before the
// options are resolved. Empty for standard input, which cannot be read twice, and for a file that cannot be
// read: opening it as the input then says why.
std::string peek_start(const std::string& path);

class CommandInput {
public:
    // Opens `path` ('-': standard input, which is read whole). False, with an
    // "io.read" error, if it cannot be opened or read.
    bool open(const std::string& path, Diagnostics& diagnostics);

    const std::string& name() const { return name_; }
    // The first bytes (the first 64 KiB, or all), to tell the format by its content.
    std::string_view start() const { return text_ ? std::string_view(*text_) : std::string_view(start_); }
    // A regular file bigger than stream_threshold, not yet read whole.
    bool streamable() const { return !text_ && file_ && file_->size() && *file_->size() > stream_threshold; }

    // The whole text, also stored in `sources` under name(). Null (with an "io.read" error) if it cannot be read.
    const std::string* whole(SourceTexts& sources, Diagnostics& diagnostics);
    // The input for a streaming reader (TBX): the file, read in chunks. Only when streamable().
    Input streamed() { return Input{name_, {}, file_.get()}; }

    // Reads the source lines of the diagnostics about a streamed file into
    // `lines`; call it before the output may replace the input (--out FILE).
    void keep_source_lines(const Diagnostics& diagnostics, SourceLines& lines) const;
    // The same for lines given by number (lint's findings).
    void keep_source_lines(const std::set<std::uint32_t>& wanted, SourceLines& lines) const;

private:
    std::string path_;
    std::string name_;
    std::unique_ptr<FileByteSource> file_;
    std::string start_;
    const std::string* text_ = nullptr;
};

}  // namespace ilo::cli
