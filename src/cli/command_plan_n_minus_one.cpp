// `caremap plan n-1`: remove each clinic in turn (or, with --hazard, every clinic inside a
// hazard zone at once) and count who loses cover: the people (and 75+) left with no clinic in
// reach, and those left without a backup. Ranked by impact; every output states the demand,
// the distance measure and the reach.

#include <memory>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "cli/output_writing.hpp"
#include "cli/phase_timer.hpp"
#include "cli/plan_commands.hpp"
#include "cli/plan_inputs.hpp"
#include "cli/population_tables.hpp"
#include "cli/region_loading.hpp"
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "plan/cover_loss.hpp"
#include "plan/sites_in_areas.hpp"

namespace caremap::cli {

namespace {

struct NMinusOneOptions {
  PlanInputOptions inputs;
  std::string hazard;  ///< --hazard FILE: polygons; every clinic inside is removed together
  std::size_t top = 15;
  ReportFlags report;
  OutputOptions output;
};

std::string names_of(const PlanInputs& in, const plan::CoverLoss& l) {
  std::string names;
  for (std::uint32_t s : l.removed) {
    names += (names.empty() ? "" : ", ") + in.sites[s].name;
  }
  return names;
}

void print_losses(const PlanInputs& in, std::span<const plan::CoverLoss> losses, std::size_t top,
                  std::ostream& out) {
  std::vector<std::string> header{"rank",        "removed",         "lose all cover",
                                  "of them 75+", "lose the backup", "of them 75+"};
  std::vector<Align> align{Align::right, Align::left,  Align::right,
                           Align::right, Align::right, Align::right};
  for (const auto& c : in.demand.cities) {
    header.push_back("lose cover: " + c);
    align.push_back(Align::right);
  }
  TextTable t(header, align);
  for (std::size_t k = 0; k < losses.size() && k < top; ++k) {
    const auto& l = losses[k];
    std::vector<std::string> row{std::to_string(k + 1),
                                 names_of(in, l),
                                 format_people(l.lost_cover.people),
                                 format_people(l.lost_cover.people_75plus),
                                 format_people(l.lost_backup.people),
                                 format_people(l.lost_backup.people_75plus)};
    for (const auto& c : l.lost_cover_by_city) {
      row.push_back(format_people(c.people));
    }
    t.add_row(row);
  }
  t.print(out);
  if (losses.size() > top) {
    out << "(" << losses.size() - top << " more: --top N, or --out for every clinic)\n";
  }
}

nlohmann::ordered_json loss_json(const PlanInputs& in, const plan::CoverLoss& l) {
  std::vector<std::string> removed;
  for (std::uint32_t s : l.removed) {
    removed.push_back(in.sites[s].name);
  }
  nlohmann::ordered_json j{{"removed", removed},
                           {"lost_cover", people_count_json(l.lost_cover)},
                           {"lost_backup", people_count_json(l.lost_backup)}};
  auto& cities = j["lost_cover_by_city"] = nlohmann::ordered_json::object();
  for (std::size_t c = 0; c < in.demand.cities.size(); ++c) {
    cities[in.demand.cities[c]] = people_count_json(l.lost_cover_by_city[c]);
  }
  return j;
}

int run_n_minus_one(const NMinusOneOptions& o, CommandContext& context) {
  PhaseTimer timer;
  prepare_outputs(o.output);
  PlanInputs in = load_plan_inputs(o.inputs, context);
  std::vector<plan::CoverLoss> losses;
  std::vector<std::pair<std::string, std::string>> extra;
  std::optional<std::vector<std::uint32_t>> zone;
  if (!o.hazard.empty()) {
    const io::LoadedLayer areas =
        read_input_file(o.hazard, loose_file_options(&in.region), in.region.working_crs);
    in.diagnostics.append(areas.diagnostics);
    zone = plan::sites_in_areas(in.sites, *areas.layer);
    extra.emplace_back("hazard", o.hazard);
    extra.emplace_back("removed", std::to_string(zone->size()) + " sites inside the zone");
  }
  timer.lap("read");
  const analysis::TravelCosts costs = plan_costs(in, in.sites, context);
  timer.lap("travel costs");
  const plan::Reach reach(costs, in.reach);
  if (zone) {
    losses.push_back(plan::cover_loss(in.demand, reach, *zone));
  } else {
    losses = plan::n_minus_one(in.demand, reach);
  }
  timer.lap("n-1");
  const core::Provenance p =
      plan_provenance(in, zone ? "plan_hazard_loss" : "plan_n_minus_one", costs.basis, extra);
  if (o.report.json) {
    nlohmann::ordered_json j;
    j["basis"] = plan_basis_json(p);
    auto& rows = j["losses"] = nlohmann::ordered_json::array();
    for (const auto& l : losses) {
      rows.push_back(loss_json(in, l));
    }
    context.out << j.dump(2) << '\n';
  } else {
    context.out << (zone ? "Clinics in the hazard zone closed together: who loses cover\n"
                         : "N-1: each clinic closed in turn, ranked by the people who lose all "
                           "cover (then 75+, then the backup)\n");
    print_plan_basis(in, p, context.out);
    if (zone && zone->empty()) {
      context.out << "No clinic lies inside " << o.hazard << ": nothing is lost.\n";
    }
    context.out << '\n';
    print_losses(in, losses, o.top, context.out);
  }
  if (wants_output(o.output)) {
    write_outputs({std::make_shared<core::Layer>(plan::cover_loss_layer(
                      in.demand, losses, in.sites, in.region.working_crs.definition, p))},
                  o.output, context);
    timer.lap("write");
  }
  return finish_command(o.report, in.diagnostics, timer, context);
}

}  // namespace

void add_plan_n_minus_one_command(CLI::App& plan, CommandRegistry& registry) {
  auto o = std::make_shared<NMinusOneOptions>();
  CLI::App* cmd = plan.add_subcommand(
      "n-1",
      "Close each clinic in turn (or every clinic in a hazard zone) and count who loses cover "
      "and who loses the backup, ranked");
  add_plan_input_options(*cmd, o->inputs);
  cmd->add_option("--hazard", o->hazard,
                  "A polygon file (flood, landslide zone): close every clinic inside it at once");
  cmd->add_option("--top", o->top, "Rows printed")->capture_default_str();
  add_output_options(*cmd, o->output, "one row per closure scenario, at the clinic (n_minus_one)");
  add_report_flags(*cmd, o->report);
  registry.push_back({cmd, [o](CommandContext& c) { return run_n_minus_one(*o, c); }});
}

}  // namespace caremap::cli
