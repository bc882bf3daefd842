// `caremap nearest`: the k nearest facilities to a place, or to every point of a demand file
// (patients, shelters, a grid), from the region's layers or from facility files. By straight
// line (default) or over the road network (--by time | road-distance, nearest_by_network.cpp).

#include <limits>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/nearest.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/nearest_by_network.hpp"
#include "cli/nearest_inputs.hpp"
#include "cli/people_distance.hpp"
#include "cli/phase_timer.hpp"
#include "cli/progress_bar.hpp"
#include "cli/region_loading.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/write.hpp"

namespace caremap::cli {

namespace {

analysis::NearestParams params_of(const NearestOptions& o, const NearestInputs& in, bool links) {
  if (o.k == 0) {
    throw core::ArgumentError("-k: must be 1 or more");
  }
  analysis::NearestParams p;
  p.categories = requested_categories(o, in.region.has_value());
  p.k = o.k;
  if (!o.max_distance.empty()) {
    p.max_distance = parse_distance(o.max_distance, "--max-distance");
  }
  p.threads = effective_threads(o.threads);
  p.build_links = links;
  // A CSV table wants one row per demand point at the demand point: no lines to build.
  p.link_geometry = is_table_output(o.output) ? analysis::LinkGeometry::demand_point
                                              : analysis::LinkGeometry::line;
  return p;
}

void print_location_result(const core::LonLat& place, const analysis::NearestResult& r,
                           crs::Transformer& to_wgs84, std::ostream& out) {
  out << "Nearest to " << format_fixed(place.lon, 5) << "," << format_fixed(place.lat, 5)
      << " (straight line):\n";
  TextTable table({"#", "facility", "category", "distance", "lon,lat"},
                  {Align::right, Align::left, Align::left, Align::right, Align::left});
  for (const auto& row : r.rows) {
    const auto& f = r.facilities[row.facility];
    const auto ll = to_wgs84.transform(f.position);
    table.add_row({std::to_string(row.rank), f.name, std::string(core::to_string(f.category)),
                   format_distance(row.distance),
                   format_fixed(ll.x, 5) + "," + format_fixed(ll.y, 5)});
  }
  table.print(out);
  out << '\n';
}

void print_demand_result(const core::Layer& demand, const analysis::NearestResult& r,
                         std::ostream& out) {
  const auto& s = r.summary;
  out << "Nearest facility (straight line) for " << s.demand_points << " points of " << demand.title
      << " among " << s.facilities << " facilities:\n";
  TextTable stats({"points", "matched", "unmatched", "mean", "median", "90%", "max"},
                  std::vector<Align>(7, Align::right));
  stats.add_row({std::to_string(s.demand_points), std::to_string(s.matched),
                 std::to_string(s.unmatched), format_distance(s.nearest.mean),
                 format_distance(s.nearest.median), format_distance(s.nearest.p90),
                 format_distance(s.nearest.max)});
  stats.print(out);
  // The farthest points are the planning question: who is worst served.
  std::vector<const analysis::NearestRow*> firsts;
  for (const auto& row : r.rows) {
    if (row.rank == 1) {
      firsts.push_back(&row);
    }
  }
  const std::size_t shown = std::min<std::size_t>(10, firsts.size());
  std::partial_sort(firsts.begin(), firsts.begin() + static_cast<std::ptrdiff_t>(shown),
                    firsts.end(),
                    [](const auto* a, const auto* b) { return a->distance > b->distance; });
  if (shown > 0) {
    out << "\nFarthest from a facility:\n";
    TextTable far({"point", "nearest facility", "distance"},
                  {Align::left, Align::left, Align::right});
    for (std::size_t i = 0; i < shown; ++i) {
      far.add_row({demand.display_name(firsts[i]->demand), r.facilities[firsts[i]->facility].name,
                   format_distance(firsts[i]->distance)});
    }
    far.print(out);
  }
  out << '\n';
}

nlohmann::ordered_json result_json(const analysis::NearestResult& r, const core::Layer* demand,
                                   crs::Transformer& to_wgs84) {
  nlohmann::ordered_json j;
  const auto& s = r.summary;
  j["demand_points"] = s.demand_points;
  j["matched"] = s.matched;
  j["facilities"] = s.facilities;
  j["distance_m"] = {{"mean", s.nearest.mean.value},
                     {"median", s.nearest.median.value},
                     {"p90", s.nearest.p90.value},
                     {"max", s.nearest.max.value}};
  if (r.rows.size() <= 1000) {
    auto& rows = j["rows"] = nlohmann::ordered_json::array();
    for (const auto& row : r.rows) {
      const auto& f = r.facilities[row.facility];
      const auto ll = to_wgs84.transform(f.position);
      rows.push_back({{"demand", demand ? demand->display_name(row.demand) : "location"},
                      {"rank", row.rank},
                      {"facility", f.name},
                      {"facility_layer", f.layer_id},
                      {"category", std::string(core::to_string(f.category))},
                      {"distance_m", row.distance.value},
                      {"lon", ll.x},
                      {"lat", ll.y}});
    }
  }
  return j;
}

int run_straight_line(const NearestOptions& o, CommandContext& context) {
  PhaseTimer timer;
  // A demand file's links are streamed to the output rather than built as a layer (a million
  // rows of a national run would cost hundreds of MB); --from places still make layers.
  const bool stream =
      (!o.demand.empty() || !o.demand_layer.empty()) && o.from.empty() && wants_output(o.output);
  // Streamed as a lon/lat table, each row is the demand point as read: the file is read in WGS 84
  // and only the search works on projected copies of its points, rather than each point coming
  // back through PROJ (a third of the writing time of a million rows).
  bool demand_as_written = stream && demand_kept_as_read(o.demand, o.output);
  NearestInputs in =
      load_nearest_inputs(o, context, std::nullopt, std::nullopt,
                          demand_as_written ? std::optional(crs::CrsRef::wgs84()) : std::nullopt);
  const bool want_links = wants_output(o.output) && !stream;
  const auto params = params_of(o, in, want_links);
  crs::Transformer to_working = crs::Transformer::from_wgs84(in.working_crs);
  crs::Transformer to_wgs84(in.working_crs, crs::CrsRef::wgs84());
  timer.lap("read");
  std::vector<core::XY> demand_positions;
  if (in.demand && demand_as_written) {
    auto projected = project_demand(in.demand, in.working_crs, params.threads, in.diagnostics);
    demand_as_written = projected.has_value();
    demand_positions = std::move(projected).value_or(std::vector<core::XY>{});
    timer.lap("project");
  }

  nlohmann::ordered_json json_out = nlohmann::ordered_json::array();
  std::vector<core::LayerPtr> outputs;
  for (const auto& text : o.from) {
    const core::LonLat place = parse_lonlat(text, "--from");
    const auto r = analysis::nearest(to_working.forward(place), in.facilities, params);
    in.diagnostics.append(r.diagnostics);
    if (o.report.json) {
      json_out.push_back(result_json(r, nullptr, to_wgs84));
    } else {
      print_location_result(place, r, to_wgs84, context.out);
    }
    outputs.push_back(std::make_shared<core::Layer>(r.links));
  }
  if (in.demand) {
    core::Progress& progress = start_stage(context, "nearest");
    analysis::NearestResult r;
    {
      const ProgressBar bar(progress, context.err, context.progress_bar);
      r = demand_as_written
              ? analysis::nearest(*in.demand, demand_positions, in.facilities, params, &progress)
              : analysis::nearest(*in.demand, in.facilities, params, &progress);
    }
    timer.lap_split({{"index", r.index_seconds}, {"search", r.search_seconds}}, "summary");
    in.diagnostics.append(r.diagnostics);
    std::vector<double> cost;
    if (in.people) {
      cost.assign(in.people->points.size(), std::numeric_limits<double>::infinity());
      for (const auto& row : r.rows) {
        if (row.rank == 1) {
          cost[row.demand.value] = row.distance.value;
        }
      }
    }
    if (o.report.json) {
      auto j = result_json(r, in.demand.get(), to_wgs84);
      if (in.people) {
        j["per_person_m"] = person_distances_json(*in.people, cost);
        j["basis"] = {{"distance", {{"ja", "直線距離"}, {"en", "straight line"}}},
                      {"demand", {{"ja", in.people->basis.ja}, {"en", in.people->basis.en}}}};
      }
      json_out.push_back(std::move(j));
    } else {
      print_demand_result(*in.demand, r, context.out);
      if (in.people) {
        print_person_distances(*in.people, cost, false, context.out);
      }
    }
    if (stream) {
      // The links go to the file a block at a time, straight from the rows (no layer).
      write_output_features(analysis::NearestLinks(r, *in.demand, params.link_geometry), o.output,
                            context, params.threads);
      timer.lap("write");
    } else if (want_links) {
      outputs.insert(outputs.begin(), std::make_shared<core::Layer>(std::move(r.links)));
    }
  }
  if (o.report.json) {
    context.out << (json_out.size() == 1 ? json_out[0] : json_out).dump(2) << '\n';
  }
  if (!outputs.empty()) {
    write_outputs(outputs, o.output, context);
    timer.lap("write");
  }
  return finish_command(o.report, in.diagnostics, timer, context);
}

int run_nearest(const NearestOptions& o, CommandContext& context) {
  prepare_outputs(o.output);
  if (o.by == "distance") {
    return run_straight_line(o, context);
  }
  if (o.by == "time" || o.by == "road-distance") {
    return run_nearest_by_network(o, context);
  }
  throw core::ArgumentError("--by: '" + o.by + "' is not distance, time or road-distance");
}

}  // namespace

void add_nearest_command(CLI::App& root, CommandRegistry& registry) {
  auto o = std::make_shared<NearestOptions>();
  CLI::App* cmd = root.add_subcommand(
      "nearest",
      "The k nearest facilities to a place or to every point of a demand file, by straight "
      "line or by road");
  o->cmd = cmd;
  cmd->add_option("--region", o->region,
                  "Region whose facility layers are searched (default unless --facilities)")
      ->capture_default_str();
  cmd->add_option("--facilities", o->facilities,
                  "Facility file(s) to search (CSV with lon/lat, GeoJSON, GPKG, ...); without "
                  "--region only these are used and the working CRS is chosen from the data");
  cmd->add_option("--category", o->categories,
                  "Facility categories, comma-separated (hospital includes the backup hospital); "
                  "default hospital for a region, every feature for --facilities");
  cmd->add_option("--from", o->from, "A place as LON,LAT (repeatable)");
  cmd->add_option("--demand", o->demand, "A file of demand points (patients, addresses, ...)");
  cmd->add_option("--demand-layer", o->demand_layer,
                  "A layer of the region as demand points (e.g. shelter_evacuation)");
  cmd->add_option("--demand-name-field", o->demand_name_field,
                  "Field naming each demand point (default: detected, e.g. name or 名称)");
  auto* x = cmd->add_option("--x-field", o->demand_x_field,
                            "The demand file's longitude (or x) column, when its name is not "
                            "one caremap knows (lon, x, 経度, ...)");
  auto* y =
      cmd->add_option("--y-field", o->demand_y_field, "The demand file's latitude (or y) column");
  x->needs(y);
  y->needs(x);
  cmd->add_option("--crs", o->crs,
                  "Working CRS for --facilities files (default: chosen from their extent)");
  cmd->add_option("-k", o->k, "Facilities per point")->capture_default_str();
  cmd->add_option("--by", o->by,
                  "distance (straight line), time (by road, needs a road network) or "
                  "road-distance")
      ->capture_default_str();
  cmd->add_option("--max-distance", o->max_distance,
                  "Ignore facilities farther than this (e.g. 16km; by road with --by)");
  cmd->add_option("--max-time", o->max_time,
                  "With --by time: ignore facilities beyond (e.g. 30min)");
  cmd->add_option("--direction", o->direction,
                  "With --by: 'to' the facility (patients travel) or 'from' it (home visits); "
                  "differs on one-way streets")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "Worker threads (0 = every core)")
      ->capture_default_str();
  add_network_options(*cmd, o->network);
  add_output_options(*cmd, o->output, "a line (or route) from each point to each facility");
  add_report_flags(*cmd, o->report);
  registry.push_back({cmd, [o](CommandContext& c) { return run_nearest(*o, c); }});
}

}  // namespace caremap::cli
