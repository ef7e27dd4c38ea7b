#include "io/climate_table.hpp"

#include <cmath>
#include <fmt/format.h>
#include <string>

namespace riparia::io {

namespace {

using Months = std::array<double, 12>;

constexpr const char* kMonthNames[12] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};

// "value 4 of 12 (April)": the 1-based index and the month, for messages.
std::string month_label(std::size_t m) {
    return fmt::format("value {} of 12 ({})", m + 1, kMonthNames[m]);
}

Months read_months(const toml::table& table, const TomlTable& t, const std::string& key,
                   const char* meaning) {
    const toml::node* node = table.get(key);
    if (!node) t.fail_here(fmt::format("missing required key '{}' ({})", key, meaning));
    if (!node->is_array()) {
        t.fail(key, fmt::format("found {}, expected an array of 12 numbers, January to December",
                                toml_type_name(*node)));
    }
    const toml::array& list = *node->as_array();
    if (list.size() != 12) {
        t.fail(key, fmt::format("found an array of {} values, expected 12 (January to December)",
                                list.size()));
    }
    Months values{};
    for (std::size_t m = 0; m < 12; ++m) {
        const toml::node& v = *list.get(m);
        if (v.is_integer()) {
            values[m] = static_cast<double>(v.as_integer()->get());
        } else if (v.is_floating_point() && std::isfinite(v.as_floating_point()->get())) {
            values[m] = v.as_floating_point()->get();
        } else {
            t.fail(key,
                   fmt::format("{}: found {}, expected a finite number", month_label(m),
                               v.is_floating_point() ? "a non-finite number" : toml_type_name(v)));
        }
    }
    return values;
}

void check_months(const TomlTable& t, const model::MonthlyClimate& c) {
    for (std::size_t m = 0; m < 12; ++m) {
        const double p = c.precip_mm[m], f = c.wet_day_fraction[m], temp = c.temperature_c[m];
        if (p < 0) {
            t.fail("precip_mm", fmt::format("{}: found {}, expected a monthly total >= 0 mm",
                                            month_label(m), p));
        }
        if (f < 0 || f > 1) {
            t.fail("wet_day_fraction",
                   fmt::format("{}: found {}, expected a fraction in [0, 1]", month_label(m), f));
        }
        if (p > 0 && f == 0) {
            t.fail("wet_day_fraction",
                   fmt::format("{}: found 0 with precip_mm {}, expected a fraction > 0 where "
                               "precipitation falls",
                               month_label(m), p));
        }
        if (temp < -60 || temp > 50) {
            t.fail("temperature_c",
                   fmt::format("{}: found {}, expected a monthly mean in [-60, 50] degC",
                               month_label(m), temp));
        }
    }
}

} // namespace

std::optional<model::MonthlyClimate> read_climate(const TomlTable& subbasin) {
    const toml::table* table = subbasin.optional_table("climate");
    if (!table) return std::nullopt;
    const TomlTable t(*table, subbasin.file(), subbasin.context() + " climate",
                      {"precip_mm", "wet_day_fraction", "temperature_c"});
    model::MonthlyClimate c;
    c.precip_mm = read_months(*table, t, "precip_mm", "12 monthly totals, mm/month");
    c.wet_day_fraction =
        read_months(*table, t, "wet_day_fraction", "12 monthly shares of wet days, in [0, 1]");
    c.temperature_c = read_months(*table, t, "temperature_c", "12 monthly means, degC");
    check_months(t, c);
    return c;
}

} // namespace riparia::io
