#include "model/stress_ensemble.hpp"
#include "model/stress_score.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace riparia::model;

namespace {

// Ethiopia upstream of Egypt; Egypt gets 97 % of its water from Ethiopia.
BasinFigures two_country_basin() {
    BasinFigures b;
    b.code = "TOY", b.name = "Toy";
    UnitFigures eth, egy;
    eth.code = "ETH", eth.name = "Ethiopia", eth.dependency = 0;
    egy.code = "EGY", egy.name = "Egypt", egy.dependency = 0.97;
    egy.available_m3 = 100e9, egy.withdrawal_m3 = 80e9, egy.population = 100e6;
    eth.available_m3 = 97e9, eth.withdrawal_m3 = 10e9, eth.population = 100e6;
    eth.institutions.known = true;
    egy.institutions.known = true;
    b.units = {eth, egy};
    PairFigures p;
    p.upstream = 0, p.downstream = 1, p.share_from_upstream = 0.97;
    p.institutions.known = true; // both have treaty rows, none binds them together
    b.pairs = {p};
    return b;
}

bool contains(const std::vector<std::string>& reasons, const std::string& text) {
    for (const auto& r : reasons)
        if (r.find(text) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("pair score by hand: hazard, exposure, change, no institutions") {
    const StressConfig c;
    const BasinFigures b = two_country_basin();
    const ScoredItem s = score_pair(b, 0, c);
    // hazard: stress score (ln 8 / ln 2 + 1) / 5 = 0.8, Falkenmark 1,000 m3: band 1 -> 1/3
    // (no CV, no deficit, no dams) -> mean 0.5667; exposure 0.97; change: planned dams 0.
    const double hazard = (0.8 + 1.0 / 3.0) / 2;
    CHECK(s.hazard == doctest::Approx(hazard));
    CHECK(s.exposure == doctest::Approx(0.97));
    CHECK(s.change == doctest::Approx(0.0));
    CHECK(s.capacity == doctest::Approx(0.0));
    CHECK(s.score == doctest::Approx(5 * (hazard + 0.97 + 2 * 0.0) / 4));
    CHECK(contains(s.reasons, "Egypt receives 97 % of its water from Ethiopia"));
    CHECK(contains(s.reasons, "withdrawals in Egypt are 80 % of its available water"));
    CHECK(contains(s.reasons, "no agreement binds Ethiopia and Egypt"));
}

TEST_CASE("institutions lower the score; missing data is said") {
    const StressConfig c;
    BasinFigures b = two_country_basin();
    const double bare = score_pair(b, 0, c).score;
    auto& f = b.pairs[0].institutions;
    f.agreement = f.allocation = f.variability_mgmt = f.conflict_resolution = f.rbo = true;
    f.all_members = true;
    const ScoredItem full = score_pair(b, 0, c);
    CHECK(full.capacity == doctest::Approx(1.0));
    CHECK(full.score == doctest::Approx(bare * (1 - c.capacity_damping)));
    f.compliance = 0.5;
    CHECK(score_pair(b, 0, c).capacity == doctest::Approx(0.5));
    b.pairs[0].institutions = InstitutionFacts{};
    CHECK(contains(score_pair(b, 0, c).reasons,
                   "no institutional data for Ethiopia and Egypt: treated as no agreement"));
}

TEST_CASE("rapid change weighs more than the same static level") {
    const StressConfig c;
    BasinFigures b = two_country_basin();
    const double before = score_pair(b, 0, c).score;
    b.units[1].baseline_available_m3 = 100e9 / 0.85; // a 15 % loss: change term 0.5
    const double with_loss = score_pair(b, 0, c).score;
    CHECK(with_loss > before);
    CHECK(contains(score_pair(b, 0, c).reasons, "available water in Egypt changes by -15 %"));
    b.pairs[0].pristine_inflow_m3 = 100e9, b.pairs[0].inflow_m3 = 70e9;
    CHECK(contains(score_pair(b, 0, c).reasons, "inflow to Egypt is 30 % below its pristine"));
}

TEST_CASE("basin score is the worst of its units and pairs") {
    const StressConfig c;
    const BasinScore s = score_basin(two_country_basin(), c);
    double worst = 0;
    for (const auto& u : s.units)
        worst = std::max(worst, u.score);
    for (const auto& p : s.pairs)
        worst = std::max(worst, p.score);
    CHECK(s.basin.score == doctest::Approx(worst));
    CHECK(s.basin.label == "Ethiopia -> Egypt");
}

TEST_CASE("member draws are deterministic and follow their scenario") {
    StressScenario s{"dry", -0.1, 0.05, 0.2, 0.1};
    const auto a = draw_member(s, 7, 1, 2, 3), b = draw_member(s, 7, 1, 2, 3);
    CHECK(a.runoff_factor == b.runoff_factor);
    CHECK(a.cv_change == b.cv_change);
    double mean = 0;
    for (std::size_t m = 0; m < 2000; ++m)
        mean += draw_member(s, 7, 1, 2, m).runoff_factor;
    CHECK(mean / 2000 == doctest::Approx(0.9).epsilon(0.01));
    CHECK(central_member(StressScenario{}).runoff_factor == 1.0);
}
