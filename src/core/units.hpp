#pragma once
// Physical quantities as distinct types, so that a radius in metres cannot be passed where a time
// limit in seconds is expected. Values are plain doubles underneath: no run-time cost.

#include <compare>

namespace caremap::core {

template <class Tag>
struct Quantity {
  double value = 0.0;

  constexpr Quantity() = default;
  constexpr explicit Quantity(double v) : value(v) {}

  constexpr auto operator<=>(const Quantity&) const = default;
  constexpr Quantity operator+(Quantity o) const { return Quantity{value + o.value}; }
  constexpr Quantity operator-(Quantity o) const { return Quantity{value - o.value}; }
  constexpr Quantity operator*(double k) const { return Quantity{value * k}; }
  constexpr Quantity operator/(double k) const { return Quantity{value / k}; }
  constexpr double operator/(Quantity o) const { return value / o.value; }
  constexpr Quantity& operator+=(Quantity o) {
    value += o.value;
    return *this;
  }
  constexpr Quantity& operator-=(Quantity o) {
    value -= o.value;
    return *this;
  }
};

struct MetersTag {};
struct SecondsTag {};
struct SquareMetersTag {};
struct MetersPerSecondTag {};

/// Length in metres (projected, working CRS).
using Meters = Quantity<MetersTag>;
/// Duration in seconds.
using Seconds = Quantity<SecondsTag>;
/// Area in square metres.
using SquareMeters = Quantity<SquareMetersTag>;
/// Speed in metres per second.
using MetersPerSecond = Quantity<MetersPerSecondTag>;

constexpr double to_km(Meters m) {
  return m.value / 1000.0;
}
constexpr double to_km2(SquareMeters a) {
  return a.value / 1.0e6;
}
constexpr double to_minutes(Seconds s) {
  return s.value / 60.0;
}
constexpr MetersPerSecond from_km_per_hour(double kmh) {
  return MetersPerSecond{kmh / 3.6};
}
constexpr double to_km_per_hour(MetersPerSecond v) {
  return v.value * 3.6;
}
constexpr Seconds travel_time(Meters d, MetersPerSecond v) {
  return Seconds{d.value / v.value};
}

namespace literals {
constexpr Meters operator""_m(long double v) {
  return Meters{static_cast<double>(v)};
}
constexpr Meters operator""_m(unsigned long long v) {
  return Meters{static_cast<double>(v)};
}
constexpr Meters operator""_km(long double v) {
  return Meters{static_cast<double>(v) * 1000.0};
}
constexpr Meters operator""_km(unsigned long long v) {
  return Meters{static_cast<double>(v) * 1000.0};
}
constexpr Seconds operator""_s(unsigned long long v) {
  return Seconds{static_cast<double>(v)};
}
constexpr Seconds operator""_min(unsigned long long v) {
  return Seconds{static_cast<double>(v) * 60.0};
}
}  // namespace literals

}  // namespace caremap::core
