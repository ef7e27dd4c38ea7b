#include "io/results_node_labels.hpp"

#include "io/input_error.hpp"

#include <fmt/format.h>
#include <netcdf.h>

namespace riparia::io {

namespace {

class OpenFile {
  public:
    explicit OpenFile(const std::string& path) : path_(path) {
        check(nc_open(path.c_str(), NC_NOWRITE, &ncid_), "opening");
    }
    ~OpenFile() {
        if (ncid_ >= 0) nc_close(ncid_);
    }
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;

    void check(int status, const std::string& what) const {
        if (status != NC_NOERR) {
            throw InputError(fmt::format("{}: {}: {}; expected a results.nc written by riparia run",
                                         path_, what, nc_strerror(status)));
        }
    }

    // A string variable along the node dimension.
    std::vector<std::string> strings(const char* name) const {
        int var = -1, dim = -1;
        check(nc_inq_varid(ncid_, name, &var), fmt::format("variable {}", name));
        check(nc_inq_vardimid(ncid_, var, &dim), fmt::format("dimension of {}", name));
        std::size_t count = 0;
        check(nc_inq_dimlen(ncid_, dim, &count), fmt::format("length of {}", name));
        std::vector<char*> raw(count, nullptr);
        check(nc_get_var_string(ncid_, var, raw.data()), fmt::format("reading {}", name));
        std::vector<std::string> values;
        for (char* s : raw)
            values.emplace_back(s ? s : "");
        nc_free_string(count, raw.data());
        return values;
    }

  private:
    std::string path_;
    int ncid_ = -1;
};

} // namespace

NodeLabels read_node_labels(const std::string& path) {
    const OpenFile file(path);
    NodeLabels labels{file.strings("node_id"), file.strings("country"),
                      file.strings("downstream_id")};
    if (labels.countries.size() != labels.ids.size() ||
        labels.downstream_ids.size() != labels.ids.size()) {
        throw InputError(fmt::format("{}: node_id, country and downstream_id differ in length; "
                                     "expected one label of each per node",
                                     path));
    }
    return labels;
}

} // namespace riparia::io
