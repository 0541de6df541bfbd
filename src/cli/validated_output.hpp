// An output stream whose bytes are checked by the native validator on a second thread while they are written.
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "ilo_tbx/diagnostics.hpp"
#include "ilo_tbx/native_validator.hpp"

namespace ilo::cli {

// Bytes written to stream() go to `destination` in blocks; each block is also
// handed to a validator thread, so checking the output costs the second core
// rather than a second pass over the written file. At most a few blocks wait
// for the validator, so memory stays flat whatever the document's size.
class ValidatedOutput {
public:
    ValidatedOutput(std::streambuf& destination, const std::string& display_name);
    // Stops the validator thread if finish() was not called.
    ~ValidatedOutput();
    ValidatedOutput(const ValidatedOutput&) = delete;
    ValidatedOutput& operator=(const ValidatedOutput&) = delete;

    std::ostream& stream();
    // Flushes what is left, waits for the validator, and adds what it found to
    // `diagnostics` (after everything already there, as a check after writing would).
    validate::NativeResult finish(Diagnostics& diagnostics);

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace ilo::cli
