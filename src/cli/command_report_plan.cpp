// `caremap report plan --out plan.pdf`: the planning handout for the committee: backup cover
// (主治医・副主治医), the recommended site(s) for a new clinic (maximal covering) with the gap
// they close and the candidates ranked, N-1 (which clinic's loss uncovers most people) with its
// worst case on a map, the nearest other clinic of each clinic, 2SFCA accessibility (the reach
// as catchment), the data and conditions. The figures come from the same inputs and analyses as
// `caremap plan backup`, `plan n-1`, `plan locate --model mclp` and `access --method 2sfca`
// (cli/plan_inputs.hpp, src/plan); nothing is recomputed in report.

#include <cstdio>
#include <memory>
#include <numeric>

#include "cli/argument_parsing.hpp"
#include "cli/plan_inputs.hpp"
#include "cli/region_tables.hpp"
#include "cli/report_printing.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "plan/accessibility.hpp"
#include "plan/backup_cover.hpp"
#include "plan/candidate_gain.hpp"
#include "plan/candidates.hpp"
#include "plan/cover_loss.hpp"
#include "plan/location_exact.hpp"
#include "plan/nearest_sites.hpp"
#include "plan/what_if.hpp"
#include "report/plan_report.hpp"
#include "report/report_output.hpp"
#include "style/style.hpp"

