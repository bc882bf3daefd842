#pragma once
// Uniform random points in [0, extent)² (metres), reproducible by seed: demand and facility
// positions for the nearest-family tests, compared against brute force.

#include <random>
#include <vector>

#include "core/geometry.hpp"

namespace caremap::test {

inline std::vector<core::XY> random_points(std::size_t n, unsigned seed, double extent = 10'000.0) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0.0, extent);
  std::vector<core::XY> out(n);
  for (core::XY& p : out) {
    p = {u(rng), u(rng)};
  }
  return out;
}

}  // namespace caremap::test
