// The runs a study asks for — each (scenario, policy) combination with every member — in a fixed
// order, and what each run simulates: the basin as its policy edits it and its scenario's demand
// growth changes it. The order and the run numbers are the same on every rank and shard.
#pragma once

#include "app/loaded_study.hpp"
#include "io/netcdf_results.hpp"
#include "model/period_means.hpp"

#include <cstddef>
#include <vector>

namespace riparia::app {

struct RunItem {
    std::size_t index = 0; // position in the plan
    int scenario = 0, policy = 0, member = 0;
};

class StudyPlan {
  public:
    explicit StudyPlan(const LoadedStudy& study);

    const LoadedStudy& study() const { return study_; }
    const std::vector<RunItem>& items() const { return items_; }
    std::string label(const RunItem& item) const; // "scenario/policy/member"
    // The basin this run simulates.
    model::Basin basin_for(const RunItem& item) const;
    // The values per variable of one output record of this run (nodes, then its sets).
    std::vector<std::size_t> record_widths(const RunItem& item) const;

    // results.nc: the sets are the union over policies (an instance a policy lacks is NaN).
    const std::vector<io::InstanceSet>& union_sets() const { return union_sets_; }
    // For the run's policy: per union set, the union index of each of its own instances.
    const std::vector<std::vector<int>>& slots(int policy) const { return slots_[policy]; }
    bool with_snow() const { return with_snow_; }
    bool is_ensemble() const { return study_.ensemble.declared; }
    std::vector<io::EnsembleAxis> axes() const;

  private:
    const LoadedStudy& study_;
    std::vector<RunItem> items_;
    std::vector<io::InstanceSet> union_sets_;
    std::vector<std::vector<std::vector<int>>> slots_; // [policy][set][instance]
    bool with_snow_ = false;
};

} // namespace riparia::app
