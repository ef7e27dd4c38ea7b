#include "app/assemble.hpp"

#include "app/result_stream.hpp"
#include "app/run_item.hpp"
#include "io/record_spool.hpp"
#include "io/run_record.hpp"

#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <limits>

namespace riparia::app {

namespace {

io::ResultsHeader header_of(const StudyPlan& plan, const ResultsLabels& labels) {
    const LoadedStudy& s = plan.study();
    const auto& basin = s.basin.basin;
    io::ResultsHeader h;
    h.title = fmt::format("riparia results: study '{}', basin '{}'", s.study.name, basin.name);
    h.source = fmt::format("riparia {}", RIPARIA_VERSION);
    h.history = fmt::format("{} {}", io::utc_now_iso8601(), labels.command_line);
    h.period = labels.period == model::OutputPeriod::daily ? "daily" : "monthly";
    h.sets = plan.union_sets();
    h.axes = plan.axes();
    h.records = record_count(s.period.first_day, s.period.last_day, labels.period);
    for (std::size_t i = 0; i < basin.subbasins.size(); ++i) {
        const auto& sb = basin.subbasins[i];
        h.node_ids.push_back(sb.id);
        h.node_names.push_back(sb.name);
        h.countries.push_back(sb.country);
        h.lat_deg.push_back(sb.lat_deg);
        h.lon_deg.push_back(sb.lon_deg);
        h.area_km2.push_back(sb.area_km2);
        const int down = basin.network.downstream(i);
        h.downstream_ids.push_back(down < 0 ? "" : basin.subbasins[down].id);
    }
    return h;
}

// Maps a run's own record (its policy's sets) onto the union layout of results.nc.
class UnionScatter {
  public:
    UnionScatter(const StudyPlan& plan, const RunItem& item, std::size_t node_variables)
        : nodes_(node_variables) {
        const auto own = management_sets(plan.study().ensemble.policies[item.policy].management);
        const auto& slots = plan.slots(item.policy);
        std::size_t own_variable = node_variables;
        for (std::size_t s = 0; s < plan.union_sets().size(); ++s) {
            const auto& set = plan.union_sets()[s];
            if (set.ids.empty()) continue;
            for (std::size_t v = 0; v < set.variables.size(); ++v) {
                targets_.push_back({own[s].ids.empty() ? -1 : static_cast<int>(own_variable),
                                    &slots[s], set.ids.size()});
                if (!own[s].ids.empty()) ++own_variable;
            }
        }
        buffers_.resize(targets_.size());
    }

    // Pointers to the union record's values, valid until the next call.
    void map(const std::vector<std::vector<double>>& own, std::vector<const double*>& out) {
        out.clear();
        for (std::size_t v = 0; v < nodes_; ++v)
            out.push_back(own[v].data());
        for (std::size_t k = 0; k < targets_.size(); ++k) {
            const Target& t = targets_[k];
            buffers_[k].assign(t.width, std::numeric_limits<double>::quiet_NaN());
            if (t.own_variable >= 0) {
                const auto& values = own[static_cast<std::size_t>(t.own_variable)];
                for (std::size_t j = 0; j < values.size(); ++j)
                    buffers_[k][(*t.slots)[j]] = values[j];
            }
            out.push_back(buffers_[k].data());
        }
    }

  private:
    struct Target {
        int own_variable; // index in the run's record, -1 when its policy lacks the set
        const std::vector<int>* slots;
        std::size_t width;
    };
    std::size_t nodes_;
    std::vector<Target> targets_;
    std::vector<std::vector<double>> buffers_;
};

} // namespace

struct ResultsAssembler::File {
    std::vector<io::ResultVariable> variables;
    io::NetcdfResults netcdf;
    std::vector<std::vector<double>> own;
    std::vector<const double*> values;
    File(const StudyPlan& plan, const std::string& path, const ResultsLabels& labels)
        : variables(result_variables(plan.with_snow())),
          netcdf(path, header_of(plan, labels), variables) {}
};

ResultsAssembler::ResultsAssembler(const StudyPlan& plan, const std::string& runs_dir,
                                   const std::string& path, const ResultsLabels& labels)
    : plan_(plan), runs_dir_(runs_dir), file_(std::make_unique<File>(plan, path, labels)) {}

ResultsAssembler::~ResultsAssembler() = default;

void ResultsAssembler::append(const RunItem& item) {
    File& f = *file_;
    if (plan_.is_ensemble()) {
        f.netcdf.begin_run({static_cast<std::size_t>(item.scenario),
                            static_cast<std::size_t>(item.policy),
                            static_cast<std::size_t>(item.member)});
    }
    UnionScatter scatter(plan_, item, f.variables.size());
    io::SpoolReader reader(spool_path(runs_dir_, item), plan_.record_widths(item));
    std::int64_t first_day, last_day;
    while (reader.next(first_day, last_day, f.own)) {
        scatter.map(f.own, f.values);
        f.netcdf.append(first_day, last_day, f.values.data());
    }
}

void ResultsAssembler::catch_up() {
    const auto& items = plan_.items();
    while (next_ < items.size() && run_is_done(runs_dir_, items[next_]))
        append(items[next_++]);
}

void ResultsAssembler::finish() {
    const auto& items = plan_.items();
    while (next_ < items.size())
        append(items[next_++]);
    file_->netcdf.close();
}

nlohmann::json run_summaries(const StudyPlan& plan, const std::string& runs_dir) {
    nlohmann::json runs = nlohmann::json::array();
    for (const RunItem& item : plan.items()) {
        std::ifstream in(summary_path(runs_dir, item));
        runs.push_back(nlohmann::json::parse(in));
    }
    return runs;
}

nlohmann::json ensemble_description(const StudyPlan& plan) {
    const io::EnsembleSpec& e = plan.study().ensemble;
    nlohmann::json j;
    j["scenarios"] = nlohmann::json::array();
    for (const auto& s : e.scenarios) {
        j["scenarios"].push_back({{"name", s.name},
                                  {"description", s.description},
                                  {"population", s.population},
                                  {"changes_climate", !s.climate.is_identity()},
                                  {"demand_growth_factors", s.demand_growth.size()}});
    }
    j["policies"] = nlohmann::json::array();
    for (const auto& p : e.policies)
        j["policies"].push_back({{"name", p.name}, {"description", p.description}});
    j["members"] = nlohmann::json::array();
    for (const auto& m : e.members)
        j["members"].push_back({{"name", m.name}, {"seed", m.seed}});
    j["seed"] = e.seed;
    return j;
}

} // namespace riparia::app