namespace caremap::cli {

namespace {

struct ReportPlanOptions {
  PlanInputOptions inputs;
  std::size_t p = 1;
  std::string grid_spacing = "1km";
  double time_limit_s = 60.0;
  std::size_t neighbours = 2;
  PrintOptions print;
  ReportFlags flags;
};

// "診療所" / "clinics": what the sites are, in the report's words.
std::string sites_title(const std::string& categories, core::Lang lang) {
  std::string out;
  for (const core::Category c : parse_categories(categories, "--category")) {
    const style::Symbol s = style::default_symbol(c);
    if (lang == core::Lang::ja) {
      out += (out.empty() ? "" : "・") + s.title_ja;
    } else {
      std::string t = s.title_en;
      if (!t.empty()) {
        t[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(t[0])));
      }
      out += (out.empty() ? "" : " and ") + t + "s";
    }
  }
  return out;
}

// The rows of `costs` of the given origins, in that order.
analysis::TravelCosts origins_of(const analysis::TravelCosts& costs,
                                 std::span<const std::uint32_t> origins) {
  analysis::TravelCosts out;
  out.origins = origins.size();
  out.destinations = costs.destinations;
  out.by_road = costs.by_road;
  out.basis = costs.basis;
  for (const std::uint32_t o : origins) {
    const auto first = static_cast<std::ptrdiff_t>(o * costs.destinations);
    const auto last = first + static_cast<std::ptrdiff_t>(costs.destinations);
    out.time_s.insert(out.time_s.end(), costs.time_s.begin() + first, costs.time_s.begin() + last);
    out.length_m.insert(out.length_m.end(), costs.length_m.begin() + first,
                        costs.length_m.begin() + last);
  }
  return out;
}

std::vector<std::string> lonlat_texts(const PlanInputs& in, std::span<const plan::PlanSite> sites) {
  crs::Transformer t = crs::Transformer::from_wgs84(in.region.working_crs);
  std::vector<std::string> out;
  for (const auto& s : sites) {
    const core::LonLat ll = t.inverse(s.position);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f°N %.4f°E", ll.lat, ll.lon);
    out.emplace_back(buf);
  }
  return out;
}

// Rows of the long tables one page holds: the page's height less header, footer, caption and
// note, at the table's row height: about 12.5 pt on a page as narrow as A4 portrait (the wide
// backup table's type shrinks to about 7 pt), 14.5 pt at the full body size on wider pages.
std::size_t rows_per_page(const report::PageSetup& setup) {
  const report::PageSize size = setup.size();
  const double row_pt = size.width_pt > 700.0 ? 14.5 : 12.5;
  return static_cast<std::size_t>(std::max(10.0, (size.height_pt - 260.0) / row_pt));
}

int run_report_plan(const ReportPlanOptions& o, CommandContext& context) {
  PhaseTimer timer;
  const CheckedPrint print = check_print_options(o.print);
  if (o.p == 0) {
    throw core::ArgumentError("-p must be at least 1");
  }
  PlanInputs in = load_plan_inputs(o.inputs, context);
  timer.lap("read");

  const std::vector<plan::PlanSite> candidates =
      plan::grid_candidates(in.demand, parse_distance(o.grid_spacing, "--grid-spacing"));
  // One search over the sites and the candidates, as `plan locate` makes it; the baseline is
  // its first rows.
  std::vector<plan::PlanSite> origins = in.sites;
  origins.insert(origins.end(), candidates.begin(), candidates.end());
  const analysis::TravelCosts all_costs = plan_costs(in, origins, context);
  std::vector<std::uint32_t> existing(in.sites.size());
  std::iota(existing.begin(), existing.end(), 0u);
  const analysis::TravelCosts costs = origins_of(all_costs, existing);
  // The sites' snapping problems were reported by their costs to the people: not twice.
  const core::Diagnostics reported = in.diagnostics;
  const analysis::TravelCosts between = site_to_site_costs(in, in.sites, context);
  in.diagnostics = reported;
  timer.lap("travel costs");

  const plan::Reach reach(costs, in.reach);
  const plan::BackupCover cover = plan::backup_cover(in.demand, reach);
  const std::vector<plan::CoverLoss> losses = plan::n_minus_one(in.demand, reach);
  std::optional<plan::BackupCover> worst;
  if (!losses.empty()) {
    worst = plan::what_if(in.demand, cover, costs, in.reach, losses.front().removed).cover;
  }
  timer.lap("backup cover, n-1");

  const std::vector<double> weight = plan::demand_weights(in.demand, plan::DemandWeight::people);
  const plan::LocationProblem problem =
      plan::make_location_problem(plan::LocationModel::mclp, all_costs, in.sites.size(), weight,
                                  in.reach, std::min(o.p, candidates.size()));
  const plan::LocationSolution solution = plan::solve_exact(problem, {o.time_limit_s});
  const std::vector<plan::CandidateGain> gains = plan::candidate_gains(problem, in.demand);
  std::vector<std::uint32_t> chosen_rows;
  for (const std::uint32_t k : solution.chosen) {
    chosen_rows.push_back(static_cast<std::uint32_t>(in.sites.size() + k));
  }
  const plan::BackupCover with_new =
      plan::what_if(in.demand, cover, plan::append_sites(costs, origins_of(all_costs, chosen_rows)),
                    in.reach, {})
          .cover;
  timer.lap("locate (CBC)");
  // 2SFCA with the report's reach as the catchment, one per site as `caremap access` counts.
  const plan::AccessParams access_params = plan::two_step_fca(in.reach.measure, in.reach.limit);
  std::vector<double> people;
  for (const auto& point : in.demand.points) {
    people.push_back(point.people);
  }
  const plan::AccessResult access =
      plan::accessibility(costs, std::vector<double>(in.sites.size(), 1.0), people, access_params);
  timer.lap("accessibility");

  report::PlanReportInputs r;
  r.lang = print.lang;
  r.region_title = in.region.project.title;
  r.demand = &in.demand;
  r.sites = in.sites;
  r.sites_title = sites_title(o.inputs.categories, print.lang);
  r.in_house_left_out = in.in_house_left_out;
  r.reach = in.reach;
  r.provenance =
      plan_provenance(in, "plan_report", costs.basis,
                      {{"model", plan::model_title(plan::LocationModel::mclp).en},
                       {"p", std::to_string(problem.p)},
                       {"candidates", "grid " + o.grid_spacing + " (most populated cell)"},
                       {"candidate_sites", std::to_string(candidates.size())},
                       {"weight", plan::demand_weight_label(plan::DemandWeight::people).en}});
  r.cover = &cover;
  r.losses = losses;
  r.worst_case = worst ? &*worst : nullptr;
  r.candidates = candidates;
  r.solution = &solution;
  r.gains = gains;
  r.with_new_sites = &with_new;
  r.grid_spacing = o.grid_spacing;
  r.candidate_places = lonlat_texts(in, candidates);
  r.neighbours = plan::nearest_other_sites(between, in.reach, o.neighbours);
  r.access = &access;
  r.access_method = plan::access_method_label(access_params);
  if (!in.region.boundaries().empty()) {
    r.boundary = in.region.boundaries().front()->layer;
  }
  if (in.network) {
    const routing::RoadNetwork& net = *in.network->network;
    r.road_credit = net.credit();
    if (o.print.roads) {
      report::ReportRoads roads =
          report::report_roads(net, in.region.working_crs.definition, print.lang,
                               io::road_source(in.region.project, in.network->source));
      r.road_basis = std::move(roads.basis);
      r.roads = std::move(roads.layer);
    }
  }
  r.crs = in.region.working_crs.definition;
  r.rows_per_page = rows_per_page(print.setup);
  r.software = report::kReportSoftware;
  r.date = print.date;
  const report::Report doc = report::plan_report(r);
  return write_report(doc, o.print, print, o.flags, in.diagnostics, timer, context);
}

}  // namespace

void add_report_plan_command(CLI::App& report, CommandRegistry& registry) {
  auto o = std::make_shared<ReportPlanOptions>();
  CLI::App* cmd = report.add_subcommand(
      "plan",
      "Planning handout: backup physicians (主治医・副主治医), where to add a clinic (maximal "
      "covering) with the gap it closes, N-1 ranking with the worst case, each clinic's nearest "
      "other clinic, data and conditions");
  add_plan_input_options(*cmd, o->inputs);
  cmd->add_option("-p", o->p, "New sites to recommend (maximal covering)")->capture_default_str();
  cmd->add_option("--grid-spacing", o->grid_spacing, "Candidate grid spacing")
      ->capture_default_str();
  cmd->add_option("--time-limit", o->time_limit_s, "CBC's time limit in seconds")
      ->capture_default_str();
  cmd->add_option("--neighbours", o->neighbours,
                  "Nearest other sites listed per site in the backup table")
      ->capture_default_str();
  add_print_options(*cmd, o->print);
  add_report_flags(*cmd, o->flags, true);
  registry.push_back({cmd, [o](CommandContext& c) { return run_report_plan(*o, c); }});
}

}  // namespace caremap::cli
