#include "io/ensemble_tables.hpp"

#include <fmt/format.h>
#include <set>

namespace riparia::io {

std::uint64_t member_seed(std::uint64_t seed, std::uint64_t index) {
    std::uint64_t z = seed + (index + 1) * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

namespace {

constexpr std::int64_t kMaxMembers = 100000;

// Every scenario's forcing is deterministic (not the generator): members would all be the same.
bool members_would_be_identical(const EnsembleSpec& spec) {
    for (const auto& s : spec.scenarios) {
        const ForcingKind kind = s.forcing ? s.forcing->kind : spec.forcing.kind;
        if (kind == ForcingKind::generator) return false;
    }
    return true;
}

std::vector<MemberSpec> listed_members(const StudyFile& study, std::uint64_t ensemble_seed) {
    std::vector<MemberSpec> members;
    std::set<std::string> names;
    const toml::node* list = study.root.get("member");
    if (!list->is_array_of_tables()) {
        TomlTable(study.root, study.path, "study file")
            .fail("member", "expected [[member]] tables");
    }
    for (const toml::node& node : *list->as_array()) {
        const toml::table& table = *node.as_table();
        const auto* name_node = table.get_as<std::string>("name");
        const std::string label = name_node ? fmt::format("member '{}'", name_node->get())
                                            : fmt::format("member #{}", members.size() + 1);
        const TomlTable t(table, study.path, label, {"name", "seed", "forcing"});
        MemberSpec m;
        m.name = t.required_string("name");
        if (!names.insert(m.name).second) t.fail("name", fmt::format("'{}' is used twice", m.name));
        const auto seed = t.optional_integer("seed");
        if (seed && *seed < 0)
            t.fail("seed", fmt::format("found {}, expected an integer >= 0", *seed));
        m.seed =
            seed ? static_cast<std::uint64_t>(*seed) : member_seed(ensemble_seed, members.size());
        if (const toml::table* f = t.optional_table("forcing")) {
            m.forcing = read_forcing(*f, study.path, label + " forcing");
        }
        members.push_back(std::move(m));
    }
    return members;
}

} // namespace

std::vector<MemberSpec> read_members(const StudyFile& study, const EnsembleSpec& spec,
                                     const toml::table* ensemble) {
    std::optional<TomlTable> e;
    if (ensemble)
        e.emplace(*ensemble, study.path, "[ensemble]",
                  std::vector<std::string>{"members", "seed", "pristine"});
    if (study.root.contains("member")) {
        if (e && e->has("members")) {
            e->fail("members", "give either members = N or [[member]] tables, not both");
        }
        return listed_members(study, spec.seed);
    }
    const std::int64_t count = e ? e->optional_integer("members").value_or(1) : 1;
    if (count < 1 || count > kMaxMembers) {
        e->fail("members", fmt::format("found {}, expected 1 .. {}", count, kMaxMembers));
    }
    if (count > 1 && members_would_be_identical(spec)) {
        e->fail("members", fmt::format("found {}, but the forcing is not the weather generator, so "
                                       "every member would be the same; expected [forcing] "
                                       "source = \"generator\" or [[member]] tables with their "
                                       "own forcing",
                                       count));
    }
    std::vector<MemberSpec> members;
    const int width = static_cast<int>(std::to_string(count).size());
    for (std::int64_t k = 0; k < count; ++k) {
        members.push_back({fmt::format("m{:0{}}", k + 1, width),
                           member_seed(spec.seed, static_cast<std::uint64_t>(k)), std::nullopt});
    }
    return members;
}

} // namespace riparia::io
