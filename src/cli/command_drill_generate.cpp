// `caremap drill generate`: drill patients drawn by a stated rule (the census 75+ population of
// each mesh cell piece, care facilities' 定員, or street length where there is no census),
// needs mixed by stated shares, reproducible by seed. Every row and the file's provenance say
// they are drill data.

#include <memory>

#include "analysis/population_demand.hpp"
#include "cli/command.hpp"
#include "cli/network_loading.hpp"
#include "cli/output_writing.hpp"
#include "cli/phase_timer.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "cli/report_flags.hpp"
#include "core/error.hpp"
#include "drill/generate.hpp"

namespace caremap::cli {

namespace {

struct GenerateOptions {
  std::string region = "munakata-fukutsu";
  std::size_t count = 0;
  std::string by = "population-75";
  std::uint64_t seed = 1;
  std::string needs =
      "ventilator=0.03,home_oxygen=0.10,dialysis=0.05,palliative=0.08,limited_mobility=0.40";
  double shelter_share = 0.15;
  NetworkOptions network;
  OutputOptions output;
  ReportFlags report;
};

std::vector<drill::NeedShare> parse_shares(const std::string& text) {
  std::vector<drill::NeedShare> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, end - start);
    const std::size_t eq = item.find('=');
    const auto need = core::parse_care_need(item.substr(0, eq));
    double share = -1.0;
    if (eq != std::string::npos) {
      try {
        share = std::stod(item.substr(eq + 1));
      } catch (const std::exception&) {
        share = -1.0;
      }
    }
    if (!need || !(share >= 0.0 && share <= 1.0)) {
      throw core::ArgumentError("--needs: '" + item + "' is not need=share with a need of " +
                                core::care_need_names() + " and a share 0..1");
    }
    out.push_back({*need, share});
    start = end + 1;
  }
  return out;
}

// The places to draw from by the rule, and what that rule stands on.
std::vector<drill::WeightedPlace> places_by(const GenerateOptions& o, const io::Region& region,
                                            CommandContext& context, core::Provenance& p) {
  std::vector<drill::WeightedPlace> places;
  if (o.by == "population-75") {
    const io::LoadedLayer* population = region.population();
    if (population == nullptr) {
      throw core::InputError("region " + region.project.id +
                             " has no census population: use --by care-capacity or road-length");
    }
    const analysis::Demand demand =
        analysis::population_demand(*population->layer, &boundary_layer(region));
    for (const analysis::DemandPoint& d : demand.points) {
      if (d.city != analysis::kNoCity && d.people_75plus > 0.0) {
        places.push_back({d.shape, d.people_75plus});
      }
    }
    p.inputs_from(population->layer->provenance);
    p.basis.demand = demand.basis;
  } else if (o.by == "care-capacity") {
    for (const io::LoadedLayer* care : region.of_category(core::Category::care_facility)) {
      if (!care->layer->capacity_field) {
        continue;
      }
      const std::string field = care->layer->fields[*care->layer->capacity_field].name;
      const analysis::Demand demand =
          analysis::counted_demand(*care->layer, field, &boundary_layer(region));
      for (const analysis::DemandPoint& d : demand.points) {
        if (d.city != analysis::kNoCity && d.people > 0.0) {
          places.push_back({d.position, d.people});
        }
      }
      p.inputs_from(care->layer->provenance);
    }
    p.basis.demand = {"介護施設の定員", "care facilities' 定員 (capacity)"};
  } else if (o.by == "road-length") {
    const LoadedNetwork net = load_network(o.network, &region, context);
    const routing::RoadGraph& g = net.network->graph();
    for (routing::SegmentId s = 0; s < g.segment_count(); ++s) {
      const auto pts = g.segment_points(s);
      places.push_back({core::LineString(pts.begin(), pts.end()), g.segment_length_m(s)});
    }
    p.basis.demand = {"道路の長さ（国勢調査なし）", "street length (no census)"};
  } else {
    throw core::ArgumentError("--by: '" + o.by +
                              "' is not population-75, care-capacity or road-length");
  }
  return places;
}

