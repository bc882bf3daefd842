#pragma once
// Intersection and difference of one large multipolygon (a city: a coastline of tens of
// thousands of vertices and hundreds of islets) with others (the clinics' reach), where only
// the polygons whose boundaries meet go through Boost's overlay.
//
// Boost's overlay tests every ring that no other boundary crosses with a point-in-polygon walk
// over the whole other geometry: each islet of the city against the reach, each reach disc
// inside the city against the 48,000-vertex coastline. Here those polygons are placed once
// through R-trees of boundary segments (core::AreaLocator) and taken or dropped whole; the
// overlay sees only the polygons whose boundaries meet.

#include <boost/geometry/index/rtree.hpp>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "core/area_locator.hpp"
#include "core/geometry.hpp"

namespace caremap::analysis {

class PartOverlay {
 public:
  /// `base` must be valid and outlive the overlay. O(n log n) in its vertices.
  explicit PartOverlay(const core::MultiPolygon& base);

  /// base ∩ other. `other` must be valid.
  core::MultiPolygon intersection(const core::MultiPolygon& other) const;
  /// base \ other. `other` must be valid.
  core::MultiPolygon difference(const core::MultiPolygon& other) const;

 private:
  enum class Place : std::uint8_t { outside, inside, cut };
  struct Split {
    std::vector<Place> base;   ///< each polygon of base against other
    std::vector<Place> other;  ///< each polygon of other against base
  };
  Split split(const core::MultiPolygon& other) const;
  /// Hands each polygon whose place is `take` to `whole` (which copies it, or keeps only a
  /// pointer) and appends each one cut to `cut`.
  static void sort_by_place(const core::MultiPolygon& polygons, const std::vector<Place>& place,
                            Place take, const std::function<void(const core::Polygon&)>& whole,
                            core::MultiPolygon& cut);

  const core::MultiPolygon& m_base;
  core::AreaLocator m_locator;  ///< one area per polygon of base: which polygon holds a point
  /// Every ring segment of base with its polygon and ring (0 outer, then the holes).
  using Segment = std::pair<core::Segment, std::pair<std::uint32_t, std::uint32_t>>;
  boost::geometry::index::rtree<Segment, boost::geometry::index::rstar<16>> m_segments;
  std::vector<core::XY> m_inner;  ///< a point inside each polygon of base
};

}  // namespace caremap::analysis
