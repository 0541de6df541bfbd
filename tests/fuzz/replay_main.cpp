// A main() for fuzz targets in ordinary builds: runs the target once on every file of the given corpus paths.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {
std::size_t replay_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    return 1;
}
}  // namespace

int main(int argc, char** argv) {
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        std::filesystem::path path(argv[i]);
        if (std::filesystem::is_directory(path)) {
            std::vector<std::filesystem::path> files;
            for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
                if (entry.is_regular_file()) files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            for (const auto& file : files) replayed += replay_file(file);
        } else if (std::filesystem::is_regular_file(path)) {
            replayed += replay_file(path);
        } else {
            std::fprintf(stderr, "replay: no such corpus file or directory: %s\n", argv[i]);
            return 2;
        }
    }
    // An empty corpus would make this test a silent pass.
    if (replayed == 0) {
        std::fprintf(stderr, "replay: the corpus is empty\n");
        return 2;
    }
    std::printf("replayed %zu inputs\n", replayed);
    return 0;
}
