#include "app/modules/analysis_job.hpp"

#include <memory>

#include "app/app_state.hpp"

namespace caremap::app {

void remove_result_layer(AppState& app, std::string_view id) {
  if (LayerEntry* e = find_layer(app, id)) {
    remove_layer(app, e->uid);
  }
}

void publish(AppState& app, const AnalysisResult& result) {
  if (result.apply) {
    result.apply(app);
  }
  for (const std::string& id : result.removed) {
    remove_result_layer(app, id);
  }
  for (std::size_t i = 0; i < result.layers.size(); ++i) {
    put_result_layer(app, result.layers[i],
                     i < result.indexes.size() ? result.indexes[i] : nullptr);
  }
  if (result.styled) {
    result.styled(app);
  }
}

JobId submit_analysis(AppState& app, AnalysisJob job) {
  return app.jobs.submit(
      std::move(job.label),
      [work = std::move(job.work),
       current = std::move(job.current)](core::Progress& progress) -> Completion {
        auto result = std::make_shared<AnalysisResult>(work(progress));
        // Hover and click search the results at once: their indexes are built here, not on the
        // UI thread at the first hover.
        result->indexes.clear();
        for (const core::LayerPtr& layer : result->layers) {
          result->indexes.push_back(build_index(layer));
        }
        return [result, current](AppState& app) {
          if (current && !current(app)) {
            return;  // computed for a network or closures that have changed since
          }
          publish(app, *result);
        };
      },
      std::move(job.key), std::move(job.outcome));
}

StillCurrent same_network(const AppState& app) {
  return [generation = app.network.generation](const AppState& now) {
    return now.network.generation == generation;
  };
}

}  // namespace caremap::app
