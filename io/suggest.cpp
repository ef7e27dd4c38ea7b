#include "io/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace riparia::io {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Levenshtein distance, case-insensitive, one row of the dynamic programme.
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                              std::tolower(static_cast<unsigned char>(b[j - 1]));
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    // A word that is the start of exactly one candidate ("monthly" for "monthly_target").
    if (word.size() >= 3) {
        std::string prefixed;
        int matches = 0;
        for (const auto& candidate : candidates) {
            if (candidate.size() > word.size() && candidate.compare(0, word.size(), word) == 0) {
                prefixed = candidate;
                ++matches;
            }
        }
        if (matches == 1) return prefixed;
    }
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& candidate : candidates) {
        const std::size_t d = edit_distance(word, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    const std::string best = closest_match(word, candidates);
    return best.empty() ? std::string{} : " (did you mean '" + best + "'?)";
}

} // namespace riparia::io
