#include "analysis/service_area.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

#include "analysis/band_polygons.hpp"
#include "analysis/boundary_repair.hpp"
#include "analysis/circle_polygons.hpp"
#include "analysis/facility_set.hpp"
#include "analysis/polygon_union.hpp"
#include "core/error.hpp"
#include "core/parallel_chunks.hpp"
#include "routing/dijkstra.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;

namespace {

using routing::ArcId;
using routing::NodeId;
using routing::SegmentId;

// Cost along a segment, linear from (t0, c0) in direction dir (+1: towards t = 1), in the
// search metric per unit of the segment's fraction t.
struct Ray {
  double t0 = 0.0;
  int dir = 1;
  double c0 = 0.0;
  double slope = 0.0;
  std::uint32_t owner = 0;
  double t1 = 2.0;  // where the ray stops (a closure further along); beyond 0..1 = the end

  bool valid_at(double t) const { return dir > 0 ? t >= t0 && t <= t1 : t <= t0 && t >= t1; }
  double cost(double t) const { return c0 + slope * dir * (t - t0); }
};

struct SegmentRay {
  SegmentId segment;
  Ray ray;
};

// Reached road pieces of one band for one owner: (segment, from_t, to_t).
struct Piece {
  SegmentId segment;
  double from;
  double to;
};

struct Bands {
  std::vector<double> limits;  // ascending, in the search metric
  routing::Metric metric = routing::Metric::time;
};

Bands read_bands(const ServiceAreaParams& p) {
  if (p.time_bands.empty() == p.distance_bands.empty()) {
    throw core::ArgumentError("give either time bands or distance bands for a service area");
  }
  Bands b;
  b.metric = p.time_bands.empty() ? routing::Metric::distance : routing::Metric::time;
  for (const auto& t : p.time_bands) {
    b.limits.push_back(t.value);
  }
  for (const auto& d : p.distance_bands) {
    b.limits.push_back(d.value);
  }
  for (const double v : b.limits) {
    if (!(v > 0.0) || !std::isfinite(v)) {
      throw core::ArgumentError("service area bands must be finite and > 0");
    }
  }
  std::sort(b.limits.begin(), b.limits.end());
  b.limits.erase(std::unique(b.limits.begin(), b.limits.end()), b.limits.end());
  if (!(p.road_buffer.value > 0.0) || !std::isfinite(p.road_buffer.value)) {
    throw core::ArgumentError("road_buffer must be > 0 m");
  }
  if (!(p.grid_cell.value >= 0.0) || !(p.grid_cell.value <= p.road_buffer.value)) {
    throw core::ArgumentError("grid_cell must be between 0 (automatic) and road_buffer");
  }
  require_snap_distance(p.snap_distance);
  return b;
}

double arc_cost(const routing::RoadGraph& g, ArcId a, routing::Metric metric,
                const routing::Overlay* overlay) {
  if (metric == routing::Metric::time) {
    return g.time_s()[a] * (overlay ? overlay->time_factor()[a] : 1.0);
  }
  return g.length_m()[a] * (overlay ? overlay->length_factor()[a] : 1.0);
}

// The linear cost rays of a finished search: from every settled node along its arcs, and from
// every seed that sits inside a segment.
void collect_rays(const routing::Dijkstra& q, std::vector<SegmentRay>& out) {
  const routing::RoadGraph& g = q.graph();
  const routing::SearchOptions& o = q.options();
  const bool backward = o.direction == routing::Direction::backward;
  out.clear();
  // `seed_link_cost` >= 0: a seed inside the segment, whose link costs that much from the place
  // (its access leg included) to the arc's end; c0 is then the cost at the place itself.
  auto add = [&](ArcId a, bool from_tail_side, double t0_override, double c0, std::uint32_t owner,
                 double seed_link_cost = -1.0) {
    const bool fwd = g.arc_forward(a);
    // Forward searches spread from the arc's tail in travel direction; backward ones from its
    // head against it.
    const int dir = (fwd == from_tail_side) ? 1 : -1;
    const double t0 = t0_override >= 0.0 ? t0_override : (dir > 0 ? 0.0 : 1.0);
    const SegmentId s = g.arc_segment(a);
    double c = arc_cost(g, a, o.metric, o.overlay);
    double t1 = dir > 0 ? 2.0 : -1.0;
    if (!std::isfinite(c)) {
      // A closed arc: reached up to the barrier when the start is on its dry side (the span is
      // where the barrier lies, see overlay.hpp); closed end to end, or starting in the water,
      // not at all.
      const double len = g.segment_length_m(s);
      const auto span = o.overlay ? o.overlay->closed_span(g, s) : std::nullopt;
      if (!span || !(len > 0.0) || o.overlay->blocks(g, a, t0 * len, t0 * len)) {
        return;
      }
      const double from = span->from_m / len;
      const double to = span->to_m / len;
      t1 = dir > 0 ? (t0 < from ? from : 2.0) : (t0 > to ? to : -1.0);
      c = o.metric == routing::Metric::time ? g.time_s()[a] * o.overlay->open_time_factor(a)
                                            : g.length_m()[a];
    }
    if (seed_link_cost >= 0.0) {
      // The access leg: what the link costs beyond its part of the arc.
      c0 = std::max(0.0, seed_link_cost - c * (dir > 0 ? 1.0 - t0 : t0));
    }
    out.push_back({s, Ray{t0, dir, c0, c, owner, t1}});
  };
  for (const NodeId u : q.settled()) {
    const double c0 = q.cost(u);
    if (backward) {
      for (std::uint32_t i = g.first_in()[u]; i < g.first_in()[u + 1]; ++i) {
        add(g.in_arc()[i], false, -1.0, c0, q.source(u));
      }
    } else {
      for (ArcId a = g.first_out()[u]; a < g.first_out()[u + 1]; ++a) {
        add(a, true, -1.0, c0, q.source(u));
      }
    }
  }
  for (const routing::Link& s : q.seeds()) {
    if (s.arc == routing::kNone) {
      continue;
    }
    const double len = g.segment_length_m(g.arc_segment(s.arc));
    add(s.arc, !backward, len > 0.0 ? s.offset_m / len : 0.0, 0.0, s.tag,
        o.metric == routing::Metric::time ? s.time_s : s.length_m);
  }
  std::sort(out.begin(), out.end(),
            [](const SegmentRay& a, const SegmentRay& b) { return a.segment < b.segment; });
}

// The lower envelope of the rays of one segment, cut at every band limit: calls
// emit(owner, band, piece) for every reached piece (owner 0 for all when !by_owner). O(r^2) for
// r rays; a segment has two node rays plus one per facility on it.
template <class Emit>
void envelope(SegmentId s, std::span<const SegmentRay> rays, const std::vector<double>& limits,
              bool by_owner, std::vector<double>& breaks, Emit emit) {
  breaks.assign({0.0, 1.0});
  for (std::size_t i = 0; i < rays.size(); ++i) {
    const Ray& a = rays[i].ray;
    if (a.t0 > 0.0 && a.t0 < 1.0) {
      breaks.push_back(a.t0);
    }
    if (a.t1 > 0.0 && a.t1 < 1.0) {
      breaks.push_back(a.t1);
    }
    for (std::size_t j = i + 1; j < rays.size(); ++j) {
      const Ray& b = rays[j].ray;
      const double ka = a.slope * a.dir;
      const double kb = b.slope * b.dir;
      if (ka == kb) {
        continue;
      }
      const double t = (b.c0 - kb * b.t0 - a.c0 + ka * a.t0) / (ka - kb);
      if (t > 0.0 && t < 1.0) {
        breaks.push_back(t);
      }
    }
  }
  std::sort(breaks.begin(), breaks.end());
  for (std::size_t i = 0; i + 1 < breaks.size(); ++i) {
    const double p = breaks[i];
    const double q = breaks[i + 1];
    if (!(q - p > 1e-12)) {
      continue;
    }
    const double mid = 0.5 * (p + q);
    const Ray* best = nullptr;
    double best_cost = routing::kUnreachable;
    for (const SegmentRay& r : rays) {
      if (r.ray.valid_at(mid)) {
        const double c = r.ray.cost(mid);
        if (c < best_cost || (c == best_cost && best && r.ray.owner < best->owner)) {
          best_cost = c;
          best = &r.ray;
        }
      }
    }
    if (!best) {
      continue;
    }
    const double cp = best->cost(p);
    const double cq = best->cost(q);
    for (std::size_t band = 0; band < limits.size(); ++band) {
      const double T = limits[band];
      double from = p;
      double to = q;
      if (cp > T && cq > T) {
        continue;
      }
      if (cp > T) {
        from = q - (T - cq) / (cp - cq) * (q - p);
      } else if (cq > T) {
        to = p + (T - cp) / (cq - cp) * (q - p);
      }
      if (to > from) {
        emit(by_owner ? best->owner : 0u, band, Piece{s, from, to});
      }
    }
  }
}

// Pieces per owner per band, adjacent pieces of one segment merged.
using PieceSets = std::vector<std::vector<std::vector<Piece>>>;

void add_piece(PieceSets& sets, std::uint32_t owner, std::size_t band, const Piece& piece) {
  auto& list = sets[owner][band];
  if (!list.empty() && list.back().segment == piece.segment &&
      std::abs(list.back().to - piece.from) < 1e-12) {
    list.back().to = piece.to;
  } else {
    list.push_back(piece);
  }
}

void reached_pieces(const routing::Dijkstra& q, const std::vector<double>& limits, bool by_owner,
                    PieceSets& sets) {
  std::vector<SegmentRay> rays;
  std::vector<double> breaks;
  collect_rays(q, rays);
  std::size_t i = 0;
  const routing::RoadGraph& g = q.graph();
  while (i < rays.size()) {
    std::size_t j = i;
    while (j < rays.size() && rays[j].segment == rays[i].segment) {
      ++j;
    }
    const SegmentId s = rays[i].segment;
    if (g.segment_length_m(s) > 0.0) {
      envelope(s, std::span<const SegmentRay>(rays).subspan(i, j - i), limits, by_owner, breaks,
               [&](std::uint32_t owner, std::size_t band, const Piece& p) {
                 add_piece(sets, owner, band, p);
               });
    }
    i = j;
  }
}

core::MultiLineString to_lines(const routing::RoadGraph& g, const std::vector<Piece>& pieces) {
  core::MultiLineString out;
  out.reserve(pieces.size());
  for (const Piece& p : pieces) {
    const double len = g.segment_length_m(p.segment);
    core::LineString line;
    routing::append_segment_part(g, p.segment, p.from * len, p.to * len, line);
    if (line.size() >= 2) {
      out.push_back(std::move(line));
    }
  }
  return out;
}

BandPolygonOptions polygon_options(const ServiceAreaParams& p) {
  BandPolygonOptions o;
  o.buffer_m = p.road_buffer.value;
  o.cell_m = p.grid_cell.value > 0.0 ? p.grid_cell.value : p.road_buffer.value / 4.0;
  o.rings = p.shape == BandShape::rings;
  return o;
}

struct Output {
  std::uint32_t owner = 0;  // site index, or kNone for "all"
  std::size_t band = 0;
  core::MultiLineString lines;
  core::MultiPolygon area;
};

// The distance-field polygons are valid by construction (band_polygons.hpp). Debug builds check
// that with Boost (as the tests do); should a check ever fail, make_valid repairs what it can
// without moving the boundary, and anything left is reported.
void check_valid(core::MultiPolygon& mp, const std::string& what, core::Diagnostics& d) {
#ifdef NDEBUG
  (void)mp;
  (void)what;
  (void)d;
#else
  std::string reason;
  if (is_valid_multipolygon(mp, reason) || make_valid(mp).valid) {
    return;
  }
  d.add({core::Severity::warning,
         "invalid_service_area",
         {},
         std::nullopt,
         {},
         what + ": " + reason});
#endif
}

std::vector<routing::Link> seeds_of(const routing::RoadGraph& g,
                                    const std::vector<NetworkSite>& sites,
                                    const std::vector<std::uint32_t>& which, bool forward,
                                    const routing::Overlay* overlay) {
  std::vector<routing::Link> seeds;
  for (const std::uint32_t i : which) {
    if (forward) {
      routing::append_departures(g, *sites[i].endpoint, overlay, i, seeds);
    } else {
      routing::append_arrivals(g, *sites[i].endpoint, overlay, i, seeds);
    }
  }
  return seeds;
}

// On networks with direct legs (a trunk-only line layer) a facility also reaches, without any
// road, the disc its access measure covers within the band: added to its band polygons (disks
// shape, overlap and dissolve modes). Returns the number of polygons that grew.
std::size_t add_direct_reach(const routing::RoadNetwork& network,
                             const std::vector<NetworkSite>& sites,
                             const std::vector<std::uint32_t>& placed,
                             const ServiceAreaParams& params, const Bands& bands,
                             std::vector<Output>& outputs) {
  const routing::AccessModel& access = network.access();
  if (!access.costed() || !access.direct_legs || !params.build_polygons ||
      bands.metric != routing::Metric::time || params.shape != BandShape::disks ||
      params.mode == ServiceAreaMode::split) {
    return 0;
  }
  std::size_t grown = 0;
  for (Output& o : outputs) {
    const double radius = access.reach_m(bands.limits[o.band]);
    if (!(radius > 0.0)) {
      continue;
    }
    std::vector<core::MultiPolygon> parts{o.area};
    const auto add = [&](std::uint32_t i) {
      parts.push_back(
          core::MultiPolygon{circle_polygon(sites[i].position, core::Meters{radius}, 64)});
    };
    if (o.owner == routing::kNone) {
      for (const std::uint32_t i : placed) {
        add(i);
      }
    } else {
      add(o.owner);
    }
    o.area = cascaded_union(std::move(parts));
    ++grown;
  }
  return grown;
}

ServiceAreaResult run(const routing::RoadNetwork& network, std::vector<NetworkSite> sites,
                      const ServiceAreaParams& params, const Bands& bands,
                      const routing::Overlay* overlay, core::Progress* progress,
                      ServiceAreaResult result, const std::string& crs) {
  const routing::RoadGraph& g = network.graph();
  close_access_legs(sites, overlay, result.diagnostics);
  const std::size_t nb = bands.limits.size();
  const bool forward = params.direction == TravelDirection::from_facility;
  routing::SearchOptions options;
  options.metric = bands.metric;
  options.direction = forward ? routing::Direction::forward : routing::Direction::backward;
  options.cutoff = bands.limits.back();
  options.overlay = overlay;

  std::vector<std::uint32_t> placed;
  for (std::uint32_t i = 0; i < sites.size(); ++i) {
    if (sites[i].endpoint) {
      placed.push_back(i);
    }
  }
  std::vector<Output> outputs;
  result.reached_nodes.assign(sites.size(), {});
  const BandPolygonOptions polygons = polygon_options(params);
  // Grid cells larger than asked (capped grids) and unclosed boundary pieces, per polygon job.
  double coarsest_cell = polygons.cell_m;
  std::size_t unclosed = 0;
  auto add_outputs = [&](std::uint32_t owner, std::vector<core::MultiLineString>& lines,
                         BandPolygons& areas, std::size_t slot, std::vector<Output>& out) {
    for (std::size_t b = 0; b < nb; ++b) {
      Output o{owner, b, std::move(lines[b]), {}};
      if (params.build_polygons && !areas.areas.empty()) {
        o.area = std::move(areas.areas[slot * nb + b]);
      }
      out.push_back(std::move(o));
    }
  };
  if (params.mode == ServiceAreaMode::overlap) {
    // One search per facility; each facility's pieces and polygons are independent.
    std::vector<std::vector<Output>> per(placed.size());
    const unsigned workers = core::worker_count(params.threads, placed.size());
    std::vector<std::unique_ptr<routing::Dijkstra>> queries(workers);
    std::vector<std::unique_ptr<BandPolygonBuilder>> builders(workers);
    std::vector<double> cells(placed.size(), polygons.cell_m);
    std::vector<std::size_t> broken(placed.size(), 0);
    core::parallel_chunks(
        placed.size(), params.threads,
        [&](std::size_t k, unsigned w) {
          if (!queries[w]) {
            queries[w] = std::make_unique<routing::Dijkstra>(g);
            builders[w] = std::make_unique<BandPolygonBuilder>();
          }
          const std::uint32_t site = placed[k];
          queries[w]->run(seeds_of(g, sites, {site}, forward, overlay), options);
          for (const NodeId v : queries[w]->settled()) {
            result.reached_nodes[site].push_back(g.node_osm_id(v));
          }
          PieceSets sets(1, std::vector<std::vector<Piece>>(nb));
          reached_pieces(*queries[w], bands.limits, false, sets);
          std::vector<core::MultiLineString> lines(nb);
          for (std::size_t b = 0; b < nb; ++b) {
            lines[b] = to_lines(g, sets[0][b]);
          }
          BandPolygons areas;
          if (params.build_polygons) {
            areas = builders[w]->build(std::span(&lines, 1), polygons);
            cells[k] = areas.cell_m;
            broken[k] = areas.unclosed;
          }
          add_outputs(site, lines, areas, 0, per[k]);
        },
        progress, 0.0, 0.9);
    for (std::size_t k = 0; k < placed.size(); ++k) {
      coarsest_cell = std::max(coarsest_cell, cells[k]);
      unclosed += broken[k];
      for (auto& o : per[k]) {
        outputs.push_back(std::move(o));
      }
    }
  } else {
    // One multi-source search: each road point goes to its nearest facility (split) or to all
    // of them together (dissolve); one distance field over all of them, whose owner labels make
    // the split polygons a partition.
    routing::Dijkstra q(g);
    q.run(seeds_of(g, sites, placed, forward, overlay), options);
    const bool split = params.mode == ServiceAreaMode::split;
    if (split) {
      for (const NodeId v : q.settled()) {
        result.reached_nodes[q.source(v)].push_back(g.node_osm_id(v));
      }
    }
    PieceSets sets(split ? sites.size() : 1, std::vector<std::vector<Piece>>(nb));
    reached_pieces(q, bands.limits, split, sets);
    core::report_progress(progress, 0.3);
    const std::vector<std::uint32_t> owners =
        split ? placed : std::vector<std::uint32_t>{routing::kNone};
    std::vector<std::vector<core::MultiLineString>> lines(owners.size());
    for (std::size_t k = 0; k < owners.size(); ++k) {
      const std::size_t slot = split ? owners[k] : 0;
      for (std::size_t b = 0; b < nb; ++b) {
        lines[k].push_back(to_lines(g, sets[slot][b]));
      }
    }
    BandPolygons areas;
    if (params.build_polygons) {
      areas = BandPolygonBuilder().build(lines, polygons);
      coarsest_cell = areas.cell_m;
      unclosed = areas.unclosed;
    }
    for (std::size_t k = 0; k < owners.size(); ++k) {
      add_outputs(owners[k], lines[k], areas, k, outputs);
    }
  }
  if (coarsest_cell > polygons.cell_m) {
    result.diagnostics.add({core::Severity::warning,
                            "coarse_service_area_grid",
                            {},
                            std::nullopt,
                            {},
                            "the service areas cover too large a region for a grid of " +
                                core::to_text(core::FieldValue{polygons.cell_m}) +
                                " m cells; polygons use cells of up to " +
                                core::to_text(core::FieldValue{std::ceil(coarsest_cell)}) +
                                " m and are that much less exact"});
  }
  if (unclosed > 0) {
    result.diagnostics.add(
        {core::Severity::warning,
         "invalid_service_area",
         {},
         std::nullopt,
         {},
         std::to_string(unclosed) + " boundary pieces did not close and were left out"});
  }
  const std::size_t direct_areas = add_direct_reach(network, sites, placed, params, bands, outputs);
  if (params.build_polygons) {
    for (auto& o : outputs) {
      check_valid(o.area,
                  std::string(params.shape == BandShape::rings ? "service area ring "
                                                               : "service area band ") +
                      std::to_string(o.band + 1),
                  result.diagnostics);
    }
  }
  for (auto& nodes : result.reached_nodes) {
    std::sort(nodes.begin(), nodes.end());
  }
  core::report_progress(progress, 0.95);

  const bool by_time = bands.metric == routing::Metric::time;
  auto make_layer = [&](core::Layer& l, const std::string& id, core::Category c) {
    l.id = id;
    l.category = c;
    l.crs = crs;
    l.fields = {{"facility_layer", core::FieldType::text},
                {"facility_fid", core::FieldType::integer},
                {"facility", core::FieldType::text},
                {by_time ? "band_min" : "band_m", core::FieldType::real}};
    l.name_field = 2;
  };
  make_layer(result.areas, "service_area", core::Category::service_area);
  result.areas.title = "service areas";
  result.areas.add_field("area_km2", core::FieldType::real);
  if (params.population) {
    result.areas.add_field("population", core::FieldType::real);
  }
  make_layer(result.roads, "service_area_roads", core::Category::route);
  result.roads.title = "roads reached";
  result.roads.add_field("length_m", core::FieldType::real);
  for (Output& o : outputs) {
    const bool all = o.owner == routing::kNone;
    std::vector<core::FieldValue> key = {
        all ? core::FieldValue{} : core::FieldValue{sites[o.owner].layer_id},
        all ? core::FieldValue{} : core::FieldValue{std::int64_t{sites[o.owner].feature.value}},
        all ? core::FieldValue{std::string("all")} : core::FieldValue{sites[o.owner].name},
        by_time ? bands.limits[o.band] / 60.0 : bands.limits[o.band]};
    core::Feature road;
    road.category = core::Category::route;
    road.values = key;
    road.values.emplace_back(static_cast<double>(bg::length(o.lines)));
    road.geometry = std::move(o.lines);
    result.roads.features.push_back(std::move(road));

    if (!params.build_polygons) {
      continue;
    }
    core::Feature area;
    area.category = core::Category::service_area;
    area.values = std::move(key);
    area.values.emplace_back(static_cast<double>(bg::area(o.area)) / 1e6);
    if (params.population) {
      const auto pop = params.population(o.area);
      area.values.push_back(pop ? core::FieldValue{*pop} : core::FieldValue{});
    }
    area.geometry = std::move(o.area);
    result.areas.features.push_back(std::move(area));
  }
  core::Provenance prov;
  prov.operation = "service_area";
  std::string band_text;
  for (const double v : bands.limits) {
    band_text +=
        (band_text.empty() ? "" : ",") + core::to_text(core::FieldValue{by_time ? v / 60.0 : v});
  }
  prov.param(by_time ? "bands_min" : "bands_m", band_text);
  prov.param("mode", params.mode == ServiceAreaMode::overlap
                         ? "overlap"
                         : (params.mode == ServiceAreaMode::split ? "split" : "dissolve"));
  prov.param("shape", params.shape == BandShape::disks ? "disks" : "rings");
  prov.param("direction", to_string(params.direction));
  prov.param("road_buffer_m", core::to_text(core::FieldValue{params.road_buffer.value}));
  prov.param("grid_cell_m", core::to_text(core::FieldValue{coarsest_cell}));
  prov.param("snap_distance_m", core::to_text(core::FieldValue{params.snap_distance.value}));
  if (direct_areas > 0) {
    prov.param("direct_reach",
               "areas include the disc reached directly at the access measure (" +
                   core::to_text(core::FieldValue{network.access().speed_kmh}) + " km/h, detour " +
                   core::to_text(core::FieldValue{network.access().detour_factor}) + ")");
  }
  add_network_provenance(prov, network, bands.metric, overlay);
  result.areas.provenance.inputs_from(prov);
  prov.inputs_from(result.areas.provenance);
  result.areas.provenance = prov;
  result.roads.provenance = prov;
  result.facilities = std::move(sites);
  core::report_progress(progress, 1.0);
  return result;
}

}  // namespace

