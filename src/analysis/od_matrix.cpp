#include "analysis/od_matrix.hpp"

#include <algorithm>
#include <functional>
#include <memory>

#include "core/error.hpp"
#include "core/parallel_chunks.hpp"
#include "routing/target_search.hpp"

namespace caremap::analysis {

namespace {

void validate(const OdOptions& o) {
  if (o.k_nearest && *o.k_nearest == 0) {
    throw core::ArgumentError("k_nearest must be at least 1");
  }
  if (o.max_time && !(o.max_time->value >= 0.0)) {
    throw core::ArgumentError("max_time must be >= 0 s");
  }
  if (o.max_length && !(o.max_length->value >= 0.0)) {
    throw core::ArgumentError("max_length must be >= 0 m");
  }
  require_snap_distance(o.snap_distance);
  if (o.search_from_destinations && o.k_nearest) {
    throw core::ArgumentError("search_from_destinations needs the full matrix, not k_nearest");
  }
}

// The full matrix by one backward search per destination: the hits are the origins, each
// measured origin -> destination over the same one-way streets.
void fill_from_destinations(const routing::RoadGraph& g, std::span<const NetworkSite> origins,
                            std::span<const NetworkSite> destinations,
                            const routing::SearchOptions& search, const OdOptions& options,
                            const routing::Overlay* overlay, core::Progress* progress,
                            const std::function<bool(double, double)>& within,
                            std::vector<OdRow>& rows) {
  const routing::TargetSet targets(g, endpoints_of(origins), routing::Direction::backward, overlay);
  const std::size_t n = destinations.size();
  const unsigned workers = core::worker_count(options.threads, destinations.size());
  std::vector<std::unique_ptr<routing::TargetSearch>> searches(workers);
  core::parallel_chunks(
      destinations.size(), options.threads,
      [&](std::size_t d, unsigned w) {
        if (!destinations[d].endpoint) {
          return;
        }
        if (!searches[w]) {
          searches[w] = std::make_unique<routing::TargetSearch>(g, targets);
        }
        for (const routing::TargetHit& h : searches[w]->run(*destinations[d].endpoint, 0, search)) {
          if (within(h.time_s, h.length_m)) {
            rows[std::size_t{h.target} * n + d] = {h.target, static_cast<std::uint32_t>(d),
                                                   h.time_s, h.length_m, true};
          }
        }
      },
      progress, 0.0, 0.8);
}

OdMatrixResult run(const routing::RoadNetwork& network, std::vector<NetworkSite> origins,
                   std::vector<NetworkSite> destinations, const OdOptions& options,
                   const routing::Overlay* overlay, core::Progress* progress,
                   OdMatrixResult result) {
  const routing::RoadGraph& g = network.graph();
  close_access_legs(origins, overlay, result.diagnostics);
  close_access_legs(destinations, overlay, result.diagnostics);
  result.origins = origins.size();
  result.destinations = destinations.size();
  const routing::TargetSet targets(g, endpoints_of(destinations), routing::Direction::forward,
                                   overlay);
  routing::SearchOptions search;
  search.metric = options.metric;
  if (options.metric == routing::Metric::time && options.max_time) {
    search.cutoff = options.max_time->value;
  }
  if (options.metric == routing::Metric::distance && options.max_length) {
    search.cutoff = options.max_length->value;
  }
  auto within = [&](double t, double d) {
    return (!options.max_time || t <= options.max_time->value) &&
           (!options.max_length || d <= options.max_length->value);
  };
  const std::size_t k = options.k_nearest.value_or(0);
  const std::size_t n = destinations.size();
  const bool full = k == 0;
  // Full matrix: fixed slots per origin. k nearest: per-origin lists joined afterwards.
  if (full) {
    result.rows.resize(origins.size() * n);
  }
  std::vector<std::vector<OdRow>> nearest(full ? 0 : origins.size());
  if (options.search_from_destinations) {
    for (std::size_t o = 0; o < origins.size(); ++o) {
      for (std::uint32_t d = 0; d < n; ++d) {
        result.rows[o * n + d] = {static_cast<std::uint32_t>(o), d, routing::kUnreachable,
                                  routing::kUnreachable, false};
      }
    }
    fill_from_destinations(g, origins, destinations, search, options, overlay, progress, within,
                           result.rows);
  }
  const unsigned workers = core::worker_count(options.threads, origins.size());
  std::vector<std::unique_ptr<routing::TargetSearch>> searches(workers);
  core::parallel_chunks(
      origins.size(), options.threads,
      [&](std::size_t o, unsigned w) {
        const auto oi = static_cast<std::uint32_t>(o);
        if (full && !options.search_from_destinations) {
          for (std::uint32_t d = 0; d < n; ++d) {
            result.rows[o * n + d] = {oi, d, routing::kUnreachable, routing::kUnreachable, false};
          }
        }
        if (origins[o].endpoint && !options.search_from_destinations) {
          if (!searches[w]) {
            searches[w] = std::make_unique<routing::TargetSearch>(g, targets);
          }
          for (const routing::TargetHit& h : searches[w]->run(*origins[o].endpoint, k, search)) {
            if (!within(h.time_s, h.length_m)) {
              continue;
            }
            const OdRow row{oi, h.target, h.time_s, h.length_m, true};
            if (full) {
              result.rows[o * n + h.target] = row;
            } else {
              nearest[o].push_back(row);
            }
          }
        }
        // The faster of the network and the direct leg (networks with direct legs only; places
        // no road reaches get direct legs on their own island).
        const bool by_time = options.metric == routing::Metric::time;
        for (std::uint32_t d = 0; d < n; ++d) {
          const auto leg = direct_leg(network, origins[o], destinations[d], overlay);
          if (!leg || !within(leg->time_s, leg->length_m)) {
            continue;
          }
          const OdRow direct{oi, d, leg->time_s, leg->length_m, true, true};
          const auto better = [&](const OdRow& r) {
            return !r.reachable || (by_time ? leg->time_s < r.time_s : leg->length_m < r.length_m);
          };
          if (full) {
            if (better(result.rows[o * n + d])) {
              result.rows[o * n + d] = direct;
            }
            continue;
          }
          auto& list = nearest[o];
          auto same = std::find_if(list.begin(), list.end(),
                                   [d](const OdRow& r) { return r.destination == d; });
          if (same == list.end()) {
            list.push_back(direct);
          } else if (better(*same)) {
            *same = direct;
          }
        }
        if (!full) {
          auto& list = nearest[o];
          std::stable_sort(list.begin(), list.end(), [by_time](const OdRow& a, const OdRow& b) {
            const double ka = by_time ? a.time_s : a.length_m;
            const double kb = by_time ? b.time_s : b.length_m;
            return ka != kb ? ka < kb : a.destination < b.destination;
          });
          if (list.size() > k) {
            list.resize(k);
          }
        }
      },
      progress, options.search_from_destinations ? 0.8 : 0.0, 1.0);
  for (auto& list : nearest) {
    result.rows.insert(result.rows.end(), list.begin(), list.end());
  }
  result.origin_sites = std::move(origins);
  result.destination_sites = std::move(destinations);
  result.provenance.operation = "od_matrix";
  if (options.max_time) {
    result.provenance.param("max_time_s", core::to_text(core::FieldValue{options.max_time->value}));
  }
  if (options.max_length) {
    result.provenance.param("max_length_m",
                            core::to_text(core::FieldValue{options.max_length->value}));
  }
  if (options.k_nearest) {
    result.provenance.param("k_nearest", std::to_string(*options.k_nearest));
  }
  result.provenance.param("snap_distance_m",
                          core::to_text(core::FieldValue{options.snap_distance.value}));
  add_network_provenance(result.provenance, network, options.metric, overlay);
  return result;
}

}  // namespace

OdMatrixResult od_matrix(const routing::RoadNetwork& network, std::span<const core::XY> origins,
                         std::span<const core::XY> destinations, const OdOptions& options,
                         const routing::Overlay* overlay, core::Progress* progress) {
  validate(options);
  OdMatrixResult result;
  auto o = point_sites(network, origins, "origins", options.snap_distance, result.diagnostics);
  auto d =
      point_sites(network, destinations, "destinations", options.snap_distance, result.diagnostics);
  return run(network, std::move(o), std::move(d), options, overlay, progress, std::move(result));
}

OdMatrixResult od_matrix(const routing::RoadNetwork& network, const core::Layer& origins,
                         const core::Layer& destinations, const OdOptions& options,
                         const routing::Overlay* overlay, core::Progress* progress) {
  validate(options);
  OdMatrixResult result;
  auto o = layer_sites(network, origins, options.snap_distance, result.diagnostics);
  auto d = layer_sites(network, destinations, options.snap_distance, result.diagnostics);
  result.provenance.inputs_from(origins.provenance);
  result.provenance.inputs_from(destinations.provenance);
  result.provenance.param("origins", origins.id);
  result.provenance.param("destinations", destinations.id);
  return run(network, std::move(o), std::move(d), options, overlay, progress, std::move(result));
}

core::Layer od_table(const OdMatrixResult& result) {
  core::Layer t;
  t.id = "od_matrix";
  t.title = "OD matrix";
  t.category = core::Category::other;
  t.fields = {
      {"origin_layer", core::FieldType::text},       {"origin_fid", core::FieldType::integer},
      {"origin_name", core::FieldType::text},        {"destination_layer", core::FieldType::text},
      {"destination_fid", core::FieldType::integer}, {"destination_name", core::FieldType::text},
      {"reachable", core::FieldType::integer},       {"time_s", core::FieldType::real},
      {"time_min", core::FieldType::real},           {"length_m", core::FieldType::real},
      {"direct", core::FieldType::integer}};
  t.features.reserve(result.rows.size());
  for (const OdRow& r : result.rows) {
    const NetworkSite& o = result.origin_sites[r.origin];
    const NetworkSite& d = result.destination_sites[r.destination];
    core::Feature f;
    f.values = {o.layer_id,
                std::int64_t{o.feature.value},
                o.name,
                d.layer_id,
                std::int64_t{d.feature.value},
                d.name,
                std::int64_t{r.reachable ? 1 : 0},
                r.reachable ? core::FieldValue{r.time_s} : core::FieldValue{},
                r.reachable ? core::FieldValue{r.time_s / 60.0} : core::FieldValue{},
                r.reachable ? core::FieldValue{r.length_m} : core::FieldValue{},
                std::int64_t{r.direct ? 1 : 0}};
    t.features.push_back(std::move(f));
  }
  t.provenance = result.provenance;
  return t;
}

}  // namespace caremap::analysis
