#include "tests/support.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <fstream>
#include <netcdf.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace riparia::test {

namespace fs = std::filesystem;

namespace {
std::string shell_quote(const std::string& s) {
    std::string q(1, '\'');
    for (char c : s) {
        if (c == '\'')
            q.append("'\\''");
        else
            q.push_back(c);
    }
    q.push_back('\'');
    return q;
}
} // namespace

CommandResult run_riparia(const std::vector<std::string>& args) {
    return run_riparia_under({}, args);
}

CommandResult run_riparia_mpi(int ranks, const std::vector<std::string>& args) {
    // Root in CI containers; more ranks than cores on a 2-core machine.
    return run_riparia_under(
        {"mpirun", "--allow-run-as-root", "--oversubscribe", "-np", std::to_string(ranks)}, args);
}

CommandResult run_riparia_under(const std::vector<std::string>& launcher,
                                const std::vector<std::string>& args) {
    static std::atomic<int> counter{0};
    const fs::path tmp = fs::temp_directory_path() / ("riparia-cmd-" + std::to_string(getpid()) +
                                                      "-" + std::to_string(counter++));
    std::string command;
    for (const auto& word : launcher)
        command += shell_quote(word) + " ";
    command += shell_quote(RIPARIA_EXE);
    for (const auto& a : args)
        command += " " + shell_quote(a);
    command += " >" + shell_quote(tmp.string() + ".out") + " 2>" +
               shell_quote(tmp.string() + ".err") + " </dev/null";
    const int status = std::system(command.c_str());
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = read_file(tmp.string() + ".out");
    result.err = read_file(tmp.string() + ".err");
    fs::remove(tmp.string() + ".out");
    fs::remove(tmp.string() + ".err");
    return result;
}

ScratchDir::ScratchDir(const std::string& label) {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() / ("riparia-test-" + label + "-" + std::to_string(getpid()) +
                                         "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

void write_file(const std::string& path, const std::string& content) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string source_dir() {
    return RIPARIA_SOURCE_DIR;
}

std::string demo_basin_with_climatology() {
    const std::string climate =
        "climate = { precip_mm = [70,60,65,60,70,65,60,55,65,75,80,80], "
        "wet_day_fraction = [0.55,0.5,0.5,0.45,0.45,0.4,0.35,0.35,0.4,0.45,0.55,0.55], "
        "temperature_c = [3,4,7,10,14,17,19,19,16,12,7,4] }";
    std::string text, line;
    std::istringstream in(read_file(source_dir() + "/basins/demo/basin.toml"));
    while (std::getline(in, line))
        text += (line.rfind("forcing =", 0) == 0 ? climate : line) + "\n";
    return text;
}

std::string shared_data(const std::string& relative) {
    return (fs::path(RIPARIA_SHARED_DATA) / relative).lexically_normal().string();
}

std::vector<double> read_netcdf_variable(const std::string& path, const std::string& name,
                                         std::size_t* times, std::size_t* nodes) {
    int ncid, varid, ndims, dimids[NC_MAX_VAR_DIMS];
    if (nc_open(path.c_str(), NC_NOWRITE, &ncid) != NC_NOERR) {
        throw std::runtime_error("cannot open " + path);
    }
    if (nc_inq_varid(ncid, name.c_str(), &varid) != NC_NOERR) {
        nc_close(ncid);
        throw std::runtime_error("no variable " + name + " in " + path);
    }
    nc_inq_varndims(ncid, varid, &ndims);
    nc_inq_vardimid(ncid, varid, dimids);
    std::size_t total = 1;
    std::vector<std::size_t> lengths(static_cast<std::size_t>(std::max(ndims, 2)), 1);
    for (int d = 0; d < ndims; ++d) {
        nc_inq_dimlen(ncid, dimids[d], &lengths[d]);
        total *= lengths[d];
    }
    std::vector<double> values(total);
    nc_get_var_double(ncid, varid, values.data());
    nc_close(ncid);
    if (times) *times = lengths[0];
    if (nodes) *nodes = ndims > 1 ? lengths[1] : 1;
    return values;
}

std::string read_netcdf_text_attribute(const std::string& path, const std::string& variable,
                                       const std::string& attribute) {
    int ncid, varid = NC_GLOBAL;
    if (nc_open(path.c_str(), NC_NOWRITE, &ncid) != NC_NOERR) return {};
    if (!variable.empty() && nc_inq_varid(ncid, variable.c_str(), &varid) != NC_NOERR) {
        nc_close(ncid);
        return {};
    }
    std::size_t length = 0;
    if (nc_inq_attlen(ncid, varid, attribute.c_str(), &length) != NC_NOERR) {
        nc_close(ncid);
        return {};
    }
    std::string text(length, '\0');
    nc_get_att_text(ncid, varid, attribute.c_str(), text.data());
    nc_close(ncid);
    return text;
}

} // namespace riparia::test
