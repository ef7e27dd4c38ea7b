// Checkpoint and resume: a run interrupted at a year end and resumed from its state archive gives
// bit for bit the daily results and summary of the uninterrupted run (unmanaged and managed
// random basins, checkpoints in the warm-up and in the reported period); the HDF5 checkpoint
// file round-trips exactly and is replaced atomically; wrong files and basins are refused.
#include "io/checkpoint_file.hpp"
#include "io/input_error.hpp"
#include "model/calendar.hpp"
#include "model/simulation.hpp"
#include "tests/random_basin.hpp"
#include "tests/support.hpp"

#include <bit>
#include <cmath>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <random>

using namespace riparia::model;
namespace calendar = riparia::calendar;
namespace fs = std::filesystem;

namespace {

// ---- a managed random basin: every rule, filling, returns, every agreement kind ----

struct Draw {
    explicit Draw(std::uint64_t seed) : rng(seed) {}
    double uniform(double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(rng);
    }
    bool chance(double p) { return uniform(0, 1) < p; }
    int integer(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); }
    std::mt19937_64 rng;
};

// Reservoir k: Hanasaki on odd k, irrigation on every fourth; on every third a filling that
// spans the year ends where the tests interrupt (on every sixth, one that ends on its first day,
// so a resume that forgot it would restart it when the storage drops).
ReservoirSpec reservoir(Draw& draw, int node, int k, std::int64_t first_day) {
    ReservoirSpec r;
    r.id = "R" + std::to_string(node);
    r.node = node;
    r.capacity_hm3 = draw.uniform(50, 5000);
    r.dead_storage_hm3 = draw.uniform(0, 0.3) * r.capacity_hm3;
    r.initial_storage_hm3 = draw.uniform(0, 1) * r.capacity_hm3;
    r.max_release_m3s = draw.chance(0.2) ? 1e6 : draw.uniform(1, 500);
    r.area.storage_hm3 = {0.0, r.capacity_hm3};
    r.area.area_km2 = {0.0, draw.uniform(1, 200)};
    r.rule = k % 2 ? RuleKind::hanasaki : RuleKind::monthly_target;
    r.irrigation = k % 4 == 1;
    for (double& q : r.target_release_m3s)
        q = draw.uniform(0, 100);
    if (k % 6 == 0) { // full when filling starts: filling ends at once, for good
        r.initial_storage_hm3 = r.capacity_hm3;
        r.filling = {true, first_day, 8.0, 0.0};
    } else if (k % 3 == 0) {
        r.filling = {true, first_day + draw.integer(0, 300), 3.0, draw.uniform(0, 20)};
    }
    r.rule_priority = draw.integer(1, 6);
    return r;
}

int return_node(Draw& draw, const Basin& basin, const std::vector<char>& has_reservoir, int node) {
    if (draw.chance(0.3)) return -1;
    int target = node;
    while (draw.chance(0.5) && !has_reservoir[target] && basin.network.downstream(target) >= 0)
        target = basin.network.downstream(target);
    return target;
}

DemandSpec demand(Draw& draw, const Basin& basin, const std::vector<char>& has_reservoir, int v) {
    DemandSpec d;
    d.id = "D" + std::to_string(v);
    d.country = "AAA";
    d.node = v;
    d.annual_volume_hm3 = draw.uniform(10, 2000);
    for (int m = 0; m < 12; ++m)
        d.monthly_share[m] = 1.0 / 12;
    d.consumptive_fraction = draw.uniform(0, 1);
    d.return_node = return_node(draw, basin, has_reservoir, v);
    d.priority = draw.integer(1, 4);
    return d;
}

AgreementSpec agreement(Draw& draw, int n, int k) {
    AgreementSpec a;
    a.id = "A" + std::to_string(k);
    a.kind = static_cast<AgreementKind>(k % 4);
    a.node = draw.integer(0, n - 1);
    a.reference_node = draw.integer(0, n - 1);
    a.priority = draw.integer(1, 4);
    for (double& q : a.flow_m3s)
        q = draw.uniform(0, 80);
    a.annual_volume_hm3 = draw.uniform(10, 3000);
    a.drought_reference_m3s = k % 8 == 1 ? draw.uniform(50, 500) : 0.0; // drought window in use
    a.downstream_share = draw.uniform(0, 1);
    a.bands = {{draw.uniform(5, 50), 0.5, 0.0},
               {draw.uniform(60, 90), 0.0, 30.0},
               {std::numeric_limits<double>::infinity(), 1.0, -40.0}};
    for (int m = 0; m < 5; ++m)
        a.active_months[m] = true;
    return a;
}

