#include "tests/layers_fixtures.hpp"

#include <doctest/doctest.h>

namespace riparia::test {

std::string write_layers_study(const ScratchDir& dir, const std::string& basin_header_extra) {
    std::string basin = read_file(source_dir() + "/basins/demo/basin.toml");
    const std::string forcing = "../../../shared/data/airgr/L0123001_gr4j_reference.csv";
    for (auto at = basin.find(forcing); at != std::string::npos; at = basin.find(forcing))
        basin.replace(at, forcing.size(), shared_data("airgr/L0123001_gr4j_reference.csv"));
    const std::string header = "name = \"Demo river\"\n";
    basin.replace(basin.find(header), header.size(), header + basin_header_extra);
    write_file(dir / "basin.toml", basin);
    write_file(dir / "study.toml",
               "[study]\nname = \"layers test\"\nbasin = \"basin.toml\"\n"
               "start = \"1990-01-01\"\nend = \"1991-12-31\"\nwarmup_days = 365\n\n"
               "[ensemble]\npristine = true\n\n"
               "[[scenario]]\nname = \"baseline\"\n\n"
               "[[scenario]]\nname = \"dry\"\n"
               "precipitation_factor = [0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, "
               "0.6]\ndemand_growth = { FRA = 3.0, BEL = 3.0 }\n\n"
               "[[policy]]\nname = \"as built\"\n\n"
               "[[policy]]\nname = \"bigger dam\"\n"
               "[[policy.reservoir]]\nid = \"LAC\"\ncapacity_hm3 = 240.0\n"
               "area = { storage_hm3 = [0.0, 240.0], area_km2 = [0.0, 15.0] }\n");
    return dir / "study.toml";
}

std::string run_layers_study(const ScratchDir& dir, const std::string& basin_header_extra) {
    const std::string study = write_layers_study(dir, basin_header_extra);
    const auto r = run_riparia({"run", study, "--out", dir / "out", "--quiet"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return dir / "out";
}

io::GdalDatasetPtr open_gdal(const std::string& path, unsigned flags) {
    io::register_gdal_drivers();
    io::GdalDatasetPtr dataset(GDALDataset::Open(path.c_str(), flags | GDAL_OF_READONLY));
    REQUIRE_MESSAGE(dataset, "GDAL cannot open " << path);
    return dataset;
}

} // namespace riparia::test
