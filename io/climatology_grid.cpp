#include "io/climatology_grid.hpp"

#include "io/input_error.hpp"
#include "io/netcdf_forcing_time.hpp"
#include "model/calendar.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <netcdf.h>

namespace riparia::io {

namespace {

constexpr const char* kMonthNames[12] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};

// Variables of the file that vary over time, latitude and longitude (and nothing else longer
// than 1), whose units are those of `quantity`.
std::vector<int> candidate_variables(const NcReader& file, ForcingQuantity quantity) {
    int count = 0;
    file.check(nc_inq_nvars(file.id(), &count), "counting variables");
    std::vector<int> found;
    for (int var = 0; var < count; ++var) {
        if (file.dimensions(var).size() < 3) continue;
        const auto units = file.text_attribute(var, "units");
        if (units && parse_forcing_units(quantity, *units)) found.push_back(var);
    }
    return found;
}

bool same_value(double a, double b) {
    return a == b || std::abs(a - b) <= 1e-6 * std::max(std::abs(a), std::abs(b));
}

} // namespace

double mean_days_in_month(std::size_t month) {
    return calendar::mean_days_in_month(static_cast<int>(month) + 1);
}

ClimatologyGrid::ClimatologyGrid(const std::string& path, const std::string& variable,
                                 ForcingQuantity quantity)
    : file_(std::make_unique<NcReader>(path, quantity_name(quantity))), quantity_(quantity) {
    find_variable(variable);
    read_units();
    grid_ = read_file_grid(*file_, var_, name_);
    const std::vector<int> dims = file_->dimensions(var_);
    dims_ = dims.size();
    for (std::size_t k = 0; k < dims_; ++k) {
        if (dims[k] == grid_.lat_dim)
            lat_pos_ = k;
        else if (dims[k] == grid_.lon_dim)
            lon_pos_ = k;
        else if (file_->dimension_length(dims[k]) == 12 && time_dim_ < 0) {
            time_dim_ = dims[k];
            time_pos_ = k;
        } else if (file_->dimension_length(dims[k]) != 1) {
            throw InputError(fmt::format(
                "{}: variable '{}': found dimension '{}' of length {}, expected (time, lat, lon) "
                "with 12 time steps (other dimensions of length 1)",
                path, name_, file_->dimension_name(dims[k]), file_->dimension_length(dims[k])));
        }
    }
    if (time_dim_ < 0) {
        throw InputError(fmt::format("{}: variable '{}': found no dimension of 12 time steps, "
                                     "expected a monthly climatology (January to December)",
                                     path, name_));
    }
    check_time_axis();
}

ClimatologyGrid::~ClimatologyGrid() = default;

void ClimatologyGrid::find_variable(const std::string& variable) {
    if (!variable.empty()) {
        const auto var = file_->find_variable(variable);
        if (!var) {
            throw InputError(fmt::format("{}: found no variable '{}', expected the {} climatology",
                                         file_->path(), variable, quantity_name(quantity_)));
        }
        var_ = *var;
        name_ = variable;
        return;
    }
    const std::vector<int> found = candidate_variables(*file_, quantity_);
    if (found.size() != 1) {
        std::string names;
        for (int var : found)
            names += (names.empty() ? "" : ", ") + file_->variable_name(var);
        throw InputError(fmt::format(
            "{}: found {} variables with {} units{}{}, expected exactly one (name it with the "
            "--{}-variable option); accepted units: {}",
            file_->path(), found.size(), quantity_name(quantity_), names.empty() ? "" : ": ", names,
            quantity_name(quantity_), accepted_units(quantity_)));
    }
    var_ = found.front();
    name_ = file_->variable_name(var_);
}

void ClimatologyGrid::read_units() {
    const auto units = file_->text_attribute(var_, "units");
    const auto conversion = units ? parse_forcing_units(quantity_, *units) : std::nullopt;
    if (!conversion) {
        throw InputError(fmt::format("{}: variable '{}': found {}, expected {} units: {}",
                                     file_->path(), name_,
                                     units ? fmt::format("units '{}'", *units) : "no units",
                                     quantity_name(quantity_), accepted_units(quantity_)));
    }
    units_ = *units;
    conversion_ = *conversion;
    pack_scale_ = file_->number_attribute(var_, "scale_factor").value_or(1.0);
    pack_offset_ = file_->number_attribute(var_, "add_offset").value_or(0.0);
    const auto fill = file_->number_attribute(var_, "_FillValue");
    has_fill_ = fill.has_value();
    fill_ = fill.value_or(0.0);
    const auto missing = file_->number_attribute(var_, "missing_value");
    has_missing_ = missing.has_value();
    missing_ = missing.value_or(0.0);
    nc_type type;
    std::size_t len = 0;
    if (nc_inq_att(file_->id(), var_, "valid_range", &type, &len) == NC_NOERR && len == 2) {
        double range[2];
        file_->check(nc_get_att_double(file_->id(), var_, "valid_range", range), "valid_range");
        valid_min_ = range[0];
        valid_max_ = range[1];
    }
    valid_min_ = file_->number_attribute(var_, "valid_min").value_or(valid_min_);
    valid_max_ = file_->number_attribute(var_, "valid_max").value_or(valid_max_);
}

