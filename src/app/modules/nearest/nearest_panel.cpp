// The straight-line nearest section of the analysis panel: pick a place, k, the table.

#include <imgui.h>

#include "app/facility_table.hpp"
#include "app/modules/nearest/nearest_module.hpp"
#include "app/modules/panel_widgets.hpp"

namespace caremap::app {

void NearestModule::draw_panel(AppState& app, ViewState& /*view*/) {
  const Lang l = app.lang;
  wrapped_quiet(tr(l, Str::analysis_nearest_hint));
  if (pick_button(state.picking, l)) {
    state.picking = true;
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::SliderInt(tr(l, Str::analysis_k), &state.k, 1, 5);
  if (state.rows.empty()) {
    return;
  }
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  if (ImGui::BeginTable("nearest", 3, flags)) {
    ImGui::TableSetupColumn(tr(l, Str::analysis_rank), ImGuiTableColumnFlags_WidthFixed, 34);
    ImGui::TableSetupColumn(tr(l, Str::analysis_facility));
    ImGui::TableSetupColumn(tr(l, Str::analysis_distance), ImGuiTableColumnFlags_WidthFixed, 76);
    ImGui::TableHeadersRow();
    CategoryHeadings headings(l);
    for (const NearestRow& r : state.rows) {
      headings.before_row(r.category);
      facility_row(r.rank, r.name);
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(distance_text(r.distance_m).c_str());
    }
    ImGui::EndTable();
  }
}

}  // namespace caremap::app
