#include "app/compare_headline.hpp"

#include "io/input_error.hpp"
#include "model/ensemble_spread.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <map>
#include <optional>
#include <vector>

namespace riparia::app {

using Json = nlohmann::json;
using Kind = Json::value_t;

namespace {

constexpr double kDaysPerYear = 365.25;

struct Figure {
    std::string kind, id, label, unit;
    double value = 0;
};
using Figures = std::map<std::string, Figure>; // by "kind id"

struct Member {
    std::string name, seed;
    Figures figures;
};

struct Group {
    std::string scenario, policy;
    std::vector<Member> members;
};

double sum_of(const std::string& file, const Json& object, const std::string& path,
              const char* key) {
    double total = 0;
    const Json& values = require(file, object, path, key, Kind::array);
    for (std::size_t k = 0; k < values.size(); ++k) {
        if (!values[k].is_number()) {
            throw io::InputError(fmt::format("{}: {}: found a non-number; expected numbers", file,
                                             json_path(json_path(path, key), k)));
        }
        total += values[k].get<double>();
    }
    return total;
}

// Mean annual outflow (km3/yr) at each border point, or at every node when none is known.
void add_flows(const std::string& file, const Json& stats, const std::string& path,
               const std::vector<BorderPoint>& borders, Figures& out) {
    const double days = sum_of(file, stats, path, "days");
    const Json& outflow = require(file, stats, path, "outflow_km3", Kind::object);
    std::vector<BorderPoint> points = borders;
    if (points.empty()) {
        for (const auto& [id, volumes] : outflow.items())
            points.push_back({id, ""});
    }
    for (const auto& p : points) {
        if (!outflow.contains(p.node_id) || days <= 0) continue;
        const double km3 = sum_of(file, outflow, json_path(path, "outflow_km3"), p.node_id.c_str());
        out["flow " + p.node_id] = {"flow", p.node_id, p.label, "km3/yr",
                                    km3 * kDaysPerYear / days};
    }
}

// Share of each country's requested withdrawals not delivered over the years (%).
void add_shortages(const std::string& file, const Json& stats, const std::string& path,
                   Figures& out) {
    if (!stats.contains("withdrawals_by_country")) return;
    const std::string here = json_path(path, "withdrawals_by_country");
    for (const auto& [country, w] :
         require(file, stats, path, "withdrawals_by_country", Kind::object).items()) {
        const double requested = sum_of(file, w, json_path(here, country), "requested_hm3");
        const double delivered = sum_of(file, w, json_path(here, country), "delivered_hm3");
        if (requested <= 0) continue;
        out["shortage " + country] = {"shortage", country, "", "%",
                                      100 * (1 - delivered / requested)};
    }
}

// Delivered / required volume of each agreement and environmental flow over the years (%).
void add_compliance(const std::string& file, const Json& run, const std::string& path,
                    Figures& out) {
    if (!run.contains("management") || run["management"].is_null()) return;
    const Json& m = require(file, run, path, "management", Kind::object);
    for (const char* kind : {"agreements", "environmental_flows"}) {
        if (!m.contains(kind)) continue;
        const std::string list = json_path(json_path(path, "management"), kind);
        const Json& items = require(file, m, json_path(path, "management"), kind, Kind::array);
        for (std::size_t k = 0; k < items.size(); ++k) {
            const std::string at = json_path(list, k);
            const std::string id = require(file, items[k], at, "id", Kind::string);
            double required = 0, delivered = 0;
            for (const auto& y : require(file, items[k], at, "years", Kind::array)) {
                required += y.value("required_hm3", 0.0);
                delivered += y.value("delivered_hm3", 0.0);
            }
            if (required <= 0) continue;
            const std::string name = kind[0] == 'a' ? "agreement" : "environmental flow";
            out["compliance " + id] = {"compliance", id, name, "%", 100 * delivered / required};
        }
    }
}

std::vector<Group> groups_of(const RunFolder& run, const std::vector<BorderPoint>& borders,
                             const CompareFilter& f) {
    const std::string file = run.dir + "/run.json";
    std::vector<Group> groups;
    for (std::size_t k = 0; k < run.runs.size(); ++k) {
        const std::string path = json_path("ensemble.runs", k);
        const Json& r = run.runs[k];
        const std::string scenario = require(file, r, path, "scenario", Kind::string);
        const std::string policy = require(file, r, path, "policy", Kind::string);
        if ((f.scenario && scenario != *f.scenario) || (f.policy && policy != *f.policy)) continue;
        Member m{
            require(file, r, path, "member", Kind::string), r.value("seed", Json()).dump(), {}};
        const Json& stats = require(file, r, path, "statistics", Kind::object);
        add_flows(file, stats, json_path(path, "statistics"), borders, m.figures);
        add_shortages(file, stats, json_path(path, "statistics"), m.figures);
        add_compliance(file, r, path, m.figures);
        auto g = std::find_if(groups.begin(), groups.end(), [&](const Group& x) {
            return x.scenario == scenario && x.policy == policy;
        });
        if (g == groups.end()) g = groups.insert(groups.end(), {scenario, policy, {}});
        g->members.push_back(std::move(m));
    }
    return groups;
}

bool same_members(const Group& a, const Group& b) {
    auto ids = [](const Group& g) {
        std::vector<std::pair<std::string, std::string>> v;
        for (const auto& m : g.members)
            v.emplace_back(m.name, m.seed);
        std::sort(v.begin(), v.end());
        return v;
    };
    return ids(a) == ids(b);
}

// The figure's value in every member, or nothing when a member lacks it.
std::optional<std::map<std::string, double>> values_of(const Group& g, const std::string& key) {
    std::map<std::string, double> values;
    for (const auto& m : g.members) {
        const auto it = m.figures.find(key);
        if (it == m.figures.end()) return std::nullopt;
        values[m.name] = it->second.value;
    }
    return values;
}

std::vector<double> flat(const std::map<std::string, double>& by_member) {
    std::vector<double> v;
    for (const auto& [name, value] : by_member)
        v.push_back(value);
    return v;
}

Json figure_change(const Group& a, const Group& b, const Figure& figure, const std::string& key,
                   bool member_wise) {
    const auto va = values_of(a, key), vb = values_of(b, key);
    if (!va || !vb) return nullptr;
    const model::Spread sa = model::spread_of(flat(*va)), sb = model::spread_of(flat(*vb));
    Json change = {{"figure", figure.kind}, {"id", figure.id},       {"label", figure.label},
                   {"unit", figure.unit},   {"a_median", sa.median}, {"a_p10", sa.p10},
                   {"a_p90", sa.p90},       {"b_median", sb.median}, {"b_p10", sb.p10},
                   {"b_p90", sb.p90}};
    if (member_wise) {
        std::vector<double> d;
        for (const auto& [name, value] : *va)
            d.push_back(vb->at(name) - value);
        const model::Spread sd = model::spread_of(d);
        change["difference"] = {{"median", sd.median}, {"p10", sd.p10}, {"p90", sd.p90}};
    } else {
        change["difference"] = {
            {"median", sb.median - sa.median}, {"p10", nullptr}, {"p90", nullptr}};
    }
    return change;
}

// |median difference| relative to A's median; any change from zero ranks first.
double relative_change(const Json& f) {
    const double d = std::abs(f["difference"]["median"].get<double>());
    const double base = std::abs(f["a_median"].get<double>());
    if (d == 0) return 0;
    return base > 0 ? d / base : std::numeric_limits<double>::infinity();
}

Json group_change(const Group& a, const Group& b) {
    const bool member_wise = same_members(a, b);
    std::vector<Json> figures;
    for (const auto& [key, figure] : a.members.front().figures) {
        Json change = figure_change(a, b, figure, key, member_wise);
        if (!change.is_null()) figures.push_back(std::move(change));
    }
    std::stable_sort(figures.begin(), figures.end(), [](const Json& x, const Json& y) {
        return relative_change(x) > relative_change(y);
    });
    return {{"scenario", a.scenario},
            {"policy", a.policy},
            {"members_a", a.members.size()},
            {"members_b", b.members.size()},
            {"method", member_wise ? "member-wise differences (same members and seeds)"
                                   : "difference of the members' medians (members differ)"},
            {"figures", figures}};
}

} // namespace

Json compare_headline(const RunFolder& a, const RunFolder& b, const CompareFilter& filter) {
    const std::vector<BorderPoint>& borders = a.borders.empty() ? b.borders : a.borders;
    Json groups = Json::array();
    const auto ga = groups_of(a, borders, filter), gb = groups_of(b, borders, filter);
    for (const auto& x : ga) {
        for (const auto& y : gb)
            if (x.scenario == y.scenario && x.policy == y.policy && !x.members.empty())
                groups.push_back(group_change(x, y));
    }
    std::string note = borders.empty() ? "flows at every sub-basin (no results.nc to tell the "
                                         "border points)"
                                       : "flows at the border points and outlets";
    if (a.runs.empty() || b.runs.empty()) note = "no ensemble.runs in run.json: nothing to compare";
    return {{"groups", groups}, {"note", note}};
}

} // namespace riparia::app
