#include "app/management_results.hpp"

namespace riparia::app {

namespace {

constexpr std::size_t kMaxSeriesPerSet = 6;

std::vector<std::string> ids_of(const auto& items) {
    std::vector<std::string> ids;
    for (const auto& item : items)
        ids.push_back(item.id);
    return ids;
}

// The daily series of each set, in the order of management_sets(); at most 6 per set.
std::size_t series(const model::ManagementDay& f, std::size_t set, const double** rows) {
    auto put = [&](std::initializer_list<const std::vector<double>*> all) {
        std::size_t k = 0;
        for (const auto* v : all)
            rows[k++] = v->data();
        return k;
    };
    switch (set) {
    case 0:
        return put({&f.request_m3s, &f.delivered_m3s, &f.deficit_m3s});
    case 1:
        return put({&f.storage_hm3, &f.release_m3s, &f.spill_m3s, &f.evaporation_hm3, &f.target_m3s,
                    &f.departure_m3s});
    case 2:
        return put({&f.flow_required_m3s, &f.flow_met_m3s});
    default:
        return put({&f.required_m3s, &f.met_m3s});
    }
}

} // namespace

std::vector<io::InstanceSet> management_sets(const model::Management& m) {
    return {
        {"demand",
         "demand identifier",
         ids_of(m.demands),
         {{"demand_request", "water requested by the demand", "m3 s-1", ""},
          {"demand_withdrawal", "water delivered to (withdrawn by) the demand", "m3 s-1", ""},
          {"demand_deficit", "request not delivered", "m3 s-1", ""}}},
        {"reservoir",
         "reservoir identifier",
         ids_of(m.reservoirs),
         {{"reservoir_storage", "storage at the end of the day", "hm3", ""},
          {"reservoir_release", "controlled release", "m3 s-1", ""},
          {"reservoir_spill", "spill above capacity", "m3 s-1", ""},
          {"reservoir_evaporation", "open-water evaporation", "hm3 d-1", ""},
          {"reservoir_target", "release target of the operating or filling rule", "m3 s-1", ""},
          {"reservoir_departure", "outflow minus the rule's target (the allocation's departure)",
           "m3 s-1", ""}}},
        {"environmental_flow",
         "environmental flow identifier",
         ids_of(m.environmental_flows),
         {{"environmental_flow_required", "flow required to stay in the river", "m3 s-1", ""},
          {"environmental_flow_met", "required flow that was met", "m3 s-1", ""}}},
        {"agreement",
         "agreement identifier",
         ids_of(m.agreements),
         {{"agreement_required", "flow the agreement requires across the border", "m3 s-1", ""},
          {"agreement_delivered", "required flow that was delivered", "m3 s-1", ""}}},
    };
}

ManagementMeans::ManagementMeans(model::OutputPeriod period, const model::Management& m) {
    const auto sets = management_sets(m);
    for (const auto& set : sets) {
        sets_.emplace_back(period, set.variables.size(), set.ids.size());
        variables_.push_back(set.variables.size());
        present_.push_back(set.ids.empty() ? 0 : 1);
    }
}

bool ManagementMeans::add(std::int64_t day, const model::ManagementDay& figures,
                          bool last_day_of_run) {
    bool closes = false;
    const double* rows[kMaxSeriesPerSet];
    for (std::size_t s = 0; s < sets_.size(); ++s) {
        series(figures, s, rows);
        closes = sets_[s].add(day, rows, last_day_of_run);
    }
    return closes;
}

void ManagementMeans::means(std::vector<const double*>& rows) const {
    for (std::size_t s = 0; s < sets_.size(); ++s) {
        if (!present_[s]) continue;
        for (std::size_t v = 0; v < variables_[s]; ++v)
            rows.push_back(sets_[s].mean(v));
    }
}

} // namespace riparia::app
