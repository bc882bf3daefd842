#include "io/ogr_geometry.hpp"

namespace caremap::io::detail {

namespace {

template <class Range>
void append_points(const OGRSimpleCurve& curve, Range& out) {
  const int n = curve.getNumPoints();
  out.reserve(out.size() + static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    out.push_back(core::XY{curve.getX(i), curve.getY(i)});
  }
}

core::Polygon polygon_of(const OGRPolygon& p) {
  core::Polygon out;
  if (const OGRLinearRing* ext = p.getExteriorRing()) {
    append_points(*ext, out.outer());
  }
  for (int i = 0; i < p.getNumInteriorRings(); ++i) {
    core::Ring ring;
    append_points(*p.getInteriorRing(i), ring);
    out.inners().push_back(std::move(ring));
  }
  return out;
}

core::LineString line_of(const OGRLineString& l) {
  core::LineString out;
  append_points(l, out);
  return out;
}

template <class Ring>
std::unique_ptr<OGRLinearRing> ring_to_ogr(const Ring& ring) {
  auto out = std::make_unique<OGRLinearRing>();
  out->setNumPoints(static_cast<int>(ring.size()), FALSE);
  for (std::size_t i = 0; i < ring.size(); ++i) {
    out->setPoint(static_cast<int>(i), ring[i].x, ring[i].y);
  }
  return out;
}

std::unique_ptr<OGRPolygon> polygon_to_ogr(const core::Polygon& p) {
  auto out = std::make_unique<OGRPolygon>();
  out->addRingDirectly(ring_to_ogr(p.outer()).release());
  for (const auto& hole : p.inners()) {
    out->addRingDirectly(ring_to_ogr(hole).release());
  }
  return out;
}

std::unique_ptr<OGRLineString> line_to_ogr(const core::LineString& l) {
  auto out = std::make_unique<OGRLineString>();
  out->setNumPoints(static_cast<int>(l.size()), FALSE);
  for (std::size_t i = 0; i < l.size(); ++i) {
    out->setPoint(static_cast<int>(i), l[i].x, l[i].y);
  }
  return out;
}

ConvertedGeometry collection_of(const OGRGeometryCollection& c) {
  core::MultiPolygon polygons;
  core::MultiLineString lines;
  core::MultiPoint points;
  for (const OGRGeometry* part : c) {
    ConvertedGeometry sub = from_ogr(part);
    if (!sub.unsupported.empty()) {
      return sub;
    }
    std::visit(
        [&](auto& g) {
          using T = std::decay_t<decltype(g)>;
          if constexpr (std::is_same_v<T, core::XY>) {
            points.push_back(g);
          } else if constexpr (std::is_same_v<T, core::MultiPoint>) {
            points.insert(points.end(), g.begin(), g.end());
          } else if constexpr (std::is_same_v<T, core::LineString>) {
            lines.push_back(std::move(g));
          } else if constexpr (std::is_same_v<T, core::MultiLineString>) {
            lines.insert(lines.end(), g.begin(), g.end());
          } else if constexpr (std::is_same_v<T, core::Polygon>) {
            polygons.push_back(std::move(g));
          } else if constexpr (std::is_same_v<T, core::MultiPolygon>) {
            polygons.insert(polygons.end(), g.begin(), g.end());
          }
        },
        sub.geometry);
  }
  const int kinds = !polygons.empty() + !lines.empty() + !points.empty();
  if (kinds > 1) {
    return {std::monostate{}, "GeometryCollection of mixed types"};
  }
  if (!polygons.empty()) {
    return {std::move(polygons), {}};
  }
  if (!lines.empty()) {
    return {std::move(lines), {}};
  }
  if (!points.empty()) {
    return {std::move(points), {}};
  }
  return {};
}

}  // namespace

ConvertedGeometry from_ogr(const OGRGeometry* g) {
  if (g == nullptr || g->IsEmpty()) {
    return {};
  }
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint: {
      const auto* p = g->toPoint();
      return {core::XY{p->getX(), p->getY()}, {}};
    }
    case wkbMultiPoint: {
      core::MultiPoint out;
      for (const OGRPoint* p : *g->toMultiPoint()) {
        if (!p->IsEmpty()) {
          out.push_back(core::XY{p->getX(), p->getY()});
        }
      }
      return {std::move(out), {}};
    }
    case wkbLineString:
    case wkbLinearRing:
      return {line_of(*g->toLineString()), {}};
    case wkbMultiLineString: {
      core::MultiLineString out;
      for (const OGRLineString* l : *g->toMultiLineString()) {
        out.push_back(line_of(*l));
      }
      return {std::move(out), {}};
    }
    case wkbPolygon:
      return {polygon_of(*g->toPolygon()), {}};
    case wkbMultiPolygon: {
      core::MultiPolygon out;
      for (const OGRPolygon* p : *g->toMultiPolygon()) {
        out.push_back(polygon_of(*p));
      }
      return {std::move(out), {}};
    }
    case wkbGeometryCollection:
      return collection_of(*g->toGeometryCollection());
    case wkbCircularString:
    case wkbCompoundCurve:
    case wkbCurvePolygon:
    case wkbMultiCurve:
    case wkbMultiSurface: {
      std::unique_ptr<OGRGeometry> linear(g->getLinearGeometry());
      return from_ogr(linear.get());
    }
    default:
      return {std::monostate{}, g->getGeometryName()};
  }
}

std::unique_ptr<OGRGeometry> to_ogr(const core::Geometry& g) {
  struct Visitor {
    std::unique_ptr<OGRGeometry> operator()(const std::monostate&) const { return nullptr; }
    std::unique_ptr<OGRGeometry> operator()(const core::XY& p) const {
      return std::make_unique<OGRPoint>(p.x, p.y);
    }
    std::unique_ptr<OGRGeometry> operator()(const core::MultiPoint& mp) const {
      auto out = std::make_unique<OGRMultiPoint>();
      for (const auto& p : mp) {
        out->addGeometryDirectly(new OGRPoint(p.x, p.y));
      }
      return out;
    }
    std::unique_ptr<OGRGeometry> operator()(const core::LineString& l) const {
      return line_to_ogr(l);
    }
    std::unique_ptr<OGRGeometry> operator()(const core::MultiLineString& ml) const {
      auto out = std::make_unique<OGRMultiLineString>();
      for (const auto& l : ml) {
        out->addGeometryDirectly(line_to_ogr(l).release());
      }
      return out;
    }
    std::unique_ptr<OGRGeometry> operator()(const core::Polygon& p) const {
      return polygon_to_ogr(p);
    }
    std::unique_ptr<OGRGeometry> operator()(const core::MultiPolygon& mp) const {
      auto out = std::make_unique<OGRMultiPolygon>();
      for (const auto& p : mp) {
        out->addGeometryDirectly(polygon_to_ogr(p).release());
      }
      return out;
    }
  };
  return std::visit(Visitor{}, g);
}

OGRwkbGeometryType ogr_type_of(const core::Geometry& g) {
  static constexpr OGRwkbGeometryType kTypes[] = {wkbNone,        wkbPoint,           wkbMultiPoint,
                                                  wkbLineString,  wkbMultiLineString, wkbPolygon,
                                                  wkbMultiPolygon};
  return kTypes[g.index()];
}

}  // namespace caremap::io::detail
