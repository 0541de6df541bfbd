// A text handed out as a ByteSource, for the tests and fuzz targets that read in chunks.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include "ilo_tbx/format.hpp"

namespace ilo::test {

// `known_size` false makes it a pipe, whose end cannot be read first. The text must outlive it.
class TextSource final : public ByteSource {
public:
    TextSource(std::string_view text, bool known_size) : text_(text), known_size_(known_size) {}
    std::size_t read(char* buffer, std::size_t size) override {
        const std::size_t count = std::min(size, text_.size() - position_);
        std::copy_n(text_.data() + position_, count, buffer);
        position_ += count;
        return count;
    }
    std::optional<std::uint64_t> size() const override {
        return known_size_ ? std::optional<std::uint64_t>(text_.size()) : std::nullopt;
    }
    std::size_t read_at(std::uint64_t offset, char* buffer, std::size_t size) override {
        if (offset >= text_.size()) return 0;
        const std::size_t count = std::min<std::size_t>(size, text_.size() - static_cast<std::size_t>(offset));
        std::copy_n(text_.data() + offset, count, buffer);
        return count;
    }

private:
    std::string_view text_;
    bool known_size_;
    std::size_t position_ = 0;
};

}  // namespace ilo::test
