// A concept sink that runs another sink (a writer) on a thread of its own, so that reading and writing use two cores.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

#include "ilo_tbx/diagnostics.hpp"
#include "ilo_tbx/format.hpp"

namespace ilo {

// The reader adds its diagnostics to `reader_diagnostics`; the downstream sink adds its own to `merged`, which
// only the writing thread touches until close() returns. Each call handed over carries the reader's diagnostics
// found since the last one, and the writing thread adds them to `merged` before it passes the call on, so
// `merged` ends up in the order one thread doing both would have found them: a concept's reading problems, then
// its writing problems, then the next concept's.
//
// It suits a reader that never looks at its diagnostics to decide what to do next (the TBX reader): here the
// reader no longer sees what the writer reports.
class ThreadedSink final : public ConceptSink {
public:
    ThreadedSink(ConceptSink& downstream, const Diagnostics& reader_diagnostics, Diagnostics& merged,
                 std::size_t capacity = 64);
    ThreadedSink(const ThreadedSink&) = delete;
    ThreadedSink& operator=(const ThreadedSink&) = delete;
    ~ThreadedSink() override;

    void header(const TermBaseHeader& header) override;
    void concept_entry(Concept concept_value) override;
    void finish() override;

    // Waits until the writing thread has passed everything on, then adds the reader's diagnostics not handed
    // over yet (those found after the last call). If the downstream sink threw, the next call handed over
    // rethrows it to the reader; close() rethrows it if no call has.
    void close();

private:
    struct Finish {};
    struct Call {
        std::variant<TermBaseHeader, Concept, Finish> what;
        std::vector<Diagnostic> found_before;  // the reader's, since the previous call
    };
    void hand_over(std::variant<TermBaseHeader, Concept, Finish> what);
    std::vector<Diagnostic> reader_news();
    void run();

    ConceptSink& downstream_;
    const Diagnostics& reader_diagnostics_;
    Diagnostics& merged_;
    const std::size_t capacity_;
    std::size_t handed_on_ = 0;  // how many of the reader's diagnostics have been handed over

    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Call> waiting_;  // handed over, not yet taken by the writing thread
    bool closing_ = false;
    bool failed_ = false;  // the downstream sink threw: later calls are dropped
    std::exception_ptr failure_;
    bool failure_reported_ = false;  // rethrown to the reader already
    bool closed_ = false;
    std::thread worker_;  // last: it starts once everything it uses exists
};

}  // namespace ilo
