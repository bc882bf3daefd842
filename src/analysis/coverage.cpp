#include "analysis/coverage.hpp"

#include <algorithm>
#include <future>
#include <set>

#include "analysis/boundary_repair.hpp"
#include "analysis/cities.hpp"
#include "analysis/coverage_radius.hpp"
#include "analysis/diagnose.hpp"
#include "analysis/facility_set.hpp"
#include "analysis/part_overlay.hpp"
#include "analysis/people_in_areas.hpp"
#include "core/error.hpp"
#include "core/number_format.hpp"
#include "core/parallel_chunks.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;

namespace {

std::string number_text(double v) {
  return core::to_text(core::FieldValue{v});
}

void validate(std::span<const CoverageSource> sources, const CoverageParams& params) {
  validate_radii(sources, params.radius);
  if (params.circle_segments < kMinCircleSegments) {
    throw core::ArgumentError("a circle needs at least " + std::to_string(kMinCircleSegments) +
                              " segments (got " + std::to_string(params.circle_segments) + ")");
  }
}

enum class Overlay { intersection, difference };

// One clipping step. Boost.Geometry throws on some degenerate inputs; that costs this city's
// figure, not the run, and is reported.
core::MultiPolygon clip(Overlay op, const City& city, const PartOverlay& city_overlay,
                        const core::MultiPolygon& reach, const char* what,
                        core::Diagnostics& diagnostics) {
  core::MultiPolygon out;
  try {
    out = op == Overlay::intersection ? city_overlay.intersection(reach)
                                      : city_overlay.difference(reach);
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

// People covered, in gaps and with backup per city; the demand's cities are matched to the
// coverage's by name (both come from the same boundary layer).
void add_people(const Demand& demand, const DiscCoverage& reach, bool backup,
                CoverageResult& result) {
  const PeopleLocator locator(demand);
  const std::vector<PeopleCount> totals = people_by_city(demand);
  const std::vector<PeopleCount> covered = locator.inside_by_city(reach.any);
  const std::vector<PeopleCount> backed =
      backup ? locator.inside_by_city(reach.backup) : std::vector<PeopleCount>(totals.size());
  PeopleCoverage all;
  auto minus = [](PeopleCount a, const PeopleCount& b) {
    a.people = std::max(0.0, a.people - b.people);
    a.people_65plus = std::max(0.0, a.people_65plus - b.people_65plus);
    a.people_75plus = std::max(0.0, a.people_75plus - b.people_75plus);
    return a;
  };
  for (CityCoverage& city : result.cities) {
    const auto it = std::find(demand.cities.begin(), demand.cities.end(), city.city);
    PeopleCoverage pc;
    if (it != demand.cities.end()) {
      const auto i = static_cast<std::size_t>(it - demand.cities.begin());
      pc.total = totals[i];
      pc.covered = covered[i];
      pc.backup = backed[i];
      pc.gap = minus(pc.total, pc.covered);
    }
    all.total += pc.total;
    all.covered += pc.covered;
    all.gap += pc.gap;
    all.backup += pc.backup;
    city.people = pc;
  }
  result.summary.people = all;
  result.summary.has_age_bands = demand.has_age_bands;

  // The same figures on the per-city result layers.
  const bool ages = demand.has_age_bands;
  auto annotate = [&](core::Layer& layer, PeopleCount PeopleCoverage::*which) {
    if (layer.features.size() != result.cities.size()) {
      return;
    }
    const std::size_t f = layer.add_field("people", core::FieldType::real);
    std::size_t f65 = 0;
    if (ages) {
      f65 = layer.add_field("people_65plus", core::FieldType::real);
      layer.add_field("people_75plus", core::FieldType::real);
    }
    const std::size_t fpct = layer.add_field("people_pct", core::FieldType::real);
    for (std::size_t c = 0; c < result.cities.size(); ++c) {
      const PeopleCoverage& pc = *result.cities[c].people;
      const PeopleCount& v = pc.*which;
      core::Feature& feature = layer.features[c];
      feature.values[f] = v.people;
      if (ages) {
        feature.values[f65] = v.people_65plus;
        feature.values[f65 + 1] = v.people_75plus;
      }
      feature.values[fpct] = core::percent(v.people, pc.total.people);
    }
  };
  annotate(result.covered, &PeopleCoverage::covered);
  annotate(result.gaps, &PeopleCoverage::gap);
  if (backup) {
    annotate(result.backup, &PeopleCoverage::backup);
  }
}

}  // namespace

CoverageResult coverage(std::span<const CoverageSource> sources, const core::Layer& boundary,
                        core::Projector& projector, const CoverageParams& params,
                        core::Progress* progress) {
  validate(sources, params);
  CoverageResult result;
  core::Diagnostics& diagnostics = result.diagnostics;

  // Facilities and their reach.
  for (const CoverageSource& source : sources) {
    require_same_crs(boundary, *source.layer);
  }
  std::vector<Disc> discs;
  for (const ReachDisc& d : coverage_discs(sources, params, diagnostics)) {
    discs.push_back({d.position, d.radius});
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
  // The cities' overlays do not depend on the circles: they are built on another thread while
  // the circles are united.
  std::future<std::vector<PartOverlay>> overlays_built = std::async(std::launch::async, [&] {
    std::vector<PartOverlay> overlays;
    overlays.reserve(cities.size());
    for (const City& c : cities) {
      overlays.emplace_back(c.geometry);
    }
    return overlays;
  });
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

  // Every city's covered, gap and backup overlays are independent: run them on all cores, each
  // with its own diagnostics, merged below in city order as a serial run would give them.
  const std::size_t kinds = params.backup_area ? 3 : 2;
  std::vector<core::MultiPolygon> clipped(cities.size() * kinds);
  std::vector<core::Diagnostics> clip_diagnostics(clipped.size());
  const std::vector<PartOverlay> city_overlays = overlays_built.get();  // rethrows its failure
  core::parallel_chunks(
      clipped.size(), 0,
      [&](std::size_t task, unsigned) {
        const City& city = cities[task / kinds];
        const PartOverlay& overlay = city_overlays[task / kinds];
        core::Diagnostics& d = clip_diagnostics[task];
        switch (task % kinds) {
          case 0:
            clipped[task] = clip(Overlay::intersection, city, overlay, reach.any, "coverage", d);
            break;
          case 1:
            clipped[task] = clip(Overlay::difference, city, overlay, reach.any, "gap", d);
            break;
          default:
            clipped[task] =
                clip(Overlay::intersection, city, overlay, reach.backup, "backup coverage", d);
            break;
        }
      },
      progress, 0.4, 0.7);
  for (const core::Diagnostics& d : clip_diagnostics) {
    diagnostics.append(d);
  }

  CoverageSummary& s = result.summary;
  for (std::size_t ci = 0; ci < cities.size(); ++ci) {
    const City& city = cities[ci];
    CityCoverage row;
    row.city = city.name;
    row.feature = city.feature;
    row.city_km2 = city.area_m2 / 1e6;

    const core::MultiPolygon& covered = clipped[ci * kinds];
    const core::MultiPolygon& gap = clipped[ci * kinds + 1];
    row.covered_km2 = bg::area(covered) / 1e6;
    row.uncovered_km2 = bg::area(gap) / 1e6;
    row.covered_pct = core::percent(row.covered_km2, row.city_km2);
    row.uncovered_pct = core::percent(row.uncovered_km2, row.city_km2);
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
      const core::MultiPolygon& backup = clipped[ci * kinds + 2];
      row.backup_km2 = bg::area(backup) / 1e6;
      row.backup_pct = core::percent(row.backup_km2, row.city_km2);
      result.backup.features.push_back(
          area_feature(core::Category::coverage_area, backup,
                       {city.name, row.backup_km2, row.city_km2, row.backup_pct}));
    }
    s.city_km2 += row.city_km2;
    s.covered_km2 += row.covered_km2;
    s.uncovered_km2 += row.uncovered_km2;
    s.backup_km2 += row.backup_km2;
    result.cities.push_back(std::move(row));
  }

  if (params.demand) {
    add_people(*params.demand, reach, params.backup_area, result);
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
  s.covered_pct = core::percent(s.covered_km2, s.city_km2);
  s.backup_pct = core::percent(s.backup_km2, s.city_km2);

  core::Provenance provenance;
  provenance.operation = "coverage";
  provenance.param("categories", label);
  provenance.param("radius_m", radius_label(discs));
  provenance.param("radius_from", params.radius ? "run" : "layer or category default");
  provenance.param("circle_segments", std::to_string(params.circle_segments));
  provenance.param("mesh", params.mesh_level ? core::mesh_level_label(*params.mesh_level) : "none");
  provenance.param("boundary", boundary.id);
  provenance.inputs_from(boundary.provenance);
  provenance.basis.distance = {"直線距離", "straight line"};
  provenance.basis.demand = params.demand ? params.demand->basis : area_only_basis();
  for (const CoverageSource& source : sources) {
    provenance.inputs_from(source.layer->provenance);
  }
  if (params.demand) {
    core::Provenance people;
    people.inputs = params.demand->sources;
    provenance.inputs_from(people);
  }
  for (core::Layer* layer :
       {&result.covered, &result.gaps, &result.gap_parts, &result.backup, &result.mesh}) {
    layer->provenance = provenance;
  }
  core::report_progress(progress, 1.0);
  return result;
}

void validate_radii(std::span<const CoverageSource> sources, std::optional<core::Meters> radius) {
  if (radius && !(radius->value > 0.0)) {
    throw core::ArgumentError("coverage radius must be positive (got " +
                              number_text(radius->value) + " m)");
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

core::Meters facility_radius(std::optional<core::Meters> radius, const CoverageSource& source,
                             core::Category category) {
  if (radius) {
    return *radius;
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

std::vector<ReachDisc> coverage_discs(std::span<const CoverageSource> sources,
                                      const CoverageParams& params,
                                      core::Diagnostics& diagnostics) {
  std::vector<ReachDisc> out;
  for (const CoverageSource& source : sources) {
    const std::vector<core::LayerPtr> one{source.layer};
    for (const Facility& f : select_facilities(one, params.categories, diagnostics)) {
      const core::Feature& feature = (*source.layer)[f.feature];
      std::string name;
      if (source.layer->name_field && *source.layer->name_field < feature.values.size()) {
        name = core::to_text(feature.values[*source.layer->name_field]);
      }
      out.push_back({f.position, facility_radius(params.radius, source, f.category), name});
    }
  }
  return out;
}

}  // namespace caremap::analysis
