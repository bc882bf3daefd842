#include "analysis/part_overlay.hpp"

#include <algorithm>
#include <boost/geometry/algorithms/point_on_surface.hpp>
#include <span>

#include "core/unscaled_overlay.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;

namespace {

// A point in the interior of `p` (not on its boundary): the centroid when it is inside, as it is
// for the convex discs and cells that make up most polygons, else Boost's point on the surface.
core::XY inner_point(const core::Polygon& p) {
  core::XY c{0, 0};
  bg::centroid(p, c);
  if (bg::within(c, p)) {
    return c;
  }
  bg::point_on_surface(p, c);
  return c;
}

// Boost's overlay of two multipolygons also intersects each with itself (to find where its own
// parts touch): for a city that is a 48,000-vertex self-intersection test per call. Each polygon
// of `cut` (disjoint from one another) is overlaid alone, with the polygons of `other` whose
// boxes meet it; a polygon without holes needs no such test.
template <typename Op>
void per_polygon(const core::MultiPolygon& cut, const core::MultiPolygon& other, Op op,
                 core::MultiPolygon& out) {
  std::vector<core::Box> boxes;
  boxes.reserve(other.size());
  for (const core::Polygon& q : other) {
    boxes.push_back(bg::return_envelope<core::Box>(q));
  }
  core::MultiPolygon near;
  for (const core::Polygon& p : cut) {
    const core::Box box = bg::return_envelope<core::Box>(p);
    near.clear();
    for (std::size_t j = 0; j < other.size(); ++j) {
      if (bg::intersects(box, boxes[j])) {
        near.push_back(other[j]);
      }
    }
    op(p, near, out);
  }
}

}  // namespace

PartOverlay::PartOverlay(const core::MultiPolygon& base)
    : m_base(base), m_locator(std::span<const core::Polygon>(base)) {
  std::vector<Segment> segments;
  m_inner.reserve(base.size());
  for (std::uint32_t i = 0; i < base.size(); ++i) {
    const core::Polygon& p = base[i];
    m_inner.push_back(inner_point(p));
    for (std::uint32_t k = 0; k <= p.inners().size(); ++k) {
      const core::Ring& ring = k == 0 ? p.outer() : p.inners()[k - 1];
      for (std::size_t v = 0; v + 1 < ring.size(); ++v) {
        segments.push_back({core::Segment{ring[v], ring[v + 1]}, {i, k}});
      }
    }
  }
  m_segments = decltype(m_segments)(segments.begin(), segments.end());
}

PartOverlay::Split PartOverlay::split(const core::MultiPolygon& other) const {
  namespace bgi = boost::geometry::index;
  // A polygon of either side is cut when a boundary of the other side meets it: where the two
  // boundaries meet, or where a ring of the other side lies inside it without meeting its
  // boundary. Any other polygon has its whole (connected) interior on one side of the other:
  // one inner point decides.
  Split s;
  s.base.assign(m_base.size(), Place::outside);
  s.other.assign(other.size(), Place::outside);
  std::vector<std::vector<bool>> base_ring_met(m_base.size());
  for (std::size_t i = 0; i < m_base.size(); ++i) {
    base_ring_met[i].assign(m_base[i].inners().size() + 1, false);
  }
  std::vector<bool> base_cut(m_base.size(), false);
  std::vector<bool> other_cut(other.size(), false);
  for (std::size_t j = 0; j < other.size(); ++j) {
    const core::Polygon& p = other[j];
    for (std::size_t k = 0; k <= p.inners().size(); ++k) {
      const core::Ring& ring = k == 0 ? p.outer() : p.inners()[k - 1];
      bool met = false;
      for (std::size_t v = 0; v + 1 < ring.size(); ++v) {
        const core::Segment seg{ring[v], ring[v + 1]};
        for (auto it = m_segments.qbegin(bgi::intersects(bg::return_envelope<core::Box>(seg)));
             it != m_segments.qend(); ++it) {
          if (bg::intersects(seg, it->first)) {
            met = true;
            base_cut[it->second.first] = true;
            base_ring_met[it->second.first][it->second.second] = true;
          }
        }
      }
      if (met) {
        other_cut[j] = true;
      } else if (const auto i = m_locator.area_containing(ring.front())) {
        base_cut[*i] = true;  // this ring lies inside base polygon i
      }
    }
  }
  const core::AreaLocator other_locator{std::span<const core::Polygon>(other)};
  for (std::size_t i = 0; i < m_base.size(); ++i) {
    const core::Polygon& p = m_base[i];
    for (std::size_t k = 0; k <= p.inners().size(); ++k) {
      if (!base_ring_met[i][k]) {
        const core::Ring& ring = k == 0 ? p.outer() : p.inners()[k - 1];
        if (const auto j = other_locator.area_containing(ring.front())) {
          other_cut[*j] = true;  // this ring of base lies inside polygon j of other
        }
      }
    }
  }
  for (std::size_t i = 0; i < m_base.size(); ++i) {
    if (base_cut[i]) {
      s.base[i] = Place::cut;
    } else if (other_locator.area_containing(m_inner[i])) {
      s.base[i] = Place::inside;
    }
  }
  for (std::size_t j = 0; j < other.size(); ++j) {
    // A polygon with holes goes through the overlay even when inside: for the difference its
    // holes would become new parts of base that base's own holes may cut again.
    if (other_cut[j] || !other[j].inners().empty()) {
      s.other[j] = Place::cut;
    } else if (m_locator.area_containing(inner_point(other[j]))) {
      s.other[j] = Place::inside;
    }
  }
  return s;
}

