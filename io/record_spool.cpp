#include "io/record_spool.hpp"

#include <fmt/format.h>
#include <stdexcept>
#include <unistd.h>

namespace riparia::io {

namespace {

[[noreturn]] void io_error(const std::string& path, const char* what) {
    throw std::runtime_error(fmt::format("{}: {} failed", path, what));
}

} // namespace

SpoolWriter::SpoolWriter(const std::string& path, std::vector<std::size_t> widths,
                         std::uint64_t resume_bytes)
    : path_(path), widths_(std::move(widths)), bytes_(resume_bytes) {
    if (resume_bytes > 0) {
        if (::truncate(path.c_str(), static_cast<off_t>(resume_bytes)) != 0) {
            io_error(path, "cutting the spool back to the checkpoint");
        }
        file_ = std::fopen(path.c_str(), "ab");
    } else {
        file_ = std::fopen(path.c_str(), "wb");
    }
    if (!file_) io_error(path, "opening the spool");
}

SpoolWriter::~SpoolWriter() {
    if (file_) std::fclose(file_);
}

void SpoolWriter::append(std::int64_t first_day, std::int64_t last_day,
                         const double* const* values) {
    const std::int64_t days[2] = {first_day, last_day};
    bool ok = std::fwrite(days, sizeof days, 1, file_) == 1;
    bytes_ += sizeof days;
    for (std::size_t v = 0; v < widths_.size(); ++v) {
        ok = ok && std::fwrite(values[v], sizeof(double), widths_[v], file_) == widths_[v];
        bytes_ += widths_[v] * sizeof(double);
    }
    if (!ok) io_error(path_, "writing the spool");
}

std::uint64_t SpoolWriter::sync() {
    if (std::fflush(file_) != 0) io_error(path_, "flushing");
    return bytes_;
}

void SpoolWriter::close() {
    if (!file_) return;
    const int status = std::fclose(file_);
    file_ = nullptr;
    if (status != 0) io_error(path_, "closing the spool");
}

SpoolReader::SpoolReader(const std::string& path, std::vector<std::size_t> widths)
    : path_(path), widths_(std::move(widths)) {
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) io_error(path, "opening the spool");
}

SpoolReader::~SpoolReader() {
    if (file_) std::fclose(file_);
}

bool SpoolReader::next(std::int64_t& first_day, std::int64_t& last_day,
                       std::vector<std::vector<double>>& values) {
    std::int64_t days[2];
    if (std::fread(days, sizeof days, 1, file_) != 1) {
        if (std::feof(file_)) return false;
        io_error(path_, "reading the spool");
    }
    first_day = days[0];
    last_day = days[1];
    values.resize(widths_.size());
    for (std::size_t v = 0; v < widths_.size(); ++v) {
        values[v].resize(widths_[v]);
        if (std::fread(values[v].data(), sizeof(double), widths_[v], file_) != widths_[v]) {
            io_error(path_, "reading the spool (truncated record)");
        }
    }
    return true;
}

} // namespace riparia::io