core::Layer patients_layer(const std::vector<drill::Patient>& patients, const std::string& crs,
                           core::Provenance provenance) {
  core::Layer l;
  l.id = "drill_patients";
  l.title = "訓練用患者 / drill patients";
  l.category = core::Category::demand;
  l.crs = crs;
  l.fields = {{"id", core::FieldType::text},
              {"needs", core::FieldType::text},
              {"priority", core::FieldType::integer},
              {"wants", core::FieldType::text},
              {"data", core::FieldType::text}};
  l.name_field = 0;
  for (const drill::Patient& p : patients) {
    core::Feature f;
    f.geometry = p.position;
    f.category = core::Category::demand;
    f.values = {p.id, core::to_text(p.needs), std::int64_t{p.priority},
                std::string(p.wants_shelter ? "shelter" : "bed"),
                std::string("訓練用データ / drill data")};
    l.features.push_back(std::move(f));
  }
  l.provenance = std::move(provenance);
  return l;
}

int run_generate(const GenerateOptions& o, CommandContext& context) {
  PhaseTimer timer;
  if (o.count == 0) {
    throw core::ArgumentError("--count: expected at least 1 patient");
  }
  prepare_outputs(o.output);
  const io::Region region = load_region(o.region, context);
  drill::GenerateParams params;
  params.count = o.count;
  params.seed = o.seed;
  params.needs = parse_shares(o.needs);
  params.shelter_share = o.shelter_share;
  core::Provenance p;
  p.operation = "drill_generate";
  const auto places = places_by(o, region, context, p);
  timer.lap("read");
  const auto patients = drill::generate_patients(places, params);
  p.param("data", "drill data (generated, not real patients)")
      .param("count", std::to_string(o.count))
      .param("rule", o.by)
      .param("seed", std::to_string(o.seed))
      .param("needs", o.needs)
      .param("shelter_share", std::to_string(o.shelter_share))
      .param("priority", "3 ventilator; 2 dialysis or home_oxygen; else 1");
  const auto layer =
      std::make_shared<core::Layer>(patients_layer(patients, region.working_crs.definition, p));
  std::size_t counts[core::kCareNeedCount] = {};
  std::size_t shelter = 0;
  for (const drill::Patient& pt : patients) {
    for (int n = 0; n < core::kCareNeedCount; ++n) {
      counts[n] += pt.needs.has(static_cast<core::CareNeed>(n)) ? 1 : 0;
    }
    shelter += pt.wants_shelter ? 1 : 0;
  }
  context.out << "訓練用データ（実在の患者ではありません）/ drill data, not real patients\n"
              << patients.size() << " patients by " << o.by << " (" << p.basis.demand.ja
              << "), seed " << o.seed << ", from " << places.size() << " places\n";
  for (int n = 0; n < core::kCareNeedCount; ++n) {
    const auto need = static_cast<core::CareNeed>(n);
    context.out << "  " << core::label(need).ja << " / " << core::name(need) << ": " << counts[n]
                << "\n";
  }
  context.out << "  避難所希望 / want a shelter: " << shelter << "\n";
  write_outputs({layer}, o.output, context);
  timer.lap("write");
  return finish_command(o.report, {}, timer, context);
}

}  // namespace

void add_drill_generate_command(CLI::App& drill, CommandRegistry& registry) {
  auto o = std::make_shared<GenerateOptions>();
  CLI::App* cmd = drill.add_subcommand(
      "generate", "Drill patients (marked as drill data) drawn by a stated rule and seed");
  cmd->add_option("--region", o->region, "Region whose census, care facilities or roads are used")
      ->capture_default_str();
  cmd->add_option("--count", o->count, "How many patients")->required();
  cmd->add_option("--by", o->by,
                  "population-75 (census 75+ of each mesh cell piece in the cities), "
                  "care-capacity (care facilities' 定員) or road-length (no census)")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Random seed: the same seed gives the same patients")
      ->capture_default_str();
  cmd->add_option("--needs", o->needs,
                  "Share of patients with each need (independent draws; drill assumptions, "
                  "not statistics)")
      ->capture_default_str();
  cmd->add_option("--shelter-share", o->shelter_share,
                  "Share of patients without a service need who want a shelter, not a bed")
      ->capture_default_str();
  add_network_options(*cmd, o->network, false);
  add_output_options(*cmd, o->output, "the patients (CSV with lon/lat, or any map format)");
  add_report_flags(*cmd, o->report, false);
  registry.push_back({cmd, [o](CommandContext& c) { return run_generate(*o, c); }});
}

}  // namespace caremap::cli
