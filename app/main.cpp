// riparia: a simulator of shared river basins for transboundary water diplomacy.
#include "app/commands.hpp"
#include "io/input_error.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace {

std::string joined(int argc, char** argv) {
    std::string line;
    for (int k = 0; k < argc; ++k)
        line += (k ? " " : "") + std::string(argv[k]);
    return line;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"riparia: simulate a shared river basin — rainfall-runoff, routing and (in later "
                 "releases) reservoirs, demands and treaties — and write CF-NetCDF results.\n\n"
                 "Examples:\n"
                 "  riparia check basins/demo/study.toml\n"
                 "  riparia run basins/demo/study.toml --out demo-out --daily\n",
                 "riparia"};
    cli.footer("Commands:\n"
               "  riparia run STUDY [--out DIR] [--threads N] [--daily] [--quiet]\n"
               "      --out DIR      output folder (default: out), written atomically\n"
               "      --threads N    OpenMP threads (default 0 = all cores)\n"
               "      --daily        daily values in results.nc (default: monthly means)\n"
               "      --quiet        no progress and no summary\n"
               "  riparia check STUDY\n"
               "Exit codes: 0 ok, 2 invalid input (the message names the file and key or line), "
               "1 internal error.");
    cli.set_version_flag("--version", std::string("riparia ") + RIPARIA_VERSION);
    cli.require_subcommand(1);

    riparia::app::RunOptions run;
    auto* run_cmd = cli.add_subcommand("run", "Run a study and write results.nc and run.json");
    run_cmd->add_option("STUDY", run.study_path, "study file (TOML)")
        ->required()
        ->check(CLI::ExistingFile);
    run_cmd
        ->add_option("--out,-o", run.out_dir,
                     "output folder, written atomically (replaced if it holds an earlier run)")
        ->capture_default_str();
    run_cmd->add_option("--threads,-t", run.threads, "OpenMP threads (0 = all cores)")
        ->capture_default_str()
        ->check(CLI::Range(0, 4096));
    run_cmd->add_flag("--daily", run.daily, "write daily values (default: monthly means)");
    run_cmd->add_flag("--quiet,-q", run.quiet, "no progress and no summary on the terminal");

    std::string check_path;
    auto* check_cmd =
        cli.add_subcommand("check", "Validate a study, its basin and forcing; run nothing");
    check_cmd->add_option("STUDY", check_path, "study file (TOML)")
        ->required()
        ->check(CLI::ExistingFile);

    const std::string first = argc > 1 ? argv[1] : "";
    if (!first.empty() && first[0] != '-' && first != "run" && first != "check") {
        fmt::print(stderr,
                   "error: unknown command '{}'; expected 'run' or 'check' (see riparia "
                   "--help)\n",
                   first);
        return 2;
    }
    try {
        cli.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return cli.exit(e);
    } catch (const CLI::ParseError& e) {
        cli.exit(e);
        return 2; // invalid command line is invalid input
    }
    run.command_line = joined(argc, argv);
    try {
        if (*run_cmd) return riparia::app::run_command(run);
        if (*check_cmd) return riparia::app::check_command(check_path);
    } catch (const riparia::io::InputError& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        fmt::print(stderr, "internal error: {}\n", e.what());
        return 1;
    }
    return 1;
}
