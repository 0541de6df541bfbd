// Reader for the text rendering of an EMN glossary page (placeholder until the reader lands).
#include "formats/emn_reader.hpp"

namespace ilo {

void read_emn(const Input& input, const ReadOptions&, Diagnostics& diagnostics, ConceptSink&) {
    diagnostics.error({input.name, 0, 0}, "emn.unsupported", "the EMN page reader is not implemented yet");
}

}  // namespace ilo
