#include "io/staged_folder.hpp"

#include "io/input_error.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <unistd.h>

namespace riparia::io {

namespace fs = std::filesystem;

namespace {
// A folder riparia may replace: empty, or holding the run record of an earlier run.
bool replaceable(const fs::path& path) {
    return fs::is_empty(path) || fs::exists(path / "run.json") || fs::exists(path / "shard.json");
}
} // namespace

StagedFolder::StagedFolder(const std::string& final_path, Mode mode) : mode_(mode) {
    fs::path target = fs::absolute(final_path).lexically_normal();
    if (!target.has_filename()) target = target.parent_path();
    final_ = target.string();
    if (fs::exists(target) && (!fs::is_directory(target) || !replaceable(target))) {
        throw InputError(fmt::format("{}: output folder exists and is not an earlier riparia "
                                     "run (no run.json); expected a new or empty folder",
                                     final_path));
    }
    const fs::path parent = target.parent_path();
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) {
        throw InputError(
            fmt::format("{}: cannot create the parent folder: {}", parent.string(), ec.message()));
    }
    staging_ = (parent / fmt::format(".{}.partial", target.filename().string())).string();
    if (mode == Mode::attach) return;
    if (mode == Mode::resume) {
        if (!fs::is_directory(staging_)) {
            throw InputError(fmt::format("{}: nothing to resume: no interrupted run left {}; run "
                                         "without --resume",
                                         final_path, staging_));
        }
        return;
    }
    fs::remove_all(staging_);
    fs::create_directory(staging_, ec);
    if (ec) {
        throw InputError(
            fmt::format("{}: cannot create the output folder: {}", staging_, ec.message()));
    }
}

StagedFolder::~StagedFolder() {
    if (committed_ || mode_ == Mode::attach) return;
    std::error_code ec;
    fs::remove_all(staging_, ec);
}

std::string StagedFolder::file(const std::string& name) const {
    return (fs::path(staging_) / name).string();
}

void StagedFolder::commit() {
    const fs::path target(final_);
    const fs::path previous =
        target.parent_path() / fmt::format(".{}.old-{}", target.filename().string(), getpid());
    const bool had_previous = fs::exists(target);
    if (had_previous) fs::rename(target, previous);
    fs::rename(staging_, target);
    committed_ = true;
    if (had_previous) fs::remove_all(previous);
}

} // namespace riparia::io
