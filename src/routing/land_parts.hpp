#pragma once
// The land a leg may cross: the polygon parts of the region's boundaries (宗像市 has 648, among
// them 大島 and 地島). An access or direct leg joins two places only when they lie on the same
// part; a place on an island whose nearest road is on the mainland is "not connected by road",
// never sent across the sea in a straight line.
//
// Parts that touch are one land: the mainland of 福津市 and that of 宗像市 meet along their
// border (their boundaries share vertices there), and a leg from one city to a road or a
// hospital in the other crosses no sea. "Touch" is read as "have outer-ring vertices within
// kLandJoinDistance_m of each other", which boundaries from one survey satisfy along a shared
// border.
//
// Places outside every part (a road in a neighbouring city, a point just off the coast line of
// 1:25,000 boundaries) are not judged: legs to them are allowed.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/area_locator.hpp"
#include "core/geometry.hpp"
#include "core/layer.hpp"

namespace caremap::routing {

/// Parts closer than this are one land (boundaries of neighbouring cities drawn from the same
/// survey share their vertices; a metre absorbs rounding).
inline constexpr double kLandJoinDistance_m = 1.0;

class LandParts {
 public:
  LandParts() = default;
  /// Every polygon (and every part of every multipolygon) of `layers`' features; touching parts
  /// joined into one land. O(V log V) for V outer-ring vertices.
  explicit LandParts(std::vector<core::Polygon> parts);
  /// The polygon parts of a boundary layer.
  static std::vector<core::Polygon> parts_of(const core::Layer& boundaries);

  bool empty() const { return m_parts.empty(); }
  std::size_t size() const { return m_parts.size(); }
  /// The part holding `p`, nullopt when none does (a point exactly on a part's edge may go
  /// either way). O(log V + segments the ray from p towards +x meets), not O(V): the mainland
  /// of 宗像市 alone has tens of thousands of vertices, and every demand cell asks.
  std::optional<std::uint32_t> part_of(core::XY p) const;
  /// False only when both places lie on land parts and the parts belong to different lands (the
  /// sea between).
  bool same_land(core::XY a, core::XY b) const;
  /// The land holding `p` (an index below lands()), nullopt when no part holds it. Places on
  /// the same land can be joined by a leg; the index is for callers that test many pairs.
  std::optional<std::uint32_t> land_of(core::XY p) const;
  /// Separate lands (connected groups of touching parts).
  std::size_t lands() const { return m_lands; }

 private:
  std::vector<core::Polygon> m_parts;
  std::vector<std::uint32_t> m_land;  ///< per part: its land
  std::size_t m_lands = 0;
  core::AreaLocator m_locator;  ///< area i = part i
};

}  // namespace caremap::routing
