#pragma once
// The camera's part of the viewer's cache keys (map_key for the GL map, label_key for the placed
// labels): both caches must be redrawn when the view moves, zooms or resizes, and must agree on
// what "the view" is, so they hash it the same way here.

#include "app/hasher.hpp"
#include "render/camera.hpp"

namespace caremap::app {

/// Adds the camera's centre, metres per pixel and viewport size to `h`.
void hash_camera(Hasher& h, const render::Camera& camera);

}  // namespace caremap::app
