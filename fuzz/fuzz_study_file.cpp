// libFuzzer target: the study loader. The input is a study.toml beside a fixed valid basin
// (basin.toml, two sub-basins, forcing.csv); the study, then its basin and its ensemble part
// (forcing, scenarios, policies, members, combinations) are read and validated as `riparia check`
// does. An InputError is the expected outcome of a bad study; anything else escaping is a bug.
#include "fuzz/fuzz_support.hpp"
#include "io/basin_file.hpp"
#include "io/ensemble_file.hpp"
#include "io/input_error.hpp"
#include "io/study_file.hpp"

namespace {

constexpr const char* kBasin = R"(
[basin]
name = "fuzz"
[[subbasin]]
id = "A"
country = "FRA"
area_km2 = 100.0
lat = 45.0
lon = 5.0
downstream = "B"
forcing = "forcing.csv"
gr4j = { x1 = 300.0, x2 = 0.5, x3 = 80.0, x4 = 2.0 }
[subbasin.climate]
precip_mm = [60, 50, 50, 60, 70, 50, 40, 40, 60, 80, 80, 70]
wet_day_fraction = [0.3, 0.3, 0.3, 0.3, 0.3, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3]
temperature_c = [2, 3, 6, 9, 13, 17, 19, 19, 15, 11, 6, 3]
[[subbasin]]
id = "B"
country = "CHE"
area_km2 = 250.0
lat = 46.0
lon = 6.0
forcing = "forcing.csv"
gr4j = { x1 = 350.0, x2 = 0.0, x3 = 90.0, x4 = 2.5 }
[subbasin.climate]
precip_mm = [60, 50, 50, 60, 70, 50, 40, 40, 60, 80, 80, 70]
wet_day_fraction = [0.3, 0.3, 0.3, 0.3, 0.3, 0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3]
temperature_c = [2, 3, 6, 9, 13, 17, 19, 19, 15, 11, 6, 3]
[[reservoir]]
id = "R"
subbasin = "A"
capacity_hm3 = 50.0
initial_storage_hm3 = 20.0
max_release_m3s = 10.0
area_km2 = 2.0
rule = { kind = "monthly_target", release_m3s = 3.0 }
[[demand]]
id = "D"
country = "CHE"
subbasin = "B"
sector = "domestic"
annual_volume_hm3 = 10.0
priority = 1
[[agreement]]
id = "G"
name = "border flow"
kind = "min_flow"
countries = ["FRA", "CHE"]
at = "A"
flow_m3s = 1.0
priority = 1
)";

constexpr const char* kForcing = "date,P,E,T\n2000-01-01,1.0,0.5,3.0\n2000-01-02,0.0,0.6,4.0\n"
                                 "2000-01-03,5.5,0.4,2.0\n2000-01-04,0.0,0.5,1.0\n";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace riparia;
    static const bool ready = [] {
        fuzz::write_scratch("basin.toml", kBasin);
        fuzz::write_scratch("forcing.csv", kForcing);
        return true;
    }();
    (void)ready;
    const std::string path = fuzz::write_scratch("study.toml", data, size);
    try {
        const io::StudyFile study = io::load_study_file(path);
        const io::BasinFile basin = io::load_basin_file(study.basin_path);
        (void)io::read_ensemble(study, basin);
    } catch (const io::InputError&) {
        // the expected outcome of a bad study
    }
    return 0;
}
