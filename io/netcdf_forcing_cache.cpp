#include "io/netcdf_forcing_cache.hpp"

#include "io/checksum.hpp"
#include "io/netcdf_forcing_file.hpp"
#include "io/polygons.hpp"

#include <atomic>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <netcdf.h>
#include <openssl/evp.h>
#include <optional>
#include <stdexcept>
#include <unistd.h>

namespace riparia::io {

namespace {

namespace fs = std::filesystem;

constexpr const char* kFormat = "riparia area weights v1";

class Sha256 {
  public:
    Sha256() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
        if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
            throw std::runtime_error("OpenSSL: cannot initialise SHA-256");
    }
    void add(const void* data, std::size_t size) { EVP_DigestUpdate(ctx_.get(), data, size); }
    void add(const std::string& text) { add(text.data(), text.size() + 1); } // with its '\0'
    void add(const std::vector<double>& values) {
        const std::uint64_t n = values.size();
        add(&n, sizeof n);
        add(values.data(), values.size() * sizeof(double));
    }
    std::string hex() {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(ctx_.get(), digest, &length);
        std::string out;
        for (unsigned int k = 0; k < length; ++k)
            out += fmt::format("{:02x}", digest[k]);
        return out;
    }

  private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx_;
};

// Writes with netCDF-C; any failure throws and the caller drops the cache.
class NcWriter {
  public:
    explicit NcWriter(const std::string& path) {
        check(nc_create(path.c_str(), NC_NETCDF4 | NC_CLOBBER, &ncid_));
    }
    ~NcWriter() {
        if (ncid_ >= 0) nc_close(ncid_);
    }
    NcWriter(const NcWriter&) = delete;
    NcWriter& operator=(const NcWriter&) = delete;
    static void check(int status) {
        if (status != NC_NOERR) throw std::runtime_error(nc_strerror(status));
    }
    int id() const { return ncid_; }
    void close() {
        const int status = nc_close(ncid_);
        ncid_ = -1;
        check(status);
    }

