// The `riparia export` command line (registered by app/main.cpp).
#pragma once

#include "app/commands.hpp"

#include <CLI/CLI.hpp>

namespace riparia::app {

CLI::App* add_export_subcommand(CLI::App& cli, ExportOptions& options);

} // namespace riparia::app
