#include "app/shard.hpp"

#include "app/run_selection.hpp"
#include "io/input_error.hpp"

#include <charconv>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>

namespace riparia::app {

ShardSpec parse_shard(const std::string& text) {
    const auto slash = text.find('/');
    ShardSpec s;
    auto number = [](std::string_view part, int& out) {
        const auto r = std::from_chars(part.data(), part.data() + part.size(), out);
        return r.ec == std::errc() && r.ptr == part.data() + part.size();
    };
    const std::string_view all(text);
    if (slash == std::string::npos || !number(all.substr(0, slash), s.index) ||
        !number(all.substr(slash + 1), s.count) || s.count < 1 || s.index < 0 ||
        s.index >= s.count) {
        throw io::InputError(fmt::format("--shard: found '{}', expected i/N with 0 <= i < N (e.g. "
                                         "--shard 0/4 for the first of four shards)",
                                         text));
    }
    return s;
}

void write_shard_record(const std::string& path, const ShardSpec& shard, const StudyPlan& plan,
                        const std::string& fingerprint, const RunOptions& o) {
    nlohmann::json j;
    j["riparia_version"] = RIPARIA_VERSION;
    j["study"] = std::filesystem::absolute(plan.study().study.path).string();
    j["shard"] = {{"index", shard.index}, {"count", shard.count}};
    j["fingerprint"] = fingerprint;
    j["daily"] = o.daily;
    j["members"] = o.members;
    j["selection"] = selection_json(o.selection);
    j["stress_config"] = o.stress_config_path;
    j["runs"] = nlohmann::json::array();
    for (const auto& item : plan.items())
        if (shard.owns(item.index)) j["runs"].push_back(item.index);
    j["command_line"] = o.command_line;
    std::ofstream out(path);
    out << j.dump(2) << '\n';
    if (!out) throw std::runtime_error(fmt::format("{}: cannot write", path));
}

nlohmann::json read_shard_record(const std::string& folder) {
    const std::string path = folder + "/shard.json";
    std::ifstream in(path);
    if (!in) {
        throw io::InputError(fmt::format("{}: not a shard folder (no shard.json); expected the "
                                         "output of riparia run --shard i/N",
                                         folder));
    }
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw io::InputError(fmt::format("{}: malformed: {}", path, e.what()));
    }
}

} // namespace riparia::app
