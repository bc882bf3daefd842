#include "plan/cover_loss.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"

namespace caremap::plan {

namespace {

CoverLoss empty_loss(const analysis::Demand& demand) {
  CoverLoss l;
  l.lost_cover_by_city.resize(demand.cities.size());
  l.lost_backup_by_city.resize(demand.cities.size());
  return l;
}

void require_same_points(const analysis::Demand& demand, const Reach& reach) {
  if (reach.demand_points() != demand.points.size()) {
    throw core::ArgumentError("cover loss: " + std::to_string(reach.demand_points()) +
                              " reach rows for " + std::to_string(demand.points.size()) +
                              " demand points");
  }
}

void count(CoverLoss& l, const analysis::DemandPoint& p, std::size_t before, std::size_t after) {
  if (p.city == analysis::kNoCity) {
    return;
  }
  const analysis::PeopleCount c = analysis::people_of(p);
  if (before > 0 && after == 0) {
    l.lost_cover += c;
    l.lost_cover_by_city[p.city] += c;
  } else if (before >= 2 && after == 1) {
    l.lost_backup += c;
    l.lost_backup_by_city[p.city] += c;
  }
}

}  // namespace

CoverLoss cover_loss(const analysis::Demand& demand, const Reach& reach,
                     std::span<const std::uint32_t> removed) {
  require_same_points(demand, reach);
  std::vector<bool> gone(reach.sites(), false);
  CoverLoss l = empty_loss(demand);
  for (std::uint32_t s : removed) {
    if (s >= reach.sites()) {
      throw core::ArgumentError("cover loss: no site " + std::to_string(s) + " (there are " +
                                std::to_string(reach.sites()) + ")");
    }
    if (!gone[s]) {
      l.removed.push_back(s);
    }
    gone[s] = true;
  }
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    const auto sites = reach.sites_of(i);
    const auto left = static_cast<std::size_t>(
        std::count_if(sites.begin(), sites.end(), [&](std::uint32_t s) { return !gone[s]; }));
    count(l, demand.points[i], sites.size(), left);
  }
  return l;
}

std::vector<CoverLoss> n_minus_one(const analysis::Demand& demand, const Reach& reach) {
  require_same_points(demand, reach);
  std::vector<CoverLoss> losses(reach.sites(), empty_loss(demand));
  for (std::uint32_t s = 0; s < reach.sites(); ++s) {
    losses[s].removed = {s};
  }
  // Only points with one or two sites in reach can lose anything to a single removal.
  for (std::size_t i = 0; i < demand.points.size(); ++i) {
    const auto sites = reach.sites_of(i);
    if (sites.size() == 1 || sites.size() == 2) {
      for (std::uint32_t s : sites) {
        count(losses[s], demand.points[i], sites.size(), sites.size() - 1);
      }
    }
  }
  std::stable_sort(losses.begin(), losses.end(), [](const CoverLoss& a, const CoverLoss& b) {
    if (a.lost_cover.people != b.lost_cover.people) {
      return a.lost_cover.people > b.lost_cover.people;
    }
    if (a.lost_cover.people_75plus != b.lost_cover.people_75plus) {
      return a.lost_cover.people_75plus > b.lost_cover.people_75plus;
    }
    return a.lost_backup.people > b.lost_backup.people;
  });
  return losses;
}

}  // namespace caremap::plan
