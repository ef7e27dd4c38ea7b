// libFuzzer target: the basin loader on arbitrary text (TOML syntax, keys, types, ranges, the
// network, the management tables). A forcing.csv and a polygons.geojson exist beside the input
// so that `forcing` and `geometry` keys can name them. An InputError is the expected outcome.
#include "fuzz/fuzz_support.hpp"
#include "io/basin_file.hpp"
#include "io/input_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace riparia;
    static const bool ready = [] {
        fuzz::write_scratch("forcing.csv", "date,P,E\n2000-01-01,1.0,0.5\n2000-01-02,0.0,0.6\n");
        fuzz::write_scratch("polygons.geojson",
                            R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                            R"("properties":{"id":"A"},"geometry":{"type":"Polygon",)"
                            R"("coordinates":[[[5,45],[6,45],[6,46],[5,46],[5,45]]]}}]})");
        return true;
    }();
    (void)ready;
    const std::string path = fuzz::write_scratch("basin.toml", data, size);
    try {
        (void)io::load_basin_file(path);
    } catch (const io::InputError&) {
        // the expected outcome of a bad basin
    }
    return 0;
}
