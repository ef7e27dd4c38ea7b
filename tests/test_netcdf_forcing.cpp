// Gridded CF-NetCDF forcing (io/netcdf_forcing.hpp) on synthetic grids written here with
// netCDF-C, whose sub-basin means are known in closed form, and on the real samples in
// ../shared/data/climate against an independent cell-centre-in-box computation.
#include "io/input_error.hpp"
#include "io/netcdf_forcing.hpp"
#include "io/netcdf_forcing_cache.hpp"
#include "model/calendar.hpp"
#include "tests/support.hpp"

#include <cmath>
#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>
#include <functional>
#include <netcdf.h>
#include <numbers>
#include <stdexcept>

namespace fs = std::filesystem;
namespace calendar = riparia::calendar;
namespace io = riparia::io;
namespace model = riparia::model;
using riparia::test::ScratchDir;

namespace {

constexpr double kDeg = std::numbers::pi / 180;

void nc(int status) {
    if (status != NC_NOERR) throw std::runtime_error(nc_strerror(status));
}

void put_text(int ncid, int var, const char* name, const std::string& value) {
    nc(nc_put_att_text(ncid, var, name, value.size(), value.c_str()));
}

// A synthetic (time, lat, lon) file; value(t, lat, lon) in file units.
struct SyntheticGrid {
    std::vector<double> lon, lat; // centres in file order
    bool bounds = false;
    std::string variable = "pr";
    std::optional<std::string> units = "mm/day";
    std::optional<std::string> calendar = "noleap";
    std::string time_units = "days since 2000-01-01";
    std::vector<double> times;
    std::function<double(std::size_t t, double lat, double lon)> value;
};

int def_axis(int ncid, const char* name, const char* units, const std::vector<double>& centres,
             bool bounds, int bounds_dim) {
    int dim, var;
    nc(nc_def_dim(ncid, name, centres.size(), &dim));
    nc(nc_def_var(ncid, name, NC_DOUBLE, 1, &dim, &var));
    put_text(ncid, var, "units", units);
    if (bounds) {
        const std::string bname = std::string(name) + "_bnds";
        put_text(ncid, var, "bounds", bname);
        const int dims[2] = {dim, bounds_dim};
        int bvar;
        nc(nc_def_var(ncid, bname.c_str(), NC_DOUBLE, 2, dims, &bvar));
    }
    return dim;
}

void put_axis(int ncid, const char* name, const std::vector<double>& c, bool bounds) {
    int var;
    nc(nc_inq_varid(ncid, name, &var));
    nc(nc_put_var_double(ncid, var, c.data()));
    if (!bounds) return;
    const double half = 0.5 * std::abs(c.size() > 1 ? c[1] - c[0] : 1.0);
    std::vector<double> b;
    for (double x : c) {
        b.push_back(x - half);
        b.push_back(x + half);
    }
    nc(nc_inq_varid(ncid, (std::string(name) + "_bnds").c_str(), &var));
    nc(nc_put_var_double(ncid, var, b.data()));
}

void write_grid(const std::string& path, const SyntheticGrid& g) {
    int ncid;
    nc(nc_create(path.c_str(), NC_NETCDF4 | NC_CLOBBER, &ncid));
    int time_dim, time_var, nb;
    nc(nc_def_dim(ncid, "nb2", 2, &nb));
    nc(nc_def_dim(ncid, "time", NC_UNLIMITED, &time_dim));
    nc(nc_def_var(ncid, "time", NC_DOUBLE, 1, &time_dim, &time_var));
    put_text(ncid, time_var, "units", g.time_units);
    if (g.calendar) put_text(ncid, time_var, "calendar", *g.calendar);
    const int lat_dim = def_axis(ncid, "lat", "degrees_north", g.lat, g.bounds, nb);
    const int lon_dim = def_axis(ncid, "lon", "degrees_east", g.lon, g.bounds, nb);
    const int dims[3] = {time_dim, lat_dim, lon_dim};
    int var;
    nc(nc_def_var(ncid, g.variable.c_str(), NC_FLOAT, 3, dims, &var));
    if (g.units) put_text(ncid, var, "units", *g.units);
    const float fill = 1e20f;
    nc(nc_put_att_float(ncid, var, "_FillValue", NC_FLOAT, 1, &fill));
    nc(nc_enddef(ncid));
    put_axis(ncid, "lat", g.lat, g.bounds);
    put_axis(ncid, "lon", g.lon, g.bounds);
    const std::size_t start0 = 0, nt = g.times.size();
    nc(nc_put_vara_double(ncid, time_var, &start0, &nt, g.times.data()));
    std::vector<float> values;
    for (std::size_t t = 0; t < nt; ++t)
        for (double lat : g.lat)
            for (double lon : g.lon)
                values.push_back(static_cast<float>(g.value(t, lat, lon)));
    const std::size_t start[3] = {0, 0, 0}, count[3] = {nt, g.lat.size(), g.lon.size()};
    nc(nc_put_vara_float(ncid, var, start, count, values.data()));
    nc(nc_close(ncid));
}

std::vector<double> centres(double first, double step, int n) {
    std::vector<double> c;
    for (int k = 0; k < n; ++k)
        c.push_back(first + step * k);
    return c;
}

struct Box {
    std::string id;
    double lon1, lon2, lat1, lat2;
};

void write_boxes(const std::string& path, const std::vector<Box>& boxes,
                 const std::string& field = "id") {
    std::string text = R"({"type":"FeatureCollection","features":[)";
    for (std::size_t k = 0; k < boxes.size(); ++k) {
        const Box& b = boxes[k];
        text += fmt::format(
            R"({}{{"type":"Feature","properties":{{"{}":"{}"}},"geometry":{{"type":"Polygon",)"
            R"("coordinates":[[[{:.17g},{:.17g}],[{:.17g},{:.17g}],[{:.17g},{:.17g}],)"
            R"([{:.17g},{:.17g}],[{:.17g},{:.17g}]]]}}}})",
            k ? "," : "", field, b.id, b.lon1, b.lat1, b.lon2, b.lat1, b.lon2, b.lat2, b.lon1,
            b.lat2, b.lon1, b.lat1);
    }
    riparia::test::write_file(path, text + "]}");
}

model::Basin basin_of(const std::vector<std::string>& ids) {
    model::Basin basin;
    for (const auto& id : ids) {
        model::Subbasin s;
        s.id = id;
        basin.subbasins.push_back(s);
    }
    return basin;
}

// Closed form of the area-weighted mean over a box of a field a(lat) + b(lon), constant per
// cell of a regular grid (cells centre +- step/2): the weights factor into sin(lat) and lon.
double box_mean(const Box& box, const std::vector<double>& lat, const std::vector<double>& lon,
                double step, const std::function<double(double)>& a,
                const std::function<double(double)>& b) {
    double sa = 0, ws = 0, sb = 0, wl = 0;
    for (double c : lat) {
        const double lo = std::max(box.lat1, c - step / 2), hi = std::min(box.lat2, c + step / 2);
        if (hi <= lo) continue;
        const double w = std::sin(hi * kDeg) - std::sin(lo * kDeg);
        sa += w * a(c);
        ws += w;
    }
    for (double c : lon) {
        for (double shift : {-360.0, 0.0, 360.0}) {
            const double x = c + shift;
            const double lo = std::max(box.lon1, x - step / 2),
                         hi = std::min(box.lon2, x + step / 2);
            if (hi <= lo) continue;
            sb += (hi - lo) * b(c);
            wl += hi - lo;
        }
    }
    return sa / ws + sb / wl;
}

struct Filled {
    std::vector<double> precip, pet, temperature;
};

Filled fill(model::ForcingSource& source, std::int64_t first_day, int days, std::size_t n) {
    Filled f;
    f.precip.assign(static_cast<std::size_t>(days) * n, -1);
    f.pet = f.precip;
    f.temperature = f.precip;
    model::ForcingBlock block{first_day,       days,         n,
                              f.precip.data(), f.pet.data(), f.temperature.data()};
    source.fill(block);
    return f;
}

std::int64_t day_of(const char* iso) {
    return calendar::day_number(*calendar::parse_iso_date(iso));
}

// Month lengths of year 2000 in each calendar (written out here, not taken from io/).
std::vector<int> month_lengths(const std::string& cal) {
    if (cal == "noleap") return {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (cal == "360_day") return std::vector<int>(12, 30);
    return {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}; // 2000 is a leap year
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const io::InputError& e) {
        return e.what();
    }
    return "no InputError";
}

} // namespace

