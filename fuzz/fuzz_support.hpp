// Shared by the libFuzzer targets: a private scratch folder per process and the bytes of one
// input written to a file in it, since the readers take paths.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace riparia::fuzz {

// A folder under the system temp dir unique to this process, created on first use and removed
// at exit.
const std::filesystem::path& scratch_dir();

// Writes `bytes` to scratch_dir()/name (replacing it) and returns the path.
std::string write_scratch(const std::string& name, std::string_view bytes);
std::string write_scratch(const std::string& name, const std::uint8_t* data, std::size_t size);

} // namespace riparia::fuzz
