#include "app/camera_hash.hpp"

namespace caremap::app {

void hash_camera(Hasher& h, const render::Camera& camera) {
  h.value(camera.center().x);
  h.value(camera.center().y);
  h.value(camera.meters_per_pixel());
  h.value(camera.viewport_width());
  h.value(camera.viewport_height());
}

}  // namespace caremap::app
