#include "routing/land_parts.hpp"

#include <boost/geometry.hpp>
#include <boost/iterator/function_output_iterator.hpp>
#include <cstdint>

namespace caremap::routing {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

std::uint32_t find_root(std::vector<std::uint32_t>& parent, std::uint32_t i) {
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

}  // namespace

LandParts::LandParts(std::vector<core::Polygon> parts)
    : m_parts(std::move(parts)), m_locator(std::span<const core::Polygon>(m_parts)) {
  // Union-find over the parts that touch. Boundaries of neighbouring municipalities drawn from
  // one survey share their vertices along the border, so parts with vertices within the join
  // distance of each other are one land. One R-tree of every vertex: a few milliseconds for the
  // default region's 691 parts, where a polygon-to-polygon distance per pair of overlapping
  // boxes (every islet inside the mainland's box) took seconds.
  std::vector<std::uint32_t> parent(m_parts.size());
  for (std::uint32_t i = 0; i < parent.size(); ++i) {
    parent[i] = i;
  }
  using Vertex = std::pair<core::XY, std::uint32_t>;
  std::vector<Vertex> vertices;
  for (std::uint32_t i = 0; i < m_parts.size(); ++i) {
    for (const core::XY& v : m_parts[i].outer()) {
      vertices.emplace_back(v, i);
    }
  }
  const bgi::rtree<Vertex, bgi::rstar<16>> vertex_tree(vertices.begin(), vertices.end());
  for (const Vertex& v : vertices) {
    const core::Box near{{v.first.x - kLandJoinDistance_m, v.first.y - kLandJoinDistance_m},
                         {v.first.x + kLandJoinDistance_m, v.first.y + kLandJoinDistance_m}};
    vertex_tree.query(bgi::intersects(near),
                      boost::make_function_output_iterator([&](const Vertex& other) {
                        if (other.second == v.second ||
                            bg::distance(v.first, other.first) > kLandJoinDistance_m) {
                          return;
                        }
                        const std::uint32_t a = find_root(parent, v.second);
                        const std::uint32_t b = find_root(parent, other.second);
                        if (a != b) {
                          parent[std::max(a, b)] = std::min(a, b);
                        }
                      }));
  }
  m_land.resize(m_parts.size());
  std::vector<std::uint32_t> land_of_root(m_parts.size(), UINT32_MAX);
  for (std::uint32_t i = 0; i < m_parts.size(); ++i) {
    std::uint32_t& land = land_of_root[find_root(parent, i)];
    if (land == UINT32_MAX) {
      land = static_cast<std::uint32_t>(m_lands++);
    }
    m_land[i] = land;
  }
}

std::vector<core::Polygon> LandParts::parts_of(const core::Layer& boundaries) {
  std::vector<core::Polygon> out;
  for (const core::Feature& f : boundaries.features) {
    if (const auto* p = std::get_if<core::Polygon>(&f.geometry)) {
      out.push_back(*p);
    } else if (const auto* mp = std::get_if<core::MultiPolygon>(&f.geometry)) {
      out.insert(out.end(), mp->begin(), mp->end());
    }
  }
  return out;
}

std::optional<std::uint32_t> LandParts::part_of(core::XY p) const {
  const auto area = m_locator.area_containing(p);
  return area ? std::optional(static_cast<std::uint32_t>(*area)) : std::nullopt;
}

std::optional<std::uint32_t> LandParts::land_of(core::XY p) const {
  const auto part = part_of(p);
  return part ? std::optional(m_land[*part]) : std::nullopt;
}

bool LandParts::same_land(core::XY a, core::XY b) const {
  if (m_parts.empty()) {
    return true;
  }
  const auto pa = part_of(a);
  const auto pb = part_of(b);
  return !pa || !pb || m_land[*pa] == m_land[*pb];
}

}  // namespace caremap::routing
