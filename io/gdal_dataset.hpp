// Owning handles of GDAL datasets for the GIS writers and readers (closed, and flushed, when the
// handle goes), and the one-time registration of GDAL's drivers.
#pragma once

#include <gdal_priv.h>
#include <memory>
#include <string>

namespace riparia::io {

struct GdalDatasetCloser {
    void operator()(GDALDataset* dataset) const { GDALClose(dataset); }
};
using GdalDatasetPtr = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

void register_gdal_drivers(); // GDALAllRegister, once per process

// A new dataset made by the named driver (e.g. "GPKG", "GTiff"); throws std::runtime_error
// naming the path and GDAL's message when the driver is missing or creation fails.
GdalDatasetPtr create_vector_dataset(const std::string& driver, const std::string& path);

// A temporary path beside `path` (same folder, so a rename puts it into place): ".tmp-NAME".
std::string temporary_beside(const std::string& path);
// Renames `temporary` to `path`, replacing an earlier file (or empty folder); throws
// std::runtime_error on failure.
void rename_into_place(const std::string& temporary, const std::string& path);

} // namespace riparia::io
