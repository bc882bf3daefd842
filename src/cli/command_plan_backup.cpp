// `caremap plan backup`: 主治医・副主治医 — for each census cell piece the first and second
// clinic in reach, per city the people (and 75+) with 0, 1 and 2+ clinics in reach, and each
// clinic's natural backup partner. Road travel on the region's network by default; every output
// states the demand, the distance measure and the reach.

#include <algorithm>
#include <chrono>
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
#include "cli/report_flags.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "plan/backup_cover.hpp"
#include "plan/what_if.hpp"

namespace caremap::cli {

namespace {

struct BackupOptions {
  PlanInputOptions inputs;
  std::vector<std::string> add;     ///< --add LON,LAT: a what-if clinic
  std::vector<std::string> remove;  ///< --remove NAME: a what-if closure
  std::size_t top = 20;
  ReportFlags report;
  OutputOptions output;
};

void print_counts(const analysis::Demand& demand, const plan::BackupCover& c, std::ostream& out) {
  TextTable t({"city", "people", "0 clinics", "1 (no backup)", "2+", "75+", "75+ with 0",
               "75+ with 1", "75+ with 2+"},
              {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right,
               Align::right, Align::right, Align::right});
  auto row = [&](const std::string& city, const plan::CoverCounts& k) {
    t.add_row(
        {city, format_people(k.people.people),
         format_people(k.none.people) + " (" + format_share(k.none.people, k.people.people) + ")",
         format_people(k.one.people) + " (" + format_share(k.one.people, k.people.people) + ")",
         format_share(k.two_plus.people, k.people.people), format_people(k.people.people_75plus),
         format_people(k.none.people_75plus), format_people(k.one.people_75plus),
         format_share(k.two_plus.people_75plus, k.people.people_75plus)});
  };
  for (std::size_t i = 0; i < demand.cities.size(); ++i) {
    row(demand.cities[i], c.cities[i]);
  }
  row("計 (all)", c.total);
  t.print(out);
}

void print_partners(const PlanInputs& in, const plan::BackupCover& c, std::size_t top,
                    std::ostream& out) {
  std::size_t mutual = 0;
  std::vector<const plan::PartnerRow*> none;
  for (const auto& r : c.partners) {
    mutual += r.mutual ? 1 : 0;
    if (!r.partner) {
      none.push_back(&r);
    }
  }
  out << "\n副主治医の候補 (natural backup partner: the clinic reaching most of the people a "
         "clinic reaches): "
      << mutual / 2 << " mutual pairs; " << none.size() << " clinics with no partner\n";
  std::vector<const plan::PartnerRow*> rows;
  for (const auto& r : c.partners) {
    rows.push_back(&r);
  }
  // The clinics whose people are least shared first: where a backup is hardest to arrange.
  std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) {
    const double sa = a->people_in_reach > 0 ? a->people_shared / a->people_in_reach : 0.0;
    const double sb = b->people_in_reach > 0 ? b->people_shared / b->people_in_reach : 0.0;
    return sa < sb;
  });
  TextTable t({"clinic", "partner", "people in reach", "shared", "mutual"},
              {Align::left, Align::left, Align::right, Align::right, Align::left});
  for (std::size_t k = 0; k < rows.size() && k < top; ++k) {
    const auto& r = *rows[k];
    t.add_row({in.sites[r.site].name, r.partner ? in.sites[*r.partner].name : "（なし / none）",
               format_people(r.people_in_reach), format_share(r.people_shared, r.people_in_reach),
               r.mutual ? "yes" : ""});
  }
  t.print(out);
  if (rows.size() > top) {
    out << "(" << rows.size() - top << " more: --top N, or --out for every clinic)\n";
  }
}

nlohmann::ordered_json counts_json(const std::string& city, const plan::CoverCounts& k) {
  return {{"city", city},
          {"units", k.units},
          {"people", people_count_json(k.people)},
          {"none", people_count_json(k.none)},
          {"one", people_count_json(k.one)},
          {"two_plus", people_count_json(k.two_plus)}};
}

