#include "drill/drill_routes.hpp"

#include <boost/geometry.hpp>
#include <cmath>

#include "analysis/access_leg_lines.hpp"
#include "analysis/network_sites.hpp"
#include "routing/target_search.hpp"

namespace caremap::drill {

namespace {

core::XY site_position(const Scenario& scenario, const Patient& p, std::int32_t site) {
  const auto s = static_cast<std::size_t>(site);
  return p.wants_shelter ? scenario.shelters[s].position : scenario.hospitals[s].position;
}

bool same(core::XY a, core::XY b) {
  return a.x == b.x && a.y == b.y;
}

// The road route with the access legs at both ends as straight pieces, and where the roads are.
PatientRoute with_legs(core::XY from, const core::LineString& road, core::XY to) {
  PatientRoute r;
  core::LineString& line = r.line;
  line.reserve(road.size() + 2);
  line.push_back(from);
  for (const core::XY& p : road) {
    if (!same(p, line.back())) {
      line.push_back(p);
    }
  }
  r.road_first = road.empty() || same(road.front(), from) ? 0 : 1;
  r.road_last = line.size() - 1;
  if (!same(to, line.back())) {
    line.push_back(to);
  }
  return r;
}

PatientRoute straight(core::XY from, core::XY to) {
  PatientRoute r;
  r.line = {from, to};
  return r;
}

}  // namespace

core::LineString road_part(const PatientRoute& route) {
  if (!route.by_road()) {
    return {};
  }
  return core::LineString(route.line.begin() + static_cast<std::ptrdiff_t>(route.road_first),
                          route.line.begin() + static_cast<std::ptrdiff_t>(route.road_last) + 1);
}

std::vector<core::LineString> straight_parts(const PatientRoute& route) {
  std::vector<core::LineString> out;
  if (route.empty()) {
    return out;
  }
  if (!route.by_road()) {
    out.push_back(route.line);
    return out;
  }
  const auto leg = [&](std::size_t a, std::size_t b) {
    const core::XY p = route.line[a];
    const core::XY q = route.line[b];
    if (boost::geometry::distance(p, q) >= analysis::kMinAccessLegM) {
      out.push_back(core::LineString{p, q});
    }
  };
  if (route.road_first > 0) {
    leg(0, route.road_first);
  }
  if (route.road_last + 1 < route.line.size()) {
    leg(route.road_last, route.line.size() - 1);
  }
  return out;
}

std::vector<PatientRoute> patient_routes(const Scenario& scenario, const InjectResult& r,
                                         const routing::RoadNetwork* network,
                                         const DrillOptions& options) {
  const std::size_t n = scenario.patients.size();
  std::vector<PatientRoute> routes(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (r.patients[i].placed()) {
      const Patient& p = scenario.patients[i];
      routes[i] = straight(p.position, site_position(scenario, p, r.patients[i].site));
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
