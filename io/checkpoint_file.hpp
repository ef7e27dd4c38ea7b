// checkpoint.h5: the model state of a run (model::StateArchive) in HDF5, for --resume after an
// interruption. One dataset per archive entry, grouped by the entry's prefix ("gr4j/production_mm"
// is dataset production_mm in group gr4j): float64 for reals, int64 for integers, so a round trip
// is exact. Root attributes say what the state belongs to (see CheckpointInfo).
#pragma once

#include "model/state_archive.hpp"

#include <cstdint>
#include <string>

namespace riparia::io {

struct CheckpointInfo {
    std::string riparia_version; // written: the running version (this field is ignored); read back
    std::string study_name;
    std::string fingerprint; // the caller's identity of the inputs, e.g. SHA-256 of the study files
    std::int64_t next_day = 0; // first day not yet simulated (days since 1970-01-01)
};

// Writes to path + ".tmp", flushes it to disk, closes it and renames it over `path`, so an
// interruption at any moment leaves either the previous checkpoint or the new one, whole.
// Throws std::runtime_error (naming the file) when it cannot be written; no .tmp is left then.
void write_checkpoint(const std::string& path, const model::StateArchive& archive,
                      const CheckpointInfo& info);

// Reads a checkpoint written by write_checkpoint and fills `info` from its attributes. Throws
// io::InputError naming the file when it is missing, not HDF5, truncated or not a checkpoint.
model::StateArchive read_checkpoint(const std::string& path, CheckpointInfo& info);

} // namespace riparia::io
