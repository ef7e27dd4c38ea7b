// read_netcdf_forcing_table (io/netcdf_forcing.hpp): the [forcing] table of a study.
#include "io/netcdf_forcing.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <glob.h>

namespace riparia::io {

namespace {

namespace fs = std::filesystem;

std::string resolve(const std::string& study_path, const std::string& path) {
    const fs::path p(path);
    if (p.is_absolute()) return p.lexically_normal().string();
    return (fs::path(study_path).parent_path() / p).lexically_normal().string();
}

// Expands one pattern (or checks one plain path); sorted matches.
std::vector<std::string> expand(const TomlTable& t, const std::string& key,
                                const std::string& pattern, const std::string& study_path) {
    const std::string full = resolve(study_path, pattern);
    if (full.find_first_of("*?[") == std::string::npos) {
        std::error_code unreadable; // a path too long to look up is not found either
        if (!fs::is_regular_file(full, unreadable))
            t.fail(key, fmt::format("file '{}' not found, expected a NetCDF file", full));
        return {full};
    }
    glob_t matches{};
    const int status = glob(full.c_str(), 0, nullptr, &matches);
    std::vector<std::string> files;
    for (std::size_t k = 0; status == 0 && k < matches.gl_pathc; ++k)
        files.emplace_back(matches.gl_pathv[k]);
    globfree(&matches);
    if (files.empty())
        t.fail(key, fmt::format("pattern '{}' matches no file, expected NetCDF files", full));
    return files;
}

std::vector<std::string> read_files(const TomlTable& t, const toml::table& table,
                                    const std::string& study_path) {
    const toml::node* node = table.get("files");
    if (node == nullptr) t.fail_here("missing required key 'files' (a path, glob or array)");
    std::vector<std::string> patterns;
    if (node->is_string()) {
        patterns.push_back(node->as_string()->get());
    } else if (const toml::array* array = node->as_array(); array && !array->empty()) {
        for (const toml::node& item : *array) {
            if (!item.is_string())
                t.fail("files", fmt::format("found {} in the array, expected strings (paths)",
                                            toml_type_name(item)));
            patterns.push_back(item.as_string()->get());
        }
    } else {
        t.fail("files", fmt::format("found {}, expected a path, a glob pattern or a non-empty "
                                    "array of them",
                                    toml_type_name(*node)));
    }
    std::vector<std::string> files;
    for (const std::string& pattern : patterns) {
        for (std::string& f : expand(t, "files", pattern, study_path))
            files.push_back(std::move(f));
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

std::optional<GridVariableSpec> read_variable(const TomlTable& forcing, const std::string& key,
                                              const std::string& study_path) {
    const toml::table* table = forcing.optional_table(key);
    if (table == nullptr) return std::nullopt;
    TomlTable t(*table, forcing.file(), fmt::format("[forcing] {}", key), {"files", "variable"});
    GridVariableSpec spec;
    spec.files = read_files(t, *table, study_path);
    spec.variable = t.optional_string("variable").value_or("");
    if (t.has("variable") && spec.variable.empty())
        t.fail("variable", "found an empty name, expected a NetCDF variable name");
    return spec;
}

} // namespace

const std::vector<std::string>& netcdf_forcing_keys() {
    static const std::vector<std::string> keys{"source",        "polygons",    "id_field",
                                               "precipitation", "temperature", "pet"};
    return keys;
}

NetcdfForcingSpec read_netcdf_forcing_table(const TomlTable& t, const std::string& study_path) {
    NetcdfForcingSpec spec;
    spec.polygons_path = resolve(study_path, t.required_string("polygons"));
    std::error_code unreadable; // a path too long to look up is not found either
    if (!fs::is_regular_file(spec.polygons_path, unreadable))
        t.fail("polygons", fmt::format("file '{}' not found, expected a GeoJSON, GeoPackage or "
                                       "Shapefile of the sub-basins",
                                       spec.polygons_path));
    spec.id_field = t.optional_string("id_field").value_or("id");
    auto precipitation = read_variable(t, "precipitation", study_path);
    if (!precipitation)
        t.fail_here("missing required key 'precipitation' (a table: files, variable)");
    spec.precipitation = std::move(*precipitation);
    spec.temperature = read_variable(t, "temperature", study_path);
    spec.pet = read_variable(t, "pet", study_path);
    if (!spec.temperature && !spec.pet)
        t.fail_here("found neither 'temperature' nor 'pet', expected at least one (without pet, "
                    "PET comes from Oudin's formula and temperature)");
    return spec;
}

std::vector<std::string> netcdf_forcing_inputs(const NetcdfForcingSpec& spec) {
    std::vector<std::string> inputs{spec.polygons_path};
    for (const auto* v : {&spec.precipitation, spec.temperature ? &*spec.temperature : nullptr,
                          spec.pet ? &*spec.pet : nullptr}) {
        if (v) inputs.insert(inputs.end(), v->files.begin(), v->files.end());
    }
    return inputs;
}

} // namespace riparia::io
