#include "cli/plan_inputs.hpp"

#include <algorithm>

#include "analysis/population_demand.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/population_tables.hpp"
#include "cli/progress_bar.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "core/error.hpp"
#include "plan/serving_sites.hpp"

namespace caremap::cli {

void add_plan_input_options(CLI::App& cmd, PlanInputOptions& o, bool with_reach) {
  cmd.add_option("--region", o.region, "Region name or path to a .caremap.json project file")
      ->capture_default_str();
  cmd.add_option("--demand", o.demand,
                 "Demand from a point or polygon file with a count (default: the region's census "
                 "mesh population, apportioned to the cities)");
  cmd.add_option("--count-field", o.count_field,
                 "Field of --demand holding the number of people (default: 1 per feature)");
  cmd.add_option("--category", o.categories,
                 "Facility categories that serve (comma-separated, e.g. clinic,hospital)")
      ->capture_default_str();
  cmd.add_flag("--include-in-house-clinics", o.include_in_house,
               "Keep nursing homes' in-house clinics (施設内医務室), left out by default: they "
               "serve their own residents only");
  cmd.add_flag("--straight-line", o.straight_line,
               "Straight-line distance instead of road travel on the region's network");
  cmd.add_option("--speed", o.speed_kmh, "Straight-line speed in km/h (turns length into time)")
      ->capture_default_str();
  cmd.add_option("--detour", o.detour, "Straight-line detour factor (>= 1)")->capture_default_str();
  if (with_reach) {
    cmd.add_option("--reach", o.reach,
                   "Within reach: a time (20min: an urgent home call, as the visiting nurse's "
                   "reach) or a length (16km: the fee schedule's limit for home visits)")
        ->capture_default_str();
  }
  add_network_options(cmd, o.network);
}

plan::ReachRule parse_reach(const std::string& text, std::string_view option) {
  const bool length = text.ends_with("km") || (text.ends_with("m") && !text.ends_with("min"));
  if (length) {
    return {plan::ReachMeasure::length, parse_distance(text, option).value};
  }
  return {plan::ReachMeasure::time, parse_duration(text, option).value};
}

PlanInputs load_plan_inputs(const PlanInputOptions& o, CommandContext& context) {
  PlanInputs in;
  in.region = load_region(o.region, context);
  in.reach = parse_reach(o.reach, "--reach");
  in.straight = {core::from_km_per_hour(o.speed_kmh), o.detour};
  const auto categories = parse_categories(o.categories, "--category");
  if (o.demand.empty()) {
    const auto people = region_people(in.region, in.diagnostics);
    if (!people) {
      throw core::InputError("planning counts people, and region " + in.region.project.title +
                             " has no population layer; give --demand FILE --count-field FIELD");
    }
    in.demand = people->demand;
  } else {
    const io::LoadedLayer loaded =
        read_input_file(o.demand, loose_file_options(&in.region), in.region.working_crs);
    in.diagnostics.append(loaded.diagnostics);
    const core::Layer* boundary =
        in.region.boundaries().empty() ? nullptr : &boundary_layer(in.region);
    in.demand =
        analysis::counted_demand(*loaded.layer, o.count_field, boundary, nullptr, &in.diagnostics);
  }
  in.site_layers = facility_layers(in.region);
  const plan::ServingSites serving =
      plan::serving_sites(in.site_layers, categories, o.include_in_house, in.diagnostics);
  in.sites = serving.sites;
  const std::size_t left_out = serving.in_house_left_out;
  in.in_house_left_out = left_out;
  if (in.sites.empty()) {
    throw core::InputError("region " + in.region.project.title + " has no " +
                           join_categories(categories) + " to plan with");
  }
  if (left_out > 0) {
    in.notes.push_back(std::to_string(left_out) +
                       " in-house clinics (施設内医務室) left out: they serve their own residents "
                       "only (--include-in-house-clinics keeps them)");
  }
  if (!o.straight_line) {
    in.network = load_network(o.network, &in.region, context);
    in.diagnostics.append(in.network->diagnostics);
    in.closures = load_closures(o.network, *in.network, &in.region, in.diagnostics);
    in.closures_file = o.network.closures;
  } else if (!o.network.closures.empty()) {
    throw core::ArgumentError(
        "--closures needs road travel: straight lines cross closed roads "
        "(leave out --straight-line)");
  }
  return in;
}

namespace {

std::vector<core::XY> positions(std::span<const plan::PlanSite> sites) {
  std::vector<core::XY> out;
  for (const auto& s : sites) {
    out.push_back(s.position);
  }
  return out;
}

analysis::TravelCosts costs_between(PlanInputs& in, std::span<const core::XY> from,
                                    std::span<const core::XY> to, CommandContext& context) {
  if (!in.network) {
    return analysis::straight_line_costs(from, to, in.straight);
  }
  analysis::OdOptions options;
  options.threads = 0;
  core::Progress& progress = start_stage(context, "travel costs");
  const ProgressBar bar(progress, context.err, context.progress_bar);
  analysis::TravelCosts costs =
      analysis::road_costs(*in.network->network, from, to, options,
                           in.closures ? &*in.closures : nullptr, in.diagnostics, &progress);
  if (in.closures) {
    // Every figure of a plan run under closures must say so where its distance basis is printed.
    costs.basis = analysis::with_closures(costs.basis, in.closures->closed_count(),
                                          {in.closures_file, in.closures_file});
  }
  return costs;
}

}  // namespace

analysis::TravelCosts plan_costs(PlanInputs& in, std::span<const plan::PlanSite> sites,
                                 CommandContext& context) {
  std::vector<core::XY> to;
  for (const auto& p : in.demand.points) {
    to.push_back(p.position);
  }
  return costs_between(in, positions(sites), to, context);
}

analysis::TravelCosts site_to_site_costs(PlanInputs& in, std::span<const plan::PlanSite> sites,
                                         CommandContext& context) {
  const std::vector<core::XY> at = positions(sites);
  return costs_between(in, at, at, context);
}

core::Provenance plan_provenance(const PlanInputs& in, const std::string& operation,
                                 const core::LocalText& distance_basis,
                                 std::vector<std::pair<std::string, std::string>> extra) {
  core::Provenance p;
  p.operation = operation;
  p.param("reach", reach_label(in.reach).en + " (" + plan::reach_parameter(in.reach) + ")");
  p.param("sites", std::to_string(in.sites.size()));
  if (in.closures) {
    p.param("closures", in.closures_file);
    p.param("closed_arcs", std::to_string(in.closures->closed_count()));
  }
  for (auto& kv : extra) {
    p.parameters.push_back(std::move(kv));
  }
  for (const auto& l : in.site_layers) {
    p.inputs_from(l->provenance);
  }
  if (const io::LoadedLayer* pop = in.region.population()) {
    p.inputs_from(pop->layer->provenance);
  }
  p.basis.distance = distance_basis;
  p.basis.demand = in.demand.basis;
  return p;
}

void print_plan_basis(const PlanInputs& in, const core::Provenance& p, std::ostream& out) {
  out << "需要 (demand): " << p.basis.demand.ja << " / " << p.basis.demand.en << '\n';
  out << "距離 (distance): " << p.basis.distance.ja << " / " << p.basis.distance.en << '\n';
  out << "範囲 (reach): " << reach_label(in.reach).ja << " / " << reach_label(in.reach).en
      << "; sites: " << in.sites.size() << '\n';
  for (const auto& n : in.notes) {
    out << "note: " << n << '\n';
  }
}

nlohmann::ordered_json plan_basis_json(const core::Provenance& p) {
  nlohmann::ordered_json params = nlohmann::ordered_json::object();
  for (const auto& [k, v] : p.parameters) {
    params[k] = v;
  }
  return {{"operation", p.operation},
          {"demand", local_text_json(p.basis.demand)},
          {"distance", local_text_json(p.basis.distance)},
          {"parameters", params}};
}

}  // namespace caremap::cli
