// The coverage section of the analysis panel: category, radius (live), mesh, per-city table.

#include <imgui.h>

#include "app/facility_layers.hpp"
#include "app/modules/coverage/coverage_module.hpp"
#include "app/modules/panel_widgets.hpp"

namespace caremap::app {

void CoverageModule::draw_panel(AppState& app, ViewState& /*view*/) {
  const Lang l = app.lang;
  bool changed = false;
  if (category_combo(tr(l, Str::analysis_category), state.category, facility_categories(app), l)) {
    // Another kind of facility has another reach (16 km for a clinic, 500 m for a
    // 指定緊急避難場所): start again from its own radius.
    state.radius_m = static_cast<float>(coverage_radius_for(app, state.category).value);
    state.radius_from_user = false;
    changed = true;
  }
  ImGui::SetNextItemWidth(200);
  if (ImGui::SliderFloat(tr(l, Str::analysis_radius), &state.radius_m, 100.0f, 30000.0f, "%.0f m",
                         ImGuiSliderFlags_Logarithmic)) {
    state.radius_from_user = true;
    changed = state.live;
  }
  if (ImGui::Checkbox(tr(l, Str::analysis_mesh), &state.mesh)) {
    changed = true;
  }
  if (ImGui::Button(tr(l, Str::analysis_run))) {
    changed = true;
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(l, Str::analysis_clear))) {
    for (const auto& m : app.modules) {
      if (m->tab() == ModuleTab::basic) {
        m->clear(app);
      }
    }
  }
  if (changed) {
    start_coverage(app);
  }
  if (app.jobs.busy(kJob)) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(l, Str::analysis_running));
  }
  if (state.cities.empty()) {
    return;
  }
  ImGui::TextDisabled("%s · %zu · %.2f s", state.computed_for.c_str(), state.facilities,
                      state.seconds);
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  if (ImGui::BeginTable("coverage", 4, flags)) {
    ImGui::TableSetupColumn(tr(l, Str::analysis_city));
    ImGui::TableSetupColumn(tr(l, Str::analysis_covered));
    ImGui::TableSetupColumn(tr(l, Str::analysis_area_km2));
    ImGui::TableSetupColumn(tr(l, Str::analysis_backup));
    ImGui::TableHeadersRow();
    double total = 0;
    double covered = 0;
    double backup = 0;
    for (const CityCoverageRow& c : state.cities) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(c.city.c_str());
      ImGui::TableSetColumnIndex(1);
      ImGui::Text("%.1f %%", c.covered_pct);
      ImGui::TableSetColumnIndex(2);
      ImGui::Text("%.1f / %.1f", c.covered_km2, c.city_km2);
      ImGui::TableSetColumnIndex(3);
      ImGui::Text("%.1f %%", c.backup_pct);
      total += c.city_km2;
      covered += c.covered_km2;
      backup += c.backup_km2;
    }
    if (state.cities.size() > 1 && total > 0) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextDisabled("%s", tr(l, Str::analysis_total));
      ImGui::TableSetColumnIndex(1);
      ImGui::Text("%.1f %%", 100.0 * covered / total);
      ImGui::TableSetColumnIndex(2);
      ImGui::Text("%.1f / %.1f", covered, total);
      ImGui::TableSetColumnIndex(3);
      ImGui::Text("%.1f %%", 100.0 * backup / total);
    }
    ImGui::EndTable();
  }
}

}  // namespace caremap::app
