#pragma once
// Coverage by straight-line radius: covered area, gaps, per-city figures and the 500 m backup
// mesh (result layers "coverage_area", "coverage_gap", "coverage_mesh"). The radius slider
// recomputes live; jobs coalesce, so a moving slider only computes its latest value.

#include <optional>
#include <string>
#include <vector>

#include "app/modules/analysis_module.hpp"
#include "app/report_export.hpp"
#include "core/category.hpp"
#include "core/lang.hpp"

namespace caremap::app {

/// People of one city within reach, when the region has a population layer.
struct CityPeopleRow {
  double people = 0.0;
  double covered_pct = 0.0;  ///< of the city's people
  double people_75plus = 0.0;
  double covered_75plus_pct = 0.0;
  double backup_pct = 0.0;  ///< within reach of two or more facilities
};

struct CityCoverageRow {
  std::string city;
  double city_km2 = 0.0;
  double covered_km2 = 0.0;
  double covered_pct = 0.0;
  double backup_km2 = 0.0;
  double backup_pct = 0.0;
  std::optional<CityPeopleRow> people;
};

struct CoverageState {
  core::Category category = core::Category::clinic;
  /// What the slider shows: the category's radius (coverage_radius_for) until the user moves
  /// it, then the user's radius for every facility of the run (as `caremap coverage --radius`).
  float radius_m = 16000.0f;
  bool radius_from_user = false;
  bool mesh = true;
  bool live = true;  ///< recompute while the slider moves (coalesced on the job pool)
  std::vector<CityCoverageRow> cities;
  std::size_t facilities = 0;
  double seconds = 0.0;
  std::string computed_for;              ///< "clinic 4000 m": what the shown figures belong to
  std::optional<CityCoverageRow> total;  ///< all cities together
  core::LocalText demand_basis;          ///< what the people figures stand on
  ReportExportState report;              ///< the Report button (app/report_export.hpp)
};

class CoverageModule final : public AnalysisModule {
 public:
  static constexpr const char* kJob = "coverage";
  static constexpr const char* kCovered = "coverage_area";
  static constexpr const char* kGap = "coverage_gap";
  static constexpr const char* kMesh = "coverage_mesh";

  CoverageState state;

  std::string_view id() const override { return "coverage"; }
  ModuleTab tab() const override { return ModuleTab::basic; }
  const char* title(core::Lang lang) const override;
  void draw_panel(AppState& app, ViewState& view) override;
  void clear(AppState& app) override;
};

CoverageState& coverage_state(AppState& app);

/// The per-city table (people covered and 75+ when counted, area covered, backup).
void draw_coverage_table(const CoverageState& state, core::Lang l);

/// Coverage for the state's category and radius.
void start_coverage(AppState& app);

}  // namespace caremap::app
