// The riparia subcommands. Each returns the process exit code; invalid input throws
// io::InputError (exit 2), anything else is an internal error (exit 1).
#pragma once

#include <string>

namespace riparia::app {

struct RunOptions {
    std::string study_path;
    std::string out_dir = "out";
    int threads = 0; // 0: OpenMP's default (all cores)
    bool daily = false;
    bool quiet = false;
    std::string command_line;
};

int run_command(const RunOptions& options);
int check_command(const std::string& study_path);

} // namespace riparia::app
