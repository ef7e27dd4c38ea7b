// An output folder written atomically: everything goes to a hidden sibling folder, which is
// renamed to the final name only when complete. If the run fails, the staging folder is removed
// and nothing is left behind; an earlier run's folder at the final name is replaced only on
// success.
#pragma once

#include <string>

namespace riparia::io {

class StagedFolder {
  public:
    // Throws InputError when `final_path` exists and is not an earlier riparia output folder.
    explicit StagedFolder(const std::string& final_path);
    ~StagedFolder(); // removes the staging folder unless committed
    StagedFolder(const StagedFolder&) = delete;
    StagedFolder& operator=(const StagedFolder&) = delete;

    std::string file(const std::string& name) const; // path inside the staging folder
    void commit();                                   // rename into place
    const std::string& final_path() const { return final_; }

  private:
    std::string final_, staging_;
    bool committed_ = false;
};

} // namespace riparia::io
