// One basin-country unit cut among its sub-basins (docs/geometry.md): the unit's cells on a
// lon/lat grid with their exact spherical area inside it (model/area_weights.hpp), each cell to
// the weighted nearest sub-basin centre (model/weighted_partition.hpp), the labels traced to
// polygons (GDALPolygonize), their shared arcs simplified alike (model/label_arcs.hpp), and each
// polygon clipped to the unit (GEOS), so the pieces of a unit add up to the unit exactly.
#pragma once

#include "model/weighted_partition.hpp"

#include <memory>
#include <ogr_geometry.h>
#include <vector>

namespace riparia::io {

struct UnitPartitionOptions {
    double cell_deg = 0.05;            // grid spacing, degrees of longitude and latitude
    double simplify_cells = 1.0;       // Douglas-Peucker tolerance of the inner arcs, in cells
    double coordinate_step_deg = 1e-5; // vertices rounded to this (about 1 m)
};

struct UnitPartition {
    std::vector<std::unique_ptr<OGRMultiPolygon>> pieces; // per site, clipped to the unit
    model::WeightedPartition cells;                       // the partition of the cells
    std::size_t cell_count = 0;
};

// Partitions `unit` (lon/lat polygons) among `sites`, whose targets are rescaled to the unit.
UnitPartition partition_unit(const OGRGeometry& unit,
                             const std::vector<model::PartitionSite>& sites,
                             const UnitPartitionOptions& options);

} // namespace riparia::io
