// The `riparia compare` command line (registered by app/main.cpp).
#pragma once

#include "app/commands.hpp"

#include <CLI/CLI.hpp>

namespace riparia::app {

CLI::App* add_compare_subcommand(CLI::App& cli, CompareOptions& options);

} // namespace riparia::app
