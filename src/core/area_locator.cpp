#include "core/area_locator.hpp"

#include <algorithm>
#include <iterator>
#include <limits>

namespace caremap::core {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

void AreaLocator::add_polygon(const core::Polygon& polygon, std::uint32_t area,
                              std::vector<Value>& out) {
  auto add_ring = [&](const core::Ring& ring) {
    for (std::size_t i = 1; i < ring.size(); ++i) {
      out.emplace_back(core::Segment{ring[i - 1], ring[i]}, area);
      m_max_x = std::max(m_max_x, ring[i].x);
    }
  };
  add_ring(polygon.outer());
  for (const core::Ring& hole : polygon.inners()) {
    add_ring(hole);
  }
}

AreaLocator::AreaLocator(std::span<const core::MultiPolygon* const> areas) : m_areas(areas.size()) {
  std::vector<Value> segments;
  m_max_x = std::numeric_limits<double>::lowest();
  for (std::size_t a = 0; a < areas.size(); ++a) {
    for (const core::Polygon& p : *areas[a]) {
      add_polygon(p, static_cast<std::uint32_t>(a), segments);
    }
  }
  m_segments = decltype(m_segments)(segments.begin(), segments.end());
}

AreaLocator::AreaLocator(std::span<const core::Polygon> areas) : m_areas(areas.size()) {
  std::vector<Value> segments;
  m_max_x = std::numeric_limits<double>::lowest();
  for (std::size_t a = 0; a < areas.size(); ++a) {
    add_polygon(areas[a], static_cast<std::uint32_t>(a), segments);
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
  // Areas crossed an odd number of times so far: a short list (the ray meets a few areas),
  // where a flag per area would cost an allocation of every area per query.
  std::vector<std::uint32_t> odd;
  for (auto it = m_segments.qbegin(bgi::intersects(ray)); it != m_segments.qend(); ++it) {
    const core::XY& a = it->first.first;
    const core::XY& b = it->first.second;
    if ((a.y > p.y) != (b.y > p.y)) {
      const double x = a.x + (p.y - a.y) / (b.y - a.y) * (b.x - a.x);
      if (x > p.x) {
        const auto found = std::find(odd.begin(), odd.end(), it->second);
        if (found == odd.end()) {
          odd.push_back(it->second);
        } else {
          odd.erase(found);
        }
      }
    }
  }
  if (odd.empty()) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(*std::min_element(odd.begin(), odd.end()));
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

}  // namespace caremap::core
