#include "analysis/coverage.hpp"

#include <algorithm>
#include <set>

#include "analysis/boundary_repair.hpp"
#include "analysis/coverage_radius.hpp"
#include "analysis/diagnose.hpp"
#include "analysis/facility_set.hpp"
#include "core/error.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;

namespace {

struct City {
  std::string name;
  core::FeatureId feature;
  core::MultiPolygon geometry;
  double area_m2 = 0.0;
};

std::string number_text(double v) {
  return core::to_text(core::FieldValue{v});
}

double percent(double part, double whole) {
  return whole > 0.0 ? 100.0 * part / whole : 0.0;
}

void validate(std::span<const CoverageSource> sources, const CoverageParams& params) {
  if (params.radius && !(params.radius->value > 0.0)) {
    throw core::ArgumentError("coverage radius must be positive (got " +
                              number_text(params.radius->value) + " m)");
  }
  if (params.circle_segments < kMinCircleSegments) {
    throw core::ArgumentError("a circle needs at least " + std::to_string(kMinCircleSegments) +
                              " segments (got " + std::to_string(params.circle_segments) + ")");
  }
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (!sources[i].layer) {
      throw core::ArgumentError("facility layer " + std::to_string(i + 1) + " is missing");
    }
    if (sources[i].radius && !(sources[i].radius->value > 0.0)) {
      throw core::ArgumentError(
          "coverage radius of layer '" + sources[i].layer->id + "' must be positive (got " +
              number_text(sources[i].radius->value) + " m)",
          core::ErrorContext{{}, sources[i].layer->id, std::nullopt, "coverage_radius_m"});
    }
  }
}

core::Meters resolve_radius(const CoverageParams& params, const CoverageSource& source,
                            core::Category category) {
  if (params.radius) {
    return *params.radius;
  }
  if (source.radius) {
    return *source.radius;
  }
  if (const auto r = default_coverage_radius(category)) {
    return *r;
  }
  throw core::ArgumentError("no default coverage radius for category '" +
                                std::string(core::to_string(category)) + "' of layer '" +
                                source.layer->id + "'; give a radius",
                            core::ErrorContext{{}, source.layer->id, std::nullopt, {}});
}

std::vector<City> read_cities(const core::Layer& boundary, core::Diagnostics& diagnostics) {
  std::vector<City> cities;
  const std::string file =
      boundary.provenance.inputs.empty() ? std::string() : boundary.provenance.inputs[0].path;
  for (std::size_t i = 0; i < boundary.features.size(); ++i) {
    const core::Feature& f = boundary.features[i];
    const core::FeatureId id{static_cast<std::uint32_t>(i)};
    auto mp = core::as_multipolygon(f.geometry);
    if (!mp) {
      diagnostics.add(make_diagnostic(core::Severity::warning, "boundary_not_polygon",
                                      "boundary '" + boundary.display_name(id) + "' is a " +
                                          core::geometry_type_name(f.geometry) +
                                          ", not a polygon; skipped",
                                      file, f.source_row));
      continue;
    }
    const ValidityReport v = make_valid(*mp);
    if (!v.was_valid) {
      const std::string outcome =
          v.valid ? " (repaired)" : " (could not be repaired; results may be inexact)";
      diagnostics.add(
          make_diagnostic(v.valid ? core::Severity::info : core::Severity::warning,
                          v.valid ? "invalid_boundary_repaired" : "invalid_boundary",
                          "boundary '" + boundary.display_name(id) + "': " + v.problem + outcome,
                          file, f.source_row));
    }
    City c{boundary.display_name(id), id, std::move(*mp), 0.0};
    c.area_m2 = bg::area(c.geometry);
    cities.push_back(std::move(c));
  }
  return cities;
}

enum class Overlay { intersection, difference };

// One clipping step. Boost.Geometry throws on some degenerate inputs; that costs this city's
// figure, not the run, and is reported.
core::MultiPolygon clip(Overlay op, const City& city, const core::MultiPolygon& reach,
                        const char* what, core::Diagnostics& diagnostics) {
  core::MultiPolygon out;
  try {
    if (op == Overlay::intersection) {
      bg::intersection(city.geometry, reach, out);
    } else {
      bg::difference(city.geometry, reach, out);
    }
  } catch (const bg::exception& e) {
    diagnostics.add(
        make_diagnostic(core::Severity::error, "overlay_failed",
                        std::string(what) + " of '" + city.name + "' failed: " + e.what()));
    return {};
  }
  const ValidityReport v = make_valid(out);
  if (!v.valid) {
    diagnostics.add(
        make_diagnostic(core::Severity::warning, "invalid_result",
                        std::string(what) + " of '" + city.name + "' is not valid: " + v.problem));
  }
  return out;
}