Basin managed_basin(std::size_t n, std::uint64_t seed, std::int64_t first_day) {
    Basin basin = riparia::test::random_tree(n, seed);
    Draw draw(seed * 7 + 1);
    const int nodes = static_cast<int>(n);
    std::vector<char> has_reservoir(n, 0);
    for (int v = 0, k = 0; v < nodes; ++v) {
        if (!draw.chance(0.25)) continue;
        basin.management.reservoirs.push_back(reservoir(draw, v, k++, first_day));
        has_reservoir[v] = 1;
    }
    for (int v = 0; v < nodes; ++v)
        if (draw.chance(0.4))
            basin.management.demands.push_back(demand(draw, basin, has_reservoir, v));
    for (int v = 0; v < nodes; v += 7) {
        EnvironmentalFlowSpec f{"E" + std::to_string(v), v, {}, draw.integer(1, 4)};
        for (double& q : f.flow_m3s)
            q = draw.uniform(0, 30);
        basin.management.environmental_flows.push_back(f);
    }
    for (int k = 0; k < 8; ++k)
        basin.management.agreements.push_back(agreement(draw, nodes, k));
    return basin;
}

// ---- recording the daily results ----

bool same_bits(double a, double b) {
    return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t k = 0; k < a.size(); ++k)
        if (!same_bits(a[k], b[k])) return false;
    return true;
}

void append(std::vector<double>& row, const std::vector<double>& values) {
    row.insert(row.end(), values.begin(), values.end());
}

void append_management(std::vector<double>& row, const ManagementDay& f) {
    for (const auto* v :
         {&f.request_m3s, &f.delivered_m3s, &f.deficit_m3s, &f.storage_hm3, &f.release_m3s,
          &f.spill_m3s, &f.evaporation_hm3, &f.target_m3s, &f.departure_m3s, &f.required_m3s,
          &f.met_m3s, &f.flow_required_m3s, &f.flow_met_m3s}) {
        append(row, *v);
    }
}

// Every daily value, per day, and the blocks as they came.
class Recorder : public ResultSink {
  public:
    void consume(const DayBlockResults& b) override {
        blocks.push_back({b.first_day, b.days});
        for (int d = 0; d < b.days; ++d) {
            std::vector<double> row;
            const std::size_t at = static_cast<std::size_t>(d) * b.stride;
            for (const double* a : {b.precip_mm, b.pet_mm, b.aet_mm, b.runoff_mm, b.discharge_m3s,
                                    b.production_mm, b.routing_mm, b.swe_mm}) {
                row.insert(row.end(), a + at, a + at + b.count);
            }
            if (b.management) append_management(row, (*b.management)[d]);
            days[b.first_day + d] = std::move(row);
        }
    }
    std::vector<std::pair<std::int64_t, int>> blocks;
    std::map<std::int64_t, std::vector<double>> days;
};

// Every number of a summary, in a fixed order (timings left out).
std::vector<double> summary_numbers(const RunSummary& s) {
    std::vector<double> v;
    for (const auto& b : s.balance.subbasins)
        append(v, {b.precip_mm, b.aet_mm, b.exchange_mm, b.runoff_mm, b.storage_start_mm,
                   b.storage_end_mm});
    for (const auto& b : s.balance.basins)
        append(v, {b.precip_hm3, b.aet_hm3, b.exchange_hm3, b.outflow_hm3, b.consumed_hm3,
                   b.evaporated_hm3, b.storage_start_hm3, b.storage_end_hm3});
    for (const auto* kind : {&s.agreement_compliance, &s.flow_compliance}) {
        for (const auto& item : *kind) {
            v.push_back(static_cast<double>(item.size()));
            for (const auto& y : item)
                append(v, {double(y.year), y.required_hm3, y.delivered_hm3, double(y.days_short)});
        }
    }
    const ManagementTotals& t = s.management_totals;
    append(v, {t.withdrawn, t.consumed, t.returned, t.evaporated, t.reservoir_storage_start,
               t.reservoir_storage_end});
    return v;
}

