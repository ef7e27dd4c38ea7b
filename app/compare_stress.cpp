#include "app/compare_stress.hpp"

#include "io/input_error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <vector>

namespace riparia::app {

using Json = nlohmann::json;

namespace {

const char* const kSpreadNote =
    "stress.json has each row's median, P10 and P90 over the members but not the members' scores: "
    "differences of the medians, of the P10 and of the P90, not member-wise";

std::string row_key(const Json& r) {
    return fmt::format("{}|{}|{}|{}", r["scenario"].get<std::string>(),
                       r["policy"].get<std::string>(), r["level"].get<std::string>(),
                       r["item"].get<std::string>());
}

Json key_of(const Json& r) {
    return {{"scenario", r["scenario"]},
            {"policy", r["policy"]},
            {"level", r["level"]},
            {"item", r["item"]}};
}

bool passes(const Json& r, const CompareFilter& f) {
    return (!f.scenario || r["scenario"] == *f.scenario) && (!f.policy || r["policy"] == *f.policy);
}

// The distinct values of a key over the rows, in order of first appearance: "baseline, dry".
std::string distinct(const Json& rows, const char* key) {
    std::vector<std::string> seen;
    for (const auto& r : rows) {
        const std::string v = r[key].get<std::string>();
        if (std::find(seen.begin(), seen.end(), v) == seen.end()) seen.push_back(v);
    }
    return seen.empty() ? "none" : fmt::format("{}", fmt::join(seen, ", "));
}

std::string describe(const char* side, const RunFolder& run) {
    return fmt::format("{} ({}) has basin \"{}\", scenarios {}, policies {}", side, run.dir,
                       run.basin, distinct(run.stress_rows, "scenario"),
                       distinct(run.stress_rows, "policy"));
}

[[noreturn]] void no_common_rows(const RunFolder& a, const RunFolder& b, const CompareFilter& f) {
    std::string filter;
    if (f.scenario) filter += fmt::format(" with --scenario {}", *f.scenario);
    if (f.policy) filter += fmt::format(" with --policy {}", *f.policy);
    throw io::InputError(fmt::format(
        "{}/stress.json and {}/stress.json: no common rows (scenario, policy, level, item){}: {}; "
        "{}; expected two runs of the same basin with a scenario and policy in common",
        a.dir, b.dir, filter, describe("A", a), describe("B", b)));
}

double number_or_nan(const Json& object, const char* key) {
    return object.is_object() && object.contains(key) && object[key].is_number()
               ? object[key].get<double>()
               : std::nan("");
}

// {a: {median, p10, p90}, b: {...}, difference: B - A}; JSON null where a value is missing.
Json summary_change(const Json& a, const Json& b, const std::string& prefix) {
    Json change = {{"a", Json::object()}, {"b", Json::object()}, {"difference", Json::object()}};
    for (const char* q : {"median", "p10", "p90"}) {
        const double va = number_or_nan(a, (prefix + q).c_str());
        const double vb = number_or_nan(b, (prefix + q).c_str());
        auto put = [](double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); };
        change["a"][q] = put(va);
        change["b"][q] = put(vb);
        change["difference"][q] = put(vb - va);
    }
    return change;
}

bool comparable_indicator(const Json& v) {
    return v.is_object() && v.contains("median") && v["median"].is_number();
}

// Every indicator both rows have with a numeric median; the names only one side has.
Json indicator_changes(const Json& a_row, const Json& b_row) {
    const Json empty = Json::object();
    const Json& a = a_row.contains("indicators") ? a_row["indicators"] : empty;
    const Json& b = b_row.contains("indicators") ? b_row["indicators"] : empty;
    Json changes = Json::object(), only_a = Json::array(), only_b = Json::array();
    for (const auto& [name, va] : a.items()) {
        if (!b.contains(name)) {
            only_a.push_back(name);
            continue;
        }
        const Json& vb = b[name];
        if (!comparable_indicator(va) || !comparable_indicator(vb)) continue;
        Json change = summary_change(va, vb, "");
        change["unit"] = va.value("unit", vb.value("unit", ""));
        if (va.contains("class") && vb.contains("class") && va["class"] != vb["class"])
            change["class"] = {{"a", va["class"]}, {"b", vb["class"]}};
        changes[name] = change;
    }
    for (const auto& [name, vb] : b.items())
        if (!a.contains(name)) only_b.push_back(name);
    return {{"changes", changes}, {"only_in_a", only_a}, {"only_in_b", only_b}};
}

// The flags of a row: the row's own, and any boolean `flag` of an indicator.
std::map<std::string, bool> flags_of(const Json& row) {
    std::map<std::string, bool> flags = {{"flag", row["flag"].get<bool>()}};
    if (row.contains("indicators")) {
        for (const auto& [name, v] : row["indicators"].items())
            if (v.is_object() && v.contains("flag") && v["flag"].is_boolean())
                flags["indicator " + name] = v["flag"].get<bool>();
    }
    return flags;
}

// Flags false (or absent) in A and true in B appear; the reverse disappear.
void flag_changes(const Json& a_row, const Json& b_row, Json& appearing, Json& disappearing) {
    const auto fa = flags_of(a_row), fb = flags_of(b_row);
    for (const auto& [name, on] : fb) {
        if (on && !(fa.count(name) && fa.at(name))) {
            appearing.push_back(key_of(b_row));
            appearing.back()["flag"] = name;
        }
    }
    for (const auto& [name, on] : fa) {
        if (on && !(fb.count(name) && fb.at(name))) {
            disappearing.push_back(key_of(a_row));
            disappearing.back()["flag"] = name;
        }
    }
}

Json row_change(const Json& a, const Json& b) {
    Json row = key_of(a);
    row["score"] = summary_change(a, b, "score_");
    const int ca = a["class"].get<int>(), cb = b["class"].get<int>();
    row["class"] = {{"a", ca}, {"b", cb}, {"difference", cb - ca}};
    const double sa = a["share_at_risk"].get<double>(), sb = b["share_at_risk"].get<double>();
    row["share_at_risk"] = {{"a", sa}, {"b", sb}, {"difference", sb - sa}};
    row["flag"] = {{"a", a["flag"]}, {"b", b["flag"]}};
    const Json indicators = indicator_changes(a, b);
    row["indicators"] = indicators["changes"];
    row["indicators_only_in_a"] = indicators["only_in_a"];
    row["indicators_only_in_b"] = indicators["only_in_b"];
    return row;
}

double magnitude(const Json& row) {
    const Json& d = row["score"]["difference"]["median"];
    return d.is_number() ? std::abs(d.get<double>()) : 0.0;
}

} // namespace

