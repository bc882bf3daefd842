#pragma once
// Hand-made layers and a fake projector for the analysis tests.

#include <cmath>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include "core/layer.hpp"
#include "core/projector.hpp"

namespace caremap::test {

/// A layer of point features with a name field ("name") and the given category.
inline std::shared_ptr<core::Layer> point_layer(std::string id, core::Category category,
                                                const std::vector<core::XY>& points) {
  auto layer = std::make_shared<core::Layer>();
  layer->id = id;
  layer->title = id;
  layer->category = category;
  layer->crs = "EPSG:6670";
  layer->fields = {{"name", core::FieldType::text}};
  layer->name_field = 0;
  layer->provenance.operation = "load";
  layer->provenance.inputs.push_back({id + ".csv", id, "2025-06-01", ""});
  for (std::size_t i = 0; i < points.size(); ++i) {
    core::Feature f;
    f.geometry = points[i];
    f.category = category;
    f.values = {id + "-" + std::to_string(i)};
    f.source_row = i + 1;
    layer->features.push_back(std::move(f));
  }
  return layer;
}

/// The axis-aligned rectangle [x0, x1] x [y0, y1] as a valid (clockwise, closed) polygon.
inline core::Polygon rectangle(double x0, double y0, double x1, double y1) {
  core::Polygon p;
  p.outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
  return p;
}

/// A boundary layer with one feature per (name, multipolygon).
inline core::Layer boundary_layer(
    const std::vector<std::pair<std::string, core::MultiPolygon>>& cities) {
  core::Layer layer;
  layer.id = "boundaries";
  layer.category = core::Category::boundary;
  layer.crs = "EPSG:6670";
  layer.fields = {{"name", core::FieldType::text}};
  layer.name_field = 0;
  layer.provenance.operation = "load";
  layer.provenance.inputs.push_back({"boundaries.geojson", "boundaries", "2022-01-01", "N03"});
  for (std::size_t i = 0; i < cities.size(); ++i) {
    core::Feature f;
    f.geometry = cities[i].second;
    f.category = core::Category::boundary;
    f.values = {cities[i].first};
    f.source_row = i + 1;
    layer.features.push_back(std::move(f));
  }
  return layer;
}

/// Equirectangular projection about (lon0, lat0): x = R cos(lat0) dlon, y = R dlat (radians).
/// Parallels and meridians map to straight axis-parallel lines, so mesh cells are rectangles of
/// known size; exactly invertible.
class EquirectangularProjector : public core::Projector {
 public:
  EquirectangularProjector(double lon0, double lat0) : m_lon0(lon0), m_lat0(lat0) {}
  static constexpr double kRadius = 6'371'000.0;
  double metres_per_deg_lon() const {
    return kRadius * std::cos(m_lat0 * std::numbers::pi / 180) * std::numbers::pi / 180;
  }
  double metres_per_deg_lat() const { return kRadius * std::numbers::pi / 180; }
  core::XY forward(core::LonLat p) override {
    return {(p.lon - m_lon0) * metres_per_deg_lon(), (p.lat - m_lat0) * metres_per_deg_lat()};
  }
  core::LonLat inverse(core::XY p) override {
    return {m_lon0 + p.x / metres_per_deg_lon(), m_lat0 + p.y / metres_per_deg_lat()};
  }

 private:
  double m_lon0;
  double m_lat0;
};

}  // namespace caremap::test