core::Layer result_layer(std::string id, std::string title, core::Category category,
                         const std::string& crs, std::vector<core::Field> fields) {
  core::Layer layer;
  layer.id = std::move(id);
  layer.title = std::move(title);
  layer.category = category;
  layer.crs = crs;
  layer.fields = std::move(fields);
  layer.name_field = 0;
  return layer;
}

core::Feature area_feature(core::Category category, core::Geometry geometry,
                           std::vector<core::FieldValue> values) {
  core::Feature f;
  f.category = category;
  f.geometry = std::move(geometry);
  f.values = std::move(values);
  return f;
}

std::string radius_label(const std::vector<Disc>& discs) {
  std::set<double> radii;
  for (const Disc& d : discs) {
    radii.insert(d.radius.value);
  }
  std::string out;
  for (const double r : radii) {
    out += (out.empty() ? "" : "/") + number_text(r);
  }
  return out.empty() ? "none" : out;
}

}  // namespace

CoverageResult coverage(std::span<const CoverageSource> sources, const core::Layer& boundary,
                        const core::Projector& projector, const CoverageParams& params,
                        core::Progress* progress) {
  validate(sources, params);
  CoverageResult result;
  core::Diagnostics& diagnostics = result.diagnostics;

  // Facilities and their reach.
  std::vector<Disc> discs;
  for (const CoverageSource& source : sources) {
    require_same_crs(boundary, *source.layer);
    const std::vector<core::LayerPtr> one{source.layer};
    for (const Facility& f : select_facilities(one, params.categories, diagnostics)) {
      discs.push_back({f.position, resolve_radius(params, source, f.category)});
    }
  }
  if (discs.empty()) {
    diagnostics.add(make_diagnostic(core::Severity::error, "no_facilities",
                                    "no facility of category " +
                                        categories_label(params.categories) +
                                        " in the given layers: everything is a gap"));
  }
  core::report_progress(progress, 0.05);

  std::vector<City> cities = read_cities(boundary, diagnostics);
  core::report_progress(progress, 0.1);

  // Only discs that reach the cities' box can change the clipped results.
  std::optional<core::Box> extent;
  for (const City& c : cities) {
    extent = core::merge(extent, bg::return_envelope<core::Box>(c.geometry));
  }
  std::vector<Disc> reaching;
  if (extent) {
    for (const Disc& d : discs) {
      const core::Box box{{d.centre.x - d.radius.value, d.centre.y - d.radius.value},
                          {d.centre.x + d.radius.value, d.centre.y + d.radius.value}};
      if (bg::intersects(box, *extent)) {
        reaching.push_back(d);
      }
    }
  }
  DiscCoverage reach;
  try {
    reach = cover_discs(reaching, params.circle_segments, params.backup_area);
  } catch (const bg::exception& e) {
    diagnostics.add(
        make_diagnostic(core::Severity::error, "overlay_failed",
                        std::string("union of the facility circles failed: ") + e.what()));
  }
  core::report_progress(progress, 0.4);

  const std::string& crs = boundary.crs;
  const std::string label = categories_label(params.categories);
  result.covered =
      result_layer("coverage_" + label, "coverage " + label, core::Category::coverage_area, crs,
                   {{"city", core::FieldType::text},
                    {"covered_km2", core::FieldType::real},
                    {"city_km2", core::FieldType::real},
                    {"covered_pct", core::FieldType::real}});
  result.gaps = result_layer("coverage_gap_" + label, "coverage gaps " + label,
                             core::Category::coverage_gap, crs,
                             {{"city", core::FieldType::text},
                              {"gap_km2", core::FieldType::real},
                              {"city_km2", core::FieldType::real},
                              {"gap_pct", core::FieldType::real}});
  result.gap_parts = result_layer("coverage_gap_parts_" + label, "coverage gap pockets " + label,
                                  core::Category::coverage_gap, crs,
                                  {{"city", core::FieldType::text},
                                   {"part", core::FieldType::integer},
                                   {"gap_km2", core::FieldType::real}});
  result.backup = result_layer("coverage_backup_" + label, "backup coverage " + label,
                               core::Category::coverage_area, crs,
                               {{"city", core::FieldType::text},
                                {"backup_km2", core::FieldType::real},
                                {"city_km2", core::FieldType::real},
                                {"backup_pct", core::FieldType::real}});

  CoverageSummary& s = result.summary;
  for (std::size_t ci = 0; ci < cities.size(); ++ci) {
    const City& city = cities[ci];
    CityCoverage row;
    row.city = city.name;
    row.feature = city.feature;
    row.city_km2 = city.area_m2 / 1e6;

    const core::MultiPolygon covered =
        clip(Overlay::intersection, city, reach.any, "coverage", diagnostics);
    const core::MultiPolygon gap = clip(Overlay::difference, city, reach.any, "gap", diagnostics);
    row.covered_km2 = bg::area(covered) / 1e6;
    row.uncovered_km2 = bg::area(gap) / 1e6;
    row.covered_pct = percent(row.covered_km2, row.city_km2);
    row.uncovered_pct = percent(row.uncovered_km2, row.city_km2);
    row.gap_parts = gap.size();
    result.covered.features.push_back(
        area_feature(core::Category::coverage_area, covered,
                     {city.name, row.covered_km2, row.city_km2, row.covered_pct}));
    if (params.explode_gaps) {
      std::vector<std::pair<double, const core::Polygon*>> pockets;
      for (const core::Polygon& p : gap) {
        pockets.emplace_back(bg::area(p), &p);
      }
      std::stable_sort(pockets.begin(), pockets.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      for (std::size_t i = 0; i < pockets.size(); ++i) {
        result.gap_parts.features.push_back(
            area_feature(core::Category::coverage_gap, *pockets[i].second,
                         {city.name, static_cast<std::int64_t>(i + 1), pockets[i].first / 1e6}));
      }
    }
    result.gaps.features.push_back(
        area_feature(core::Category::coverage_gap, gap,
                     {city.name, row.uncovered_km2, row.city_km2, row.uncovered_pct}));
    if (params.backup_area) {
      const core::MultiPolygon backup =
          clip(Overlay::intersection, city, reach.backup, "backup coverage", diagnostics);
      row.backup_km2 = bg::area(backup) / 1e6;
      row.backup_pct = percent(row.backup_km2, row.city_km2);
      result.backup.features.push_back(
          area_feature(core::Category::coverage_area, backup,
                       {city.name, row.backup_km2, row.city_km2, row.backup_pct}));
    }
    s.city_km2 += row.city_km2;
    s.covered_km2 += row.covered_km2;
    s.uncovered_km2 += row.uncovered_km2;
    s.backup_km2 += row.backup_km2;
    result.cities.push_back(std::move(row));
    core::report_progress(progress, 0.4 + 0.3 * static_cast<double>(ci + 1) / cities.size());
  }

  if (params.mesh_level) {
    std::vector<NamedArea> areas;
    areas.reserve(cities.size());
    for (const City& c : cities) {
      areas.push_back({c.name, &c.geometry});
    }
    result.mesh = coverage_mesh(areas, discs, projector, *params.mesh_level, s.mesh, diagnostics);
    result.mesh.crs = crs;
  } else {
    result.mesh = result_layer("coverage_mesh", "coverage mesh", core::Category::mesh, crs, {});
  }

  s.facilities = discs.size();
  if (!discs.empty()) {
    const auto [lo, hi] =
        std::minmax_element(discs.begin(), discs.end(),
                            [](const Disc& a, const Disc& b) { return a.radius < b.radius; });
    s.min_radius = lo->radius;
    s.max_radius = hi->radius;
  }
  s.circle_segments = params.circle_segments;
  s.circle_area_error = circle_area_error(params.circle_segments);
  s.covered_pct = percent(s.covered_km2, s.city_km2);
  s.backup_pct = percent(s.backup_km2, s.city_km2);

  core::Provenance provenance;
  provenance.operation = "coverage";
  provenance.param("categories", label);
  provenance.param("radius_m", radius_label(discs));
  provenance.param("radius_from", params.radius ? "run" : "layer or category default");
  provenance.param("circle_segments", std::to_string(params.circle_segments));
  provenance.param("mesh", params.mesh_level ? core::mesh_level_label(*params.mesh_level) : "none");
  provenance.param("boundary", boundary.id);
  provenance.inputs_from(boundary.provenance);
  for (const CoverageSource& source : sources) {
    provenance.inputs_from(source.layer->provenance);
  }
  for (core::Layer* layer :
       {&result.covered, &result.gaps, &result.gap_parts, &result.backup, &result.mesh}) {
    layer->provenance = provenance;
  }
  core::report_progress(progress, 1.0);
  return result;
}

}  // namespace caremap::analysis
