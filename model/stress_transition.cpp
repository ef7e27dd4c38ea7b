#include "model/stress_transition.hpp"

#include "model/stress_season.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <numeric>

namespace riparia::model {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::size_t common_years(const std::vector<std::vector<double>>& series,
                         const std::vector<std::vector<double>>& reference) {
    if (series.empty() || series.size() != reference.size()) return 0;
    std::size_t years = series.front().size();
    for (std::size_t m = 0; m < series.size(); ++m)
        years = std::min({years, series[m].size(), reference[m].size()});
    return years;
}

double window_sum(const std::vector<double>& v, std::size_t first, std::size_t length) {
    const auto begin = v.begin() + static_cast<std::ptrdiff_t>(first);
    return std::accumulate(begin, begin + static_cast<std::ptrdiff_t>(length), 0.0);
}

std::vector<double> window_changes(const std::vector<std::vector<double>>& series,
                                   const std::vector<std::vector<double>>& reference,
                                   std::size_t first, std::size_t length) {
    std::vector<double> changes;
    for (std::size_t m = 0; m < series.size(); ++m) {
        const double base = window_sum(reference[m], first, length);
        changes.push_back(base > 0 ? window_sum(series[m], first, length) / base - 1 : nan);
    }
    return changes;
}

double median_of_known(const std::vector<double>& values) {
    std::vector<double> known;
    std::copy_if(values.begin(), values.end(), std::back_inserter(known),
                 [](double v) { return !std::isnan(v); });
    return median_of(known); // NaN when none is known
}

} // namespace

TransitionWindow largest_cut_window(const std::vector<std::vector<double>>& series,
                                    const std::vector<std::vector<double>>& reference,
                                    std::size_t window_years, double notable) {
    TransitionWindow best;
    const std::size_t years = common_years(series, reference);
    if (years == 0 || window_years == 0) return best;
    const std::size_t length = std::min(window_years, years);
    for (std::size_t first = 0; first + length <= years; ++first) {
        std::vector<double> changes = window_changes(series, reference, first, length);
        const double median = median_of_known(changes);
        if (std::isnan(median) || (best.known() && !(median < best.median))) continue;
        best.first = first;
        best.length = length;
        best.changes = std::move(changes);
        best.median = median;
    }
    best.members_over = static_cast<int>(std::count_if(best.changes.begin(), best.changes.end(),
                                                       [&](double c) { return c < -notable; }));
    return best;
}

std::string window_years_text(int first_year, const TransitionWindow& w) {
    const int from = first_year + static_cast<int>(w.first);
    const int to = from + static_cast<int>(w.length) - 1;
    return to == from ? fmt::format("{}", from) : fmt::format("{}-{}", from, to);
}

std::string transition_sentence(const std::string& cause, const std::string& quantity,
                                const std::string& years, const std::string& against,
                                const TransitionWindow& w, double notable) {
    if (!w.known() || !(w.median < 0) || w.members_over == 0) return "";
    return fmt::format("{} cuts {} by {:.0f} % in {} against {} (median of {} members; more "
                       "than {:.0f} % in {} of {})",
                       cause, quantity, -100 * w.median, years, against, w.changes.size(),
                       100 * notable, w.members_over, w.changes.size());
}

} // namespace riparia::model
