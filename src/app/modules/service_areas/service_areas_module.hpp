#pragma once
// Service areas: what is reachable within time bands from a clicked place, the selected facility
// or every facility of a category (result layer "service_area", one ramp class per band), with
// the area per band in the panel. Recomputed when the network or the closures change.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/modules/analysis_module.hpp"
#include "core/category.hpp"
#include "core/geometry.hpp"
#include "core/lang.hpp"

namespace caremap::app {

/// Opacity of service-area band fills: nearly opaque, so nested disks (drawn largest first) show
/// the legend's colour in each band, while a little of the map beneath stays visible. Roads are
/// drawn above the bands.
inline constexpr std::uint8_t kBandAlpha = 225;

enum class ServiceAreaSource { clicked_point, selected_facility, category };

struct BandArea {
  double band_min = 0.0;
  double area_km2 = 0.0;  ///< summed over facilities (overlap mode counts overlaps twice)
  std::size_t polygons = 0;
  /// People within the band from any facility (counted once), with a population layer.
  std::optional<double> people;
  std::optional<double> people_75plus;
};

struct ServiceAreasState {
  bool picking = false;
  ServiceAreaSource source = ServiceAreaSource::clicked_point;
  core::Category category = core::Category::hospital;
  std::optional<core::XY> origin;
  std::string bands = "5,10,15,30";  ///< minutes, the editable text
  int mode = 0;                      ///< analysis::ServiceAreaMode: overlap, split, dissolve
  int shape = 0;                     ///< analysis::BandShape: disks, rings
  bool requested = false;            ///< recompute when the network or closures change
  std::vector<BandArea> bands_result;
  core::LocalText demand_basis;  ///< what the people figures stand on; empty: none counted
  std::string note;
};

class ServiceAreasModule final : public AnalysisModule {
 public:
  static constexpr const char* kJob = "network-service-area";
  static constexpr const char* kLayer = "service_area";

  ServiceAreasState state;

  std::string_view id() const override { return "service_areas"; }
  ModuleTab tab() const override { return ModuleTab::network; }
  const char* title(core::Lang lang) const override;
  void draw_panel(AppState& app, ViewState& view) override;
  bool picking() const override { return state.picking; }
  void stop_picking() override { state.picking = false; }
  void picked(AppState& app, core::XY at) override;
  void network_changed(AppState& app) override;
  void clear(AppState& app) override;
  std::optional<OriginMarker> marker() const override;
};

ServiceAreasState& service_area_state(AppState& app);

/// Service areas for the state's source, bands, mode and shape. Sets the state's note (and
/// computes nothing) when the input is incomplete.
void start_service_area(AppState& app);

/// The bands text as minutes (core/duration_list.hpp's parser): sorted, duplicates removed;
/// nullopt when invalid or more than 8 bands.
std::optional<std::vector<double>> parse_band_minutes(std::string_view text);

}  // namespace caremap::app