ServiceAreaResult service_area(const routing::RoadNetwork& network,
                               std::span<const core::LayerPtr> facility_layers,
                               const ServiceAreaParams& params, const routing::Overlay* overlay,
                               core::Progress* progress) {
  const Bands bands = read_bands(params);
  ServiceAreaResult result;
  auto sites = facility_sites(network, facility_layers, params.categories, params.snap_distance,
                              result.diagnostics);
  if (sites.empty()) {
    result.diagnostics.add(
        {core::Severity::error,
         "no_facilities",
         {},
         std::nullopt,
         {},
         "no facility of the requested categories (" + categories_label(params.categories) + ")"});
  }
  std::string crs = network.graph().info().crs;
  core::Provenance inputs;
  for (const core::LayerPtr& l : facility_layers) {
    if (l) {
      inputs.inputs_from(l->provenance);
      if (!l->crs.empty()) {
        crs = l->crs;
      }
    }
  }
  result.areas.provenance = inputs;
  return run(network, std::move(sites), params, bands, overlay, progress, std::move(result), crs);
}

ServiceAreaResult service_area(const routing::RoadNetwork& network,
                               std::span<const core::XY> origins, const ServiceAreaParams& params,
                               const routing::Overlay* overlay, core::Progress* progress) {
  const Bands bands = read_bands(params);
  ServiceAreaResult result;
  auto sites = point_sites(network, origins, "origins", params.snap_distance, result.diagnostics);
  return run(network, std::move(sites), params, bands, overlay, progress, std::move(result),
             network.graph().info().crs);
}

}  // namespace caremap::analysis
