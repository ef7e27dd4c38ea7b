// Helpers shared by the tests: run the real `riparia` executable, make scratch folders and files.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace riparia::test {

struct CommandResult {
    int exit_code = -1;
    std::string out; // stdout
    std::string err; // stderr
};

// Runs the built riparia executable with the given arguments (no shell quoting needed).
CommandResult run_riparia(const std::vector<std::string>& args);
// The same under a launcher (e.g. {"mpirun", "-np", "2"}), and under mpirun with N ranks.
CommandResult run_riparia_under(const std::vector<std::string>& launcher,
                                const std::vector<std::string>& args);
CommandResult run_riparia_mpi(int ranks, const std::vector<std::string>& args);

// A fresh, empty folder under the system temp dir, removed when the object goes.
class ScratchDir {
  public:
    explicit ScratchDir(const std::string& label);
    ~ScratchDir();
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

  private:
    std::filesystem::path path_;
};

void write_file(const std::string& path, const std::string& content);
std::string read_file(const std::string& path);

// The repository root and the shared data folder beside it.
std::string source_dir();
// basins/demo/basin.toml with one monthly climatology for every sub-basin instead of its forcing
// files, so the weather generator drives it and members differ by their seed.
std::string demo_basin_with_climatology();
std::string shared_data(const std::string& relative);

// Reads a double variable var(time, node) from a NetCDF file, row-major.
std::vector<double> read_netcdf_variable(const std::string& path, const std::string& name,
                                         std::size_t* times = nullptr,
                                         std::size_t* nodes = nullptr);
std::string read_netcdf_text_attribute(const std::string& path, const std::string& variable,
                                       const std::string& attribute);

} // namespace riparia::test
