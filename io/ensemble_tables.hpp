// Readers of the study's [[scenario]] and [[member]] tables (internal to io/ensemble_file.cpp).
#pragma once

#include "io/ensemble_file.hpp"
#include "io/toml_table.hpp"

namespace riparia::io {

// A forcing table: `source` says which reader checks the other keys.
ForcingTable read_forcing(const toml::table& table, const std::string& file,
                          const std::string& context);

ScenarioSpec read_scenario(const TomlTable& t, const toml::table& table, const BasinFile& basin);

std::vector<MemberSpec> read_members(const StudyFile& study, const EnsembleSpec& spec,
                                     const toml::table* ensemble);

// The seed of member `index` (from 0) of an ensemble seeded with `seed`: SplitMix64's output
// function (Steele, Lea & Flood 2014) over seed and index, so members never share a stream.
std::uint64_t member_seed(std::uint64_t seed, std::uint64_t index);

} // namespace riparia::io
