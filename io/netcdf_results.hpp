// results.nc: CF-1.8 NetCDF-4, discrete sampling geometry `timeSeries` (one time series per
// node, orthogonal layout var(time, node)), deflate-compressed, written record by record and
// flushed a chunk of records at a time so memory stays bounded whatever the run length.
// An ensemble adds leading dimensions (scenario, policy, member) labelled by name:
// var(scenario, policy, member, time, node); each run of the ensemble is written in turn.
#pragma once

#include "model/calendar.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace riparia::io {

struct ResultVariable {
    std::string name;
    std::string long_name;
    std::string units;
    std::string standard_name; // empty when CF has none that fits the units
};

// Further instances with their own dimension (demands, reservoirs, agreements): variables
// var(time, dimension) beside the per-node ones, labelled by `<dimension>_id`.
struct InstanceSet {
    std::string dimension; // "demand", "reservoir", ...
    std::string long_name; // of the ids
    std::vector<std::string> ids;
    std::vector<ResultVariable> variables;
};

// Where one output record goes: the streams of a single run and of an ensemble's spool files.
class RecordSink {
  public:
    virtual ~RecordSink() = default;
    // One time record, the mean over days [first_day, last_day]: values[v] has one value per
    // instance of variable v.
    virtual void append(std::int64_t first_day, std::int64_t last_day,
                        const double* const* values) = 0;
};

// A leading dimension of an ensemble's results, with a label per index.
struct EnsembleAxis {
    std::string name;      // "scenario", "policy", "member"
    std::string long_name; // of the labels
    std::vector<std::string> labels;
};

struct ResultsHeader {
    std::string title;
    std::string history;
    std::string source; // "riparia 0.1.0"
    std::string period; // "daily" or "monthly"
    std::vector<std::string> node_ids, node_names, countries;
    std::vector<double> lat_deg, lon_deg, area_km2;
    std::vector<std::string> downstream_ids; // empty string at an outlet
    std::size_t records = 0;                 // length of the time axis
    std::vector<InstanceSet> sets;           // empty sets are left out of the file
    std::vector<EnsembleAxis> axes;          // empty: a single run, var(time, node)
};

class NetcdfResults : public RecordSink {
  public:
    NetcdfResults(const std::string& path, const ResultsHeader& header,
                  const std::vector<ResultVariable>& variables);
    ~NetcdfResults();
    NetcdfResults(const NetcdfResults&) = delete;
    NetcdfResults& operator=(const NetcdfResults&) = delete;

    // One time record: the mean over days [first_day, last_day]; values[v] has one value per
    // node for the node variables, then per instance for each non-empty set's variables.
    void append(std::int64_t first_day, std::int64_t last_day,
                const double* const* values) override;
    // Ensembles: the records that follow belong to this position on the axes (one index per
    // axis); ends the previous position, which must have had every record.
    void begin_run(const std::vector<std::size_t>& position);
    void close(); // flushes; throws if fewer records were appended than declared

  private:
    void flush();
    void check(int status, const char* what) const;
    void end_run();
    void define_set(const InstanceSet& set, std::vector<int> dims);
    void define_series(const ResultVariable& v, const std::vector<int>& dims,
                       const std::vector<std::size_t>& chunks, const std::string& coordinates,
                       std::size_t width);

    std::string path_;
    int ncid_ = -1;
    int time_var_ = -1, bounds_var_ = -1;
    std::vector<int> var_ids_;
    std::vector<std::size_t> widths_; // per variable: instances
    std::size_t nodes_ = 0, records_ = 0, written_ = 0, chunk_records_ = 1;
    std::vector<std::vector<double>> buffers_; // per variable: [record in chunk][instance]
    std::vector<double> time_buffer_;          // [record in chunk], and bounds [record][2]
    std::vector<double> bounds_buffer_;
    std::size_t buffered_ = 0;
    std::vector<std::size_t> position_; // on the ensemble axes
    bool time_written_ = false;         // the time axis is written with the first run
    std::size_t runs_ = 0;
};

} // namespace riparia::io
