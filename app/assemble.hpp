// results.nc and the runs' part of run.json, assembled from the spools and summaries of a
// study's runs (by `run` when every run is done, and by `merge` from the folders of shards).
#pragma once

#include "app/study_plan.hpp"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace riparia::app {

struct ResultsLabels {
    std::string command_line;
    model::OutputPeriod period = model::OutputPeriod::monthly;
};

// Writes results.nc at `path` from the spools in `runs_dir`, run after run in plan order. While
// runs are still being simulated, catch_up() appends those finished so far (between runs, on the
// thread that owns the file), so little is left for finish() when the last run ends.
class ResultsAssembler {
  public:
    ResultsAssembler(const StudyPlan& plan, const std::string& runs_dir, const std::string& path,
                     const ResultsLabels& labels);
    ~ResultsAssembler();
    void catch_up(); // appends the finished runs that come next in plan order
    void finish();   // appends the rest (every run must be finished) and closes the file

  private:
    struct File;
    void append(const RunItem& item);
    const StudyPlan& plan_;
    std::string runs_dir_;
    std::unique_ptr<File> file_;
    std::size_t next_ = 0;
};

// The summaries of every run, in plan order.
nlohmann::json run_summaries(const StudyPlan& plan, const std::string& runs_dir);

// The study's scenarios, policies and members as run.json lists them.
nlohmann::json ensemble_description(const StudyPlan& plan);

} // namespace riparia::app
