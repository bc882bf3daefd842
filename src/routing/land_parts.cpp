#include "routing/land_parts.hpp"

#include <boost/geometry.hpp>
#include <boost/iterator/function_output_iterator.hpp>

namespace caremap::routing {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

LandParts::LandParts(std::vector<core::Polygon> parts) : m_parts(std::move(parts)) {
  std::vector<Value> boxes;
  boxes.reserve(m_parts.size());
  for (std::uint32_t i = 0; i < m_parts.size(); ++i) {
    boxes.push_back({bg::return_envelope<core::Box>(m_parts[i]), i});
  }
  m_tree = decltype(m_tree)(boxes.begin(), boxes.end());
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
  std::optional<std::uint32_t> found;
  m_tree.query(bgi::contains(p), boost::make_function_output_iterator([&](const Value& v) {
                 if (!found && bg::covered_by(p, m_parts[v.second])) {
                   found = v.second;
                 }
               }));
  return found;
}

bool LandParts::same_land(core::XY a, core::XY b) const {
  if (m_parts.empty()) {
    return true;
  }
  const auto pa = part_of(a);
  const auto pb = part_of(b);
  return !pa || !pb || *pa == *pb;
}

}  // namespace caremap::routing
