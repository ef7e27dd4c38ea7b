// Water management of a basin: reservoirs, demands, environmental flows and agreements, as the
// basin file declares them (validated at load). model/water_use.cpp turns them into each day's
// allocation problem and tracks compliance.
#pragma once

#include "model/reservoir.hpp"

#include <array>
#include <string>
#include <vector>

namespace riparia::model {

enum class Sector { irrigation, domestic, industry, livestock, environment };

struct DemandSpec {
    std::string id;
    std::string country;
    int node = 0; // withdrawal sub-basin
    Sector sector = Sector::irrigation;
    double annual_volume_hm3 = 0;
    std::array<double, 12> monthly_share{}; // sums to 1
    double consumptive_fraction = 1.0;
    int return_node = -1; // same day; -1: everything consumed
    int priority = 1;
};

// A flow that must stay in the river at a sub-basin outlet.
struct EnvironmentalFlowSpec {
    std::string id;
    int node = 0;
    std::array<double, 12> flow_m3s{};
    int priority = 1;
};

enum class RuleKind { monthly_target, hanasaki };

struct ReservoirSpec {
    std::string id;
    std::string name;
    int node = 0;
    double capacity_hm3 = 0;
    double dead_storage_hm3 = 0;
    double initial_storage_hm3 = 0;
    double max_release_m3s = 0;
    StorageAreaCurve area;
    RuleKind rule = RuleKind::monthly_target;
    std::array<double, 12> target_release_m3s{}; // monthly_target
    bool irrigation = false;                     // hanasaki: purpose
    FillingPolicy filling;
    int rule_priority = 1000; // the target is honoured after demands of higher priority
};

enum class AgreementKind { min_flow, annual_volume, share, schedule };

// One band of a flow-sharing schedule: while the reference flow is at most upto_m3s, the
// downstream party receives share x reference + offset_m3s (e.g. Ganges 1996: 50 %, then a fixed
// 35,000 cusecs, then the balance above India's 40,000 cusecs).
struct ScheduleBand {
    double upto_m3s = 0; // +inf for the last band
    double share = 0;
    double offset_m3s = 0;
};

struct AgreementSpec {
    std::string id;
    std::string name;
    AgreementKind kind = AgreementKind::min_flow;
    std::string upstream_country, downstream_country;
    int node = 0;           // where the downstream party receives the water (outflow of this node)
    int reference_node = 0; // share / schedule: where the shared flow is measured (arriving flow)
    int priority = 1;
    std::array<double, 12> flow_m3s{};    // min_flow
    double annual_volume_hm3 = 0;         // annual_volume
    double drought_reference_m3s = 0;     // annual_volume: reduce when the reference flow's
                                          // last-365-day mean falls below this (0: never)
    double downstream_share = 0;          // share
    std::vector<ScheduleBand> bands;      // schedule
    std::array<bool, 12> active_months{}; // schedule: months the schedule applies
};

struct Management {
    std::vector<ReservoirSpec> reservoirs;
    std::vector<DemandSpec> demands;
    std::vector<EnvironmentalFlowSpec> environmental_flows;
    std::vector<AgreementSpec> agreements;
    bool empty() const {
        return reservoirs.empty() && demands.empty() && environmental_flows.empty() &&
               agreements.empty();
    }
};

const char* sector_name(Sector sector);

} // namespace riparia::model
