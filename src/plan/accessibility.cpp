#include "plan/accessibility.hpp"

#include <cmath>
#include <cstdio>

#include "core/error.hpp"

namespace caremap::plan {

AccessParams two_step_fca(ReachMeasure measure, double catchment) {
  return {measure, {{catchment, 1.0}}};
}

AccessParams enhanced_two_step_fca() {
  // Luo & Qi (2009), table 1: weights from a Gaussian function with beta = 100 at the zones'
  // representative times (5, 15, 25 min).
  return {ReachMeasure::time, {{600.0, 1.0}, {1200.0, 0.68}, {1800.0, 0.22}}};
}

double zone_weight(const AccessParams& params, double cost) {
  for (const DecayZone& z : params.zones) {
    if (cost <= z.limit) {
      return z.weight;
    }
  }
  return 0.0;
}

AccessResult accessibility(const analysis::TravelCosts& c, std::span<const double> supply,
                           std::span<const double> demand, const AccessParams& params) {
  if (supply.size() != c.origins || demand.size() != c.destinations) {
    throw core::ArgumentError("accessibility: supply or demand sizes differ from the costs");
  }
  if (params.zones.empty()) {
    throw core::ArgumentError("accessibility: no catchment zone");
  }
  double previous = 0.0;
  for (const DecayZone& z : params.zones) {
    if (!(z.limit > previous) || !(z.weight > 0.0 && z.weight <= 1.0)) {
      throw core::ArgumentError(
          "accessibility: zones must have increasing limits and weights in (0, 1]");
    }
    previous = z.limit;
  }
  for (double v : supply) {
    if (!(v >= 0.0)) {
      throw core::ArgumentError("accessibility: negative supply");
    }
  }
  for (double v : demand) {
    if (!(v >= 0.0)) {
      throw core::ArgumentError("accessibility: negative demand");
    }
  }
  AccessResult r;
  r.ratio.assign(c.origins, 0.0);
  r.weighted_demand.assign(c.origins, 0.0);
  r.access.assign(c.destinations, 0.0);
  for (std::size_t j = 0; j < c.origins; ++j) {
    double sum = 0.0;
    for (std::size_t k = 0; k < c.destinations; ++k) {
      sum += demand[k] * zone_weight(params, cost_of(c, params.measure, j, k));
    }
    r.weighted_demand[j] = sum;
    // A site nobody reaches serves no one: its ratio is 0 rather than infinite.
    r.ratio[j] = sum > 0.0 ? supply[j] / sum : 0.0;
  }
  for (std::size_t j = 0; j < c.origins; ++j) {
    if (r.ratio[j] == 0.0) {
      continue;
    }
    for (std::size_t i = 0; i < c.destinations; ++i) {
      r.access[i] += r.ratio[j] * zone_weight(params, cost_of(c, params.measure, j, i));
    }
  }
  return r;
}

core::LocalText access_method_label(const AccessParams& params) {
  const bool time = params.measure == ReachMeasure::time;
  const double unit = time ? 60.0 : 1000.0;
  const char* ja_unit = time ? "分" : " km";
  const char* en_unit = time ? " min" : " km";
  char buf[64];
  if (params.zones.size() == 1) {
    std::snprintf(buf, sizeof buf, "%g", params.zones[0].limit / unit);
    return {std::string("2SFCA（") + buf + ja_unit + "以内）",
            std::string("2SFCA (within ") + buf + en_unit + ")"};
  }
  std::string limits;
  std::string weights;
  for (const DecayZone& z : params.zones) {
    std::snprintf(buf, sizeof buf, "%s%g", limits.empty() ? "" : "/", z.limit / unit);
    limits += buf;
    std::snprintf(buf, sizeof buf, "%s%g", weights.empty() ? "" : ", ", z.weight);
    weights += buf;
  }
  return {"E2SFCA（" + limits + ja_unit + "：重み " + weights + "）",
          "E2SFCA (" + limits + en_unit + ": weights " + weights + ")"};
}

}  // namespace caremap::plan
