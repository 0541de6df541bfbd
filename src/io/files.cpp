// File input and atomic file output, with every failure turned into a diagnostic.
#include "ilo_tbx/files.hpp"

#include "io/write_fully.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace ilo {

namespace {
std::string system_error_text(int error_number) { return std::strerror(error_number); }

// Temporary paths a signal handler may have to remove. Fixed-size storage and
// atomic flags, because a handler may read them at any moment and must not allocate.
constexpr std::size_t max_pending = 8;
constexpr std::size_t max_path = 4096;
struct PendingSlot {
    std::atomic<bool> used{false};
    char path[max_path] = {};
};
PendingSlot pending_slots[max_pending];

PendingSlot* remember_pending(const std::string& path) {
    if (path.size() >= max_path) return nullptr;
    for (PendingSlot& slot : pending_slots) {
        bool expected = false;
        if (slot.used.load() || !slot.used.compare_exchange_strong(expected, true)) continue;
        std::memcpy(slot.path, path.c_str(), path.size() + 1);
        return &slot;
    }
    return nullptr;
}
}  // namespace

void remove_pending_temporary_files() noexcept {
    for (PendingSlot& slot : pending_slots)
        if (slot.used.load()) ::unlink(slot.path);
}

std::optional<std::string> read_file(const std::string& path, Diagnostics& diagnostics) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        diagnostics.error({path, 0, 0}, "io.read", "cannot read input: " + system_error_text(errno));
        return std::nullopt;
    }
    if (S_ISDIR(info.st_mode)) {
        diagnostics.error({path, 0, 0}, "io.read", "cannot read input: it is a directory, expected a file");
        return std::nullopt;
    }
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) {
        diagnostics.error({path, 0, 0}, "io.read", "cannot read input: " + system_error_text(errno));
        return std::nullopt;
    }
    std::string content;
    // A regular file's size is known: without this the string doubles as it grows, and peaks at up to twice the
    // file (three times while it moves).
    if (S_ISREG(info.st_mode)) content.reserve(static_cast<std::size_t>(info.st_size));
    std::vector<char> buffer(1 << 16);
    std::size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) content.append(buffer.data(), got);
    bool failed = std::ferror(file) != 0;
    int error_number = errno;
    std::fclose(file);
    if (failed) {
        diagnostics.error({path, 0, 0}, "io.read", "cannot read input: " + system_error_text(error_number));
        return std::nullopt;
    }
    return content;
}

FileByteSource::~FileByteSource() {
    if (descriptor_ >= 0) ::close(descriptor_);
}

bool FileByteSource::open(const std::string& path, Diagnostics& diagnostics) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        diagnostics.error({path, 0, 0}, "io.read", "cannot read input: " + system_error_text(errno));
        return false;
    }
    if (S_ISDIR(info.st_mode)) {
        diagnostics.error({path, 0, 0}, "io.read", "cannot read input: it is a directory, expected a file");
        return false;
    }
    descriptor_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (descriptor_ < 0) {
        diagnostics.error({path, 0, 0}, "io.read", "cannot read input: " + system_error_text(errno));
        return false;
    }
    // Files in /proc and the like say 0 bytes whatever they hold: only a regular file's size is trusted.
    if (S_ISREG(info.st_mode) && info.st_size > 0) size_ = static_cast<std::uint64_t>(info.st_size);
    return true;
}

std::size_t FileByteSource::read(char* buffer, std::size_t size) {
    if (!error_.empty()) return 0;
    for (;;) {
        ssize_t got = ::read(descriptor_, buffer, size);
        if (got >= 0) return static_cast<std::size_t>(got);
        if (errno == EINTR) continue;
        error_ = system_error_text(errno);
        return 0;
    }
}

std::optional<std::uint64_t> FileByteSource::size() const { return size_; }

std::size_t FileByteSource::read_at(std::uint64_t offset, char* buffer, std::size_t size) {
    std::size_t done = 0;
    while (done < size && error_.empty()) {
        ssize_t got = ::pread(descriptor_, buffer + done, size - done, static_cast<off_t>(offset + done));
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;
            error_ = system_error_text(errno);
            break;
        }
        done += static_cast<std::size_t>(got);
    }
    return done;
}

