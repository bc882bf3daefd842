#include "analysis/network_sites.hpp"

#include <cmath>
#include <filesystem>
#include <sstream>

#include "analysis/facility_set.hpp"
#include "core/error.hpp"

namespace caremap::analysis {

namespace {

std::string source_file(const core::Layer& layer) {
  return layer.provenance.inputs.empty() ? std::string() : layer.provenance.inputs.front().path;
}

std::string metres(double m) {
  return std::to_string(static_cast<long long>(std::lround(m)));
}

void place(const routing::RoadNetwork& network, NetworkSite& site, core::Meters snap_distance,
           const std::string& file, std::size_t row, core::Diagnostics& diagnostics) {
  const routing::AccessModel& access = network.access();
  if (access.costed()) {
    snap_distance = core::Meters{access.max_distance_m};
  }
  const auto where = row ? std::optional<std::size_t>(row) : std::nullopt;
  site.land = network.land().land_of(site.position);
  if (const auto snap = network.index().snap(site.position, snap_distance)) {
    const auto road_land = network.land().land_of(snap->point);
    if (site.land && road_land && *site.land != *road_land) {
      site.not_connected = true;
      diagnostics.add({core::Severity::warning,
                       "not_connected_by_road",
                       file,
                       where,
                       {},
                       "'" + site.name + "' of layer '" + site.layer_id +
                           "' lies on land no road of this network reaches (an island): not "
                           "connected by road (places on the same island are reached directly)"});
      return;
    }
    site.endpoint = routing::Endpoint::at(network.graph(), *snap);
    site.snap_distance_m = snap->distance.value;
    site.access_length_m = access.costed() ? access.length_m(snap->distance.value) : 0.0;
    site.access_time_s = access.time_s(snap->distance.value);
    site.endpoint->access_length_m = site.access_length_m;
    site.endpoint->access_time_s = site.access_time_s;
    if (access.costed() && access.long_leg(snap->distance.value)) {
      site.long_access = true;
      diagnostics.add({core::Severity::warning,
                       "long_access_leg",
                       file,
                       where,
                       {},
                       "'" + site.name + "' of layer '" + site.layer_id + "' is " +
                           metres(snap->distance.value) +
                           " m from the nearest road of this network (flagged; its times "
                           "include that access leg)"});
    }
  } else {
    diagnostics.add({core::Severity::warning,
                     "snap_too_far",
                     file,
                     row ? std::optional<std::size_t>(row) : std::nullopt,
                     {},
                     "'" + site.name + "' of layer '" + site.layer_id + "' is more than " +
                         std::to_string(static_cast<long long>(snap_distance.value)) +
                         " m from every road; left out of the network analysis"});
  }
}

}  // namespace

const char* to_string(TravelDirection d) {
  return d == TravelDirection::to_facility ? "to_facility" : "from_facility";
}

void close_access_legs(std::vector<NetworkSite>& sites, const routing::Overlay* overlay,
                       core::Diagnostics& diagnostics) {
  if (overlay == nullptr) {
    return;
  }
  for (NetworkSite& s : sites) {
    if (s.endpoint && s.access_length_m > 0.0 &&
        overlay->blocks_leg(s.position, s.endpoint->point)) {
      s.endpoint.reset();
      diagnostics.add({core::Severity::warning,
                       "access_leg_closed",
                       {},
                       std::nullopt,
                       {},
                       "'" + s.name + "' of layer '" + s.layer_id +
                           "': the way to the nearest road crosses a closure"});
    }
  }
}

namespace {

std::optional<DirectLeg> leg_unless_closed(const routing::AccessModel& a, core::XY from,
                                           core::XY to, const routing::Overlay* overlay) {
  if (overlay != nullptr && overlay->blocks_leg(from, to)) {
    return std::nullopt;
  }
  const double d = std::hypot(to.x - from.x, to.y - from.y);
  return DirectLeg{a.time_s(d), a.length_m(d)};
}

}  // namespace

std::optional<DirectLeg> direct_leg(const routing::RoadNetwork& network, core::XY from, core::XY to,
                                    const routing::Overlay* overlay) {
  const routing::AccessModel& a = network.access();
  if (!a.costed() || !a.direct_legs || !network.land().same_land(from, to)) {
    return std::nullopt;
  }
  return leg_unless_closed(a, from, to, overlay);
}

std::optional<DirectLeg> direct_leg(const routing::RoadNetwork& network, const NetworkSite& from,
                                    const NetworkSite& to, const routing::Overlay* overlay) {
  const routing::AccessModel& a = network.access();
  if (!a.costed() || !a.direct_legs) {
    return std::nullopt;
  }
  const bool lands_known = from.land && to.land;
  if (lands_known && *from.land != *to.land) {
    return std::nullopt;
  }
  // A place no road reaches (an island) is joined only to places known to stand on its own
  // land: 大島's clinic reaches 大島's people directly, never a point just off the mainland's
  // coast line whose land is not judged.
  if ((from.not_connected || to.not_connected) && !lands_known) {
    return std::nullopt;
  }
  return leg_unless_closed(a, from.position, to.position, overlay);
}

void require_snap_distance(core::Meters snap_distance) {
  if (!(snap_distance.value >= 0.0) || !std::isfinite(snap_distance.value)) {
    throw core::ArgumentError("snap distance must be a finite number of metres >= 0");
  }
}

std::vector<NetworkSite> facility_sites(const routing::RoadNetwork& network,
                                        std::span<const core::LayerPtr> layers,
                                        std::span<const core::Category> categories,
                                        core::Meters snap_distance,
                                        core::Diagnostics& diagnostics) {
  std::vector<NetworkSite> out;
  for (const Facility& f : select_facilities(layers, categories, diagnostics)) {
    const core::Layer& layer = *layers[f.layer];
    NetworkSite s{layer.id,     f.feature, layer.display_name(f.feature), f.category, f.position,
                  std::nullopt, 0.0};
    place(network, s, snap_distance, source_file(layer), layer[f.feature].source_row, diagnostics);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<NetworkSite> layer_sites(const routing::RoadNetwork& network, const core::Layer& layer,
                                     core::Meters snap_distance, core::Diagnostics& diagnostics) {
  std::vector<NetworkSite> out;
  for (std::uint32_t i = 0; i < layer.features.size(); ++i) {
    const core::FeatureId id{i};
    const core::Feature& f = layer[id];
    const auto p = core::representative_point(f.geometry);
    if (!p) {
      diagnostics.add({core::Severity::warning,
                       "demand_without_geometry",
                       source_file(layer),
                       f.source_row ? std::optional<std::size_t>(f.source_row) : std::nullopt,
                       {},
                       "'" + layer.display_name(id) + "' has no position; left out"});
      continue;
    }
    NetworkSite s{layer.id,
                  id,
                  layer.display_name(id),
                  f.category == core::Category::other ? layer.category : f.category,
                  *p,
                  std::nullopt,
                  0.0};
    place(network, s, snap_distance, source_file(layer), f.source_row, diagnostics);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<NetworkSite> point_sites(const routing::RoadNetwork& network,
                                     std::span<const core::XY> points, const std::string& what,
                                     core::Meters snap_distance, core::Diagnostics& diagnostics) {
  std::vector<NetworkSite> out;
  out.reserve(points.size());
  for (std::uint32_t i = 0; i < points.size(); ++i) {
    NetworkSite s{what,
                  core::FeatureId{i},
                  "#" + std::to_string(i + 1),
                  core::Category::other,
                  points[i],
                  std::nullopt,
                  0.0};
    place(network, s, snap_distance, {}, i + 1, diagnostics);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::optional<routing::Endpoint>> endpoints_of(std::span<const NetworkSite> sites) {
  std::vector<std::optional<routing::Endpoint>> out;
  out.reserve(sites.size());
  for (const NetworkSite& s : sites) {
    out.push_back(s.endpoint);
  }
  return out;
}

core::LocalText network_distance_basis(const routing::RoadNetwork& network) {
  const routing::GraphInfo& info = network.graph().info();
  if (!network.basis().empty()) {
    core::LocalText basis = network.basis();
    const routing::AccessModel& a = network.access();
    if (a.costed()) {
      std::ostringstream ja;
      std::ostringstream en;
      ja << "＋アクセス区間（直線×" << a.detour_factor << "、時速 " << a.speed_kmh << " km）";
      en << " + access legs (straight line x " << a.detour_factor << " at " << a.speed_kmh
         << " km/h)";
      basis.ja += ja.str();
      basis.en += en.str();
    }
    return basis;
  }
  const std::string file = std::filesystem::path(info.source).filename().string();
  return {"道路（" + info.profile + "、" + file + "）",
          "road (" + info.profile + ", " + file + ")"};
}

void add_network_provenance(core::Provenance& p, const routing::RoadNetwork& network,
                            routing::Metric metric, const routing::Overlay* overlay) {
  const routing::GraphInfo& info = network.graph().info();
  p.basis.distance = network_distance_basis(network);
  p.param("profile", info.profile);
  p.param("metric", metric == routing::Metric::time ? "time" : "distance");
  if (overlay != nullptr) {
    p.param("closed_arcs", std::to_string(overlay->closed_count()));
  }
  core::SourceRef roads;
  roads.path = info.source;
  roads.layer = "roads";
  roads.credit =
      network.credit().empty() ? std::string("© OpenStreetMap contributors") : network.credit();
  const std::vector<core::SourceRef> one{roads};
  core::Provenance road_provenance;
  road_provenance.inputs = one;
  p.inputs_from(road_provenance);
}

}  // namespace caremap::analysis
