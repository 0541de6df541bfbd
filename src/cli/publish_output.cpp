// Produces, checks and atomically publishes a command's output (see publish_output.hpp).
#include "cli/publish_output.hpp"

#include <cstdint>
#include <ostream>
#include <string>

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

// Standard output cannot be taken back, so a document is held until it is known good, but only up to a few MiB:
// a bigger one (a term base of millions of terms piped on) streams in flat memory from then on, and a failure
// after that point is reported as cut-short output.
class HoldThenStream final : public std::streambuf {
public:
    static constexpr std::size_t held_at_most = std::size_t{8} << 20;

    explicit HoldThenStream(std::ostream& target) : target_(target) {}

    bool streaming() const { return streaming_; }
    std::uint64_t bytes_passed_on() const { return passed_on_; }

    // Writes what is still held; true when everything reached the target.
    bool release() {
        if (!held_.empty()) pass_on(held_.data(), held_.size());
        held_.clear();
        target_.flush();
        return static_cast<bool>(target_);
    }

protected:
    int_type overflow(int_type c) override {
        if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
        const char byte = traits_type::to_char_type(c);
        return xsputn(&byte, 1) == 1 ? c : traits_type::eof();
    }

    std::streamsize xsputn(const char* data, std::streamsize count) override {
        const auto size = static_cast<std::size_t>(count);
        if (!streaming_) {
            held_.append(data, size);
            if (held_.size() <= held_at_most) return count;
            streaming_ = true;
            pass_on(held_.data(), held_.size());
            std::string().swap(held_);
            return target_ ? count : 0;
        }
        pass_on(data, size);
        return target_ ? count : 0;
    }

    int sync() override {
        if (streaming_) target_.flush();
        return target_ ? 0 : -1;
    }

private:
    void pass_on(const char* data, std::size_t size) {
        target_.write(data, static_cast<std::streamsize>(size));
        passed_on_ += size;
    }

    std::ostream& target_;
    std::string held_;
    bool streaming_ = false;
    std::uint64_t passed_on_ = 0;
};

// A failure once part of the document is on standard output: say so, so that a pipeline discards it.
int cut_short(const HoldThenStream& held, int failure, Diagnostics& diagnostics) {
    if (held.streaming())
        diagnostics.error(SourcePos{"<standard output>", 0, 0}, "io.output-cut-short",
                          "standard output is incomplete: " + std::to_string(held.bytes_passed_on()) +
                              " bytes had been written when the conversion failed; discard them");
    return failure;
}

}  // namespace

std::optional<int> fail_on_errors(const Diagnostics& diagnostics) {
    if (diagnostics.has_errors()) return exit_invalid_output;
    return std::nullopt;
}

bool is_loss(const Diagnostic& diagnostic) {
    return diagnostic.severity == Severity::warning && diagnostic.code.ends_with(".loss");
}

std::optional<int> fail_on_errors_or_losses(const Diagnostics& diagnostics) {
    if (diagnostics.has_errors()) return exit_invalid_output;
    for (const Diagnostic& diagnostic : diagnostics.items())
        if (is_loss(diagnostic)) return exit_invalid_output;
    return std::nullopt;
}

void report_strict_losses(std::ostream& err, std::string_view command, const Diagnostics& diagnostics, int code) {
    if (code != exit_invalid_output || diagnostics.has_errors()) return;
    std::size_t losses = 0;
    for (const Diagnostic& diagnostic : diagnostics.items()) losses += is_loss(diagnostic) ? 1 : 0;
    if (losses == 0) return;
    err << "ilo-tbx " << command << ": error: --strict: " << losses << (losses == 1 ? " loss" : " losses")
        << " (what the output format cannot hold); nothing was written\n";
}

int publish_output(const Format& format, const std::string& out_path, std::ostream& standard_output,
                   const ProduceDocument& produce, const ProductionVerdict& verdict, Diagnostics& diagnostics) {
    if (out_path == "-") {
        HoldThenStream held(standard_output);
        if (is_tbx(format)) {
            // The native validator detects the TBX version, so 2008 output is never checked as v3.
            ValidatedOutput checked(held, "<standard output>");
            produce(checked.stream());
            if (std::optional<int> failure = verdict()) return cut_short(held, *failure, diagnostics);
            checked.stream().flush();
            if (!passes(checked.finish(diagnostics))) return cut_short(held, exit_invalid_output, diagnostics);
        } else {
            std::ostream stream(&held);
            produce(stream);
            stream.flush();
            if (std::optional<int> failure = verdict()) return cut_short(held, *failure, diagnostics);
        }
        if (!held.release()) {
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
