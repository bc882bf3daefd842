// `caremap summary`: the figures a planning meeting starts from, per city: how many facilities,
// how far shelters and care facilities are from a hospital, and how much of each city is within
// reach of each kind of facility (straight line, the default radius of each category).

#include <memory>

#include "analysis/count_by_area.hpp"
#include "analysis/coverage.hpp"
#include "analysis/coverage_radius.hpp"
#include "analysis/nearest.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/network_loading.hpp"
#include "cli/people_distance.hpp"
#include "cli/population_tables.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"

namespace caremap::cli {

namespace {

struct SummaryOptions {
  std::string region = "munakata-fukutsu";
  bool json = false;
};

// Shelters and care facilities: where people are who may have to be taken to a hospital.
bool is_demand_for_hospitals(core::Category c) {
  return c == core::Category::shelter_evacuation || c == core::Category::shelter_emergency ||
         c == core::Category::care_facility;
}

struct NearestHospitalRow {
  core::LayerPtr from;
  analysis::NearestResult result;
};

std::vector<NearestHospitalRow> nearest_hospitals(const io::Region& region) {
  std::vector<core::LayerPtr> hospitals;
  for (const auto* l : region.of_category(core::Category::hospital)) {
    hospitals.push_back(l->layer);
  }
  std::vector<NearestHospitalRow> rows;
  if (hospitals.empty()) {
    return rows;
  }
  analysis::NearestParams params;
  params.categories = {core::Category::hospital};
  params.build_links = false;
  for (const auto& l : region.layers) {
    if (is_demand_for_hospitals(l.layer->category) && l.layer->size() > 0) {
      rows.push_back({l.layer, analysis::nearest(*l.layer, hospitals, params)});
    }
  }
  return rows;
}

// Categories a coverage figure is given for, in the order a planner reads them.
// The home-care team's offices come after the physicians and pharmacies they work with.
constexpr core::Category kCoverageCategories[] = {core::Category::clinic,
                                                  core::Category::hospital,
                                                  core::Category::pharmacy,
                                                  core::Category::dental,
                                                  core::Category::visiting_nurse_station,
                                                  core::Category::care_manager_office,
                                                  core::Category::home_help_office,
                                                  core::Category::care_facility,
                                                  core::Category::shelter_evacuation,
                                                  core::Category::shelter_emergency};

struct CoverageRow {
  core::Category category;
  analysis::CoverageResult result;
};

std::vector<CoverageRow> coverage_rows(const io::Region& region, const analysis::Demand* demand) {
  const core::Layer& boundary = boundary_layer(region);
  crs::Transformer projector = crs::Transformer::from_wgs84(region.working_crs);
  std::vector<CoverageRow> rows;
  for (core::Category c : kCoverageCategories) {
    std::vector<analysis::CoverageSource> sources;
    for (const auto* l : region.of_category(c)) {
      sources.push_back({l->layer, l->spec.coverage_radius});
    }
    if (sources.empty()) {
      continue;
    }
    analysis::CoverageParams params;
    params.categories = {c};
    params.mesh_level = std::nullopt;
    params.explode_gaps = true;
    params.demand = demand;
    rows.push_back({c, analysis::coverage(sources, boundary, projector, params)});
  }
  return rows;
}

std::string radius_text(const analysis::CoverageSummary& s) {
  if (s.min_radius == s.max_radius) {
    return format_distance(s.min_radius);
  }
  return format_distance(s.min_radius) + "–" + format_distance(s.max_radius);
}

void print_nearest(const std::vector<NearestHospitalRow>& rows, std::ostream& out) {
  out << "Nearest hospital (straight line) from each shelter and care facility:\n";
  TextTable table(
      {"from", "count", "median", "90%", "max", "farthest place → its nearest hospital"},
      {Align::left, Align::right, Align::right, Align::right, Align::right, Align::left});
  for (const auto& r : rows) {
    const auto& s = r.result.summary.nearest;
    std::string farthest;
    double far = -1.0;
    for (const auto& row : r.result.rows) {
      if (row.rank == 1 && row.distance.value > far) {
        far = row.distance.value;
        farthest =
            r.from->display_name(row.demand) + " → " + r.result.facilities[row.facility].name;
      }
    }
    table.add_row({r.from->title, std::to_string(s.count), format_distance(s.median),
                   format_distance(s.p90), format_distance(s.max), farthest});
  }
  table.print(out);
  out << '\n';
}

void print_coverage(const std::vector<CoverageRow>& rows, std::ostream& out) {
  if (rows.empty()) {
    return;
  }
  out << "Area within reach (straight line, clipped to the city boundaries; backup = 2 or more):\n";
  std::vector<std::string> headers{"facilities", "radius"};
  std::vector<Align> align{Align::left, Align::right};
  for (const auto& city : rows.front().result.cities) {
    headers.push_back(city.city + " covered");
    headers.push_back("backup");
    headers.push_back("gap km²");
    align.insert(align.end(), {Align::right, Align::right, Align::right});
  }
  TextTable table(headers, align);
  for (const auto& r : rows) {
    std::vector<std::string> cells{std::string(core::to_string(r.category)),
                                   radius_text(r.result.summary)};
    for (const auto& city : r.result.cities) {
      cells.push_back(format_fixed(city.covered_pct, 1) + " %");
      cells.push_back(format_fixed(city.backup_pct, 1) + " %");
      cells.push_back(format_fixed(city.uncovered_km2, 2));
    }
    table.add_row(std::move(cells));
  }
  table.print(out);
  out << "Radii: the default of each category (caremap coverage --help); override with "
         "caremap coverage --radius.\n\n";
  if (!rows.front().result.summary.people) {
    return;
  }
  out << "People within reach (the same radii; " << rows.front().result.cities.size()
      << " cities; backup = 2 or more facilities):\n";
  std::vector<std::string> people_headers{"facilities"};
  std::vector<Align> people_align{Align::left};
  for (const auto& city : rows.front().result.cities) {
    people_headers.insert(people_headers.end(),
                          {city.city + " covered", "75+ covered", "backup", "people in gaps"});
    people_align.insert(people_align.end(),
                        {Align::right, Align::right, Align::right, Align::right});
  }
  TextTable people(people_headers, people_align);
  for (const auto& r : rows) {
    std::vector<std::string> cells{std::string(core::to_string(r.category))};
    for (const auto& city : r.result.cities) {
      const auto& p = *city.people;
      cells.push_back(format_share(p.covered.people, p.total.people));
      cells.push_back(format_share(p.covered.people_75plus, p.total.people_75plus));
      cells.push_back(format_share(p.backup.people, p.total.people));
      cells.push_back(format_people(p.gap.people));
    }
    people.add_row(std::move(cells));
  }
  people.print(out);
  out << '\n';
}

nlohmann::ordered_json people_coverage_json(const analysis::PeopleCoverage& p) {
  auto count = [](const analysis::PeopleCount& c) {
    return nlohmann::ordered_json{{"people", c.people},
                                  {"people_65plus", c.people_65plus},
                                  {"people_75plus", c.people_75plus}};
  };
  return {{"total", count(p.total)},
          {"covered", count(p.covered)},
          {"gap", count(p.gap)},
          {"backup", count(p.backup)}};
}

nlohmann::ordered_json summary_json(const std::vector<NearestHospitalRow>& nearest,
                                    const std::vector<CoverageRow>& coverage) {
  nlohmann::ordered_json j;
  auto& nj = j["nearest_hospital"] = nlohmann::ordered_json::array();
  for (const auto& r : nearest) {
    const auto& s = r.result.summary.nearest;
    nj.push_back({{"from", r.from->id},
                  {"count", s.count},
                  {"median_m", s.median.value},
                  {"p90_m", s.p90.value},
                  {"max_m", s.max.value}});
  }
  auto& cj = j["coverage"] = nlohmann::ordered_json::array();
  for (const auto& r : coverage) {
    nlohmann::ordered_json row;
    row["category"] = std::string(core::to_string(r.category));
    row["radius_m"] = r.result.summary.max_radius.value;
    auto& cities = row["cities"] = nlohmann::ordered_json::array();
    for (const auto& c : r.result.cities) {
      cities.push_back(
          {{"city", c.city},
           {"city_km2", c.city_km2},
           {"covered_km2", c.covered_km2},
           {"covered_pct", c.covered_pct},
           {"backup_pct", c.backup_pct},
           {"uncovered_km2", c.uncovered_km2},
           {"gap_parts", c.gap_parts},
           {"people", c.people ? people_coverage_json(*c.people) : nlohmann::ordered_json()}});
    }
    row["basis"] = {{"distance", local_text_json(r.result.covered.provenance.basis.distance)},
                    {"demand", local_text_json(r.result.covered.provenance.basis.demand)}};
    cj.push_back(std::move(row));
  }
  return j;
}

int run_summary(const SummaryOptions& o, CommandContext& context) {
  const io::Region region = load_region(o.region, context);
  const auto counts = analysis::count_by_area(boundary_layer(region), facility_layers(region));
  const auto nearest = nearest_hospitals(region);
  core::Diagnostics people_diagnostics;
  const std::optional<RegionPeople> people = region_people(region, people_diagnostics);
  const auto coverage = coverage_rows(region, people ? &people->demand : nullptr);
  std::vector<CategoryPeopleBands> bands;
  if (people) {
    const auto network = region_network(region, context);
    bands =
        people_bands_by_category(people->demand, facility_layers(region), kCoverageCategories,
                                 network ? network->network.get() : nullptr, people_diagnostics);
  }
  if (o.json) {
    auto j = region_json(region);
    j["facilities_per_area"] = area_counts_json(counts);
    j["people"] = people ? people_json(*people) : nlohmann::ordered_json(nullptr);
    if (!people) {
      j["people_basis"] = local_text_json(analysis::area_only_basis());
    }
    j.update(summary_json(nearest, coverage));
    j["people_by_distance"] =
        people ? people_bands_json(bands, people->demand) : nlohmann::ordered_json(nullptr);
    context.out << j.dump(2) << '\n';
    return exit_ok;
  }
  print_region_header(region, context.out);
  context.out << "Facilities per city:\n";
  print_area_counts(counts, context.out);
  if (people) {
    print_people_by_city(*people, context.out);
  } else {
    print_no_population(region, context.out);
  }
  print_nearest(nearest, context.out);
  print_coverage(coverage, context.out);
  if (people) {
    print_people_bands(bands, people->demand, context.out);
  }
  const auto diagnostics = region.diagnostics();
  if (!diagnostics.empty()) {
    context.out << "Rows not used or read with a note (caremap info --diagnostics lists them):\n";
    print_diagnostics(diagnostics, context.out, false);
    context.out << '\n';
  }
  print_credits(region, context.out);
  return exit_ok;
}

}  // namespace

void add_summary_command(CLI::App& root, CommandRegistry& registry) {
  auto o = std::make_shared<SummaryOptions>();
  CLI::App* cmd = root.add_subcommand(
      "summary",
      "Per-city facility counts, distance to the nearest hospital, and area within reach");
  cmd->add_option("--region", o->region, "Region name or path to a .caremap.json project file")
      ->capture_default_str();
  cmd->add_flag("--json", o->json, "Print machine-readable JSON instead of tables");
  registry.push_back({cmd, [o](CommandContext& c) { return run_summary(*o, c); }});
}

}  // namespace caremap::cli
