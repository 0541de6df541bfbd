// Writes output and checks it with the native validator on a second thread (see validated_output.hpp).
#include "cli/validated_output.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <streambuf>
#include <thread>
#include <utility>
#include <vector>

namespace ilo::cli {

namespace {

// Blocks passed from the writing thread to the validating one; put() waits
// while `capacity` blocks are queued, so a slow validator slows the writer
// instead of growing memory.
class BlockQueue {
public:
    explicit BlockQueue(std::size_t capacity) : capacity_(capacity) {}

    void put(std::string block) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return queued_.size() < capacity_; });
        queued_.push_back(std::move(block));
        ready_.notify_one();
    }
    // False once the queue is closed and empty.
    bool take(std::string& block) {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !queued_.empty() || closed_; });
        if (queued_.empty()) return false;
        block = std::move(queued_.front());
        queued_.pop_front();
        room_.notify_one();
        return true;
    }
    void close() {
        std::lock_guard lock(mutex_);
        closed_ = true;
        ready_.notify_all();
    }

private:
    std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::condition_variable room_;
    std::deque<std::string> queued_;
    bool closed_ = false;
};

constexpr std::size_t block_size = 256 * 1024;
constexpr std::size_t queued_blocks = 8;

// Collects writes into blocks; each full block goes to the destination, then to the queue.
class TeeBuffer final : public std::streambuf {
public:
    TeeBuffer(std::streambuf& destination, BlockQueue& queue)
        : destination_(destination), queue_(queue), block_(block_size) {
        setp(block_.data(), block_.data() + block_.size());
    }

    // Hands on what is in the block; false if the destination refused it.
    bool hand_on() {
        std::size_t size = static_cast<std::size_t>(pptr() - pbase());
        if (size == 0) return !failed_;
        auto written = destination_.sputn(pbase(), static_cast<std::streamsize>(size));
        if (written != static_cast<std::streamsize>(size)) failed_ = true;
        queue_.put(std::string(pbase(), size));
        setp(block_.data(), block_.data() + block_.size());
        return !failed_;
    }

protected:
    int_type overflow(int_type c) override {
        if (!hand_on()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override {
        if (!hand_on()) return -1;
        return destination_.pubsync();
    }

private:
    std::streambuf& destination_;
    BlockQueue& queue_;
    std::vector<char> block_;
    bool failed_ = false;
};

}  // namespace

class ValidatedOutput::Impl {
public:
    Impl(std::streambuf& destination, const std::string& display_name)
        : validator_(display_name, {}, found_),  // made here: libxml2 is set up on the main thread
          tee_(destination, queue_),
          stream_(&tee_),
          worker_([this] {
              std::string block;
              while (queue_.take(block)) validator_.feed(block);
          }) {}

    ~Impl() { stop(); }

    std::ostream& stream() { return stream_; }

    validate::NativeResult finish(Diagnostics& diagnostics) {
        stream_.flush();
        stop();
        validate::NativeResult result = validator_.finish();
        for (const Diagnostic& diagnostic : found_.items()) diagnostics.add(diagnostic);
        return result;
    }

private:
    void stop() {
        if (!worker_.joinable()) return;
        queue_.close();
        worker_.join();
    }

    Diagnostics found_;
    validate::NativeStreamValidator validator_;
    BlockQueue queue_{queued_blocks};
    TeeBuffer tee_;
    std::ostream stream_;
    std::thread worker_;  // last: it starts once everything it uses exists
};

ValidatedOutput::ValidatedOutput(std::streambuf& destination, const std::string& display_name)
    : impl_(std::make_unique<Impl>(destination, display_name)) {}

ValidatedOutput::~ValidatedOutput() = default;

std::ostream& ValidatedOutput::stream() { return impl_->stream(); }

validate::NativeResult ValidatedOutput::finish(Diagnostics& diagnostics) { return impl_->finish(diagnostics); }

}  // namespace ilo::cli
