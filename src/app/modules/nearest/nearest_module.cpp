#include "app/modules/nearest/nearest_module.hpp"

#include <algorithm>

#include "analysis/nearest.hpp"
#include "app/facility_layers.hpp"
#include "app/modules/analysis_job.hpp"
#include "app/modules/module_access.hpp"

namespace caremap::app {

NearestState& nearest_state(AppState& app) {
  return find_module<NearestModule>(app).state;
}

const char* NearestModule::title(core::Lang lang) const {
  return tr(lang, Str::analysis_nearest);
}

void NearestModule::picked(AppState& app, core::XY at) {
  state.picking = false;
  start_nearest(app, at);
}

void NearestModule::clear(AppState& app) {
  remove_result_layer(app, kLayer);
  state.rows.clear();
  state.origin.reset();
}

std::optional<OriginMarker> NearestModule::marker() const {
  if (!state.origin) {
    return std::nullopt;
  }
  return OriginMarker{*state.origin, style::rgb(0x111111), 16.0f};
}

void start_nearest(AppState& app, core::XY origin) {
  NearestState& s = nearest_state(app);
  s.origin = origin;
  s.rows.clear();
  const std::vector<core::LayerPtr> layers = facility_layers(app);
  const std::vector<core::Category> categories = facility_categories(app);
  const std::size_t k = static_cast<std::size_t>(std::clamp(s.k, 1, 10));
  AnalysisJob job;
  job.key = NearestModule::kJob;
  job.label = "nearest";
  job.work = [layers, categories, k, origin](core::Progress& progress) {
    auto links = std::make_shared<core::Layer>();
    std::vector<NearestRow> rows;
    for (std::size_t i = 0; i < categories.size(); ++i) {
      analysis::NearestParams params;
      // A backup hospital is also a hospital; list it under its own category only.
      params.categories = {categories[i]};
      params.k = k;
      analysis::NearestResult r = analysis::nearest(origin, layers, params, &progress);
      for (const analysis::NearestRow& row : r.rows) {
        const analysis::NearestFacility& f = r.facilities[row.facility];
        rows.push_back(NearestRow{categories[i], row.rank, f.name, row.distance.value, f.position});
      }
      if (links->features.empty() && links->fields.empty()) {
        *links = std::move(r.links);
      } else {
        for (core::Feature& f : r.links.features) {
          links->features.push_back(std::move(f));
        }
      }
      core::report_progress(&progress, static_cast<double>(i + 1) / categories.size());
    }
    links->id = NearestModule::kLayer;
    links->title = "最寄り施設";
    links->category = core::Category::nearest_link;
    AnalysisResult result;
    result.apply = [rows = std::move(rows)](AppState& app) { nearest_state(app).rows = rows; };
    result.layers = {links};
    return result;
  };
  submit_analysis(app, std::move(job));
}

}  // namespace caremap::app
