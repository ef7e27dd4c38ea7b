// Small RAII helpers for reading gridded forcing with netCDF-C: an open file that closes itself,
// attributes as strings or numbers, and errors that name the file and the variable.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace riparia::io {

class NcReader {
  public:
    // Throws InputError naming the file (and `role`, e.g. "precipitation") when it cannot open.
    NcReader(const std::string& path, const std::string& role);
    ~NcReader();
    NcReader(const NcReader&) = delete;
    NcReader& operator=(const NcReader&) = delete;

    int id() const { return ncid_; }
    const std::string& path() const { return path_; }

    std::optional<int> find_variable(const std::string& name) const;
    std::optional<std::string> text_attribute(int var, const std::string& name) const;
    std::optional<double> number_attribute(int var, const std::string& name) const;
    std::vector<int> dimensions(int var) const;
    std::size_t dimension_length(int dim) const;
    std::string dimension_name(int dim) const;
    std::string variable_name(int var) const;
    // The whole variable as doubles (coordinate and bounds variables).
    std::vector<double> read_all(int var) const;
    // A hyperslab as doubles; start/count per dimension in file order.
    void read_slab(int var, const std::vector<std::size_t>& start,
                   const std::vector<std::size_t>& count, double* out) const;

    // Throws std::runtime_error naming the file when a netCDF call fails unexpectedly.
    void check(int status, const std::string& what) const;

  private:
    std::string path_;
    int ncid_ = -1;
};

} // namespace riparia::io