TEST_CASE("netcdf forcing: each calendar, daily data in 2 files, exact area-weighted means") {
    for (const std::string cal :
         {"noleap", "360_day", "all_leap", "proleptic_gregorian", "standard"}) {
        CAPTURE(cal);
        ScratchDir dir("nc-calendar");
        const auto lengths = month_lengths(cal);
        std::vector<std::pair<int, int>> dates; // (month, day) of each record of 2000
        for (int m = 1; m <= 12; ++m)
            for (int d = 1; d <= lengths[m - 1]; ++d)
                dates.emplace_back(m, d);
        const bool hours = cal == "all_leap";
        SyntheticGrid g;
        g.lon = centres(0.25, 0.5, 20);
        g.lat = cal == "360_day" ? centres(49.75, -0.5, 20) : centres(40.25, 0.5, 20);
        g.calendar = cal;
        g.time_units = hours ? "hours since 2000-01-01 00:00:00" : "days since 2000-01-01";
        const auto a = [](double lat) { return 0.1 * lat; };
        const auto b = [](double lon) { return 0.01 * lon; };
        const std::size_t split = 182;
        for (int part = 0; part < 2; ++part) {
            const std::size_t first = part ? split : 0, last = part ? dates.size() : split;
            g.times.clear();
            for (std::size_t k = first; k < last; ++k)
                g.times.push_back(hours ? 24.0 * static_cast<double>(k) + 12
                                        : static_cast<double>(k) + 0.5);
            g.value = [&](std::size_t t, double lat, double lon) {
                const auto [m, d] = dates[first + t];
                return m * 100 + d + a(lat) + b(lon);
            };
            write_grid(dir / fmt::format("pr_{}.nc", part), g);
        }
        write_boxes(dir / "basins.geojson",
                    {{"A", 1.1, 7.3, 41.2, 46.9}, {"B", 3, 3.2, 45.1, 45.15}});
        io::NetcdfForcingSpec spec;
        spec.polygons_path = dir / "basins.geojson";
        spec.precipitation.files = {dir / "pr_1.nc", dir / "pr_0.nc"}; // any order
        spec.pet = spec.precipitation;
        spec.pet->variable = "pr";
        auto source = io::open_netcdf_forcing(spec, basin_of({"A", "B"}), day_of("2000-01-01"),
                                              day_of("2000-12-31"));
        const Filled f = fill(*source, day_of("2000-01-01"), 366, 2);
        const double mean_a = box_mean({"A", 1.1, 7.3, 41.2, 46.9}, g.lat, g.lon, 0.5, a, b);
        const double cell_b = a(45.25) + b(3.25);
        for (int k = 0; k < 366; ++k) {
            calendar::Date date = calendar::date_of(day_of("2000-01-01") + k);
            while (date.day > lengths[date.month - 1]) // the nearest previous day of the file
                --date.day;
            const double base = date.month * 100 + date.day;
            CAPTURE(k);
            CHECK(f.precip[2 * k] == doctest::Approx(base + mean_a).epsilon(1e-6));
            CHECK(f.precip[2 * k + 1] == doctest::Approx(base + cell_b).epsilon(1e-6));
            CHECK(std::isnan(f.temperature[2 * k]));
            CHECK(f.pet[2 * k] == f.precip[2 * k]);
        }
        CHECK(source->has_pet(0));
        CHECK_FALSE(source->has_temperature(0));
    }
}

