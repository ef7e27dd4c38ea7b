// What the run report reads from a run folder's results.nc (docs/outputs.md): the labels of the
// ensemble axes, the nodes with their countries and downstream ids, the demand and reservoir
// ids, the month of each time step, and whole variables as [scenario][policy][member][time][k]
// arrays. A single run (no ensemble axes) reads as one scenario, policy and member.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace riparia::io {

struct ResultsLayout {
    std::vector<std::string> scenarios, policies, members;
    std::vector<std::string> node_ids, node_names, node_countries, node_downstream;
    std::vector<std::string> demand_ids, reservoir_ids;
    std::vector<int> years, months;   // of each time step (months 1..12)
    std::vector<double> days_in_step; // length of each averaging period, days
    std::string output_period;        // "monthly" or "daily"
};

// A variable var([scenario, policy, member,] time, k), row-major; empty when absent.
struct ResultsVariable {
    std::vector<double> values;
    std::size_t width = 0; // k: nodes, demands, reservoirs
};

class ReportResults {
  public:
    // Throws InputError naming the file when it cannot be read.
    explicit ReportResults(const std::string& path);
    ~ReportResults();
    ReportResults(const ReportResults&) = delete;
    ReportResults& operator=(const ReportResults&) = delete;

    const ResultsLayout& layout() const { return layout_; }
    bool has(const std::string& name) const;
    ResultsVariable read(const std::string& name) const;

  private:
    std::string path_;
    int ncid_ = -1;
    ResultsLayout layout_;
};

// The position of (scenario, policy, member, time 0) in a variable of this layout.
inline std::size_t series_offset(const ResultsLayout& l, const ResultsVariable& v, std::size_t s,
                                 std::size_t p, std::size_t m) {
    return ((s * l.policies.size() + p) * l.members.size() + m) * l.months.size() * v.width;
}

} // namespace riparia::io
