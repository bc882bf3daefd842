#include "plan/reach.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "core/error.hpp"

namespace caremap::plan {

double cost_of(const analysis::TravelCosts& c, ReachMeasure measure, std::size_t site,
               std::size_t demand) {
  return measure == ReachMeasure::time ? c.time(site, demand) : c.length(site, demand);
}

core::LocalText reach_label(const ReachRule& rule) {
  char buf[64];
  if (rule.measure == ReachMeasure::time) {
    std::snprintf(buf, sizeof buf, "%g", rule.limit / 60.0);
    return {std::string(buf) + "分以内", "within " + std::string(buf) + " min"};
  }
  std::snprintf(buf, sizeof buf, "%g", rule.limit / 1000.0);
  return {std::string(buf) + " km以内", "within " + std::string(buf) + " km"};
}

std::string reach_parameter(const ReachRule& rule) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g %s", rule.limit,
                rule.measure == ReachMeasure::time ? "s" : "m");
  return buf;
}

Reach::Reach(const analysis::TravelCosts& c, const ReachRule& rule, const std::vector<bool>& open)
    : m_sites(c.origins), m_rule(rule) {
  if (!(rule.limit > 0.0) || !std::isfinite(rule.limit)) {
    throw core::ArgumentError("reach must be > 0");
  }
  if (!open.empty() && open.size() != c.origins) {
    throw core::ArgumentError("open-site mask has " + std::to_string(open.size()) +
                              " entries for " + std::to_string(c.origins) + " sites");
  }
  const std::size_t demand = c.destinations;
  // Count first, then fill: one pass over the site-major matrix each, no per-point vectors.
  std::vector<std::uint32_t> count(demand, 0);
  for (std::size_t s = 0; s < m_sites; ++s) {
    if (!open.empty() && !open[s]) {
      continue;
    }
    for (std::size_t i = 0; i < demand; ++i) {
      if (cost_of(c, rule.measure, s, i) <= rule.limit) {
        ++count[i];
      }
    }
  }
  m_offsets.assign(demand + 1, 0);
  std::partial_sum(count.begin(), count.end(), m_offsets.begin() + 1);
  m_site.resize(m_offsets.back());
  m_cost.resize(m_offsets.back());
  std::vector<std::uint32_t> fill(m_offsets.begin(), m_offsets.end() - 1);
  for (std::size_t s = 0; s < m_sites; ++s) {
    if (!open.empty() && !open[s]) {
      continue;
    }
    for (std::size_t i = 0; i < demand; ++i) {
      const double v = cost_of(c, rule.measure, s, i);
      if (v <= rule.limit) {
        m_site[fill[i]] = static_cast<std::uint32_t>(s);
        m_cost[fill[i]++] = v;
      }
    }
  }
  // Sites were added in index order, so a stable sort by cost keeps ties by index.
  std::vector<std::uint32_t> order;
  for (std::size_t i = 0; i < demand; ++i) {
    const std::uint32_t b = m_offsets[i];
    const std::uint32_t e = m_offsets[i + 1];
    order.resize(e - b);
    std::iota(order.begin(), order.end(), b);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t x, std::uint32_t y) { return m_cost[x] < m_cost[y]; });
    std::vector<std::uint32_t> sites(e - b);
    std::vector<double> costs(e - b);
    for (std::size_t k = 0; k < order.size(); ++k) {
      sites[k] = m_site[order[k]];
      costs[k] = m_cost[order[k]];
    }
    std::copy(sites.begin(), sites.end(), m_site.begin() + b);
    std::copy(costs.begin(), costs.end(), m_cost.begin() + b);
  }
}

}  // namespace caremap::plan
