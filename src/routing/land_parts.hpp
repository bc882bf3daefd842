#pragma once
// The land a leg may cross: the polygon parts of the region's boundaries (宗像市 has 648, among
// them 大島 and 地島). An access or direct leg joins two places only when they lie on the same
// part; a place on an island whose nearest road is on the mainland is "not connected by road",
// never sent across the sea in a straight line.
//
// Places outside every part (a road in a neighbouring city, a point just off the coast line of
// 1:25,000 boundaries) are not judged: legs to them are allowed.

#include <boost/geometry/index/rtree.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/geometry.hpp"
#include "core/layer.hpp"

namespace caremap::routing {

class LandParts {
 public:
  LandParts() = default;
  /// Every polygon (and every part of every multipolygon) of `layers`' features. O(P log P).
  explicit LandParts(std::vector<core::Polygon> parts);
  /// The polygon parts of a boundary layer.
  static std::vector<core::Polygon> parts_of(const core::Layer& boundaries);

  bool empty() const { return m_parts.empty(); }
  std::size_t size() const { return m_parts.size(); }
  /// The part holding `p`, nullopt when none does.
  std::optional<std::uint32_t> part_of(core::XY p) const;
  /// False only when both places lie on land parts and the parts differ (the sea between).
  bool same_land(core::XY a, core::XY b) const;

 private:
  using Value = std::pair<core::Box, std::uint32_t>;
  std::vector<core::Polygon> m_parts;
  boost::geometry::index::rtree<Value, boost::geometry::index::rstar<16>> m_tree;
};

}  // namespace caremap::routing
