#include "core/geometry.hpp"

#include <algorithm>
#include <vector>

namespace caremap::core {

std::optional<Box> envelope(const Geometry& g) {
  if (is_empty(g)) {
    return std::nullopt;
  }
  return std::visit(
      [](const auto& v) -> std::optional<Box> {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>) {
          return std::nullopt;
        } else {
          return bg::return_envelope<Box>(v);
        }
      },
      g);
}

std::optional<Box> merge(const std::optional<Box>& a, const std::optional<Box>& b) {
  if (!a) {
    return b;
  }
  if (!b) {
    return a;
  }
  Box out = *a;
  bg::expand(out, *b);
  return out;
}

namespace {

XY midpoint_along(const LineString& line) {
  const double half = bg::length(line) / 2.0;
  double walked = 0.0;
  for (std::size_t i = 1; i < line.size(); ++i) {
    const double seg = bg::distance(line[i - 1], line[i]);
    if (walked + seg >= half && seg > 0.0) {
      const double t = (half - walked) / seg;
      return XY{line[i - 1].x + t * (line[i].x - line[i - 1].x),
                line[i - 1].y + t * (line[i].y - line[i - 1].y)};
    }
    walked += seg;
  }
  return line.front();
}

// The largest part of a multipolygon carries its label: a city with 600 islets should be labelled
// on its main land mass, not on a rock.
const Polygon& largest_part(const MultiPolygon& mp) {
  return *std::max_element(mp.begin(), mp.end(), [](const Polygon& a, const Polygon& b) {
    return bg::area(a) < bg::area(b);
  });
}

// A point strictly inside a polygon: on the horizontal line through the middle of the polygon's
// box (nudged off any vertex), the midpoint of the widest span between boundary crossings.
XY scanline_inside_point(const Polygon& p) {
  const Box box = bg::return_envelope<Box>(p);
  const double height = box.max_corner().y - box.min_corner().y;
  double y = box.min_corner().y + height * 0.5;
  // A scanline through a vertex counts the crossing twice; shift it by a tiny irrational fraction.
  y += height * 1.0e-7 * 0.70710678;
  std::vector<double> xs;
  auto collect = [&xs, y](const Ring& ring) {
    for (std::size_t i = 1; i < ring.size(); ++i) {
      const XY& a = ring[i - 1];
      const XY& b = ring[i];
      if ((a.y <= y) != (b.y <= y)) {
        xs.push_back(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x));
      }
    }
  };
  collect(p.outer());
  for (const Ring& hole : p.inners()) {
    collect(hole);
  }
  std::sort(xs.begin(), xs.end());
  double best_width = -1.0;
  XY best = p.outer().front();
  for (std::size_t i = 1; i < xs.size(); i += 2) {
    if (xs[i] - xs[i - 1] > best_width) {
      best_width = xs[i] - xs[i - 1];
      best = XY{(xs[i] + xs[i - 1]) / 2.0, y};
    }
  }
  return best;
}

XY inside_point(const Polygon& p) {
  XY c;
  bg::centroid(p, c);
  if (bg::within(c, p)) {
    return c;
  }
  return scanline_inside_point(p);
}

}  // namespace

std::optional<XY> representative_point(const Geometry& g) {
  if (is_empty(g)) {
    return std::nullopt;
  }
  struct Visitor {
    std::optional<XY> operator()(const std::monostate&) const { return std::nullopt; }
    std::optional<XY> operator()(const XY& p) const { return p; }
    std::optional<XY> operator()(const MultiPoint& mp) const { return mp.front(); }
    std::optional<XY> operator()(const LineString& l) const { return midpoint_along(l); }
    std::optional<XY> operator()(const MultiLineString& ml) const {
      const auto longest = std::max_element(
          ml.begin(), ml.end(),
          [](const LineString& a, const LineString& b) { return bg::length(a) < bg::length(b); });
      return midpoint_along(*longest);
    }
    std::optional<XY> operator()(const Polygon& p) const { return inside_point(p); }
    std::optional<XY> operator()(const MultiPolygon& mp) const {
      return inside_point(largest_part(mp));
    }
  };
  return std::visit(Visitor{}, g);
}

SquareMeters area(const Geometry& g) {
  if (const auto* p = std::get_if<Polygon>(&g)) {
    return SquareMeters{bg::area(*p)};
  }
  if (const auto* mp = std::get_if<MultiPolygon>(&g)) {
    return SquareMeters{bg::area(*mp)};
  }
  return SquareMeters{0.0};
}

Meters length(const Geometry& g) {
  struct Visitor {
    double operator()(const std::monostate&) const { return 0.0; }
    double operator()(const XY&) const { return 0.0; }
    double operator()(const MultiPoint&) const { return 0.0; }
    double operator()(const LineString& l) const { return bg::length(l); }
    double operator()(const MultiLineString& ml) const { return bg::length(ml); }
    double operator()(const Polygon& p) const { return bg::perimeter(p); }
    double operator()(const MultiPolygon& mp) const { return bg::perimeter(mp); }
  };
  return Meters{std::visit(Visitor{}, g)};
}

std::optional<MultiPolygon> as_multipolygon(const Geometry& g) {
  if (const auto* p = std::get_if<Polygon>(&g)) {
    return MultiPolygon{*p};
  }
  if (const auto* mp = std::get_if<MultiPolygon>(&g)) {
    return *mp;
  }
  return std::nullopt;
}

bool is_empty(const Geometry& g) {
  struct Visitor {
    bool operator()(const std::monostate&) const { return true; }
    bool operator()(const XY&) const { return false; }
    bool operator()(const MultiPoint& v) const { return v.empty(); }
    bool operator()(const LineString& v) const { return v.empty(); }
    bool operator()(const MultiLineString& v) const {
      return std::all_of(v.begin(), v.end(), [](const LineString& l) { return l.empty(); });
    }
    bool operator()(const Polygon& v) const { return v.outer().empty(); }
    bool operator()(const MultiPolygon& v) const {
      return std::all_of(v.begin(), v.end(), [](const Polygon& p) { return p.outer().empty(); });
    }
  };
  return std::visit(Visitor{}, g);
}

const char* geometry_type_name(const Geometry& g) {
  static constexpr const char* names[] = {
      "None", "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"};
  return names[g.index()];
}

}  // namespace caremap::core