namespace {

// A 4 x 4 grid of 1 degree over 10..14 E, 40..44 N with `days` records; one box sub-basin.
struct SmallCase {
    ScratchDir dir{"nc-small"};
    SyntheticGrid grid;
    io::NetcdfForcingSpec spec;
    Box box{"A", 10.3, 13.6, 40.5, 43.2};

    explicit SmallCase(int days = 10) {
        grid.lon = centres(10.5, 1, 4);
        grid.lat = centres(40.5, 1, 4);
        for (int k = 0; k < days; ++k)
            grid.times.push_back(k);
        grid.calendar = "proleptic_gregorian";
        grid.value = [](std::size_t, double lat, double lon) { return lat - 40 + 0.1 * lon; };
        write_boxes(dir / "basins.geojson", {box});
        spec.polygons_path = dir / "basins.geojson";
    }
    std::string write(const std::string& name) {
        write_grid(dir / name, grid);
        return dir / name;
    }
    std::unique_ptr<model::ForcingSource> open(int days = 10) {
        return io::open_netcdf_forcing(spec, basin_of({"A"}), day_of("2000-01-01"),
                                       day_of("2000-01-01") + days - 1);
    }
    double raw_mean() const {
        return box_mean(
            box, grid.lat, grid.lon, 1.0, [](double lat) { return lat - 40; },
            [](double lon) { return 0.1 * lon; });
    }
};

} // namespace

