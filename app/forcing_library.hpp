// The forcing of every run of a study: the study's [forcing] table, or a scenario's or member's
// own, opened and validated once before anything runs. File-backed sources are shared by the
// runs (their reads are serialised); each run gets its own weather generator seeded by its member,
// and its scenario's delta change on top.
#pragma once

#include "app/study_plan.hpp"
#include "io/ensemble_file.hpp"
#include "model/forcing.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace riparia::app {

class ForcingLibrary {
  public:
    explicit ForcingLibrary(const StudyPlan& plan); // throws io::InputError
    ~ForcingLibrary();

    // A source for one run; safe to call and use from several threads at once.
    std::unique_ptr<model::ForcingSource> source_for(const RunItem& item);
    // Input files read (forcing CSV, NetCDF, polygons), for run.json's checksums.
    const std::vector<std::string>& files() const { return files_; }
    const std::vector<std::string>& notes() const { return notes_; }

  private:
    struct Shared;
    const io::ForcingTable& table_for(const RunItem& item) const;
    void open(const io::ForcingTable& table);

    const StudyPlan& plan_;
    std::map<const toml::table*, std::unique_ptr<Shared>> shared_; // key nullptr: basin CSVs
    std::vector<std::string> files_, notes_;
};

} // namespace riparia::app
