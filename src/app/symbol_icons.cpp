#include "app/symbol_icons.hpp"

#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace caremap::app {

ImU32 to_imgui(style::Rgba c) {
  return IM_COL32(c.r, c.g, c.b, c.a);
}

namespace {

std::vector<ImVec2> regular(ImVec2 c, float r, int n, float start_deg) {
  std::vector<ImVec2> pts;
  for (int i = 0; i < n; ++i) {
    const float a = (start_deg + 360.0f * static_cast<float>(i) / static_cast<float>(n)) *
                    std::numbers::pi_v<float> / 180.0f;
    pts.push_back(ImVec2(c.x + r * std::cos(a), c.y + r * std::sin(a)));
  }
  return pts;
}

void polygon(ImDrawList* list, const std::vector<ImVec2>& pts, ImU32 fill, ImU32 outline,
             float outline_px, bool convex = true) {
  if (convex) {
    list->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), fill);
  }
  list->AddPolyline(pts.data(), static_cast<int>(pts.size()), outline, ImDrawFlags_Closed,
                    outline_px);
}

}  // namespace

void draw_point_icon(ImDrawList* list, ImVec2 c, const style::PointSymbol& s, float scale) {
  const float r = s.size_px * scale * 0.5f;
  const ImU32 fill = to_imgui(s.fill);
  const ImU32 outline = to_imgui(s.outline);
  const float ow = std::max(1.0f, s.outline_px * scale);
  using style::Shape;
  switch (s.shape) {
    case Shape::circle:
      list->AddCircleFilled(c, r * 0.9f, fill, 24);
      list->AddCircle(c, r * 0.9f - ow / 2, outline, 24, ow);
      break;
    case Shape::square: {
      const float h = r * 0.78f;
      list->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), fill);
      list->AddRect(ImVec2(c.x - h + ow / 2, c.y - h + ow / 2),
                    ImVec2(c.x + h - ow / 2, c.y + h - ow / 2), outline, 0, 0, ow);
      break;
    }
    case Shape::diamond:
      polygon(list, regular(c, r - ow / 2, 4, -90), fill, outline, ow);
      break;
    case Shape::triangle:
      polygon(list, regular(ImVec2(c.x, c.y + r * 0.15f), r * 0.95f, 3, -90), fill, outline, ow);
      break;
    case Shape::triangle_down:
      polygon(list, regular(ImVec2(c.x, c.y - r * 0.15f), r * 0.95f, 3, 90), fill, outline, ow);
      break;
    case Shape::hexagon:
      polygon(list, regular(c, r * 0.95f, 6, 0), fill, outline, ow);
      break;
    case Shape::pentagon:
      polygon(list, regular(ImVec2(c.x, c.y + r * 0.05f), r * 0.95f, 5, -90), fill, outline, ow);
      break;
    case Shape::star: {
      std::vector<ImVec2> pts;
      for (int i = 0; i < 10; ++i) {
        const float rr = (i % 2 == 0) ? r : r * 0.45f;
        const float a =
            (-90.0f + 36.0f * static_cast<float>(i)) * std::numbers::pi_v<float> / 180.0f;
        pts.push_back(ImVec2(c.x + rr * std::cos(a), c.y + r * 0.08f + rr * std::sin(a)));
      }
      // Concave: fill as five triangles from the centre plus the inner pentagon.
      for (int i = 0; i < 10; ++i) {
        list->AddTriangleFilled(ImVec2(c.x, c.y + r * 0.08f), pts[static_cast<std::size_t>(i)],
                                pts[static_cast<std::size_t>((i + 1) % 10)], fill);
      }
      polygon(list, pts, fill, outline, ow, false);
      break;
    }
    case Shape::cross: {
      const float a = r * 0.95f;
      const float b = r * 0.36f;
      const std::vector<ImVec2> pts{{c.x - b, c.y - a}, {c.x + b, c.y - a}, {c.x + b, c.y - b},
                                    {c.x + a, c.y - b}, {c.x + a, c.y + b}, {c.x + b, c.y + b},
                                    {c.x + b, c.y + a}, {c.x - b, c.y + a}, {c.x - b, c.y + b},
                                    {c.x - a, c.y + b}, {c.x - a, c.y - b}, {c.x - b, c.y - b}};
      list->AddRectFilled(ImVec2(c.x - b, c.y - a), ImVec2(c.x + b, c.y + a), fill);
      list->AddRectFilled(ImVec2(c.x - a, c.y - b), ImVec2(c.x + a, c.y + b), fill);
      polygon(list, pts, fill, outline, ow, false);
      break;
    }
  }
}

void draw_fill_icon(ImDrawList* list, ImVec2 tl, float size, const style::FillSymbol& fill) {
  const ImVec2 br(tl.x + size, tl.y + size * 0.75f);
  list->AddRectFilled(tl, br, to_imgui(fill.fill), 2.0f);
  if (fill.outline_px > 0) {
    list->AddRect(tl, br, to_imgui(fill.outline), 2.0f, 0, std::max(1.0f, fill.outline_px));
  }
}

void draw_line_icon(ImDrawList* list, ImVec2 tl, float size, const style::LineSymbol& line) {
  const float y = tl.y + size * 0.375f;
  const float width = std::max(1.0f, line.width_px);
  if (line.dash_px <= 0.0f) {
    list->AddLine(ImVec2(tl.x, y), ImVec2(tl.x + size, y), to_imgui(line.color), width);
    return;
  }
  // Dashed as on the map, but at least two dashes in the icon whatever the map's dash length.
  const float dash = std::min(line.dash_px, size / 4.0f);
  for (float x = 0.0f; x < size; x += 2.0f * dash) {
    list->AddLine(ImVec2(tl.x + x, y), ImVec2(tl.x + std::min(size, x + dash), y),
                  to_imgui(line.color), width);
  }
}

}  // namespace caremap::app