TEST_CASE("netcdf forcing: each unit of precipitation, PET and temperature") {
    struct Case {
        const char* units;
        bool temperature;
        double file_value_of_1; // the file value meaning 1 mm/d or 1 degC
        double offset;
    };
    const Case cases[] = {{"kg m-2 s-1", false, 1.0 / 86400, 0},
                          {"mm/day", false, 1, 0},
                          {"mm d-1", false, 1, 0},
                          {"mm/d", false, 1, 0},
                          {"mm", false, 1, 0},
                          {"K", true, 1, 273.15},
                          {"degK", true, 1, 273.15},
                          {"kelvin", true, 1, 273.15},
                          {"degC", true, 1, 0},
                          {"C", true, 1, 0},
                          {"\u00b0C", true, 1, 0},
                          {"Celsius", true, 1, 0},
                          {"deg_C", true, 1, 0}};
    for (const Case& c : cases) {
        std::string units = c.units;
        if (units == "\\u00b0C")
            units = "\xc2\xb0"
                    "C";
        CAPTURE(units);
        SmallCase t;
        t.grid.units = "mm/day";
        t.spec.precipitation.files = {t.write("pr.nc")};
        t.grid.units = units;
        const double scale = c.file_value_of_1, offset = c.offset;
        auto value = t.grid.value;
        t.grid.value = [=](std::size_t k, double lat, double lon) {
            return value(k, lat, lon) * scale + offset;
        };
        t.grid.variable = c.temperature ? "tas" : "evspsblpot";
        const std::string file = t.write("var.nc");
        if (c.temperature)
            t.spec.temperature = io::GridVariableSpec{{file}, ""};
        else
            t.spec.pet = io::GridVariableSpec{{file}, ""};
        auto source = t.open();
        const Filled f = fill(*source, day_of("2000-01-01"), 10, 1);
        const double expected = t.raw_mean();
        CHECK(f.precip[3] == doctest::Approx(expected).epsilon(1e-6));
        const double got = c.temperature ? f.temperature[3] : f.pet[3];
        CHECK(got == doctest::Approx(expected).epsilon(1e-5));
        CHECK(std::isnan(c.temperature ? f.pet[3] : f.temperature[3]));
    }
}

TEST_CASE("netcdf forcing: monthly data, totals spread over the days of the month") {
    for (const char* units : {"mm/month", "mm/m", "mm"}) {
        CAPTURE(units);
        SmallCase t(0);
        t.grid.time_units = "days since 2000-01-01";
        t.grid.times = {14.5, 45, 74.5, 105}; // mid-January .. mid-April 2000
        t.grid.units = units;
        auto value = t.grid.value;
        t.grid.value = [=](std::size_t k, double lat, double lon) {
            return (static_cast<double>(k) + 1) * 100 + value(k, lat, lon);
        };
        t.spec.precipitation.files = {t.write("pr_mon.nc")};
        t.grid.variable = "tas";
        t.grid.units = "degC";
        t.spec.temperature = io::GridVariableSpec{{t.write("tas_mon.nc")}, ""};
        auto source = t.open(121); // 2000-01-01 .. 2000-04-30
        const Filled f = fill(*source, day_of("2000-01-01"), 121, 1);
        const double mean = t.raw_mean();
        CHECK(f.precip[0] == doctest::Approx((100 + mean) / 31).epsilon(1e-6));
        CHECK(f.precip[31 + 28] == doctest::Approx((200 + mean) / 29).epsilon(1e-6)); // 29 Feb
        CHECK(f.precip[120] == doctest::Approx((400 + mean) / 30).epsilon(1e-6));
        CHECK(f.temperature[45] == doctest::Approx(200 + mean).epsilon(1e-6));
        double march = 0;
        for (int d = 60; d < 91; ++d)
            march += f.precip[static_cast<std::size_t>(d)];
        CHECK(march == doctest::Approx(300 + mean).epsilon(1e-6));
    }
}

TEST_CASE("netcdf forcing: longitudes 0-360 and -180-180, bounds or midpoints") {
    for (const bool east : {true, false}) {
        for (const bool bounds : {true, false}) {
            CAPTURE(east);
            CAPTURE(bounds);
            ScratchDir dir("nc-lon");
            SyntheticGrid g;
            g.lon = east ? centres(1, 2, 180) : centres(-179, 2, 180);
            g.lat = centres(89, -2, 90);
            g.bounds = bounds;
            g.calendar = "365_day";
            g.times = {0, 1, 2};
            const auto a = [](double lat) { return std::cos(lat * kDeg); };
            const auto b = [](double lon) { return 0.01 * (lon > 180 ? lon - 360 : lon); };
            g.value = [&](std::size_t, double lat, double lon) { return a(lat) + b(lon); };
            write_grid(dir / "pr.nc", g);
            const Box box{"A", -7.5, 6.3, 10.2, 14.9};
            write_boxes(dir / "basins.geojson", {box});
            io::NetcdfForcingSpec spec;
            spec.polygons_path = dir / "basins.geojson";
            spec.precipitation.files = {dir / "pr.nc"};
            spec.pet = io::GridVariableSpec{spec.precipitation.files, "pr"};
            auto source = io::open_netcdf_forcing(spec, basin_of({"A"}), day_of("2000-01-01"),
                                                  day_of("2000-01-03"));
            const Filled f = fill(*source, day_of("2000-01-01"), 3, 1);
            CHECK(f.precip[1] ==
                  doctest::Approx(box_mean(box, g.lat, g.lon, 2, a, b)).epsilon(1e-6));
        }
    }
}

