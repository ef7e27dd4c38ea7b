// [[reservoir]] tables of basin.toml.
#include "io/management_tables.hpp"
#include "model/calendar.hpp"

namespace riparia::io::management {

const std::vector<std::string> kReservoirKeys = {"id",
                                                 "name",
                                                 "subbasin",
                                                 "capacity_hm3",
                                                 "dead_storage_hm3",
                                                 "initial_storage_hm3",
                                                 "max_release_m3s",
                                                 "area_km2",
                                                 "area",
                                                 "rule",
                                                 "filling",
                                                 "rule_priority"};

namespace {

model::StorageAreaCurve read_area(const toml::table& table, const TomlTable& t,
                                  const std::string& path, const std::string& label) {
    model::StorageAreaCurve curve;
    if (t.has("area_km2") == t.has("area")) {
        t.fail_here("expected exactly one of 'area_km2' (a surface area) or 'area' (a table "
                    "{ storage_hm3 = [...], area_km2 = [...] })");
    }
    if (t.has("area_km2")) {
        curve.storage_hm3 = {0.0};
        curve.area_km2 = {non_negative(t, "area_km2")};
        return curve;
    }
    const TomlTable a(*t.optional_table("area"), path, label + " area",
                      {"storage_hm3", "area_km2"});
    const toml::table& inner = *table.get("area")->as_table();
    for (const char* key : {"storage_hm3", "area_km2"}) {
        const toml::node* node = inner.get(key);
        if (!node || !node->is_array() || node->as_array()->empty()) {
            a.fail(key, "expected a non-empty array of numbers");
        }
        auto& values = std::string(key) == "storage_hm3" ? curve.storage_hm3 : curve.area_km2;
        for (const toml::node& v : *node->as_array()) {
            const auto x = v.value<double>();
            if (!x || !std::isfinite(*x) || *x < 0) a.fail(key, "expected numbers >= 0");
            values.push_back(*x);
        }
    }
    if (curve.storage_hm3.size() != curve.area_km2.size()) {
        a.fail("area_km2", fmt::format("found {} values, expected {} as in storage_hm3",
                                       curve.area_km2.size(), curve.storage_hm3.size()));
    }
    for (std::size_t k = 1; k < curve.storage_hm3.size(); ++k) {
        if (curve.storage_hm3[k] <= curve.storage_hm3[k - 1]) {
            a.fail("storage_hm3", "expected strictly increasing storages");
        }
    }
    return curve;
}

void read_rule(const TomlTable& t, const std::string& path, const std::string& label,
               model::ReservoirSpec& r) {
    const toml::table* table = t.optional_table("rule");
    if (!table)
        t.fail_here("missing required key 'rule' (a table with kind = \"monthly_target\" "
                    "or \"hanasaki\")");
    const TomlTable rule(*table, path, label + " rule", {"kind", "release_m3s", "purpose"});
    const std::string kind = rule.required_string("kind");
    if (kind == "monthly_target") {
        r.rule = model::RuleKind::monthly_target;
        r.target_release_m3s = monthly_values(*table, rule, "release_m3s");
    } else if (kind == "hanasaki") {
        r.rule = model::RuleKind::hanasaki;
        const std::string purpose = rule.optional_string("purpose").value_or("other");
        if (purpose != "irrigation" && purpose != "other") {
            rule.fail("purpose",
                      fmt::format("found '{}', expected 'irrigation' or 'other'", purpose));
        }
        r.irrigation = purpose == "irrigation";
    } else {
        rule.fail("kind", fmt::format("found '{}', expected 'monthly_target' or 'hanasaki'{}", kind,
                                      did_you_mean(kind, {"monthly_target", "hanasaki"})));
    }
}

void read_filling(const TomlTable& t, const std::string& path, const std::string& label,
                  model::ReservoirSpec& r) {
    const toml::table* table = t.optional_table("filling");
    if (!table) return;
    const TomlTable f(*table, path, label + " filling", {"start", "years", "min_release_m3s"});
    const std::string start = f.required_string("start");
    const auto date = calendar::parse_iso_date(start);
    if (!date) f.fail("start", fmt::format("found '{}', expected a date YYYY-MM-DD", start));
    r.filling.enabled = true;
    r.filling.first_day = calendar::day_number(*date);
    r.filling.years = f.required_number("years");
    if (r.filling.years <= 0 || r.filling.years > 100) {
        f.fail("years",
               fmt::format("found {}, expected a duration in (0, 100] years", r.filling.years));
    }
    r.filling.min_release_m3s = f.optional_number("min_release_m3s").value_or(0.0);
    if (r.filling.min_release_m3s < 0) f.fail("min_release_m3s", "expected a flow >= 0");
}

} // namespace

model::ReservoirSpec read_reservoir(const toml::table& table, const std::string& label,
                                    const Context& c) {
    const TomlTable t(table, c.path, label, kReservoirKeys);
    model::ReservoirSpec r;
    r.id = t.required_string("id");
    r.name = t.optional_string("name").value_or(r.id);
    r.node = node_of(t, c, "subbasin");
    r.capacity_hm3 = t.required_number("capacity_hm3");
    if (r.capacity_hm3 <= 0)
        t.fail("capacity_hm3", fmt::format("found {}, expected > 0", r.capacity_hm3));
    r.dead_storage_hm3 = t.optional_number("dead_storage_hm3").value_or(0.0);
    if (r.dead_storage_hm3 < 0) t.fail("dead_storage_hm3", "expected a volume >= 0");
    if (r.capacity_hm3 < r.dead_storage_hm3) {
        t.fail("capacity_hm3",
               fmt::format("found {}, which is below dead_storage_hm3 = {}; expected "
                           "capacity >= dead storage",
                           r.capacity_hm3, r.dead_storage_hm3));
    }
    r.initial_storage_hm3 = non_negative(t, "initial_storage_hm3");
    if (r.initial_storage_hm3 > r.capacity_hm3) {
        t.fail("initial_storage_hm3", fmt::format("found {}, above capacity_hm3 = {}; expected a "
                                                  "storage <= capacity",
                                                  r.initial_storage_hm3, r.capacity_hm3));
    }
    r.max_release_m3s = non_negative(t, "max_release_m3s");
    r.area = read_area(table, t, c.path, label);
    read_rule(t, c.path, label, r);
    read_filling(t, c.path, label, r);
    r.rule_priority = priority_of(t, "rule_priority", r.rule_priority);
    return r;
}

} // namespace riparia::io::management
