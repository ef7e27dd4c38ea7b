#include "io/checkpoint_file.hpp"

#include "io/input_error.hpp"
#include "model/calendar.hpp"

#include <algorithm>
#include <fcntl.h>
#include <filesystem>
#include <hdf5.h>
#include <stdexcept>
#include <unistd.h>
#include <utility>
#include <vector>

namespace riparia::io {

namespace {

namespace fs = std::filesystem;

constexpr const char* kFormat = "riparia checkpoint";
constexpr std::int64_t kFormatVersion = 1;

// Silences HDF5's automatic printing of its error stack while alive (failures become
// exceptions here) and restores the previous handler, which other HDF5 users may rely on.
class QuietHdf5Errors {
  public:
    QuietHdf5Errors() {
        H5Eget_auto2(H5E_DEFAULT, &function_, &data_);
        H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    }
    ~QuietHdf5Errors() { H5Eset_auto2(H5E_DEFAULT, function_, data_); }
    QuietHdf5Errors(const QuietHdf5Errors&) = delete;
    QuietHdf5Errors& operator=(const QuietHdf5Errors&) = delete;

  private:
    H5E_auto2_t function_ = nullptr;
    void* data_ = nullptr;
};

// The innermost message of HDF5's error stack, for our own messages ("" when empty).
std::string hdf5_reason() {
    std::string reason;
    auto first = [](unsigned n, const H5E_error2_t* e, void* out) -> herr_t {
        if (n == 0 && e->desc) *static_cast<std::string*>(out) = e->desc;
        return 0;
    };
    H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, first, &reason);
    H5Eclear2(H5E_DEFAULT);
    return reason.empty() ? reason : " (" + reason + ")";
}

// One HDF5 identifier, closed with its kind's close function.
class Handle {
  public:
    using Close = herr_t (*)(hid_t);
    Handle(hid_t id, Close closer) : id_(id), close_(closer) {}
    ~Handle() {
        if (id_ >= 0) close_(id_);
    }
    Handle(Handle&& other) noexcept
        : id_(std::exchange(other.id_, H5I_INVALID_HID)), close_(other.close_) {}
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    Handle& operator=(Handle&&) = delete;
    hid_t get() const { return id_; }
    bool valid() const { return id_ >= 0; }
    // Closes now, reporting failure (a file's close is where its last data is written).
    bool close() { return close_(std::exchange(id_, H5I_INVALID_HID)) >= 0; }

