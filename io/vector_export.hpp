// `riparia export`: the layers of a GeoPackage as one GeoJSON file or one shapefile per layer in
// a folder, each with its QGIS style beside it (NAME.qml, from the layer_styles table).
#pragma once

#include <string>
#include <vector>

namespace riparia::io {

// A field name of at most 10 characters (the dBASE limit of shapefiles): the short names of
// docs/outputs.md for riparia's long fields, else the first 10 characters; a clash gets a
// number at the end ("abcdefgh_1"). `taken` holds the names already used in the layer.
std::string shapefile_field_name(const std::string& name, const std::vector<std::string>& taken);

// Writes every layer but layer_styles of `gpkg_path` into `out_dir` (built in a temporary
// folder beside it, then renamed), `format` "geojson" or "shp". An existing `out_dir` is
// replaced only when it holds nothing but such files; otherwise InputError.
void export_layer_files(const std::string& gpkg_path, const std::string& format,
                        const std::string& out_dir);

} // namespace riparia::io
