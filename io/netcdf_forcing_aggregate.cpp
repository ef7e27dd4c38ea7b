// GridVariable's reading side (io/netcdf_forcing_variable.hpp): hyperslabs over the bounding box
// of the weighted cells, a block of records at a time, and the area-weighted means.
#include "io/input_error.hpp"
#include "io/netcdf_forcing_variable.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace riparia::io {

namespace {

constexpr std::size_t kMaxSlabValues = std::size_t{1} << 22; // 32 MiB of doubles per read

} // namespace

void GridVariable::set_weights(const model::AreaWeights& weights,
                               std::vector<std::string> subbasin_ids) {
    ids_ = std::move(subbasin_ids);
    first_ = weights.first;
    weight_ = weights.weight;
    file_row_.clear();
    file_col_.clear();
    std::size_t row_lo = SIZE_MAX, row_hi = 0, col_lo = SIZE_MAX, col_hi = 0;
    for (std::uint32_t cell : weights.cell) {
        const std::size_t row = grid_.file_row(cell / weights.columns);
        const std::size_t col = grid_.file_col(cell % weights.columns);
        file_row_.push_back(row);
        file_col_.push_back(col);
        row_lo = std::min(row_lo, row);
        row_hi = std::max(row_hi, row);
        col_lo = std::min(col_lo, col);
        col_hi = std::max(col_hi, col);
    }
    if (file_row_.empty()) return;
    row0_ = row_lo;
    rows_ = row_hi - row_lo + 1;
    col0_ = col_lo;
    cols_ = col_hi - col_lo + 1;
    // Within one record the slab is laid out in the file's order of the lat and lon dimensions.
    const bool lat_before_lon = files_.front()->lat_pos < files_.front()->lon_pos;
    const std::size_t row_stride = lat_before_lon ? cols_ : 1;
    const std::size_t col_stride = lat_before_lon ? 1 : rows_;
    offset_.clear();
    for (std::size_t e = 0; e < file_row_.size(); ++e)
        offset_.push_back((file_row_[e] - row0_) * row_stride +
                          (file_col_[e] - col0_) * col_stride);
    slab_->records = 0;
}

// Reads records [record, ...] of the file holding `record`, up to last_record or the memory cap.
void GridVariable::load(std::size_t record, std::size_t last_record) {
    const auto next = std::upper_bound(axis_.file_first.begin(), axis_.file_first.end(), record);
    const auto f = static_cast<std::size_t>(next - axis_.file_first.begin()) - 1;
    const FileVar& fv = *files_[f];
    const std::size_t box = rows_ * cols_;
    const std::size_t cap =
        std::max<std::size_t>(1, kMaxSlabValues / std::max<std::size_t>(box, 1));
    const std::size_t end = std::min({last_record + 1, axis_.file_first[f + 1], record + cap});
    std::vector<std::size_t> start(fv.dims, 0), count(fv.dims, 1);
    start[0] = record - axis_.file_first[f];
    count[0] = end - record;
    start[static_cast<std::size_t>(fv.lat_pos)] = row0_;
    count[static_cast<std::size_t>(fv.lat_pos)] = rows_;
    start[static_cast<std::size_t>(fv.lon_pos)] = col0_;
    count[static_cast<std::size_t>(fv.lon_pos)] = cols_;
    slab_->values.resize(count[0] * box);
    fv.file->read_slab(fv.var, start, count, slab_->values.data());
    slab_->first_record = record;
    slab_->records = count[0];
    slab_file_ = f;
}

// Monthly totals spread evenly over the days of the model's month.
double GridVariable::day_divisor(std::int64_t model_day) const {
    const bool monthly_total =
        conversion_.monthly_total || (conversion_.per_time_step && axis_.step == TimeStep::monthly);
    if (!monthly_total) return 1.0;
    const calendar::Date d = calendar::date_of(model_day);
    return calendar::days_in_month(d.year, d.month);
}

void GridVariable::aggregate(std::int64_t first_day, int days, std::size_t stride, double* out) {
    const std::size_t box = rows_ * cols_;
    const auto record_of = [&](std::int64_t day) {
        return static_cast<std::size_t>(key_of_model_day(axis_, day) - axis_.first_key);
    };
    const std::size_t last_record = record_of(first_day + days - 1);
    for (int d = 0; d < days; ++d) {
        const std::int64_t day = first_day + d;
        const std::size_t record = record_of(day);
        if (slab_->records == 0 || record < slab_->first_record ||
            record >= slab_->first_record + slab_->records)
            load(record, std::max(record, last_record));
        const FileVar& fv = *files_[slab_file_];
        const double* values = slab_->values.data() + (record - slab_->first_record) * box;
        const double scale = fv.pack_scale * conversion_.scale / day_divisor(day);
        const double offset =
            (fv.pack_offset * conversion_.scale + conversion_.offset) / day_divisor(day);
        for (std::size_t i = 0; i + 1 < first_.size(); ++i) {
            double sum = 0;
            for (std::size_t e = first_[i]; e < first_[i + 1]; ++e) {
                const double v = values[offset_[e]];
                if (std::isnan(v) || v == fv.fill || (fv.has_missing && v == fv.missing))
                    missing_value(i, e, day, record, v);
                sum += weight_[e] * v;
            }
            out[static_cast<std::size_t>(d) * stride + i] = sum * scale + offset;
        }
    }
}

void GridVariable::missing_value(std::size_t subbasin, std::size_t entry, std::int64_t day,
                                 std::size_t record, double value) const {
    const std::string file = files_[slab_file_]->file->path();
    const std::int64_t key = axis_.first_key + static_cast<std::int64_t>(record);
    throw InputError(fmt::format(
        "{}: variable '{}': sub-basin '{}' on {} (file time {}): found a missing value ({}) in "
        "the cell at lon {} lat {}, which covers {:.1f} % of the sub-basin; expected data in "
        "every cell inside a sub-basin",
        file, name_, ids_[subbasin], calendar::to_iso(calendar::date_of(day)),
        describe_key(axis_, key), value, grid_.lon_deg[file_col_[entry]],
        grid_.lat_deg[file_row_[entry]], 100.0 * weight_[entry]));
}

} // namespace riparia::io
