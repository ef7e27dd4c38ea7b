// The reference formulation of docs/allocation.md, written from the document alone.
//
// Columns: A_v (available water, eq. 1), O_v (outflow), W_j (withdrawal), c_i (coverage of every
// item), t (the common coverage of the rising items), and per reservoir the release, the spill, the
// end storage S' and a binary b (spill > 0 only when b = 1, and b = 1 forces S' = C, eq. 7). Levels
// are solved by priority; within a level the rising items are raised together (max t), then every
// item that cannot exceed t* alone — the other rising items kept at t* or above — is frozen at t*,
// and the rest rise again (max-min fairness, "Priorities and equal shortage"). Each optimisation is
// a MIP; most are settled by one or two LPs (see try_solve).
#include "allocation_lp_reference.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>

namespace riparia::test {
namespace {

using model::AllocationDay;
using model::AllocationNetwork;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kFreezeMargin = 1e-7; // an item that cannot pass t* + this alone is frozen
// Held coverages (frozen items, the common level) are held exactly at first. They come from
// floating-point optima on the boundary of the feasible set, which may be out of it by GLPK's
// tolerance; should a solve then fail, they may sit below their values by a slack widened from
// 1e-10 tenfold up to kMaxSlack. (Any slack frees water that an item drawing very little on a
// binding limit turns into a large rise of its coverage, so there is none unless needed.)
constexpr double kMaxSlack = 1e-7;
constexpr double kAtOne = 1e-9;     // a common coverage this close to 1 is 1
constexpr double kTolerance = 1e-9; // GLPK primal/dual feasibility and integrality

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("allocation reference (GLPK): " + what);
}

struct ProblemDeleter {
    void operator()(glp_prob* problem) const { glp_delete_prob(problem); }
};
using Problem = std::unique_ptr<glp_prob, ProblemDeleter>;

// Silences GLPK's terminal output (glp_scale_prob and glp_adv_basis report there whatever the
// solver's msg_lev) for its lifetime.
class QuietTerminal {
  public:
    QuietTerminal() : previous_(glp_term_out(GLP_OFF)) {}
    ~QuietTerminal() { glp_term_out(previous_); }
    QuietTerminal(const QuietTerminal&) = delete;
    QuietTerminal& operator=(const QuietTerminal&) = delete;

