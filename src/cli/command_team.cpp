// `caremap team`: for each census cell piece, which members of the home-care team (clinic,
// visiting nurse, pharmacy, care manager; home help optional) are within their planning reach,
// and per city the share of people and of people aged 75+ with the whole team, and which member
// is missing most often for the rest. Straight line by default; `--by time` measures the visiting
// nurse, the care manager and home help by road time on the region's network (closures from
// --closures respected), the clinic and the pharmacy staying at their 16 km straight line.
// Every output says which.

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/team_coverage.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/network_loading.hpp"
#include "cli/output_writing.hpp"
#include "cli/phase_timer.hpp"
#include "cli/population_tables.hpp"
#include "cli/progress_bar.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"

namespace caremap::cli {

namespace {

struct TeamOptions {
  std::string region = "munakata-fukutsu";
  std::vector<std::string> reaches;  ///< MEMBER=DISTANCE
  bool require_home_help = false;
  std::string by = "distance";  ///< distance | time
  NetworkOptions network;
  ReportFlags report;
  OutputOptions output;
};

analysis::TeamParams params_of(const TeamOptions& o) {
  analysis::TeamParams params;
  params.members = analysis::default_team(o.require_home_help);
  for (const std::string& text : o.reaches) {
    const auto eq = text.find('=');
    if (eq == std::string::npos) {
      throw core::ArgumentError("--reach: '" + text + "' is not MEMBER=DISTANCE (e.g. " +
                                "visiting_nurse=5km)");
    }
    const std::string id = text.substr(0, eq);
    const auto m = std::find_if(params.members.begin(), params.members.end(),
                                [&](const analysis::TeamMember& t) { return t.id == id; });
    if (m == params.members.end()) {
      std::string known;
      for (const auto& t : params.members) {
        known += (known.empty() ? "" : ", ") + t.id;
      }
      throw core::ArgumentError("--reach: no team member '" + id + "' (members: " + known + ")");
    }
    const std::string_view value = std::string_view(text).substr(eq + 1);
    if (value.ends_with("min") || value.ends_with("分")) {
      if (!m->reach_time) {
        throw core::ArgumentError(
            "--reach: '" + id + "' is a straight-line reach (the 16 km rule); give it in km or m");
      }
      m->reach_time = parse_duration(value, "--reach");
    } else {
      m->reach = parse_distance(value, "--reach");
    }
    m->reach_reason = "set on the command line (--reach)";
  }
  return params;
}

std::string member_name(const analysis::TeamResult& r, const std::optional<std::size_t>& m) {
  return m ? r.members[*m].name.ja + " (" + r.members[*m].name.en + ")" : "–";
}

void print_result(const analysis::TeamResult& r, std::ostream& out) {
  const auto& basis = r.cells.provenance.basis;
  out << "Home-care team in reach, by " << basis.distance.en << "; people: " << basis.demand.en
      << ".\n";
  TextTable members({"member", "offices", "reach", "needed", "why this reach"},
                    {Align::left, Align::right, Align::right, Align::left, Align::left});
  for (std::size_t m = 0; m < r.members.size(); ++m) {
    const auto& t = r.members[m];
    const bool timed = r.cells.field_index(t.id + "_min").has_value();
    members.add_row({t.name.ja + " (" + t.name.en + ")", std::to_string(r.member_sites[m]),
                     timed ? format_fixed(core::to_minutes(*t.reach_time), 0) + " min by road"
                           : format_distance(t.reach),
                     t.required ? "yes" : "optional", t.reach_reason});
  }
  members.print(out);
  out << '\n';
  TextTable cities(
      {"city", "people", "whole team", "75+", "75+ whole team", "missing most often", "for 75+"},
      {Align::left, Align::right, Align::right, Align::right, Align::right, Align::left,
       Align::left});
  std::vector<const analysis::TeamCityRow*> rows;
  for (const auto& c : r.cities) {
    rows.push_back(&c);
  }
  rows.push_back(&r.total);
  for (const auto* c : rows) {
    cities.add_row({c->city, format_people(c->people.people),
                    format_share(c->whole_team.people, c->people.people),
                    format_people(c->people.people_75plus),
                    format_share(c->whole_team.people_75plus, c->people.people_75plus),
                    member_name(r, c->most_missing), member_name(r, c->most_missing_75plus)});
  }
  cities.print(out);
  out << "\nPeople without each member (all ages / 75+):\n";
  std::vector<std::string> header{"city"};
  std::vector<Align> align{Align::left};
  for (const auto& t : r.members) {
    header.push_back(t.name.en);
    align.push_back(Align::right);
  }
  TextTable without(header, align);
  for (const auto* c : rows) {
    std::vector<std::string> row{c->city};
    for (std::size_t m = 0; m < r.members.size(); ++m) {
      row.push_back(format_people(c->without[m].people) + " / " +
                    format_people(c->without[m].people_75plus));
    }
    without.add_row(row);
  }
  without.print(out);
}

nlohmann::ordered_json result_json(const analysis::TeamResult& r) {
  const auto& basis = r.cells.provenance.basis;
  nlohmann::ordered_json j;
  j["basis"] = {{"distance", local_text_json(basis.distance)},
                {"demand", local_text_json(basis.demand)}};
  auto& members = j["members"] = nlohmann::ordered_json::array();
  for (std::size_t m = 0; m < r.members.size(); ++m) {
    const auto& t = r.members[m];
    std::vector<std::string> categories;
    for (core::Category c : t.categories) {
      categories.emplace_back(core::to_string(c));
    }
    const bool timed = r.cells.field_index(t.id + "_min").has_value();
    members.push_back({{"id", t.id},
                       {"name", local_text_json(t.name)},
                       {"categories", categories},
                       {"reach_m", t.reach.value},
                       {"reach_min", timed ? nlohmann::ordered_json(core::to_minutes(*t.reach_time))
                                           : nlohmann::ordered_json(nullptr)},
                       {"reason", t.reach_reason},
                       {"required", t.required},
                       {"offices", r.member_sites[m]}});
  }
  auto row_json = [&](const analysis::TeamCityRow& c) {
    nlohmann::ordered_json row{{"city", c.city},
                               {"units", c.units},
                               {"people", people_count_json(c.people)},
                               {"whole_team", people_count_json(c.whole_team)}};
    row["whole_team_share"] = c.people.people > 0.0
                                  ? nlohmann::ordered_json(c.whole_team.people / c.people.people)
                                  : nlohmann::ordered_json(nullptr);
    row["whole_team_75plus_share"] =
        c.people.people_75plus > 0.0
            ? nlohmann::ordered_json(c.whole_team.people_75plus / c.people.people_75plus)
            : nlohmann::ordered_json(nullptr);
    auto& without = row["without"] = nlohmann::ordered_json::object();
    for (std::size_t m = 0; m < r.members.size(); ++m) {
      without[r.members[m].id] = people_count_json(c.without[m]);
    }
    auto id = [&](const std::optional<std::size_t>& m) {
      return m ? nlohmann::ordered_json(r.members[*m].id) : nlohmann::ordered_json(nullptr);
    };
    row["most_missing"] = id(c.most_missing);
    row["most_missing_75plus"] = id(c.most_missing_75plus);
    return row;
  };
  auto& cities = j["cities"] = nlohmann::ordered_json::array();
  for (const auto& c : r.cities) {
    cities.push_back(row_json(c));
  }
  j["total"] = row_json(r.total);
  return j;
}

int run_team(const TeamOptions& o, CommandContext& context) {
  PhaseTimer timer;
  prepare_outputs(o.output);
  analysis::TeamParams params = params_of(o);
  if (o.by != "distance" && o.by != "time") {
    throw core::ArgumentError("--by: '" + o.by + "' is not distance or time");
  }
  const io::Region region = load_region(o.region, context);
  timer.lap("read");
  core::Diagnostics diagnostics;
  std::optional<LoadedNetwork> network;
  std::optional<routing::Overlay> overlay;
  if (o.by == "time") {
    network = load_network(o.network, &region, context);
    diagnostics.append(network->diagnostics);
    overlay = load_closures(o.network, *network, &region, diagnostics);
    params.network = network->network.get();
    params.overlay = overlay ? &*overlay : nullptr;
    timer.lap("network");
  } else if (!o.network.closures.empty()) {
    throw core::ArgumentError("--closures needs --by time: straight lines cross closed roads");
  }
  const std::optional<RegionPeople> people = region_people(region, diagnostics);
  if (!people) {
    throw core::InputError("team coverage counts people, and region " + region.project.title +
                           " has no population layer (\"population\" in " +
                           region.project.file.filename().string() + ")");
  }
  timer.lap("population");
  std::vector<const core::Layer*> facilities;
  for (const auto& l : facility_layers(region)) {
    facilities.push_back(l.get());
  }
  core::Progress& progress = start_stage(context, "team coverage");
  analysis::TeamResult r;
  {
    const ProgressBar bar(progress, context.err, context.progress_bar);
    r = analysis::team_coverage(people->demand, facilities, params, region.working_crs.definition,
                                &progress);
  }
  timer.lap("team");
  diagnostics.append(r.diagnostics);
  if (o.report.json) {
    context.out << result_json(r).dump(2) << '\n';
  } else {
    print_result(r, context.out);
  }
  if (wants_output(o.output)) {
    auto table = std::make_shared<core::Layer>(analysis::team_city_table(r));
    write_outputs({std::make_shared<core::Layer>(std::move(r.cells)), table}, o.output, context);
    timer.lap("write");
  }
  return finish_command(o.report, diagnostics, timer, context);
}

}  // namespace

void add_team_command(CLI::App& root, CommandRegistry& registry) {
  auto o = std::make_shared<TeamOptions>();
  CLI::App* cmd = root.add_subcommand(
      "team",
      "Which members of the home-care team reach each census cell, and per city the share of "
      "people (and of 75+) with the whole team (straight line, or --by time on the roads)");
  cmd->add_option("--region", o->region, "Region name or path to a .caremap.json project file")
      ->capture_default_str();
  cmd->add_option("--reach", o->reaches,
                  "A member's reach, MEMBER=DISTANCE or, for the timed members with --by time, "
                  "MEMBER=MINUTESmin (repeatable): clinic, visiting_nurse, pharmacy, "
                  "care_manager, home_help. Defaults: the categories' planning reaches (16 km, "
                  "8 km / 20 min, 16 km, 10 km / 25 min, 5 km / 15 min)");
  cmd->add_option("--by", o->by,
                  "distance: every member by straight line; time: visiting nurse, care manager "
                  "and home help by road time on the region's network (20, 25, 15 min), clinic "
                  "and pharmacy still by straight line")
      ->capture_default_str();
  add_network_options(*cmd, o->network);
  cmd->add_flag("--require-home-help", o->require_home_help,
                "Count home help as part of the whole team (otherwise reported only)");
  add_output_options(*cmd, o->output,
                     "the cells (team_coverage: missing member per cell) and the per-city table "
                     "(team_by_city); a GeoPackage holds both");
  add_report_flags(*cmd, o->report);
  registry.push_back({cmd, [o](CommandContext& c) { return run_team(*o, c); }});
}

}  // namespace caremap::cli
