#include "drill/drill_routes.hpp"

#include <cmath>

#include "analysis/network_sites.hpp"
#include "routing/target_search.hpp"

namespace caremap::drill {

namespace {

core::XY site_position(const Scenario& scenario, const Patient& p, std::int32_t site) {
  const auto s = static_cast<std::size_t>(site);
  return p.wants_shelter ? scenario.shelters[s].position : scenario.hospitals[s].position;
}

// The road route with the access legs at both ends as straight pieces.
core::LineString with_legs(core::XY from, core::LineString road, core::XY to) {
  core::LineString line;
  line.reserve(road.size() + 2);
  line.push_back(from);
  for (const core::XY& p : road) {
    if (p.x != line.back().x || p.y != line.back().y) {
      line.push_back(p);
    }
  }
  if (to.x != line.back().x || to.y != line.back().y) {
    line.push_back(to);
  }
  return line;
}

}  // namespace

std::vector<core::LineString> patient_routes(const Scenario& scenario, const InjectResult& r,
                                             const routing::RoadNetwork* network,
                                             const DrillOptions& options) {
  const std::size_t n = scenario.patients.size();
  std::vector<core::LineString> routes(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (r.patients[i].placed()) {
      const Patient& p = scenario.patients[i];
      routes[i] = {p.position, site_position(scenario, p, r.patients[i].site)};
    }
  }
  if (network == nullptr) {
    return routes;
  }
  core::Diagnostics ignored;  // the cost matrix reported snapping already
  std::vector<core::XY> positions;
  positions.reserve(n);
  for (const Patient& p : scenario.patients) {
    positions.push_back(p.position);
  }
  auto patients =
      analysis::point_sites(*network, positions, "patients", options.snap_distance, ignored);
  analysis::close_access_legs(patients, r.overlay.get(), ignored);
  const routing::RoadGraph& g = network->graph();
  // One backward search per site reached by anyone, its targets the patients placed there.
  const auto run_sites = [&](bool shelters, std::size_t count) {
    for (std::size_t s = 0; s < count; ++s) {
      std::vector<std::optional<routing::Endpoint>> targets(n);
      std::vector<std::uint32_t> who;
      for (std::uint32_t i = 0; i < n; ++i) {
        if (scenario.patients[i].wants_shelter == shelters &&
            r.patients[i].site == static_cast<std::int32_t>(s) && patients[i].endpoint) {
          targets[i] = patients[i].endpoint;
          who.push_back(i);
        }
      }
      if (who.empty()) {
        continue;
      }
      const core::XY at = shelters ? scenario.shelters[s].position : scenario.hospitals[s].position;
      auto site = analysis::point_sites(*network, std::span<const core::XY>(&at, 1), "site",
                                        options.snap_distance, ignored);
      analysis::close_access_legs(site, r.overlay.get(), ignored);
      if (!site[0].endpoint) {
        continue;
      }
      const routing::TargetSet set(g, targets, routing::Direction::backward, r.overlay.get());
      routing::TargetSearch search(g, set);
      routing::SearchOptions o;
      for (const routing::TargetHit& h : search.run(*site[0].endpoint, 0, o)) {
        // A direct leg faster than the roads is what the matrix used: keep the straight line.
        if (h.time_s > r.patients[h.target].time_s + 0.05) {
          continue;
        }
        routes[h.target] =
            with_legs(scenario.patients[h.target].position, search.route(h).geometry, at);
      }
    }
  };
  run_sites(false, scenario.hospitals.size());
  run_sites(true, scenario.shelters.size());
  return routes;
}

}  // namespace caremap::drill
