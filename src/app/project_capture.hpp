#pragma once
// The viewer's current project state (app/project_state.hpp), read from AppState, ViewState and
// the modules' states: what the autosave writes. UI thread only (it reads module state and
// converts places with app.lonlat).

#include "app/app_state.hpp"
#include "app/project_state.hpp"

namespace caremap::app {

/// The state as it is now. Places are converted to longitude/latitude with app.lonlat; without
/// it (nothing opened yet) only the region, files and parameters are captured.
/// O(layers + closure vertices + what-if clinics).
ProjectState capture_project_state(AppState& app, const ViewState& view);

}  // namespace caremap::app
