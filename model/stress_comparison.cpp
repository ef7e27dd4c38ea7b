#include "model/stress_comparison.hpp"

#include "model/stress_season.hpp"

#include <cmath>
#include <fmt/format.h>
#include <limits>

namespace riparia::model {

std::vector<double> relative_changes(const std::vector<double>& values,
                                     const std::vector<double>& reference) {
    std::vector<double> out;
    for (std::size_t m = 0; m < values.size() && m < reference.size(); ++m)
        out.push_back(reference[m] > 0 ? (values[m] - reference[m]) / reference[m]
                                       : std::numeric_limits<double>::quiet_NaN());
    return out;
}

std::string change_sentence(const std::string& cause, const std::string& quantity,
                            const std::string& reference, const std::vector<double>& changes,
                            double notable) {
    std::vector<double> known;
    int cuts = 0, rises = 0;
    for (double c : changes) {
        if (std::isnan(c)) continue;
        known.push_back(c);
        cuts += c < -notable ? 1 : 0;
        rises += c > notable ? 1 : 0;
    }
    if (cuts == 0 && rises == 0) return "";
    const bool cut = cuts >= rises;
    return fmt::format("{} {} {} by more than {:.0f} % against {} in {} of {} members (median "
                       "{:+.0f} %)",
                       cause, cut ? "cuts" : "raises", quantity, 100 * notable, reference,
                       cut ? cuts : rises, changes.size(), 100 * median_of(known));
}

} // namespace riparia::model
