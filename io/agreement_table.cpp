// [[agreement]] tables of basin.toml: the four kinds of transboundary agreement.
#include "io/management_tables.hpp"

#include <limits>

namespace riparia::io::management {

const std::vector<std::string> kAgreementKeys = {
    "id",        "name",     "kind",     "countries",  "at",
    "reference", "priority", "flow_m3s", "volume_hm3", "drought_reference_m3s",
    "shares",    "months",   "bands"};

namespace {

void read_countries(const toml::table& table, const TomlTable& t, const Context& c,
                    model::AgreementSpec& a) {
    const toml::node* node = table.get("countries");
    if (!node || !node->is_array() || node->as_array()->size() != 2) {
        t.fail(node ? "countries" : "id",
               "expected countries = [\"UPSTREAM\", \"DOWNSTREAM\"] (two ISO alpha-3 codes)");
    }
    const auto* list = node->as_array();
    const auto up = list->get(0)->value<std::string>(), down = list->get(1)->value<std::string>();
    if (!up || !down) t.fail("countries", "expected two strings");
    a.upstream_country = country_of(t, c, *up, "countries");
    a.downstream_country = country_of(t, c, *down, "countries");
}

void read_shares(const toml::table& table, const TomlTable& t, model::AgreementSpec& a) {
    const toml::node* node = table.get("shares");
    if (!node || !node->is_array() || node->as_array()->size() != 2) {
        t.fail(node ? "shares" : "kind",
               "a share agreement needs shares = [upstream, downstream] (fractions of the flow "
               "at the reference point)");
    }
    double sum = 0;
    for (const toml::node& v : *node->as_array()) {
        const auto x = v.value<double>();
        if (!x || *x < 0 || *x > 1) t.fail("shares", "expected two fractions in [0, 1]");
        sum += *x;
    }
    if (sum > 1.0 + 1e-9) {
        t.fail("shares",
               fmt::format("the shares sum to {:.4g} %, expected at most 100 %", 100 * sum));
    }
    a.downstream_share = node->as_array()->get(1)->value<double>().value();
}

void read_schedule(const toml::table& table, const TomlTable& t, model::AgreementSpec& a) {
    const toml::node* months = table.get("months");
    if (!months || !months->is_array() || months->as_array()->empty()) {
        t.fail(months ? "months" : "kind",
               "a schedule needs months = [...] (1-12) when it applies");
    }
    for (const toml::node& m : *months->as_array()) {
        const auto month = m.value<std::int64_t>();
        if (!month || *month < 1 || *month > 12) t.fail("months", "expected month numbers 1-12");
        a.active_months[*month - 1] = true;
    }
    const toml::node* bands = table.get("bands");
    if (!bands || !bands->is_array_of_tables()) {
        t.fail(bands ? "bands" : "kind",
               "a schedule needs bands = [{ upto_m3s, share, offset_m3s }, ...]");
    }
    double previous = -1;
    for (const toml::node& node : *bands->as_array()) {
        const TomlTable b(*node.as_table(), t.file(), t.context() + " band",
                          {"upto_m3s", "share", "offset_m3s"});
        model::ScheduleBand band;
        band.upto_m3s =
            b.optional_number("upto_m3s").value_or(std::numeric_limits<double>::infinity());
        band.share = b.optional_number("share").value_or(0.0);
        band.offset_m3s = b.optional_number("offset_m3s").value_or(0.0);
        if (band.share < 0 || band.share > 1) b.fail("share", "expected a fraction in [0, 1]");
        if (band.upto_m3s <= previous) b.fail("upto_m3s", "expected bands in increasing order");
        previous = band.upto_m3s;
        a.bands.push_back(band);
    }
    if (std::isfinite(a.bands.back().upto_m3s)) {
        t.fail("bands", "the last band must have no upto_m3s (it covers all higher flows)");
    }
}

model::AgreementKind read_kind(const TomlTable& t) {
    const std::string kind = t.required_string("kind");
    static const std::vector<std::string> kinds = {"min_flow", "annual_volume", "share",
                                                   "schedule"};
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        if (kind == kinds[k]) return static_cast<model::AgreementKind>(k);
    }
    t.fail("kind", fmt::format("found '{}', expected min_flow, annual_volume, share or schedule{}",
                               kind, did_you_mean(kind, kinds)));
}

} // namespace

model::AgreementSpec read_agreement(const toml::table& table, const std::string& label,
                                    const Context& c) {
    const TomlTable t(table, c.path, label, kAgreementKeys);
    model::AgreementSpec a;
    a.id = t.required_string("id");
    a.name = t.optional_string("name").value_or(a.id);
    a.kind = read_kind(t);
    read_countries(table, t, c, a);
    a.node = node_of(t, c, "at");
    a.reference_node = a.node;
    if (!t.has("priority")) t.fail_here("missing required key 'priority' (an integer >= 1)");
    a.priority = priority_of(t, "priority", 1);
    switch (a.kind) {
    case model::AgreementKind::min_flow:
        a.flow_m3s = monthly_values(table, t, "flow_m3s");
        break;
    case model::AgreementKind::annual_volume:
        a.annual_volume_hm3 = non_negative(t, "volume_hm3");
        a.drought_reference_m3s = t.optional_number("drought_reference_m3s").value_or(0.0);
        break;
    case model::AgreementKind::share:
        a.reference_node = node_of(t, c, "reference");
        read_shares(table, t, a);
        break;
    case model::AgreementKind::schedule:
        a.reference_node = node_of(t, c, "reference");
        read_schedule(table, t, a);
        break;
    }
    return a;
}

} // namespace riparia::io::management
