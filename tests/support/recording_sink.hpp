// A concept sink for reader tests: records the order of the calls and keeps everything like TermBaseCollector.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ilo_tbx/format.hpp"

namespace ilo::test {

class RecordingSink final : public ConceptSink {
public:
    void header(const TermBaseHeader& header) override {
        events.push_back("header");
        collector.header(header);
    }
    void concept_entry(Concept concept_value) override {
        events.push_back("concept " + concept_value.id);
        collector.concept_entry(std::move(concept_value));
    }
    void finish() override { events.push_back("finish"); }
    std::vector<std::string> events;
    TermBaseCollector collector;
};

}  // namespace ilo::test
