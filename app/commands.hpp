// The riparia subcommands. Each returns the process exit code; invalid input throws
// io::InputError (exit 2), anything else is an internal error (exit 1).
#pragma once

#include <string>
#include <vector>

namespace riparia::app {

// One of N shards of a study's runs: the runs whose number modulo N is `index`.
struct ShardSpec {
    int index = 0, count = 1;
    bool owns(std::size_t run) const { return static_cast<int>(run % count) == index; }
};

struct RunOptions {
    std::string study_path;
    std::string out_dir = "out";
    int threads = 0; // 0: OpenMP's default (all cores)
    bool daily = false;
    bool quiet = false;
    bool resume = false;
    int checkpoint_years = 10; // 0: never
    ShardSpec shard;
    std::string command_line;
};

int run_command(const RunOptions& options);
int check_command(const std::string& study_path);
int merge_command(const std::string& out_dir, const std::vector<std::string>& shard_dirs,
                  bool quiet, const std::string& command_line);

} // namespace riparia::app
