// Opening a command's input file and deciding whether it is read whole or in chunks (see command_input.hpp).
#include "cli/command_input.hpp"

#include <iostream>
#include <set>
#include <sstream>

namespace ilo::cli {

bool CommandInput::open(const std::string& path, Diagnostics& diagnostics) {
    path_ = path;
    name_ = path == "-" ? "<stdin>" : path;
    if (path == "-") {
        // Standard input is read whole at once: it cannot be read twice, nor from its end.
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        start_ = buffer.str();
        return true;
    }
    file_ = std::make_unique<FileByteSource>();
    if (!file_->open(path, diagnostics)) return false;
    // The first bytes are read where they are, so that a chunked read still starts at the beginning.
    start_.resize(std::size_t{1} << 16);
    start_.resize(file_->read_at(0, start_.data(), start_.size()));
    if (!file_->error().empty()) {
        diagnostics.error({path, 0, 0}, "io.read", "cannot read input: " + file_->error());
        return false;
    }
    return true;
}

std::string peek_start(const std::string& path) {
    if (path == "-") return {};
    FileByteSource file;
    Diagnostics ignored;  // opening the input again reports the failure
    if (!file.open(path, ignored)) return {};
    std::string start(std::size_t{1} << 16, '\0');
    start.resize(file.read_at(0, start.data(), start.size()));
    return file.error().empty() ? start : std::string();
}

const std::string* CommandInput::whole(SourceTexts& sources, Diagnostics& diagnostics) {
    if (text_) return text_;
    std::string text;
    if (path_ == "-") {
        text = std::move(start_);
    } else {
        std::optional<std::string> read = read_file(path_, diagnostics);
        if (!read) return nullptr;
        text = std::move(*read);
    }
    start_.clear();
    text_ = &sources.insert_or_assign(name_, std::move(text)).first->second;
    return text_;
}

void CommandInput::keep_source_lines(const Diagnostics& diagnostics, SourceLines& lines) const {
    if (text_ || !file_) return;
    std::set<std::uint32_t> wanted;
    for (const Diagnostic& diagnostic : diagnostics.items())
        if (diagnostic.pos.file == name_ && diagnostic.pos.known()) wanted.insert(diagnostic.pos.line);
    keep_source_lines(wanted, lines);
}

void CommandInput::keep_source_lines(const std::set<std::uint32_t>& wanted, SourceLines& lines) const {
    if (text_ || !file_ || wanted.empty()) return;
    std::map<std::uint32_t, std::string> found = read_source_lines(path_, wanted);
    auto& kept = lines[name_];
    for (auto& [line, text] : found) kept[line] = std::move(text);
}

}  // namespace ilo::cli
