#include "io/ensemble_file.hpp"

#include "io/ensemble_tables.hpp"

#include "io/policy_edit.hpp"
#include "io/suggest.hpp"
#include "io/toml_table.hpp"

#include <fmt/format.h>
#include <set>

namespace riparia::io {

namespace {

const char* const kForcingSources = "'csv' (the basin's files), 'generator' or 'netcdf'";

} // namespace

ForcingTable read_forcing(const toml::table& table, const std::string& file,
                          const std::string& context) {
    const toml::node* source = table.get("source");
    const TomlTable t(table, file, context); // keys are checked by the source's reader
    if (!source) t.fail_here(fmt::format("missing required key 'source' ({})", kForcingSources));
    if (!source->is_string()) t.fail("source", fmt::format("expected {}", kForcingSources));
    const std::string name = source->as_string()->get();
    ForcingTable f{ForcingKind::csv, &table, context};
    if (name == "generator") {
        f.kind = ForcingKind::generator;
    } else if (name == "netcdf") {
        f.kind = ForcingKind::netcdf;
    } else if (name != "csv") {
        t.fail("source", fmt::format("found '{}', expected {}{}", name, kForcingSources,
                                     did_you_mean(name, {"csv", "generator", "netcdf"})));
    }
    return f;
}

namespace {

template <typename F>
void for_each_entry(const StudyFile& study, const std::string& key, F&& read) {
    const toml::node* list = study.root.get(key);
    if (!list) return;
    if (!list->is_array_of_tables()) {
        TomlTable(study.root, study.path, "study file")
            .fail(key, fmt::format("expected [[{}]] tables", key));
    }
    int index = 0;
    for (const toml::node& node : *list->as_array()) {
        const toml::table& table = *node.as_table();
        const auto* name = table.get_as<std::string>("name");
        read(table, name ? fmt::format("{} '{}'", key, name->get())
                         : fmt::format("{} #{}", key, index + 1));
        ++index;
    }
}

std::string unique_name(const TomlTable& t, std::set<std::string>& names) {
    const std::string name = t.required_string("name");
    if (name.empty()) t.fail("name", "found an empty string, expected a name");
    if (!names.insert(name).second) t.fail("name", fmt::format("'{}' is used twice", name));
    return name;
}

} // namespace

EnsembleSpec read_ensemble(const StudyFile& study, const BasinFile& basin) {
    EnsembleSpec spec;
    const toml::table& root = study.root;
    for (const char* key : {"ensemble", "scenario", "policy", "member", "combination"})
        spec.declared = spec.declared || root.contains(key);
    const TomlTable top(root, study.path, "study file");
    if (const toml::table* forcing = top.optional_table("forcing")) {
        spec.forcing = read_forcing(*forcing, study.path, "[forcing]");
    }

    std::set<std::string> names;
    for_each_entry(study, "scenario", [&](const toml::table& table, const std::string& label) {
        const TomlTable t(table, study.path, label,
                          {"name", "description", "precipitation_factor", "temperature_delta_c",
                           "subbasin", "demand_growth", "population", "forcing"});
        ScenarioSpec s = read_scenario(t, table, basin);
        s.name = unique_name(t, names);
        if (const toml::table* f = t.optional_table("forcing")) {
            s.forcing = read_forcing(*f, study.path, label + " forcing");
        }
        spec.scenarios.push_back(std::move(s));
    });
    if (spec.scenarios.empty()) {
        spec.scenarios.push_back({"baseline",
                                  "the study's forcing, unchanged",
                                  model::ClimateDelta::none(basin.basin.subbasins.size()),
                                  {},
                                  {},
                                  std::nullopt});
    }

    names.clear();
    std::vector<std::string> keys = policy_edit_keys();
    keys.insert(keys.end(), {"name", "description"});
    for_each_entry(study, "policy", [&](const toml::table& table, const std::string& label) {
        const TomlTable t(table, study.path, label, keys);
        PolicySpec p;
        p.name = unique_name(t, names);
        p.description = t.optional_string("description").value_or("");
        p.management = apply_policy(basin, t, table);
        spec.policies.push_back(std::move(p));
    });
    if (spec.policies.empty()) {
        spec.policies.push_back({"basin", "the basin file as it is", basin.basin.management});
    }

    const toml::table* ensemble = top.optional_table("ensemble");
    if (ensemble) {
        const TomlTable e(*ensemble, study.path, "[ensemble]", {"members", "seed", "pristine"});
        if (const auto seed = e.optional_integer("seed")) {
            if (*seed < 0) e.fail("seed", fmt::format("found {}, expected an integer >= 0", *seed));
            spec.seed = static_cast<std::uint64_t>(*seed);
        }
        const toml::node* pristine = ensemble->get("pristine");
        if (pristine && !pristine->is_boolean()) e.fail("pristine", "expected true or false");
        if (pristine && pristine->as_boolean()->get()) {
            if (names.count(kPristinePolicy)) {
                e.fail("pristine", "a [[policy]] is already named 'pristine'; rename it");
            }
            spec.policies.push_back({kPristinePolicy,
                                     "counterfactual: no withdrawals, no reservoirs, no agreements",
                                     model::Management{}});
        }
    }
    spec.members = read_members(study, spec, ensemble);

    for_each_entry(study, "combination", [&](const toml::table& table, const std::string& label) {
        const TomlTable t(table, study.path, label, {"scenario", "policy"});
        auto index_of = [&](const std::string& key, const auto& list) {
            const std::string name = t.required_string(key);
            std::vector<std::string> known;
            for (const auto& x : list)
                known.push_back(x.name);
            for (std::size_t k = 0; k < known.size(); ++k)
                if (known[k] == name) return static_cast<int>(k);
            t.fail(key, fmt::format("found '{}', expected the name of a [[{}]]{}", name, key,
                                    did_you_mean(name, known)));
        };
        spec.combinations.emplace_back(index_of("scenario", spec.scenarios),
                                       index_of("policy", spec.policies));
    });
    if (spec.combinations.empty()) {
        for (std::size_t s = 0; s < spec.scenarios.size(); ++s)
            for (std::size_t p = 0; p < spec.policies.size(); ++p)
                spec.combinations.emplace_back(static_cast<int>(s), static_cast<int>(p));
    }
    return spec;
}

} // namespace riparia::io