  private:
    hid_t id_;
    Close close_;
};

// ---- writing ----

struct WriteError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

Handle checked(hid_t id, Handle::Close close, const std::string& what) {
    if (id < 0) throw WriteError(what + hdf5_reason());
    return Handle(id, close);
}

void check(herr_t status, const std::string& what) {
    if (status < 0) throw WriteError(what + hdf5_reason());
}

void write_string_attribute(hid_t object, const char* name, const std::string& value) {
    Handle type = checked(H5Tcopy(H5T_C_S1), H5Tclose, "string type");
    check(H5Tset_size(type.get(), std::max<std::size_t>(value.size(), 1)), "string size");
    check(H5Tset_strpad(type.get(), H5T_STR_NULLPAD), "string padding");
    Handle space = checked(H5Screate(H5S_SCALAR), H5Sclose, "attribute space");
    Handle attribute =
        checked(H5Acreate2(object, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                H5Aclose, std::string("attribute ") + name);
    const std::string padded = value.empty() ? std::string(1, '\0') : value;
    check(H5Awrite(attribute.get(), type.get(), padded.data()), std::string("attribute ") + name);
}

void write_integer_attribute(hid_t object, const char* name, std::int64_t value) {
    Handle space = checked(H5Screate(H5S_SCALAR), H5Sclose, "attribute space");
    Handle attribute =
        checked(H5Acreate2(object, name, H5T_STD_I64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                H5Aclose, std::string("attribute ") + name);
    check(H5Awrite(attribute.get(), H5T_NATIVE_INT64, &value), std::string("attribute ") + name);
}

// One dataset, groups on its path created as needed.
void write_dataset(hid_t file, hid_t link_properties, const std::string& name, hid_t file_type,
                   hid_t memory_type, const void* data, std::size_t size) {
    const hsize_t dims[1] = {static_cast<hsize_t>(size)};
    Handle space = checked(H5Screate_simple(1, dims, nullptr), H5Sclose, "dataspace of " + name);
    Handle dataset = checked(H5Dcreate2(file, name.c_str(), file_type, space.get(), link_properties,
                                        H5P_DEFAULT, H5P_DEFAULT),
                             H5Dclose, "dataset " + name);
    if (size == 0) return;
    check(H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
          "dataset " + name);
}

void write_entries(hid_t file, const model::StateArchive& archive) {
    Handle links = checked(H5Pcreate(H5P_LINK_CREATE), H5Pclose, "link properties");
    check(H5Pset_create_intermediate_group(links.get(), 1), "link properties");
    for (const auto& [name, values] : archive.reals) {
        write_dataset(file, links.get(), name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values.data(),
                      values.size());
    }
    for (const auto& [name, values] : archive.integers) {
        if (archive.reals.count(name)) {
            throw WriteError("entry " + name + " is both a real and an integer array");
        }
        write_dataset(file, links.get(), name, H5T_STD_I64LE, H5T_NATIVE_INT64, values.data(),
                      values.size());
    }
}

void write_attributes(hid_t file, const CheckpointInfo& info) {
    write_string_attribute(file, "format", kFormat);
    write_integer_attribute(file, "format_version", kFormatVersion);
    write_string_attribute(file, "riparia_version", RIPARIA_VERSION);
    write_string_attribute(file, "study_name", info.study_name);
    write_string_attribute(file, "fingerprint", info.fingerprint);
    write_integer_attribute(file, "next_day", info.next_day);
    // For a reader with h5dump: the first date not yet simulated.
    write_string_attribute(file, "next_date", calendar::to_iso(calendar::date_of(info.next_day)));
}

// Forces a file's data to the disk.
void sync_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) throw WriteError("cannot open " + path + " to flush it");
    const int status = ::fsync(fd);
    ::close(fd);
    if (status != 0) throw WriteError("cannot flush " + path + " to disk");
}

// Best effort: makes a rename in the directory durable (some file systems refuse; no harm).
void sync_directory(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    (void)::fsync(fd);
    ::close(fd);
}

void write_file(const std::string& path, const model::StateArchive& archive,
                const CheckpointInfo& info) {
    Handle file = checked(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
                          H5Fclose, "cannot create the file");
    write_attributes(file.get(), info);
    write_entries(file.get(), archive);
    check(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "cannot flush the file");
    if (!file.close()) throw WriteError("cannot close the file" + hdf5_reason());
}

// ---- reading ----

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw InputError("checkpoint " + path + ": " + what + hdf5_reason());
}

std::string read_string_attribute(const std::string& path, hid_t file, const char* name) {
    if (H5Aexists(file, name) <= 0) fail(path, std::string("no attribute '") + name + "'");
    Handle attribute = Handle(H5Aopen(file, name, H5P_DEFAULT), H5Aclose);
    Handle type = Handle(attribute.valid() ? H5Aget_type(attribute.get()) : -1, H5Tclose);
    if (!type.valid() || H5Tget_class(type.get()) != H5T_STRING || H5Tis_variable_str(type.get()))
        fail(path, std::string("attribute '") + name + "' is not a fixed-length string");
    std::string value(H5Tget_size(type.get()), '\0');
    if (H5Aread(attribute.get(), type.get(), value.data()) < 0)
        fail(path, std::string("cannot read attribute '") + name + "'");
    return value.substr(0, value.find('\0'));
}

std::int64_t read_integer_attribute(const std::string& path, hid_t file, const char* name) {
    if (H5Aexists(file, name) <= 0) fail(path, std::string("no attribute '") + name + "'");
    Handle attribute = Handle(H5Aopen(file, name, H5P_DEFAULT), H5Aclose);
    std::int64_t value = 0;
    if (!attribute.valid() || H5Aread(attribute.get(), H5T_NATIVE_INT64, &value) < 0)
        fail(path, std::string("cannot read attribute '") + name + "'");
    return value;
}

