// Transition windows (docs/stress.md, "Transition windows"): the few consecutive years in which
// a policy (against the as-is policy) or a scenario (against the baseline) cuts a yearly volume
// the most. A reservoir's first filling cuts the flow downstream for a few years and vanishes in
// a 30-year mean; rapid change is what the literature ties to conflict (Wolf et al. 2003,
// indicators.md 1.1). The window is the same for every member (the one with the largest median
// cut), so "in N of M members" counts members over one period. No I/O.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace riparia::model {

struct TransitionWindow {
    std::size_t first = 0, length = 0; // year indices [first, first + length); length 0: none
    std::vector<double> changes;       // per member: relative change of the window's total
    double median = 0;                 // of the known changes (negative: a cut)
    int members_over = 0;              // members cut by more than the notable share
    bool known() const { return length > 0; }
};

// The window of `window_years` consecutive years with the most negative median, over members,
// of (sum of `series` - sum of `reference`) / sum of `reference` (NaN for a member whose
// reference sum is not positive). series[m] and reference[m] are member m's yearly volumes over
// the same years; the years are the common length of all of them. Ties go to the earliest
// window; a series shorter than the window is one window, the whole series. Unknown (length 0)
// without years or without a member with a known change.
TransitionWindow largest_cut_window(const std::vector<std::vector<double>>& series,
                                    const std::vector<std::vector<double>>& reference,
                                    std::size_t window_years, double notable);

// "'GERD filled in 3 years' cuts dry-season inflow to EGY by 23 % in 1991-1993 against the
// 'basin' policy (median of 20 members; more than 10 % in 14)"; empty when the median is not a
// cut or no member is cut by more than `notable`. `years` names the window ("1991-1993").
std::string transition_sentence(const std::string& cause, const std::string& quantity,
                                const std::string& years, const std::string& against,
                                const TransitionWindow& window, double notable);

// "1991-1993", or "1991" for a one-year window; `first_year` is the calendar year of index 0.
std::string window_years_text(int first_year, const TransitionWindow& window);

} // namespace riparia::model
