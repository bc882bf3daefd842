#pragma once
// Polygon overlays (intersection, difference) without Boost.Geometry 1.74's rescaling.
//
// Boost 1.74 copies both inputs of every overlay into integer coordinates first (its
// "robustness" policy; boost/geometry/core/config.hpp says later versions turn it off by
// default, and they do). Cutting 500 m census cells or the clinics' reach by a city
// whose coastline has 48,000 vertices then converts the whole coastline again for every cut:
// a seventh of a coverage run. These call the same overlay with Boost's no_rescale_policy.
// Working CRS coordinates are metres in a plane rectangular system (|x|, |y| < 10^6 m), far
// from where double precision would need the integer grid.
//
// Unions stay with Boost's default: uniting the clinics' circles without rescaling gave an
// invalid backup area on the default region (many nearly coincident circle vertices), with it
// none. The intersections and differences here gave valid results for every facility kind of
// both regions at radii from 300 m to 8 km (checked by `coverage --diagnostics`).

#include <boost/geometry.hpp>
#include <iterator>

namespace caremap::core {

/// `out` gets a ∩ b (out's polygons appended).
template <typename A, typename B, typename Out>
void intersection_unscaled(const A& a, const B& b, Out& out) {
  namespace bg = boost::geometry;
  using Strategy = typename bg::strategy::relate::services::default_strategy<A, B>::type;
  bg::dispatch::intersection<A, B>::apply(a, b, bg::detail::no_rescale_policy(), out, Strategy());
}

/// `out` gets a \ b (out's polygons appended).
template <typename A, typename B, typename Out>
void difference_unscaled(const A& a, const B& b, Out& out) {
  namespace bg = boost::geometry;
  using Strategy = typename bg::strategy::relate::services::default_strategy<A, B>::type;
  using Single = typename boost::range_value<Out>::type;
  bg::detail::difference::call_intersection_insert<A, B, Single>::apply(
      a, b, bg::detail::no_rescale_policy(), std::back_inserter(out), Strategy());
}

}  // namespace caremap::core
