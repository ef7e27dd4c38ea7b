// Sharding a study over independent jobs (a Slurm array): `riparia run --shard i/N` does the runs
// whose number modulo N is i and leaves them in a shard folder; `riparia merge` combines the N
// shard folders into the results a single run writes.
#pragma once

#include "app/commands.hpp"
#include "app/study_plan.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace riparia::app {

// Parses "i/N" (0 <= i < N); throws io::InputError naming the option otherwise.
ShardSpec parse_shard(const std::string& text);

// shard.json: the study, the shard, the inputs' fingerprint and the runs the shard did.
void write_shard_record(const std::string& path, const ShardSpec& shard, const StudyPlan& plan,
                        const std::string& fingerprint, const RunOptions& options);
nlohmann::json read_shard_record(const std::string& folder); // throws io::InputError

} // namespace riparia::app
