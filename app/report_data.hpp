// The data of the run report (docs/outputs.md, "report.html"): one JSON document built from the
// files of a run folder — run.json (provenance, scenarios, policies, compliance), stress.json
// (scores per unit and pair), results.nc (flows, storage, deficits) and layers.gpkg (the unit
// outlines; the map is left out with a note when the file is absent).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace riparia::app {

struct ReportFolder {
    std::string run_json, stress_json, results_nc, layers_gpkg;
    static ReportFolder in(const std::string& dir); // the standard names inside a folder
};

// `demand_country`: the country of each demand id of the study (results.nc labels demands by id
// only). Throws io::InputError naming the file when one cannot be read.
nlohmann::json report_data(const ReportFolder& folder,
                           const std::map<std::string, std::string>& demand_country);

} // namespace riparia::app