RunPeriod period_of(int first_year, int years, std::int64_t warmup_days) {
    RunPeriod p;
    p.first_day = calendar::day_number({first_year, 1, 1});
    p.last_day = calendar::day_number({first_year + years, 1, 1}) - 1;
    p.warmup_first_day = p.first_day - warmup_days;
    return p;
}

// Runs with checkpoints every `every` years and keeps the archives by next day.
std::map<std::int64_t, StateArchive> checkpoints(const Basin& basin, RunSettings settings,
                                                 std::uint64_t seed, int every) {
    std::map<std::int64_t, StateArchive> kept;
    settings.checkpoint_every_years = every;
    settings.on_checkpoint = [&](StateArchive& archive, std::int64_t next_day) {
        CHECK(archive.get_integer("simulation/next_day") == next_day);
        kept[next_day] = archive;
    };
    riparia::test::RandomForcing forcing(basin.subbasins.size(), seed);
    Recorder ignored;
    simulate(basin, forcing, &ignored, settings);
    return kept;
}

// Resumes from `archive` and checks every day from its next day and the summary against the
// uninterrupted run.
void check_resume(const Basin& basin, RunSettings settings, std::uint64_t seed,
                  const StateArchive& archive, const Recorder& full, const RunSummary& full_run) {
    const std::int64_t next_day = archive.get_integer("simulation/next_day");
    INFO("resumed at " << calendar::to_iso(calendar::date_of(next_day)));
    settings.resume_from = &archive;
    std::int64_t last_done = 0, last_total = -1;
    settings.on_progress = [&](std::int64_t done, std::int64_t total) {
        last_done = done;
        last_total = total;
    };
    riparia::test::RandomForcing forcing(basin.subbasins.size(), seed);
    Recorder resumed;
    const RunSummary run = simulate(basin, forcing, &resumed, settings);
    CHECK(last_total == settings.period.last_day - next_day + 1);
    CHECK(last_done == last_total);
    const std::int64_t first_reported = std::max(next_day, settings.period.first_day);
    REQUIRE(!resumed.days.empty());
    CHECK(resumed.days.begin()->first == first_reported);
    CHECK(resumed.days.size() ==
          static_cast<std::size_t>(settings.period.last_day - first_reported + 1));
    std::size_t differing = 0;
    for (const auto& [day, row] : resumed.days)
        differing += same_bits(row, full.days.at(day)) ? 0 : 1;
    CHECK(differing == 0);
    CHECK(same_bits(summary_numbers(run), summary_numbers(full_run)));
}

// A block ends at the earliest of 31 December, its full length and the end of its phase.
void check_blocks_end_at_year_ends(const Recorder& r, const RunPeriod& p, int block_days) {
    const int longest = std::min(block_days, kMaxBlockDays);
    for (const auto& [first, days] : r.blocks) {
        const std::int64_t last = first + days - 1;
        const calendar::Date end = calendar::date_of(last);
        const bool year_end = end.month == 12 && end.day == 31;
        CHECK(calendar::date_of(first).year == end.year);
        CHECK(days <= longest);
        CHECK((year_end || days == longest || last == p.last_day || last == p.first_day - 1));
    }
}

// The whole test for one basin: uninterrupted run A, run B with checkpoints, resumes.
void check_checkpoint_resume(const Basin& basin, const RunSettings& settings, std::uint64_t seed,
                             int every, const std::vector<std::int64_t>& resume_days) {
    riparia::test::RandomForcing forcing(basin.subbasins.size(), seed);
    Recorder full;
    const RunSummary full_run = simulate(basin, forcing, &full, settings);
    check_blocks_end_at_year_ends(full, settings.period, settings.block_days);
    const auto kept = checkpoints(basin, settings, seed, every);
    for (const std::int64_t day : resume_days) {
        REQUIRE(kept.count(day) == 1);
        check_resume(basin, settings, seed, kept.at(day), full, full_run);
    }
}

} // namespace

