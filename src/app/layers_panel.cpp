#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "app/legend_model.hpp"
#include "app/loading.hpp"
#include "app/panels.hpp"
#include "app/symbol_icons.hpp"
#include "app/tile_basemap.hpp"

namespace caremap::app {

namespace {

float to_float(std::uint8_t v) {
  return static_cast<float>(v) / 255.0f;
}
std::uint8_t to_byte(float v) {
  return static_cast<std::uint8_t>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f);
}

void draw_style_editor(LayerEntry& e, Lang l) {
  ImGui::SliderFloat(tr(l, Str::layers_opacity), &e.style.opacity, 0.0f, 1.0f, "%.2f");
  if (!e.layer) {
    return;
  }
  const style::LayerSymbology& sym = symbology(e);
  const style::Symbol& first =
      sym.classes.empty() ? style::default_symbol(e.layer->category) : sym.classes.front().symbol;
  const style::Rgba base = e.style.color.value_or(first.point.fill);
  float rgb[3] = {to_float(base.r), to_float(base.g), to_float(base.b)};
  if (ImGui::ColorEdit3(tr(l, Str::layers_colour), rgb, ImGuiColorEditFlags_NoInputs)) {
    e.style.color = style::Rgba{to_byte(rgb[0]), to_byte(rgb[1]), to_byte(rgb[2]), 255};
  }
  float size = e.style.size_px.value_or(first.point.size_px);
  if (ImGui::SliderFloat(tr(l, Str::layers_size), &size, 3.0f, 40.0f, "%.0f px")) {
    e.style.size_px = size;
  }
  ImGui::Checkbox(tr(l, Str::layers_labels), &e.style.labels);
  if (ImGui::SmallButton(tr(l, Str::layers_reset_style))) {
    e.style = style::default_layer_style(*e.layer);
  }
}

void draw_diagnostics(const LayerEntry& e, Lang l) {
  if (e.diagnostics.empty()) {
    ImGui::TextDisabled("%s: %s", tr(l, Str::layers_diagnostics), tr(l, Str::layers_no_problems));
    return;
  }
  ImGui::TextUnformatted(tr(l, Str::layers_diagnostics));
  for (const auto& [code, count] : e.diagnostics.counts_by_code()) {
    ImGui::BulletText("%zu %s: %s", count, tr(l, Str::rows_skipped),
                      core::describe_code(code).c_str());
  }
  if (ImGui::IsItemHovered() && !e.diagnostics.items().empty()) {
    ImGui::BeginTooltip();
    std::size_t shown = 0;
    for (const core::Diagnostic& d : e.diagnostics.items()) {
      ImGui::TextUnformatted(core::format(d).c_str());
      if (++shown == 12) {
        ImGui::TextDisabled("…");
        break;
      }
    }
    ImGui::EndTooltip();
  }
}

}  // namespace

