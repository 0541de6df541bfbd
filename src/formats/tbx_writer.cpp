// Writer for TBX v3 (placeholder until the writer lands).
#include "formats/tbx_writer.hpp"

namespace ilo {

namespace {
class TbxWriter final : public ConceptSink {
public:
    TbxWriter(std::ostream& out, Diagnostics& diagnostics) : out_(out), diagnostics_(diagnostics) {}
    void header(const TermBaseHeader&) override {}
    void concept_entry(Concept) override {}
    void finish() override { diagnostics_.error({}, "tbx.unsupported", "the TBX writer is not implemented yet"); }

private:
    std::ostream& out_;
    Diagnostics& diagnostics_;
};
}  // namespace

std::unique_ptr<ConceptSink> make_tbx_writer(std::ostream& out, const WriteOptions&, Diagnostics& diagnostics) {
    return std::make_unique<TbxWriter>(out, diagnostics);
}

}  // namespace ilo