Json compare_stress(const RunFolder& a, const RunFolder& b, const CompareFilter& filter) {
    std::map<std::string, const Json*> b_rows;
    for (const auto& r : b.stress_rows)
        if (passes(r, filter)) b_rows[row_key(r)] = &r;
    Json rows = Json::array(), appearing = Json::array(), disappearing = Json::array();
    Json only_a = Json::array(), only_b = Json::array();
    std::map<std::string, bool> matched;
    for (const auto& r : a.stress_rows) {
        if (!passes(r, filter)) continue;
        const auto it = b_rows.find(row_key(r));
        if (it == b_rows.end()) {
            only_a.push_back(key_of(r));
            continue;
        }
        matched[it->first] = true;
        rows.push_back(row_change(r, *it->second));
        flag_changes(r, *it->second, appearing, disappearing);
    }
    if (rows.empty()) no_common_rows(a, b, filter);
    for (const auto& r : b.stress_rows)
        if (passes(r, filter) && !matched.count(row_key(r))) only_b.push_back(key_of(r));
    std::vector<Json> sorted(rows.begin(), rows.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Json& x, const Json& y) { return magnitude(x) > magnitude(y); });
    return {{"spread", kSpreadNote},
            {"rows", sorted},
            {"flags", {{"appearing", appearing}, {"disappearing", disappearing}}},
            {"only_in_a", only_a},
            {"only_in_b", only_b}};
}

} // namespace riparia::app
