#pragma once
// Which sites (clinics, candidate sites) reach each demand point: the common first step of the
// planning analyses. Costs come from analysis::TravelCosts with the sites as origins and the
// demand points as destinations, because a home visit starts at the clinic (on one-way streets
// the direction matters; straight-line costs are symmetric anyway).
//
// A reach is a limit on one of the two measures TravelCosts carries: travel time (seconds) or
// travel length (metres, road or straight line). Which one, and its value, is stated in every
// result through reach_label().
//
// Cost: O(sites x demand) to scan, plus a sort of each demand point's short list.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/travel_costs.hpp"
#include "core/lang.hpp"

namespace caremap::plan {

enum class ReachMeasure : std::uint8_t { time, length };

struct ReachRule {
  ReachMeasure measure = ReachMeasure::length;
  double limit =
      16'000.0;  ///< seconds (time) or metres (length); a site at exactly the limit reaches
};

/// The cost of `site` to `demand` in the rule's measure (+inf = unreachable).
double cost_of(const analysis::TravelCosts& site_costs, ReachMeasure measure, std::size_t site,
               std::size_t demand);

/// "16 km" / "20分" in words: {"16 km以内", "within 16 km"}, {"20分以内", "within 20 min"}.
core::LocalText reach_label(const ReachRule& rule);
/// The rule as a provenance parameter value: "16000 m" or "1200 s".
std::string reach_parameter(const ReachRule& rule);

/// The sites in reach of every demand point, nearest first (ties by site index).
class Reach {
 public:
  /// `open` (empty = all open): sites marked false are left out (a closed clinic, a what-if
  /// removal). Throws core::ArgumentError for a limit that is not > 0 or an `open` of the wrong
  /// size.
  Reach(const analysis::TravelCosts& site_costs, const ReachRule& rule,
        const std::vector<bool>& open = {});

  std::size_t demand_points() const { return m_offsets.size() - 1; }
  std::size_t sites() const { return m_sites; }
  /// Sites in reach of demand point `i`, nearest first.
  std::span<const std::uint32_t> sites_of(std::size_t i) const {
    return {m_site.data() + m_offsets[i], m_offsets[i + 1] - m_offsets[i]};
  }
  /// Their costs, same order.
  std::span<const double> costs_of(std::size_t i) const {
    return {m_cost.data() + m_offsets[i], m_offsets[i + 1] - m_offsets[i]};
  }
  const ReachRule& rule() const { return m_rule; }

 private:
  std::size_t m_sites = 0;
  ReachRule m_rule;
  std::vector<std::uint32_t> m_offsets;
  std::vector<std::uint32_t> m_site;
  std::vector<double> m_cost;
};

}  // namespace caremap::plan
