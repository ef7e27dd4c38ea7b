#include "model/stress_score.hpp"

#include "model/stress_terms.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace riparia::model {

namespace {

struct Group {
    double weight = 0;
    std::vector<Term> terms;
};

double weighted_mean(const std::vector<Term>& terms) {
    double sum = 0, weights = 0;
    for (const Term& t : terms)
        sum += t.weight * t.value, weights += t.weight;
    return weights > 0 ? sum / weights : unknown;
}

// score = 5 (sum_g w_g G_g / sum_g w_g) (1 - damping capacity), over the known groups; the
// reasons are the terms ranked by their points in that sum (docs/stress.md).
ScoredItem combine(std::string label, const std::vector<Group>& groups, double capacity,
                   const std::string& institutions, const BasinFigures& basin,
                   const StressConfig& c) {
    ScoredItem item;
    item.label = std::move(label);
    item.capacity = capacity;
    double group_weights = 0;
    for (const Group& g : groups)
        if (!std::isnan(weighted_mean(g.terms))) group_weights += g.weight;
    const double damp = 1 - c.capacity_damping * capacity;
    std::vector<std::pair<double, const Term*>> points;
    double pressure = 0;
    for (const Group& g : groups) {
        double term_weights = 0;
        for (const Term& t : g.terms)
            term_weights += t.weight;
        if (!(term_weights > 0) || !(group_weights > 0)) continue;
        for (const Term& t : g.terms) {
            const double share = g.weight / group_weights * t.weight / term_weights;
            pressure += share * t.value;
            points.emplace_back(5 * share * t.value * damp, &t);
        }
    }
    item.hazard = weighted_mean(groups[0].terms);
    item.exposure = weighted_mean(groups[1].terms);
    item.change = weighted_mean(groups[2].terms);
    item.score = 5 * pressure * damp;
    item.risk_class = risk_class(item.score, c);
    std::stable_sort(points.begin(), points.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < points.size() && i < 3; ++i)
        if (points[i].first > 0.05) item.reasons.push_back(points[i].second->sentence);
    item.reasons.push_back(institutions);
    for (const std::string& note : basin.notes)
        item.reasons.push_back(note);
    return item;
}

} // namespace

int risk_class(double score, const StressConfig& c) {
    int k = 1;
    for (double b : c.class_breakpoints)
        k += score >= b ? 1 : 0;
    return k;
}

ScoredItem score_unit(const BasinFigures& b, std::size_t unit, const StressConfig& c) {
    const UnitFigures& u = b.units[unit];
    std::vector<Group> groups(3);
    groups[0] = {c.w_hazard, hazard_terms(b, unit, c)};
    groups[1].weight = c.w_exposure;
    if (!std::isnan(u.dependency))
        groups[1].terms.push_back({std::clamp(u.dependency, 0.0, 1.0), 1,
                                   fmt::format("{} receives {:.0f} % of its water from upstream",
                                               u.name, 100 * u.dependency)});
    groups[2] = {c.w_change, change_terms(b, unit, nullptr, c)};
    const double capacity = institutional_capacity(u.institutions, c);
    return combine(u.name, groups, capacity,
                   institution_sentence(u.institutions, u.name + " and its co-riparians", capacity),
                   b, c);
}

ScoredItem score_pair(const BasinFigures& b, std::size_t pair, const StressConfig& c) {
    const PairFigures& p = b.pairs[pair];
    const UnitFigures& up = b.units[p.upstream];
    const UnitFigures& down = b.units[p.downstream];
    std::vector<Group> groups(3);
    groups[0] = {c.w_hazard, hazard_terms(b, p.downstream, c)};
    groups[1].weight = c.w_exposure;
    if (!std::isnan(p.share_from_upstream))
        groups[1].terms.push_back({std::clamp(p.share_from_upstream, 0.0, 1.0), 1,
                                   fmt::format("{} receives {:.0f} % of its water from {}",
                                               down.name, 100 * p.share_from_upstream, up.name)});
    groups[2] = {c.w_change, change_terms(b, p.downstream, &p, c)};
    const double capacity = institutional_capacity(p.institutions, c);
    return combine(up.name + " -> " + down.name, groups, capacity,
                   institution_sentence(p.institutions, up.name + " and " + down.name, capacity), b,
                   c);
}

BasinScore score_basin(const BasinFigures& b, const StressConfig& c) {
    BasinScore r;
    for (std::size_t u = 0; u < b.units.size(); ++u)
        r.units.push_back(score_unit(b, u, c));
    for (std::size_t p = 0; p < b.pairs.size(); ++p)
        r.pairs.push_back(score_pair(b, p, c));
    const ScoredItem* worst = nullptr;
    for (const auto* list : {&r.pairs, &r.units})
        for (const ScoredItem& item : *list)
            if (!worst || item.score > worst->score) worst = &item;
    if (worst) r.basin = *worst;
    return r;
}

} // namespace riparia::model
