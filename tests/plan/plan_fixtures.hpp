#pragma once
// Small planning instances drawn on a line: sites and demand points by x (metres), so that
// which site reaches which point is read off the numbers.

#include <cmath>
#include <string>
#include <vector>

#include "analysis/demand.hpp"
#include "analysis/travel_costs.hpp"

namespace caremap::plan::test {

/// Straight-line costs between sites and points on a line; time = length (1 m/s).
inline analysis::TravelCosts line_costs(const std::vector<double>& sites,
                                        const std::vector<double>& points) {
  analysis::TravelCosts c;
  c.origins = sites.size();
  c.destinations = points.size();
  for (double s : sites) {
    for (double p : points) {
      c.length_m.push_back(std::abs(s - p));
    }
  }
  c.time_s = c.length_m;
  c.basis = {"テスト直線", "test straight line"};
  return c;
}

struct TestPoint {
  double x = 0.0;
  std::uint32_t city = 0;
  double people = 0.0;
  double people_75plus = 0.0;
};

inline analysis::Demand line_demand(const std::vector<TestPoint>& points) {
  analysis::Demand d;
  d.cities = {"A", "B"};
  d.has_age_bands = true;
  d.basis = {"テスト人口", "test population"};
  for (const TestPoint& t : points) {
    analysis::DemandPoint p;
    p.position = {t.x, 0.0};
    p.shape = p.position;
    p.city = t.city;
    p.people = t.people;
    p.people_65plus = t.people_75plus;
    p.people_75plus = t.people_75plus;
    p.label = std::to_string(static_cast<int>(t.x));
    d.points.push_back(p);
  }
  return d;
}

inline std::vector<double> xs(const analysis::Demand& d) {
  std::vector<double> v;
  for (const auto& p : d.points) {
    v.push_back(p.position.x);
  }
  return v;
}

}  // namespace caremap::plan::test
