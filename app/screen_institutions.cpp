// Institutional facts of the screening's units and pairs from the TFDD treaty and RBO rows.
#include "app/screen_network.hpp"

#include <algorithm>
#include <set>

namespace riparia::app {

namespace {

struct Treaty {
    std::set<std::string> countries;
    bool allocation = false, variability = false, conflict = false;
};

struct Rbo {
    std::set<std::string> countries;
    bool inclusive = false;
};

void add_treaty(model::InstitutionFacts& f, const Treaty& t) {
    f.agreement = true;
    f.allocation = f.allocation || t.allocation;
    f.variability_mgmt = f.variability_mgmt || t.variability;
    f.conflict_resolution = f.conflict_resolution || t.conflict;
}

void add_rbo(model::InstitutionFacts& f, const Rbo& r, std::size_t riparians) {
    f.rbo = true;
    f.all_members = f.all_members || r.inclusive || r.countries.size() >= riparians;
}

} // namespace

// A treaty counts for a pair when both countries have a row for it in the basin, for a unit when
// it binds the unit's country and at least one other riparian; treaties are taken as in force
// (the TFDD file records no termination). An RBO counts when both (for a unit: the country) are
// members. A country with no treaty or RBO row in the basin has no institutional data.
void add_institutions(const ScreenInputs& in, ScreenBasin& b) {
    const std::string& code = b.basin->code;
    std::map<std::string, Treaty> treaties;
    std::map<std::string, Rbo> rbos;
    std::set<std::string> with_data;
    for (const auto& row : in.treaties) {
        if (row.basin != code) continue;
        Treaty& t = treaties[row.treaty];
        t.countries.insert(row.country);
        t.allocation = t.allocation || row.allocation;
        t.variability = t.variability || row.variability_mgmt;
        t.conflict = t.conflict || row.conflict_resolution;
        with_data.insert(row.country);
    }
    for (const auto& row : in.rbos) {
        if (row.basin != code) continue;
        rbos[row.rbo].countries.insert(row.country);
        rbos[row.rbo].inclusive = rbos[row.rbo].inclusive || row.inclusive;
        with_data.insert(row.country);
    }
    const std::size_t n = b.units.size();
    b.unit_institutions.assign(n, {});
    for (std::size_t i = 0; i < n; ++i) {
        const std::string& a = b.units[i].country;
        auto& f = b.unit_institutions[i];
        f.known = with_data.count(a) > 0;
        for (const auto& [id, t] : treaties)
            if (t.countries.count(a) && t.countries.size() > 1) add_treaty(f, t);
        for (const auto& [id, r] : rbos)
            if (r.countries.count(a)) add_rbo(f, r, n);
        for (std::size_t j = i + 1; j < n; ++j) {
            const std::string& c = b.units[j].country;
            model::InstitutionFacts p;
            p.known = f.known && with_data.count(c) > 0;
            for (const auto& [id, t] : treaties)
                if (t.countries.count(a) && t.countries.count(c)) add_treaty(p, t);
            for (const auto& [id, r] : rbos)
                if (r.countries.count(a) && r.countries.count(c)) add_rbo(p, r, n);
            b.pair_institutions[{i, j}] = p;
        }
    }
}

} // namespace riparia::app
