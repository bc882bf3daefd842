#pragma once
// Helpers for the network-analysis tests: a RoadNetwork from a text fixture (see
// tests/routing/support/road_fixture.hpp) and point layers of facilities or demand.

#include <memory>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "routing/road_network.hpp"
#include "support/road_fixture.hpp"

namespace caremap::test {

/// Two roads that meet only at B: A-B-C along the bottom, B-D up the middle, 36 km/h (10 m/s).
///   D (1000, 1000)
///   |
///   A ---- B ---- C      A (0, 0), B (1000, 0), C (2000, 0)
inline constexpr const char* kTeeFixture = R"(
node A 0 0
node B 1000 0
node C 2000 0
node D 1000 1000
way 1 A B C speed=36
way 2 B D speed=36
)";

inline std::shared_ptr<const routing::RoadNetwork> network_of(const std::string& fixture) {
  return std::make_shared<const routing::RoadNetwork>(parse_road_fixture(fixture).graph);
}

/// One trunk road A(0, 0) - B(length_m, 0) at 36 km/h (10 m/s) on a network with costed access
/// and direct legs at 18 km/h (5 m/s), no detour, flagged beyond 300 m, up to 5 km: every
/// expected time is a distance over 5 or 10. `land` limits the legs (routing/land_parts.hpp).
inline std::shared_ptr<const routing::RoadNetwork> trunk_network(
    double length_m, std::vector<core::Polygon> land = {}) {
  routing::NetworkDescription d;
  d.access.speed_kmh = 18.0;
  d.access.detour_factor = 1.0;
  d.access.flag_distance_m = 300.0;
  d.access.max_distance_m = 5000.0;
  d.access.direct_legs = true;
  d.basis = {"幹線道路のみ（テスト）", "trunk roads only (test)"};
  d.land = std::move(land);
  return std::make_shared<const routing::RoadNetwork>(
      parse_road_fixture("node A 0 0\nnode B " + std::to_string(length_m) +
                         " 0\nway 1 A B speed=36\n")
          .graph,
      std::move(d));
}

/// A point layer named `id` with a name field; features in the given order.
inline core::LayerPtr point_layer(const std::string& id, core::Category category,
                                  const std::vector<std::pair<std::string, core::XY>>& points) {
  auto l = std::make_shared<core::Layer>();
  l->id = id;
  l->title = id;
  l->category = category;
  l->crs = "local";
  l->fields = {{"name", core::FieldType::text}};
  l->name_field = 0;
  l->provenance.inputs.push_back({id + ".csv", id, "2025-06-01", ""});
  std::size_t row = 0;
  for (const auto& [name, xy] : points) {
    l->features.push_back({xy, {name}, category, ++row});
  }
  return l;
}

}  // namespace caremap::test
