#include "render/camera.hpp"

#include <catch2/catch.hpp>

using caremap::core::Box;
using caremap::core::XY;
using caremap::render::Camera;
using caremap::render::ScreenPoint;

namespace {
// A camera over Munakata's northings (millions of metres) to exercise double precision.
Camera munakata_camera() {
  return Camera(XY{-51000.0, 76000.0 + 3'700'000.0}, 20.0, 1200, 800);
}
}  // namespace

TEST_CASE("world_to_screen and screen_to_world are inverse", "[camera]") {
  const Camera cam = munakata_camera();
  const XY p{-48750.25, 3'777'123.5};
  const ScreenPoint s = cam.world_to_screen(p);
  const XY back = cam.screen_to_world(s);
  CHECK(back.x == Approx(p.x).margin(1e-6));
  CHECK(back.y == Approx(p.y).margin(1e-6));
}

TEST_CASE("the camera centre is the viewport centre and north is up", "[camera]") {
  const Camera cam = munakata_camera();
  const ScreenPoint c = cam.world_to_screen(cam.center());
  CHECK(c.x == Approx(600.0));
  CHECK(c.y == Approx(400.0));
  const ScreenPoint north = cam.world_to_screen(XY{cam.center().x, cam.center().y + 200.0});
  CHECK(north.y == Approx(400.0 - 10.0));  // 200 m at 20 m/px is 10 px up
}

TEST_CASE("zoom_at keeps the world point under the cursor", "[camera]") {
  Camera cam = munakata_camera();
  const ScreenPoint cursor{913.0, 127.0};
  const XY before = cam.screen_to_world(cursor);
  for (double factor : {1.25, 2.0, 0.5, 7.3, 0.01}) {
    cam.zoom_at(cursor, factor);
    const XY after = cam.screen_to_world(cursor);
    CHECK(after.x == Approx(before.x).margin(1e-6));
    CHECK(after.y == Approx(before.y).margin(1e-6));
  }
}

TEST_CASE("zoom_at changes the detail by the factor", "[camera]") {
  Camera cam = munakata_camera();
  cam.zoom_at(ScreenPoint{10, 10}, 2.0);
  CHECK(cam.meters_per_pixel() == Approx(10.0));
}

TEST_CASE("zoom is clamped and still keeps the anchor", "[camera]") {
  Camera cam = munakata_camera();
  const ScreenPoint cursor{100.0, 700.0};
  const XY before = cam.screen_to_world(cursor);
  cam.zoom_at(cursor, 1e9);
  CHECK(cam.meters_per_pixel() == Approx(Camera::kMinMetersPerPixel));
  const XY after = cam.screen_to_world(cursor);
  CHECK(after.x == Approx(before.x).margin(1e-6));
  CHECK(after.y == Approx(before.y).margin(1e-6));
}

TEST_CASE("pan follows the pointer", "[camera]") {
  Camera cam = munakata_camera();
  const ScreenPoint grab{300, 300};
  const XY under = cam.screen_to_world(grab);
  cam.pan_pixels(50, -20);
  const ScreenPoint now = cam.world_to_screen(under);
  CHECK(now.x == Approx(350.0));
  CHECK(now.y == Approx(280.0));
}

TEST_CASE("fit shows the whole box inside the margins", "[camera]") {
  Camera cam = munakata_camera();
  const Box box{XY{-60000, 3'760'000}, XY{-40000, 3'790'000}};
  cam.fit(box, 24.0);
  for (const XY corner : {box.min_corner(), box.max_corner()}) {
    const ScreenPoint s = cam.world_to_screen(corner);
    CHECK(s.x >= 24.0 - 1e-6);
    CHECK(s.x <= 1200.0 - 24.0 + 1e-6);
    CHECK(s.y >= 24.0 - 1e-6);
    CHECK(s.y <= 800.0 - 24.0 + 1e-6);
  }
  // The box is taller than the viewport's aspect: height fills the usable height exactly.
  CHECK(cam.meters_per_pixel() == Approx(30000.0 / (800.0 - 48.0)));
}

TEST_CASE("gpu transform maps origin-relative vertices like world_to_screen", "[camera]") {
  const Camera cam = munakata_camera();
  const XY origin{-50000.0, 3'776'000.0};
  const XY p{-49123.0, 3'776'456.0};
  const auto t = cam.gpu_transform(origin);
  const float vx = static_cast<float>(p.x - origin.x);
  const float vy = static_cast<float>(p.y - origin.y);
  const double clip_x = (vx + t.offset[0]) * t.scale[0];
  const double clip_y = (vy + t.offset[1]) * t.scale[1];
  const ScreenPoint s = cam.world_to_screen(p);
  // Within a hundredth of a pixel despite float32.
  CHECK((clip_x + 1.0) / 2.0 * 1200.0 == Approx(s.x).margin(0.01));
  CHECK((1.0 - clip_y) / 2.0 * 800.0 == Approx(s.y).margin(0.01));
}

TEST_CASE("zoom levels and metres per pixel convert both ways", "[camera]") {
  using caremap::render::m_per_px_from_zoom_level;
  using caremap::render::zoom_level_from_m_per_px;
  const double mpp = m_per_px_from_zoom_level(12.5, 33.8);
  CHECK(zoom_level_from_m_per_px(mpp, 33.8) == Approx(12.5));
  // Zoom 0 at the equator is the Web Mercator constant.
  CHECK(m_per_px_from_zoom_level(0, 0) == Approx(156543.034));
}

TEST_CASE("scale bar lengths are 1, 2 or 5 times a power of ten", "[camera]") {
  using caremap::render::nice_scale_bar;
  const auto a = nice_scale_bar(20.0, 150.0);  // up to 3000 m
  CHECK(a.length_m == Approx(2000.0));
  CHECK(a.length_px == Approx(100.0));
  const auto b = nice_scale_bar(1.0, 120.0);  // up to 120 m
  CHECK(b.length_m == Approx(100.0));
  const auto c = nice_scale_bar(3.0, 200.0);  // up to 600 m
  CHECK(c.length_m == Approx(500.0));
  CHECK(c.length_px <= 200.0);
}