  private:
    int ncid_ = -1;
};

void write_cache(const std::string& path, const std::string& key, const model::AreaWeights& w) {
    NcWriter out(path);
    const int nc = out.id();
    auto text = [&](const char* name, const std::string& value) {
        NcWriter::check(nc_put_att_text(nc, NC_GLOBAL, name, value.size(), value.c_str()));
    };
    text("format", kFormat);
    text("key", key);
    const unsigned long long shape[2] = {w.rows, w.columns};
    NcWriter::check(nc_put_att_ulonglong(nc, NC_GLOBAL, "rows_columns", NC_UINT64, 2, shape));
    int polygon_dim, first_dim, entry_dim;
    NcWriter::check(nc_def_dim(nc, "polygon", w.polygons(), &polygon_dim));
    NcWriter::check(nc_def_dim(nc, "polygon_plus_one", w.first.size(), &first_dim));
    NcWriter::check(nc_def_dim(nc, "entry", w.cell.size(), &entry_dim));
    int first_var, cell_var, overlap_var, weight_var, polygon_var, covered_var;
    NcWriter::check(nc_def_var(nc, "first", NC_UINT64, 1, &first_dim, &first_var));
    NcWriter::check(nc_def_var(nc, "cell", NC_UINT, 1, &entry_dim, &cell_var));
    NcWriter::check(nc_def_var(nc, "overlap_m2", NC_DOUBLE, 1, &entry_dim, &overlap_var));
    NcWriter::check(nc_def_var(nc, "weight", NC_DOUBLE, 1, &entry_dim, &weight_var));
    NcWriter::check(nc_def_var(nc, "polygon_m2", NC_DOUBLE, 1, &polygon_dim, &polygon_var));
    NcWriter::check(nc_def_var(nc, "covered_m2", NC_DOUBLE, 1, &polygon_dim, &covered_var));
    NcWriter::check(nc_enddef(nc));
    std::vector<unsigned long long> first(w.first.begin(), w.first.end());
    NcWriter::check(nc_put_var_ulonglong(nc, first_var, first.data()));
    if (!w.cell.empty()) {
        NcWriter::check(nc_put_var_uint(nc, cell_var, w.cell.data()));
        NcWriter::check(nc_put_var_double(nc, overlap_var, w.overlap_m2.data()));
        NcWriter::check(nc_put_var_double(nc, weight_var, w.weight.data()));
    }
    NcWriter::check(nc_put_var_double(nc, polygon_var, w.polygon_m2.data()));
    NcWriter::check(nc_put_var_double(nc, covered_var, w.covered_m2.data()));
    out.close();
}

std::vector<double> read_doubles(const NcReader& in, const char* name, std::size_t expected) {
    const auto var = in.find_variable(name);
    if (!var) throw std::runtime_error("missing variable");
    std::vector<double> values = expected ? in.read_all(*var) : std::vector<double>{};
    if (values.size() != expected) throw std::runtime_error("wrong size");
    return values;
}

std::optional<model::AreaWeights> read_cache(const std::string& path, const std::string& key,
                                             const model::GridEdges& grid, std::size_t polygons) {
    if (!fs::is_regular_file(path)) return std::nullopt;
    try {
        NcReader in(path, "area weights cache");
        if (in.text_attribute(NC_GLOBAL, "key").value_or("") != key) return std::nullopt;
        model::AreaWeights w;
        w.rows = grid.rows();
        w.columns = grid.columns();
        for (double f : read_doubles(in, "first", polygons + 1))
            w.first.push_back(static_cast<std::size_t>(f));
        const std::size_t entries = w.first.back();
        for (double c : read_doubles(in, "cell", entries))
            w.cell.push_back(static_cast<std::uint32_t>(c));
        w.overlap_m2 = read_doubles(in, "overlap_m2", entries);
        w.weight = read_doubles(in, "weight", entries);
        w.polygon_m2 = read_doubles(in, "polygon_m2", polygons);
        w.covered_m2 = read_doubles(in, "covered_m2", polygons);
        return w;
    } catch (const std::exception&) {
        return std::nullopt; // unreadable or truncated: recompute
    }
}

void try_write_cache(const std::string& path, const std::string& key, const model::AreaWeights& w) {
    static std::atomic<int> counter{0};
    const std::string temporary =
        fmt::format("{}.tmp-{}-{}", path, static_cast<long>(getpid()), counter++);
    try {
        fs::create_directories(fs::path(path).parent_path());
        write_cache(temporary, key, w);
        fs::rename(temporary, path);
    } catch (const std::exception&) {
        std::error_code ignored;
        fs::remove(temporary, ignored); // a cache we cannot write only costs time
    }
}

} // namespace

std::string weights_cache_key(const std::string& polygons_sha256, const std::string& id_field,
                              const std::vector<std::string>& ids, const model::GridEdges& grid) {
    Sha256 sha;
    sha.add(std::string(kFormat));
    sha.add(polygons_sha256);
    sha.add(id_field);
    const std::uint64_t n = ids.size();
    sha.add(&n, sizeof n);
    for (const std::string& id : ids)
        sha.add(id);
    sha.add(grid.lon_edges_deg);
    sha.add(grid.lat_edges_deg);
    return sha.hex();
}

CachedWeights load_or_compute_weights(const std::string& polygons_path, const std::string& id_field,
                                      const std::vector<std::string>& ids,
                                      const model::GridEdges& grid, const std::string& cache_dir) {
    CachedWeights result;
    const std::string key = weights_cache_key(sha256_of_file(polygons_path), id_field, ids, grid);
    if (!cache_dir.empty()) {
        result.cache_path =
            (fs::path(cache_dir) / ("area-weights-" + key.substr(0, 32) + ".nc")).string();
        if (auto cached = read_cache(result.cache_path, key, grid, ids.size())) {
            result.weights = std::move(*cached);
            result.from_cache = true;
            return result;
        }
    }
    result.weights =
        model::compute_area_weights(grid, read_subbasin_polygons(polygons_path, id_field, ids));
    if (!cache_dir.empty()) try_write_cache(result.cache_path, key, result.weights);
    return result;
}

} // namespace riparia::io