TEST_CASE("netcdf forcing: area weights are cached, and a changed polygon file invalidates them") {
    SmallCase t;
    t.spec.precipitation.files = {t.write("pr.nc")};
    t.spec.pet = io::GridVariableSpec{t.spec.precipitation.files, "pr"};
    t.spec.cache_dir = t.dir / "cache";
    const double before = fill(*t.open(), day_of("2000-01-01"), 10, 1).precip[0];
    CHECK(before == doctest::Approx(t.raw_mean()).epsilon(1e-6));
    std::vector<fs::path> cached;
    for (const auto& entry : fs::directory_iterator(t.spec.cache_dir))
        cached.push_back(entry.path());
    REQUIRE(cached.size() == 1); // no temporary left behind
    CHECK(cached[0].extension() == ".nc");

    // The cache is used: weights edited in it show up in the means.
    int ncid, var;
    nc(nc_open(cached[0].c_str(), NC_WRITE, &ncid));
    nc(nc_inq_varid(ncid, "weight", &var));
    int dim;
    nc(nc_inq_vardimid(ncid, var, &dim));
    std::size_t entries;
    nc(nc_inq_dimlen(ncid, dim, &entries));
    std::vector<double> weights(entries, 0.0);
    weights[0] = 1.0; // all weight on the first cell: (10.5 E, 40.5 N)
    nc(nc_put_var_double(ncid, var, weights.data()));
    nc(nc_close(ncid));
    const double edited = fill(*t.open(), day_of("2000-01-01"), 10, 1).precip[0];
    CHECK(edited == doctest::Approx(0.5 + 1.05).epsilon(1e-6));

    const std::vector<std::string> ids{"A"};
    const model::GridEdges edges{{10, 11, 12, 13, 14}, {40, 41, 42, 43, 44}};
    CHECK(io::load_or_compute_weights(t.spec.polygons_path, "id", ids, edges, t.spec.cache_dir)
              .from_cache);

    // A changed polygon file gives another key: recomputed, and right again.
    t.box.lon2 = 12.9;
    write_boxes(t.spec.polygons_path, {t.box});
    CHECK_FALSE(io::load_or_compute_weights(t.spec.polygons_path, "id", ids, edges, "").from_cache);
    const double after = fill(*t.open(), day_of("2000-01-01"), 10, 1).precip[0];
    CHECK(after == doctest::Approx(t.raw_mean()).epsilon(1e-6));
    CHECK(after != doctest::Approx(before).epsilon(1e-6));
}

TEST_CASE("netcdf forcing: every bad input is an InputError naming file, variable and value") {
    const auto check_error = [](SmallCase& t, std::vector<std::string> fragments,
                                std::vector<std::string> ids = {"A"}, int days = 10) {
        const std::string message = error_of([&] {
            io::open_netcdf_forcing(t.spec, basin_of(ids), day_of("2000-01-01"),
                                    day_of("2000-01-01") + days - 1);
        });
        for (const auto& fragment : fragments) {
            CAPTURE(message);
            CHECK(message.find(fragment) != std::string::npos);
        }
    };
    auto with_pr = [](SmallCase& t) {
        t.spec.precipitation.files = {t.write("pr.nc")};
        t.spec.pet = io::GridVariableSpec{t.spec.precipitation.files, "pr"};
    };
    SUBCASE("missing variable") {
        SmallCase t;
        with_pr(t);
        t.spec.precipitation.variable = "precip";
        check_error(t, {"pr.nc", "found no variable 'precip'", "pr (set `variable`"});
    }
    SUBCASE("missing units") {
        SmallCase t;
        t.grid.units.reset();
        with_pr(t);
        check_error(t, {"pr.nc", "variable 'pr' (precipitation)", "found no units attribute",
                        "kg m-2 s-1, mm/day"});
    }
    SUBCASE("unknown units") {
        SmallCase t;
        t.grid.units = "inches";
        with_pr(t);
        check_error(t, {"pr.nc", "variable 'pr'", "found units 'inches'", "mm/m"});
    }
    SUBCASE("unknown calendar") {
        SmallCase t;
        t.grid.calendar = "lunar";
        with_pr(t);
        check_error(t, {"pr.nc", "calendar 'lunar'", "360_day"});
    }
    SUBCASE("grid not covering a sub-basin") {
        SmallCase t;
        t.box = {"A", 13.1, 15.2, 41, 42};
        write_boxes(t.spec.polygons_path, {t.box});
        with_pr(t);
        check_error(t, {"basins.geojson", "sub-basin 'A'", "covers", "expected at least 99.9 %"});
    }
    SUBCASE("period not covered") {
        SmallCase t;
        with_pr(t);
        check_error(t, {"pr.nc", "covers 2000-01-01 .. 2000-01-10", "2000-01-20"}, {"A"}, 20);
    }
    SUBCASE("gap in time between two files") {
        SmallCase t;
        t.grid.times = {0, 1, 2, 3, 4};
        const std::string first = t.write("pr_a.nc");
        t.grid.times = {6, 7, 8, 9};
        t.spec.precipitation.files = {first, t.write("pr_b.nc")};
        t.spec.pet = io::GridVariableSpec{t.spec.precipitation.files, "pr"};
        check_error(t, {"pr_a.nc and", "pr_b.nc", "gap", "2000-01-06"});
    }
    SUBCASE("duplicate day in two files") {
        SmallCase t;
        t.grid.times = {0, 1, 2, 3, 4, 5};
        const std::string first = t.write("pr_a.nc");
        t.grid.times = {5, 6, 7, 8, 9};
        t.spec.precipitation.files = {first, t.write("pr_b.nc")};
        t.spec.pet = io::GridVariableSpec{t.spec.precipitation.files, "pr"};
        check_error(t, {"pr_a.nc and", "pr_b.nc", "2000-01-06 twice"});
    }
    SUBCASE("NaN in a cell inside a sub-basin") {
        SmallCase t;
        auto value = t.grid.value;
        t.grid.value = [=](std::size_t k, double lat, double lon) {
            return k == 3 && lat == 41.5 && lon == 11.5 ? NAN : value(k, lat, lon);
        };
        with_pr(t);
        check_error(t, {"pr.nc", "sub-basin 'A'", "2000-01-04", "lon 11.5 lat 41.5", "missing"});
    }
    SUBCASE("fill value in a cell inside a sub-basin") {
        SmallCase t;
        auto value = t.grid.value;
        t.grid.value = [=](std::size_t k, double lat, double lon) {
            return k == 7 && lat == 43.5 && lon == 13.5 ? 1e20 : value(k, lat, lon);
        };
        with_pr(t);
        check_error(t, {"sub-basin 'A'", "2000-01-08", "lon 13.5 lat 43.5"});
    }
    SUBCASE("polygon file without the sub-basin id") {
        SmallCase t;
        with_pr(t);
        check_error(t, {"basins.geojson", "sub-basin 'Z' has no polygon"}, {"A", "Z"});
        t.spec.id_field = "code";
        check_error(t, {"basins.geojson", "found no field 'code'", "id"});
    }
}

