#include "analysis/nearest.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "analysis/demand_positions.hpp"
#include "analysis/diagnose.hpp"
#include "analysis/facility_set.hpp"
#include "analysis/hilbert_order.hpp"
#include "core/error.hpp"
#include "core/parallel_chunks.hpp"
#include "index/coherent_nearest.hpp"

namespace caremap::analysis {

namespace {

// Points per chunk: large enough that the atomic chunk counter costs nothing, small enough that
// four threads balance and cancellation is noticed within a few milliseconds.
constexpr std::size_t kChunk = 4096;
// Past this many "nothing within reach" rows, further ones are counted in one line: a million
// identical warnings help nobody and cost memory.
constexpr std::size_t kMaxRowDiagnostics = 1000;

void validate(const NearestQuery& q) {
  if (q.k == 0) {
    throw core::ArgumentError("k must be at least 1");
  }
  if (q.max_distance && !(q.max_distance->value >= 0.0)) {
    throw core::ArgumentError("max distance must not be negative (got " +
                              core::to_text(core::FieldValue{q.max_distance->value}) + " m)");
  }
}

// The k nearest entries of p into buf[0, returned), sorted by (distance, id) — exact with ties
// (index::CoherentNearest) — and cut at the maximum distance.
std::size_t query_point(index::CoherentNearest& search, core::XY p, const NearestQuery& q,
                        std::vector<index::NearestHit>& buf) {
  search.nearest(p, q.k, buf);
  std::size_t n = buf.size();
  if (q.max_distance) {
    while (n > 0 && buf[n - 1].distance > *q.max_distance) {
      --n;
    }
  }
  return n;
}

void run_table(const index::PointIndex& index, std::span<const core::XY> points,
               const NearestQuery& query, NearestTable& out, core::Progress* progress,
               double progress_from, double progress_to) {
  validate(query);
  out.k = query.k;
  out.hits.resize(points.size() * query.k);
  out.counts.assign(points.size(), 0);
  if (points.empty() || index.empty()) {
    core::report_progress(progress, progress_to);
    return;
  }
  const std::vector<std::uint32_t> order = hilbert_order(points);
  const std::size_t chunks = (points.size() + kChunk - 1) / kChunk;
  // One search object (it remembers its previous answer) and scratch buffers per worker.
  const unsigned workers = core::worker_count(query.threads, chunks);
  struct Scratch {
    std::vector<index::NearestHit> buf;
    std::vector<core::XY> along;          // the chunk's points in curve order
    std::vector<index::NearestHit> hits;  // their answers, k per point
    std::vector<std::uint32_t> counts;
  };
  std::vector<Scratch> scratch(workers);
  std::vector<index::CoherentNearest> searches(workers, index::CoherentNearest(index));
  // Points taken in curve order sit all over memory. Gathered into a chunk buffer first and the
  // answers scattered back last, in tight loops whose cache misses overlap, rather than one
  // miss at a time between searches (which had cost as much as the searches themselves).
  core::parallel_chunks(
      chunks, query.threads,
      [&](std::size_t chunk, unsigned worker) {
        Scratch& w = scratch[worker];
        const std::size_t first = chunk * kChunk;
        const std::size_t n = std::min(points.size(), first + kChunk) - first;
        w.along.resize(n);
        w.hits.resize(n * query.k);
        w.counts.resize(n);
        for (std::size_t j = 0; j < n; ++j) {
          w.along[j] = points[order[first + j]];
        }
        for (std::size_t j = 0; j < n; ++j) {
          const std::size_t found = query_point(searches[worker], w.along[j], query, w.buf);
          std::copy_n(w.buf.begin(), found,
                      w.hits.begin() + static_cast<std::ptrdiff_t>(j * query.k));
          w.counts[j] = static_cast<std::uint32_t>(found);
        }
        for (std::size_t j = 0; j < n; ++j) {
          const std::uint32_t i = order[first + j];
          std::copy_n(w.hits.begin() + static_cast<std::ptrdiff_t>(j * query.k), w.counts[j],
                      out.hits.begin() + static_cast<std::ptrdiff_t>(i * query.k));
          out.counts[i] = w.counts[j];
        }
      },
      progress, progress_from, progress_to);
}

// The demand side of a run: positions with the feature each came from and a way to name it.
struct DemandPoints {
  std::vector<core::XY> xy;
  std::vector<core::FeatureId> ids;
  const core::Layer* layer = nullptr;  // null for a single location

