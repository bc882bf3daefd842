// Editing the closures: drawn shapes, a closures file, removing one or all. Every edit bumps the
// network generation (results computed before are stale) and recomputes what depends on them.

#include "analysis/closure_effect.hpp"
#include "app/modules/analysis_job.hpp"
#include "app/modules/closures/closures_module.hpp"
#include "app/network_jobs.hpp"
#include "crs/crs_ref.hpp"
#include "io/read.hpp"
#include "routing/closures_from_layer.hpp"

namespace caremap::app {

namespace fs = std::filesystem;

namespace {

// Fields of the closures layers: what closures_from_layer reads ("factor", "way_id") and what a
// planner wants to see.
std::vector<core::Field> closure_fields() {
  return {core::Field{"kind", core::FieldType::text}, core::Field{"factor", core::FieldType::real},
          core::Field{"way_id", core::FieldType::integer},
          core::Field{"source", core::FieldType::text}};
}

core::LayerPtr with_feature(const core::LayerPtr& base, const std::string& id,
                            const std::string& title, const std::string& crs, core::Feature f) {
  auto layer = base ? std::make_shared<core::Layer>(*base) : std::make_shared<core::Layer>();
  if (!base) {
    layer->id = id;
    layer->title = title;
    layer->category = core::Category::closure;
    layer->crs = crs;
    layer->fields = closure_fields();
    layer->provenance.operation = "closures";
  }
  layer->features.push_back(std::move(f));
  layer->polygons_valid = false;  // a drawn polygon has not been checked
  return layer;
}

// Puts the closures layers into the layer list (or removes them when empty).
void show_closure_layers(AppState& app) {
  NetworkState& n = app.network;
  for (auto [layer, id] : {std::pair{n.closures, ClosuresModule::kClosuresLayer},
                           std::pair{n.slowdowns, ClosuresModule::kSlowdownsLayer}}) {
    if (!layer || layer->features.empty()) {
      remove_result_layer(app, id);
      continue;
    }
    const bool added = find_layer(app, id) == nullptr;
    put_result_layer(app, layer);
    if (added && layer == n.slowdowns) {
      const style::Symbol s = style::slowdown_symbol();
      find_layer(app, id)->style.color = s.fill.outline;
    }
  }
}

void closures_changed(AppState& app) {
  ++app.network.generation;
  show_closure_layers(app);
  refresh_network_results(app);
}

}  // namespace

void add_closure(AppState& app, const ClosureShape& shape) {
  NetworkState& n = app.network;
  core::Feature f;
  f.geometry = closure_geometry(shape);
  f.category = core::Category::closure;
  const bool slowdown = shape.kind == ClosureKind::slowdown;
  f.values = {core::FieldValue{std::string(to_string(shape.kind))},
              slowdown ? core::FieldValue{shape.factor} : core::FieldValue{}, core::FieldValue{},
              core::FieldValue{std::string("drawn")}};
  if (slowdown) {
    n.slowdowns =
        with_feature(n.slowdowns, ClosuresModule::kSlowdownsLayer,
                     tr(app.lang, Str::net_slowdowns_layer), app.working_crs, std::move(f));
  } else {
    n.closures = with_feature(n.closures, ClosuresModule::kClosuresLayer,
                              tr(app.lang, Str::net_closures_layer), app.working_crs, std::move(f));
  }
  closures_changed(app);
}

void start_load_closures(AppState& app, fs::path path) {
  const std::string crs = app.working_crs;
  const std::string closures_title = tr(app.lang, Str::net_closures_layer);
  const std::string slowdowns_title = tr(app.lang, Str::net_slowdowns_layer);
  const std::optional<crs::GeoBox> valid_extent = app.valid_extent;
  app.jobs.submit("closures " + path.filename().string(), [=](core::Progress&) -> Completion {
    io::ReadOptions read;
    read.category = core::Category::closure;
    read.valid_extent = valid_extent;
    const io::LoadedLayer loaded = io::read_file(path, read, crs::CrsRef::parse(crs));
    const core::Layer& in = *loaded.layer;
    // The routing's own rules decide what each feature is, so the list shows what is applied.
    const routing::ClosureRules rules(in);
    std::vector<core::Feature> barriers;
    std::vector<core::Feature> slow;
    for (const core::Feature& src : in.features) {
      const routing::ClosureFeature c = rules.classify(src);
      using Kind = routing::ClosureFeature::Kind;
      if (c.kind == Kind::ignored) {
        continue;  // closures_from_layer reports it when the closures are applied
      }
      core::Feature f;
      f.geometry = src.geometry;
      f.category = core::Category::closure;
      f.source_row = src.source_row;
      const bool area = core::as_multipolygon(src.geometry).has_value();
      const bool point = std::holds_alternative<core::XY>(src.geometry) ||
                         std::holds_alternative<core::MultiPoint>(src.geometry);
      const char* kind = c.kind == Kind::slowdown ? "slowdown"
                         : c.kind == Kind::way    ? "way"
                         : area                   ? "area"
                         : point                  ? "point"
                                                  : "line";
      f.values = {core::FieldValue{std::string(kind)},
                  c.kind == Kind::slowdown ? core::FieldValue{c.factor} : core::FieldValue{},
                  c.kind == Kind::way ? core::FieldValue{c.way_id} : core::FieldValue{},
                  core::FieldValue{path.filename().string()}};
      (c.kind == Kind::slowdown ? slow : barriers).push_back(std::move(f));
    }
    core::Diagnostics diagnostics = loaded.diagnostics;
    return [=](AppState& app) {
      NetworkState& n = app.network;
      for (const core::Feature& f : barriers) {
        n.closures =
            with_feature(n.closures, ClosuresModule::kClosuresLayer, closures_title, crs, f);
      }
      for (const core::Feature& f : slow) {
        n.slowdowns =
            with_feature(n.slowdowns, ClosuresModule::kSlowdownsLayer, slowdowns_title, crs, f);
      }
      n.diagnostics.append(diagnostics);
      n.closure_files.push_back(path);
      log_message(app, "closures " + path.filename().string() + ": " +
                           std::to_string(barriers.size() + slow.size()) + " features");
      closures_changed(app);
    };
  });
}

void remove_closure(AppState& app, bool slowdown, std::size_t index) {
  NetworkState& n = app.network;
  core::LayerPtr& layer = slowdown ? n.slowdowns : n.closures;
  if (!layer || index >= layer->features.size()) {
    return;
  }
  auto copy = std::make_shared<core::Layer>(*layer);
  copy->features.erase(copy->features.begin() + static_cast<std::ptrdiff_t>(index));
  layer = copy->features.empty() ? nullptr : copy;
  closures_changed(app);
}

void clear_closures(AppState& app) {
  app.network.closures = nullptr;
  app.network.slowdowns = nullptr;
  app.network.closure_files.clear();
  closures_changed(app);
}

}  // namespace caremap::app
