#include "model/random.hpp"

#include <limits>

namespace riparia::model::rng {

namespace {

// Degree-7 polynomial, coefficients from the constant term up (Horner's rule).
double poly7(const double (&c)[8], double x) {
    double v = c[7];
    for (int k = 6; k >= 0; --k)
        v = v * x + c[k];
    return v;
}

// Wichura (1988), AS 241 PPND16: |p - 0.5| <= 0.425, then r = sqrt(-log(min(p, 1 - p))) <= 5,
// then the far tails.
constexpr double kCentralA[8] = {3.3871328727963666080,    1.3314166789178437745e+2,
                                 1.9715909503065514427e+3, 1.3731693765509461125e+4,
                                 4.5921953931549871457e+4, 6.7265770927008700853e+4,
                                 3.3430575583588128105e+4, 2.5090809287301226727e+3};
constexpr double kCentralB[8] = {1.0,
                                 4.2313330701600911252e+1,
                                 6.8718700749205790830e+2,
                                 5.3941960214247511077e+3,
                                 2.1213794301586595867e+4,
                                 3.9307895800092710610e+4,
                                 2.8729085735721942674e+4,
                                 5.2264952788528545610e+3};
constexpr double kTailC[8] = {1.42343711074968357734,    4.63033784615654529590,
                              5.76949722146069140550,    3.64784832476320460504,
                              1.27045825245236838258,    2.41780725177450611770e-1,
                              2.27238449892691845833e-2, 7.74545014278341407640e-4};
constexpr double kTailD[8] = {1.0,
                              2.05319162663775882187,
                              1.67638483018380384940,
                              6.89767334985100004550e-1,
                              1.48103976427480074590e-1,
                              1.51986665636164571966e-2,
                              5.47593808499534494600e-4,
                              1.05075007164441684324e-9};
constexpr double kFarE[8] = {6.65790464350110377720,    5.46378491116411436990,
                             1.78482653991729133580,    2.96560571828504891230e-1,
                             2.65321895265761230930e-2, 1.24266094738807843860e-3,
                             2.71155556874348757815e-5, 2.01033439929228813265e-7};
constexpr double kFarF[8] = {1.0,
                             5.99832206555887937690e-1,
                             1.36929880922735805310e-1,
                             1.48753612908506148525e-2,
                             7.86869131145613259100e-4,
                             1.84631831751005468180e-5,
                             1.42151175831644588870e-7,
                             2.04426310338993978564e-15};

constexpr double kCentralSplit = 0.425;

// AS 241's central region, |p - 0.5| <= 0.425.
double central_quantile(double q) {
    const double r = 0.180625 - q * q;
    return q * poly7(kCentralA, r) / poly7(kCentralB, r);
}

} // namespace

double normal_quantile(double p) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (!(p > 0)) return -inf;
    if (p >= 1) return inf;
    const double q = p - 0.5;
    if (std::fabs(q) <= kCentralSplit) return central_quantile(q);
    double r = std::sqrt(-std::log(q < 0 ? p : 1 - p));
    double value;
    if (r <= 5) {
        r -= 1.6;
        value = poly7(kTailC, r) / poly7(kTailD, r);
    } else {
        r -= 5;
        value = poly7(kFarE, r) / poly7(kFarF, r);
    }
    return q < 0 ? -value : value;
}

void normals_at(const std::uint64_t* stream_seeds, std::uint64_t counter, std::size_t n, double* z,
                double* scratch) {
    for (std::size_t k = 0; k < n; ++k)
        scratch[k] = uniform_at(stream_seeds[k], counter);
    // The central region without branches (vectorises), then the tails one by one.
    for (std::size_t k = 0; k < n; ++k) {
        const double q = scratch[k] - 0.5;
        z[k] = std::fabs(q) <= kCentralSplit ? central_quantile(q) : 0.0;
    }
    for (std::size_t k = 0; k < n; ++k) {
        if (std::fabs(scratch[k] - 0.5) > kCentralSplit) z[k] = normal_quantile(scratch[k]);
    }
}

} // namespace riparia::model::rng
