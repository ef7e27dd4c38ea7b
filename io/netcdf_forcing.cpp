#include "io/netcdf_forcing.hpp"

#include "io/input_error.hpp"
#include "io/netcdf_forcing_cache.hpp"
#include "io/netcdf_forcing_variable.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <limits>

namespace riparia::io {

namespace {

constexpr double kMinCoveredFraction = 0.999;
constexpr int kScanBlockDays = 366;

class NetcdfForcing : public model::ForcingSource {
  public:
    NetcdfForcing(std::vector<GridVariable> variables, std::size_t subbasins, bool temperature,
                  bool pet)
        : variables_(std::move(variables)), subbasins_(subbasins), temperature_(temperature),
          pet_(pet) {}

    bool has_pet(std::size_t) const override { return pet_; }
    bool has_temperature(std::size_t) const override { return temperature_; }

    void fill(const model::ForcingBlock& block) override {
        std::size_t next = 0;
        variables_[next++].aggregate(block.first_day, block.days, block.stride, block.precip_mm);
        fill_or_nan(temperature_ ? &variables_[next++] : nullptr, block, block.temperature_c);
        fill_or_nan(pet_ ? &variables_[next++] : nullptr, block, block.pet_mm);
    }

  private:
    void fill_or_nan(GridVariable* variable, const model::ForcingBlock& block, double* out) {
        if (variable) {
            variable->aggregate(block.first_day, block.days, block.stride, out);
            return;
        }
        for (int d = 0; d < block.days; ++d) {
            for (std::size_t i = 0; i < subbasins_; ++i)
                out[static_cast<std::size_t>(d) * block.stride + i] =
                    std::numeric_limits<double>::quiet_NaN();
        }
    }

    std::vector<GridVariable> variables_; // precipitation, then temperature, then PET if present
    std::size_t subbasins_;
    bool temperature_, pet_;
};

void check_coverage(const model::AreaWeights& w, const std::vector<std::string>& ids,
                    const NetcdfForcingSpec& spec, const GridVariable& variable) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const double polygon_km2 = w.polygon_m2[i] * 1e-6;
        const double covered_km2 = w.covered_m2[i] * 1e-6;
        if (polygon_km2 > 0 && covered_km2 >= kMinCoveredFraction * polygon_km2) continue;
        throw InputError(fmt::format(
            "{}: sub-basin '{}': the grid of variable '{}' in {} covers {:.3g} km2 of its "
            "polygon's {:.6g} km2 ({:.2f} %), expected at least {:.1f} % (a grid over the whole "
            "sub-basin)",
            spec.polygons_path, ids[i], variable.name(), variable.files_text(), covered_km2,
            polygon_km2, polygon_km2 > 0 ? 100 * covered_km2 / polygon_km2 : 0.0,
            100 * kMinCoveredFraction));
    }
}

// Reads every day of the period once so that missing values are reported before the run.
void scan_period(GridVariable& variable, std::size_t subbasins, std::int64_t first_day,
                 std::int64_t last_day) {
    std::vector<double> scratch(static_cast<std::size_t>(kScanBlockDays) * subbasins);
    for (std::int64_t day = first_day; day <= last_day; day += kScanBlockDays) {
        const auto days =
            static_cast<int>(std::min<std::int64_t>(kScanBlockDays, last_day - day + 1));
        variable.aggregate(day, days, subbasins, scratch.data());
    }
}

void check_variables(const NetcdfForcingSpec& spec, const model::Basin& basin) {
    if (!spec.temperature && !spec.pet) {
        throw InputError(fmt::format("{}: [forcing]: found neither temperature nor pet files, "
                                     "expected at least one (PET comes from Oudin's formula and "
                                     "temperature when pet is absent)",
                                     spec.polygons_path));
    }
    for (const model::Subbasin& s : basin.subbasins) {
        if (s.snow && !spec.temperature) {
            throw InputError(fmt::format("[forcing]: sub-basin '{}' has a snow table, which needs "
                                         "temperature; found no temperature files",
                                         s.id));
        }
    }
}

} // namespace

std::unique_ptr<model::ForcingSource> open_netcdf_forcing(const NetcdfForcingSpec& spec,
                                                          const model::Basin& basin,
                                                          std::int64_t first_day,
                                                          std::int64_t last_day) {
    check_variables(spec, basin);
    std::vector<std::string> ids;
    for (const model::Subbasin& s : basin.subbasins)
        ids.push_back(s.id);
    std::vector<GridVariable> variables;
    variables.emplace_back(spec.precipitation.files, spec.precipitation.variable,
                           ForcingQuantity::precipitation);
    if (spec.temperature)
        variables.emplace_back(spec.temperature->files, spec.temperature->variable,
                               ForcingQuantity::temperature);
    if (spec.pet) variables.emplace_back(spec.pet->files, spec.pet->variable, ForcingQuantity::pet);

    std::vector<std::pair<const FileGrid*, model::AreaWeights>> by_grid; // one per distinct grid
    for (GridVariable& v : variables) {
        v.check_period(first_day, last_day);
        auto same = std::find_if(by_grid.begin(), by_grid.end(),
                                 [&](const auto& g) { return g.first->same_cells(v.grid()); });
        if (same == by_grid.end()) {
            by_grid.emplace_back(&v.grid(),
                                 load_or_compute_weights(spec.polygons_path, spec.id_field, ids,
                                                         v.grid().edges, spec.cache_dir)
                                     .weights);
            same = by_grid.end() - 1;
        }
        check_coverage(same->second, ids, spec, v);
        v.set_weights(same->second, ids);
        scan_period(v, ids.size(), first_day, last_day);
    }
    return std::make_unique<NetcdfForcing>(std::move(variables), ids.size(),
                                           spec.temperature.has_value(), spec.pet.has_value());
}

} // namespace riparia::io