std::map<std::uint32_t, std::string> read_source_lines(const std::string& path, const std::set<std::uint32_t>& wanted,
                                                       std::size_t max_bytes) {
    std::map<std::uint32_t, std::string> lines;
    if (wanted.empty()) return lines;
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) return lines;
    std::vector<char> buffer(1 << 20);
    std::uint32_t line = 1;
    bool after_cr = false;  // a CR just ended a line: a LF right after it belongs to the same line end
    auto next_wanted = wanted.begin();
    auto line_wanted = [&]() -> std::string* {
        if (next_wanted == wanted.end() || *next_wanted != line) return nullptr;
        ++next_wanted;
        return &lines[line];
    };
    std::string* current = line_wanted();
    const std::uint32_t last = *wanted.rbegin();
    std::size_t got = 0;
    // Line by line, each end found with memchr: a finding's line may be near the end of a file of gigabytes.
    while (line <= last && (got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
        const char* const data = buffer.data();
        std::size_t next_cr = 0;  // where the next CR is, once looked for (got: none in this buffer)
        bool cr_known = false;
        for (std::size_t i = 0; i < got && line <= last;) {
            if (after_cr) {
                after_cr = false;
                if (data[i] == '\n') {
                    ++i;
                    continue;
                }
            }
            if (!cr_known || next_cr < i) {
                const void* cr = std::memchr(data + i, '\r', got - i);
                next_cr = cr ? static_cast<std::size_t>(static_cast<const char*>(cr) - data) : got;
                cr_known = true;
            }
            const void* lf = std::memchr(data + i, '\n', std::min(next_cr, got) - i);
            const std::size_t end = lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - data) : next_cr;
            if (current && current->size() < max_bytes)
                current->append(data + i, std::min(end - i, max_bytes - current->size()));
            if (end >= got) break;
            after_cr = data[end] == '\r';
            ++line;
            current = line_wanted();
            i = end + 1;
        }
    }
    std::fclose(file);
    return lines;
}

DescriptorBuffer::DescriptorBuffer() : buffer_(1 << 16) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }

void DescriptorBuffer::attach(int descriptor) {
    descriptor_ = descriptor;
    error_number_ = 0;
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool DescriptorBuffer::write_all(const char* data, std::size_t size) {
    if (error_number_ != 0 || descriptor_ < 0) {
        if (error_number_ == 0) error_number_ = EBADF;
        return false;
    }
    error_number_ = io::write_fully(descriptor_, data, size);
    return error_number_ == 0;
}

bool DescriptorBuffer::flush_all() {
    std::size_t pending = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return write_all(buffer_.data(), pending);
}

DescriptorBuffer::int_type DescriptorBuffer::overflow(int_type c) {
    if (!flush_all()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
    }
    return traits_type::not_eof(c);
}

int DescriptorBuffer::sync() { return flush_all() ? 0 : -1; }

std::streamsize DescriptorBuffer::xsputn(const char* data, std::streamsize count) {
    auto size = static_cast<std::size_t>(count);
    if (size <= static_cast<std::size_t>(epptr() - pptr())) {
        std::memcpy(pptr(), data, size);
        pbump(static_cast<int>(size));
        return count;
    }
    if (!flush_all() || !write_all(data, size)) return 0;
    return count;
}

AtomicOutputFile::AtomicOutputFile(std::string path) : path_(std::move(path)) {}

AtomicOutputFile::~AtomicOutputFile() {
    if (!committed_) discard();
}

bool AtomicOutputFile::open(Diagnostics& diagnostics) {
    std::filesystem::path target(path_);
    std::filesystem::path directory = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::string pattern = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    int descriptor = ::mkstemp(name.data());
    if (descriptor < 0) {
        diagnostics.error({path_, 0, 0}, "io.write", "cannot write output: " + system_error_text(errno));
        return false;
    }
    temporary_path_ = name.data();
    remember_pending(temporary_path_);
    buffer_.attach(descriptor);
    stream_.clear();
    return true;
}

bool AtomicOutputFile::commit(Diagnostics& diagnostics) {
    stream_.flush();
    if (!stream_ || !buffer_.flush_all()) {
        int error_number = buffer_.error_number();
        diagnostics.error({path_, 0, 0}, "io.write",
                          "cannot write output: " +
                              (error_number != 0 ? system_error_text(error_number) : std::string("write failed")) +
                              "; the old file, if any, is left as it was");
        discard();
        return false;
    }
    int synced = ::fsync(buffer_.descriptor());
    int error_number = errno;
    int closed = ::close(buffer_.descriptor());
    if (closed != 0 && synced == 0) error_number = errno;
    buffer_.attach(-1);
    if (synced != 0 || closed != 0) {
        diagnostics.error({path_, 0, 0}, "io.write", "cannot write output: " + system_error_text(error_number));
        discard();
        return false;
    }
    // mkstemp creates files 0600; an output file should get the usual umask-based mode.
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::chmod(temporary_path_.c_str(), static_cast<mode_t>(0666 & ~mask));
    if (std::rename(temporary_path_.c_str(), path_.c_str()) != 0) {
        diagnostics.error({path_, 0, 0}, "io.write", "cannot write output: " + system_error_text(errno));
        discard();
        return false;
    }
    forget_pending();
    committed_ = true;
    return true;
}

void AtomicOutputFile::forget_pending() {
    for (PendingSlot& slot : pending_slots)
        if (slot.used.load() && temporary_path_ == slot.path) slot.used.store(false);
}

void AtomicOutputFile::discard() {
    if (buffer_.descriptor() >= 0) {
        ::close(buffer_.descriptor());
        buffer_.attach(-1);
    }
    if (!temporary_path_.empty()) {
        forget_pending();
        std::remove(temporary_path_.c_str());
        temporary_path_.clear();
    }
}

}  // namespace ilo