  private:
    int previous_;
};

// A linear form, GLPK style (index 0 unused); repeated columns are summed.
struct Terms {
    std::vector<int> cols{0};
    std::vector<double> coefs{0.0};
    void add(int col, double coef) {
        for (std::size_t k = 1; k < cols.size(); ++k) {
            if (cols[k] == col) {
                coefs[k] += coef;
                return;
            }
        }
        cols.push_back(col);
        coefs.push_back(coef);
    }
};

int bound_kind(double lo, double hi) {
    if (lo == -kInfinity && hi == kInfinity) return GLP_FR;
    if (lo == -kInfinity) return GLP_UP;
    if (hi == kInfinity) return GLP_LO;
    return hi <= lo ? GLP_FX : GLP_DB;
}

void set_col_bounds(glp_prob* problem, int col, double lo, double hi) {
    glp_set_col_bnds(problem, col, bound_kind(lo, hi), lo, std::max(lo, hi));
}

void set_row_bounds(glp_prob* problem, int row, double lo, double hi) {
    glp_set_row_bnds(problem, row, bound_kind(lo, hi), lo, std::max(lo, hi));
}

// Per reservoir index, or -1, for every node.
std::vector<int> reservoir_at(const AllocationNetwork& network) {
    std::vector<int> at(network.downstream.size(), -1);
    for (std::size_t r = 0; r < network.reservoirs.size(); ++r)
        at[network.reservoirs[r].node] = static_cast<int>(r);
    return at;
}

// G_j of eq. 1: a return reaches its node today as river water would, times the same-day gains of
// the reaches from the withdrawal node down to the return node.
double same_day_share(const AllocationNetwork& network, const AllocationNetwork::Demand& demand) {
    double share = 1.0;
    for (int u = demand.node; u != demand.return_node; u = network.downstream[u]) {
        if (u < 0) throw std::invalid_argument("allocation reference: a return node upstream");
        share *= network.same_day_gain[u];
    }
    return share;
}

// Nodes in an order where every node comes after all the nodes draining to it.
std::vector<int> upstream_first(const std::vector<int>& downstream) {
    std::vector<int> waiting(downstream.size(), 0), order;
    for (int d : downstream) {
        if (d >= 0) ++waiting[d];
    }
    for (std::size_t v = 0; v < downstream.size(); ++v) {
        if (waiting[v] == 0) order.push_back(static_cast<int>(v));
    }
    for (std::size_t k = 0; k < order.size(); ++k) {
        const int d = downstream[order[k]];
        if (d >= 0 && --waiting[d] == 0) order.push_back(d);
    }
    return order;
}

// Per reservoir, an upper bound of its spill: the most X_v can exceed C when no water is withdrawn
// upstream, every return is at its largest and every reservoir upstream releases O_max (eq. 1,
// 5-7). The big-M of eq. 7; 0 when the reservoir cannot spill today.
std::vector<double> spill_bounds(const AllocationNetwork& network, const AllocationDay& day) {
    const std::vector<int> at = reservoir_at(network);
    // A bound of A_v at every node, completed upstream first.
    std::vector<double> most_in(day.inflow_m3s.begin(), day.inflow_m3s.end());
    for (std::size_t j = 0; j < network.demands.size(); ++j) {
        const auto& demand = network.demands[j];
        if (demand.return_node >= 0 && demand.return_node != demand.node)
            most_in[demand.return_node] += (1.0 - demand.consumptive_fraction) * day.request_m3s[j];
    }
    std::vector<double> bound(network.reservoirs.size(), 0.0);
    for (int v : upstream_first(network.downstream)) {
        double most_out = most_in[v];
        if (const int r = at[v]; r >= 0) {
            const double held = day.storage[r] - day.evaporation[r] + most_in[v]; // bound of X_v
            const double low = std::min(day.dead_storage[r], day.storage[r] - day.evaporation[r]);
            bound[r] = std::max(0.0, held - day.capacity[r]);
            most_out = std::max(std::min(day.max_release[r], held - low), held - day.capacity[r]);
        }
        if (network.downstream[v] >= 0)
            most_in[network.downstream[v]] += network.same_day_gain[v] * std::max(0.0, most_out);
    }
    return bound;
}

// The MIP of one day. Item i is demand i (i < demands) or requirement i - demands.
class ReferenceModel {
  public:
    ReferenceModel(const AllocationNetwork& network, const AllocationDay& day);

    void set_rising(int item);
    void freeze(int item, double value);
    double maximise_common(const std::vector<int>& rising);
    void hold_common(double t);
    void release_common();
    // Maximises the sum of the given items' coverages; returns every item's coverage.
    std::vector<double> maximise_sum(const std::vector<int>& items);

  private:
    glp_prob* prob() const { return problem_.get(); }
    int add_col(double lo, double hi);
    void add_row(const Terms& terms, double lo, double hi);
    void add_nodes();
    void add_demands();
    void add_requirements();
    void add_reservoirs();
    void add_node_balance(int v);
    void add_reservoir(int r);
    void set_objective(const std::vector<int>& cols);
    void solve();
    bool try_solve();
    bool solve_lp();
    bool run_simplex(double tolerance);
    bool solve_with_binaries(const std::vector<double>& binaries);
    void apply_holds();
    bool spills_only_when_full() const;
    bool run_intopt(int presolve);