nlohmann::ordered_json result_json(const PlanInputs& in, const plan::BackupCover& c,
                                   const core::Provenance& p) {
  nlohmann::ordered_json j;
  j["basis"] = plan_basis_json(p);
  auto& cities = j["cities"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < in.demand.cities.size(); ++i) {
    cities.push_back(counts_json(in.demand.cities[i], c.cities[i]));
  }
  j["total"] = counts_json("all", c.total);
  auto& partners = j["partners"] = nlohmann::ordered_json::array();
  for (const auto& r : c.partners) {
    partners.push_back({{"clinic", in.sites[r.site].name},
                        {"layer", in.sites[r.site].layer},
                        {"partner", r.partner ? nlohmann::ordered_json(in.sites[*r.partner].name)
                                              : nlohmann::ordered_json(nullptr)},
                        {"people_in_reach", r.people_in_reach},
                        {"people_shared", r.people_shared},
                        {"mutual", r.mutual}});
  }
  return j;
}

struct WhatIf {
  std::vector<plan::PlanSite> added;
  std::vector<std::uint32_t> removed;
  plan::WhatIfResult result;
  double seconds = 0.0;  ///< the recompute: costs of the added sites, reach, cover, N-1
};

std::vector<std::uint32_t> removed_sites(const PlanInputs& in,
                                         const std::vector<std::string>& names) {
  std::vector<std::uint32_t> out;
  for (const std::string& name : names) {
    const auto it = std::find_if(in.sites.begin(), in.sites.end(),
                                 [&](const plan::PlanSite& s) { return s.name == name; });
    if (it == in.sites.end()) {
      throw core::ArgumentError("--remove: no clinic named '" + name +
                                "' (names as in the partner table or --out)");
    }
    out.push_back(static_cast<std::uint32_t>(it - in.sites.begin()));
  }
  return out;
}

WhatIf run_what_if(const BackupOptions& o, PlanInputs& in, const analysis::TravelCosts& costs,
                   const plan::BackupCover& baseline, CommandContext& context) {
  WhatIf w;
  w.removed = removed_sites(in, o.remove);
  crs::Transformer to_working = crs::Transformer::from_wgs84(in.region.working_crs);
  for (std::size_t k = 0; k < o.add.size(); ++k) {
    w.added.push_back({"what-if " + std::to_string(k + 1) + " (" + o.add[k] + ")", "what-if",
                       to_working.forward(parse_lonlat(o.add[k], "--add"))});
  }
  const auto start = std::chrono::steady_clock::now();
  const analysis::TravelCosts extra = plan_costs(in, w.added, context);
  const analysis::TravelCosts all = plan::append_sites(costs, extra);
  w.result = plan::what_if(in.demand, baseline, all, in.reach, w.removed);
  w.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return w;
}

void print_what_if(const PlanInputs& in, const WhatIf& w, std::ostream& out) {
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.1f ms", w.seconds * 1000.0);
  out << "\nWhat-if (" << w.added.size() << " added, " << w.removed.size()
      << " removed; recomputed in " << ms << ") against the baseline:\n";
  TextTable t(
      {"city", "gain cover", "lose cover", "gain a backup", "lose the backup", "75+ lose cover"},
      {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right});
  auto row = [&](const std::string& city, const plan::CoverChange& c) {
    t.add_row({city, format_people(c.gained_cover.people), format_people(c.lost_cover.people),
               format_people(c.gained_backup.people), format_people(c.lost_backup.people),
               format_people(c.lost_cover.people_75plus)});
  };
  for (std::size_t i = 0; i < in.demand.cities.size(); ++i) {
    row(in.demand.cities[i], w.result.change.cities[i]);
  }
  row("計 (all)", w.result.change.total);
  t.print(out);
}

