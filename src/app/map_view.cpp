#include "app/map_view.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cmath>

#include "app/legend_model.hpp"
#include "app/modules/analysis_module.hpp"
#include "app/modules/closures/closures_module.hpp"

namespace caremap::app {

std::optional<Selection> hit_test(AppState& app, const ViewState& view, float x, float y,
                                  float tolerance_px) {
  const render::ScreenPoint local{x - view.map_rect.x, y - view.map_rect.y};
  const core::XY p = view.camera.screen_to_world(local);
  const core::Meters tolerance{tolerance_px * view.camera.meters_per_pixel()};
  std::optional<Selection> area_hit;
  for (auto it = app.layers.rbegin(); it != app.layers.rend(); ++it) {
    LayerEntry& e = *it;
    if (!e.style.visible || !e.layer || e.layer->features.empty()) {
      continue;
    }
    const index::LayerIndex* idx = spatial_index(e);
    if (icon_kind(e) == IconKind::fill) {
      if (!area_hit) {
        const auto inside = idx->containing(*e.layer, p);
        if (!inside.empty()) {
          area_hit = Selection{e.uid, inside.back()};
        }
      }
      continue;
    }
    if (const auto hit = idx->nearest(*e.layer, p, tolerance)) {
      return Selection{e.uid, hit->id};
    }
  }
  return area_hit;
}

void sync_camera(ViewState& view) {
  view.camera.set_viewport(view.map_rect.width, view.map_rect.height);
  if (view.fit_request) {
    view.camera.fit(*view.fit_request, 32.0);
    view.fit_request.reset();
    view.camera_ready = true;
  }
}

void handle_map_input(AppState& app, ViewState& view) {
  ImGuiIO& io = ImGui::GetIO();
  const ImVec2 mouse = io.MousePos;
  const bool over_map =
      view.interactive && view.map_rect.contains(mouse.x, mouse.y) && !io.WantCaptureMouse;
  const render::ScreenPoint local{mouse.x - view.map_rect.x, mouse.y - view.map_rect.y};

  view.cursor_world = over_map ? std::optional(view.camera.screen_to_world(local)) : std::nullopt;

  if (over_map && io.MouseWheel != 0.0f) {
    view.camera.zoom_at(local, std::pow(1.25, static_cast<double>(io.MouseWheel)));
  }
  if (over_map && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    view.dragging = true;
    view.drag_moved = false;
    view.drag_start_x = mouse.x;
    view.drag_start_y = mouse.y;
    view.press_was_double = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
  }
  if (view.dragging && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    const ImVec2 d = io.MouseDelta;
    if (std::abs(mouse.x - view.drag_start_x) + std::abs(mouse.y - view.drag_start_y) > 3.0f) {
      view.drag_moved = true;
    }
    if (view.drag_moved && (d.x != 0.0f || d.y != 0.0f)) {
      view.camera.pan_pixels(d.x, d.y);
    }
  }
  if (view.dragging && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    view.dragging = false;
    if (!view.drag_moved && view.map_rect.contains(mouse.x, mouse.y)) {
      const core::XY at = view.camera.screen_to_world(local);
      if (view.closure_editor.active()) {
        // A double-click's first click already added its vertex: within 4 px is the same point.
        const double same = 4.0 * view.camera.meters_per_pixel();
        if (view.press_was_double) {
          if (const auto shape = view.closure_editor.double_click(at, same)) {
            add_closure(app, *shape);
          }
        } else {
          view.closure_editor.click(at, same);
        }
      } else if (AnalysisModule* m = picking_module(app)) {
        m->picked(app, at);
      } else {
        app.selection = hit_test(app, view, mouse.x, mouse.y);
        if (app.selection) {
          view.show_inspector = true;
        }
      }
    }
  }
  if (over_map && !view.dragging) {
    app.hover = hit_test(app, view, mouse.x, mouse.y);
  } else if (!over_map) {
    app.hover.reset();
  }

  if (view.interactive && !io.WantCaptureKeyboard) {
    const render::ScreenPoint centre{view.camera.viewport_width() / 2,
                                     view.camera.viewport_height() / 2};
    // '+' and '-' as typed characters work on every keyboard layout (on a Japanese layout '+'
    // is Shift+;), the keypad keys as keys.
    int zoom_steps = 0;
    for (ImWchar c : io.InputQueueCharacters) {
      zoom_steps += c == '+' ? 1 : (c == '-' ? -1 : 0);
    }
    zoom_steps += ImGui::IsKeyPressed(GLFW_KEY_KP_ADD) ? 1 : 0;
    zoom_steps -= ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT) ? 1 : 0;
    if (zoom_steps != 0) {
      view.camera.zoom_at(centre, std::pow(1.5, zoom_steps));
    }
    const double step = 120.0;
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) {
      view.camera.pan_pixels(step, 0);
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) {
      view.camera.pan_pixels(-step, 0);
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_UP)) {
      view.camera.pan_pixels(0, step);
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) {
      view.camera.pan_pixels(0, -step);
    }
    if (view.closure_editor.active()) {
      if (ImGui::IsKeyPressed(GLFW_KEY_ENTER) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER)) {
        if (const auto shape = view.closure_editor.finish()) {
          add_closure(app, *shape);
        }
      }
      if (ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE)) {
        view.closure_editor.undo();
      }
      if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
        view.closure_editor.cancel();
      }
    } else if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) {
      stop_all_picking(app);
      app.selection.reset();
    }
  }
}

}  // namespace caremap::app