template <typename T>
std::vector<T> read_values(const std::string& path, hid_t dataset, const std::string& name,
                           hid_t memory_type) {
    Handle space = Handle(H5Dget_space(dataset), H5Sclose);
    hsize_t dims[1] = {0};
    if (!space.valid() || H5Sget_simple_extent_ndims(space.get()) != 1 ||
        H5Sget_simple_extent_dims(space.get(), dims, nullptr) != 1) {
        fail(path, "dataset '" + name + "' is not a one-dimensional array");
    }
    std::vector<T> values(static_cast<std::size_t>(dims[0]));
    if (!values.empty() &&
        H5Dread(dataset, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0) {
        fail(path, "cannot read dataset '" + name + "' (truncated or corrupt file?)");
    }
    return values;
}

struct ReadContext {
    const std::string& path;
    model::StateArchive& archive;
    std::string error; // set by the visitor, which must not throw through HDF5
};

void read_dataset(ReadContext& context, hid_t dataset, const std::string& name) {
    Handle type = Handle(H5Dget_type(dataset), H5Tclose);
    if (!type.valid()) fail(context.path, "cannot read the type of dataset '" + name + "'");
    switch (H5Tget_class(type.get())) {
    case H5T_FLOAT:
        context.archive.reals[name] =
            read_values<double>(context.path, dataset, name, H5T_NATIVE_DOUBLE);
        break;
    case H5T_INTEGER:
        context.archive.integers[name] =
            read_values<std::int64_t>(context.path, dataset, name, H5T_NATIVE_INT64);
        break;
    default:
        fail(context.path, "dataset '" + name + "' is neither real nor integer");
    }
}

herr_t visit_link(hid_t file, const char* name, const H5L_info_t* link, void* data) {
    auto& context = *static_cast<ReadContext*>(data);
    try {
        if (link->type != H5L_TYPE_HARD) return 0;
        Handle object = Handle(H5Oopen(file, name, H5P_DEFAULT), H5Oclose);
        if (!object.valid()) fail(context.path, std::string("cannot open '") + name + "'");
        if (H5Iget_type(object.get()) == H5I_DATASET) read_dataset(context, object.get(), name);
        return 0;
    } catch (const std::exception& e) {
        context.error = e.what();
        return -1;
    }
}

} // namespace

void write_checkpoint(const std::string& path, const model::StateArchive& archive,
                      const CheckpointInfo& info) {
    const QuietHdf5Errors quiet;
    const std::string tmp = path + ".tmp";
    try {
        write_file(tmp, archive, info);
        sync_file(tmp);
        fs::rename(tmp, path);
    } catch (const std::exception& e) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw std::runtime_error("cannot write checkpoint " + path + ": " + e.what());
    }
    const fs::path directory = fs::absolute(fs::path(path)).parent_path();
    sync_directory(directory.string());
}

model::StateArchive read_checkpoint(const std::string& path, CheckpointInfo& info) {
    const QuietHdf5Errors quiet;
    std::error_code error;
    if (!fs::is_regular_file(path, error)) fail(path, "no such file");
    Handle file = Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!file.valid()) fail(path, "not a readable HDF5 file (truncated or corrupt?)");
    if (read_string_attribute(path, file.get(), "format") != kFormat) {
        fail(path, "not a riparia checkpoint");
    }
    const std::int64_t version = read_integer_attribute(path, file.get(), "format_version");
    if (version != kFormatVersion) {
        fail(path, "format version " + std::to_string(version) + ", this riparia reads " +
                       std::to_string(kFormatVersion));
    }
    info.riparia_version = read_string_attribute(path, file.get(), "riparia_version");
    info.study_name = read_string_attribute(path, file.get(), "study_name");
    info.fingerprint = read_string_attribute(path, file.get(), "fingerprint");
    info.next_day = read_integer_attribute(path, file.get(), "next_day");
    model::StateArchive archive;
    ReadContext context{path, archive, {}};
    if (H5Lvisit(file.get(), H5_INDEX_NAME, H5_ITER_INC, visit_link, &context) < 0) {
        if (!context.error.empty()) throw InputError(context.error);
        fail(path, "cannot list its contents (truncated or corrupt file?)");
    }
    return archive;
}

} // namespace riparia::io
