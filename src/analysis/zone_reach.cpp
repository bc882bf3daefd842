#include "analysis/zone_reach.hpp"

#include <cmath>

namespace caremap::analysis {

namespace {

PeopleCount share_of(const DemandPoint& p, double share) {
  return {p.people * share, p.people_65plus * share, p.people_75plus * share};
}

bool reached(const core::XY& at, std::span<const ReachDisc> discs, const std::vector<bool>& skip) {
  for (std::size_t f = 0; f < discs.size(); ++f) {
    if (!skip[f] && std::hypot(at.x - discs[f].position.x, at.y - discs[f].position.y) <=
                        discs[f].radius.value) {
      return true;
    }
  }
  return false;
}

}  // namespace

ZoneReach zone_reach(const PeopleLocator& people, std::span<const ReachDisc> discs,
                     const core::MultiPolygon& zone) {
  const Demand& demand = people.demand();
  ZoneReach r;
  std::vector<bool> none(discs.size(), false);
  std::vector<bool> in_zone(discs.size(), false);
  for (std::size_t f = 0; f < discs.size(); ++f) {
    // covered_by: a facility on the zone's edge is in it (plan::sites_in_areas does the same).
    if (core::bg::covered_by(discs[f].position, zone)) {
      in_zone[f] = true;
      r.inside.push_back(static_cast<std::uint32_t>(f));
    }
  }
  const std::size_t cities = demand.cities.size();
  r.people_by_city.resize(cities);
  r.beyond_today_by_city.resize(cities);
  r.beyond_without_zone_by_city.resize(cities);
  const std::vector<double> shares = people.shares_inside(zone);
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    if (!(shares[i] > 0.0)) {
      continue;
    }
    const DemandPoint& p = demand.points[i];
    const PeopleCount here = share_of(p, shares[i]);
    const bool today = reached(p.position, discs, none);
    const bool without = today && reached(p.position, discs, in_zone);
    const bool city = p.city != kNoCity && p.city < cities;
    r.people += here;
    if (city) {
      r.people_by_city[p.city] += here;
    }
    if (!today) {
      r.beyond_today += here;
      if (city) {
        r.beyond_today_by_city[p.city] += here;
      }
    }
    if (!without) {
      r.beyond_without_zone += here;
      if (city) {
        r.beyond_without_zone_by_city[p.city] += here;
      }
    }
    if (today && !without) {
      r.lost_points.push_back(static_cast<std::uint32_t>(i));
    }
  }
  return r;
}

}  // namespace caremap::analysis
