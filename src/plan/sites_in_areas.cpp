#include "plan/sites_in_areas.hpp"

#include <boost/geometry.hpp>

namespace caremap::plan {

std::vector<std::uint32_t> sites_in_areas(std::span<const PlanSite> sites,
                                          const core::Layer& areas) {
  std::vector<std::uint32_t> inside;
  for (std::uint32_t s = 0; s < sites.size(); ++s) {
    for (const core::Feature& f : areas.features) {
      const bool hit = std::visit(
          [&](const auto& g) {
            using G = std::decay_t<decltype(g)>;
            if constexpr (std::is_same_v<G, core::Polygon> ||
                          std::is_same_v<G, core::MultiPolygon>) {
              return boost::geometry::covered_by(sites[s].position, g);
            } else {
              return false;
            }
          },
          f.geometry);
      if (hit) {
        inside.push_back(s);
        break;
      }
    }
  }
  return inside;
}

}  // namespace caremap::plan
