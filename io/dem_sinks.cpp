#include "io/dem_sinks.hpp"
#include "io/input_error.hpp"
#include "io/toml_table.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace riparia::io {

namespace {

double coordinate(const TomlTable& t, const std::string& key, double limit) {
    const double v = t.required_number(key);
    if (v < -limit || v > limit)
        t.fail(key, fmt::format("found {}, expected degrees in [-{}, {}]", v, limit, limit));
    return v;
}

// Optional: 0 (no snapping) when absent; a wrong type names the key in TomlTable.
int snap_radius(const TomlTable& t) {
    const std::int64_t n = t.optional_integer("snap_radius_cells").value_or(0);
    if (n < 0 || n > max_sink_snap_radius_cells)
        t.fail("snap_radius_cells", fmt::format("found {}, expected an integer number of cells "
                                                "in [0, {}]",
                                                n, max_sink_snap_radius_cells));
    return int(n);
}

} // namespace

std::vector<DeclaredSink> read_sinks(const std::string& path) {
    if (!std::filesystem::is_regular_file(path))
        throw InputError(fmt::format("--sinks {}: file not found, expected a TOML file of "
                                     "[[sink]] tables",
                                     path));
    const toml::table root = parse_toml_file(path);
    const TomlTable top(root, path, "sinks file", {"sink"});
    const toml::node* list = root.get("sink");
    if (!list || !list->is_array_of_tables())
        top.fail_here("no [[sink]] tables, expected [[sink]] with name, lat, lon and source");
    std::vector<DeclaredSink> sinks;
    for (const toml::node& node : *list->as_array()) {
        const TomlTable t(*node.as_table(), path, fmt::format("sink #{}", sinks.size() + 1),
                          {"name", "lat", "lon", "source", "snap_radius_cells"});
        DeclaredSink s;
        s.name = t.required_string("name");
        s.point = {coordinate(t, "lat", 90), coordinate(t, "lon", 360)};
        s.source = t.required_string("source");
        s.snap_radius_cells = snap_radius(t);
        sinks.push_back(std::move(s));
    }
    return sinks;
}

} // namespace riparia::io
