#include "io/geometry_repair.hpp"

#include <ogr_geometry.h>

#include "io/ogr_geometry.hpp"

namespace caremap::io {

namespace {

bool valid(const core::Polygon& g, std::string& reason) {
  return core::bg::is_valid(g, reason);
}

// Boost's multipolygon check compares every pair of parts: 0.4 s for Munakata's 648 islands.
// Each part is checked with Boost (what later Boost algorithms rely on) and the parts against
// each other with GEOS's indexed check (20 ms); without GEOS, Boost does it all.
bool valid(const core::MultiPolygon& g, std::string& reason) {
  if (!OGRGeometryFactory::haveGEOS()) {
    return core::bg::is_valid(g, reason);
  }
  for (const auto& part : g) {
    if (!core::bg::is_valid(part, reason)) {
      return false;
    }
  }
  const std::unique_ptr<OGRGeometry> ogr = detail::to_ogr(core::Geometry{g});
  if (ogr && !ogr->IsValid()) {
    reason = "parts of the multipolygon overlap";
    return false;
  }
  return true;
}

// The polygonal parts of a repaired geometry (MakeValid may add lines or points where a polygon
// collapsed; a polygon layer keeps only areas).
std::optional<core::MultiPolygon> polygonal_parts(const core::Geometry& g) {
  if (const auto* p = std::get_if<core::Polygon>(&g)) {
    return core::MultiPolygon{*p};
  }
  if (const auto* mp = std::get_if<core::MultiPolygon>(&g)) {
    return *mp;
  }
  return std::nullopt;
}

std::optional<core::Geometry> make_valid(const core::Geometry& g) {
  const std::unique_ptr<OGRGeometry> ogr = detail::to_ogr(g);
  if (!ogr || !OGRGeometryFactory::haveGEOS()) {
    return std::nullopt;
  }
  const std::unique_ptr<OGRGeometry> fixed(ogr->MakeValid());
  if (!fixed) {
    return std::nullopt;
  }
  std::unique_ptr<OGRGeometry> polygons;
  if (wkbFlatten(fixed->getGeometryType()) == wkbGeometryCollection) {
    auto mp = std::make_unique<OGRMultiPolygon>();
    for (const OGRGeometry* part : *fixed->toGeometryCollection()) {
      const auto type = wkbFlatten(part->getGeometryType());
      if (type == wkbPolygon || type == wkbMultiPolygon) {
        mp->addGeometry(part);
      }
    }
    polygons = std::move(mp);
  }
  detail::ConvertedGeometry out = detail::from_ogr(polygons ? polygons.get() : fixed.get());
  auto parts = polygonal_parts(out.geometry);
  if (!parts) {
    return std::nullopt;
  }
  if (std::holds_alternative<core::Polygon>(g) && parts->size() == 1) {
    return core::Geometry{parts->front()};
  }
  return core::Geometry{std::move(*parts)};
}

}  // namespace

RepairResult correct_and_repair(core::Geometry g) {
  RepairResult out;
  auto check = [&out](auto& poly) {
    core::bg::correct(poly);
    return valid(poly, out.reason);
  };
  bool ok = true;
  if (auto* p = std::get_if<core::Polygon>(&g)) {
    ok = check(*p);
  } else if (auto* mp = std::get_if<core::MultiPolygon>(&g)) {
    ok = check(*mp);
  }
  if (ok) {
    out.reason.clear();
    out.geometry = std::move(g);
    return out;
  }
  if (auto fixed = make_valid(g)) {
    std::string after;
    bool fixed_ok = true;
    if (auto* p = std::get_if<core::Polygon>(&*fixed)) {
      core::bg::correct(*p);
      fixed_ok = valid(*p, after);
    } else if (auto* mp = std::get_if<core::MultiPolygon>(&*fixed)) {
      core::bg::correct(*mp);
      fixed_ok = valid(*mp, after);
    }
    if (fixed_ok) {
      out.geometry = std::move(*fixed);
      out.repaired = true;
      return out;
    }
  }
  out.geometry = std::move(g);
  out.still_invalid = true;
  return out;
}

}  // namespace caremap::io