TEST_CASE("netcdf forcing: the [forcing] table, globs relative to the study file") {
    ScratchDir dir("nc-table");
    fs::create_directories(dir / "climate");
    for (const char* name : {"pr_day_2011-2020.nc", "pr_day_2001-2010.nc", "tas_day_2001.nc"})
        riparia::test::write_file(dir / (std::string("climate/") + name), "");
    write_boxes(dir / "basins.geojson", {{"A", 0, 1, 0, 1}});
    riparia::test::write_file(dir / "study.toml", R"([forcing]
source = "netcdf"
polygons = "basins.geojson"
id_field = "BCODE"
precipitation = { files = "climate/pr_day_*.nc", variable = "pr" }
temperature = { files = ["climate/tas_day_2001.nc"] }
)");
    const toml::table root = io::parse_toml_file(dir / "study.toml");
    const io::TomlTable t(*root["forcing"].as_table(), dir / "study.toml", "[forcing]",
                          io::netcdf_forcing_keys());
    const io::NetcdfForcingSpec spec = io::read_netcdf_forcing_table(t, dir / "study.toml");
    CHECK(spec.polygons_path == dir / "basins.geojson");
    CHECK(spec.id_field == "BCODE");
    REQUIRE(spec.precipitation.files.size() == 2);
    CHECK(spec.precipitation.files[0] == dir / "climate/pr_day_2001-2010.nc");
    CHECK(spec.precipitation.variable == "pr");
    REQUIRE(spec.temperature);
    CHECK(spec.temperature->variable.empty()); // tas by default
    CHECK_FALSE(spec.pet);
    CHECK(io::netcdf_forcing_inputs(spec).size() == 4);

    riparia::test::write_file(dir / "bad.toml", R"([forcing]
polygons = "basins.geojson"
precipitation = { files = "climate/evap_*.nc" }
temperature = { files = "climate/tas_day_2001.nc" }
)");
    const toml::table bad = io::parse_toml_file(dir / "bad.toml");
    const io::TomlTable tb(*bad["forcing"].as_table(), dir / "bad.toml", "[forcing]",
                           io::netcdf_forcing_keys());
    const std::string message =
        error_of([&] { io::read_netcdf_forcing_table(tb, dir / "bad.toml"); });
    CHECK(message.find("bad.toml:3") != std::string::npos);
    CHECK(message.find("evap_*.nc' matches no file") != std::string::npos);
}

