// The benchmark's baseline: a straightforward scalar GR4J, one sub-basin and one day at a time,
// written the way a direct transcription of airGR's frun_GR4J.f (Perrin, Michel & Andreassian
// 2003; airGR by Coron et al. 2017) reads before its "speed-up" rewrites: std::tanh for the
// production store, std::pow for the 3.5 and -0.25 exponents, and unit-hydrograph queues of
// 20 and 40 cells shifted over their whole length every day.
//
// It is deliberately independent of model/ (it recomputes its own unit hydrographs), so that it
// doubles as a check of model::Gr4jState: both must give the same runoff to rounding.
#pragma once

#include <algorithm>
#include <cmath>

namespace riparia::bench {

class ScalarGr4j {
  public:
    static constexpr int kUh1Length = 20; // airGR NH
    static constexpr int kUh2Length = 40; // airGR 2 * NH
    // airGR's B = 0.9, the share of effective rainfall through UH1, is a default-real (single
    // precision) literal assigned to a double: 0.899999976158...
    static constexpr double kUh1Share = static_cast<double>(0.9f);

    // x1 and x3 in mm, x2 in mm/d, x4 in days; initial stores as fill fractions of x1 and x3.
    ScalarGr4j(double x1_mm, double x2_mm_day, double x3_mm, double x4_days, double production_fill,
               double routing_fill)
        : x1_(x1_mm), x2_(x2_mm_day), x3_(x3_mm), production_(production_fill * x1_mm),
          routing_(routing_fill * x3_mm) {
        for (int j = 1; j <= kUh1Length; ++j) {
            uh1_ord_[j - 1] = s_curve_1(j, x4_days) - s_curve_1(j - 1, x4_days);
        }
        for (int j = 1; j <= kUh2Length; ++j) {
            uh2_ord_[j - 1] = s_curve_2(j, x4_days) - s_curve_2(j - 1, x4_days);
        }
    }

    // Runs `days` consecutive days; every array is contiguous in time (one sub-basin's series).
    void run(int days, const double* precip_mm, const double* pet_mm, double* runoff_mm,
             double* aet_mm, double* exchange_mm) {
        for (int day = 0; day < days; ++day) {
            step(precip_mm[day], pet_mm[day], runoff_mm[day], aet_mm[day], exchange_mm[day]);
        }
    }

    double production_mm() const { return production_; }
    double routing_mm() const { return routing_; }

  private:
    static double fourth_power(double v) {
        const double squared = v * v;
        return squared * squared;
    }

    // airGR SS1 and SS2: S-curves of the unit hydrographs, exponent 2.5.
    static double s_curve_1(int i, double x4) {
        const double t = i;
        if (t <= 0) return 0;
        if (t < x4) return std::pow(t / x4, 2.5);
        return 1;
    }
    static double s_curve_2(int i, double x4) {
        const double t = i;
        if (t <= 0) return 0;
        if (t <= x4) return 0.5 * std::pow(t / x4, 2.5);
        if (t < 2 * x4) return 1 - 0.5 * std::pow(2 - t / x4, 2.5);
        return 1;
    }

    void step(double p, double e, double& q, double& ae, double& exchange) {
        double& s = production_;
        double& r = routing_;

        // Interception and production store.
        double pr = 0;
        if (p <= e) {
            const double ws = std::min((e - p) / x1_, 13.0);
            const double tws = std::tanh(ws);
            const double sr = s / x1_;
            const double er = s * (2 - sr) * tws / (1 + (1 - sr) * tws);
            ae = er + p;
            s -= er;
        } else {
            const double pn = p - e;
            const double ws = std::min(pn / x1_, 13.0);
            const double tws = std::tanh(ws);
            const double sr = s / x1_;
            const double ps = x1_ * (1 - sr * sr) * tws / (1 + sr * tws);
            ae = e;
            pr = pn - ps;
            s += ps;
        }
        if (s < 0) s = 0;

        // Percolation from the production store: (9/4 X1) is the percolation scale.
        const double perc = s * (1 - std::pow(1 + fourth_power(s / (2.25 * x1_)), -0.25));
        s -= perc;
        pr += perc;

        // Split into the two branches and convolve with the unit hydrographs (full shift).
        const double prhu1 = pr * kUh1Share;
        const double prhu2 = pr * (1 - kUh1Share);
        for (int k = 0; k < kUh1Length - 1; ++k)
            uh1_[k] = uh1_[k + 1] + uh1_ord_[k] * prhu1;
        uh1_[kUh1Length - 1] = uh1_ord_[kUh1Length - 1] * prhu1;
        for (int k = 0; k < kUh2Length - 1; ++k)
            uh2_[k] = uh2_[k + 1] + uh2_ord_[k] * prhu2;
        uh2_[kUh2Length - 1] = uh2_ord_[kUh2Length - 1] * prhu2;

        // Potential intercatchment groundwater exchange.
        const double exch = x2_ * std::pow(r / x3_, 3.5);

        // Routing store.
        double aexch1 = exch;
        if (r + uh1_[0] + exch < 0) aexch1 = -r - uh1_[0];
        r = r + uh1_[0] + exch;
        if (r < 0) r = 0;
        const double qr = r * (1 - std::pow(1 + fourth_power(r / x3_), -0.25));
        r -= qr;

        // Direct branch.
        double aexch2 = exch;
        if (uh2_[0] + exch < 0) aexch2 = -uh2_[0];
        const double qd = std::max(0.0, uh2_[0] + exch);

        q = std::max(qr + qd, 0.0);
        exchange = aexch1 + aexch2;
    }

    double x1_, x2_, x3_;
    double production_, routing_;
    double uh1_ord_[kUh1Length] = {}, uh2_ord_[kUh2Length] = {};
    double uh1_[kUh1Length] = {}, uh2_[kUh2Length] = {};
};

} // namespace riparia::bench
