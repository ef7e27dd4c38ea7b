#include "io/gdal_dataset.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <mutex>
#include <stdexcept>

namespace riparia::io {

namespace fs = std::filesystem;

void register_gdal_drivers() {
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
}

GdalDatasetPtr create_vector_dataset(const std::string& driver_name, const std::string& path) {
    register_gdal_drivers();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (!driver) throw std::runtime_error("GDAL has no " + driver_name + " driver");
    GdalDatasetPtr dataset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!dataset) {
        throw std::runtime_error(fmt::format("{}: cannot create a {} file: {}", path, driver_name,
                                             CPLGetLastErrorMsg()));
    }
    return dataset;
}

std::string temporary_beside(const std::string& path) {
    const fs::path p(path);
    return (p.parent_path() / (".tmp-" + p.filename().string())).string();
}

void rename_into_place(const std::string& temporary, const std::string& path) {
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) {
        throw std::runtime_error(
            fmt::format("{}: cannot rename {} into place: {}", path, temporary, ec.message()));
    }
}

} // namespace riparia::io
