#include "io/report_results.hpp"

#include "io/input_error.hpp"
#include "model/calendar.hpp"

#include <cmath>
#include <fmt/format.h>
#include <netcdf.h>

namespace riparia::io {

namespace {

void check(int status, const std::string& path, const std::string& what) {
    if (status != NC_NOERR) {
        throw InputError(fmt::format("{}: {}: {}; expected a results.nc written by riparia run",
                                     path, what, nc_strerror(status)));
    }
}

// The strings of a 1-D string variable; empty when the variable is absent.
std::vector<std::string> labels(int ncid, const std::string& path, const std::string& name) {
    int var = -1;
    if (nc_inq_varid(ncid, name.c_str(), &var) != NC_NOERR) return {};
    int dim = -1;
    check(nc_inq_vardimid(ncid, var, &dim), path, "variable " + name);
    std::size_t n = 0;
    check(nc_inq_dimlen(ncid, dim, &n), path, "dimension of " + name);
    std::vector<char*> raw(n, nullptr);
    check(nc_get_var_string(ncid, var, raw.data()), path, "reading " + name);
    std::vector<std::string> out;
    for (char* s : raw)
        out.emplace_back(s ? s : "");
    nc_free_string(n, raw.data());
    return out;
}

std::vector<double> doubles(int ncid, const std::string& path, const std::string& name) {
    int var = -1;
    check(nc_inq_varid(ncid, name.c_str(), &var), path, "variable '" + name + "'");
    int dims = 0;
    check(nc_inq_varndims(ncid, var, &dims), path, "variable '" + name + "'");
    std::vector<int> ids(static_cast<std::size_t>(dims));
    check(nc_inq_vardimid(ncid, var, ids.data()), path, "variable '" + name + "'");
    std::size_t total = 1;
    for (int id : ids) {
        std::size_t n = 0;
        check(nc_inq_dimlen(ncid, id, &n), path, "dimension of '" + name + "'");
        total *= n;
    }
    std::vector<double> values(total);
    check(nc_get_var_double(ncid, var, values.data()), path, "reading '" + name + "'");
    return values;
}

std::string text_attribute(int ncid, const std::string& name) {
    std::size_t length = 0;
    if (nc_inq_attlen(ncid, NC_GLOBAL, name.c_str(), &length) != NC_NOERR) return "";
    std::string text(length, '\0');
    if (nc_get_att_text(ncid, NC_GLOBAL, name.c_str(), text.data()) != NC_NOERR) return "";
    return text;
}

// Calendar of the steps from `time` (period starts) and `time_bnds`, in days since 1970-01-01.
void read_time(int ncid, const std::string& path, ResultsLayout& l) {
    const std::vector<double> bounds = doubles(ncid, path, "time_bnds");
    for (std::size_t t = 0; 2 * t + 1 < bounds.size(); ++t) {
        const auto start = calendar::date_of(static_cast<std::int64_t>(std::floor(bounds[2 * t])));
        l.years.push_back(start.year);
        l.months.push_back(start.month);
        l.days_in_step.push_back(bounds[2 * t + 1] - bounds[2 * t]);
    }
}

} // namespace

ReportResults::ReportResults(const std::string& path) : path_(path) {
    check(nc_open(path.c_str(), NC_NOWRITE, &ncid_), path, "cannot be opened as NetCDF");
    ResultsLayout& l = layout_;
    l.scenarios = labels(ncid_, path, "scenario");
    l.policies = labels(ncid_, path, "policy");
    l.members = labels(ncid_, path, "member");
    // A single run's labels, as stress.json names it.
    if (l.scenarios.empty()) l.scenarios = {"baseline"};
    if (l.policies.empty()) l.policies = {"basin"};
    if (l.members.empty()) l.members = {"single run"};
    l.node_ids = labels(ncid_, path, "node_id");
    l.node_names = labels(ncid_, path, "node_name");
    l.node_countries = labels(ncid_, path, "country");
    l.node_downstream = labels(ncid_, path, "downstream_id");
    l.demand_ids = labels(ncid_, path, "demand_id");
    l.reservoir_ids = labels(ncid_, path, "reservoir_id");
    l.output_period = text_attribute(ncid_, "output_period");
    read_time(ncid_, path, l);
}

ReportResults::~ReportResults() {
    if (ncid_ >= 0) nc_close(ncid_);
}

bool ReportResults::has(const std::string& name) const {
    int var = -1;
    return nc_inq_varid(ncid_, name.c_str(), &var) == NC_NOERR;
}

ResultsVariable ReportResults::read(const std::string& name) const {
    ResultsVariable v;
    if (!has(name)) return v;
    v.values = doubles(ncid_, path_, name);
    const std::size_t series = layout_.scenarios.size() * layout_.policies.size() *
                               layout_.members.size() * layout_.months.size();
    v.width = series > 0 ? v.values.size() / series : 0;
    if (v.width * series != v.values.size()) {
        throw InputError(fmt::format("{}: variable '{}' has {} values, expected a multiple of {} "
                                     "(scenario x policy x member x time)",
                                     path_, name, v.values.size(), series));
    }
    return v;
}

} // namespace riparia::io
