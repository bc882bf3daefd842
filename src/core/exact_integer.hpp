#pragma once
// A double as an integer only when the conversion is exact and defined: whole and within ±2^53
// (every integer up to 2^53 is a double, and it fits std::int64_t). Readers meet any number in a
// file; converting 5.6e27 or a 90-digit id to std::int64_t unchecked is undefined behaviour
// (both found by fuzzing).

#include <cmath>
#include <cstdint>
#include <optional>

namespace caremap::core {

inline std::optional<std::int64_t> exact_integer(double v) {
  constexpr double kLargestExact = 9007199254740992.0;  // 2^53
  if (!std::isfinite(v) || std::abs(v) > kLargestExact || std::trunc(v) != v) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(v);
}

}  // namespace caremap::core
