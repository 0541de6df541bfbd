// The TBX reference files under ../shared that the reader and round-trip tests run over, grouped by TBX version.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace ilo::test {

// Relative to ILO_SHARED_DIR/reference. The not-well-formed ones are listed
// separately with their exact diagnostics (tbx_reader_test.cpp).
inline const std::vector<std::string>& not_well_formed_reference_files() {
    static const std::vector<std::string> files{
        "tbx/ltac-tbx-test-files/poorly_formed_xml.tbx",
        "tbx/tbx-basic-package-v2/tbx_basic_sample_notwellformed.tbx",
        "tbx/tbx-basic-package-v3/tbx_basic_sample_notwellformed.tbx",
    };
    return files;
}

inline std::string reference_path(const std::string& relative) {
    return std::string(ILO_SHARED_DIR) + "/reference/" + relative;
}

// Every .tbx file under reference/tbx and reference/real-world/tbx, sorted.
inline std::vector<std::string> all_reference_files() {
    std::vector<std::string> files;
    const std::filesystem::path base = std::filesystem::path(ILO_SHARED_DIR) / "reference";
    for (const char* folder : {"tbx", "real-world/tbx"}) {
        std::error_code error;
        if (!std::filesystem::is_directory(base / folder, error)) continue;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(base / folder)) {
            if (entry.is_regular_file() && entry.path().extension() == ".tbx")
                files.push_back(std::filesystem::relative(entry.path(), base).generic_string());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The files the reader must read without error.
inline std::vector<std::string> readable_reference_files() {
    std::vector<std::string> files;
    const auto& bad = not_well_formed_reference_files();
    for (const std::string& file : all_reference_files())
        if (std::find(bad.begin(), bad.end(), file) == bad.end()) files.push_back(file);
    return files;
}

// Readable files of one TBX version, told apart by their root element.
inline std::vector<std::string> readable_reference_files_with_root(const std::string& root) {
    std::vector<std::string> files;
    for (const std::string& file : readable_reference_files()) {
        std::FILE* handle = std::fopen(reference_path(file).c_str(), "rb");
        if (!handle) continue;
        std::string head(4096, '\0');
        head.resize(std::fread(head.data(), 1, head.size(), handle));
        std::fclose(handle);
        if (head.find("<" + root + " ") != std::string::npos || head.find("<" + root + ">") != std::string::npos)
            files.push_back(file);
    }
    return files;
}

// A test-name-safe version of a path.
inline std::string test_name_for(const std::string& path) {
    std::string name;
    for (char c : path) name += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
    return name;
}

}  // namespace ilo::test
