// Produces, checks and atomically publishes a command's output (see publish_output.hpp).
#include "cli/publish_output.hpp"

#include <sstream>

#include "cli/cli.hpp"
#include "cli/validated_output.hpp"
#include "ilo_tbx/files.hpp"
#include "ilo_tbx/native_validator.hpp"

namespace ilo::cli {

namespace {

bool is_tbx(const Format& format) {
    return format.id == FormatId::tbx || format.id == FormatId::tbx2008;
}

bool passes(validate::NativeResult result) {
    return result.verdict == validate::Verdict::valid;
}

}  // namespace

std::optional<int> fail_on_errors(const Diagnostics& diagnostics) {
    if (diagnostics.has_errors()) return exit_invalid_output;
    return std::nullopt;
}

int publish_output(const Format& format, const std::string& out_path, std::ostream& standard_output,
                   const ProduceDocument& produce, const ProductionVerdict& verdict, Diagnostics& diagnostics) {
    if (out_path == "-") {
        std::ostringstream buffer;
        if (is_tbx(format)) {
            // The native validator detects the TBX version, so 2008 output is never checked as v3.
            ValidatedOutput checked(*buffer.rdbuf(), "<standard output>");
            produce(checked.stream());
            if (std::optional<int> failure = verdict()) return *failure;
            if (!passes(checked.finish(diagnostics))) return exit_invalid_output;
        } else {
            produce(buffer);
            if (std::optional<int> failure = verdict()) return *failure;
        }
        const std::string document = buffer.str();
        standard_output << document;
        standard_output.flush();
        if (!standard_output) {
            diagnostics.error(SourcePos{"<standard output>", 0, 0}, "io.write", "cannot write to standard output");
            return exit_io;
        }
        return exit_ok;
    }

    AtomicOutputFile output(out_path);
    if (!output.open(diagnostics)) return exit_io;
    if (!is_tbx(format)) {
        produce(output.stream());
        if (std::optional<int> failure = verdict()) {
            output.discard();
            return *failure;
        }
        return output.commit(diagnostics) ? exit_ok : exit_io;  // a failed write is reported there
    }
    // TBX is checked as it is written, on the second core: exactly the bytes that go to the file.
    ValidatedOutput checked(*output.stream().rdbuf(), out_path);
    produce(checked.stream());
    if (std::optional<int> failure = verdict()) {
        output.discard();
        return *failure;
    }
    checked.stream().flush();
    if (!checked.stream()) output.stream().setstate(std::ios::badbit);
    if (!output.stream()) {
        output.commit(diagnostics);  // reports the failed write and removes the temporary file
        return exit_io;
    }
    if (!passes(checked.finish(diagnostics))) {
        output.discard();
        return exit_invalid_output;
    }
    return output.commit(diagnostics) ? exit_ok : exit_io;
}

}  // namespace ilo::cli
