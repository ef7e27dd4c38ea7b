// The output of one run of an ensemble, spooled to a flat binary file as it is simulated: one
// record per output period, [first_day, last_day (int64), then every value (double)]. Spools
// keep memory flat however many runs there are, let ranks and shards write independently, and
// survive an interruption: a checkpoint remembers the spool's size, and a resumed run cuts the
// spool back to it. results.nc is assembled from the spools when every run is done.
#pragma once

#include "io/netcdf_results.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace riparia::io {

class SpoolWriter : public RecordSink {
  public:
    // widths: values per variable. resume_bytes > 0 keeps that much of an existing spool.
    SpoolWriter(const std::string& path, std::vector<std::size_t> widths,
                std::uint64_t resume_bytes = 0);
    ~SpoolWriter() override;
    SpoolWriter(const SpoolWriter&) = delete;
    SpoolWriter& operator=(const SpoolWriter&) = delete;

    void append(std::int64_t first_day, std::int64_t last_day,
                const double* const* values) override;
    // Hands the records to the operating system (they survive the process being killed) and
    // returns the spool's size: what a checkpoint records. No fsync: after a machine crash a
    // spool may be shorter than its checkpoint says, and the run then starts again.
    std::uint64_t sync();
    void close();

  private:
    std::string path_;
    std::vector<std::size_t> widths_;
    std::FILE* file_ = nullptr;
    std::uint64_t bytes_ = 0;
};

class SpoolReader {
  public:
    SpoolReader(const std::string& path, std::vector<std::size_t> widths);
    ~SpoolReader();
    SpoolReader(const SpoolReader&) = delete;
    SpoolReader& operator=(const SpoolReader&) = delete;

    // Reads the next record into values[v] (widths[v] each); false at the end of the file.
    bool next(std::int64_t& first_day, std::int64_t& last_day,
              std::vector<std::vector<double>>& values);

  private:
    std::string path_;
    std::vector<std::size_t> widths_;
    std::FILE* file_ = nullptr;
};

} // namespace riparia::io
