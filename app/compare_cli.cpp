#include "app/compare_cli.hpp"

namespace riparia::app {

CLI::App* add_compare_subcommand(CLI::App& cli, CompareOptions& o) {
    auto* cmd = cli.add_subcommand(
        "compare", "Compare two run folders: B (an edited what-if study) minus A (the reference)");
    cmd->add_option("DIR_A", o.reference_dir, "the reference run folder (run.json, stress.json)")
        ->required();
    cmd->add_option("DIR_B", o.edited_dir, "the run folder to compare with it")->required();
    cmd->add_option("--json", o.json_path, "also write the comparison as JSON (atomically)");
    cmd->add_option("--scenario", o.scenario, "only this scenario");
    cmd->add_option("--policy", o.policy, "only this policy");
    cmd->footer(
        "Rows of stress.json are matched on (scenario, policy, level, item); for each, B - A of\n"
        "the score (median, P10, P90), the class, the share of members at risk and every\n"
        "indicator both rows have; flags that appear (false in A, true in B) or disappear are\n"
        "listed first. From run.json, per scenario and policy: mean annual flow at the border\n"
        "points (km3/yr), shortage by country (%) and compliance of each agreement (%), as the\n"
        "median and P10-P90 of the member-wise differences when both runs have the same members\n"
        "and seeds, else as the difference of the members' medians. See docs/outputs.md.\n"
        "Example: what does doubling Egypt's demand change?\n"
        "  riparia run basins/nile/study.toml --out nile-base\n"
        "  cp basins/nile/study.toml nile-edit.toml   (edit a policy: annual_volume_hm3 x 2)\n"
        "  riparia run nile-edit.toml --out nile-edit\n"
        "  riparia compare nile-base nile-edit --policy \"GERD filled in 7 years\" --json d.json\n"
        "Exit codes: 0 ok, 2 when a folder is not a run folder, a file is missing or malformed,\n"
        "or the two runs have no row in common (the message says which basin, scenarios and\n"
        "policies each has).");
    return cmd;
}

} // namespace riparia::app
