// Helpers for the validation tests: reading shared reference files, running both validators, collecting rule ids.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "ilo_tbx/validate.hpp"

namespace ilo::test {

inline std::string reference_path(const std::string& relative) {
    return std::string(ILO_SHARED_DIR) + "/reference/" + relative;
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

struct Outcome {
    std::string verdict;
    std::set<std::string> errors;    // rule ids of the errors
    std::set<std::string> warnings;  // rule ids of the warnings
    Diagnostics diagnostics;
};

inline Outcome run_validator(const std::string& path, validate::StructureMode mode) {
    Outcome outcome;
    validate::ValidateOptions options;
    options.structure = mode;
    validate::ValidateResult result = validate::validate_tbx_file(path, path, options, outcome.diagnostics);
    outcome.verdict = std::string(validate::verdict_name(result.verdict));
    for (const Diagnostic& diagnostic : outcome.diagnostics.items())
        (diagnostic.severity == Severity::error ? outcome.errors : outcome.warnings).insert(diagnostic.code);
    return outcome;
}

inline std::string joined(const std::set<std::string>& rules) {
    if (rules.empty()) return "-";
    std::string out;
    for (const std::string& rule : rules) out += (out.empty() ? "" : ",") + rule;
    return out;
}

// A scratch file that is removed when the test ends.
class ScratchFile {
public:
    ScratchFile(const std::string& name, const std::string& content) {
        auto directory = std::filesystem::temp_directory_path() / ("ilo-tbx-validate-test-" + std::to_string(::getpid()));
        std::filesystem::create_directories(directory);
        path_ = (directory / name).string();
        std::ofstream(path_, std::ios::binary) << content;
    }
    ~ScratchFile() {
        std::error_code ignored;
        std::filesystem::remove(path_, ignored);
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace ilo::test
