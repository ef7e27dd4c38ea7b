// A multiplicatively weighted nearest-centre partition of area cells on the sphere: each cell
// goes to the site minimising (great-circle angle to the site) / (site weight), and the weights
// are iterated until each site's area approaches its target (a multiplicatively weighted Voronoi
// diagram, Aurenhammer & Edelsbrunner 1984, Pattern Recognition 17:251-257, with the weights
// fitted to areas as in area-constrained Voronoi treemaps, Nocaj & Brandes 2012, Computer
// Graphics Forum 31:855-864). Pure: cells and sites in, labels out. Deterministic: one pass in
// a fixed order, ties go to the lower site index.
#pragma once

#include <cstdint>
#include <vector>

namespace riparia::model {

struct PartitionCell {
    double lat_deg = 0, lon_deg = 0; // centre
    double area_km2 = 0;             // of the part of the cell being partitioned
};

struct PartitionSite {
    double lat_deg = 0, lon_deg = 0;
    double target_km2 = 0; // > 0; the targets are rescaled to add up to the cells' area
};

struct PartitionOptions {
    int max_iterations = 400;
    double tolerance = 0.002; // stop when every |area / target - 1| is below this
};

struct WeightedPartition {
    std::vector<std::int32_t> site; // per cell, the index of its site
    std::vector<double> weight;     // per site (the largest is 1)
    std::vector<double> area_km2;   // per site, the sum of its cells' areas
    std::vector<double> target_km2; // per site, rescaled to the cells' total area
    int iterations = 0;
    double worst_relative_error = 0; // max |area / target - 1| of the labels returned
};

// The labels of the best iteration (smallest worst relative error). Throws
// std::invalid_argument when there are no sites or a target is not positive.
WeightedPartition weighted_partition(const std::vector<PartitionCell>& cells,
                                     const std::vector<PartitionSite>& sites,
                                     const PartitionOptions& options = {});

} // namespace riparia::model
