#include "analysis/boundary_repair.hpp"

#include <boost/geometry/index/rtree.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "analysis/polygon_union.hpp"
#include "core/area_locator.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

std::optional<std::pair<std::size_t, std::size_t>> part_inside_another(
    const core::MultiPolygon& mp) {
  std::vector<std::pair<core::Box, std::size_t>> boxes;
  boxes.reserve(mp.size());
  for (std::size_t i = 0; i < mp.size(); ++i) {
    boxes.emplace_back(bg::return_envelope<core::Box>(mp[i]), i);
  }
  const bgi::rtree<std::pair<core::Box, std::size_t>, bgi::rstar<16>> tree(boxes.begin(),
                                                                           boxes.end());
  // For each part, the parts with a first vertex inside its box: the only ones it can contain.
  std::vector<std::vector<std::size_t>> candidates(mp.size());
  for (std::size_t i = 0; i < mp.size(); ++i) {
    const core::XY v = mp[i].outer().front();
    for (auto it = tree.qbegin(bgi::intersects(core::Box{v, v})); it != tree.qend(); ++it) {
      if (it->second != i) {
        candidates[it->second].push_back(i);
      }
    }
  }
  for (std::size_t j = 0; j < mp.size(); ++j) {
    if (candidates[j].empty()) {
      continue;
    }
    // One ray cast per candidate through an index of part j's edges: a mainland coastline of
    // 40,000 vertices has hundreds of islets in its box, and one boost::geometry::within per
    // islet walked the whole coastline each time. No boundaries meet, so no point is on an edge.
    const core::AreaLocator outer(std::span<const core::Polygon>(&mp[j], 1));
    for (const std::size_t i : candidates[j]) {
      if (outer.area_containing(mp[i].outer().front())) {
        return std::make_pair(i, j);
      }
    }
  }
  return std::nullopt;
}

bool is_valid_multipolygon(const core::MultiPolygon& mp, std::string& reason) {
  for (const core::Polygon& p : mp) {
    if (!bg::is_valid(p, reason)) {
      return false;
    }
  }
  if (mp.size() < 2) {
    reason = "Geometry is valid";
    return true;
  }
  if (bg::intersects(mp)) {
    // Parts touch or cross somewhere; only Boost's full rules tell touching (valid) from
    // crossing or sharing an edge (invalid).
    return bg::is_valid(mp, reason);
  }
  // No boundaries meet, so two parts overlap only if one lies inside the other, and then any
  // vertex of the inner one is strictly inside the outer one.
  if (const auto nested = part_inside_another(mp)) {
    reason = "Geometry has a part inside another part (part " + std::to_string(nested->first + 1) +
             " in part " + std::to_string(nested->second + 1) + ")";
    return false;
  }
  reason = "Geometry is valid";
  return true;
}

ValidityReport make_valid(core::MultiPolygon& mp) {
  ValidityReport report;
  std::string reason;
  if (is_valid_multipolygon(mp, reason)) {
    return report;
  }
  report.was_valid = false;
  report.problem = reason;

  bg::correct(mp);
  bg::unique(mp);
  bg::remove_spikes(mp);
  // Empty rings left by the clean-up are not polygons; drop them.
  std::erase_if(mp, [](const core::Polygon& p) { return p.outer().size() < 4; });
  if (is_valid_multipolygon(mp, reason)) {
    return report;
  }
  // Parts that overlap or share an edge: dissolving them by union gives one valid multipolygon
  // with the same covered area.
  // A part that is itself broken (a self-intersecting ring) can make the overlay throw; then the
  // cleaned-up input is kept and reported as invalid.
  std::vector<core::MultiPolygon> parts;
  parts.reserve(mp.size());
  for (const core::Polygon& p : mp) {
    parts.push_back(core::MultiPolygon{p});
  }
  try {
    core::MultiPolygon dissolved = cascaded_union(std::move(parts));
    if (is_valid_multipolygon(dissolved, reason)) {
      mp = std::move(dissolved);
      return report;
    }
  } catch (const bg::exception&) {
  }
  report.valid = false;
  return report;
}

}  // namespace caremap::analysis
