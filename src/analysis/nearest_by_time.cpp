#include "analysis/nearest_by_time.hpp"

#include <algorithm>
#include <cmath>

#include "analysis/facility_set.hpp"
#include "core/error.hpp"
#include "core/parallel_chunks.hpp"
#include "routing/target_search.hpp"

namespace caremap::analysis {

namespace {

void validate(const NearestByTimeParams& p) {
  if (p.k == 0) {
    throw core::ArgumentError("k must be at least 1");
  }
  if (p.max_time && !(p.max_time->value >= 0.0)) {
    throw core::ArgumentError("max_time must be >= 0 s");
  }
  if (p.max_length && !(p.max_length->value >= 0.0)) {
    throw core::ArgumentError("max_length must be >= 0 m");
  }
  require_snap_distance(p.snap_distance);
}

routing::SearchOptions search_options(const NearestByTimeParams& p) {
  routing::SearchOptions o;
  o.metric = p.metric;
  if (p.metric == routing::Metric::time && p.max_time) {
    o.cutoff = p.max_time->value;
  }
  if (p.metric == routing::Metric::distance && p.max_length) {
    o.cutoff = p.max_length->value;
  }
  return o;
}

bool within_limits(const NearestByTimeParams& p, double time_s, double length_m) {
  return (!p.max_time || time_s <= p.max_time->value) &&
         (!p.max_length || length_m <= p.max_length->value);
}

core::Provenance provenance(const NearestByTimeParams& p, const routing::RoadNetwork& network,
                            const routing::Overlay* overlay, const char* operation) {
  core::Provenance prov;
  prov.operation = operation;
  prov.param("categories", categories_label(p.categories));
  prov.param("k", std::to_string(p.k));
  prov.param("direction", to_string(p.direction));
  if (p.max_time) {
    prov.param("max_time_s", core::to_text(core::FieldValue{p.max_time->value}));
  }
  if (p.max_length) {
    prov.param("max_length_m", core::to_text(core::FieldValue{p.max_length->value}));
  }
  prov.param("snap_distance_m", core::to_text(core::FieldValue{p.snap_distance.value}));
  add_network_provenance(prov, network, p.metric, overlay);
  return prov;
}

routing::Direction search_direction(TravelDirection d) {
  // to_facility: search forward from the demand point; from_facility: backward from it.
  return d == TravelDirection::to_facility ? routing::Direction::forward
                                           : routing::Direction::backward;
}

void no_facility(core::Diagnostics& d, const core::Layer& demand, core::FeatureId id) {
  const core::Feature& f = demand[id];
  d.add({core::Severity::warning,
         "no_facility_within_reach",
         demand.provenance.inputs.empty() ? std::string() : demand.provenance.inputs.front().path,
         f.source_row ? std::optional<std::size_t>(f.source_row) : std::nullopt,
         {},
         "'" + demand.display_name(id) + "' reaches no facility over the road network"});
}

}  // namespace

NearestByTimeResult nearest_by_time(const routing::RoadNetwork& network, const core::Layer& demand,
                                    std::span<const core::LayerPtr> facility_layers,
                                    const NearestByTimeParams& params,
                                    const routing::Overlay* overlay, core::Progress* progress) {
  validate(params);
  NearestByTimeResult result;
  for (const core::LayerPtr& l : facility_layers) {
    if (l) {
      require_same_crs(demand, *l);
    }
  }
  result.facilities = facility_sites(network, facility_layers, params.categories,
                                     params.snap_distance, result.diagnostics);
  if (result.facilities.empty()) {
    result.diagnostics.add(
        {core::Severity::error,
         "no_facilities",
         {},
         std::nullopt,
         {},
         "no facility of the requested categories (" + categories_label(params.categories) + ")"});
  }
  std::vector<NetworkSite> demand_sites =
      layer_sites(network, demand, params.snap_distance, result.diagnostics);
  close_access_legs(result.facilities, overlay, result.diagnostics);
  close_access_legs(demand_sites, overlay, result.diagnostics);
  const routing::RoadGraph& g = network.graph();
  const routing::TargetSet targets(g, endpoints_of(result.facilities),
                                   search_direction(params.direction), overlay);
  const routing::SearchOptions options = search_options(params);

  struct PerDemand {
    std::vector<NearestByTimeRow> rows;
    std::vector<core::LineString> routes;
  };
  std::vector<PerDemand> per(demand_sites.size());
  const unsigned workers = core::worker_count(params.threads, demand_sites.size());
  std::vector<std::unique_ptr<routing::TargetSearch>> searches(workers);
  core::parallel_chunks(
      demand_sites.size(), params.threads,
      [&](std::size_t i, unsigned w) {
        if (!searches[w]) {
          searches[w] = std::make_unique<routing::TargetSearch>(g, targets);
        }
        const NetworkSite& site = demand_sites[i];
        // Candidates: the k best by road, and every facility the direct leg reaches faster.
        struct Candidate {
          std::uint32_t facility;
          double time_s;
          double length_m;
          std::optional<routing::TargetHit> hit;  // nullopt = direct leg
        };
        std::vector<Candidate> candidates;
        if (site.endpoint && targets.size() > 0) {
          for (const routing::TargetHit& h : searches[w]->run(*site.endpoint, params.k, options)) {
            candidates.push_back({h.target, h.time_s, h.length_m, h});
          }
        }
        for (std::uint32_t f = 0; f < result.facilities.size(); ++f) {
          const NetworkSite& fac = result.facilities[f];
          const auto leg = params.direction == TravelDirection::to_facility
                               ? direct_leg(network, site, fac, overlay)
                               : direct_leg(network, fac, site, overlay);
          if (!leg) {
            continue;
          }
          const double key = params.metric == routing::Metric::time ? leg->time_s : leg->length_m;
          auto same = std::find_if(candidates.begin(), candidates.end(),
                                   [f](const Candidate& c) { return c.facility == f; });
          if (same == candidates.end()) {
            candidates.push_back({f, leg->time_s, leg->length_m, std::nullopt});
          } else if (key <
                     (params.metric == routing::Metric::time ? same->time_s : same->length_m)) {
            *same = {f, leg->time_s, leg->length_m, std::nullopt};
          }
        }
        const bool by_time = params.metric == routing::Metric::time;
        std::stable_sort(candidates.begin(), candidates.end(),
                         [by_time](const Candidate& a, const Candidate& b) {
                           const double ka = by_time ? a.time_s : a.length_m;
                           const double kb = by_time ? b.time_s : b.length_m;
                           return ka != kb ? ka < kb : a.facility < b.facility;
                         });
        std::uint32_t rank = 0;
        for (const Candidate& c : candidates) {
          if (rank == params.k) {
            break;
          }
          if (!within_limits(params, c.time_s, c.length_m)) {
            continue;
          }
          NearestByTimeRow row{site.feature, ++rank, c.facility, c.time_s, c.length_m};
          row.direct = !c.hit.has_value();
          per[i].rows.push_back(row);
          if (params.build_routes) {
            per[i].routes.push_back(
                c.hit ? searches[w]->route(*c.hit).geometry
                      : core::LineString{site.position, result.facilities[c.facility].position});
          }
        }
      },
      progress, 0.0, 0.95);

  core::Layer& layer = result.routes;
  layer.id = "nearest_by_time_" + categories_label(params.categories);
  layer.title = "nearest by road: " + categories_label(params.categories);
  layer.category = core::Category::route;
  layer.crs = demand.crs;
  layer.fields = {{"demand_fid", core::FieldType::integer},
                  {"demand_name", core::FieldType::text},
                  {"rank", core::FieldType::integer},
                  {"facility_layer", core::FieldType::text},
                  {"facility_fid", core::FieldType::integer},
                  {"facility_name", core::FieldType::text},
                  {"facility_category", core::FieldType::text},
                  {"time_s", core::FieldType::real},
                  {"time_min", core::FieldType::real},
                  {"length_m", core::FieldType::real},
                  {"access_m", core::FieldType::real},
                  {"access_s", core::FieldType::real},
                  {"road_s", core::FieldType::real},
                  {"direct", core::FieldType::integer},
                  {"long_access", core::FieldType::integer}};
  layer.name_field = 5;
  for (std::size_t i = 0; i < demand_sites.size(); ++i) {
    const NetworkSite& site = demand_sites[i];
    if (per[i].rows.empty()) {
      result.unreachable.push_back(site.feature);
      if (!site.not_connected) {
        no_facility(result.diagnostics, demand, site.feature);
      }
      continue;
    }
    for (std::size_t r = 0; r < per[i].rows.size(); ++r) {
      const NearestByTimeRow& row = per[i].rows[r];
      const NetworkSite& fac = result.facilities[row.facility];
      core::Feature f;
      if (params.build_routes) {
        f.geometry = per[i].routes[r];
      }
      f.category = core::Category::route;
      f.source_row = demand[site.feature].source_row;
      f.values = {std::int64_t{site.feature.value},
                  site.name,
                  std::int64_t{row.rank},
                  fac.layer_id,
                  std::int64_t{fac.feature.value},
                  fac.name,
                  std::string(core::to_string(fac.category)),
                  row.time_s,
                  row.time_s / 60.0,
                  row.length_m};
      // The access legs of both ends (none on a direct leg: it is all access measure).
      const double access_m =
          row.direct ? row.length_m : site.access_length_m + fac.access_length_m;
      const double access_s = row.direct ? row.time_s : site.access_time_s + fac.access_time_s;
      f.values.push_back(access_m);
      f.values.push_back(access_s);
      f.values.push_back(std::max(0.0, row.time_s - access_s));
      f.values.push_back(std::int64_t{row.direct ? 1 : 0});
      f.values.push_back(std::int64_t{site.long_access || fac.long_access ? 1 : 0});
      layer.features.push_back(std::move(f));
      result.rows.push_back(row);
    }
  }
  layer.provenance = provenance(params, network, overlay, "nearest_by_time");
  layer.provenance.param("demand", demand.id);
  layer.provenance.inputs_from(demand.provenance);
  for (const core::LayerPtr& l : facility_layers) {
    if (l) {
      layer.provenance.inputs_from(l->provenance);
    }
  }
  core::report_progress(progress, 1.0);
  return result;
}

NodeNearestResult nearest_facility_per_node(const routing::RoadNetwork& network,
                                            std::span<const core::LayerPtr> facility_layers,
                                            const NearestByTimeParams& params,
                                            const routing::Overlay* overlay,
                                            core::Progress* progress) {
  validate(params);
  NodeNearestResult result;
  result.facilities = facility_sites(network, facility_layers, params.categories,
                                     params.snap_distance, result.diagnostics);
  const routing::RoadGraph& g = network.graph();
  // from_facility: forward from the facilities; to_facility: backward (cost node -> facility).
  const bool forward = params.direction == TravelDirection::from_facility;
  std::vector<routing::Link> seeds;
  for (std::uint32_t i = 0; i < result.facilities.size(); ++i) {
    if (const auto& e = result.facilities[i].endpoint) {
      if (forward) {
        routing::append_departures(g, *e, overlay, i, seeds);
      } else {
        routing::append_arrivals(g, *e, overlay, i, seeds);
      }
    }
  }
  routing::SearchOptions options = search_options(params);
  options.direction = forward ? routing::Direction::forward : routing::Direction::backward;
  options.overlay = overlay;
  routing::Dijkstra q(g);
  q.run(seeds, options);
  core::report_progress(progress, 0.5);

  result.facility.assign(g.node_count(), routing::kNone);
  result.time_s.assign(g.node_count(), routing::kUnreachable);
  result.length_m.assign(g.node_count(), routing::kUnreachable);
  core::Layer& layer = result.nodes;
  layer.id = "nearest_by_node_" + categories_label(params.categories);
  layer.title = "nearest facility by road, per node";
  layer.category = core::Category::other;
  layer.crs = g.info().crs;
  layer.fields = {
      {"node_osm_id", core::FieldType::integer},  {"facility_layer", core::FieldType::text},
      {"facility_fid", core::FieldType::integer}, {"facility_name", core::FieldType::text},
      {"time_s", core::FieldType::real},          {"time_min", core::FieldType::real},
      {"length_m", core::FieldType::real}};
  layer.name_field = 3;
  for (const routing::NodeId v : q.settled()) {
    if (!within_limits(params, q.time_s(v), q.length_m(v))) {
      continue;
    }
    result.facility[v] = q.source(v);
    result.time_s[v] = q.time_s(v);
    result.length_m[v] = q.length_m(v);
    const NetworkSite& fac = result.facilities[q.source(v)];
    core::Feature f;
    f.geometry = g.node_xy(v);
    f.values = {std::int64_t{g.node_osm_id(v)},
                fac.layer_id,
                std::int64_t{fac.feature.value},
                fac.name,
                q.time_s(v),
                q.time_s(v) / 60.0,
                q.length_m(v)};
    layer.features.push_back(std::move(f));
  }
  layer.provenance = provenance(params, network, overlay, "nearest_facility_per_node");
  for (const core::LayerPtr& l : facility_layers) {
    if (l) {
      layer.provenance.inputs_from(l->provenance);
    }
  }
  core::report_progress(progress, 1.0);
  return result;
}

}  // namespace caremap::analysis
