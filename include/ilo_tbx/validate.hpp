// `validate` as a library call: the native validator, or RELAX NG for structure plus the native dialect and integrity checks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "ilo_tbx/diagnostics.hpp"
#include "ilo_tbx/native_validator.hpp"

namespace ilo::validate {

enum class StructureMode : std::uint8_t {
    native,  // the built-in content models (fast, the default)
    rng,     // libxml2 RELAX NG in streaming mode: our schemas/, or a user schema
};

struct ValidateOptions {
    StructureMode structure = StructureMode::native;
    // With StructureMode::rng: the RELAX NG grammar text and its name for
    // messages. Empty: the project's own schema for the file's TBX version.
    std::string schema_text;
    std::string schema_name;
    std::size_t max_errors = 0;  // 0: no limit
    // Called with the size of each piece the native pass reads from the file (for a progress line); with
    // StructureMode::rng on a thread of its own, never on two threads at once.
    std::function<void(std::size_t)> on_read;
};

struct ValidateResult {
    Verdict verdict = Verdict::unreadable;
    NativeResult native;
    std::size_t suppressed_follow_on = 0;  // RELAX NG errors caused by an earlier one, not reported
};

// Validates the TBX file at `path`; diagnostics name it `display_name`. Reads
// the file once (twice with RELAX NG), in fixed-size pieces. Never throws for bad
// input: a file that cannot be opened or read is Verdict::unreadable with an
// "io.read" error, and every problem found is an error or warning in `diagnostics`.
ValidateResult validate_tbx_file(const std::string& path, const std::string& display_name,
                                 const ValidateOptions& options, Diagnostics& diagnostics);

}  // namespace ilo::validate
