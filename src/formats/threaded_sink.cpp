// Runs a concept sink on its own thread behind a bounded queue (see threaded_sink.hpp).
#include "formats/threaded_sink.hpp"

#include <utility>

namespace ilo {

ThreadedSink::ThreadedSink(ConceptSink& downstream, const Diagnostics& reader_diagnostics, Diagnostics& merged,
                           std::size_t capacity)
    : downstream_(downstream),
      reader_diagnostics_(reader_diagnostics),
      merged_(merged),
      capacity_(capacity == 0 ? 1 : capacity),
      handed_on_(reader_diagnostics.items().size()),
      worker_([this] { run(); }) {}

ThreadedSink::~ThreadedSink() {
    try {
        close();
    } catch (...) {
        // close() was not called and the writer threw: a destructor cannot report it, and the caller that
        // skipped close() is already leaving on another error.
    }
}

void ThreadedSink::header(const TermBaseHeader& header) {
    hand_over(header);
}
void ThreadedSink::concept_entry(Concept concept_value) {
    hand_over(std::move(concept_value));
}
void ThreadedSink::finish() {
    hand_over(Finish{});
}

std::vector<Diagnostic> ThreadedSink::reader_news() {
    const std::vector<Diagnostic>& items = reader_diagnostics_.items();
    std::vector<Diagnostic> news(items.begin() + static_cast<std::ptrdiff_t>(handed_on_), items.end());
    handed_on_ = items.size();
    return news;
}

void ThreadedSink::hand_over(std::variant<TermBaseHeader, Concept, Finish> what) {
    Call call{std::move(what), reader_news()};
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return waiting_.size() < capacity_ || failed_; });
    if (failed_) {
        // The writer has stopped: stop the reader too, as the exception would have if one thread did both.
        failure_reported_ = true;
        std::rethrow_exception(failure_);
    }
    waiting_.push_back(std::move(call));
    if (waiting_.size() == 1) changed_.notify_all();
}

void ThreadedSink::run() {
    std::vector<Call> taken;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return !waiting_.empty() || closing_; });
            if (waiting_.empty()) return;  // closing, and everything handed over has been passed on
            taken.swap(waiting_);
            changed_.notify_all();  // room for the reader again
        }
        for (Call& call : taken) {
            for (Diagnostic& diagnostic : call.found_before) merged_.add(std::move(diagnostic));
            try {
                if (auto* header = std::get_if<TermBaseHeader>(&call.what))
                    downstream_.header(*header);
                else if (auto* concept_value = std::get_if<Concept>(&call.what))
                    downstream_.concept_entry(std::move(*concept_value));
                else
                    downstream_.finish();
            } catch (...) {
                std::lock_guard lock(mutex_);
                failure_ = std::current_exception();
                failed_ = true;
                waiting_.clear();
                changed_.notify_all();
                return;
            }
        }
        taken.clear();
    }
}

void ThreadedSink::close() {
    if (closed_) return;
    closed_ = true;
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    worker_.join();
    if (failure_) {
        // What the reader found after the writer stopped is dropped, as one thread would never have found it.
        if (!failure_reported_) std::rethrow_exception(failure_);
        return;
    }
    for (Diagnostic& diagnostic : reader_news()) merged_.add(std::move(diagnostic));
}

}  // namespace ilo