namespace {

struct RawGrid {
    std::vector<double> lat, lon, values; // values [time][lat][lon]
    std::size_t times = 0;
};

RawGrid read_raw(const std::string& path, const char* var_name, const char* lat_name,
                 const char* lon_name) {
    RawGrid g;
    int ncid, var, dims[3];
    nc(nc_open(path.c_str(), NC_NOWRITE, &ncid));
    auto read = [&](const char* name) {
        int v, dim;
        std::size_t n;
        nc(nc_inq_varid(ncid, name, &v));
        nc(nc_inq_vardimid(ncid, v, &dim));
        nc(nc_inq_dimlen(ncid, dim, &n));
        std::vector<double> x(n);
        nc(nc_get_var_double(ncid, v, x.data()));
        return x;
    };
    g.lat = read(lat_name);
    g.lon = read(lon_name);
    nc(nc_inq_varid(ncid, var_name, &var));
    nc(nc_inq_vardimid(ncid, var, dims));
    nc(nc_inq_dimlen(ncid, dims[0], &g.times));
    g.values.resize(g.times * g.lat.size() * g.lon.size());
    nc(nc_get_var_double(ncid, var, g.values.data()));
    nc(nc_close(ncid));
    return g;
}

// Straightforward reference: the mean over the cells whose centre lies in the box, each
// weighted by its area R^2 dlon (sin lat2 - sin lat1), for a box whose sides follow cell edges.
double centre_in_box_mean(const RawGrid& g, std::size_t t, const Box& box,
                          const std::function<double(std::size_t)>& lat_lo,
                          const std::function<double(std::size_t)>& lat_hi) {
    double sum = 0, weights = 0;
    for (std::size_t r = 0; r < g.lat.size(); ++r) {
        if (g.lat[r] < box.lat1 || g.lat[r] > box.lat2) continue;
        const double w = std::abs(std::sin(lat_hi(r) * kDeg) - std::sin(lat_lo(r) * kDeg));
        for (std::size_t c = 0; c < g.lon.size(); ++c) {
            double lon = g.lon[c] > 180 ? g.lon[c] - 360 : g.lon[c];
            if (lon < box.lon1 || lon > box.lon2) continue;
            sum += w * g.values[(t * g.lat.size() + r) * g.lon.size() + c];
            weights += w;
        }
    }
    return sum / weights;
}

} // namespace

TEST_CASE("netcdf forcing: real samples bcsd_obs_1999 (monthly mm/m and C, 1/8 degree)") {
    const std::string path = riparia::test::shared_data("climate/bcsd_obs_1999.nc");
    ScratchDir dir("nc-bcsd");
    // Over Lake Murray (South Carolina) the grid has no data: an error naming the cell.
    write_boxes(dir / "basin.geojson", {{"NC", -82.0, -80.0, 34.0, 35.5}});
    io::NetcdfForcingSpec spec;
    spec.polygons_path = dir / "basin.geojson";
    spec.precipitation.files = {path};
    spec.temperature = io::GridVariableSpec{{path}, ""};
    CHECK(error_of([&] {
              io::open_netcdf_forcing(spec, basin_of({"NC"}), day_of("1999-01-01"),
                                      day_of("1999-12-31"));
          })
              .find("sub-basin 'NC' on 1999-01-01 (file time 1999-01): found a missing value (nan) "
                    "in the cell at lon -81.3125 lat 34.0625") != std::string::npos);
    const Box box{"NC", -84.0, -82.5, 34.0, 35.0}; // north Georgia, sides on cell edges
    write_boxes(dir / "basin.geojson", {box});
    auto source =
        io::open_netcdf_forcing(spec, basin_of({"NC"}), day_of("1999-01-01"), day_of("1999-12-31"));
    const Filled f = fill(*source, day_of("1999-01-01"), 365, 1);
    const RawGrid pr = read_raw(path, "pr", "latitude", "longitude");
    const RawGrid tas = read_raw(path, "tas", "latitude", "longitude");
    auto lo = [&](std::size_t r) { return pr.lat[r] - 0.0625; };
    auto hi = [&](std::size_t r) { return pr.lat[r] + 0.0625; };
    for (int k = 0; k < 365; ++k) {
        const calendar::Date d = calendar::date_of(day_of("1999-01-01") + k);
        const auto month = static_cast<std::size_t>(d.month - 1);
        CAPTURE(k);
        CHECK(f.precip[static_cast<std::size_t>(k)] ==
              doctest::Approx(centre_in_box_mean(pr, month, box, lo, hi) /
                              calendar::days_in_month(1999, d.month))
                  .epsilon(1e-6));
        CHECK(f.temperature[static_cast<std::size_t>(k)] ==
              doctest::Approx(centre_in_box_mean(tas, month, box, lo, hi)).epsilon(1e-6));
    }
}

