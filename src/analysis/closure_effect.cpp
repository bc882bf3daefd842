#include "analysis/closure_effect.hpp"

#include <cmath>
#include <map>

namespace caremap::analysis {

namespace {

constexpr double kSameTime_s = 1e-3;

// The rank-1 row of every demand feature.
std::map<std::uint32_t, const NearestByTimeRow*> first_rows(const NearestByTimeResult& r) {
  std::map<std::uint32_t, const NearestByTimeRow*> out;
  for (const NearestByTimeRow& row : r.rows) {
    if (row.rank == 1) {
      out.emplace(row.demand.value, &row);
    }
  }
  return out;
}

core::FieldValue minutes_or_null(bool reached, double s) {
  return reached ? core::FieldValue{s / 60.0} : core::FieldValue{};
}

}  // namespace

const char* to_string(ClosureStatus s) {
  switch (s) {
    case ClosureStatus::unchanged:
      return "unchanged";
    case ClosureStatus::slower:
      return "slower";
    case ClosureStatus::faster:
      return "faster";
    case ClosureStatus::facility_changed:
      return "facility_changed";
    case ClosureStatus::newly_unreachable:
      return "newly_unreachable";
    case ClosureStatus::still_unreachable:
      return "still_unreachable";
    case ClosureStatus::newly_reachable:
      return "newly_reachable";
  }
  return "unknown";
}

core::Layer closed_roads_layer(const routing::RoadGraph& g, const routing::Overlay& overlay) {
  core::Layer l;
  l.id = "closed_roads";
  l.title = "closed roads";
  l.category = core::Category::closure;
  l.crs = g.info().crs;
  l.fields = {{"way_id", core::FieldType::integer}, {"length_m", core::FieldType::real}};
  // A cut line closes the road at a point: drawn as a short stretch so that it shows.
  constexpr double kMinDrawn_m = 10.0;
  for (routing::SegmentId s = 0; s < g.segment_count(); ++s) {
    const auto span = overlay.closed_span(g, s);
    if (!span) {
      continue;
    }
    const double len = g.segment_length_m(s);
    const double widen = std::max(0.0, (kMinDrawn_m - (span->to_m - span->from_m)) / 2.0);
    core::LineString part;
    routing::append_segment_part(g, s, std::max(0.0, span->from_m - widen),
                                 std::min(len, span->to_m + widen), part);
    if (part.size() < 2) {
      continue;
    }
    core::Feature f;
    f.category = core::Category::closure;
    f.geometry = std::move(part);
    f.values = {std::int64_t{g.segment_way_id(s)}, span->to_m - span->from_m};
    l.features.push_back(std::move(f));
  }
  return l;
}

ClosureEffectResult closure_effect(const routing::RoadNetwork& network, const core::Layer& demand,
                                   std::span<const core::LayerPtr> facility_layers,
                                   const NearestByTimeParams& params,
                                   const routing::Overlay& closure, core::Progress* progress) {
  NearestByTimeParams p = params;
  p.k = 1;
  NearestByTimeParams before_params = p;
  before_params.build_routes = false;
  const NearestByTimeResult before =
      nearest_by_time(network, demand, facility_layers, before_params, nullptr, nullptr);
  core::report_progress(progress, 0.5);
  NearestByTimeResult after =
      nearest_by_time(network, demand, facility_layers, p, &closure, nullptr);
  core::report_progress(progress, 0.95);

  ClosureEffectResult result;
  result.diagnostics = std::move(after.diagnostics);
  result.facilities = std::move(after.facilities);
  result.routes_after = std::move(after.routes);
  result.closed_roads = closed_roads_layer(network.graph(), closure);
  result.summary.closed_arcs = closure.closed_count();
  const auto b = first_rows(before);
  std::map<std::uint32_t, const NearestByTimeRow*> a;
  for (const NearestByTimeRow& row : after.rows) {
    if (row.rank == 1) {
      a.emplace(row.demand.value, &row);
    }
  }

  core::Layer& layer = result.points;
  layer.id = "closure_effect";
  layer.title = "effect of the closure";
  layer.category = core::Category::demand;
  layer.crs = demand.crs;
  layer.fields = {
      {"demand_fid", core::FieldType::integer},   {"demand_name", core::FieldType::text},
      {"status", core::FieldType::text},          {"before_facility", core::FieldType::text},
      {"before_time_min", core::FieldType::real}, {"after_facility", core::FieldType::text},
      {"after_time_min", core::FieldType::real},  {"added_min", core::FieldType::real}};
  layer.name_field = 1;
  for (std::uint32_t i = 0; i < demand.features.size(); ++i) {
    const core::FeatureId id{i};
    const auto pos = core::representative_point(demand[id].geometry);
    if (!pos) {
      continue;
    }
    ++result.summary.demand_points;
    ClosureEffectRow row;
    row.demand = id;
    const auto bi = b.find(i);
    const auto ai = a.find(i);
    const bool had = bi != b.end();
    const bool has = ai != a.end();
    row.before_time_s = had ? bi->second->time_s : routing::kUnreachable;
    row.after_time_s = has ? ai->second->time_s : routing::kUnreachable;
    if (had) {
      row.before_facility = bi->second->facility;
    }
    if (has) {
      row.after_facility = ai->second->facility;
    }
    if (had && has) {
      row.added_s = row.after_time_s - row.before_time_s;
      result.summary.added_total_s += row.added_s;
      result.summary.added_max_s = std::max(result.summary.added_max_s, row.added_s);
      if (*row.before_facility != *row.after_facility) {
        row.status = ClosureStatus::facility_changed;
        ++result.summary.facility_changed;
      } else if (row.added_s > kSameTime_s) {
        row.status = ClosureStatus::slower;
        ++result.summary.slower;
      } else if (row.added_s < -kSameTime_s) {
        row.status = ClosureStatus::faster;
        ++result.summary.faster;
      } else {
        row.status = ClosureStatus::unchanged;
        ++result.summary.unchanged;
      }
    } else if (had) {
      row.status = ClosureStatus::newly_unreachable;
      ++result.summary.newly_unreachable;
    } else if (has) {
      row.status = ClosureStatus::newly_reachable;
      ++result.summary.newly_reachable;
    } else {
      row.status = ClosureStatus::still_unreachable;
      ++result.summary.still_unreachable;
    }
    auto facility_name = [&](const std::optional<std::uint32_t>& f) {
      return f ? core::FieldValue{result.facilities[*f].name} : core::FieldValue{};
    };
    core::Feature f;
    f.geometry = *pos;
    f.category = core::Category::demand;
    f.source_row = demand[id].source_row;
    f.values = {std::int64_t{i},
                demand.display_name(id),
                std::string(to_string(row.status)),
                facility_name(row.before_facility),
                minutes_or_null(had, row.before_time_s),
                facility_name(row.after_facility),
                minutes_or_null(has, row.after_time_s),
                had && has ? core::FieldValue{row.added_s / 60.0} : core::FieldValue{}};
    layer.features.push_back(std::move(f));
    result.rows.push_back(row);
  }
  layer.provenance = result.routes_after.provenance;
  layer.provenance.operation = "closure_effect";
  core::report_progress(progress, 1.0);
  return result;
}

}  // namespace caremap::analysis
