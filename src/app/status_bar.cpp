#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "app/crs_display.hpp"
#include "app/panels.hpp"
#include "crs/transformer.hpp"

namespace caremap::app {

void draw_status_bar(AppState& app, ViewState& view, const PanelLayout& layout) {
  const Lang l = app.lang;
  ImGui::SetNextWindowPos(ImVec2(0, view.window_h - layout.status_h), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(view.window_w, layout.status_h), ImGuiCond_Always);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 4));
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings);
  const std::string crs = crs_display(app.working_crs, l);
  if (view.cursor_world && app.lonlat) {
    const core::XY p = *view.cursor_world;
    try {
      const core::LonLat g = app.lonlat->inverse(p);
      ImGui::Text("%s  %.5f°E %.5f°N   %s  X %.1f  Y %.1f m", tr(l, Str::status_cursor), g.lon,
                  g.lat, crs.c_str(), p.x, p.y);
    } catch (const std::exception&) {
      ImGui::Text("%s  X %.1f  Y %.1f m", tr(l, Str::status_cursor), p.x, p.y);
    }
  } else {
    ImGui::TextDisabled("%s: %s", tr(l, Str::status_crs), crs.c_str());
  }
  if (ImGui::IsItemHovered() && crs != app.working_crs) {
    ImGui::SetTooltip("%s", app.working_crs.c_str());
  }
  ImGui::SameLine(560);
  // Map scale as a printed map would state it, at 96 dpi (0.2646 mm per pixel).
  const double scale = view.camera.meters_per_pixel() / 0.0254 * 96.0;
  const double step = std::pow(10.0, std::floor(std::log10(scale)) - 1);
  ImGui::Text("%s 1:%.0f", tr(l, Str::status_scale), std::round(scale / step) * step);
  ImGui::SameLine(760);
  const std::vector<JobStatus> jobs = app.jobs.status();
  if (!jobs.empty()) {
    const JobStatus& j = jobs.front();
    ImGui::TextUnformatted(j.label.c_str());
    ImGui::SameLine();
    ImGui::ProgressBar(static_cast<float>(j.fraction), ImVec2(160, 0),
                       j.stage.empty() ? nullptr : j.stage.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(l, Str::status_cancel))) {
      app.jobs.cancel(j.id);
    }
  } else if (!app.log.empty()) {
    ImGui::TextDisabled("%s", app.log.back().c_str());
  } else {
    ImGui::TextDisabled("%s", tr(l, Str::status_ready));
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace caremap::app
