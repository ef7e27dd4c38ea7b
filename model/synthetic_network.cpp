#include "model/synthetic_network.hpp"

#include "model/random.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace riparia::model {

namespace {

// Streams of the counter-based generator (model/random.hpp), one per purpose.
enum Stream : std::uint64_t { kTreeShape = 1, kTreePlace = 2, kParameters = 3 };

// Sub-basin `index`'s parameters, a pure function of (seed, index): the ranges of the GR4J
// calibrations of Perrin et al. (2003, table 4: X1 100-1200 mm, X2 -2..1 mm/d, X3 20-300 mm,
// X4 1.1-2.9 d) and reaches of up to 2 days of lag and 5 days of storage.
Subbasin random_subbasin(std::uint64_t seed, std::size_t index) {
    const std::uint64_t key = rng::stream_key(seed, kParameters);
    const auto u = [&](std::uint64_t k) { return rng::uniform_at(key, index * 8 + k); };
    Subbasin s;
    s.id = "S" + std::to_string(index);
    s.area_km2 = 20 + 260 * u(0); // mean 150 km2: a million of them cover the land of the Earth
    s.gr4j = {100 + 1100 * u(1), -2 + 3 * u(2), 20 + 280 * u(3), 1.1 + 1.8 * u(4)};
    s.routing.lag_days = 2 * u(5);
    s.routing.k_days = 5 * u(6);
    return s;
}

// Zipf sizes: the k-th tree holds largest / k sub-basins (at least one) until all are placed.
std::vector<std::size_t> zipf_tree_sizes(std::size_t total, double largest_share) {
    const double largest = std::max(1.0, largest_share * static_cast<double>(total));
    std::vector<std::size_t> sizes;
    std::size_t placed = 0;
    for (std::size_t k = 1; placed < total; ++k) {
        const auto size = std::max<std::size_t>(
            1, static_cast<std::size_t>(std::floor(largest / static_cast<double>(k))));
        sizes.push_back(std::min(size, total - placed));
        placed += sizes.back();
    }
    return sizes;
}

// Appends one tree of `size` nodes to `downstream` (indices, -1 at the outlet), outlet first.
void grow_tree(std::size_t size, std::uint64_t shape_key, std::uint64_t& draw,
               std::vector<int>& downstream) {
    std::vector<std::pair<int, std::size_t>> pending{{-1, size}}; // (downstream node, nodes)
    while (!pending.empty()) {
        auto [below, nodes] = pending.back();
        pending.pop_back();
        while (nodes > 0) { // up the main stem of this branch
            const int node = static_cast<int>(downstream.size());
            downstream.push_back(below);
            const std::size_t upstream = nodes - 1;
            std::size_t tributary = 0;
            if (upstream >= 2) {
                const double u = rng::uniform_at(shape_key, draw++);
                const double pareto = std::min(1.0 / (u * u), 1e18); // P(T > t) = t^-1/2
                tributary = std::min(static_cast<std::size_t>(pareto), upstream / 2);
            }
            if (tributary > 0) pending.emplace_back(node, tributary);
            below = node;
            nodes = upstream - tributary;
        }
    }
}

Basin basin_of(std::vector<Subbasin> subbasins, const std::vector<int>& downstream,
               std::string name) {
    std::vector<std::string> ids(subbasins.size()), downstream_ids(subbasins.size());
    for (std::size_t i = 0; i < subbasins.size(); ++i) {
        ids[i] = subbasins[i].id;
        if (downstream[i] >= 0) downstream_ids[i] = subbasins[downstream[i]].id;
    }
    Basin basin;
    basin.name = std::move(name);
    basin.network = Network(ids, downstream_ids);
    basin.subbasins = std::move(subbasins);
    return basin;
}

} // namespace

