// The coverage section of the analysis panel: category, radius (live), mesh, per-city table.

#include <imgui.h>

#include "app/facility_layers.hpp"
#include "app/modules/coverage/coverage_module.hpp"
#include "app/modules/panel_widgets.hpp"

namespace caremap::app {

namespace {

// One row: people covered (and 75+) when counted, area covered, backup; km² in the tooltip.
void draw_row(const CityCoverageRow& c, const char* name, bool quiet, bool people) {
  ImGui::TableNextRow();
  ImGui::TableSetColumnIndex(0);
  if (quiet) {
    ImGui::TextDisabled("%s", name);
  } else {
    ImGui::TextUnformatted(name);
  }
  int col = 1;
  if (people) {
    ImGui::TableSetColumnIndex(col++);
    ImGui::Text("%.1f %%", c.people ? c.people->covered_pct : 0.0);
    ImGui::TableSetColumnIndex(col++);
    ImGui::Text("%.1f %%", c.people ? c.people->covered_75plus_pct : 0.0);
  }
  ImGui::TableSetColumnIndex(col++);
  ImGui::Text("%.1f %%", c.covered_pct);
  if (ImGui::IsItemHovered()) {
    ImGui::SetTooltip("%.1f / %.1f km²", c.covered_km2, c.city_km2);
  }
  ImGui::TableSetColumnIndex(col);
  ImGui::Text("%.1f %%", people && c.people ? c.people->backup_pct : c.backup_pct);
}

void draw_figures(const CoverageState& state, Lang l);

}  // namespace

void draw_coverage_table(const CoverageState& state, Lang l) {
  const bool people = state.total && state.total->people.has_value();
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  if (!ImGui::BeginTable("coverage", people ? 5 : 3, flags)) {
    return;
  }
  ImGui::TableSetupColumn(tr(l, Str::analysis_city));
  if (people) {
    ImGui::TableSetupColumn(tr(l, Str::words_people));
    ImGui::TableSetupColumn(tr(l, Str::words_75plus));
  }
  ImGui::TableSetupColumn(tr(l, Str::words_area));
  ImGui::TableSetupColumn(tr(l, Str::analysis_backup));
  ImGui::TableHeadersRow();
  for (const CityCoverageRow& c : state.cities) {
    draw_row(c, c.city.c_str(), false, people);
  }
  if (state.cities.size() > 1 && state.total) {
    draw_row(*state.total, tr(l, Str::analysis_total), true, people);
  }
  ImGui::EndTable();
}

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
  if (!state.cities.empty()) {
    draw_figures(state, l);
  }
  draw_report_section(app, state.report, kCoverageReportJob, "coverage", start_coverage_report);
}

namespace {

void draw_figures(const CoverageState& state, Lang l) {
  ImGui::TextDisabled("%s · %zu · %.2f s", state.computed_for.c_str(), state.facilities,
                      state.seconds);
  draw_coverage_table(state, l);
  if (!state.demand_basis.empty()) {
    wrapped_quiet((std::string(tr(l, Str::words_people_lead)) + state.demand_basis.in(l)).c_str());
  }
}

}  // namespace

}  // namespace caremap::app
