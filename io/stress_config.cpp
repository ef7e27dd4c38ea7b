#include "io/stress_config.hpp"

#include "io/toml_table.hpp"

#include <fmt/format.h>

namespace riparia::io {

namespace {

void number(const TomlTable& t, const char* key, double& out, double min, double max) {
    if (const auto v = t.optional_number(key)) {
        if (*v < min || *v > max)
            t.fail(key, fmt::format("found {}, expected {} .. {}", *v, min, max));
        out = *v;
    }
}

// An increasing (or, with `decreasing`, decreasing) array of N numbers.
template <std::size_t N>
void numbers(const TomlTable& t, const toml::table& raw, const char* key,
             std::array<double, N>& out, bool decreasing = false) {
    if (!raw.contains(key)) return;
    const toml::array* a = raw[key].as_array();
    if (!a || a->size() != N) t.fail(key, fmt::format("expected an array of {} numbers", N));
    std::array<double, N> v{};
    for (std::size_t i = 0; i < N; ++i) {
        const auto x = (*a)[i].value<double>();
        if (!x) t.fail(key, fmt::format("element {}: expected a number", i + 1));
        v[i] = *x;
        if (i > 0 && (decreasing ? v[i] >= v[i - 1] : v[i] <= v[i - 1]))
            t.fail(key, fmt::format("expected strictly {} values",
                                    decreasing ? "decreasing" : "increasing"));
    }
    out = v;
}

void read_classes(const toml::table& root, const std::string& file, model::StressConfig& c) {
    const toml::table* raw = root["classes"].as_table();
    if (!raw) return;
    const TomlTable t(
        *raw, file, "[classes]",
        {"bws_breakpoints", "falkenmark_m3_per_capita", "iav_breakpoints", "class_breakpoints"});
    numbers(t, *raw, "bws_breakpoints", c.bws_breakpoints);
    numbers(t, *raw, "falkenmark_m3_per_capita", c.falkenmark_m3_per_capita, true);
    numbers(t, *raw, "iav_breakpoints", c.iav_breakpoints);
    numbers(t, *raw, "class_breakpoints", c.class_breakpoints);
}

void read_weights(const toml::table& root, const std::string& file, model::StressConfig& c) {
    const toml::table* raw = root["weights"].as_table();
    if (!raw) return;
    const TomlTable t(*raw, file, "[weights]",
                      {"hazard",
                       "exposure",
                       "change",
                       "stress",
                       "scarcity",
                       "variability",
                       "deficit",
                       "existing_dams",
                       "availability_loss",
                       "cv_increase",
                       "upstream_depletion",
                       "dry_season_depletion",
                       "transition_cut",
                       "dry_season_transition_cut",
                       "planned_dams",
                       "agreement",
                       "allocation",
                       "variability_mgmt",
                       "conflict_resolution",
                       "rbo",
                       "all_members"});
    const std::pair<const char*, double*> keys[] = {
        {"hazard", &c.w_hazard},
        {"exposure", &c.w_exposure},
        {"change", &c.w_change},
        {"stress", &c.w_stress},
        {"scarcity", &c.w_scarcity},
        {"variability", &c.w_variability},
        {"deficit", &c.w_deficit},
        {"existing_dams", &c.w_existing_dams},
        {"availability_loss", &c.w_availability_loss},
        {"cv_increase", &c.w_cv_increase},
        {"upstream_depletion", &c.w_upstream_depletion},
        {"dry_season_depletion", &c.w_dry_season_depletion},
        {"transition_cut", &c.w_transition_cut},
        {"dry_season_transition_cut", &c.w_dry_season_transition_cut},
        {"planned_dams", &c.w_planned_dams},
        {"agreement", &c.w_agreement},
        {"allocation", &c.w_allocation},
        {"variability_mgmt", &c.w_variability_mgmt},
        {"conflict_resolution", &c.w_conflict_resolution},
        {"rbo", &c.w_rbo},
        {"all_members", &c.w_all_members}};
    for (const auto& [key, out] : keys)
        number(t, key, *out, 0, 100);
}

void read_scales(const toml::table& root, const std::string& file, model::StressConfig& c) {
    const toml::table* raw = root["scales"].as_table();
    if (!raw) return;
    const TomlTable t(*raw, file, "[scales]",
                      {"availability_loss_full", "cv_increase_full", "upstream_depletion_full",
                       "dry_season_depletion_full", "planned_dams_half", "existing_dams_half",
                       "capacity_damping", "drought_fraction", "notable_change",
                       "transition_window_years", "transition_cut_full"});
    number(t, "availability_loss_full", c.availability_loss_full, 1e-6, 10);
    number(t, "cv_increase_full", c.cv_increase_full, 1e-6, 10);
    number(t, "upstream_depletion_full", c.upstream_depletion_full, 1e-6, 1);
    number(t, "dry_season_depletion_full", c.dry_season_depletion_full, 1e-6, 1);
    number(t, "drought_fraction", c.drought_fraction, 1e-6, 1);
    number(t, "notable_change", c.notable_change, 1e-6, 10);
    number(t, "transition_cut_full", c.transition_cut_full, 1e-6, 1);
    if (const auto years = t.optional_integer("transition_window_years")) {
        if (*years < 1 || *years > 100)
            t.fail("transition_window_years", fmt::format("found {}, expected 1 .. 100", *years));
        c.transition_window_years = static_cast<int>(*years);
    }
    number(t, "planned_dams_half", c.planned_dams_half, 1e-6, 1e6);
    number(t, "existing_dams_half", c.existing_dams_half, 1e-6, 1e6);
    number(t, "capacity_damping", c.capacity_damping, 0, 1);
}

void read_ensemble(const toml::table& root, const std::string& file, model::StressConfig& c) {
    const toml::table* raw = root["ensemble"].as_table();
    if (!raw) return;
    const TomlTable t(*raw, file, "[ensemble]",
                      {"members", "seed", "flag_class", "flag_member_share", "min_pair_share",
                       "ignored_basin_codes"});
    if (const auto m = t.optional_integer("members")) {
        if (*m < 1 || *m > 100000)
            t.fail("members", fmt::format("found {}, expected 1 .. 100000", *m));
        c.members = static_cast<int>(*m);
    }
    if (const auto s = t.optional_integer("seed")) c.seed = static_cast<unsigned long long>(*s);
    if (const auto k = t.optional_integer("flag_class")) {
        if (*k < 1 || *k > 5) t.fail("flag_class", fmt::format("found {}, expected 1 .. 5", *k));
        c.flag_class = static_cast<int>(*k);
    }
    number(t, "flag_member_share", c.flag_member_share, 0, 1);
    number(t, "min_pair_share", c.min_pair_share, 0, 1);
    if (const toml::array* a = (*raw)["ignored_basin_codes"].as_array())
        for (const auto& node : *a) {
            const auto code = node.value<std::string>();
            if (!code) t.fail("ignored_basin_codes", "expected an array of basin codes (strings)");
            c.ignored_basin_codes.push_back(*code);
        }
}

model::StressScenario read_scenario(const toml::table& raw, const std::string& file,
                                    std::size_t i) {
    const TomlTable t(raw, file, fmt::format("[[scenario]] {}", i + 1),
                      {"name", "runoff_change_mean", "runoff_change_sd", "cv_change_mean",
                       "cv_change_sd", "source"});
    model::StressScenario s;
    s.name = t.required_string("name");
    number(t, "runoff_change_mean", s.runoff_change_mean, -1, 10);
    number(t, "runoff_change_sd", s.runoff_change_sd, 0, 10);
    number(t, "cv_change_mean", s.cv_change_mean, -1, 10);
    number(t, "cv_change_sd", s.cv_change_sd, 0, 10);
    return s;
}

} // namespace

model::StressConfig read_stress_config(const std::string& path) {
    const toml::table root = parse_toml_file(path);
    const TomlTable top(root, path, "top level",
                        {"classes", "weights", "scales", "ensemble", "scenario"});
    model::StressConfig c;
    read_classes(root, path, c);
    read_weights(root, path, c);
    read_scales(root, path, c);
    read_ensemble(root, path, c);
    if (const toml::array* list = root["scenario"].as_array()) {
        c.scenarios.clear();
        for (std::size_t i = 0; i < list->size(); ++i) {
            const toml::table* s = (*list)[i].as_table();
            if (!s) top.fail("scenario", "expected [[scenario]] tables");
            c.scenarios.push_back(read_scenario(*s, path, i));
            for (std::size_t j = 0; j < i; ++j)
                if (c.scenarios[j].name == c.scenarios[i].name)
                    top.fail("scenario",
                             fmt::format("scenario name '{}' repeated", c.scenarios[i].name));
        }
    }
    if (c.scenarios.empty()) top.fail("scenario", "expected at least one [[scenario]]");
    return c;
}

} // namespace riparia::io
