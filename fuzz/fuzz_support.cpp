#include "fuzz/fuzz_support.hpp"

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace riparia::fuzz {

namespace fs = std::filesystem;

namespace {
struct Scratch {
    fs::path path;
    Scratch() {
        path = fs::temp_directory_path() / ("riparia-fuzz-" + std::to_string(getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Scratch() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};
} // namespace

const fs::path& scratch_dir() {
    static const Scratch scratch;
    return scratch.path;
}

std::string write_scratch(const std::string& name, std::string_view bytes) {
    const fs::path path = scratch_dir() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw std::runtime_error("fuzz harness: cannot write " + path.string());
    return path.string();
}

std::string write_scratch(const std::string& name, const std::uint8_t* data, std::size_t size) {
    return write_scratch(name, std::string_view(reinterpret_cast<const char*>(data), size));
}

} // namespace riparia::fuzz
