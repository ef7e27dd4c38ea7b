// An output folder written atomically: everything goes to a hidden sibling folder
// (`.NAME.partial`), which is renamed to the final name only when complete. If the run fails, the
// staging folder is removed and nothing is left behind; an earlier run's folder at the final name
// is replaced only on success. A run killed outright leaves its staging folder, which
// `riparia run --resume` picks up.
#pragma once

#include <string>

namespace riparia::io {

class StagedFolder {
  public:
    enum class Mode {
        fresh,  // start a new staging folder (an old one is discarded)
        resume, // continue in the staging folder an interrupted run left (error if none)
        attach, // another process (MPI rank 0) owns the folder: use it, never remove or commit
    };
    // Throws InputError when `final_path` exists and is not an earlier riparia output folder.
    explicit StagedFolder(const std::string& final_path, Mode mode = Mode::fresh);
    ~StagedFolder(); // removes the staging folder unless committed
    StagedFolder(const StagedFolder&) = delete;
    StagedFolder& operator=(const StagedFolder&) = delete;

    std::string file(const std::string& name) const; // path inside the staging folder
    void commit();                                   // rename into place
    const std::string& final_path() const { return final_; }

  private:
    std::string final_, staging_;
    Mode mode_;
    bool committed_ = false;
};

} // namespace riparia::io
