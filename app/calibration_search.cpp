#include "app/calibration_search.hpp"

#include <cmath>
#include <limits>
#include <nlopt.h>
#include <stdexcept>

namespace riparia::app {

namespace {

struct Tracker {
    const CalibrationProblem* problem = nullptr;
    const std::function<void(int, double)>* on_progress = nullptr;
    SearchResult* result = nullptr;
};

double objective(unsigned n, const double* x, double* /*grad*/, void* data) {
    auto& t = *static_cast<Tracker*>(data);
    std::vector<double> unit(x, x + n);
    const double f = t.problem->evaluate(unit).objective;
    SearchResult& r = *t.result;
    ++r.evaluations;
    if (f < r.best_objective) {
        r.best_objective = f;
        r.best_unit = unit;
    }
    if (*t.on_progress) (*t.on_progress)(r.evaluations, r.best_objective);
    return f;
}

nlopt_algorithm global_algorithm(const std::string& name) {
    if (name == "isres") return NLOPT_GN_ISRES;
    if (name == "direct") return NLOPT_GN_DIRECT_L;
    return NLOPT_GN_CRS2_LM;
}

std::string status_text(nlopt_result r) {
    const char* s = nlopt_result_to_string(r);
    return s ? s : std::to_string(static_cast<int>(r));
}

// Runs one NLopt phase from x over [0, 1]^n with an evaluation budget; returns its status.
std::string run_phase(nlopt_algorithm algorithm, std::vector<double> x, int budget,
                      Tracker& tracker, std::uint64_t seed) {
    const auto n = static_cast<unsigned>(x.size());
    nlopt_opt opt = nlopt_create(algorithm, n);
    if (!opt) throw std::runtime_error("NLopt: cannot create the optimiser");
    const std::vector<double> lower(n, 0.0), upper(n, 1.0);
    nlopt_set_lower_bounds(opt, lower.data());
    nlopt_set_upper_bounds(opt, upper.data());
    nlopt_set_min_objective(opt, objective, &tracker);
    nlopt_set_maxeval(opt, budget);
    nlopt_set_xtol_rel(opt, 1e-10);
    nlopt_set_ftol_abs(opt, 1e-14);
    nlopt_srand(seed);
    double f = 0;
    const nlopt_result r = nlopt_optimize(opt, x.data(), &f);
    nlopt_destroy(opt);
    return status_text(r);
}

} // namespace

SearchResult search(const CalibrationProblem& problem, const io::CalibrationFile& file,
                    const std::function<void(int, double)>& on_progress) {
    SearchResult result;
    result.best_objective = std::numeric_limits<double>::infinity();
    result.best_unit = problem.start();
    Tracker tracker{&problem, &on_progress, &result};
    const nlopt_algorithm global = global_algorithm(file.algorithm);
    result.global_algorithm = nlopt_algorithm_name(global);
    const int global_budget =
        file.local == "none" ? file.max_evaluations
                             : static_cast<int>(std::lround(kGlobalShare * file.max_evaluations));
    result.global_status = run_phase(global, problem.start(), global_budget, tracker, file.seed);
    result.global_evaluations = result.evaluations;
    const int left = file.max_evaluations - result.evaluations;
    if (file.local != "none" && left > 0) {
        const nlopt_algorithm local =
            file.local == "neldermead" ? NLOPT_LN_NELDERMEAD : NLOPT_LN_BOBYQA;
        result.local_algorithm = nlopt_algorithm_name(local);
        result.local_status = run_phase(local, result.best_unit, left, tracker, file.seed);
    }
    return result;
}

} // namespace riparia::app
