#include "io/management_file.hpp"

#include "io/management_tables.hpp"

namespace riparia::io {

using namespace management;

model::Management read_management(const toml::table& root, const std::string& path,
                                  const model::Basin& basin) {
    Context c{path, basin, {}, {}, {}};
    for (const auto& s : basin.subbasins) {
        c.ids.push_back(s.id);
        c.countries.insert(s.country);
    }
    model::Management m;
    std::set<std::string> ids;
    auto unique = [&](const TomlTable& t, const std::string& id) {
        if (!ids.insert(id).second) {
            t.fail("id", fmt::format("'{}' is already used by another reservoir, demand, "
                                     "environmental flow or agreement",
                                     id));
        }
    };
    std::vector<int> reservoir_nodes;
    for_each_table(root, c, "reservoir", [&](const toml::table& table, const std::string& label) {
        m.reservoirs.push_back(read_reservoir(table, label, c));
        const TomlTable t(table, path, label, kReservoirKeys);
        unique(t, m.reservoirs.back().id);
        for (int other : reservoir_nodes) {
            if (other == m.reservoirs.back().node) {
                t.fail("subbasin", "this sub-basin already has a reservoir; expected at most one");
            }
        }
        reservoir_nodes.push_back(m.reservoirs.back().node);
        c.reservoir_nodes.push_back(m.reservoirs.back().node);
    });
    for_each_table(root, c, "demand", [&](const toml::table& table, const std::string& label) {
        m.demands.push_back(read_demand(table, label, c));
        unique(TomlTable(table, path, label, kDemandKeys), m.demands.back().id);
    });
    for_each_table(
        root, c, "environmental_flow", [&](const toml::table& table, const std::string& label) {
            m.environmental_flows.push_back(read_environmental_flow(table, label, c));
            unique(TomlTable(table, path, label, kFlowKeys), m.environmental_flows.back().id);
        });
    for_each_table(root, c, "agreement", [&](const toml::table& table, const std::string& label) {
        m.agreements.push_back(read_agreement(table, label, c));
        unique(TomlTable(table, path, label, kAgreementKeys), m.agreements.back().id);
    });
    return m;
}

} // namespace riparia::io
