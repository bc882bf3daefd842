// `caremap access`: spatial accessibility of clinics per census cell piece by 2SFCA or enhanced
// 2SFCA (distance-decay zones 10/20/30 min weighted 1, 0.68, 0.22), by road time or straight
// line, as a layer. Supply is one per clinic (the open data gives no physician counts); every
// output says so beside the demand and the distance measure.

#include <algorithm>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/argument_parsing.hpp"
#include "cli/command.hpp"
#include "cli/output_writing.hpp"
#include "cli/phase_timer.hpp"
#include "cli/plan_inputs.hpp"
#include "cli/population_tables.hpp"
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "plan/accessibility.hpp"

namespace caremap::cli {

namespace {

struct AccessOptions {
  PlanInputOptions inputs;
  std::string method = "e2sfca";  ///< 2sfca | e2sfca
  std::string catchment = "30min";
  ReportFlags report;
  OutputOptions output;
};

struct CityAccess {
  std::string city;
  double people = 0.0;
  double mean = 0.0;            ///< people-weighted, per 1,000 people
  double people_without = 0.0;  ///< access 0
};

std::vector<CityAccess> by_city(const analysis::Demand& d, const plan::AccessResult& r) {
  std::vector<CityAccess> rows(d.cities.size() + 1);
  for (std::size_t c = 0; c < d.cities.size(); ++c) {
    rows[c].city = d.cities[c];
  }
  rows.back().city = "計 (all)";
  for (std::size_t i = 0; i < d.points.size(); ++i) {
    const auto& p = d.points[i];
    if (p.city == analysis::kNoCity) {
      continue;
    }
    for (CityAccess* row : {&rows[p.city], &rows.back()}) {
      row->people += p.people;
      row->mean += p.people * r.access[i] * 1000.0;
      row->people_without += r.access[i] > 0.0 ? 0.0 : p.people;
    }
  }
  for (auto& row : rows) {
    row.mean = row.people > 0.0 ? row.mean / row.people : 0.0;
  }
  return rows;
}

int run_access(const AccessOptions& o, CommandContext& context) {
  PhaseTimer timer;
  prepare_outputs(o.output);
  PlanInputs in = load_plan_inputs(o.inputs, context);
  timer.lap("read");
  plan::AccessParams params;
  if (o.method == "e2sfca") {
    params = plan::enhanced_two_step_fca();
    if (o.inputs.straight_line) {
      in.notes.push_back(
          "E2SFCA zones are minutes: straight-line length at --speed turned into "
          "time");
    }
  } else if (o.method == "2sfca") {
    const plan::ReachRule c = parse_reach(o.catchment, "--catchment");
    params = plan::two_step_fca(c.measure, c.limit);
  } else {
    throw core::ArgumentError("--method " + o.method + ": use 2sfca or e2sfca");
  }
  in.reach = {params.measure, params.zones.back().limit};
  const analysis::TravelCosts costs = plan_costs(in, in.sites, context);
  timer.lap("travel costs");
  const std::vector<double> supply(in.sites.size(), 1.0);
  std::vector<double> demand;
  for (const auto& p : in.demand.points) {
    demand.push_back(p.people);
  }
  const plan::AccessResult r = plan::accessibility(costs, supply, demand, params);
  timer.lap("accessibility");
  const core::LocalText method = plan::access_method_label(params);
  const core::Provenance p = plan_provenance(
      in, "access", costs.basis,
      {{"method", method.en}, {"supply", "1 per site (no physician counts in the data)"}});
  const auto rows = by_city(in.demand, r);
  if (o.report.json) {
    nlohmann::ordered_json j;
    j["basis"] = plan_basis_json(p);
    auto& cities = j["cities"] = nlohmann::ordered_json::array();
    for (const auto& row : rows) {
      cities.push_back({{"city", row.city},
                        {"people", row.people},
                        {"mean_access_per_1000", row.mean},
                        {"people_without_access", row.people_without}});
    }
    context.out << j.dump(2) << '\n';
  } else {
    context.out << "医療アクセス指標 / accessibility: " << method.ja << " / " << method.en
                << "; supply 1 per clinic (no physician counts in the data)\n";
    print_plan_basis(in, p, context.out);
    context.out << '\n';
    TextTable t({"city", "people", "clinics per 1,000 people (mean)", "people with none in reach"},
                {Align::left, Align::right, Align::right, Align::right});
    for (const auto& row : rows) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.3f", row.mean);
      t.add_row({row.city, format_people(row.people), buf,
                 format_people(row.people_without) + " (" +
                     format_share(row.people_without, row.people) + ")"});
    }
    t.print(context.out);
  }
  if (wants_output(o.output)) {
    write_outputs({std::make_shared<core::Layer>(
                      plan::access_cells_layer(in.demand, r, in.region.working_crs.definition, p))},
                  o.output, context);
    timer.lap("write");
  }
  return finish_command(o.report, in.diagnostics, timer, context);
}

}  // namespace

void add_access_command(CLI::App& root, CommandRegistry& registry) {
  auto o = std::make_shared<AccessOptions>();
  CLI::App* cmd = root.add_subcommand(
      "access",
      "Accessibility of clinics per census cell by 2SFCA or enhanced 2SFCA (10/20/30 min: 1, "
      "0.68, 0.22), as a layer");
  add_plan_input_options(*cmd, o->inputs, false);
  cmd->add_option("--method", o->method, "e2sfca or 2sfca")->capture_default_str();
  cmd->add_option("--catchment", o->catchment, "2SFCA catchment (time or length)")
      ->capture_default_str();
  add_output_options(*cmd, o->output, "the cells with access_per_1000 (accessibility)");
  add_report_flags(*cmd, o->report);
  registry.push_back({cmd, [o](CommandContext& c) { return run_access(*o, c); }});
}

}  // namespace caremap::cli
