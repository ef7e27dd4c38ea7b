// Area weights computed once per (polygon file, id field, sub-basins, grid) and cached as a small
// NetCDF file in the study's cache folder, keyed by a SHA-256 of all of these.
#pragma once

#include "model/area_weights.hpp"

#include <string>
#include <vector>

namespace riparia::io {

struct CachedWeights {
    model::AreaWeights weights;
    bool from_cache = false;
    std::string cache_path; // empty when no cache folder was given
};

// SHA-256 (hex) over the polygon file's digest, the id field, the sub-basin ids in order and the
// grid's cell edges: any change to one of them gives another key.
std::string weights_cache_key(const std::string& polygons_sha256, const std::string& id_field,
                              const std::vector<std::string>& ids, const model::GridEdges& grid);

// Reads the cached weights when the key matches, else reads the polygons (io/polygons.hpp),
// computes the weights and writes the cache (to a temporary name, then renamed). A cache that
// cannot be read or written is ignored: it only saves time.
CachedWeights load_or_compute_weights(const std::string& polygons_path, const std::string& id_field,
                                      const std::vector<std::string>& ids,
                                      const model::GridEdges& grid, const std::string& cache_dir);

} // namespace riparia::io
