// Water balance with management: random trees with random reservoirs (each rule, filling),
// demands and returns, environmental flows and every kind of agreement; inputs - outputs -
// change in storage (land, channels, reservoirs) closes to 1e-9 relative.
#include "model/calendar.hpp"
#include "model/simulation.hpp"
#include "tests/random_basin.hpp"

#include <doctest/doctest.h>
#include <random>

using namespace riparia::model;

namespace {

struct Draw {
    explicit Draw(std::uint64_t seed) : rng(seed) {}
    double uniform(double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(rng);
    }
    bool chance(double p) { return uniform(0, 1) < p; }
    int integer(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); }
    std::mt19937_64 rng;
};

ReservoirSpec random_reservoir(Draw& draw, int node, std::int64_t first_day) {
    ReservoirSpec r;
    r.id = "R" + std::to_string(node);
    r.node = node;
    r.capacity_hm3 = draw.uniform(50, 5000);
    r.dead_storage_hm3 = draw.uniform(0, 0.3) * r.capacity_hm3;
    r.initial_storage_hm3 = draw.uniform(0, 1) * r.capacity_hm3;
    r.max_release_m3s = draw.chance(0.2) ? 1e6 : draw.uniform(1, 500);
    r.area.storage_hm3 = {0.0, r.capacity_hm3};
    r.area.area_km2 = {0.0, draw.uniform(1, 200)};
    r.rule = draw.chance(0.5) ? RuleKind::hanasaki : RuleKind::monthly_target;
    r.irrigation = draw.chance(0.5);
    for (double& q : r.target_release_m3s)
        q = draw.uniform(0, 100);
    if (draw.chance(0.3)) {
        r.filling = {true, first_day + draw.integer(0, 300), draw.uniform(0.5, 3),
                     draw.uniform(0, 20)};
    }
    r.rule_priority = draw.integer(1, 6);
    return r;
}

// A return node that does not pass a reservoir (docs/allocation.md).
int return_node(Draw& draw, const Basin& basin, const std::vector<char>& has_reservoir, int node) {
    if (draw.chance(0.3)) return -1;
    int target = node;
    while (draw.chance(0.5) && !has_reservoir[target] && basin.network.downstream(target) >= 0) {
        target = basin.network.downstream(target);
    }
    return target;
}

void add_demands(Draw& draw, Basin& basin, const std::vector<char>& has_reservoir) {
    for (std::size_t v = 0; v < basin.subbasins.size(); ++v) {
        if (!draw.chance(0.4)) continue;
        DemandSpec d;
        d.id = "D" + std::to_string(v);
        d.country = "AAA";
        d.node = static_cast<int>(v);
        d.annual_volume_hm3 = draw.uniform(10, 2000);
        for (int m = 0; m < 12; ++m)
            d.monthly_share[m] = 1.0 / 12;
        d.consumptive_fraction = draw.uniform(0, 1);
        d.return_node = return_node(draw, basin, has_reservoir, static_cast<int>(v));
        d.priority = draw.integer(1, 4);
        basin.management.demands.push_back(d);
    }
}

AgreementSpec random_agreement(Draw& draw, int n, int k) {
    AgreementSpec a;
    a.id = "A" + std::to_string(k);
    a.kind = static_cast<AgreementKind>(k % 4);
    a.node = draw.integer(0, n - 1);
    a.reference_node = draw.integer(0, n - 1);
    a.priority = draw.integer(1, 4);
    for (double& q : a.flow_m3s)
        q = draw.uniform(0, 80);
    a.annual_volume_hm3 = draw.uniform(10, 3000);
    a.drought_reference_m3s = draw.chance(0.5) ? draw.uniform(1, 100) : 0.0;
    a.downstream_share = draw.uniform(0, 1);
    a.bands = {
        {draw.uniform(5, 50), 0.5, 0.0}, {draw.uniform(60, 90), 0.0, 30.0}, {1e300, 1.0, -40.0}};
    a.bands.back().upto_m3s = std::numeric_limits<double>::infinity();
    for (int m = 0; m < 5; ++m)
        a.active_months[m] = true;
    return a;
}

void add_management(Basin& basin, std::uint64_t seed, std::int64_t first_day) {
    Draw draw(seed);
    const int n = static_cast<int>(basin.subbasins.size());
    std::vector<char> has_reservoir(basin.subbasins.size(), 0);
    for (int v = 0; v < n; ++v) {
        if (!draw.chance(0.2)) continue;
        basin.management.reservoirs.push_back(random_reservoir(draw, v, first_day));
        has_reservoir[v] = 1;
    }
    add_demands(draw, basin, has_reservoir);
    for (int v = 0; v < n; ++v) {
        if (!draw.chance(0.1)) continue;
        EnvironmentalFlowSpec f{"E" + std::to_string(v), v, {}, draw.integer(1, 4)};
        for (double& q : f.flow_m3s)
            q = draw.uniform(0, 30);
        basin.management.environmental_flows.push_back(f);
    }
    for (int k = 0; k < 1 + n / 10; ++k) {
        basin.management.agreements.push_back(random_agreement(draw, n, k));
    }
}

} // namespace

TEST_CASE("water balance with management closes to 1e-9 on random managed trees") {
    double reach_loss_hm3 = 0; // random_tree draws loss fractions: losses are in the balance
    for (std::size_t n : {1u, 3u, 12u, 40u, 150u}) {
        for (std::uint64_t seed = 1; seed <= 3; ++seed) {
            RunSettings settings;
            settings.period.first_day = riparia::calendar::day_number({2000, 1, 1});
            settings.period.last_day = settings.period.first_day + 3 * 365 - 1;
            settings.period.warmup_first_day = settings.period.first_day - 90;
            Basin basin = riparia::test::random_tree(n, seed * 31 + n);
            add_management(basin, seed * 97 + n, settings.period.first_day);
            riparia::test::RandomForcing forcing(n, seed);
            const RunSummary run = simulate(basin, forcing, nullptr, settings);
            INFO("n = " << n << ", seed = " << seed << ", reservoirs "
                        << basin.management.reservoirs.size() << ", demands "
                        << basin.management.demands.size());
            CHECK(run.balance.worst_relative_residual() <= 1e-9);
            double consumed = 0;
            for (const auto& b : run.balance.basins) {
                consumed += b.consumed_hm3 + b.evaporated_hm3;
                CHECK(b.reach_loss_hm3 >= 0);
                reach_loss_hm3 += b.reach_loss_hm3;
            }
            if (!basin.management.demands.empty() || !basin.management.reservoirs.empty()) {
                CHECK(consumed > 0); // management took water, and the balance still closes
            }
            CHECK(run.agreement_compliance.size() == basin.management.agreements.size());
        }
    }
    CHECK(reach_loss_hm3 > 0);
}
