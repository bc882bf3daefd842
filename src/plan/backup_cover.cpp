#include "plan/backup_cover.hpp"

#include "core/error.hpp"

namespace caremap::plan {

CoverCounts& CoverCounts::add(const analysis::DemandPoint& p, std::uint32_t in_reach) {
  const analysis::PeopleCount c = analysis::people_of(p);
  ++units;
  people += c;
  (in_reach == 0 ? none : in_reach == 1 ? one : two_plus) += c;
  return *this;
}

BackupCover backup_cover(const analysis::Demand& demand, const Reach& reach) {
  if (reach.demand_points() != demand.points.size()) {
    throw core::ArgumentError("backup cover: " + std::to_string(reach.demand_points()) +
                              " reach rows for " + std::to_string(demand.points.size()) +
                              " demand points");
  }
  BackupCover r;
  r.points.resize(demand.points.size());
  r.cities.resize(demand.cities.size());
  const std::size_t n = reach.sites();
  // shared[a * n + b]: people reached by both a and b (a != b); the diagonal holds the people
  // reached by a. Dense: the region has about a hundred clinics.
  std::vector<double> shared(n * n, 0.0);
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    const auto sites = reach.sites_of(i);
    const auto costs = reach.costs_of(i);
    DemandCover& c = r.points[i];
    c.in_reach = static_cast<std::uint32_t>(sites.size());
    if (!sites.empty()) {
      c.primary = sites[0];
      c.primary_cost = costs[0];
    }
    if (sites.size() > 1) {
      c.backup = sites[1];
      c.backup_cost = costs[1];
    }
    const analysis::DemandPoint& p = demand.points[i];
    if (p.city != analysis::kNoCity) {
      r.cities[p.city].add(p, c.in_reach);
      r.total.add(p, c.in_reach);
    }
    for (std::uint32_t a : sites) {
      double* row = shared.data() + std::size_t{a} * n;
      for (std::uint32_t b : sites) {
        row[b] += p.people;
      }
    }
  }
  r.partners.resize(n);
  for (std::size_t a = 0; a < n; ++a) {
    PartnerRow& row = r.partners[a];
    row.site = static_cast<std::uint32_t>(a);
    row.people_in_reach = shared[a * n + a];
    for (std::size_t b = 0; b < n; ++b) {
      // Strictly greater: ties go to the lower site index, so the pairing is deterministic.
      if (b != a && shared[a * n + b] > row.people_shared) {
        row.people_shared = shared[a * n + b];
        row.partner = static_cast<std::uint32_t>(b);
      }
    }
  }
  for (PartnerRow& row : r.partners) {
    row.mutual = row.partner && r.partners[*row.partner].partner == row.site;
  }
  return r;
}

CoverComparison compare_cover(const analysis::Demand& demand, const BackupCover& before,
                              const BackupCover& after) {
  if (before.points.size() != after.points.size() || before.points.size() != demand.points.size()) {
    throw core::ArgumentError("compare_cover: covers of different demand");
  }
  CoverComparison r;
  r.cities.resize(demand.cities.size());
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    const analysis::DemandPoint& p = demand.points[i];
    if (p.city == analysis::kNoCity) {
      continue;
    }
    const std::uint32_t b = before.points[i].in_reach;
    const std::uint32_t a = after.points[i].in_reach;
    const analysis::PeopleCount c = analysis::people_of(p);
    for (CoverChange* ch : {&r.cities[p.city], &r.total}) {
      if (b == 0 && a > 0) {
        ch->gained_cover += c;
      }
      if (b > 0 && a == 0) {
        ch->lost_cover += c;
      }
      if (b < 2 && a >= 2) {
        ch->gained_backup += c;
      }
      if (b >= 2 && a < 2) {
        ch->lost_backup += c;
      }
    }
  }
  return r;
}

}  // namespace caremap::plan