TEST_CASE("checkpoint: an unmanaged run resumed at a year end is bit-identical") {
    RunSettings settings;
    settings.period = period_of(2000, 6, 0);
    const Basin basin = riparia::test::random_tree(30, 11);
    check_checkpoint_resume(
        basin, settings, 5, 2,
        {calendar::day_number({2002, 1, 1}), calendar::day_number({2004, 1, 1})});
}

TEST_CASE("checkpoint: a managed run resumed at a year end is bit-identical") {
    RunSettings settings;
    settings.period = period_of(2000, 6, 0);
    for (std::uint64_t seed : {3u, 8u}) {
        const Basin basin = managed_basin(40, seed, settings.period.first_day);
        INFO("seed " << seed << ", reservoirs " << basin.management.reservoirs.size()
                     << ", demands " << basin.management.demands.size());
        REQUIRE(basin.management.reservoirs.size() >= 4);
        check_checkpoint_resume(
            basin, settings, seed, 2,
            {calendar::day_number({2002, 1, 1}), calendar::day_number({2004, 1, 1})});
    }
}

TEST_CASE("checkpoint: resuming inside the warm-up and at its end is bit-identical") {
    // Warm-up from 1997-03-15: year ends 1997 (1st), 1998 (2nd, inside the warm-up), 1999 (3rd,
    // the warm-up's last day), 2000 (4th), ...; short blocks on top.
    RunSettings settings;
    settings.period = period_of(
        2000, 4, calendar::day_number({2000, 1, 1}) - calendar::day_number({1997, 3, 15}));
    settings.block_days = 100;
    const Basin basin = managed_basin(25, 21, settings.period.first_day);
    check_checkpoint_resume(basin, settings, 21, 1,
                            {calendar::day_number({1999, 1, 1}), calendar::day_number({2000, 1, 1}),
                             calendar::day_number({2001, 1, 1})});
}

TEST_CASE("checkpoint: every N-th year end, the same years on a resumed run") {
    RunSettings settings;
    settings.period = period_of(2000, 7, 0);
    const Basin basin = riparia::test::random_tree(5, 2);
    const auto kept = checkpoints(basin, settings, 2, 3);
    std::vector<std::int64_t> days;
    for (const auto& [day, archive] : kept)
        days.push_back(day);
    const std::vector<std::int64_t> expected = {calendar::day_number({2003, 1, 1}),
                                                calendar::day_number({2006, 1, 1})};
    CHECK(days == expected);
    std::vector<std::int64_t> resumed_days;
    settings.resume_from = &kept.begin()->second;
    settings.checkpoint_every_years = 3;
    settings.on_checkpoint = [&](StateArchive&, std::int64_t next_day) {
        resumed_days.push_back(next_day);
    };
    riparia::test::RandomForcing forcing(5, 2);
    simulate(basin, forcing, nullptr, settings);
    CHECK(resumed_days == std::vector<std::int64_t>{expected[1]});
}

TEST_CASE("checkpoint: results do not depend on the block length") {
    RunSettings settings;
    settings.period = period_of(2000, 3, 200);
    const Basin basin = managed_basin(20, 4, settings.period.first_day);
    std::optional<std::vector<double>> reference;
    std::optional<std::map<std::int64_t, std::vector<double>>> reference_days;
    for (int block_days : {1, 37, 365, 366, 10000}) {
        INFO("block_days " << block_days);
        settings.block_days = block_days;
        riparia::test::RandomForcing forcing(20, 4);
        Recorder r;
        const std::vector<double> numbers = summary_numbers(simulate(basin, forcing, &r, settings));
        check_blocks_end_at_year_ends(r, settings.period, block_days);
        if (!reference) {
            reference = numbers;
            reference_days = r.days;
            continue;
        }
        CHECK(same_bits(numbers, *reference));
        std::size_t differing = 0;
        for (const auto& [day, row] : r.days)
            differing += same_bits(row, reference_days->at(day)) ? 0 : 1;
        CHECK(differing == 0);
    }
}