    const AllocationNetwork& network_;
    const AllocationDay& day_;
    Problem problem_{glp_create_prob()};
    std::vector<int> available_col_, outflow_col_, withdrawal_col_, coverage_col_, link_row_;
    // Eq. 7 at a reservoir that can spill: its spill, end storage and binary columns.
    struct SpillGate {
        int spill = 0, end = 0, binary = 0;
        double capacity = 0;
    };
    std::vector<SpillGate> gates_;
    std::vector<double> last_binaries_; // of the last MIP solved, per gate
    bool binaries_settled_ = false;     // the last LP with them fixed is the relaxation's optimum
    std::vector<int> objective_cols_;
    std::vector<int> reservoir_at_;
    std::vector<double> spill_bound_; // per reservoir
    std::map<int, double> frozen_;    // item -> coverage
    double held_t_ = -1.0;            // the common coverage held, < 0 when t is free
    double slack_ = 0.0;
    int t_col_ = 0;
};

ReferenceModel::ReferenceModel(const AllocationNetwork& network, const AllocationDay& day)
    : network_(network), day_(day), reservoir_at_(reservoir_at(network)),
      spill_bound_(spill_bounds(network, day)) {
    if (!problem_) fail("glp_create_prob");
    glp_set_obj_dir(prob(), GLP_MAX);
    add_nodes();
    add_demands();
    add_requirements();
    t_col_ = add_col(0.0, 1.0);
    for (std::size_t v = 0; v < network.downstream.size(); ++v) {
        if (reservoir_at_[v] < 0) add_node_balance(static_cast<int>(v));
    }
    add_reservoirs();
    glp_scale_prob(prob(), GLP_SF_AUTO);
}

int ReferenceModel::add_col(double lo, double hi) {
    const int col = glp_add_cols(prob(), 1);
    set_col_bounds(prob(), col, lo, hi);
    return col;
}

void ReferenceModel::add_row(const Terms& terms, double lo, double hi) {
    const int row = glp_add_rows(prob(), 1);
    set_row_bounds(prob(), row, lo, hi);
    glp_set_mat_row(prob(), row, static_cast<int>(terms.cols.size()) - 1, terms.cols.data(),
                    terms.coefs.data());
}

// Eq. 1: A_v = I_v + sum over upstream u of g_u O_u + returns from withdrawals at other nodes.
void ReferenceModel::add_nodes() {
    const std::size_t n = network_.downstream.size();
    for (std::size_t v = 0; v < n; ++v) {
        available_col_.push_back(add_col(0.0, kInfinity));
        outflow_col_.push_back(add_col(0.0, kInfinity));
    }
    for (std::size_t j = 0; j < network_.demands.size(); ++j)
        withdrawal_col_.push_back(add_col(0.0, day_.request_m3s[j]));
    for (std::size_t v = 0; v < n; ++v) {
        Terms terms;
        terms.add(available_col_[v], 1.0);
        for (std::size_t u = 0; u < n; ++u) {
            if (network_.downstream[u] == static_cast<int>(v))
                terms.add(outflow_col_[u], -network_.same_day_gain[u]);
        }
        for (std::size_t j = 0; j < network_.demands.size(); ++j) {
            const auto& demand = network_.demands[j];
            if (demand.return_node != static_cast<int>(v) || demand.node == demand.return_node)
                continue;
            terms.add(withdrawal_col_[j],
                      -(1.0 - demand.consumptive_fraction) * same_day_share(network_, demand));
        }
        add_row(terms, day_.inflow_m3s[v], day_.inflow_m3s[v]);
    }
}

// W_j = c_j D_j. Every coverage starts absent (fixed at 0); a link row c_i - t >= 0 is switched on
// while the item rises.
void ReferenceModel::add_demands() {
    for (std::size_t j = 0; j < network_.demands.size(); ++j) {
        coverage_col_.push_back(add_col(0.0, 0.0));
        Terms terms;
        terms.add(withdrawal_col_[j], 1.0);
        terms.add(coverage_col_[j], -day_.request_m3s[j]);
        add_row(terms, 0.0, 0.0);
    }
}

// O_{m_k} >= c_k R_k.
void ReferenceModel::add_requirements() {
    for (std::size_t k = 0; k < network_.requirements.size(); ++k) {
        const int col = add_col(0.0, 0.0);
        coverage_col_.push_back(col);
        Terms terms;
        terms.add(outflow_col_[network_.requirements[k].node], 1.0);
        terms.add(col, -day_.required_m3s[k]);
        add_row(terms, 0.0, kInfinity);
    }
}

// Sum over demands at v of W_j (1 - returned share when the return is to v itself): what leaves the
// node's water through its withdrawals (eq. 3 and X_v).
Terms net_withdrawals(const AllocationNetwork& network, const std::vector<int>& withdrawal_col,
                      int v) {
    Terms terms;
    for (std::size_t j = 0; j < network.demands.size(); ++j) {
        const auto& demand = network.demands[j];
        if (demand.node != v) continue;
        const double returned = demand.return_node == v ? 1.0 - demand.consumptive_fraction : 0.0;
        terms.add(withdrawal_col[j], 1.0 - returned);
    }
    return terms;
}

Terms gross_withdrawals(const AllocationNetwork& network, const std::vector<int>& withdrawal_col,
                        int v) {
    Terms terms;
    for (std::size_t j = 0; j < network.demands.size(); ++j) {
        if (network.demands[j].node == v) terms.add(withdrawal_col[j], 1.0);
    }
    return terms;
}

// Eq. 2: sum W_j <= A_v. Eq. 3: O_v = A_v - sum W_j + own returns.
void ReferenceModel::add_node_balance(int v) {
    Terms limit = gross_withdrawals(network_, withdrawal_col_, v);
    limit.add(available_col_[v], -1.0);
    add_row(limit, -kInfinity, 0.0);
    Terms balance = net_withdrawals(network_, withdrawal_col_, v);
    balance.add(outflow_col_[v], 1.0);
    balance.add(available_col_[v], -1.0);
    add_row(balance, 0.0, 0.0);
}

void ReferenceModel::add_reservoirs() {
    for (std::size_t r = 0; r < network_.reservoirs.size(); ++r)
        add_reservoir(static_cast<int>(r));
}

// Eq. 4-7 at a reservoir node.
void ReferenceModel::add_reservoir(int r) {
    const int v = network_.reservoirs[r].node;
    const double s = day_.storage[r], e = day_.evaporation[r], c = day_.capacity[r];
    const double low = std::min(day_.dead_storage[r], s - e); // L
    // Eq. 4: sum W_j <= S - E - L + A_v.
    Terms limit = gross_withdrawals(network_, withdrawal_col_, v);
    limit.add(available_col_[v], -1.0);
    add_row(limit, -kInfinity, s - e - low);
    // Eq. 5: O_v = release + spill, 0 <= release <= Q_max, spill >= 0.
    const int release = add_col(0.0, day_.max_release[r]);
    const double spill_bound = spill_bound_[r] * (1.0 + 1e-9);
    const int spill = add_col(0.0, spill_bound);
    Terms split;
    split.add(outflow_col_[v], 1.0);
    split.add(release, -1.0);
    split.add(spill, -1.0);
    add_row(split, 0.0, 0.0);
    // Eq. 6: S' = X_v - O_v, L <= S' <= C, with X_v = S - E + A_v - sum W_j + own returns.
    const int end = add_col(low, c);
    Terms balance = net_withdrawals(network_, withdrawal_col_, v);
    balance.add(end, 1.0);
    balance.add(outflow_col_[v], 1.0);
    balance.add(available_col_[v], -1.0);
    add_row(balance, s - e, s - e);
    if (spill_bound == 0.0 || c <= low) return; // cannot spill, or always full
    // Eq. 7: spill <= M b and S' >= C - (C - L)(1 - b), i.e. S' - (C - L) b >= L.
    const int b = add_col(0.0, 1.0);
    glp_set_col_kind(prob(), b, GLP_BV);
    gates_.push_back({spill, end, b, c});
    Terms gate;
    gate.add(spill, 1.0);
    gate.add(b, -spill_bound);
    add_row(gate, -kInfinity, 0.0);
    Terms full;
    full.add(end, 1.0);
    full.add(b, -(c - low));
    add_row(full, low, kInfinity);
}

void ReferenceModel::set_rising(int item) {
    set_col_bounds(prob(), coverage_col_[item], 0.0, 1.0);
    if (static_cast<std::size_t>(item) >= link_row_.size()) link_row_.resize(item + 1, 0);
    if (link_row_[item] == 0) {
        Terms link;
        link.add(coverage_col_[item], 1.0);
        link.add(t_col_, -1.0);
        link_row_[item] = glp_add_rows(prob(), 1);
        glp_set_mat_row(prob(), link_row_[item], 2, link.cols.data(), link.coefs.data());
    }
    set_row_bounds(prob(), link_row_[item], 0.0, kInfinity);
}

void ReferenceModel::freeze(int item, double value) {
    frozen_[item] = std::clamp(value, 0.0, 1.0);
    if (static_cast<std::size_t>(item) < link_row_.size() && link_row_[item] != 0)
        set_row_bounds(prob(), link_row_[item], -kInfinity, kInfinity);
    apply_holds();
}

void ReferenceModel::hold_common(double t) {
    held_t_ = t;
    apply_holds();
}

void ReferenceModel::release_common() {
    held_t_ = -1.0;
    set_col_bounds(prob(), t_col_, 0.0, 1.0);
}

// Bounds of the frozen coverages and of the held common coverage, with the current slack.
void ReferenceModel::apply_holds() {
    for (const auto& [item, value] : frozen_)
        set_col_bounds(prob(), coverage_col_[item], std::max(0.0, value - slack_), value);
    if (held_t_ >= 0.0) {
        const double t = std::max(0.0, held_t_ - slack_);
        set_col_bounds(prob(), t_col_, t, t);
    }
}

void ReferenceModel::set_objective(const std::vector<int>& cols) {
    for (int col : objective_cols_)
        glp_set_obj_coef(prob(), col, 0.0);
    for (int col : cols)
        glp_set_obj_coef(prob(), col, 1.0);
    objective_cols_ = cols;
}

double ReferenceModel::maximise_common(const std::vector<int>& rising) {
    for (int item : rising)
        set_rising(item);
    release_common();
    set_objective({t_col_});
    solve();
    return glp_get_col_prim(prob(), t_col_);
}

std::vector<double> ReferenceModel::maximise_sum(const std::vector<int>& items) {
    std::vector<int> cols;
    for (int item : items)
        cols.push_back(coverage_col_[item]);
    set_objective(cols);
    solve();
    std::vector<double> coverage;
    for (int col : coverage_col_)
        coverage.push_back(glp_get_col_prim(prob(), col));
    return coverage;
}

// Simplex with tight tolerances from the current basis; when it fails (numerically), again from an
// advanced basis, then from the standard basis with GLPK's default tolerances, re-solving tightly
// after.
bool ReferenceModel::solve_lp() {
    if (run_simplex(kTolerance)) return true;
    glp_adv_basis(prob(), 0);
    if (run_simplex(kTolerance)) return true;
    glp_std_basis(prob());
    return run_simplex(1e-7) && run_simplex(kTolerance);
}

bool ReferenceModel::run_simplex(double tolerance) {
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.tol_bnd = tolerance;
    parm.tol_dj = tolerance;
    parm.meth = GLP_DUALP; // bounds change between solves more than the objective does
    parm.it_lim = 20 * (glp_get_num_rows(prob()) + glp_get_num_cols(prob())); // no stalling
    return glp_simplex(prob(), &parm) == 0 && glp_get_status(prob()) == GLP_OPT;
}

// Every problem solved is feasible in exact arithmetic with the slack: every held value was reached
// before. A failure is numerical (a feasible set thinned to nothing by floating-point error); the
// holds are then loosened and the solve tried again.
void ReferenceModel::solve() {
    while (!try_solve()) {
        if (slack_ >= kMaxSlack)
            fail("no optimum even with holds loosened by " + std::to_string(slack_));
        slack_ = slack_ == 0.0 ? 1e-10 : 10.0 * slack_;
        apply_holds();
    }
}

// A MIP is solved by LPs when it can be. With the binaries of the last MIP fixed, the LP's optimum
// is the MIP's when no binary's reduced cost asks to move it (the same basis is then optimal for
// the relaxation, whose optimum bounds the MIP's). Else the relaxation: when its solution already
// spills only at full reservoirs it is the optimum of the MIP too. Else branch and bound
// (glp_intopt without its own presolve starts from the relaxation; with it, as a second try), then
// the LP again with the binaries fixed at their integer values, so that every value read afterwards
// is exactly consistent with eq. 7.
bool ReferenceModel::try_solve() {
    if (!last_binaries_.empty() && solve_with_binaries(last_binaries_) && binaries_settled_)
        return true;
    if (!solve_lp()) return false;
    if (spills_only_when_full()) return true;
    if (!run_intopt(GLP_OFF) && !run_intopt(GLP_ON)) return false;
    std::vector<double> binaries;
    for (const SpillGate& gate : gates_)
        binaries.push_back(glp_mip_col_val(prob(), gate.binary) > 0.5 ? 1.0 : 0.0);
    return solve_with_binaries(binaries);
}

bool ReferenceModel::spills_only_when_full() const {
    constexpr double kZero = 1e-9; // m3/s (or m3/s x day): a spill this small is no spill
    for (const SpillGate& gate : gates_) {
        const double spill = glp_get_col_prim(prob(), gate.spill);
        const double end = glp_get_col_prim(prob(), gate.end);
        if (spill > kZero && end < gate.capacity - kZero) return false;
    }
    return true;
}

// Branch and bound; with `presolve` on, GLPK solves the relaxation again by itself (a second try
// when the first fails numerically).
bool ReferenceModel::run_intopt(int presolve) {
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    parm.tol_int = kTolerance;
    parm.tol_obj = kTolerance;
    parm.mip_gap = 0.0;
    parm.presolve = presolve;
    return glp_intopt(prob(), &parm) == 0 && glp_mip_status(prob()) == GLP_OPT;
}

// The LP with every binary fixed; remembers them when it is solved, and whether its basis is
// optimal for the relaxation too (maximising: a binary at 0 with a reduced cost <= 0, at 1 >= 0).
bool ReferenceModel::solve_with_binaries(const std::vector<double>& binaries) {
    for (std::size_t k = 0; k < gates_.size(); ++k)
        set_col_bounds(prob(), gates_[k].binary, binaries[k], binaries[k]);
    const bool solved = solve_lp();
    binaries_settled_ = solved;
    for (std::size_t k = 0; k < gates_.size() && solved; ++k) {
        const double reduced_cost = glp_get_col_dual(prob(), gates_[k].binary);
        if (binaries[k] == 0.0 ? reduced_cost > kTolerance : reduced_cost < -kTolerance)
            binaries_settled_ = false;
    }
    for (const SpillGate& gate : gates_)
        set_col_bounds(prob(), gate.binary, 0.0, 1.0);
    if (solved) last_binaries_ = binaries;
    return solved;
}

// Rising items that cannot pass t* + margin alone, the other rising items held at t* or above.
// Maximising the sum of the candidates' coverages (all rising items at first) lifts some: those can
// rise. When it lifts the sum by no more than the margin, no candidate can rise alone by more (its
// own rise would be a solution of the sum), so all are blocked. Otherwise the ones it did not lift
// are the next candidates; when it lifts none of them by the margin, each is tested alone.
std::vector<int> blocked_items(ReferenceModel& model, const std::vector<int>& rising, double t) {
    std::vector<int> candidates = rising;
    for (;;) {
        const std::vector<double> coverage = model.maximise_sum(candidates);
        double lift = 0.0;
        std::vector<int> unlifted;
        for (int item : candidates) {
            lift += coverage[item] - t;
            if (coverage[item] <= t + kFreezeMargin) unlifted.push_back(item);
        }
        if (lift <= kFreezeMargin) return candidates;
        if (unlifted.size() == candidates.size()) break;
        candidates = unlifted;
    }
    std::vector<int> blocked;
    for (int item : candidates) {
        if (model.maximise_sum({item})[item] <= t + kFreezeMargin) blocked.push_back(item);
    }
    return blocked;
}

// Progressive filling of one priority level; writes the coverage of its items.
void solve_level(ReferenceModel& model, std::vector<int> rising, std::vector<double>& coverage) {
    while (!rising.empty()) {
        const double t = model.maximise_common(rising);
        if (t >= 1.0 - kAtOne) {
            for (int item : rising) {
                model.freeze(item, 1.0);
                coverage[item] = 1.0;
            }
            return;
        }
        model.hold_common(t);
        const std::vector<int> blocked = blocked_items(model, rising, t);
        if (blocked.empty()) fail("no item blocked at common coverage " + std::to_string(t));
        for (int item : blocked) {
            model.freeze(item, t);
            coverage[item] = t;
            rising.erase(std::find(rising.begin(), rising.end(), item));
        }
    }
}

// Items asking for something, grouped by priority, highest (1) first.
std::vector<std::vector<int>> priority_levels(const AllocationNetwork& network,
                                              const AllocationDay& day) {
    std::map<int, std::vector<int>> levels;
    const int demands = static_cast<int>(network.demands.size());
    for (int j = 0; j < demands; ++j) {
        if (day.request_m3s[j] > 0.0) levels[network.demands[j].priority].push_back(j);
    }
    for (std::size_t k = 0; k < network.requirements.size(); ++k) {
        if (day.required_m3s[k] > 0.0)
            levels[network.requirements[k].priority].push_back(demands + static_cast<int>(k));
    }
    std::vector<std::vector<int>> ordered;
    for (auto& [priority, items] : levels)
        ordered.push_back(items);
    return ordered;
}

} // namespace

std::vector<double> reference_coverages(const AllocationNetwork& network,
                                        const AllocationDay& day) {
    const QuietTerminal quiet;
    std::vector<double> coverage(network.demands.size() + network.requirements.size(), 1.0);
    ReferenceModel model(network, day);
    for (const auto& level : priority_levels(network, day))
        solve_level(model, level, coverage);
    return coverage;
}

} // namespace riparia::test
