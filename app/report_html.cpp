#include "app/report_html.hpp"

#include "app/report_data.hpp"
#include "report_assets.hpp"

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace riparia::app {

namespace {

std::string html_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '@': // so no text can look like a page placeholder
            out += "&#64;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// JSON safe inside <script>: every '<' as \u003c, so no "</script>" or "<!--" can occur.
std::string script_safe_json(const nlohmann::json& data) {
    const std::string text = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '<') {
            out += "\\u003c";
        } else if (c == '@') { // so no text in the data can look like a page placeholder
            out += "\\u0040";
        } else {
            out += c;
        }
    }
    return out;
}

void replace_once(std::string& page, const std::string& placeholder, const std::string& value) {
    const auto at = page.find(placeholder);
    if (at == std::string::npos) throw std::logic_error("report page lacks " + placeholder);
    page.replace(at, placeholder.size(), value);
}

} // namespace

std::string report_page(const nlohmann::json& data) {
    std::string page(report_assets::kPage);
    const std::string study = data["provenance"].value("study", "riparia run");
    // Neither the data nor the title can hold a placeholder's text: both escape '@'.
    replace_once(page, "@DATA@", script_safe_json(data));
    replace_once(page, "@TITLE@", html_escaped(study + " — riparia report"));
    replace_once(page, "@STYLE@", std::string(report_assets::kStyle));
    replace_once(page, "@SCRIPT@", std::string(report_assets::kScript));
    return page;
}

std::map<std::string, std::string> demand_countries(const StudyPlan& plan) {
    std::map<std::string, std::string> countries;
    std::vector<bool> seen_policy;
    for (const RunItem& item : plan.items()) {
        const auto p = static_cast<std::size_t>(item.policy);
        if (p < seen_policy.size() && seen_policy[p]) continue;
        if (p >= seen_policy.size()) seen_policy.resize(p + 1, false);
        seen_policy[p] = true;
        for (const auto& d : plan.basin_for(item).management.demands)
            countries[d.id] = d.country;
    }
    return countries;
}

void write_run_report(const StudyPlan& plan, const io::StagedFolder& folder) {
    const std::string path = folder.file("report.html");
    const std::string temporary = path + ".tmp";
    const std::string page =
        report_page(report_data(ReportFolder::in(folder.file("")), demand_countries(plan)));
    {
        std::ofstream out(temporary, std::ios::binary);
        out << page;
        if (!out.flush()) throw std::runtime_error(temporary + ": cannot be written");
    }
    std::filesystem::rename(temporary, path);
}

} // namespace riparia::app
