#pragma once
// The one way an analysis module runs work and applies its result: submit_analysis() queues a
// keyed job on the worker pool (a newer job with the same key replaces a queued or running one),
// drops a result that no longer fits the state when it arrives (`current`, e.g. the road network
// or the closures changed meanwhile), and publishes the result layers (replacing the previous
// run's layers of the same ids, removing the ones the result says are gone). Modules never
// compare generations or call put_result_layer themselves.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/job_runner.hpp"
#include "core/layer.hpp"
#include "index/layer_index.hpp"

namespace caremap::app {

/// What an analysis job hands back to the UI thread.
struct AnalysisResult {
  /// Figures for the module's state; runs first.
  std::function<void(AppState&)> apply;
  /// Result layers, put by id: a layer replaces the entry with its id (keeping its style).
  std::vector<core::LayerPtr> layers;
  /// Their spatial indexes, built by submit_analysis on the worker (empty: built on demand).
  std::vector<std::shared_ptr<const index::LayerIndex>> indexes;
  /// Ids of result layers this result removes (an empty result, a part not asked for).
  std::vector<std::string> removed;
  /// Runs once the layers are in (a ramp on a new entry, a default visibility).
  std::function<void(AppState&)> styled;
};

/// A check that a result still fits the state; true = apply it.
using StillCurrent = std::function<bool(const AppState&)>;

struct AnalysisJob {
  std::string key;       ///< one per kind of result
  std::string label;     ///< what the status bar shows
  StillCurrent current;  ///< null = always current (the key alone keeps the latest)
  std::function<AnalysisResult(core::Progress&)> work;
  JobOutcome outcome;  ///< optional; runs on result, error and cancel alike
};

JobId submit_analysis(AppState& app, AnalysisJob job);

/// Applies a result now, on the UI thread (what submit_analysis's completion does).
void publish(AppState& app, const AnalysisResult& result);

/// `current` for results that depend on the road network and the closures: true while
/// NetworkState::generation is what it was when the job was submitted.
StillCurrent same_network(const AppState& app);

/// Removes the result layer with this id, if present.
void remove_result_layer(AppState& app, std::string_view id);

}  // namespace caremap::app