TEST_CASE("netcdf forcing: real samples tas_rectilinear_grid_2D (K, 0-360, bounds)") {
    const std::string path = riparia::test::shared_data("climate/tas_rectilinear_grid_2D.nc");
    const RawGrid tas = read_raw(path, "tas", "lat", "lon");
    std::vector<double> lat_bnds(2 * tas.lat.size());
    int ncid, var;
    nc(nc_open(path.c_str(), NC_NOWRITE, &ncid));
    nc(nc_inq_varid(ncid, "lat_bnds", &var));
    nc(nc_get_var_double(ncid, var, lat_bnds.data()));
    nc(nc_close(ncid));
    // Five columns across the Greenwich meridian (centres 356.25 .. 3.75), rows 60..63.
    const Box box{"G", -4.6875, 4.6875, lat_bnds[2 * 60], lat_bnds[2 * 63 + 1]};
    ScratchDir dir("nc-tas");
    write_boxes(dir / "basin.geojson", {box});
    io::NetcdfForcingSpec spec;
    spec.polygons_path = dir / "basin.geojson";
    spec.precipitation.files = {path};
    spec.precipitation.variable = "tas"; // any field will do for precipitation here
    spec.temperature = io::GridVariableSpec{{path}, ""};
    spec.pet = spec.temperature; // kelvin is not a PET unit
    CHECK(error_of([&] {
              io::open_netcdf_forcing(spec, basin_of({"G"}), day_of("2005-01-01"),
                                      day_of("2005-12-31"));
          }).find("found units 'K'") != std::string::npos);
    spec.pet.reset();
    const std::string pr_path = dir / "pr.nc";
    fs::copy_file(path, pr_path);
    nc(nc_open(pr_path.c_str(), NC_WRITE, &ncid));
    nc(nc_inq_varid(ncid, "tas", &var));
    nc(nc_redef(ncid));
    put_text(ncid, var, "units", "kg m-2 s-1");
    nc(nc_close(ncid));
    spec.precipitation.files = {pr_path};
    auto source =
        io::open_netcdf_forcing(spec, basin_of({"G"}), day_of("2005-01-01"), day_of("2005-12-31"));
    const Filled f = fill(*source, day_of("2005-01-01"), 365, 1);
    auto lo = [&](std::size_t r) { return lat_bnds[2 * r]; };
    auto hi = [&](std::size_t r) { return lat_bnds[2 * r + 1]; };
    const Box inner{"G", box.lon1, box.lon2, box.lat1 + 0.01, box.lat2 - 0.01};
    for (int k = 0; k < 365; k += 7) {
        const auto month =
            static_cast<std::size_t>(calendar::date_of(day_of("2005-01-01") + k).month - 1);
        const double mean_k = centre_in_box_mean(tas, month, inner, lo, hi);
        CAPTURE(k);
        CHECK(f.temperature[static_cast<std::size_t>(k)] ==
              doctest::Approx(mean_k - 273.15).epsilon(1e-6));
        CHECK(f.precip[static_cast<std::size_t>(k)] ==
              doctest::Approx(mean_k * 86400).epsilon(1e-6));
    }
}

TEST_CASE("netcdf forcing: real samples metdata (gridMET daily mm, north to south)") {
    const std::string path = riparia::test::shared_data("climate/metdata.nc");
    const RawGrid pr = read_raw(path, "precipitation_amount", "lat", "lon");
    // Sides on the midpoints between cell centres (the cell edges when there are no bounds).
    auto edge = [](const std::vector<double>& c, std::size_t k) { return 0.5 * (c[k - 1] + c[k]); };
    const Box box{"M", edge(pr.lon, 200), edge(pr.lon, 230), edge(pr.lat, 121), edge(pr.lat, 100)};
    ScratchDir dir("nc-metdata");
    write_boxes(dir / "basin.geojson", {box});
    io::NetcdfForcingSpec spec;
    spec.polygons_path = dir / "basin.geojson";
    spec.precipitation = io::GridVariableSpec{{path}, "precipitation_amount"};
    spec.pet = spec.precipitation;            // "mm" per daily step is accepted for PET as well
    const std::int64_t first = 43353 - 25567; // days since 1900-01-01 -> since 1970-01-01
    auto source = io::open_netcdf_forcing(spec, basin_of({"M"}), first, first + 4);
    const Filled f = fill(*source, first, 5, 1);
    auto lo = [&](std::size_t r) { return edge(pr.lat, r + 1); };
    auto hi = [&](std::size_t r) { return edge(pr.lat, r); };
    const Box inner{"M", box.lon1 + 1e-3, box.lon2 - 1e-3, box.lat1 + 1e-3, box.lat2 - 1e-3};
    for (std::size_t t = 0; t < 5; ++t)
        CHECK(f.precip[t] ==
              doctest::Approx(centre_in_box_mean(pr, t, inner, lo, hi)).epsilon(1e-6));
    CHECK(error_of([&] {
              io::open_netcdf_forcing(spec, basin_of({"M"}), first, first + 5);
          }).find("covers") != std::string::npos);
}