TEST_CASE("checkpoint: a state from another basin or period is refused") {
    RunSettings settings;
    settings.period = period_of(2000, 3, 0);
    const Basin basin = managed_basin(30, 6, settings.period.first_day);
    const auto kept = checkpoints(basin, settings, 6, 1);
    const StateArchive& archive = kept.begin()->second;
    auto resume_error = [&](const Basin& other, const RunSettings& s) -> std::string {
        RunSettings resumed = s;
        resumed.resume_from = &archive;
        riparia::test::RandomForcing forcing(other.subbasins.size(), 6);
        try {
            simulate(other, forcing, nullptr, resumed);
        } catch (const std::invalid_argument& e) {
            return e.what();
        }
        return "accepted";
    };
    // Same size, padded lanes alike, other tree; another size; no management; another period.
    const std::string other_tree =
        resume_error(managed_basin(30, 7, settings.period.first_day), settings);
    CHECK(other_tree.find("another basin") != std::string::npos);
    CHECK(resume_error(managed_basin(31, 6, settings.period.first_day), settings)
              .find("checkpoint") != std::string::npos);
    CHECK(resume_error(riparia::test::random_tree(30, 6), settings).find("another basin") !=
          std::string::npos);
    RunSettings later = settings;
    later.period = period_of(2001, 2, 0);
    CHECK(resume_error(basin, later).find("another period") != std::string::npos);
    // A damaged archive: a missing entry, a wrong size.
    StateArchive missing = archive;
    missing.reals.erase("gr4j/production_mm");
    CHECK_THROWS_WITH_AS(archive.get_real("nothing"), doctest::Contains("no entry 'nothing'"),
                         std::invalid_argument);
    StateArchive resized = archive;
    resized.reals["channel/reservoir_m3s_day"].push_back(0.0);
    for (const StateArchive* bad : {&missing, &resized}) {
        RunSettings resumed = settings;
        resumed.resume_from = bad;
        riparia::test::RandomForcing forcing(30, 6);
        CHECK_THROWS_AS(simulate(basin, forcing, nullptr, resumed), std::invalid_argument);
    }
}

TEST_CASE("checkpoint file: HDF5 round trip is exact and replaces the file atomically") {
    RunSettings settings;
    settings.period = period_of(2000, 4, 0);
    const Basin basin = managed_basin(30, 9, settings.period.first_day);
    const auto kept = checkpoints(basin, settings, 9, 2);
    StateArchive archive = kept.begin()->second;
    archive.put_integers("app/output_position", std::vector<std::int64_t>{731, -1});
    archive.put_reals("app/empty", std::vector<double>{});
    archive.put_reals("app/special", std::vector<double>{-0.0, 1e-310, 1e308, 0.1});
    riparia::test::ScratchDir dir("checkpoint");
    const std::string path = dir / "checkpoint.h5";
    riparia::io::CheckpointInfo info{"", "Random study", "sha256:abc", kept.begin()->first};
    riparia::io::write_checkpoint(path, kept.rbegin()->second, info); // an older one to replace
    riparia::io::write_checkpoint(path, archive, info);
    CHECK(!fs::exists(path + ".tmp"));
    CHECK(fs::directory_iterator(dir.path()) != fs::directory_iterator());
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
    riparia::io::CheckpointInfo read_info;
    const StateArchive back = riparia::io::read_checkpoint(path, read_info);
    CHECK(read_info.riparia_version == RIPARIA_VERSION);
    CHECK(read_info.study_name == "Random study");
    CHECK(read_info.fingerprint == "sha256:abc");
    CHECK(read_info.next_day == info.next_day);
    CHECK(back.integers == archive.integers);
    REQUIRE(back.reals.size() == archive.reals.size());
    for (const auto& [name, values] : archive.reals) {
        INFO(name);
        REQUIRE(back.reals.count(name) == 1);
        CHECK(same_bits(back.reals.at(name), values));
    }
    // The read archive resumes like the one in memory.
    riparia::test::RandomForcing forcing(30, 9);
    Recorder full;
    const RunSummary full_run = simulate(basin, forcing, &full, settings);
    check_resume(basin, settings, 9, back, full, full_run);
}