nlohmann::ordered_json what_if_json(const PlanInputs& in, const WhatIf& w) {
  std::vector<std::string> added;
  for (const auto& s : w.added) {
    added.push_back(s.name);
  }
  std::vector<std::string> removed;
  for (std::uint32_t s : w.removed) {
    removed.push_back(in.sites[s].name);
  }
  auto change = [](const plan::CoverChange& c) {
    return nlohmann::ordered_json{{"gained_cover", people_count_json(c.gained_cover)},
                                  {"lost_cover", people_count_json(c.lost_cover)},
                                  {"gained_backup", people_count_json(c.gained_backup)},
                                  {"lost_backup", people_count_json(c.lost_backup)}};
  };
  nlohmann::ordered_json j{{"added", added}, {"removed", removed}, {"seconds", w.seconds}};
  j["change"] = change(w.result.change.total);
  j["total_after"] = counts_json("all", w.result.cover.total);
  return j;
}

int run_backup(const BackupOptions& o, CommandContext& context) {
  PhaseTimer timer;
  prepare_outputs(o.output);
  PlanInputs in = load_plan_inputs(o.inputs, context);
  timer.lap("read");
  const analysis::TravelCosts costs = plan_costs(in, in.sites, context);
  timer.lap("travel costs");
  const plan::Reach reach(costs, in.reach);
  const plan::BackupCover cover = plan::backup_cover(in.demand, reach);
  timer.lap("backup cover");
  std::optional<WhatIf> what;
  if (!o.add.empty() || !o.remove.empty()) {
    what = run_what_if(o, in, costs, cover, context);
    timer.lap("what-if");
  }
  const core::Provenance p = plan_provenance(in, "plan_backup", costs.basis);
  if (o.report.json) {
    auto j = result_json(in, cover, p);
    if (what) {
      j["what_if"] = what_if_json(in, *what);
    }
    context.out << j.dump(2) << '\n';
  } else {
    context.out << "主治医・副主治医 (primary and backup physician): people with 0, 1 and 2+ "
                   "clinics in reach\n";
    print_plan_basis(in, p, context.out);
    context.out << '\n';
    print_counts(in.demand, cover, context.out);
    print_partners(in, cover, o.top, context.out);
    if (what) {
      print_what_if(in, *what, context.out);
    }
  }
  if (wants_output(o.output)) {
    const std::string crs = in.region.working_crs.definition;
    write_outputs({std::make_shared<core::Layer>(
                       plan::backup_cells_layer(in.demand, cover, in.sites, in.reach, crs, p)),
                   std::make_shared<core::Layer>(plan::cover_city_table(in.demand, cover, p)),
                   std::make_shared<core::Layer>(plan::partner_layer(cover, in.sites, crs, p))},
                  o.output, context);
    timer.lap("write");
  }
  return finish_command(o.report, in.diagnostics, timer, context);
}

}  // namespace

void add_plan_backup_command(CLI::App& plan, CommandRegistry& registry) {
  auto o = std::make_shared<BackupOptions>();
  CLI::App* cmd = plan.add_subcommand(
      "backup",
      "主治医・副主治医: per census cell the first and second clinic in reach, per city the "
      "people with 0, 1 and 2+ clinics, and each clinic's natural backup partner");
  add_plan_input_options(*cmd, o->inputs);
  cmd->add_option("--add", o->add,
                  "What-if: a clinic added at LON,LAT (repeatable); compared with the baseline");
  cmd->add_option("--remove", o->remove,
                  "What-if: the clinic of this name closed (repeatable; a move is --remove and "
                  "--add)");
  cmd->add_option("--top", o->top, "Partner rows printed (least shared first)")
      ->capture_default_str();
  add_output_options(*cmd, o->output,
                     "the cells (backup_cover), the per-city table (backup_cover_by_city) and the "
                     "partners (backup_partners); a GeoPackage holds all three");
  add_report_flags(*cmd, o->report);
  registry.push_back({cmd, [o](CommandContext& c) { return run_backup(*o, c); }});
}

}  // namespace caremap::cli
