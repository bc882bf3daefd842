#pragma once
// Conversion between geographic coordinates and the working CRS, as an interface. The crs layer
// implements it with PROJ; layers below crs (routing, analysis) receive it as a parameter, so they
// can place OpenStreetMap nodes or JIS mesh cells in metres without linking PROJ, and tests can
// pass a simple fake.
//
// Not shareable between threads, by construction: forward() and inverse() are non-const because
// the PROJ implementation keeps per-call state (error numbers, caches in its context), so a
// `const Projector&` cannot convert anything and one object cannot be handed to several workers
// as a read-only input. Each thread needs its own (crs::Transformer::clone()).

#include <span>

#include "core/geometry.hpp"

namespace caremap::core {

class Projector {
 public:
  virtual ~Projector() = default;
  /// Geographic (degrees, lon first) to working CRS (metres).
  virtual XY forward(LonLat p) = 0;
  /// Working CRS (metres) to geographic (degrees, lon first).
  virtual LonLat inverse(XY p) = 0;
  /// forward() for many points in place: each XY holds lon (x) and lat (y) on entry and the
  /// projected point on return. One call instead of one per point lets PROJ skip its per-call
  /// setup (a tenth of the time for thousands of points); by default it calls forward().
  virtual void forward_in_place(std::span<XY> points) {
    for (XY& p : points) {
      p = forward(LonLat{p.x, p.y});
    }
  }
};

}  // namespace caremap::core
