#include "drill/generate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <random>

#include "core/error.hpp"

namespace caremap::drill {

namespace {

class Draw {
 public:
  explicit Draw(std::uint64_t seed) : m_rng(seed) {}
  /// Uniform in [0, 1), 53 bits.
  double uniform() { return static_cast<double>(m_rng() >> 11) * 0x1.0p-53; }

 private:
  std::mt19937_64 m_rng;
};

core::XY in_box(Draw& d, const core::Box& b) {
  return {b.min_corner().x + d.uniform() * (b.max_corner().x - b.min_corner().x),
          b.min_corner().y + d.uniform() * (b.max_corner().y - b.min_corner().y)};
}

template <class Area>
core::XY in_area(Draw& d, const Area& area) {
  core::Box box;
  boost::geometry::envelope(area, box);
  for (int attempt = 0; attempt < 1000; ++attempt) {
    const core::XY p = in_box(d, box);
    if (boost::geometry::within(p, area)) {
      return p;
    }
  }
  core::XY c;
  boost::geometry::centroid(area, c);
  return c;
}

core::XY along(Draw& d, const core::LineString& line) {
  const double total = boost::geometry::length(line);
  double at = d.uniform() * total;
  for (std::size_t i = 1; i < line.size(); ++i) {
    const double len = std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    if (at <= len && len > 0.0) {
      const double t = at / len;
      return {line[i - 1].x + t * (line[i].x - line[i - 1].x),
              line[i - 1].y + t * (line[i].y - line[i - 1].y)};
    }
    at -= len;
  }
  return line.empty() ? core::XY{} : line.back();
}

core::XY around(Draw& d, core::XY p, double radius) {
  // Uniform in the disc: the square root keeps the density even.
  const double r = radius * std::sqrt(d.uniform());
  const double a = 2.0 * std::numbers::pi * d.uniform();
  return {p.x + r * std::cos(a), p.y + r * std::sin(a)};
}

core::XY point_in(Draw& d, const core::Geometry& g, double jitter_m) {
  if (const auto* p = std::get_if<core::XY>(&g)) {
    return around(d, *p, jitter_m);
  }
  if (const auto* l = std::get_if<core::LineString>(&g)) {
    return along(d, *l);
  }
  if (const auto* a = std::get_if<core::Polygon>(&g)) {
    return in_area(d, *a);
  }
  if (const auto* m = std::get_if<core::MultiPolygon>(&g)) {
    return in_area(d, *m);
  }
  throw core::ArgumentError("a drill place is not a point, line or polygon");
}

}  // namespace

int priority_for(core::CareNeeds needs) {
  if (needs.has(core::CareNeed::ventilator)) {
    return 3;
  }
  if (needs.has(core::CareNeed::dialysis) || needs.has(core::CareNeed::home_oxygen)) {
    return 2;
  }
  return 1;
}

std::vector<Patient> generate_patients(std::span<const WeightedPlace> places,
                                       const GenerateParams& params) {
  std::vector<double> cumulative;
  cumulative.reserve(places.size());
  double total = 0.0;
  for (const WeightedPlace& p : places) {
    if (!(p.weight >= 0.0) || !std::isfinite(p.weight)) {
      throw core::ArgumentError("a drill place has weight " + std::to_string(p.weight) +
                                ", expected a finite number >= 0");
    }
    total += p.weight;
    cumulative.push_back(total);
  }
  if (!(total > 0.0)) {
    throw core::ArgumentError("no place to draw drill patients from has a positive weight");
  }
  const auto share_ok = [](double s) { return s >= 0.0 && s <= 1.0; };
  for (const NeedShare& n : params.needs) {
    if (!share_ok(n.share)) {
      throw core::ArgumentError(std::string("share of ") + core::name(n.need) + " is " +
                                std::to_string(n.share) + ", expected 0..1");
    }
  }
  if (!share_ok(params.shelter_share)) {
    throw core::ArgumentError("shelter share is " + std::to_string(params.shelter_share) +
                              ", expected 0..1");
  }
  Draw d(params.seed);
  std::vector<Patient> out;
  out.reserve(params.count);
  for (std::size_t i = 0; i < params.count; ++i) {
    const double x = d.uniform() * total;
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
    const std::size_t k =
        std::min(static_cast<std::size_t>(it - cumulative.begin()), places.size() - 1);
    Patient p;
    char id[32];
    std::snprintf(id, sizeof id, "%s%04zu", params.id_prefix.c_str(), i + 1);
    p.id = id;
    p.position = point_in(d, places[k].where, params.jitter_m);
    for (const NeedShare& n : params.needs) {
      if (d.uniform() < n.share) {
        p.needs.add(n.need);
      }
    }
    p.priority = priority_for(p.needs);
    const bool asks_service = !core::missing_services(p.needs, core::CareNeeds{}).empty();
    p.wants_shelter = !asks_service && d.uniform() < params.shelter_share;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace caremap::drill