void draw_layers_panel(AppState& app, ViewState& view, const PanelLayout& layout) {
  if (!view.show_layers) {
    return;
  }
  const Lang l = app.lang;
  const float avail_h = view.window_h - layout.menu_h - layout.status_h;
  const float h = view.show_legend ? avail_h * 0.56f : avail_h;
  ImGui::SetNextWindowPos(ImVec2(0, layout.menu_h), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(layout.left_w, h), ImGuiCond_Always);
  ImGui::Begin(tr(l, Str::panel_layers), nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse);

  std::optional<std::uint32_t> remove;
  std::optional<std::pair<std::uint32_t, int>> move;
  // Top of the drawing order first, as in every GIS.
  for (auto it = app.layers.rbegin(); it != app.layers.rend(); ++it) {
    LayerEntry& e = *it;
    ImGui::PushID(static_cast<int>(e.uid));
    ImGui::Checkbox("##visible", &e.style.visible);
    ImGui::SameLine();
    // A small icon of the layer's first class, like the legend.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    if (e.layer) {
      const style::LayerSymbology& sym = symbology(e);
      if (!sym.classes.empty()) {
        const style::Symbol& s = sym.classes.front().symbol;
        const IconKind kind = icon_kind(e);
        if (kind == IconKind::fill) {
          draw_fill_icon(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + 3), line, s.fill);
        } else if (kind == IconKind::line) {
          draw_line_icon(ImGui::GetWindowDrawList(), ImVec2(p.x, p.y + 3), line, s.line);
        } else {
          draw_point_icon(ImGui::GetWindowDrawList(), ImVec2(p.x + line / 2, p.y + line / 2 + 2),
                          s.point, std::min(1.0f, line / std::max(1.0f, s.point.size_px)));
        }
      }
    }
    ImGui::Dummy(ImVec2(line, line));
    ImGui::SameLine();
    char header[256];
    if (e.layer) {
      std::snprintf(header, sizeof header, "%s  (%zu %s)###hdr", e.title.c_str(), e.layer->size(),
                    tr(l, Str::layers_features));
    } else {
      std::snprintf(header, sizeof header, "%s###hdr", e.title.c_str());
    }
    const bool open = ImGui::TreeNodeEx(header, ImGuiTreeNodeFlags_SpanAvailWidth);
    if (e.layer && !e.diagnostics.empty()) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(0.75f, 0.45f, 0.0f, 1.0f), "△%zu", e.diagnostics.size());
    }
    if (open) {
      if (ImGui::SmallButton(tr(l, Str::layers_up))) {
        move = std::pair{e.uid, 1};
      }
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(l, Str::layers_down))) {
        move = std::pair{e.uid, -1};
      }
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(l, Str::layers_fit))) {
        view.fit_request =
            e.layer ? e.layer->bounds()
                    : (e.raster ? std::optional<core::Box>(e.raster->bounds) : std::nullopt);
      }
      if (e.layer) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(l, Str::layers_table))) {
          view.show_table = true;
          view.table.layer_uid = e.uid;
        }
      }
      ImGui::SameLine();
      if (ImGui::SmallButton(tr(l, Str::layers_remove))) {
        remove = e.uid;
      }
      draw_style_editor(e, l);
      if (e.layer) {
        draw_diagnostics(e, l);
        // To the folder and format chosen below the list.
        const auto format = static_cast<ExportFormat>(view.export_layers.format);
        const std::filesystem::path target = export_path(view.export_layers.folder, e.id, format);
        if (ImGui::SmallButton(tr(l, Str::layers_export))) {
          start_export_layer(app, e.uid, format, target);
        }
        ImGui::SameLine();
        ImGui::TextDisabled("%s", target.filename().string().c_str());
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
  if (remove) {
    remove_layer(app, *remove);
  }
  if (move) {
    move_layer(app, move->first, move->second);
  }

  ImGui::Separator();
  ImGui::TextUnformatted(tr(l, Str::layers_add_file));
  ImGui::SetNextItemWidth(-60);
  const bool entered =
      ImGui::InputTextWithHint("##addpath", tr(l, Str::layers_path_hint), &view.add_path,
                               ImGuiInputTextFlags_EnterReturnsTrue);
  ImGui::SameLine();
  if ((ImGui::Button(tr(l, Str::layers_add)) || entered) && !view.add_path.empty()) {
    start_open_file(app, view.add_path);
    view.add_path.clear();
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr(l, Str::layers_export_to));
  ImGui::SetNextItemWidth(-130);
  ImGui::InputTextWithHint("##export_folder", tr(l, Str::layers_export_folder_hint),
                           &view.export_layers.folder);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##export_format",
                        display_name(static_cast<ExportFormat>(view.export_layers.format)))) {
    for (int f = 0; f < kExportFormatCount; ++f) {
      if (ImGui::Selectable(display_name(static_cast<ExportFormat>(f)),
                            f == view.export_layers.format)) {
        view.export_layers.format = f;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr(l, Str::layers_basemap));
  bool gsi = app.basemap.gsi;
  if (ImGui::Checkbox(tr(l, Str::layers_basemap_gsi), &gsi)) {
    set_gsi_basemap(app, gsi);
  }
  if (app.basemap.tiles && app.basemap.tiles->pending() > 0) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr(l, Str::tiles_loading));
  }
  if (app.basemap.gsi && !app.basemap.gsi_message.empty()) {
    text_wrapped(tr(l, Str::layers_basemap_offline), TextTone::warning);
    text_wrapped(app.basemap.gsi_message.c_str(), TextTone::quiet);
  }
  ImGui::End();
}

}  // namespace caremap::app
