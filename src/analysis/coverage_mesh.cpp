#include "analysis/coverage_mesh.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

#include "analysis/diagnose.hpp"
#include "core/area_locator.hpp"
#include "core/jis_mesh_polygon.hpp"
#include "index/point_index.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;

namespace {

// Samples per box edge when mapping a projected box to longitude/latitude: a meridian or parallel
// is slightly curved in a transverse Mercator projection, so the corners alone can miss the
// extreme; the padding below covers what lies between samples.
constexpr int kEdgeSamples = 8;

std::pair<core::LonLat, core::LonLat> lonlat_box(const core::Box& box, core::Projector& projector,
                                                 core::LonLat pad) {
  double min_lon = std::numeric_limits<double>::max();
  double min_lat = min_lon;
  double max_lon = std::numeric_limits<double>::lowest();
  double max_lat = max_lon;
  const core::XY lo = box.min_corner();
  const core::XY hi = box.max_corner();
  auto take = [&](double x, double y) {
    const core::LonLat g = projector.inverse({x, y});
    min_lon = std::min(min_lon, g.lon);
    max_lon = std::max(max_lon, g.lon);
    min_lat = std::min(min_lat, g.lat);
    max_lat = std::max(max_lat, g.lat);
  };
  for (int i = 0; i <= kEdgeSamples; ++i) {
    const double t = static_cast<double>(i) / kEdgeSamples;
    const double x = lo.x + t * (hi.x - lo.x);
    const double y = lo.y + t * (hi.y - lo.y);
    take(x, lo.y);
    take(x, hi.y);
    take(lo.x, y);
    take(hi.x, y);
  }
  return {{min_lon - pad.lon, min_lat - pad.lat}, {max_lon + pad.lon, max_lat + pad.lat}};
}

// A cell shrunk by a millimetre towards its middle: a boundary that only runs along a cell's
// edge or touches its corner shares no area with it and should not bring it in.
constexpr double kInsetM = 0.001;

core::Polygon inset(const core::Polygon& p) {
  core::XY mid{0, 0};
  for (std::size_t i = 0; i + 1 < p.outer().size(); ++i) {
    mid.x += p.outer()[i].x / 4;
    mid.y += p.outer()[i].y / 4;
  }
  core::Polygon out = p;
  for (core::XY& v : out.outer()) {
    const double dx = mid.x - v.x;
    const double dy = mid.y - v.y;
    const double len = std::hypot(dx, dy);
    if (len > kInsetM) {
      v.x += dx * kInsetM / len;
      v.y += dy * kInsetM / len;
    }
  }
  return out;
}

const char* level_label(int level) {
  static constexpr const char* labels[] = {"none", "single", "backup"};
  return labels[level];
}

}  // namespace

core::Layer coverage_mesh(std::span<const NamedArea> areas, std::span<const Disc> facilities,
                          core::Projector& projector, core::MeshLevel level, MeshCounts& counts,
                          core::Diagnostics& diagnostics) {
  core::Layer layer;
  layer.id = std::string("coverage_mesh_") + core::mesh_level_label(level);
  layer.title = std::string("coverage mesh ") + core::mesh_level_label(level);
  layer.category = core::Category::mesh;
  layer.fields = {{"mesh_code", core::FieldType::text},
                  {"city", core::FieldType::text},
                  {"facilities_in_reach", core::FieldType::integer},
                  {"level", core::FieldType::integer},
                  {"level_label", core::FieldType::text}};
  layer.name_field = 0;
  counts = {};

  std::vector<core::Box> part_boxes;
  std::vector<const core::MultiPolygon*> geometries;
  for (const NamedArea& area : areas) {
    geometries.push_back(area.geometry);
    for (const core::Polygon& poly : *area.geometry) {
      part_boxes.push_back(bg::return_envelope<core::Box>(poly));
    }
  }
  const core::AreaLocator locator(geometries);

  // Candidate cells: those overlapping the longitude/latitude box of some part, deduplicated by
  // code (std::map keeps them in code order for the output).
  const core::LonLat size = core::mesh_cell_size_deg(level);
  const core::LonLat pad{size.lon / 4, size.lat / 4};
  std::map<std::uint64_t, core::MeshCell> candidates;
  bool outside_domain = false;
  for (const core::Box& box : part_boxes) {
    const auto [sw, ne] = lonlat_box(box, projector, pad);
    const auto cells = core::mesh_cells_covering(sw, ne, level);
    if (cells.empty()) {
      outside_domain = true;
    }
    for (const core::MeshCell& c : cells) {
      candidates.emplace(c.code, c);
    }
  }
  if (outside_domain) {
    diagnostics.add(make_diagnostic(core::Severity::warning, "outside_mesh_domain",
                                    "part of the boundary lies outside the JIS mesh domain "
                                    "(Japan) and has no mesh cells"));
  }

  double max_radius = 0.0;
  std::vector<index::PointIndex::Value> values;
  values.reserve(facilities.size());
  for (std::size_t i = 0; i < facilities.size(); ++i) {
    values.emplace_back(facilities[i].centre, core::FeatureId{static_cast<std::uint32_t>(i)});
    max_radius = std::max(max_radius, facilities[i].radius.value);
  }
  const index::PointIndex facility_index(std::move(values));

  std::vector<std::size_t> touched;
  for (const auto& [code, cell] : candidates) {
    const core::Polygon poly = core::mesh_cell_polygon(cell, projector);
    const core::XY centre = projector.forward(cell.center());
    // A cell meets an area if the area's boundary runs through it, or else if the cell lies
    // wholly inside the area, which its centre then tells.
    touched.clear();
    locator.areas_with_boundary_in(inset(poly), touched);
    const std::optional<std::size_t> centre_area = locator.area_containing(centre);
    if (touched.empty() && !centre_area) {
      continue;
    }
    const std::size_t city = centre_area ? *centre_area : touched.front();
    std::int64_t in_reach = 0;
    for (const index::NearestHit& h : facility_index.within(centre, core::Meters{max_radius})) {
      if (h.distance <= facilities[h.id.value].radius) {
        ++in_reach;
      }
    }
    const int cls = static_cast<int>(std::min<std::int64_t>(in_reach, 2));
    ++counts.cells;
    (cls == 0 ? counts.none : cls == 1 ? counts.single : counts.backup)++;
    core::Feature f;
    f.category = core::Category::mesh;
    f.geometry = poly;
    f.values = {std::to_string(code), areas[city].name, in_reach, static_cast<std::int64_t>(cls),
                std::string(level_label(cls))};
    layer.features.push_back(std::move(f));
  }
  return layer;
}

}  // namespace caremap::analysis
