#include "app/climatology_paths.hpp"

#include "io/input_error.hpp"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>

namespace riparia::app {

std::string climatology_grid_path(const std::string& given, const char* option,
                                  const char* recommended) {
    if (!given.empty()) return given;
    const char* data = std::getenv("RIPARIA_DATA");
    if (data && *data) return (std::filesystem::path(data) / "climate" / recommended).string();
    throw io::InputError(fmt::format("option {}: not given and RIPARIA_DATA is not set, expected "
                                     "a monthly climatology NetCDF (recommended: {})",
                                     option, recommended));
}

} // namespace riparia::app