// The 12 steps must decode to the months January..December (of any year: climatologies use
// nominal years such as 0001 or 2001).
void ClimatologyGrid::check_time_axis() const {
    const std::string dim = file_->dimension_name(time_dim_);
    const auto var = file_->find_variable(dim);
    if (!var) return; // no coordinate: the 12 steps are taken as January..December
    const std::string cal = file_->text_attribute(*var, "calendar").value_or("standard");
    const auto calendar = parse_cf_calendar(cal);
    const std::string units = file_->text_attribute(*var, "units").value_or("");
    const auto time_units = calendar ? parse_cf_time_units(units, *calendar) : std::nullopt;
    if (!time_units) {
        throw InputError(fmt::format("{}: variable '{}': time coordinate '{}' found units '{}' "
                                     "and calendar '{}', expected '<unit> since <date>' and one "
                                     "of {}",
                                     file_->path(), name_, dim, units, cal,
                                     accepted_cf_calendars()));
    }
    const std::vector<double> times = file_->read_all(*var);
    for (std::size_t m = 0; m < 12; ++m) {
        const double serial = time_units->reference_serial + times[m] * time_units->days_per_unit;
        const auto date =
            date_of_serial(*calendar, static_cast<std::int64_t>(std::floor(serial + 1e-9)));
        if (date.month != static_cast<int>(m + 1)) {
            throw InputError(fmt::format(
                "{}: variable '{}': time step {} of 12 falls in month {} ({}), expected {} "
                "(a monthly climatology runs January to December)",
                file_->path(), name_, m + 1, date.month, calendar::to_iso(date), kMonthNames[m]));
        }
    }
}

bool ClimatologyGrid::is_missing(double v) const {
    if (!std::isfinite(v)) return true;
    if (has_fill_ ? same_value(v, fill_) : same_value(v, NC_FILL_FLOAT)) return true;
    if (has_missing_ && same_value(v, missing_)) return true;
    return v < valid_min_ || v > valid_max_;
}

double ClimatologyGrid::to_model(double v, std::size_t month) const {
    const double value = (v * pack_scale_ + pack_offset_) * conversion_.scale + conversion_.offset;
    if (quantity_ == ForcingQuantity::temperature) return value;
    // A monthly total (mm/month, or mm per monthly step) stays; a daily rate becomes a total.
    if (conversion_.monthly_total || conversion_.per_time_step) return value;
    return value * mean_days_in_month(month);
}

std::vector<MonthlyValues> ClimatologyGrid::area_means(const model::AreaWeights& weights,
                                                       const std::vector<std::string>& ids) const {
    const std::size_t columns = grid_.edges.columns();
    std::size_t row0 = grid_.edges.rows(), row1 = 0;
    for (std::uint32_t cell : weights.cell) {
        const std::size_t r = grid_.file_row(cell / columns);
        row0 = std::min(row0, r);
        row1 = std::max(row1, r);
    }
    std::vector<MonthlyValues> means(weights.polygons());
    if (weights.cell.empty()) row0 = row1 = 0;
    const std::size_t rows = row1 - row0 + 1;
    std::vector<double> slab(rows * columns);
    std::vector<std::size_t> start(dims_, 0), count(dims_, 1);
    start[lat_pos_] = row0;
    count[lat_pos_] = rows;
    count[lon_pos_] = columns;
    const bool lat_first = lat_pos_ < lon_pos_;
    for (std::size_t m = 0; m < 12; ++m) {
        start[time_pos_] = m;
        if (!weights.cell.empty()) file_->read_slab(var_, start, count, slab.data());
        for (std::size_t p = 0; p < weights.polygons(); ++p) {
            double sum = 0, weight = 0;
            for (std::size_t e = weights.first[p]; e < weights.first[p + 1]; ++e) {
                const std::size_t r = grid_.file_row(weights.cell[e] / columns) - row0;
                const std::size_t c = grid_.file_col(weights.cell[e] % columns);
                const double v = slab[lat_first ? r * columns + c : c * rows + r];
                if (is_missing(v)) continue;
                sum += weights.weight[e] * to_model(v, m);
                weight += weights.weight[e];
            }
            if (!(weight > 0)) {
                throw InputError(fmt::format(
                    "{}: variable '{}': subbasin '{}' has no valid cell in {} (all {} cells it "
                    "overlaps are missing, e.g. ocean in a land-only grid), expected at least one",
                    file_->path(), name_, ids[p], kMonthNames[m],
                    weights.first[p + 1] - weights.first[p]));
            }
            means[p][m] = sum / weight;
        }
    }
    return means;
}

model::MonthlyGrid ClimatologyGrid::read_all() const {
    const std::size_t rows = grid_.edges.rows(), columns = grid_.edges.columns();
    model::MonthlyGrid out{grid_.edges, {}};
    std::vector<double> slab(rows * columns);
    std::vector<std::size_t> start(dims_, 0), count(dims_, 1);
    count[lat_pos_] = rows;
    count[lon_pos_] = columns;
    const bool lat_first = lat_pos_ < lon_pos_;
    for (std::size_t m = 0; m < 12; ++m) {
        start[time_pos_] = m;
        file_->read_slab(var_, start, count, slab.data());
        auto& field = out.value[m];
        field.assign(rows * columns, std::numeric_limits<float>::quiet_NaN());
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t c = 0; c < columns; ++c) {
                const std::size_t fr = grid_.file_row(r), fc = grid_.file_col(c);
                const double v = slab[lat_first ? fr * columns + fc : fc * rows + fr];
                if (!is_missing(v)) field[r * columns + c] = float(to_model(v, m));
            }
    }
    return out;
}

} // namespace riparia::io
