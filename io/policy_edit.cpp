#include "io/policy_edit.hpp"

#include "io/management_file.hpp"
#include "io/suggest.hpp"

#include <fmt/format.h>

namespace riparia::io {

namespace {

const std::vector<std::string> kKinds = {"reservoir", "demand", "environmental_flow", "agreement"};

std::vector<std::string> ids_of(const toml::table& root) {
    std::vector<std::string> ids;
    for (const auto& kind : kKinds) {
        const toml::array* list = root[kind].as_array();
        if (!list) continue;
        for (const toml::node& node : *list) {
            if (const auto* id =
                    node.as_table() ? node.as_table()->get_as<std::string>("id") : nullptr) {
                ids.push_back(id->get());
            }
        }
    }
    return ids;
}

// The entry of `list` whose id is `id`, or nullptr.
toml::table* find_by_id(toml::array* list, const std::string& id) {
    if (!list) return nullptr;
    for (toml::node& node : *list) {
        toml::table* t = node.as_table();
        const auto* entry_id = t ? t->get_as<std::string>("id") : nullptr;
        if (entry_id && entry_id->get() == id) return t;
    }
    return nullptr;
}

void remove_ids(toml::table& root, const TomlTable& policy, const toml::table& table,
                const std::vector<std::string>& known) {
    const toml::node* node = table.get("remove");
    if (!node) return;
    const toml::array* list = node->as_array();
    if (!list) policy.fail("remove", "expected an array of ids");
    for (const toml::node& item : *list) {
        if (!item.is_string()) policy.fail("remove", "expected an array of ids (strings)");
        const std::string id = item.as_string()->get();
        bool removed = false;
        for (const auto& kind : kKinds) {
            toml::array* entries = root[kind].as_array();
            if (!entries) continue;
            for (std::size_t k = 0; k < entries->size(); ++k) {
                const toml::table* t = entries->get(k)->as_table();
                const auto* entry_id = t ? t->get_as<std::string>("id") : nullptr;
                if (entry_id && entry_id->get() == id) {
                    entries->erase(entries->begin() + static_cast<std::ptrdiff_t>(k));
                    removed = true;
                    break;
                }
            }
        }
        if (!removed) {
            policy.fail("remove", fmt::format("found '{}', expected the id of a reservoir, demand, "
                                              "environmental flow or agreement of the basin{}",
                                              id, did_you_mean(id, known)));
        }
    }
}

// Each [[policy.<kind>]] table changes the keys it lists in the entry with its id, or adds a new
// entry when it says `new = true`.
void edit_kind(toml::table& root, const TomlTable& policy, const toml::table& table,
               const std::string& kind, const std::vector<std::string>& known) {
    const toml::node* node = table.get(kind);
    if (!node) return;
    if (!node->is_array_of_tables()) {
        policy.fail(kind, fmt::format("expected [[policy.{}]] tables, each with an id", kind));
    }
    for (const toml::node& item : *node->as_array()) {
        toml::table edit = *item.as_table();
        const TomlTable t(edit, policy.file(), policy.context() + " " + kind);
        const auto* id_node = edit.get_as<std::string>("id");
        if (!id_node) t.fail_here("missing required key 'id' (the entry to change or add)");
        const std::string id = id_node->get();
        const bool is_new = edit.get_as<bool>("new") && edit.get_as<bool>("new")->get();
        edit.erase("new");
        if (!root[kind].as_array()) root.insert(kind, toml::array{});
        toml::array* entries = root[kind].as_array();
        toml::table* existing = find_by_id(entries, id);
        if (is_new) {
            if (existing)
                t.fail("id", fmt::format("'{}' already exists; drop `new = true` to "
                                         "change it",
                                         id));
            entries->push_back(std::move(edit));
            continue;
        }
        if (!existing) {
            t.fail("id", fmt::format("found '{}', expected the id of a {} of the basin{} (to add "
                                     "a new one, write new = true)",
                                     id, kind, did_you_mean(id, known)));
        }
        for (auto&& [key, value] : edit) {
            existing->insert_or_assign(key, value);
        }
    }
}

} // namespace

const std::vector<std::string>& policy_edit_keys() {
    static const std::vector<std::string> keys = {"remove", "reservoir", "demand",
                                                  "environmental_flow", "agreement"};
    return keys;
}

model::Management apply_policy(const BasinFile& basin, const TomlTable& policy,
                               const toml::table& policy_table) {
    toml::table root = basin.root;
    const std::vector<std::string> known = ids_of(root);
    remove_ids(root, policy, policy_table, known);
    for (const auto& kind : kKinds)
        edit_kind(root, policy, policy_table, kind, known);
    try {
        return read_management(root, basin.path, basin.basin);
    } catch (const InputError& error) { // the message names the edited table and key
        policy.fail_here(fmt::format("with this policy's edits: {}", error.what()));
    }
}

} // namespace riparia::io