Basin synthetic_river_basin(const SyntheticTreeSettings& settings) {
    if (settings.subbasins == 0 || settings.subbasins > 2'000'000'000 ||
        !(settings.largest_tree_share > 0 && settings.largest_tree_share <= 1)) {
        throw std::invalid_argument("synthetic basin: 1 .. 2e9 sub-basins and a largest tree "
                                    "share in (0, 1] are needed");
    }
    std::vector<int> downstream;
    downstream.reserve(settings.subbasins);
    std::vector<Subbasin> subbasins;
    subbasins.reserve(settings.subbasins);
    const std::uint64_t shape_key = rng::stream_key(settings.seed, kTreeShape);
    const std::uint64_t place_key = rng::stream_key(settings.seed, kTreePlace);
    std::uint64_t draw = 0;
    const auto sizes = zipf_tree_sizes(settings.subbasins, settings.largest_tree_share);
    for (std::size_t t = 0; t < sizes.size(); ++t) {
        const std::size_t first = downstream.size();
        grow_tree(sizes[t], shape_key, draw, downstream);
        // Each tree somewhere on the land between 55 S and 70 N, its sub-basins within 5 degrees.
        const double lat = -55 + 125 * rng::uniform_at(place_key, 4 * t);
        const double lon = -180 + 360 * rng::uniform_at(place_key, 4 * t + 1);
        for (std::size_t i = first; i < downstream.size(); ++i) {
            subbasins.push_back(random_subbasin(settings.seed, i));
            subbasins.back().lat_deg = lat + 5 * rng::uniform_at(place_key, 4 * i + 2);
            subbasins.back().lon_deg = lon + 5 * rng::uniform_at(place_key, 4 * i + 3);
        }
    }
    return basin_of(std::move(subbasins), downstream,
                    "synthetic network of " + std::to_string(settings.subbasins) + " sub-basins");
}

Basin basin_from_flow_grid(const FlowGrid& flow, std::uint64_t seed) {
    const GridGeometry& grid = flow.grid;
    const std::vector<double> area_km2 = row_cell_area_km2(grid);
    std::vector<int> index_of_cell(grid.cells(), -1);
    std::vector<Subbasin> subbasins;
    for (std::size_t cell = 0; cell < grid.cells(); ++cell) {
        if (!flow.land[cell]) continue;
        index_of_cell[cell] = static_cast<int>(subbasins.size());
        subbasins.push_back(random_subbasin(seed, subbasins.size()));
        Subbasin& s = subbasins.back();
        s.area_km2 = area_km2[cell / grid.cols];
        s.lat_deg = grid.lat_deg(cell / grid.cols);
        s.lon_deg = grid.lon_deg(cell % grid.cols);
    }
    std::vector<int> downstream(subbasins.size(), -1);
    for (std::size_t cell = 0; cell < grid.cells(); ++cell) {
        const std::int32_t to = flow.downstream[cell];
        if (index_of_cell[cell] >= 0 && to >= 0)
            downstream[index_of_cell[cell]] = index_of_cell[to];
    }
    return basin_of(std::move(subbasins), downstream,
                    "land cells of a " + std::to_string(grid.rows) + " x " +
                        std::to_string(grid.cols) + " flow grid");
}

NetworkShape network_shape(const Network& network) {
    NetworkShape shape;
    const std::size_t n = network.size();
    shape.trees = network.outlets().size();
    std::vector<int> depth(n, 0);
    std::vector<std::size_t> tree_size(n, 0);
    const auto& order = network.topological_order();
    double depth_sum = 0;
    for (auto it = order.rbegin(); it != order.rend(); ++it) { // outlets first
        const int node = *it;
        const int down = network.downstream(static_cast<std::size_t>(node));
        depth[node] = down == Network::kOutlet ? 0 : depth[down] + 1;
        shape.max_depth = std::max(shape.max_depth, depth[node]);
        depth_sum += depth[node];
        shape.largest_tree = std::max(shape.largest_tree, ++tree_size[network.outlet_of(node)]);
        shape.max_upstream =
            std::max(shape.max_upstream,
                     static_cast<int>(network.upstream(static_cast<std::size_t>(node)).size()));
    }
    shape.mean_depth = n ? depth_sum / static_cast<double>(n) : 0.0;
    return shape;
}

} // namespace riparia::model
