// Counter-based random numbers: every draw is a pure function of (key, stream, counter), with no
// hidden state, so a result does not depend on the order of the draws, on the thread that makes
// them or on where a run restarts.
//
// Bits: SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators",
// OOPSLA '14; constants and finaliser as in Vigna's reference splitmix64.c, Stafford's "Mix13").
// A stream's key is a SplitMix64 seed hashed from (key, stream); draw n of the stream is
// SplitMix64's output n + 1 for that seed, mix64(seed + (n + 1) * golden gamma). SplitMix64
// passes BigCrush (L'Ecuyer & Simard's TestU01) and is the generator of Java's SplittableRandom.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace riparia::model::rng {

inline constexpr std::uint64_t kGoldenGamma = 0x9e3779b97f4a7c15ULL;

// The SplitMix64 finaliser: a bijection of 64-bit words with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// The seed of one stream of a keyed family (e.g. key = run seed, stream = purpose and sub-basin).
constexpr std::uint64_t stream_key(std::uint64_t key, std::uint64_t stream) {
    return mix64(mix64(key + kGoldenGamma) ^ (stream * 0xd1342543de82ef95ULL + 1));
}

// 64 random bits: draw `counter` of the stream.
constexpr std::uint64_t bits_at(std::uint64_t stream_seed, std::uint64_t counter) {
    return mix64(stream_seed + (counter + 1) * kGoldenGamma);
}

// Uniform in the open interval (0, 1): the top 53 bits, centred in their cell.
inline double uniform_at(std::uint64_t stream_seed, std::uint64_t counter) {
    return (static_cast<double>(bits_at(stream_seed, counter) >> 11) + 0.5) * 0x1.0p-53;
}

inline double uniform(std::uint64_t key, std::uint64_t stream, std::uint64_t counter) {
    return uniform_at(stream_key(key, stream), counter);
}

// The standard normal quantile: Wichura (1988), Algorithm AS 241 "The percentage points of the
// normal distribution", Applied Statistics 37:477-484 (PPND16, relative error about 1e-16).
// Returns -inf for p <= 0 and +inf for p >= 1.
double normal_quantile(double p);

// z[k] = normal_at(stream_seeds[k], counter) for k < n, bit for bit, faster for many streams;
// `scratch` holds n values.
void normals_at(const std::uint64_t* stream_seeds, std::uint64_t counter, std::size_t n, double* z,
                double* scratch);

// The standard normal distribution function, Phi(z) = erfc(-z / sqrt 2) / 2.
inline double normal_cdf(double z) {
    return 0.5 * std::erfc(-z * 0.70710678118654752440);
}

// A standard normal draw by inversion, so one counter gives one value.
inline double normal_at(std::uint64_t stream_seed, std::uint64_t counter) {
    return normal_quantile(uniform_at(stream_seed, counter));
}

inline double standard_normal(std::uint64_t key, std::uint64_t stream, std::uint64_t counter) {
    return normal_at(stream_key(key, stream), counter);
}

} // namespace riparia::model::rng
