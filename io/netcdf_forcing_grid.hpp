// The horizontal grid of a gridded forcing variable: which dimensions are latitude and longitude,
// and the cell edges (from CF `bounds` variables when present, else midpoints between centres),
// in increasing order for model/area_weights.hpp, with the mapping back to file indices.
#pragma once

#include "io/netcdf_forcing_file.hpp"
#include "model/area_weights.hpp"

#include <string>
#include <vector>

namespace riparia::io {

struct FileGrid {
    model::GridEdges edges; // increasing; row r of `edges` is file row (lat_reversed ? n-1-r : r)
    bool lat_reversed = false;
    bool lon_reversed = false;
    int lat_dim = -1, lon_dim = -1;
    std::vector<double> lat_deg, lon_deg; // cell centres in file order (for messages)

    std::size_t file_row(std::size_t row) const {
        return lat_reversed ? edges.rows() - 1 - row : row;
    }
    std::size_t file_col(std::size_t col) const {
        return lon_reversed ? edges.columns() - 1 - col : col;
    }
    bool same_cells(const FileGrid& other) const;
};

// The grid of variable `var` (named `variable` in messages) of an open file. InputError naming
// the file and the variable when it has no latitude/longitude dimensions, coordinates that are
// not strictly monotonic, or bounds that leave gaps between cells.
FileGrid read_file_grid(const NcReader& file, int var, const std::string& variable);

// True when the dimension's coordinate variable (if any) looks like time (units "... since ...",
// standard_name time or axis T).
bool is_time_dimension(const NcReader& file, int dim);

} // namespace riparia::io
