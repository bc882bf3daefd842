// `caremap coverage`: how much of each city is within reach of a kind of facility (straight
// line), where the gaps are, where a second facility is in reach, counted on JIS grid squares.

#include <memory>

#include "analysis/coverage.hpp"
#include "analysis/coverage_radius.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/command.hpp"
#include "cli/coverage_points.hpp"
#include "cli/coverage_run.hpp"
#include "cli/exit_codes.hpp"
#include "cli/output_writing.hpp"
#include "cli/phase_timer.hpp"
#include "cli/population_tables.hpp"
#include "cli/progress_bar.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"

namespace caremap::cli {

namespace {

struct CoverageOptions {
  std::string region = "munakata-fukutsu";
  CoverageRequest request;
  PointCoverageOptions points;
  ReportFlags report;
  OutputOptions output;
};

void print_result(const analysis::CoverageResult& r, const std::string& categories,
                  std::ostream& out) {
  const auto& s = r.summary;
  out << "Coverage of " << categories << " (" << s.facilities << " facilities, radius "
      << format_distance(s.min_radius)
      << (s.min_radius == s.max_radius ? "" : "–" + format_distance(s.max_radius))
      << ", straight line):\n";
  TextTable table(
      {"city", "area km²", "covered km²", "covered", "backup (2+)", "gap km²", "gap pockets"},
      {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right,
       Align::right});
  for (const auto& c : r.cities) {
    table.add_row({c.city, format_fixed(c.city_km2, 2), format_fixed(c.covered_km2, 2),
                   format_fixed(c.covered_pct, 1) + " %", format_fixed(c.backup_pct, 1) + " %",
                   format_fixed(c.uncovered_km2, 2), std::to_string(c.gap_parts)});
  }
  table.add_row({"total", format_fixed(s.city_km2, 2), format_fixed(s.covered_km2, 2),
                 format_fixed(s.covered_pct, 1) + " %", format_fixed(s.backup_pct, 1) + " %",
                 format_fixed(s.uncovered_km2, 2), ""});
  table.print(out);
  if (s.mesh.cells > 0) {
    out << "\nJIS mesh cells (centre within reach of): none " << s.mesh.none << ", one "
        << s.mesh.single << ", two or more " << s.mesh.backup << " of " << s.mesh.cells << '\n';
  }
  if (!r.gap_parts.features.empty()) {
    out << "\nLargest gaps:\n";
    TextTable gaps({"city", "gap", "km²"}, {Align::left, Align::right, Align::right});
    const auto city = r.gap_parts.field_index("city");
    const auto km2 = r.gap_parts.field_index("gap_km2");
    std::size_t shown = 0;
    for (const auto& f : r.gap_parts.features) {
      if (shown++ == 8) {
        break;
      }
      gaps.add_row({city ? core::to_text(f.values[*city]) : "", std::to_string(shown),
                    km2 ? format_fixed(core::to_number(f.values[*km2]).value_or(0), 3) : ""});
    }
    gaps.print(out);
  }
  if (s.people) {
    out << "\nPeople (" << r.covered.provenance.basis.demand.ja << " / "
        << r.covered.provenance.basis.demand.en << "):\n";
    std::vector<std::string> headers{"city", "people", "covered", "in gaps", "backup (2+)"};
    if (s.has_age_bands) {
      headers.insert(headers.end(), {"65+ covered", "65+ in gaps", "75+ covered", "75+ in gaps"});
    }
    std::vector<Align> align(headers.size(), Align::right);
    align[0] = Align::left;
    TextTable people(headers, align);
    auto row = [&](const std::string& name, const analysis::PeopleCoverage& p) {
      std::vector<std::string> cells{name, format_people(p.total.people),
                                     format_people(p.covered.people) + " (" +
                                         format_share(p.covered.people, p.total.people) + ")",
                                     format_people(p.gap.people),
                                     format_share(p.backup.people, p.total.people)};
      if (s.has_age_bands) {
        cells.insert(cells.end(), {format_share(p.covered.people_65plus, p.total.people_65plus),
                                   format_people(p.gap.people_65plus),
                                   format_share(p.covered.people_75plus, p.total.people_75plus),
                                   format_people(p.gap.people_75plus)});
      }
      people.add_row(std::move(cells));
    };
    for (const auto& c : r.cities) {
      row(c.city, *c.people);
    }
    row("total", *s.people);
    people.print(out);
    out << "Cells cut by a city boundary or the coast are shared by area; a cell piece counts as "
           "covered by the share of its area within reach.\n";
  } else {
    out << "\n人口データなし（面積のみ）: no population data for this region; the figures above "
           "are area only.\n";
  }
  out << "\nCircles are polygons of " << s.circle_segments << " vertices (area "
      << format_fixed(s.circle_area_error * 100.0, 4) << " % short of a true circle).\n";
}

nlohmann::ordered_json result_json(const analysis::CoverageResult& r) {
  nlohmann::ordered_json j;
  const auto& s = r.summary;
  j["facilities"] = s.facilities;
  j["radius_m"] = {{"min", s.min_radius.value}, {"max", s.max_radius.value}};
  j["total"] = {{"city_km2", s.city_km2},       {"covered_km2", s.covered_km2},
                {"covered_pct", s.covered_pct}, {"uncovered_km2", s.uncovered_km2},
                {"backup_km2", s.backup_km2},   {"backup_pct", s.backup_pct}};
  auto& cities = j["cities"] = nlohmann::ordered_json::array();
  for (const auto& c : r.cities) {
    cities.push_back({{"city", c.city},
                      {"city_km2", c.city_km2},
                      {"covered_km2", c.covered_km2},
                      {"covered_pct", c.covered_pct},
                      {"uncovered_km2", c.uncovered_km2},
                      {"uncovered_pct", c.uncovered_pct},
                      {"backup_km2", c.backup_km2},
                      {"backup_pct", c.backup_pct},
                      {"gap_parts", c.gap_parts}});
  }
  j["basis"] = {{"distance", local_text_json(r.covered.provenance.basis.distance)},
                {"demand", local_text_json(r.covered.provenance.basis.demand)}};
  if (s.people) {
    auto count = [](const analysis::PeopleCount& c) {
      return nlohmann::ordered_json{{"people", c.people},
                                    {"people_65plus", c.people_65plus},
                                    {"people_75plus", c.people_75plus}};
    };
    auto people = [&](const analysis::PeopleCoverage& p) {
      return nlohmann::ordered_json{{"total", count(p.total)},
                                    {"covered", count(p.covered)},
                                    {"gap", count(p.gap)},
                                    {"backup", count(p.backup)}};
    };
    j["people"] = people(*s.people);
    for (std::size_t i = 0; i < r.cities.size(); ++i) {
      j["cities"][i]["people"] = people(*r.cities[i].people);
    }
  } else {
    j["people"] = nullptr;
  }
  j["mesh"] = {{"cells", s.mesh.cells},
               {"none", s.mesh.none},
               {"single", s.mesh.single},
               {"backup", s.mesh.backup}};
  return j;
}

int run_coverage(const CoverageOptions& o, CommandContext& context) {
  PhaseTimer timer;
  prepare_outputs(o.output);
  const io::Region region = load_region(o.region, context);
  timer.lap("read");
  if (!o.points.demand.empty()) {
    return run_point_coverage(o.request, o.points, region, o.report, o.output, context, timer);
  }
  CoverageRun run = run_coverage_analysis(o.request, region, context, timer);
  analysis::CoverageResult& r = run.result;
  if (o.report.json) {
    context.out << result_json(r).dump(2) << '\n';
  } else {
    print_result(r, join_categories(run.categories), context.out);
  }
  std::vector<core::LayerPtr> layers;
  for (core::Layer* l : {&r.covered, &r.gaps, &r.gap_parts, &r.backup, &r.mesh}) {
    if (!l->features.empty()) {
      layers.push_back(std::make_shared<core::Layer>(std::move(*l)));
    }
  }
  if (wants_output(o.output)) {
    write_outputs(layers, o.output, context);
    timer.lap("write");
  }
  return finish_command(o.report, run.diagnostics, timer, context);
}

}  // namespace

void add_coverage_command(CLI::App& root, CommandRegistry& registry) {
  auto o = std::make_shared<CoverageOptions>();
  CLI::App* cmd = root.add_subcommand(
      "coverage",
      "Area of each city within reach of a kind of facility, the gaps, and backup coverage");
  cmd->add_option("--region", o->region, "Region name or path to a .caremap.json project file")
      ->capture_default_str();
  add_coverage_request_options(*cmd, o->request);
  cmd->add_option("--demand", o->points.demand,
                  "Count demand points instead of city areas: for each point of this file, how "
                  "many facilities reach it (0, 1, 2+); needs no boundaries (e.g. --region "
                  "national)");
  cmd->add_option("--threads", o->points.threads, "With --demand: worker threads (0 = every core)")
      ->capture_default_str();
  add_output_options(*cmd, o->output,
                     "the covered area, gaps, gap pockets, backup area and mesh layers (with "
                     "--demand: one row per point)");
  add_report_flags(*cmd, o->report);
  registry.push_back({cmd, [o](CommandContext& c) { return run_coverage(*o, c); }});
}

}  // namespace caremap::cli
