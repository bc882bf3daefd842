#include "cli/nearest_inputs.hpp"

#include <thread>

#include "analysis/population_demand.hpp"
#include "cli/argument_parsing.hpp"
#include "cli/region_loading.hpp"
#include "cli/region_tables.hpp"
#include "cli/text_table.hpp"
#include "core/error.hpp"
#include "crs/parallel_transform.hpp"
#include "crs/reproject.hpp"
#include "crs/transformer.hpp"
#include "io/read.hpp"

namespace caremap::cli {

bool uses_region(const NearestOptions& o) {
  return o.facilities.empty() || o.cmd->count("--region") > 0;
}

NearestInputs load_nearest_inputs(const NearestOptions& o, CommandContext& context,
                                  const std::optional<crs::CrsRef>& working_crs,
                                  std::optional<io::Region> region,
                                  const std::optional<crs::CrsRef>& demand_crs) {
  if (o.from.empty() && o.demand.empty() && o.demand_layer.empty()) {
    throw core::ArgumentError(
        "say where from: --from LON,LAT, --demand FILE or --demand-layer LAYER");
  }
  NearestInputs in;
  if (uses_region(o)) {
    in.region = region ? std::move(region) : load_region(o.region, context);
    in.working_crs = in.region->working_crs;
    for (const auto& l : in.region->layers) {
      if (core::is_facility(l.layer->category)) {
        in.facilities.push_back(l.layer);
      }
    }
  } else if (!o.crs.empty()) {
    in.working_crs = crs::CrsRef::parse(o.crs);
  } else if (working_crs) {
    in.working_crs = *working_crs;
  } else {
    std::vector<std::filesystem::path> files(o.facilities.begin(), o.facilities.end());
    if (!o.demand.empty()) {
      files.emplace_back(o.demand);
    }
    in.working_crs = io::choose_crs_for(files).crs;
  }
  if (working_crs && !(in.working_crs == *working_crs)) {
    throw core::ArgumentError("the road network is in " + working_crs->short_label() +
                              " but the facilities and demand work in " +
                              in.working_crs.short_label());
  }
  if (!crs::is_metric_projected(in.working_crs)) {
    throw core::ArgumentError("--crs: " + in.working_crs.short_label() +
                              " is not a projected CRS in metres");
  }
  // Files beside a region are checked against its valid extent; files alone are not.
  const io::ReadOptions beside = loose_file_options(in.region ? &*in.region : nullptr);
  for (const auto& f : o.facilities) {
    auto loaded = read_input_file(f, beside, in.working_crs);
    in.diagnostics.append(loaded.diagnostics);
    in.facilities.push_back(loaded.layer);
  }
  if (!o.demand.empty()) {
    io::ReadOptions read = beside;
    read.name_field = o.demand_name_field;
    read.x_field = o.demand_x_field;
    read.y_field = o.demand_y_field;
    read.category = core::Category::demand;
    read.threads = o.threads;
    auto loaded = read_input_file(o.demand, read, demand_crs.value_or(in.working_crs));
    in.diagnostics.append(loaded.diagnostics);
    in.demand = loaded.layer;
  } else if (!o.demand_layer.empty()) {
    if (!in.region) {
      throw core::ArgumentError("--demand-layer needs a region (--region)");
    }
    in.demand = in.region->require(o.demand_layer).layer;
    if (in.demand->category == core::Category::population && !in.region->boundaries().empty()) {
      in.people = analysis::population_demand(*in.demand, &boundary_layer(*in.region), nullptr,
                                              &in.diagnostics);
      in.demand = demand_points_layer(*in.people, in.demand->crs, in.demand->provenance);
    }
  }
  return in;
}

core::LayerPtr demand_points_layer(const analysis::Demand& demand, const std::string& crs,
                                   const core::Provenance& provenance) {
  auto layer = std::make_shared<core::Layer>();
  layer->id = "population_pieces";
  layer->title = "人口（市ごとのメッシュ片）";
  layer->category = core::Category::demand;
  layer->crs = crs;
  layer->fields = {{"mesh_code", core::FieldType::text},
                   {"city", core::FieldType::text},
                   {"people", core::FieldType::real},
                   {"people_65plus", core::FieldType::real},
                   {"people_75plus", core::FieldType::real}};
  layer->name_field = 0;
  layer->provenance = provenance;
  layer->provenance.basis.demand = demand.basis;
  for (const auto& p : demand.points) {
    core::Feature f;
    f.category = core::Category::demand;
    f.geometry = p.position;
    f.values = {p.label,
                p.city < demand.cities.size() ? core::FieldValue{demand.cities[p.city]}
                                              : core::FieldValue{},
                p.people,
                demand.has_age_bands ? core::FieldValue{p.people_65plus} : core::FieldValue{},
                demand.has_age_bands ? core::FieldValue{p.people_75plus} : core::FieldValue{}};
    layer->features.push_back(std::move(f));
  }
  return layer;
}

bool demand_kept_as_read(const std::string& demand_file, const OutputOptions& output) {
  return !demand_file.empty() && io::is_csv_file(demand_file) && wants_output(output) &&
         is_table_output(output) && crs::CrsRef::parse(output.out_crs) == crs::CrsRef::wgs84();
}

std::optional<std::vector<core::XY>> project_demand(core::LayerPtr& demand,
                                                    const crs::CrsRef& working, unsigned threads,
                                                    core::Diagnostics& diagnostics) {
  const crs::CrsRef read_in = crs::CrsRef::parse(demand->crs);
  // The points as read, in one pass over the features (each pass over a million of them is tens
  // of milliseconds of cache misses).
  std::vector<core::XY> positions;
  positions.reserve(demand->features.size());
  for (const core::Feature& f : demand->features) {
    const auto* p = std::get_if<core::XY>(&f.geometry);
    if (p == nullptr) {
      demand = std::make_shared<core::Layer>(crs::reproject_layer(*demand, working));
      return std::nullopt;
    }
    positions.push_back(*p);
  }
  const crs::Transformer to_working(read_in, working);
  const std::vector<std::size_t> failed =
      crs::try_transform_in_place_parallel(to_working, positions, threads);
  if (failed.empty()) {
    return positions;
  }
  // As the reader skips a row PROJ cannot take: reported by file and row, and left out, so the
  // rows keep the numbers a read into the working CRS would give them.
  const std::string file =
      demand->provenance.inputs.empty() ? std::string() : demand->provenance.inputs.front().path;
  // The layer copied, then its kept rows and their positions moved down over the failed ones.
  auto kept = std::make_shared<core::Layer>(*demand);
  std::size_t next_failed = 0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < kept->features.size(); ++i) {
    core::Feature& f = kept->features[i];
    if (next_failed < failed.size() && failed[next_failed] == i) {
      ++next_failed;
      diagnostics.add(core::Diagnostic{
          core::Severity::warning,
          "out_of_range_coordinates",
          file,
          f.source_row,
          {},
          to_working.failure_message(std::get<core::XY>(f.geometry)) + "; row skipped"});
      continue;
    }
    if (n != i) {  // a self-move would empty the feature's vectors
      kept->features[n] = std::move(f);
      positions[n] = positions[i];
    }
    ++n;
  }
  kept->features.resize(n);
  positions.resize(n);
  if (kept->features.empty()) {
    throw core::InputError(
        "no row can be used: none of its " + std::to_string(failed.size()) +
            " points can be transformed to " + working.short_label() + " (the first: " +
            to_working.failure_message(std::get<core::XY>(demand->features.front().geometry)) + ")",
        core::ErrorContext{file, {}, std::nullopt, {}});
  }
  demand = std::move(kept);
  return positions;
}

