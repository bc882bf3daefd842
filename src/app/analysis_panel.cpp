#include <imgui.h>

#include <cstdio>
#include <optional>
#include <utility>

#include "app/analysis_jobs.hpp"
#include "app/category_title.hpp"
#include "app/facility_layers.hpp"
#include "app/facility_table.hpp"
#include "app/panels.hpp"

namespace caremap::app {

namespace {

std::string distance_text(double m) {
  char buf[32];
  if (m >= 1000.0) {
    std::snprintf(buf, sizeof buf, "%.2f km", m / 1000.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f m", m);
  }
  return buf;
}

void draw_nearest(AppState& app, Lang l) {
  text_wrapped(tr(l, Str::analysis_nearest_hint), TextTone::quiet);
  if (app.nearest.picking) {
    ImGui::TextColored(ImVec4(0.0f, 0.45f, 0.70f, 1.0f), "%s", tr(l, Str::analysis_picking));
  } else if (ImGui::Button(tr(l, Str::analysis_pick))) {
    app.nearest.picking = true;
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::SliderInt(tr(l, Str::analysis_k), &app.nearest.k, 1, 5);
  if (app.nearest.rows.empty()) {
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
    for (const NearestRow& r : app.nearest.rows) {
      headings.before_row(r.category);
      facility_row(r.rank, r.name);
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(distance_text(r.distance_m).c_str());
    }
    ImGui::EndTable();
  }
}

void draw_coverage(AppState& app, Lang l) {
  const std::vector<core::Category>& categories = facility_categories(app);
  bool changed = false;
  ImGui::SetNextItemWidth(200);
  if (ImGui::BeginCombo(tr(l, Str::analysis_category),
                        category_title(app.coverage.category, l).c_str())) {
    for (core::Category c : categories) {
      if (ImGui::Selectable(category_title(c, l).c_str(), c == app.coverage.category)) {
        // Another kind of facility has another reach (16 km for a clinic, 500 m for a
        // 指定緊急避難場所): start again from its own radius.
        app.coverage.category = c;
        app.coverage.radius_m = static_cast<float>(coverage_radius_for(app, c).value);
        app.coverage.radius_from_user = false;
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SetNextItemWidth(200);
  if (ImGui::SliderFloat(tr(l, Str::analysis_radius), &app.coverage.radius_m, 100.0f, 30000.0f,
                         "%.0f m", ImGuiSliderFlags_Logarithmic)) {
    app.coverage.radius_from_user = true;
    changed = app.coverage.live;
  }

  if (ImGui::Checkbox(tr(l, Str::analysis_mesh), &app.coverage.mesh)) {
    changed = true;
  }
  if (ImGui::Button(tr(l, Str::analysis_run))) {
    changed = true;
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(l, Str::analysis_clear))) {
    clear_analysis(app);
  }
  if (changed) {
    start_coverage(app);
  }
  bool running = false;
  for (const JobStatus& s : app.jobs.status()) {
    running = running || s.label == "coverage";
  }
  if (running) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(l, Str::analysis_running));
  }
  if (app.coverage.cities.empty()) {
    return;
  }
  ImGui::TextDisabled("%s · %zu · %.2f s", app.coverage.computed_for.c_str(),
                      app.coverage.facilities, app.coverage.seconds);
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
    for (const CityCoverageRow& c : app.coverage.cities) {
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
    if (app.coverage.cities.size() > 1 && total > 0) {
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

}  // namespace

void draw_analysis_panel(AppState& app, ViewState& view, const PanelLayout& layout) {
  if (!view.show_analysis) {
    return;
  }
  const Lang l = app.lang;
  const float avail_h = view.window_h - layout.menu_h - layout.status_h;
  const float top = view.show_inspector ? layout.menu_h + avail_h * 0.42f : layout.menu_h;
  ImGui::SetNextWindowPos(ImVec2(view.window_w - layout.right_w, top), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(layout.right_w, layout.menu_h + avail_h - top), ImGuiCond_Always);
  ImGui::Begin(tr(l, Str::panel_analysis), nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);
  if (ImGui::BeginTabBar("analysis_tabs")) {
    const std::optional<int> request = std::exchange(view.analysis_tab_request, std::nullopt);
    auto flags = [&](int tab) {
      return request == tab ? ImGuiTabItemFlags_SetSelected : ImGuiTabItemFlags_None;
    };
    if (ImGui::BeginTabItem(tr(l, Str::analysis_tab_basic), nullptr, flags(0))) {
      if (ImGui::CollapsingHeader(tr(l, Str::analysis_nearest), ImGuiTreeNodeFlags_DefaultOpen)) {
        draw_nearest(app, l);
      }
      ImGui::Spacing();
      if (ImGui::CollapsingHeader(tr(l, Str::analysis_coverage), ImGuiTreeNodeFlags_DefaultOpen)) {
        draw_coverage(app, l);
      }
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(tr(l, Str::analysis_tab_network), nullptr, flags(1))) {
      draw_network_tab(app, view);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::End();
}

}  // namespace caremap::app
