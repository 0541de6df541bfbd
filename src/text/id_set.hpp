// A set of ids (xml:id values, concept ids) kept in large blocks, so that millions of them do not fragment the heap.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_set>

namespace ilo {

// The readers, the writers' entry builder and the validator each keep every id of a file until its end, to find
// duplicates and dangling references. Held as one small heap node each, 100,000 concepts' ids interleaved with the
// short-lived allocations of the entries around them and made glibc's malloc three times as costly per call (9% of
// a 100k-concept import against 3% at 10k); from a monotonic buffer, they sit in a few large blocks instead.
class IdSet {
public:
    IdSet() : buffer_(std::make_unique<std::pmr::monotonic_buffer_resource>()), ids_(buffer_.get()) {}
    // The set's nodes live in the buffer it moves with; assignment would free the target's buffer under its set.
    IdSet(IdSet&&) noexcept = default;
    IdSet& operator=(IdSet&&) = delete;
    IdSet(const IdSet&) = delete;
    IdSet& operator=(const IdSet&) = delete;

    // True if `id` was not in the set before.
    bool insert(std::string_view id) { return ids_.emplace(id).second; }
    bool contains(std::string_view id) const { return ids_.find(id) != ids_.end(); }
    std::size_t size() const { return ids_.size(); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unique_ptr<std::pmr::monotonic_buffer_resource> buffer_;
    std::pmr::unordered_set<std::pmr::string, Hash, std::equal_to<>> ids_;
};

}  // namespace ilo
