// `caremap plan locate`: where to add p sites, the existing ones kept: maximal covering (mclp),
// set covering (lscp), p-median or p-center, solved exactly with CBC (optimality gap and solve
// time shown) and/or by greedy + swap (gap to the LP bound shown). Candidates: a grid over where
// people live, the care facilities, or a file of points. --export-instance writes the instance
// as JSON for the PuLP cross-check (bench/plan/pulp_crosscheck.py).

#include <cmath>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/argument_parsing.hpp"
#include "cli/command.hpp"
#include "cli/output_writing.hpp"
#include "cli/phase_timer.hpp"
#include "cli/plan_commands.hpp"
#include "cli/plan_inputs.hpp"
#include "cli/population_tables.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "plan/candidates.hpp"
#include "plan/location_exact.hpp"
#include "plan/location_heuristic.hpp"
#include "plan/serving_sites.hpp"

namespace caremap::cli {

namespace {

struct LocateOptions {
  PlanInputOptions inputs;
  std::string model = "mclp";
  std::size_t p = 1;
  std::string candidates = "grid";  ///< grid | care | FILE
  std::string grid_spacing = "1km";
  std::string solver = "exact";  ///< exact | heuristic | both
  std::string weight = "people";
  double time_limit_s = 60.0;
  std::string export_instance;
  ReportFlags report;
  OutputOptions output;
};

std::vector<plan::PlanSite> load_candidates(const LocateOptions& o, PlanInputs& in) {
  if (o.candidates == "grid") {
    return plan::grid_candidates(in.demand, parse_distance(o.grid_spacing, "--grid-spacing"));
  }
  std::vector<core::LayerPtr> layers;
  std::vector<core::Category> categories;
  if (o.candidates == "care") {
    layers = facility_layers(in.region);
    categories = {core::Category::care_facility};
  } else {
    const io::LoadedLayer l =
        read_input_file(o.candidates, loose_file_options(&in.region), in.region.working_crs);
    in.diagnostics.append(l.diagnostics);
    layers = {l.layer};
  }
  std::vector<plan::PlanSite> out =
      plan::serving_sites(layers, categories, true, in.diagnostics).sites;
  if (out.empty()) {
    throw core::InputError("--candidates " + o.candidates + ": no candidate sites");
  }
  return out;
}

// Costs in the unit a planner reads beside the objective.
std::string format_cost(const plan::ReachRule& r, double v) {
  char buf[64];
  if (r.measure == plan::ReachMeasure::time) {
    std::snprintf(buf, sizeof buf, "%.1f min", v / 60.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.2f km", v / 1000.0);
  }
  return buf;
}

std::string format_objective(const plan::LocationProblem& pr, double v, double mean) {
  char buf[64];
  switch (pr.model) {
    case plan::LocationModel::mclp:
      return format_people(v) + " people within reach";
    case plan::LocationModel::lscp:
      std::snprintf(buf, sizeof buf, "%.0f new sites", v);
      return buf;
    case plan::LocationModel::pmedian:
      return format_cost(pr.reach, mean) + " mean per person";
    case plan::LocationModel::pcenter:
      return format_cost(pr.reach, v) + " at worst";
  }
  return {};
}

void print_solution(const plan::LocationProblem& pr, const plan::LocationSolution& s,
                    std::span<const plan::PlanSite> candidates, std::ostream& out) {
  char buf[160];
  out << "\n" << s.method << ": " << format_objective(pr, s.score.objective, s.score.mean_cost);
  std::snprintf(buf, sizeof buf, "; gap %.3f %% to %s; %.3f s", s.gap * 100.0,
                s.method.rfind("CBC", 0) == 0 ? "CBC's bound" : "the LP bound", s.seconds);
  out << buf;
  if (s.bound_seconds > 0.0) {
    std::snprintf(buf, sizeof buf, " (+ %.3f s for the LP bound)", s.bound_seconds);
    out << buf;
  }
  std::snprintf(buf, sizeof buf, "; %d variables, %d constraints\n", s.variables, s.constraints);
  out << buf;
  out << "  people within reach: " << format_people(s.score.people_covered_before) << " now -> "
      << format_people(s.score.people_covered) << "; mean "
      << format_cost(pr.reach, s.score.mean_cost) << ", worst "
      << format_cost(pr.reach, s.score.max_cost) << '\n';
  if (s.score.unservable_points > 0) {
    out << "  " << s.score.unservable_points << " inhabited points ("
        << format_people(s.score.unservable_people)
        << " people) no site can serve are left out (islands without a road, beyond reach)\n";
  }
  for (std::uint32_t c : s.chosen) {
    out << "  + " << candidates[c].name << '\n';
  }
}

nlohmann::ordered_json solution_json(const plan::LocationSolution& s,
                                     std::span<const plan::PlanSite> candidates) {
  std::vector<std::string> chosen;
  for (std::uint32_t c : s.chosen) {
    chosen.push_back(candidates[c].name);
  }
  return {{"method", s.method},
          {"objective", s.score.objective},
          {"bound", s.bound},
          {"gap", s.gap},
          {"optimal", s.optimal},
          {"seconds", s.seconds},
          {"bound_seconds", s.bound_seconds},
          {"variables", s.variables},
          {"constraints", s.constraints},
          {"chosen", chosen},
          {"people_covered_before", s.score.people_covered_before},
          {"people_covered", s.score.people_covered},
          {"mean_cost", s.score.mean_cost},
          {"max_cost", s.score.max_cost},
          {"unservable_points", s.score.unservable_points},
          {"unservable_people", s.score.unservable_people}};
}

// The instance as the PuLP cross-check reads it: weights, site-major costs (null = unreachable)
// in the reach measure, how many sites are existing, the limit and p. The places (working CRS)
// let a peer compute its own costs for a whole-run comparison (bench/plan/peer_whole_run.py).
void export_instance(const plan::LocationProblem& pr, std::span<const plan::PlanSite> sites,
                     const analysis::Demand& demand, const std::string& crs,
                     const std::string& path) {
  nlohmann::json j;
  j["crs"] = crs;
  auto& site_xy = j["site_xy"] = nlohmann::json::array();
  for (const auto& s : sites) {
    site_xy.push_back({s.position.x, s.position.y});
  }
  auto& demand_xy = j["demand_xy"] = nlohmann::json::array();
  for (const auto& d : demand.points) {
    demand_xy.push_back({d.position.x, d.position.y});
  }
  j["model"] = plan::to_string(pr.model);
  j["existing"] = pr.existing;
  j["candidates"] = pr.candidates;
  j["p"] = pr.p;
  j["limit"] = pr.reach.limit;
  j["weight"] = pr.weight;
  auto& cost = j["cost"] = nlohmann::json::array();
  for (std::size_t s = 0; s < pr.sites(); ++s) {
    auto row = nlohmann::json::array();
    for (std::size_t i = 0; i < pr.demand; ++i) {
      const double v = pr.at(s, i);
      row.push_back(std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr));
    }
    cost.push_back(std::move(row));
  }
  io::write_file_atomically(path, j.dump());
}

int run_locate(const LocateOptions& o, CommandContext& context) {
  PhaseTimer timer;
  prepare_outputs(o.output);
  const auto model = plan::parse_location_model(o.model);
  if (!model) {
    throw core::ArgumentError("--model " + o.model + ": use mclp, lscp, pmedian or pcenter");
  }
  const auto weight_kind = plan::parse_demand_weight(o.weight);
  if (!weight_kind) {
    throw core::ArgumentError("--weight " + o.weight +
                              ": use people, 65plus, 75plus, jmap-medical or jmap-care");
  }
  if (o.solver != "exact" && o.solver != "heuristic" && o.solver != "both") {
    throw core::ArgumentError("--solver " + o.solver + ": use exact, heuristic or both");
  }
  PlanInputs in = load_plan_inputs(o.inputs, context);
  const std::vector<double> weight = plan::demand_weights(in.demand, *weight_kind);
  const std::vector<plan::PlanSite> candidates = load_candidates(o, in);
  std::vector<plan::PlanSite> sites = in.sites;
  sites.insert(sites.end(), candidates.begin(), candidates.end());
  timer.lap("read");
  const analysis::TravelCosts costs = plan_costs(in, sites, context);
  timer.lap("travel costs");
  const plan::LocationProblem pr =
      plan::make_location_problem(*model, costs, in.sites.size(), weight, in.reach, o.p);
  if (!o.export_instance.empty()) {
    export_instance(pr, sites, in.demand, in.region.working_crs.definition, o.export_instance);
  }
  std::vector<plan::LocationSolution> solutions;
  if (o.solver != "heuristic") {
    solutions.push_back(plan::solve_exact(pr, {o.time_limit_s}));
    timer.lap("exact (CBC)");
  }
  if (o.solver != "exact") {
    solutions.push_back(plan::solve_heuristic(pr));
    timer.lap("greedy + swap");
  }
  const core::Provenance p = plan_provenance(
      in, std::string("plan_locate_") + plan::to_string(*model), costs.basis,
      {{"model", plan::model_title(*model).en},
       {"p", *model == plan::LocationModel::lscp ? "as few as cover" : std::to_string(o.p)},
       {"candidates", o.candidates == "grid" ? "grid " + o.grid_spacing + " (most populated cell)"
                                             : o.candidates},
       {"candidate_sites", std::to_string(candidates.size())},
       {"weight", plan::demand_weight_label(*weight_kind).en},
       {"existing", std::to_string(in.sites.size()) + " kept open"}});
  if (o.report.json) {
    nlohmann::ordered_json j;
    j["basis"] = plan_basis_json(p);
    auto& arr = j["solutions"] = nlohmann::ordered_json::array();
    for (const auto& s : solutions) {
      arr.push_back(solution_json(s, candidates));
    }
    context.out << j.dump(2) << '\n';
  } else {
    context.out << plan::model_title(*model).ja << " / " << plan::model_title(*model).en << ": "
                << (*model == plan::LocationModel::lscp ? "fewest" : std::to_string(o.p))
                << " new sites among " << candidates.size() << " candidates (" << o.candidates
                << "), " << in.sites.size()
                << " existing kept; weight: " << plan::demand_weight_label(*weight_kind).en << '\n';
    print_plan_basis(in, p, context.out);
    for (const auto& s : solutions) {
      print_solution(pr, s, candidates, context.out);
    }
  }
  if (wants_output(o.output)) {
    std::vector<core::LayerPtr> layers;
    for (const auto& s : solutions) {
      auto l = plan::chosen_sites_layer(pr, s, candidates, in.region.working_crs.definition, p);
      if (solutions.size() > 1) {
        l.id += s.method.rfind("CBC", 0) == 0 ? "_exact" : "_heuristic";
      }
      layers.push_back(std::make_shared<core::Layer>(std::move(l)));
    }
    write_outputs(layers, o.output, context);
    timer.lap("write");
  }
  return finish_command(o.report, in.diagnostics, timer, context);
}

}  // namespace

void add_plan_locate_command(CLI::App& plan, CommandRegistry& registry) {
  auto o = std::make_shared<LocateOptions>();
  CLI::App* cmd = plan.add_subcommand(
      "locate",
      "Where to add p sites, existing ones kept: mclp, lscp, pmedian or pcenter; exact (CBC) "
      "and/or greedy + swap");
  add_plan_input_options(*cmd, o->inputs);
  cmd->add_option("--model", o->model, "mclp, lscp, pmedian or pcenter")->capture_default_str();
  cmd->add_option("-p", o->p, "New sites to add (ignored by lscp)")->capture_default_str();
  cmd->add_option("--candidates", o->candidates,
                  "grid (where people live), care (care facilities) or a point file")
      ->capture_default_str();
  cmd->add_option("--grid-spacing", o->grid_spacing, "Grid candidates' spacing")
      ->capture_default_str();
  cmd->add_option("--solver", o->solver, "exact (CBC), heuristic (greedy + swap) or both")
      ->capture_default_str();
  cmd->add_option("--weight", o->weight,
                  "Demand weight: people, 65plus, 75plus (jmap-medical, jmap-care need age bands "
                  "the census mesh does not have)")
      ->capture_default_str();
  cmd->add_option("--time-limit", o->time_limit_s, "CBC's time limit in seconds")
      ->capture_default_str();
  cmd->add_option("--export-instance", o->export_instance,
                  "Write the instance as JSON (for the PuLP + CBC cross-check)");
  add_output_options(*cmd, o->output, "the chosen sites (locate_<model>)");
  add_report_flags(*cmd, o->report);
  registry.push_back({cmd, [o](CommandContext& c) { return run_locate(*o, c); }});
}

}  // namespace caremap::cli
