// "Did you mean" hints for misspelt keys and ids.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace riparia::io {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a small edit distance, or empty.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or empty.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

} // namespace riparia::io
