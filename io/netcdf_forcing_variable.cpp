#include "io/netcdf_forcing_variable.hpp"

#include "io/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <netcdf.h>

namespace riparia::io {

namespace {

std::vector<std::string> default_names(ForcingQuantity quantity) {
    switch (quantity) {
    case ForcingQuantity::precipitation:
        return {"pr"};
    case ForcingQuantity::temperature:
        return {"tas"};
    case ForcingQuantity::pet:
        return {"evspsblpot", "pet"};
    }
    return {};
}

std::string gridded_variables(const NcReader& file) {
    int count = 0;
    nc_inq_nvars(file.id(), &count);
    std::string names;
    for (int var = 0; var < count; ++var) {
        if (file.dimensions(var).size() < 3) continue; // not coordinates or bounds
        names += (names.empty() ? "" : ", ") + file.variable_name(var);
    }
    return names.empty() ? "none" : names;
}

double default_fill(const NcReader& file, int var) {
    nc_type type;
    file.check(nc_inq_vartype(file.id(), var, &type), "reading a variable type");
    switch (type) {
    case NC_FLOAT:
        return NC_FILL_FLOAT;
    case NC_DOUBLE:
        return NC_FILL_DOUBLE;
    case NC_SHORT:
        return NC_FILL_SHORT;
    case NC_INT:
        return NC_FILL_INT;
    case NC_BYTE:
        return NC_FILL_BYTE;
    default:
        throw InputError(fmt::format("{}: variable '{}': found a non-numeric type, expected "
                                     "float, double or a packed integer type",
                                     file.path(), file.variable_name(var)));
    }
}

} // namespace

namespace {

int position_of(const std::vector<int>& dims, int dim) {
    return static_cast<int>(std::find(dims.begin(), dims.end(), dim) - dims.begin());
}

} // namespace

GridVariable::GridVariable(const std::vector<std::string>& files, const std::string& variable,
                           ForcingQuantity quantity)
    : quantity_(quantity), slab_(std::make_unique<Slab>()) {
    if (files.empty()) {
        throw InputError(fmt::format("{}: found no NetCDF files, expected at least one",
                                     quantity_name(quantity)));
    }
    const std::vector<std::string> names =
        variable.empty() ? default_names(quantity) : std::vector<std::string>{variable};
    std::vector<FileTimes> times;
    for (const std::string& path : files) {
        auto fv = std::make_unique<FileVar>();
        fv->file = std::make_unique<NcReader>(path, quantity_name(quantity));
        const NcReader& f = *fv->file;
        for (const std::string& n : names) {
            if (const auto id = f.find_variable(n)) {
                fv->var = *id;
                name_ = n;
                break;
            }
        }
        if (fv->var < 0) {
            throw InputError(fmt::format("{}: {}: found no variable '{}', expected one of the "
                                         "gridded variables: {} (set `variable` in the [forcing] "
                                         "table)",
                                         path, quantity_name(quantity), fmt::join(names, "' or '"),
                                         gridded_variables(f)));
        }
        read_units(*fv);
        read_layout(*fv, times);
        files_.push_back(std::move(fv));
    }
    axis_ = build_time_axis(std::move(times), name_);
    std::vector<std::unique_ptr<FileVar>> ordered;
    for (const std::string& path : axis_.files) {
        for (auto& fv : files_) {
            if (fv && fv->file->path() == path) {
                ordered.push_back(std::move(fv));
                break;
            }
        }
    }
    files_ = std::move(ordered);
}

GridVariable::GridVariable(GridVariable&&) noexcept = default;
GridVariable::~GridVariable() = default;

void GridVariable::read_units(FileVar& fv) {
    const NcReader& f = *fv.file;
    const auto units = f.text_attribute(fv.var, "units");
    const std::string found = units ? fmt::format("units '{}'", *units) : "no units attribute";
    const auto conversion = units ? parse_forcing_units(quantity_, *units) : std::nullopt;
    if (!conversion) {
        throw InputError(fmt::format("{}: variable '{}' ({}): found {}, expected one of: {}",
                                     f.path(), name_, quantity_name(quantity_), found,
                                     accepted_units(quantity_)));
    }
    if (!files_.empty() && files_.front()->units != *units) {
        throw InputError(fmt::format("{}: variable '{}': found units '{}', expected '{}' as in {}",
                                     f.path(), name_, *units, files_.front()->units,
                                     files_.front()->file->path()));
    }
    fv.units = *units;
    conversion_ = *conversion;
    fv.pack_scale = f.number_attribute(fv.var, "scale_factor").value_or(1.0);
    fv.pack_offset = f.number_attribute(fv.var, "add_offset").value_or(0.0);
    fv.fill = f.number_attribute(fv.var, "_FillValue").value_or(default_fill(f, fv.var));
    const auto missing = f.number_attribute(fv.var, "missing_value");
    fv.has_missing = missing.has_value();
    fv.missing = missing.value_or(0.0);
}

// Dimensions (time first, then lat and lon in either order, other dimensions of length 1),
// the grid (the same in every file) and the time coordinate.
void GridVariable::read_layout(FileVar& fv, std::vector<FileTimes>& times) {
    const NcReader& f = *fv.file;
    const FileGrid grid = read_file_grid(f, fv.var, name_);
    const std::vector<int> dims = f.dimensions(fv.var);
    fv.dims = dims.size();
    fv.lat_pos = position_of(dims, grid.lat_dim);
    fv.lon_pos = position_of(dims, grid.lon_dim);
    std::string shape;
    for (int dim : dims)
        shape += (shape.empty() ? "" : ", ") + f.dimension_name(dim);
    const bool time_first =
        !dims.empty() && fv.lat_pos != 0 && fv.lon_pos != 0 && is_time_dimension(f, dims[0]);
    for (std::size_t k = 1; k < dims.size() && time_first; ++k) {
        if (static_cast<int>(k) == fv.lat_pos || static_cast<int>(k) == fv.lon_pos) continue;
        if (f.dimension_length(dims[k]) != 1) {
            throw InputError(fmt::format("{}: variable '{}': found dimensions ({}), expected "
                                         "(time, lat, lon); other dimensions must have length 1",
                                         f.path(), name_, shape));
        }
    }
    if (!time_first) {
        // A first dimension with a coordinate in other units: say which units were found.
        const auto first = dims.empty() ? std::nullopt : f.find_variable(f.dimension_name(dims[0]));
        const std::string units = first ? f.text_attribute(*first, "units").value_or("") : "";
        const std::string found_units =
            units.empty()
                ? ""
                : fmt::format(" with '{}' in units '{}'", f.dimension_name(dims[0]), units);
        throw InputError(fmt::format("{}: variable '{}': found dimensions ({}){}, expected time "
                                     "first, as (time, lat, lon), with a time coordinate in "
                                     "'<unit> since <date>'",
                                     f.path(), name_, shape, found_units));
    }
    if (files_.empty()) {
        grid_ = grid;
    } else if (!grid_.same_cells(grid) || files_.front()->lat_pos != fv.lat_pos) {
        throw InputError(fmt::format("{}: variable '{}': found a grid different from that of {}, "
                                     "expected the same grid in every file of a variable",
                                     f.path(), name_, files_.front()->file->path()));
    }
    times.push_back(read_times(fv, dims[0]));
}

FileTimes GridVariable::read_times(const FileVar& fv, int time_dim) const {
    const NcReader& f = *fv.file;
    const std::string time_name = f.dimension_name(time_dim);
    const int time_var = *f.find_variable(time_name);
    FileTimes t;
    t.path = f.path();
    const std::string calendar_name = f.text_attribute(time_var, "calendar").value_or("standard");
    const auto calendar = parse_cf_calendar(calendar_name);
    if (!calendar) {
        throw InputError(fmt::format("{}: variable '{}': time coordinate '{}' found calendar "
                                     "'{}', expected one of: {}",
                                     f.path(), name_, time_name, calendar_name,
                                     accepted_cf_calendars()));
    }
    t.calendar = *calendar;
    const std::string units = f.text_attribute(time_var, "units").value_or("");
    const auto time_units = parse_cf_time_units(units, *calendar);
    if (!time_units) {
        throw InputError(fmt::format("{}: variable '{}': time coordinate '{}' found units '{}', "
                                     "expected '<days|hours|minutes|seconds> since "
                                     "YYYY-MM-DD[ hh:mm:ss]'",
                                     f.path(), name_, time_name, units));
    }
    for (double value : f.read_all(time_var))
        t.serial_days.push_back(time_units->reference_serial + value * time_units->days_per_unit);
    return t;
}

std::string GridVariable::files_text() const {
    if (axis_.files.size() == 1) return axis_.files.front();
    return fmt::format("{} .. {}", axis_.files.front(), axis_.files.back());
}

void GridVariable::check_period(std::int64_t first_day, std::int64_t last_day) const {
    const std::int64_t first = key_of_model_day(axis_, first_day) - axis_.first_key;
    const std::int64_t last = key_of_model_day(axis_, last_day) - axis_.first_key;
    if (first >= 0 && last < static_cast<std::int64_t>(axis_.records())) return;
    const std::int64_t end_key = axis_.first_key + static_cast<std::int64_t>(axis_.records()) - 1;
    throw InputError(fmt::format("{}: variable '{}': covers {} .. {}, expected at least {} .. {} "
                                 "(study start minus warmup_days to end)",
                                 files_text(), name_, describe_key(axis_, axis_.first_key),
                                 describe_key(axis_, end_key),
                                 calendar::to_iso(calendar::date_of(first_day)),
                                 calendar::to_iso(calendar::date_of(last_day))));
}

} // namespace riparia::io
