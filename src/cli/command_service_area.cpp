// `caremap service-area`: the area reached over the road network from each facility (or origin)
// within time or road-distance bands, as polygons; with closures applied when given.

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/people_in_areas.hpp"
#include "analysis/polygon_union.hpp"
#include "analysis/service_area.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/nearest_inputs.hpp"
#include "cli/network_loading.hpp"
#include "cli/output_writing.hpp"
#include "cli/phase_timer.hpp"
#include "cli/population_tables.hpp"
#include "cli/progress_bar.hpp"
#include "cli/region_loading.hpp"
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "io/read.hpp"

namespace caremap::cli {

namespace {

struct ServiceAreaOptions {
  std::string region = "munakata-fukutsu";
  std::string categories;
  std::string origins;
  std::vector<std::string> from;
  std::string bands;
  std::string distance;
  std::string mode = "overlap";
  std::string shape = "disks";
  std::string direction = "from";
  std::string road_buffer = "100m";
  bool roads_only = false;
  unsigned threads = 0;
  ReportFlags report;
  NetworkOptions network;
  OutputOptions output;
  CLI::App* cmd = nullptr;
};

// `region_facilities`: the run uses the region's facility layers (no --origins or --from), where
// hospitals are the default; origins files and --from places are used whole.
analysis::ServiceAreaParams params_of(const ServiceAreaOptions& o, bool region_facilities) {
  analysis::ServiceAreaParams p;
  if (!o.bands.empty() && !o.distance.empty()) {
    throw core::ArgumentError("give --bands (time) or --distance (road length), not both");
  }
  if (!o.distance.empty()) {
    p.distance_bands = parse_distance_list(o.distance, "--distance");
  } else {
    p.time_bands = parse_duration_list(o.bands.empty() ? "5,10,15,30min" : o.bands, "--bands");
  }
  if (o.mode == "overlap") {
    p.mode = analysis::ServiceAreaMode::overlap;
  } else if (o.mode == "split") {
    p.mode = analysis::ServiceAreaMode::split;
  } else if (o.mode == "dissolve") {
    p.mode = analysis::ServiceAreaMode::dissolve;
  } else {
    throw core::ArgumentError("--mode: '" + o.mode + "' is not overlap, split or dissolve");
  }
  if (o.shape == "disks") {
    p.shape = analysis::BandShape::disks;
  } else if (o.shape == "rings") {
    p.shape = analysis::BandShape::rings;
  } else {
    throw core::ArgumentError("--shape: '" + o.shape + "' is not disks or rings");
  }
  if (o.direction == "from") {
    p.direction = analysis::TravelDirection::from_facility;
  } else if (o.direction == "to") {
    p.direction = analysis::TravelDirection::to_facility;
  } else {
    throw core::ArgumentError("--direction: '" + o.direction + "' is not 'from' or 'to'");
  }
  p.road_buffer = parse_distance(o.road_buffer, "--road-buffer");
  p.build_polygons = !o.roads_only;
  p.threads = effective_threads(o.threads);
  if (!o.categories.empty()) {
    p.categories = parse_categories(o.categories, "--category");
  } else if (region_facilities) {
    p.categories = {core::Category::hospital};
  }
  return p;
}

std::string band_label(const core::Feature& f, const core::Layer& areas) {
  if (const auto i = areas.field_index("band_min")) {
    return core::to_text(f.values[*i]) + " min";
  }
  if (const auto i = areas.field_index("band_m")) {
    return format_distance(core::Meters{core::to_number(f.values[*i]).value_or(0)});
  }
  return {};
}

// The first 40 features of `layer` as rows of `table` (a terminal page), then how many more.
void print_first_rows(const core::Layer& layer, TextTable& table, std::ostream& out,
                      const std::function<std::vector<std::string>(const core::Feature&)>& cells) {
  constexpr std::size_t kShown = 40;
  for (std::size_t i = 0; i < layer.features.size() && i < kShown; ++i) {
    table.add_row(cells(layer.features[i]));
  }
  table.print(out);
  if (layer.size() > kShown) {
    out << "... " << layer.size() - kShown << " more (write them with --out)\n";
  }
  out << '\n';
}

void print_areas(const analysis::ServiceAreaResult& r,
                 const std::vector<analysis::BandPeople>& bands, bool ages, std::ostream& out) {
  const auto& areas = r.areas;
  out << "Service areas of " << r.facilities.size() << " facilities (" << areas.size()
      << " polygons; " << areas.provenance.basis.distance.ja << " / "
      << areas.provenance.basis.distance.en << "):\n";
  const auto people = areas.field_index("people");
  const auto p75 = areas.field_index("people_75plus");
  std::vector<std::string> headers{"facility", "band", "area km²"};
  if (people) {
    headers.push_back("people");
  }
  if (p75) {
    headers.push_back("75+");
  }
  std::vector<Align> align(headers.size(), Align::right);
  align[0] = Align::left;
  TextTable table(headers, align);
  const auto facility = areas.field_index("facility");
  const auto km2 = areas.field_index("area_km2");
  print_first_rows(areas, table, out, [&](const core::Feature& f) {
    std::vector<std::string> cells{
        facility ? core::to_text(f.values[*facility]) : "", band_label(f, areas),
        km2 ? format_fixed(core::to_number(f.values[*km2]).value_or(0), 3) : ""};
    if (people) {
      cells.push_back(format_people(core::to_number(f.values[*people]).value_or(0)));
    }
    if (p75) {
      cells.push_back(format_people(core::to_number(f.values[*p75]).value_or(0)));
    }
    return cells;
  });
  if (!bands.empty()) {
    out << "People within each band of any facility (" << areas.provenance.basis.demand.ja << " / "
        << areas.provenance.basis.demand.en << "; counted once where bands overlap):\n";
    std::vector<std::string> h{"band", "people"};
    if (ages) {
      h.insert(h.end(), {"65+", "75+"});
    }
    TextTable t(h, std::vector<Align>(h.size(), Align::right));
    for (const auto& b : bands) {
      std::vector<std::string> cells{band_label(r.areas.features[b.feature], r.areas),
                                     format_people(b.people.people)};
      if (ages) {
        cells.push_back(format_people(b.people.people_65plus));
        cells.push_back(format_people(b.people.people_75plus));
      }
      t.add_row(std::move(cells));
    }
    t.print(out);
    out << '\n';
  } else if (!people) {
    out << "人口データなし（面積のみ）: no population data for this region; areas only.\n\n";
  }
}

// --roads-only: the reached road length per facility and band: the network part alone (no
// polygons, no direct legs), as QGIS's service area gives it, to compare with it or draw it.
void print_roads(const analysis::ServiceAreaResult& r, std::ostream& out) {
  const auto& roads = r.roads;
  out << "Roads reached from " << r.facilities.size() << " facilities ("
      << roads.provenance.basis.distance.ja << " / " << roads.provenance.basis.distance.en
      << "; the roads alone: no polygons, no direct legs):\n";
  TextTable table({"facility", "band", "road km"}, {Align::left, Align::right, Align::right});
  const auto facility = roads.field_index("facility");
  const auto length = roads.field_index("length_m");
  print_first_rows(roads, table, out, [&](const core::Feature& f) {
    return std::vector<std::string>{
        facility ? core::to_text(f.values[*facility]) : "", band_label(f, roads),
        length ? format_fixed(core::to_number(f.values[*length]).value_or(0) / 1000.0, 3) : ""};
  });
}

// The facility and band of a service-area feature, the key of its JSON row.
nlohmann::ordered_json facility_and_band(const core::Feature& f, const core::Layer& layer) {
  const auto facility = layer.field_index("facility");
  return {{"facility", facility ? core::to_text(f.values[*facility]) : ""},
          {"band", band_label(f, layer)}};
}

void print_roads_json(const analysis::ServiceAreaResult& r, std::ostream& out) {
  nlohmann::ordered_json j;
  j["facilities"] = r.facilities.size();
  auto& roads = j["roads"] = nlohmann::ordered_json::array();
  const auto length = r.roads.field_index("length_m");
  for (const auto& f : r.roads.features) {
    auto row = facility_and_band(f, r.roads);
    row["length_m"] = length ? core::to_number(f.values[*length]).value_or(0) : 0.0;
    roads.push_back(std::move(row));
  }
  j["basis"] = {{"distance", local_text_json(r.roads.provenance.basis.distance)}};
  out << j.dump(2) << '\n';
}

int run_service_area(const ServiceAreaOptions& o, CommandContext& context) {
  PhaseTimer timer;
  prepare_outputs(o.output);
  const bool from_region = o.origins.empty() && o.from.empty();
  // The region is needed for its roads (no --osm), for its facilities (no --origins or --from)
  // or when named; a run from a file on an extract reads neither.
  std::optional<io::Region> region;
  if (o.network.osm.empty() || from_region || o.cmd->count("--region") > 0) {
    region = load_region(o.region, context);
  }
  // Apart from the network: opening a region reads all its layers, the census mesh included.
  timer.lap("region");
  const LoadedNetwork network = load_network(o.network, region ? &*region : nullptr, context);
  timer.lap("road network");
  core::Diagnostics diagnostics = network.diagnostics;
  const auto overlay = load_closures(o.network, network, region ? &*region : nullptr, diagnostics);
  const auto params = params_of(o, from_region && region.has_value());

  std::vector<core::LayerPtr> sources;
  if (!o.origins.empty()) {
    auto loaded =
        read_input_file(o.origins, loose_file_options(region ? &*region : nullptr), network.crs);
    diagnostics.append(loaded.diagnostics);
    sources.push_back(loaded.layer);
  } else if (!o.from.empty()) {
    sources.push_back(places_layer(o.from, network.crs));
  } else if (region) {
    for (const auto& l : region->layers) {
      if (core::is_facility(l.layer->category)) {
        sources.push_back(l.layer);
      }
    }
  } else {
    throw core::ArgumentError(
        "say from where: --origins FILE, --from LON,LAT or a region's "
        "facilities with --category");
  }
  timer.lap("read");

  core::Progress& progress = start_stage(context, "service areas");
  analysis::ServiceAreaResult r;
  {
    const ProgressBar bar(progress, context.err, context.progress_bar);
    r = analysis::service_area(*network.network, sources, params, overlay ? &*overlay : nullptr,
                               &progress);
  }
  timer.lap("service areas");
  require_on_network(r.facilities, network);
  diagnostics.append(r.diagnostics);
  if (o.roads_only) {
    if (o.report.json) {
      print_roads_json(r, context.out);
    } else {
      print_roads(r, context.out);
    }
    write_outputs({std::make_shared<core::Layer>(std::move(r.roads))}, o.output, context);
    timer.lap("write");
    return finish_command(o.report, diagnostics, timer, context);
  }
  // People in each polygon and each band, when the region has population data.
  std::optional<RegionPeople> people;
  if (region) {
    people = region_people(*region, diagnostics);
  }
  std::vector<analysis::BandPeople> band_people;
  if (people) {
    const analysis::PeopleLocator locator(people->demand);
    analysis::add_people_fields(r.areas, locator);
    band_people = analysis::people_per_band(r.areas, locator);
    timer.lap("people");
  }
  r.areas.provenance.basis.demand = people ? people->demand.basis : analysis::area_only_basis();
  if (o.report.json) {
    nlohmann::ordered_json j;
    j["facilities"] = r.facilities.size();
    auto& areas = j["areas"] = nlohmann::ordered_json::array();
    const auto km2 = r.areas.field_index("area_km2");
    for (const auto& f : r.areas.features) {
      nlohmann::ordered_json a = facility_and_band(f, r.areas);
      a["area_km2"] = km2 ? core::to_number(f.values[*km2]).value_or(0) : 0.0;
      for (const char* name : {"people", "people_65plus", "people_75plus"}) {
        if (const auto i = r.areas.field_index(name)) {
          a[name] = core::to_number(f.values[*i]).value_or(0);
        }
      }
      areas.push_back(std::move(a));
    }
    j["basis"] = {{"distance", local_text_json(r.areas.provenance.basis.distance)},
                  {"demand", local_text_json(r.areas.provenance.basis.demand)}};
    auto& bj = j["people_per_band"] = nlohmann::ordered_json::array();
    for (const auto& b : band_people) {
      bj.push_back({{"band", band_label(r.areas.features[b.feature], r.areas)},
                    {"people", b.people.people},
                    {"people_65plus", b.people.people_65plus},
                    {"people_75plus", b.people.people_75plus}});
    }
    context.out << j.dump(2) << '\n';
  } else {
    print_areas(r, band_people, people && people->demand.has_age_bands, context.out);
  }
  write_outputs({std::make_shared<core::Layer>(std::move(r.areas)),
                 std::make_shared<core::Layer>(std::move(r.roads))},
                o.output, context);
  timer.lap("write");
  return finish_command(o.report, diagnostics, timer, context);
}

}  // namespace

void add_service_area_command(CLI::App& root, CommandRegistry& registry) {
  auto o = std::make_shared<ServiceAreaOptions>();
  CLI::App* cmd = root.add_subcommand(
      "service-area",
      "Areas reached by road from each facility within time or distance bands (polygons)");
  o->cmd = cmd;
  cmd->add_option("--region", o->region, "Region whose facilities and roads are used")
      ->capture_default_str();
  cmd->add_option("--category", o->categories,
                  "Facility categories of the region (default hospital)");
  cmd->add_option("--origins", o->origins, "A file of origins instead of the region's facilities");
  cmd->add_option("--from", o->from, "An origin as LON,LAT (repeatable)");
  cmd->add_option("--bands", o->bands, "Time bands, e.g. 5,10,15,30min (the default)");
  cmd->add_option("--distance", o->distance, "Road-length bands instead, e.g. 500,1000m");
  cmd->add_option("--mode", o->mode,
                  "overlap (one polygon per facility), split (each place to its nearest "
                  "facility) or dissolve (one polygon per band)")
      ->capture_default_str();
  cmd->add_option("--shape", o->shape, "disks (band k holds all within k) or rings")
      ->capture_default_str();
  cmd->add_option("--direction", o->direction,
                  "'from' the facility (home visits, ambulances) or 'to' it (patients)")
      ->capture_default_str();
  cmd->add_option("--road-buffer", o->road_buffer,
                  "How far from a reached road a place counts as reached")
      ->capture_default_str();
  cmd->add_flag("--roads-only", o->roads_only,
                "Only the roads reached in each band, as lines: no polygons, direct legs or "
                "people (the road part, as QGIS's service area gives it; times still start with "
                "each origin's access leg to the road)");
  cmd->add_option("--threads", o->threads, "Worker threads (0 = every core)")
      ->capture_default_str();
  add_network_options(*cmd, o->network);
  add_output_options(*cmd, o->output, "the service-area polygons and the reached roads");
  add_report_flags(*cmd, o->report);
  registry.push_back({cmd, [o](CommandContext& c) { return run_service_area(*o, c); }});
}

}  // namespace caremap::cli
