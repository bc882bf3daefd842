#include "cli/nearest_by_network.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "analysis/closure_effect.hpp"
#include "analysis/distance_summary.hpp"
#include "analysis/nearest_by_time.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/exit_codes.hpp"
#include "cli/phase_timer.hpp"
#include "cli/progress_bar.hpp"
#include "cli/region_loading.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"

namespace caremap::cli {

namespace {

std::string minutes(double seconds) {
  return format_fixed(seconds / 60.0, 1) + " min";
}

analysis::NearestByTimeParams params_of(const NearestOptions& o, bool from_region, bool routes) {
  if (o.k == 0) {
    throw core::ArgumentError("-k: must be 1 or more");
  }
  analysis::NearestByTimeParams p;
  p.categories = requested_categories(o, from_region);
  p.k = o.k;
  p.metric = o.by == "time" ? routing::Metric::time : routing::Metric::distance;
  if (!o.max_time.empty()) {
    p.max_time = parse_duration(o.max_time, "--max-time");
  }
  if (!o.max_distance.empty()) {
    p.max_length = parse_distance(o.max_distance, "--max-distance");
  }
  if (o.direction == "to") {
    p.direction = analysis::TravelDirection::to_facility;
  } else if (o.direction == "from") {
    p.direction = analysis::TravelDirection::from_facility;
  } else {
    throw core::ArgumentError("--direction: '" + o.direction + "' is not 'to' or 'from'");
  }
  p.threads = effective_threads(o.threads);
  p.build_routes = routes;
  return p;
}

void print_rows(const core::Layer& demand, const analysis::NearestByTimeResult& r,
                std::ostream& out) {
  TextTable table({"from", "#", "facility", "category", "time", "by road", "access", "via"},
                  {Align::left, Align::right, Align::left, Align::left, Align::right, Align::right,
                   Align::right, Align::left});
  // The routes layer has one feature per row, in row order, with the access fields.
  const auto access_m = r.routes.field_index("access_m");
  const auto long_access = r.routes.field_index("long_access");
  for (std::size_t i = 0; i < r.rows.size(); ++i) {
    const auto& row = r.rows[i];
    const auto& f = r.facilities[row.facility];
    std::string access = "-";
    std::string via = row.direct ? "direct" : "road";
    if (access_m && i < r.routes.features.size()) {
      const auto& v = r.routes.features[i].values;
      if (const auto* m = std::get_if<double>(&v[*access_m]); m && *m > 0.0) {
        access = format_distance(core::Meters{*m});
      }
      if (long_access && std::get_if<std::int64_t>(&v[*long_access]) &&
          std::get<std::int64_t>(v[*long_access]) != 0) {
        via += " (long access)";
      }
    }
    table.add_row({demand.display_name(row.demand), std::to_string(row.rank), f.name,
                   std::string(core::to_string(f.category)), minutes(row.time_s),
                   format_distance(core::Meters{row.length_m}), access, via});
  }
  table.print(out);
}

void print_summary(const core::Layer& demand, const analysis::NearestByTimeResult& r,
                   std::ostream& out) {
  std::vector<double> times;
  for (const auto& row : r.rows) {
    if (row.rank == 1) {
      times.push_back(row.time_s);
    }
  }
  std::sort(times.begin(), times.end());
  out << "Nearest facility by road for " << demand.size() << " points of " << demand.title << ":\n";
  TextTable stats({"reached", "unreachable", "median", "90%", "max"},
                  std::vector<Align>(5, Align::right));
  if (times.empty()) {
    stats.add_row({"0", std::to_string(r.unreachable.size()), "", "", ""});
  } else {
    stats.add_row({std::to_string(times.size()), std::to_string(r.unreachable.size()),
                   minutes(analysis::percentile_sorted(times, 0.5)),
                   minutes(analysis::percentile_sorted(times, 0.9)), minutes(times.back())});
  }
  stats.print(out);
  out << '\n';
}

// The words of the summary table above it ("cut off", not the field value
// "newly_unreachable").
const char* status_text(analysis::ClosureStatus s) {
  switch (s) {
    case analysis::ClosureStatus::unchanged:
      return "unchanged";
    case analysis::ClosureStatus::slower:
      return "slower";
    case analysis::ClosureStatus::faster:
      return "faster";
    case analysis::ClosureStatus::facility_changed:
      return "nearest changed";
    case analysis::ClosureStatus::newly_unreachable:
      return "cut off";
    case analysis::ClosureStatus::still_unreachable:
      return "still cut off";
    case analysis::ClosureStatus::newly_reachable:
      return "now reachable";
  }
  return "";
}

void print_closure_effect(const core::Layer& demand, const analysis::ClosureEffectResult& e,
                          std::ostream& out) {
  const auto& s = e.summary;
  out << "What the closures change (" << s.closed_arcs << " road directions closed):\n";
  TextTable counts({"points", "unchanged", "slower", "nearest changed", "cut off", "still cut off"},
                   std::vector<Align>(6, Align::right));
  counts.add_row({std::to_string(s.demand_points), std::to_string(s.unchanged),
                  std::to_string(s.slower), std::to_string(s.facility_changed),
                  std::to_string(s.newly_unreachable), std::to_string(s.still_unreachable)});
  counts.print(out);
  out << "Time added: " << minutes(s.added_total_s) << " in all, at most " << minutes(s.added_max_s)
      << " for one point.\n";
  std::vector<const analysis::ClosureEffectRow*> changed;
  for (const auto& row : e.rows) {
    if (row.status != analysis::ClosureStatus::unchanged) {
      changed.push_back(&row);
    }
  }
  // Cut off first (the drill's first question), then by time added.
  auto cut_off = [](const analysis::ClosureEffectRow* r) {
    return r->status == analysis::ClosureStatus::newly_unreachable;
  };
  std::stable_sort(changed.begin(), changed.end(), [&](const auto* a, const auto* b) {
    return cut_off(a) != cut_off(b) ? cut_off(a) : a->added_s > b->added_s;
  });
  if (changed.empty()) {
    out << '\n';
    return;
  }
  TextTable table({"point", "status", "before", "after", "added"},
                  {Align::left, Align::left, Align::left, Align::left, Align::right});
  auto facility_text = [&](const std::optional<std::uint32_t>& f, double t) {
    return f ? e.facilities[*f].name + " " + minutes(t) : std::string("none");
  };
  for (std::size_t i = 0; i < std::min<std::size_t>(changed.size(), 20); ++i) {
    const auto& row = *changed[i];
    const bool both = row.before_facility && row.after_facility;
    table.add_row({demand.display_name(row.demand), status_text(row.status),
                   facility_text(row.before_facility, row.before_time_s),
                   facility_text(row.after_facility, row.after_time_s),
                   both ? minutes(row.added_s) : std::string("–")});
  }
  table.print(out);
  out << '\n';
}

}  // namespace

int run_nearest_by_network(const NearestOptions& o, CommandContext& context) {
  PhaseTimer timer;
  // The region decides the working CRS; a network given alone decides it from its extent.
  std::optional<io::Region> region;
  if (uses_region(o)) {
    region = load_region(o.region, context);
  }
  LoadedNetwork network = load_network(o.network, region ? &*region : nullptr, context);
  timer.lap("road network");
  NearestInputs in = load_nearest_inputs(o, context, network.crs, std::move(region));
  in.diagnostics.append(network.diagnostics);
  const auto overlay =
      load_closures(o.network, network, in.region ? &*in.region : nullptr, in.diagnostics);
  const core::LayerPtr demand = in.demand ? in.demand : places_layer(o.from, network.crs);
  const auto params = params_of(o, in.region.has_value(), wants_output(o.output));
  timer.lap("read");

  core::Progress& progress = start_stage(context, "nearest by road");
  std::vector<core::LayerPtr> outputs;
  nlohmann::ordered_json j;
  {
    const ProgressBar bar(progress, context.err, context.progress_bar);
    auto r = analysis::nearest_by_time(*network.network, *demand, in.facilities, params,
                                       overlay ? &*overlay : nullptr, &progress);
    require_on_network(r.facilities, network);
    in.diagnostics.append(r.diagnostics);
    const core::LocalText basis = analysis::network_distance_basis(*network.network);
    j["network"] = {{"ja", basis.ja}, {"en", basis.en}};
    if (!o.report.json) {
      context.out << "Road network: " << basis.ja << " / " << basis.en << "\n";
      if (in.demand) {
        print_summary(*demand, r, context.out);
      }
      if (r.rows.size() <= 60) {
        print_rows(*demand, r, context.out);
        context.out << '\n';
      }
    }
    j["reached"] = r.rows.size();
    j["unreachable"] = r.unreachable.size();
    auto& rows = j["rows"] = nlohmann::ordered_json::array();
    for (const auto& row : r.rows) {
      if (rows.size() >= 1000) {
        break;
      }
      rows.push_back({{"demand", demand->display_name(row.demand)},
                      {"rank", row.rank},
                      {"facility", r.facilities[row.facility].name},
                      {"time_s", row.time_s},
                      {"length_m", row.length_m},
                      {"direct", row.direct}});
    }
    if (wants_output(o.output)) {
      outputs.push_back(table_for_output(std::move(r.routes), o.output));
    }
  }
  timer.lap("nearest");
  if (overlay) {
    auto effect = analysis::closure_effect(*network.network, *demand, in.facilities, params,
                                           *overlay, &progress);
    timer.lap("closure effect");
    const auto& s = effect.summary;
    j["closure_effect"] = {{"closed_arcs", s.closed_arcs},
                           {"unchanged", s.unchanged},
                           {"slower", s.slower},
                           {"facility_changed", s.facility_changed},
                           {"newly_unreachable", s.newly_unreachable},
                           {"still_unreachable", s.still_unreachable},
                           {"added_total_s", s.added_total_s},
                           {"added_max_s", s.added_max_s}};
    if (!o.report.json) {
      print_closure_effect(*demand, effect, context.out);
    }
    outputs.push_back(std::make_shared<core::Layer>(std::move(effect.points)));
    outputs.push_back(std::make_shared<core::Layer>(std::move(effect.closed_roads)));
  }
  if (o.report.json) {
    context.out << j.dump(2) << '\n';
  }
  if (!outputs.empty()) {
    write_outputs(outputs, o.output, context);
    timer.lap("write");
  }
  return finish_command(o.report, in.diagnostics, timer, context);
}

}  // namespace caremap::cli
