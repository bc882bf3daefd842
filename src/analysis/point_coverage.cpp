#include "analysis/point_coverage.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

#include "analysis/demand_positions.hpp"
#include "analysis/diagnose.hpp"
#include "analysis/facility_set.hpp"
#include "analysis/nearest.hpp"
#include "core/error.hpp"
#include "index/point_index.hpp"

namespace caremap::analysis {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

core::Layer rows_schema(const core::Layer& demand) {
  core::Layer l;
  l.id = "point_coverage";
  l.title = "point coverage";
  l.category = core::Category::demand;
  l.crs = demand.crs;
  l.fields = {{"demand_fid", core::FieldType::integer},
              {"demand_name", core::FieldType::text},
              {"facilities_in_reach", core::FieldType::integer}};
  l.name_field = 1;
  return l;
}

std::string metres_text(core::Meters m) {
  return core::to_text(core::FieldValue{m.value});
}

}  // namespace

PointCoverageResult point_coverage(const core::Layer& demand,
                                   std::span<const CoverageSource> sources,
                                   const PointCoverageParams& params, core::Progress* progress) {
  validate_radii(sources, params.radius);
  for (const CoverageSource& s : sources) {
    if (s.layer) {
      require_same_crs(demand, *s.layer);
    }
  }
  return point_coverage(demand, demand_positions(demand), sources, params, progress);
}

PointCoverageResult point_coverage(const core::Layer& demand, std::span<const core::XY> positions,
                                   std::span<const CoverageSource> sources,
                                   const PointCoverageParams& params, core::Progress* progress) {
  validate_radii(sources, params.radius);
  if (positions.size() != demand.features.size()) {
    throw core::ArgumentError("point coverage: " + std::to_string(positions.size()) +
                              " positions for " + std::to_string(demand.features.size()) +
                              " demand features");
  }
  PointCoverageResult result;
  std::vector<core::LayerPtr> layers;
  for (const CoverageSource& s : sources) {
    layers.push_back(s.layer);
  }
  const std::string file =
      demand.provenance.inputs.empty() ? std::string() : demand.provenance.inputs.front().path;

  std::vector<core::XY> xy;
  xy.reserve(demand.features.size());
  result.points.reserve(demand.features.size());
  for (std::size_t i = 0; i < demand.features.size(); ++i) {
    const core::FeatureId id{static_cast<std::uint32_t>(i)};
    // A feature without a geometry of its own has no point to write back, whatever its position.
    if (const core::XY p = positions[i];
        std::isfinite(p.x) && std::isfinite(p.y) && !core::is_empty(demand.features[i].geometry)) {
      xy.push_back(p);
      result.points.push_back(id);
    } else {
      result.diagnostics.add(make_diagnostic(
          core::Severity::warning, "demand_without_geometry",
          "demand '" + demand.display_name(id) + "' has no position and was skipped", file,
          demand.features[i].source_row));
    }
  }

  // Facilities grouped by radius: within a group "reached" is "among the two nearest and
  // within the radius", which nearest_table answers exactly.
  const auto index_start = Clock::now();
  const std::vector<Facility> selected =
      select_facilities(layers, params.categories, result.diagnostics);
  std::map<double, std::vector<index::PointIndex::Value>> groups;
  for (std::size_t i = 0; i < selected.size(); ++i) {
    const Facility& f = selected[i];
    const core::Meters r = facility_radius(params.radius, sources[f.layer], f.category);
    groups[r.value].emplace_back(f.position, core::FeatureId{static_cast<std::uint32_t>(i)});
  }
  if (selected.empty()) {
    result.diagnostics.add(make_diagnostic(
        core::Severity::error, "no_facilities",
        "no facility of category " + categories_label(params.categories) + " in the given layers"));
  }
  result.index_seconds = seconds_since(index_start);

  result.reach.assign(xy.size(), 0);
  NearestTable table;
  std::size_t done = 0;
  for (auto& [radius, values] : groups) {
    const auto build_start = Clock::now();
    const index::PointIndex index(std::move(values));
    result.index_seconds += seconds_since(build_start);
    const auto search_start = Clock::now();
    const double from = 0.05 + 0.9 * static_cast<double>(done) / static_cast<double>(groups.size());
    const double to = 0.05 + 0.9 * static_cast<double>(++done) / static_cast<double>(groups.size());
    core::report_progress(progress, from);
    nearest_table(index, xy, NearestQuery{2, core::Meters{radius}, params.threads}, table);
    for (std::size_t i = 0; i < xy.size(); ++i) {
      result.reach[i] =
          static_cast<std::uint8_t>(std::min<std::uint32_t>(2, result.reach[i] + table.counts[i]));
    }
    core::report_progress(progress, to);
    result.search_seconds += seconds_since(search_start);
  }

  PointCoverageSummary& s = result.summary;
  s.points = xy.size();
  s.facilities = selected.size();
  for (const std::uint8_t r : result.reach) {
    (r == 0 ? s.none : r == 1 ? s.single : s.backup) += 1;
  }
  if (!groups.empty()) {
    s.min_radius = core::Meters{groups.begin()->first};
    s.max_radius = core::Meters{groups.rbegin()->first};
  }

  result.schema = rows_schema(demand);
  core::Provenance& p = result.schema.provenance;
  p.operation = "point_coverage";
  p.param("categories", categories_label(params.categories));
  p.param("radius_m", s.min_radius == s.max_radius
                          ? metres_text(s.min_radius)
                          : metres_text(s.min_radius) + "-" + metres_text(s.max_radius));
  p.param("radius_from", params.radius ? "run" : "layer or category default");
  p.param("demand", demand.id);
  p.basis.distance = {"直線距離", "straight line"};
  p.basis.demand = {"需要点（" + demand.title + "）", "demand points (" + demand.title + ")"};
  p.inputs_from(demand.provenance);
  for (const CoverageSource& source : sources) {
    p.inputs_from(source.layer->provenance);
  }
  core::report_progress(progress, 1.0);
  return result;
}

void PointCoverageRows::get(std::size_t i, core::Feature& out) const {
  const core::FeatureId id = m_result.points[i];
  out.category = core::Category::demand;
  out.source_row = m_demand.features[id.value].source_row;
  out.geometry = *core::representative_point(m_demand.features[id.value].geometry);
  out.values.resize(3);
  out.values[0] = static_cast<std::int64_t>(id.value);
  out.values[1] = m_demand.display_name(id);
  out.values[2] = static_cast<std::int64_t>(m_result.reach[i]);
}

core::SourceShape PointCoverageRows::shape() const {
  core::SourceShape s;
  s.any_geometry = !m_result.points.empty();
  return s;  // points only, every row of category demand like the layer
}

}  // namespace caremap::analysis