std::vector<core::Category> requested_categories(const NearestOptions& o, bool from_region) {
  if (!o.categories.empty()) {
    return parse_categories(o.categories, "--category");
  }
  // A region holds many kinds of facility: default to hospitals. Facility files given
  // explicitly are what the user wants: every feature.
  return from_region ? std::vector<core::Category>{core::Category::hospital}
                     : std::vector<core::Category>{};
}

unsigned effective_threads(unsigned threads) {
  return threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
}

core::LayerPtr places_layer(const std::vector<std::string>& from, const crs::CrsRef& working_crs) {
  auto layer = std::make_shared<core::Layer>();
  layer->id = "places";
  layer->title = "--from";
  layer->category = core::Category::demand;
  layer->crs = working_crs.definition;
  layer->fields = {{"name", core::FieldType::text}};
  layer->name_field = 0;
  crs::Transformer to_working = crs::Transformer::from_wgs84(working_crs);
  std::size_t row = 0;
  for (const auto& text : from) {
    const core::LonLat p = parse_lonlat(text, "--from");
    core::Feature f;
    f.geometry = to_working.forward(p);
    f.values = {format_fixed(p.lon, 5) + "," + format_fixed(p.lat, 5)};
    f.category = core::Category::demand;
    f.source_row = ++row;
    layer->features.push_back(std::move(f));
  }
  return layer;
}

}  // namespace caremap::cli
