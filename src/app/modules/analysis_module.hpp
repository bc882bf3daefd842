#pragma once
// One analysis in the viewer (straight-line nearest, coverage, travel-time nearest, service
// areas, closures; later drills, planning, reports): its state, its jobs and how their results
// are applied, its panel section and its strings, in its own folder under app/modules/. The
// viewer knows analyses only through this interface and the registration list (registry.cpp):
// the analysis panel draws every module's section on its tab, a map click goes to the module
// that is picking, the map draws each module's origin marker, and a change of road network or
// closures reaches every module through network_changed().
//
// Ownership: a module owns its parameters and figures (`state`, plain data, UI thread only) and
// its result layers (by id, in AppState::layers). What several modules read - the loaded road
// network, the closures and their overlay - is NetworkState's (network_state.hpp); the layers
// the user opened are AppState's.

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/geometry.hpp"
#include "core/lang.hpp"
#include "style/style.hpp"

namespace caremap::app {

struct AppState;
struct ViewState;

/// The tab of the analysis panel a module's section is on.
enum class ModuleTab { basic, network };

/// The place a module's analysis starts from, drawn on the map as a cross.
struct OriginMarker {
  core::XY at;
  style::Rgba colour;
  float size_px = 18.0f;
};

class AnalysisModule {
 public:
  virtual ~AnalysisModule() = default;

  /// Stable id ("coverage", "service_areas"): the module's job keys start with it, and
  /// ViewState::open_sections names sections by it.
  virtual std::string_view id() const = 0;
  virtual ModuleTab tab() const = 0;
  /// The section header in the analysis panel.
  virtual const char* title(core::Lang lang) const = 0;
  /// The section's contents (inside an open header, inside an ImGui frame).
  virtual void draw_panel(AppState& app, ViewState& view) = 0;

  /// True while the next map click belongs to this module.
  virtual bool picking() const { return false; }
  virtual void stop_picking() {}
  /// The map was clicked at `at` (working CRS) while picking() was true.
  virtual void picked(AppState& /*app*/, core::XY /*at*/) {}

  /// The road network or the closures changed: recompute what depends on them.
  virtual void network_changed(AppState& /*app*/) {}
  /// Removes the module's result layers and figures (not its parameters).
  virtual void clear(AppState& app) = 0;

  /// Where the module's analysis starts from, if it shows one on the map.
  virtual std::optional<OriginMarker> marker() const { return std::nullopt; }
};

using ModuleList = std::vector<std::unique_ptr<AnalysisModule>>;

/// Every analysis of the viewer, in panel order (registry.cpp: the one registration list).
ModuleList make_modules();

/// The module the next map click belongs to, if any.
AnalysisModule* picking_module(AppState& app);

/// Ends every module's picking (Escape, another tool started).
void stop_all_picking(AppState& app);

}  // namespace caremap::app
