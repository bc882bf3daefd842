#pragma once
// Coordinate transformation between two CRSs with PROJ. Axis order is normalised once, at
// construction, with proj_normalize_for_visualization: geographic coordinates are always
// (longitude, latitude) in degrees and projected ones (easting, northing), whatever the EPSG axis
// order says (EPSG:4326 is lat/lon, EPSG:6670 is northing/easting in the database).
//
// Thread safety, by construction: a Transformer owns its own PJ_CONTEXT and PJ, which PROJ mutates
// on every call (error state, caches), so every converting method is non-const and the class is
// move-only. A `const Transformer&` can only answer questions about its CRSs; a thread that needs
// to convert gets its own object from clone() (which reads only the immutable CRS definitions and
// may be called while the original is in use elsewhere).
//
// As a core::Projector (forward = source -> target, inverse = target -> source) it serves the
// libraries below crs: build it from a geographic CRS (EPSG:4326) to the working CRS.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/projector.hpp"
#include "crs/crs_ref.hpp"

namespace caremap::crs {

class Transformer final : public core::Projector {
 public:
  /// Throws core::ArgumentError naming both CRSs if PROJ cannot build the transformation.
  /// Between a CRS and itself (equal definitions) no PROJ object is built: nothing to refuse.
  Transformer(CrsRef source, CrsRef target);
  /// EPSG:4326 to `working`: the usual Projector for a region.
  static Transformer from_wgs84(const CrsRef& working);

  /// A new Transformer between the same CRSs, with its own PROJ context (for another thread).
  Transformer clone() const;

  Transformer(const Transformer& other) = delete;
  Transformer& operator=(const Transformer& other) = delete;
  Transformer(Transformer&& other) noexcept;
  Transformer& operator=(Transformer&& other) noexcept;
  ~Transformer() override;

  const CrsRef& source() const;
  const CrsRef& target() const;
  /// True when source and target are the same CRS (transforms are then the identity).
  bool is_identity() const;

  /// Source -> target. Throws core::InputError naming the CRSs and the point if PROJ fails
  /// (for example a latitude beyond 90°). Units: those of the CRSs (degrees or metres).
  core::XY transform(core::XY p);
  /// Target -> source.
  core::XY inverse_transform(core::XY p);
  /// Source -> target, nullopt where PROJ fails. Never throws.
  std::optional<core::XY> try_transform(core::XY p) noexcept;

  /// Source -> target for many points in place (one PROJ call). Throws like transform() on the
  /// first point that fails; the span is then partly transformed.
  void transform_in_place(std::span<core::XY> points);
  /// Source -> target for many points in place (one PROJ call), never throwing: returns the
  /// indices of the points PROJ could not transform (left as NaN), in ascending order.
  std::vector<std::size_t> try_transform_in_place(std::span<core::XY> points);
  /// "cannot transform (x, y) from A to B": the message transform() throws, for reporting the
  /// failures of try_transform_in_place.
  std::string failure_message(core::XY source_point) const;
  /// Every vertex of a geometry, source -> target. Ring orientation is preserved for CRSs with
  /// the same handedness (lon/lat and easting/northing are both right-handed).
  core::Geometry transform(const core::Geometry& g);

  /// core::Projector: geographic (source) to projected (target) and back.
  core::XY forward(core::LonLat p) override;
  core::LonLat inverse(core::XY p) override;
  void forward_in_place(std::span<core::XY> points) override { transform_in_place(points); }

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace caremap::crs
