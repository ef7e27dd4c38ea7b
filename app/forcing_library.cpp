#include "app/forcing_library.hpp"

#include "io/forcing_csv.hpp"
#include "io/generator_table.hpp"
#include "io/input_error.hpp"
#include "io/netcdf_forcing.hpp"
#include "model/scenario.hpp"
#include "model/weather_generator.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <optional>

namespace riparia::app {

namespace fs = std::filesystem;

struct ForcingLibrary::Shared {
    std::unique_ptr<model::ForcingSource> source; // file-backed, read under the lock
    std::mutex lock;
    std::optional<model::GeneratorSettings> generator; // the generator: one per run instead
};

namespace {

// One run's forcing: a shared file-backed source (read under its lock) or an owned generator,
// with the scenario's delta change applied on top.
class RunForcing : public model::ForcingSource {
  public:
    RunForcing(model::ForcingSource& base, std::mutex* lock,
               std::unique_ptr<model::ForcingSource> owned, const model::ClimateDelta& delta)
        : base_(base), lock_(lock), owned_(std::move(owned)), delta_(delta),
          identity_(delta.is_identity()) {}
    bool has_pet(std::size_t i) const override { return base_.has_pet(i); }
    bool has_temperature(std::size_t i) const override { return base_.has_temperature(i); }
    void fill(const model::ForcingBlock& block) override {
        if (lock_) {
            std::lock_guard guard(*lock_);
            base_.fill(block);
        } else {
            base_.fill(block);
        }
        if (identity_) return;
        model::apply_climate_delta(delta_, block);
    }

  private:
    model::ForcingSource& base_;
    std::mutex* lock_;
    std::unique_ptr<model::ForcingSource> owned_;
    const model::ClimateDelta& delta_;
    bool identity_;
};

std::unique_ptr<model::ForcingSource>
open_csv(const LoadedStudy& s, std::vector<std::string>& files, std::vector<std::string>& notes) {
    const auto& subbasins = s.basin.basin.subbasins;
    for (std::size_t i = 0; i < subbasins.size(); ++i) {
        if (s.basin.forcing_paths[i].empty()) {
            throw io::InputError(fmt::format(
                "{}: subbasin '{}' has no 'forcing' file, and the study's forcing is the basin's "
                "CSV files (the default); expected forcing = \"file.csv\" in the sub-basin, or "
                "[forcing] source = \"generator\" or \"netcdf\" in {}",
                s.basin.path, subbasins[i].id, s.study.path));
        }
    }
    auto csv = std::make_unique<io::CsvForcing>(s.basin.basin, s.basin.forcing_paths,
                                                s.period.warmup_first_day, s.period.last_day);
    for (const auto& series : csv->series()) {
        files.push_back(series.path);
        for (const auto& c : series.ignored_columns)
            notes.push_back(fmt::format("{}: column '{}' ignored", series.path, c));
    }
    return csv;
}

// Keys the table may have besides `source`.
std::vector<std::string> keys_with_source(const std::vector<std::string>& keys) {
    std::vector<std::string> all = keys;
    all.push_back("source");
    return all;
}

std::unique_ptr<model::ForcingSource>
open_netcdf(const LoadedStudy& s, const io::ForcingTable& table, std::vector<std::string>& files) {
    const io::TomlTable t(*table.table, s.study.path, table.context,
                          keys_with_source(io::netcdf_forcing_keys()));
    io::NetcdfForcingSpec spec = io::read_netcdf_forcing_table(t, s.study.path);
    spec.cache_dir = (fs::path(s.study.path).parent_path() / ".riparia-cache").string();
    auto source =
        io::open_netcdf_forcing(spec, s.basin.basin, s.period.warmup_first_day, s.period.last_day);
    for (const auto& f : io::netcdf_forcing_inputs(spec))
        files.push_back(f);
    return source;
}

model::GeneratorSettings generator_settings(const LoadedStudy& s, const io::ForcingTable& table) {
    const io::TomlTable t(*table.table, s.study.path, table.context,
                          keys_with_source(io::generator_keys()));
    const model::GeneratorSettings settings = io::read_generator_settings(t);
    for (const auto& sb : s.basin.basin.subbasins) {
        if (!sb.climate) {
            throw io::InputError(fmt::format(
                "{}: subbasin '{}' has no 'climate' table, which the weather generator needs "
                "({} in {}); expected climate = {{ precip_mm = [...], wet_day_fraction = [...], "
                "temperature_c = [...] }}",
                s.basin.path, sb.id, table.context, s.study.path));
        }
    }
    return settings;
}

} // namespace

ForcingLibrary::ForcingLibrary(const StudyPlan& plan) : plan_(plan) {
    for (const RunItem& item : plan.items())
        open(table_for(item));
}

ForcingLibrary::~ForcingLibrary() = default;

const io::ForcingTable& ForcingLibrary::table_for(const RunItem& item) const {
    const io::EnsembleSpec& e = plan_.study().ensemble;
    const auto& member = e.members[item.member];
    if (member.forcing) return *member.forcing;
    const auto& scenario = e.scenarios[item.scenario];
    if (scenario.forcing) return *scenario.forcing;
    return e.forcing;
}

void ForcingLibrary::open(const io::ForcingTable& table) {
    const toml::table* key = table.kind == io::ForcingKind::csv ? nullptr : table.table;
    if (shared_.count(key)) return;
    auto shared = std::make_unique<Shared>();
    const LoadedStudy& s = plan_.study();
    switch (table.kind) {
    case io::ForcingKind::csv:
        shared->source = open_csv(s, files_, notes_);
        break;
    case io::ForcingKind::generator:
        shared->generator = generator_settings(s, table);
        break;
    case io::ForcingKind::netcdf:
        shared->source = open_netcdf(s, table, files_);
        break;
    }
    shared_.emplace(key, std::move(shared));
}

std::unique_ptr<model::ForcingSource> ForcingLibrary::source_for(const RunItem& item) {
    const io::ForcingTable& table = table_for(item);
    const auto& delta = plan_.study().ensemble.scenarios[item.scenario].climate;
    const toml::table* key = table.kind == io::ForcingKind::csv ? nullptr : table.table;
    Shared& shared = *shared_.at(key);
    if (shared.generator) {
        const model::Basin& basin = plan_.study().basin.basin;
        auto generator = std::make_unique<model::WeatherGenerator>(
            basin, plan_.study().ensemble.members[item.member].seed, *shared.generator);
        model::ForcingSource& base = *generator;
        return std::make_unique<RunForcing>(base, nullptr, std::move(generator), delta);
    }
    return std::make_unique<RunForcing>(*shared.source, &shared.lock, nullptr, delta);
}

} // namespace riparia::app
