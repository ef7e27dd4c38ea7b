#include "app/calibration_forcing.hpp"

#include <algorithm>

namespace riparia::app {

namespace {

void copy_out(const std::vector<double>& from, double* to) {
    if (to) std::copy(from.begin(), from.end(), to);
}
std::vector<double> copy_in(const double* from, std::size_t n) {
    return from ? std::vector<double>(from, from + n) : std::vector<double>();
}

} // namespace

void ReplayedForcing::fill(const model::ForcingBlock& block) {
    const auto key = std::make_tuple(block.first_day, block.days, block.stride);
    const std::size_t n = static_cast<std::size_t>(block.days) * block.stride;
    auto at = blocks_.find(key);
    if (at == blocks_.end()) {
        source_->fill(block);
        Stored s{copy_in(block.precip_mm, n), copy_in(block.pet_mm, n),
                 copy_in(block.temperature_c, n)};
        blocks_.emplace(key, std::move(s));
        return;
    }
    copy_out(at->second.precip_mm, block.precip_mm);
    copy_out(at->second.pet_mm, block.pet_mm);
    copy_out(at->second.temperature_c, block.temperature_c);
}

} // namespace riparia::app
