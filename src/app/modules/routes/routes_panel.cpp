// The travel-time nearest section of the network tab: pick a place, k, the table.

#include <imgui.h>

#include "app/facility_table.hpp"
#include "app/modules/panel_widgets.hpp"
#include "app/modules/routes/routes_module.hpp"
#include "app/network_jobs.hpp"

namespace caremap::app {

void RoutesModule::draw_panel(AppState& app, ViewState& /*view*/) {
  const Lang l = app.lang;
  const bool enabled = current_network(app.network) != nullptr;
  wrapped_quiet(tr(l, Str::net_route_hint));
  ImGui::PushID("routes");
  ImGui::BeginDisabled(!enabled);
  if (pick_button(state.picking, l)) {
    stop_all_picking(app);
    state.picking = true;
  }
  disabled_reason(enabled, l);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  if (ImGui::SliderInt(tr(l, Str::analysis_k), &state.k, 1, 5) && state.origin) {
    start_route_nearest(app, *state.origin);
  }
  ImGui::EndDisabled();
  ImGui::PopID();
  if (!enabled) {
    wrapped_quiet(tr(l, Str::net_disabled_no_network));
  }
  if (!state.note.empty() && enabled) {
    wrapped_quiet(state.note.c_str());
  }
  if (state.rows.empty()) {
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  if (ImGui::BeginTable("routes", 4, flags)) {
    ImGui::TableSetupColumn(tr(l, Str::analysis_rank), ImGuiTableColumnFlags_WidthFixed, 34);
    ImGui::TableSetupColumn(tr(l, Str::analysis_facility));
    ImGui::TableSetupColumn(tr(l, Str::net_minutes), ImGuiTableColumnFlags_WidthFixed, 52);
    ImGui::TableSetupColumn(tr(l, Str::net_road_km), ImGuiTableColumnFlags_WidthFixed, 64);
    ImGui::TableHeadersRow();
    CategoryHeadings headings(l);
    for (const RouteRow& r : state.rows) {
      headings.before_row(r.category);
      facility_row(r.rank, r.name);
      ImGui::TableSetColumnIndex(2);
      ImGui::Text("%.1f", r.time_s / 60.0);
      ImGui::TableSetColumnIndex(3);
      ImGui::Text("%.2f", r.length_m / 1000.0);
    }
    ImGui::EndTable();
  }
}

}  // namespace caremap::app
