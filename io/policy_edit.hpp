// A policy (what-if) edits the basin's reservoirs, demands, environmental flows and agreements by
// id: change keys of an existing one, add a new one (`new = true`), or remove some (`remove`).
// The edits are applied to the basin file's TOML tables and the result is validated exactly as a
// basin file is, so an edited value gets the same checks and a message naming the study's line.
#pragma once

#include "io/basin_file.hpp"
#include "io/toml_table.hpp"
#include "model/management.hpp"

namespace riparia::io {

model::Management apply_policy(const BasinFile& basin, const TomlTable& policy,
                               const toml::table& policy_table);

// The keys a [[policy]] table may have besides name and description.
const std::vector<std::string>& policy_edit_keys();

} // namespace riparia::io
