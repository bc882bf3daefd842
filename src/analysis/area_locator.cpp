#include "analysis/area_locator.hpp"

#include <algorithm>
#include <iterator>
#include <limits>

namespace caremap::analysis {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

AreaLocator::AreaLocator(std::span<const core::MultiPolygon* const> areas) : m_areas(areas.size()) {
  std::vector<Value> segments;
  m_max_x = std::numeric_limits<double>::lowest();
  auto add_ring = [&](const core::Ring& ring, std::uint32_t area) {
    for (std::size_t i = 1; i < ring.size(); ++i) {
      segments.emplace_back(core::Segment{ring[i - 1], ring[i]}, area);
      m_max_x = std::max(m_max_x, ring[i].x);
    }
  };
  for (std::size_t a = 0; a < areas.size(); ++a) {
    for (const core::Polygon& p : *areas[a]) {
      add_ring(p.outer(), static_cast<std::uint32_t>(a));
      for (const core::Ring& hole : p.inners()) {
        add_ring(hole, static_cast<std::uint32_t>(a));
      }
    }
  }
  m_segments = decltype(m_segments)(segments.begin(), segments.end());
}

std::optional<std::size_t> AreaLocator::area_containing(core::XY p) const {
  if (m_segments.empty() || p.x > m_max_x) {
    return std::nullopt;
  }
  // Segments whose box meets the ray from p towards +x; count those the ray crosses, with the
  // half-open rule (one endpoint strictly above) so a vertex on the ray counts once.
  const core::Box ray{p, {m_max_x, p.y}};
  std::vector<bool> inside(m_areas, false);
  for (auto it = m_segments.qbegin(bgi::intersects(ray)); it != m_segments.qend(); ++it) {
    const core::XY& a = it->first.first;
    const core::XY& b = it->first.second;
    if ((a.y > p.y) != (b.y > p.y)) {
      const double x = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
      if (x > p.x) {
        inside[it->second] = !inside[it->second];
      }
    }
  }
  const auto first = std::find(inside.begin(), inside.end(), true);
  if (first == inside.end()) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(first - inside.begin());
}

void AreaLocator::areas_with_boundary_in(const core::Polygon& q,
                                         std::vector<std::size_t>& out) const {
  const std::size_t before = out.size();
  const core::Box box = bg::return_envelope<core::Box>(q);
  for (auto it = m_segments.qbegin(bgi::intersects(box)); it != m_segments.qend(); ++it) {
    const std::size_t area = it->second;
    if (std::find(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(), area) !=
        out.end()) {
      continue;
    }
    if (bg::intersects(it->first, q)) {
      out.push_back(area);
    }
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(before), out.end());
}

}  // namespace caremap::analysis