  std::string name(std::size_t i) const {
    return layer ? layer->display_name(ids[i]) : std::string("location");
  }
  std::size_t source_row(std::size_t i) const {
    return layer ? layer->features[ids[i].value].source_row : 0;
  }
  // The point as the demand layer holds it, in the layer's CRS (xy may be in another).
  core::XY own_point(std::size_t i) const {
    return layer ? *core::representative_point(layer->features[ids[i].value].geometry) : xy[i];
  }
  std::string crs() const { return layer ? layer->crs : std::string(); }
};

std::string source_file(const core::Layer* layer) {
  return layer && !layer->provenance.inputs.empty() ? layer->provenance.inputs.front().path
                                                    : std::string();
}

core::Layer make_links_layer(const NearestParams& params, const std::string& crs) {
  core::Layer links;
  links.id = "nearest_" + categories_label(params.categories);
  links.title = "nearest " + categories_label(params.categories);
  links.category = core::Category::nearest_link;
  links.crs = crs;
  links.fields = {
      {"demand_fid", core::FieldType::integer},     {"demand_name", core::FieldType::text},
      {"rank", core::FieldType::integer},           {"facility_layer", core::FieldType::text},
      {"facility_fid", core::FieldType::integer},   {"facility_name", core::FieldType::text},
      {"facility_category", core::FieldType::text}, {"distance_m", core::FieldType::real}};
  links.name_field = 5;
  return links;
}

// One row of the links layer: shared by the layer built in run_nearest and NearestLinks.
void fill_link(core::Feature& out, const NearestRow& row, core::XY demand_xy,
               std::string demand_name, const NearestFacility& f, LinkGeometry geometry) {
  out.category = core::Category::nearest_link;
  out.source_row = 0;
  if (geometry == LinkGeometry::line) {
    out.geometry = core::LineString{demand_xy, f.position};
  } else {
    out.geometry = demand_xy;
  }
  out.values.resize(8);
  out.values[0] = static_cast<std::int64_t>(row.demand.value);
  out.values[1] = std::move(demand_name);
  out.values[2] = static_cast<std::int64_t>(row.rank);
  out.values[3] = f.layer_id;
  out.values[4] = static_cast<std::int64_t>(f.feature.value);
  out.values[5] = f.name;
  out.values[6] = std::string(core::to_string(f.category));
  out.values[7] = row.distance.value;
}

NearestResult run_nearest(const DemandPoints& demand,
                          std::span<const core::LayerPtr> facility_layers,
                          const NearestParams& params, core::Progress* progress,
                          core::Provenance provenance, core::Diagnostics diagnostics) {
  const NearestQuery query{params.k, params.max_distance, params.threads};
  validate(query);
  NearestResult result;
  result.diagnostics = std::move(diagnostics);

  const std::vector<Facility> selected =
      select_facilities(facility_layers, params.categories, result.diagnostics);
  std::vector<index::PointIndex::Value> values;
  values.reserve(selected.size());
  result.facilities.reserve(selected.size());
  for (std::size_t i = 0; i < selected.size(); ++i) {
    const Facility& f = selected[i];
    const core::Layer& layer = *facility_layers[f.layer];
    result.facilities.push_back(
        {layer.id, f.feature, layer.display_name(f.feature), f.category, f.position});
    values.emplace_back(f.position, core::FeatureId{static_cast<std::uint32_t>(i)});
  }
  if (selected.empty()) {
    result.diagnostics.add(make_diagnostic(
        core::Severity::error, "no_facilities",
        "no facility of category " + categories_label(params.categories) + " in the given layers"));
  }
  core::report_progress(progress, 0.05);
  using Clock = std::chrono::steady_clock;
  const auto index_start = Clock::now();
  const index::PointIndex index(std::move(values));
  const auto search_start = Clock::now();

  NearestTable table;
  run_table(index, demand.xy, query, table, progress, 0.05, 0.9);
  result.index_seconds = std::chrono::duration<double>(search_start - index_start).count();
  result.search_seconds = std::chrono::duration<double>(Clock::now() - search_start).count();

  result.summary.demand_points = demand.xy.size();
  result.summary.facilities = selected.size();
  std::vector<double> nearest_m;
  nearest_m.reserve(demand.xy.size());
  result.rows.reserve(std::accumulate(table.counts.begin(), table.counts.end(), std::size_t{0}));
  std::size_t row_diagnostics = 0;
  const std::string file = source_file(demand.layer);
  for (std::size_t i = 0; i < demand.xy.size(); ++i) {
    const std::uint32_t n = table.counts[i];
    if (n == 0) {
      ++result.summary.unmatched;
      if (row_diagnostics++ < kMaxRowDiagnostics) {
        const std::string limit =
            params.max_distance ? core::to_text(core::FieldValue{params.max_distance->value}) + " m"
                                : std::string("any distance");
        result.diagnostics.add(
            make_diagnostic(core::Severity::warning, "no_facility_within_max_distance",
                            "'" + demand.name(i) + "' has no " +
                                categories_label(params.categories) + " facility within " + limit,
                            file, demand.source_row(i)));
      }
      continue;
    }
    ++result.summary.matched;
    for (std::uint32_t r = 0; r < n; ++r) {
      const index::NearestHit& hit = table.hits[i * table.k + r];
      result.rows.push_back({demand.ids[i], r + 1, hit.id.value, hit.distance});
    }
    nearest_m.push_back(table.hits[i * table.k].distance.value);
  }
  if (row_diagnostics > kMaxRowDiagnostics) {
    result.diagnostics.add(make_diagnostic(core::Severity::info, "diagnostics_truncated",
                                           std::to_string(row_diagnostics - kMaxRowDiagnostics) +
                                               " more demand points have no facility within reach",
                                           file));
  }
  result.summary.nearest = summarize_distances(std::move(nearest_m));

  // Lines join two positions in the facilities' CRS; a link that is the demand point alone is
  // the demand's own geometry, in the demand's CRS (which may be another: see nearest()).
  const bool own_points = demand.layer && params.link_geometry == LinkGeometry::demand_point;
  const std::string facilities_crs =
      facility_layers.empty() ? std::string() : facility_layers.front()->crs;
  result.links = make_links_layer(
      params, own_points || facilities_crs.empty() ? demand.crs() : facilities_crs);
  result.link_geometry = params.link_geometry;
  if (params.build_links) {
    result.links.features.reserve(result.rows.size());
    std::size_t demand_index = 0;
    for (const NearestRow& row : result.rows) {
      while (demand.ids[demand_index] != row.demand) {
        ++demand_index;
      }
      core::Feature feature;
      fill_link(feature, row, own_points ? demand.own_point(demand_index) : demand.xy[demand_index],
                demand.name(demand_index), result.facilities[row.facility], params.link_geometry);
      result.links.features.push_back(std::move(feature));
    }
  }
  for (const core::LayerPtr& layer : facility_layers) {
    provenance.inputs_from(layer->provenance);
  }
  result.links.provenance = std::move(provenance);
  core::report_progress(progress, 1.0);
  return result;
}

core::Provenance base_provenance(const NearestParams& params) {
  core::Provenance p;
  p.operation = "nearest";
  p.param("categories", categories_label(params.categories));
  p.param("k", std::to_string(params.k));
  p.param("max_distance_m", params.max_distance
                                ? core::to_text(core::FieldValue{params.max_distance->value})
                                : "none");
  return p;
}

}  // namespace

NearestLinks::NearestLinks(const NearestResult& result, const core::Layer& demand,
                           LinkGeometry geometry)
    : m_result(result), m_demand(demand), m_geometry(geometry) {
  // The links layer's CRS was chosen for the result's geometry (run_nearest): another would
  // write points or lines under the wrong CRS.
  if (geometry != result.link_geometry) {
    throw core::ArgumentError("nearest links: the result was computed for another link geometry");
  }
}

void NearestLinks::get(std::size_t i, core::Feature& out) const {
  const NearestRow& row = m_result.rows[i];
  // Rows exist only for demand features with a finite position (nearest()); a line starts at
  // the position searched from, a point is the demand's own (see run_nearest).
  const core::XY at =
      m_geometry == LinkGeometry::line
          ? m_result.demand_positions[row.demand.value]
          : *core::representative_point(m_demand.features[row.demand.value].geometry);
  fill_link(out, row, at, m_demand.display_name(row.demand), m_result.facilities[row.facility],
            m_geometry);
}

core::SourceShape NearestLinks::shape() const {
  core::SourceShape s;
  s.any_geometry = !m_result.rows.empty();
  s.points_only = m_geometry == LinkGeometry::demand_point;
  s.mixed_categories = false;  // every row is a nearest_link, as is the layer
  return s;
}

void nearest_table(const index::PointIndex& index, std::span<const core::XY> points,
                   const NearestQuery& query, NearestTable& out, core::Progress* progress) {
  run_table(index, points, query, out, progress, 0.0, 1.0);
}

NearestResult nearest(const core::Layer& demand, std::span<const core::XY> positions,
                      std::span<const core::LayerPtr> facility_layers, const NearestParams& params,
                      core::Progress* progress) {
  if (positions.size() != demand.features.size()) {
    throw core::ArgumentError("nearest: " + std::to_string(positions.size()) + " positions for " +
                              std::to_string(demand.features.size()) + " demand features");
  }
  DemandPoints points;
  points.layer = &demand;
  points.xy.reserve(demand.size());
  points.ids.reserve(demand.size());
  core::Diagnostics diagnostics;
  for (std::size_t i = 0; i < demand.features.size(); ++i) {
    const core::FeatureId id{static_cast<std::uint32_t>(i)};
    // A position for a feature with no geometry of its own is none: the feature has no point to
    // write back (LinkGeometry::demand_point; a non-empty geometry always has one).
    if (const core::XY p = positions[i];
        std::isfinite(p.x) && std::isfinite(p.y) && !core::is_empty(demand.features[i].geometry)) {
      points.xy.push_back(p);
      points.ids.push_back(id);
    } else {
      diagnostics.add(make_diagnostic(
          core::Severity::warning, "demand_without_geometry",
          "demand '" + demand.display_name(id) + "' has no position and was skipped",
          source_file(&demand), demand.features[i].source_row));
    }
  }
  core::Provenance provenance = base_provenance(params);
  provenance.param("demand", demand.id);
  provenance.inputs_from(demand.provenance);
  NearestResult result = run_nearest(points, facility_layers, params, progress,
                                     std::move(provenance), std::move(diagnostics));
  result.demand_positions.assign(positions.begin(), positions.end());
  return result;
}

NearestResult nearest(const core::Layer& demand, std::span<const core::LayerPtr> facility_layers,
                      const NearestParams& params, core::Progress* progress) {
  validate(NearestQuery{params.k, params.max_distance, params.threads});
  for (const core::LayerPtr& layer : facility_layers) {
    if (layer) {
      require_same_crs(demand, *layer);
    }
  }
  return nearest(demand, demand_positions(demand), facility_layers, params, progress);
}

NearestResult nearest(core::XY location, std::span<const core::LayerPtr> facility_layers,
                      const NearestParams& params, core::Progress* progress) {
  DemandPoints points;
  points.xy = {location};
  points.ids = {core::FeatureId{0}};
  core::Provenance provenance = base_provenance(params);
  provenance.param("location", core::to_text(core::FieldValue{location.x}) + " " +
                                   core::to_text(core::FieldValue{location.y}));
  return run_nearest(points, facility_layers, params, progress, std::move(provenance), {});
}

}  // namespace caremap::analysis
