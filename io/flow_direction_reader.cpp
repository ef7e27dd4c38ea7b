#include "io/flow_direction_reader.hpp"
#include "io/dem_reader.hpp"
#include "io/input_error.hpp"
#include "model/flow_accumulation.hpp"

#include <cmath>
#include <fmt/format.h>

namespace riparia::io {

namespace {

struct Step {
    int north = 0, east = 0; // +1 north / east, -1 south / west
    bool pit = false;
    bool valid = false;
};

Step ldd_step(int code) {
    if (code < 1 || code > 9) return {};
    if (code == 5) return {0, 0, true, true};
    const int north = code >= 7 ? 1 : (code <= 3 ? -1 : 0);
    const int east = code % 3 == 0 ? 1 : (code % 3 == 1 ? -1 : 0);
    return {north, east, false, true};
}

Step d8_step(int code) {
    switch (code) {
    case 0:
    case 255:
        return {0, 0, true, true};
    case 1:
        return {0, 1, false, true};
    case 2:
        return {-1, 1, false, true};
    case 4:
        return {-1, 0, false, true};
    case 8:
        return {-1, -1, false, true};
    case 16:
        return {0, -1, false, true};
    case 32:
        return {1, -1, false, true};
    case 64:
        return {1, 0, false, true};
    case 128:
        return {1, 1, false, true};
    default:
        return {};
    }
}

std::int32_t target(const model::GridGeometry& g, std::size_t cell, const Step& s) {
    const auto rows = std::int64_t(g.rows), cols = std::int64_t(g.cols);
    const auto row = std::int64_t(cell) / cols + (g.dlat_deg < 0 ? -s.north : s.north);
    auto col = std::int64_t(cell) % cols + s.east;
    if (g.wraps) col = (col + cols) % cols;
    if (row < 0 || row >= rows || col < 0 || col >= cols) return -1;
    return std::int32_t(row * cols + col);
}

} // namespace

model::FlowGrid read_flow_directions(const std::string& path, FlowCoding coding) {
    const model::Raster<double> codes = read_gdal_raster(path);
    const model::GridGeometry& g = codes.grid;
    model::FlowGrid flow{g, std::vector<std::int32_t>(g.cells(), -1),
                         std::vector<std::uint8_t>(g.cells(), 0)};
    // pyflwdir writes ESRI D8 with 247 for missing cells (pyflwdir.core_d8._mv).
    const auto missing = [&](double v) {
        return std::isnan(v) || (coding == FlowCoding::esri_d8 && v == 247);
    };
    for (std::size_t c = 0; c < g.cells(); ++c)
        flow.land[c] = !missing(codes.values[c]);
    for (std::size_t c = 0; c < g.cells(); ++c) {
        if (!flow.land[c]) continue;
        const double v = codes.values[c];
        const Step s = coding == FlowCoding::pcraster_ldd ? ldd_step(int(v)) : d8_step(int(v));
        if (!s.valid || v != std::floor(v))
            throw InputError(
                fmt::format("{}: cell (row {}, col {}) has flow direction {}, expected {}", path,
                            c / g.cols, c % g.cols, v,
                            coding == FlowCoding::pcraster_ldd
                                ? "a PCRaster LDD code 1-9 (5 = pit)"
                                : "an ESRI D8 code 1, 2, 4, ..., 128 (0 = sink)"));
        const auto d = s.pit ? -1 : target(g, c, s);
        flow.downstream[c] = d >= 0 && flow.land[d] ? d : -1;
    }
    std::int64_t cycle = -1;
    if (!model::upstream_first(flow, &cycle))
        throw InputError(fmt::format("{}: the flow directions form a cycle through cell (row {}, "
                                     "col {}), expected every cell to drain to a pit or the edge",
                                     path, cycle / std::int64_t(g.cols),
                                     cycle % std::int64_t(g.cols)));
    return flow;
}

} // namespace riparia::io