TEST_CASE("checkpoint file: missing, truncated and foreign files are input errors") {
    riparia::test::ScratchDir dir("checkpoint-bad");
    riparia::io::CheckpointInfo info;
    using riparia::io::InputError;
    using riparia::io::read_checkpoint;
    CHECK_THROWS_WITH_AS(read_checkpoint(dir / "none.h5", info), doctest::Contains("none.h5"),
                         InputError);
    riparia::test::write_file(dir / "garbage.h5", "this is not HDF5\n");
    CHECK_THROWS_WITH_AS(read_checkpoint(dir / "garbage.h5", info),
                         doctest::Contains("not a readable HDF5 file"), InputError);
    StateArchive archive;
    std::vector<double> big(200000, 1.5);
    archive.put_reals("a/b", big);
    archive.put_integer("simulation/next_day", 42);
    const std::string whole = dir / "whole.h5";
    riparia::io::write_checkpoint(whole, archive, {"", "s", "f", 42});
    CHECK(read_checkpoint(whole, info).reals.at("a/b") == big);
    for (const std::uintmax_t keep :
         {std::uintmax_t{100}, fs::file_size(whole) / 2, fs::file_size(whole) - 8}) {
        INFO("truncated to " << keep << " bytes");
        const std::string cut = dir / "cut.h5";
        fs::copy_file(whole, cut, fs::copy_options::overwrite_existing);
        fs::resize_file(cut, keep);
        CHECK_THROWS_AS(read_checkpoint(cut, info), InputError);
    }
    CHECK_THROWS_AS(riparia::io::write_checkpoint(dir / "no/such/dir/c.h5", archive, info),
                    std::runtime_error);
}

TEST_CASE("checkpoint: the water manager resumes mid-month bit-identically") {
    // Mid-month the Hanasaki release of the month and the started flags carry over too (a run
    // checkpoints at year ends only, where they are recomputed; this checks the state itself).
    const std::int64_t first_day = calendar::day_number({2000, 1, 1});
    const Basin basin = managed_basin(24, 5, first_day);
    const std::size_t n = basin.subbasins.size();
    std::vector<HanasakiClimatology> climatology(basin.management.reservoirs.size());
    for (auto& c : climatology) {
        c.inflow_m3s.fill(40.0);
        c.inflow_m3s[3] = 90.0;
        c.demand_m3s.fill(25.0);
    }
    const std::vector<double> gains(n, 0.5);
    WaterManager a(basin, gains, climatology);
    auto inputs = [&](std::int64_t day, std::vector<double>& inflow, std::vector<double>& pet) {
        for (std::size_t v = 0; v < n; ++v) {
            inflow[v] = 20.0 + 15.0 * std::sin(0.05 * static_cast<double>(day) + double(v));
            pet[v] = 3.0 + std::cos(0.01 * static_cast<double>(day));
        }
    };
    std::vector<double> inflow(n), pet(n), out_a, out_b;
    ManagementDay fa, fb;
    const std::int64_t resume_day = first_day + 200; // 19 July
    for (std::int64_t day = first_day; day < resume_day; ++day) {
        inputs(day, inflow, pet);
        a.step(day, inflow.data(), pet.data(), true, out_a, fa);
    }
    StateArchive archive;
    a.save(archive, "management/");
    WaterManager b(basin, gains, climatology);
    b.load(archive, "management/");
    std::size_t differing = 0;
    for (std::int64_t day = resume_day; day < resume_day + 500; ++day) {
        inputs(day, inflow, pet);
        a.step(day, inflow.data(), pet.data(), true, out_a, fa);
        b.step(day, inflow.data(), pet.data(), true, out_b, fb);
        std::vector<double> row_a = out_a, row_b = out_b;
        append_management(row_a, fa);
        append_management(row_b, fb);
        differing += same_bits(row_a, row_b) ? 0 : 1;
    }
    CHECK(differing == 0);
    StateArchive end_a, end_b;
    a.save(end_a, "m/");
    b.save(end_b, "m/");
    CHECK(end_a.integers == end_b.integers);
    CHECK(end_a.reals.size() == end_b.reals.size());
    for (const auto& [name, values] : end_a.reals)
        CHECK(same_bits(values, end_b.reals.at(name)));
}
