// The planning section of the analysis panel: reach, the what-if tools (add, remove, move a
// clinic by clicking the map), people with 0 / 1 / 2+ clinics in reach against the baseline, and
// the N-1 ranking after the edits.

#include <imgui.h>

#include <cmath>
#include <string>

#include "app/modules/panel_widgets.hpp"
#include "app/modules/plan/plan_module.hpp"

namespace caremap::app {

namespace {

void tool_button(const char* label, PlanTool tool, PlanState& s) {
  const bool active = s.tool == tool;
  if (active) {
    ImGui::PushStyleColor(ImGuiCol_Button, kPanelActive);
  }
  if (ImGui::Button(label)) {
    s.tool = active ? PlanTool::none : tool;
    s.moving.reset();
  }
  if (active) {
    ImGui::PopStyleColor();
  }
}

// "12,345 (+120)": the scenario's figure and its change from the baseline.
void people_cell(double now, double before) {
  const double d = now - before;
  if (std::abs(d) < 0.5) {
    ImGui::Text("%.0f", now);
  } else {
    ImGui::Text("%.0f (%+.0f)", now, d);
  }
}

}  // namespace

void PlanModule::draw_panel(AppState& app, ViewState& /*view*/) {
  const Lang l = app.lang;
  wrapped_quiet(tr(l, Str::plan_hint));
  ImGui::SetNextItemWidth(200);
  ImGui::SliderFloat(tr(l, Str::plan_reach), &state.reach_min, 5.0f, 40.0f, "%.0f min");
  // A new reach is a new baseline (every clinic's reach changes): built when the slider is let go.
  const bool reach_changed = ImGui::IsItemDeactivatedAfterEdit() && state.baseline;
  if (ImGui::Button(tr(l, state.baseline ? Str::plan_recompute : Str::plan_start)) ||
      reach_changed) {
    start_plan_baseline(app);
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(l, Str::analysis_clear))) {
    clear(app);
  }
  if (app.jobs.busy(kBaselineJob) || app.jobs.busy(kWhatIfJob)) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(l, Str::analysis_running));
  }
  if (!state.note.empty()) {
    ImGui::TextColored(kPanelWarning, "%s", state.note.c_str());
  }
  if (!state.baseline) {
    return;
  }
  tool_button(tr(l, Str::plan_add), PlanTool::add, state);
  ImGui::SameLine();
  tool_button(tr(l, Str::plan_remove), PlanTool::remove, state);
  ImGui::SameLine();
  tool_button(tr(l, Str::plan_move), PlanTool::move, state);
  if (state.tool == PlanTool::move && state.moving) {
    ImGui::TextColored(kPanelActive, "%s: %s", tr(l, Str::plan_move_to),
                       state.baseline->sites[*state.moving].name.c_str());
  }
  ImGui::TextDisabled("%s: %zu · %s: %zu · %.1f ms", tr(l, Str::plan_added), state.added.size(),
                      tr(l, Str::plan_removed), state.removed.size(), state.recompute_ms);
  wrapped_quiet((std::string(tr(l, Str::plan_distance)) + ": " + state.distance).c_str());
  wrapped_quiet((std::string(tr(l, Str::plan_demand)) + ": " + state.demand).c_str());
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  if (!state.rows.empty() && ImGui::BeginTable("plan_cover", 6, flags)) {
    ImGui::TableSetupColumn(tr(l, Str::analysis_city));
    ImGui::TableSetupColumn(tr(l, Str::plan_cover_none));
    ImGui::TableSetupColumn(tr(l, Str::plan_cover_one));
    ImGui::TableSetupColumn(tr(l, Str::plan_cover_two));
    ImGui::TableSetupColumn(tr(l, Str::plan_gain));
    ImGui::TableSetupColumn(tr(l, Str::plan_lose));
    ImGui::TableHeadersRow();
    for (const PlanCityRow& r : state.rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(r.city.c_str());
      ImGui::TableSetColumnIndex(1);
      people_cell(r.none, r.base_none);
      ImGui::TableSetColumnIndex(2);
      people_cell(r.one, r.base_one);
      ImGui::TableSetColumnIndex(3);
      people_cell(r.two_plus, r.base_two_plus);
      ImGui::TableSetColumnIndex(4);
      ImGui::Text("%.0f / %.0f", r.gained_cover, r.gained_backup);
      ImGui::TableSetColumnIndex(5);
      ImGui::Text("%.0f / %.0f", r.lost_cover, r.lost_backup);
    }
    ImGui::EndTable();
  }
  if (!state.n_minus_one.empty()) {
    ImGui::TextUnformatted(tr(l, Str::plan_n1));
    if (ImGui::BeginTable("plan_n1", 3, flags)) {
      ImGui::TableSetupColumn(tr(l, Str::plan_clinic));
      ImGui::TableSetupColumn(tr(l, Str::plan_lose_cover_75));
      ImGui::TableSetupColumn(tr(l, Str::plan_lose_backup));
      ImGui::TableHeadersRow();
      for (const PlanLossRow& r : state.n_minus_one) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(r.clinic.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::Text("%.0f (%.0f)", r.lost_cover, r.lost_cover_75plus);
        ImGui::TableSetColumnIndex(2);
        ImGui::Text("%.0f", r.lost_backup);
      }
      ImGui::EndTable();
    }
  }
}

}  // namespace caremap::app