void PartOverlay::sort_by_place(const core::MultiPolygon& polygons, const std::vector<Place>& place,
                                Place take, const std::function<void(const core::Polygon&)>& whole,
                                core::MultiPolygon& cut) {
  for (std::size_t i = 0; i < polygons.size(); ++i) {
    if (place[i] == take) {
      whole(polygons[i]);
    } else if (place[i] == Place::cut) {
      cut.push_back(polygons[i]);
    }
  }
}

core::MultiPolygon PartOverlay::intersection(const core::MultiPolygon& other) const {
  const Split s = split(other);
  core::MultiPolygon out;
  core::MultiPolygon cut_base;
  core::MultiPolygon cut_other;
  const auto keep = [&out](const core::Polygon& p) { out.push_back(p); };
  sort_by_place(m_base, s.base, Place::inside, keep, cut_base);
  sort_by_place(other, s.other, Place::inside, keep, cut_other);
  per_polygon(
      cut_base, cut_other,
      [](const core::Polygon& p, const core::MultiPolygon& near, core::MultiPolygon& into) {
        if (!near.empty()) {
          core::intersection_unscaled(p, near, into);
        }
      },
      out);
  return out;
}

core::MultiPolygon PartOverlay::difference(const core::MultiPolygon& other) const {
  const Split s = split(other);
  core::MultiPolygon out;
  core::MultiPolygon cut_base;
  core::MultiPolygon cut_other;
  std::vector<const core::Polygon*> holes;  // polygons of other strictly inside base
  sort_by_place(
      m_base, s.base, Place::outside, [&out](const core::Polygon& p) { out.push_back(p); },
      cut_base);
  sort_by_place(
      other, s.other, Place::inside, [&holes](const core::Polygon& p) { holes.push_back(&p); },
      cut_other);
  core::MultiPolygon rest;
  per_polygon(
      cut_base, cut_other,
      [](const core::Polygon& p, const core::MultiPolygon& near, core::MultiPolygon& into) {
        if (near.empty()) {
          into.push_back(p);
        } else {
          core::difference_unscaled(p, near, into);
        }
      },
      rest);
  if (!holes.empty()) {
    // Each such polygon lies in the interior of one polygon of the rest, touching nothing:
    // it becomes a hole there (its ring reversed: holes run counter-clockwise).
    const core::AreaLocator rest_locator{std::span<const core::Polygon>(rest)};
    std::vector<std::pair<std::size_t, const core::Polygon*>> placed;
    core::MultiPolygon unplaced;
    for (const core::Polygon* h : holes) {
      if (const auto k = rest_locator.area_containing(inner_point(*h))) {
        placed.emplace_back(*k, h);
      } else {
        unplaced.push_back(*h);
      }
    }
    for (const auto& [k, h] : placed) {
      auto& ring = rest[k].inners().emplace_back(h->outer().begin(), h->outer().end());
      std::reverse(ring.begin(), ring.end());
    }
    if (!unplaced.empty()) {
      // Not expected (each was found inside base); the overlay decides rather than guessing.
      core::MultiPolygon exact;
      core::difference_unscaled(rest, unplaced, exact);
      rest = std::move(exact);
    }
  }
  out.insert(out.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
  return out;
}

}  // namespace caremap::analysis
