// The service-area section of the network tab: source, bands, mode and shape, the band table.

#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/facility_layers.hpp"
#include "app/modules/panel_widgets.hpp"
#include "app/modules/service_areas/service_areas_module.hpp"
#include "app/network_jobs.hpp"
#include "app/symbol_icons.hpp"
#include "core/number_format.hpp"

namespace caremap::app {

void ServiceAreasModule::draw_panel(AppState& app, ViewState& /*view*/) {
  const Lang l = app.lang;
  const bool enabled = current_network(app.network) != nullptr;
  ServiceAreasState& n = state;
  ImGui::PushID("service_area");
  ImGui::BeginDisabled(!enabled);
  int source = static_cast<int>(n.source);
  ImGui::RadioButton(tr(l, Str::net_sa_from_point), &source, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr(l, Str::net_sa_from_selection), &source, 1);
  ImGui::SameLine();
  ImGui::RadioButton(tr(l, Str::net_sa_from_category), &source, 2);
  n.source = static_cast<ServiceAreaSource>(source);
  if (n.source == ServiceAreaSource::clicked_point) {
    if (pick_button(n.picking, l)) {
      stop_all_picking(app);
      n.picking = true;
    }
    disabled_reason(enabled, l);
  } else if (n.source == ServiceAreaSource::category) {
    keep_present(n.category, facility_categories(app));
    category_combo(tr(l, Str::analysis_category), n.category, facility_categories(app), l);
  }
  ImGui::SetNextItemWidth(140);
  ImGui::InputText(tr(l, Str::net_bands), &n.bands);
  const char* modes[] = {tr(l, Str::net_mode_overlap), tr(l, Str::net_mode_split),
                         tr(l, Str::net_mode_dissolve)};
  ImGui::SetNextItemWidth(200);
  ImGui::Combo(tr(l, Str::net_mode), &n.mode, modes, 3);
  const char* shapes[] = {tr(l, Str::net_shape_disks), tr(l, Str::net_shape_rings)};
  ImGui::SetNextItemWidth(200);
  ImGui::Combo(tr(l, Str::net_shape), &n.shape, shapes, 2);
  if (ImGui::Button(tr(l, Str::analysis_run))) {
    start_service_area(app);
  }
  disabled_reason(enabled, l);
  ImGui::EndDisabled();
  ImGui::PopID();
  if (!enabled) {
    wrapped_quiet(tr(l, Str::net_disabled_no_network));
  }
  if (!n.note.empty() && enabled) {
    wrapped_quiet(n.note.c_str());
  }
  if (n.bands_result.empty()) {
    return;
  }
  const std::vector<style::Rgba> colours =
      style::sequential_ramp(n.bands_result.size(), kBandAlpha);
  const ImGuiTableFlags flags =
      ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
  const bool people = !n.demand_basis.empty();
  if (ImGui::BeginTable("bands", people ? 4 : 3, flags)) {
    ImGui::TableSetupColumn(tr(l, Str::net_band));
    if (people) {
      ImGui::TableSetupColumn(tr(l, Str::sa_people_75));
    }
    ImGui::TableSetupColumn(tr(l, Str::analysis_area_km2));
    ImGui::TableSetupColumn(tr(l, Str::net_polygons));
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < n.bands_result.size(); ++i) {
      const BandArea& b = n.bands_result[i];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const style::Symbol base = style::default_symbol(core::Category::service_area);
      style::FillSymbol fill = base.fill;
      fill.fill = colours[i];
      draw_fill_icon(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + 3), 16.0f, fill);
      ImGui::Dummy(ImVec2(20, 16));
      ImGui::SameLine();
      ImGui::Text(tr(l, Str::net_within_min), b.band_min);
      int col = 1;
      if (people) {
        ImGui::TableSetColumnIndex(col++);
        ImGui::Text("%s (%s)", core::format_people(b.people.value_or(0.0)).c_str(),
                    core::format_people(b.people_75plus.value_or(0.0)).c_str());
      }
      ImGui::TableSetColumnIndex(col++);
      ImGui::Text("%.2f", b.area_km2);
      ImGui::TableSetColumnIndex(col);
      ImGui::Text("%zu", b.polygons);
    }
    ImGui::EndTable();
  }
  if (people) {
    wrapped_quiet((std::string(tr(l, Str::words_people_lead)) + n.demand_basis.in(l) +
                   tr(l, Str::sa_people_once))
                      .c_str());
  }
}

}  // namespace caremap::app
