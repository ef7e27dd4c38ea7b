#include "io/netcdf_results.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>
#include <netcdf.h>
#include <stdexcept>

namespace riparia::io {

namespace {

constexpr int kDeflateLevel = 5; // ISIMIP protocol: compression >= 5
constexpr std::size_t kChunkValues = 1 << 16;
constexpr std::size_t kMaxNodeChunk = 1 << 14;

void put_text(int ncid, int var, const char* name, const std::string& value) {
    if (value.empty()) return;
    nc_put_att_text(ncid, var, name, value.size(), value.c_str());
}

} // namespace

void NetcdfResults::check(int status, const char* what) const {
    if (status != NC_NOERR) {
        throw std::runtime_error(
            fmt::format("{}: NetCDF error while {}: {}", path_, what, nc_strerror(status)));
    }
}

NetcdfResults::NetcdfResults(const std::string& path, const ResultsHeader& h,
                             const std::vector<ResultVariable>& variables)
    : path_(path), nodes_(h.node_ids.size()), records_(h.records) {
    check(nc_create(path.c_str(), NC_NETCDF4 | NC_CLOBBER, &ncid_), "creating the file");
    std::vector<int> axis_dims, axis_vars;
    for (const auto& axis : h.axes) {
        int dim, var;
        check(nc_def_dim(ncid_, axis.name.c_str(), axis.labels.size(), &dim), "defining an axis");
        check(nc_def_var(ncid_, axis.name.c_str(), NC_STRING, 1, &dim, &var), "defining labels");
        put_text(ncid_, var, "long_name", axis.long_name);
        axis_dims.push_back(dim);
        axis_vars.push_back(var);
    }
    position_.assign(h.axes.size(), 0);
    int time_dim, node_dim, bounds_dim;
    check(nc_def_dim(ncid_, "time", records_, &time_dim), "defining time");
    check(nc_def_dim(ncid_, "node", nodes_, &node_dim), "defining node");
    check(nc_def_dim(ncid_, "nv", 2, &bounds_dim), "defining nv");

    put_text(ncid_, NC_GLOBAL, "Conventions", "CF-1.8");
    put_text(ncid_, NC_GLOBAL, "featureType", "timeSeries");
    put_text(ncid_, NC_GLOBAL, "title", h.title);
    put_text(ncid_, NC_GLOBAL, "source", h.source);
    put_text(ncid_, NC_GLOBAL, "history", h.history);
    put_text(ncid_, NC_GLOBAL, "output_period", h.period);
    put_text(ncid_, NC_GLOBAL, "references", "GR4J: Perrin et al. (2003) J. Hydrol. 279:275-289");

    check(nc_def_var(ncid_, "time", NC_DOUBLE, 1, &time_dim, &time_var_), "defining time");
    put_text(ncid_, time_var_, "standard_name", "time");
    put_text(ncid_, time_var_, "long_name", "start of the averaging period");
    put_text(ncid_, time_var_, "units", "days since 1970-01-01 00:00:00");
    put_text(ncid_, time_var_, "calendar", "proleptic_gregorian");
    put_text(ncid_, time_var_, "axis", "T");
    put_text(ncid_, time_var_, "bounds", "time_bnds");
    const int bdims[2] = {time_dim, bounds_dim};
    check(nc_def_var(ncid_, "time_bnds", NC_DOUBLE, 2, bdims, &bounds_var_), "defining bounds");

    auto def_node_var = [&](const char* name, nc_type type, const char* long_name,
                            const char* units, const char* standard_name) {
        int id;
        check(nc_def_var(ncid_, name, type, 1, &node_dim, &id), "defining node variables");
        put_text(ncid_, id, "long_name", long_name);
        if (units) put_text(ncid_, id, "units", units);
        if (standard_name) put_text(ncid_, id, "standard_name", standard_name);
        return id;
    };
    const int id_var = def_node_var("node_id", NC_STRING, "sub-basin identifier", nullptr, nullptr);
    put_text(ncid_, id_var, "cf_role", "timeseries_id");
    const int name_var = def_node_var("node_name", NC_STRING, "sub-basin name", nullptr, nullptr);
    const int country_var =
        def_node_var("country", NC_STRING, "ISO 3166-1 alpha-3 country code", nullptr, nullptr);
    const int down_var = def_node_var("downstream_id", NC_STRING,
                                      "identifier of the downstream sub-basin (empty at an outlet)",
                                      nullptr, nullptr);
    const int lat_var =
        def_node_var("lat", NC_DOUBLE, "latitude of the sub-basin", "degrees_north", "latitude");
    const int lon_var =
        def_node_var("lon", NC_DOUBLE, "longitude of the sub-basin", "degrees_east", "longitude");
    const int area_var =
        def_node_var("area", NC_DOUBLE, "sub-basin area (own, not upstream)", "km2", "cell_area");

    const std::size_t node_chunk = std::max<std::size_t>(1, std::min(nodes_, kMaxNodeChunk));
    chunk_records_ = std::clamp<std::size_t>(kChunkValues / node_chunk, 1, 366);
    chunk_records_ = std::min(chunk_records_, std::max<std::size_t>(records_, 1));
    std::vector<int> dims = axis_dims;
    dims.insert(dims.end(), {time_dim, node_dim});
    std::vector<std::size_t> chunks(axis_dims.size(), 1);
    chunks.insert(chunks.end(), {chunk_records_, node_chunk});
    for (const auto& v : variables)
        define_series(v, dims, chunks, "lat lon node_id", nodes_);
    dims.pop_back();
    for (const auto& set : h.sets)
        define_set(set, dims);
    check(nc_enddef(ncid_), "leaving define mode");

    auto put_strings = [&](int var, const std::vector<std::string>& values) {
        std::vector<const char*> pointers;
        for (const auto& s : values)
            pointers.push_back(s.c_str());
        const std::size_t start = 0, count = values.size();
        check(nc_put_vara_string(ncid_, var, &start, &count, pointers.data()), "writing labels");
    };
    for (std::size_t a = 0; a < h.axes.size(); ++a)
        put_strings(axis_vars[a], h.axes[a].labels);
    put_strings(id_var, h.node_ids);
    put_strings(name_var, h.node_names);
    put_strings(country_var, h.countries);
    put_strings(down_var, h.downstream_ids);
    for (const auto& set : h.sets) {
        if (set.ids.empty()) continue;
        int id_var_of_set;
        check(nc_inq_varid(ncid_, (set.dimension + "_id").c_str(), &id_var_of_set), "labels");
        put_strings(id_var_of_set, set.ids);
    }
    check(nc_put_var_double(ncid_, lat_var, h.lat_deg.data()), "writing lat");
    check(nc_put_var_double(ncid_, lon_var, h.lon_deg.data()), "writing lon");
    check(nc_put_var_double(ncid_, area_var, h.area_km2.data()), "writing area");

    for (std::size_t width : widths_)
        buffers_.emplace_back(chunk_records_ * width, 0.0);
    time_buffer_.assign(chunk_records_, 0.0);
    bounds_buffer_.assign(2 * chunk_records_, 0.0);
}

void NetcdfResults::define_set(const InstanceSet& set, std::vector<int> dims) {
    if (set.ids.empty()) return;
    int dim, id_var;
    check(nc_def_dim(ncid_, set.dimension.c_str(), set.ids.size(), &dim), "defining a dimension");
    check(nc_def_var(ncid_, (set.dimension + "_id").c_str(), NC_STRING, 1, &dim, &id_var),
          "defining labels");
    put_text(ncid_, id_var, "long_name", set.long_name);
    dims.push_back(dim);
    std::vector<std::size_t> chunks(dims.size() - 2, 1);
    chunks.insert(chunks.end(), {chunk_records_, set.ids.size()});
    for (const auto& v : set.variables) {
        define_series(v, dims, chunks, set.dimension + "_id", set.ids.size());
    }
}

// A compressed double variable var([axes,] time, instance) with its CF attributes. Ensembles
// mark what a run does not have (a reservoir a policy removed, a combination not run) as NaN.
void NetcdfResults::define_series(const ResultVariable& v, const std::vector<int>& dims,
                                  const std::vector<std::size_t>& chunks,
                                  const std::string& coordinates, std::size_t width) {
    if (v.units.empty() || (v.long_name.empty() && v.standard_name.empty())) {
        throw std::logic_error(path_ + ": variable " + v.name +
                               " needs units and a long_name or standard_name (CF)");
    }
    int id;
    check(nc_def_var(ncid_, v.name.c_str(), NC_DOUBLE, static_cast<int>(dims.size()), dims.data(),
                     &id),
          "defining variables");
    check(nc_def_var_chunking(ncid_, id, NC_CHUNKED, chunks.data()), "setting chunking");
    // Records are written a whole chunk at a time, so a cache of one chunk suffices: each chunk
    // is compressed and written when the next one comes instead of piling up in HDF5's cache
    // until the file is closed (memory flat in the number of runs; compression during the runs).
    std::size_t chunk_bytes = sizeof(double);
    for (std::size_t c : chunks)
        chunk_bytes *= c;
    check(nc_set_var_chunk_cache(ncid_, id, chunk_bytes + 1024, 7, 1.0f), "setting the cache");
    if (!position_.empty()) {
        const double missing = std::numeric_limits<double>::quiet_NaN();
        check(nc_def_var_fill(ncid_, id, 0, &missing), "setting the fill value");
    }
    check(nc_def_var_deflate(ncid_, id, 1, 1, kDeflateLevel), "setting compression");
    put_text(ncid_, id, "long_name", v.long_name);
    put_text(ncid_, id, "units", v.units);
    put_text(ncid_, id, "standard_name", v.standard_name);
    put_text(ncid_, id, "coordinates", coordinates);
    put_text(ncid_, id, "cell_methods", "time: mean");
    var_ids_.push_back(id);
    widths_.push_back(width);
}

NetcdfResults::~NetcdfResults() {
    if (ncid_ >= 0) nc_close(ncid_); // on error paths: the staged folder is discarded anyway
}

void NetcdfResults::append(std::int64_t first_day, std::int64_t last_day,
                           const double* const* values) {
    if (written_ + buffered_ >= records_) {
        throw std::logic_error(path_ + ": more records appended than declared");
    }
    for (std::size_t v = 0; v < var_ids_.size(); ++v) {
        std::copy_n(values[v], widths_[v], &buffers_[v][buffered_ * widths_[v]]);
    }
    time_buffer_[buffered_] = static_cast<double>(first_day);
    bounds_buffer_[2 * buffered_] = static_cast<double>(first_day);
    bounds_buffer_[2 * buffered_ + 1] = static_cast<double>(last_day + 1);
    if (++buffered_ == chunk_records_) flush();
}

void NetcdfResults::flush() {
    if (buffered_ == 0) return;
    std::vector<std::size_t> start = position_, count(position_.size(), 1);
    start.insert(start.end(), {written_, 0});
    count.insert(count.end(), {buffered_, 0});
    for (std::size_t v = 0; v < var_ids_.size(); ++v) {
        count.back() = widths_[v];
        check(
            nc_put_vara_double(ncid_, var_ids_[v], start.data(), count.data(), buffers_[v].data()),
            "writing results");
    }
    if (runs_ <= 1) { // the time axis is the same for every run of an ensemble
        const std::size_t time_start[2] = {written_, 0};
        const std::size_t bcount[2] = {buffered_, 2};
        check(nc_put_vara_double(ncid_, time_var_, time_start, bcount, time_buffer_.data()),
              "writing time");
        check(nc_put_vara_double(ncid_, bounds_var_, time_start, bcount, bounds_buffer_.data()),
              "writing time bounds");
    }
    written_ += buffered_;
    buffered_ = 0;
}

void NetcdfResults::end_run() {
    flush();
    if (written_ != records_) {
        throw std::logic_error(
            fmt::format("{}: {} records written, {} declared", path_, written_, records_));
    }
}

void NetcdfResults::begin_run(const std::vector<std::size_t>& position) {
    if (position.size() != position_.size()) {
        throw std::logic_error(path_ + ": a run position needs one index per ensemble axis");
    }
    if (runs_ > 0) end_run();
    position_ = position;
    written_ = 0;
    ++runs_;
}

void NetcdfResults::close() {
    end_run();
    const int status = nc_close(ncid_);
    ncid_ = -1;
    check(status, "closing the file");
}

} // namespace riparia::io
