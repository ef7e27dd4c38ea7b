// The `riparia screen` command line (registered by app/main.cpp).
#pragma once

#include "app/commands.hpp"

#include <CLI/CLI.hpp>

namespace riparia::app {

CLI::App* add_screen_subcommand(CLI::App& cli, ScreenOptions& options);

} // namespace riparia::app
