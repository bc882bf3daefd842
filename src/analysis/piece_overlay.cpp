#include "analysis/piece_overlay.hpp"

#include <algorithm>
#include <boost/geometry/algorithms/point_on_surface.hpp>
#include <boost/geometry/index/rtree.hpp>

#include "core/area_locator.hpp"
#include "core/parallel_chunks.hpp"
#include "core/unscaled_overlay.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

// Boxes closer than this count as touching when grouping: polygons of one group must not share
// even a point, or their MultiPolygon would be invalid.
constexpr double kTouchM = 0.01;

core::Box grown(const core::Box& b, double d) {
  return {{b.min_corner().x - d, b.min_corner().y - d},
          {b.max_corner().x + d, b.max_corner().y + d}};
}

// A point inside the piece (not on its boundary): the centroid when it is inside, which it is
// for the convex cells that make up most pieces, else Boost's point on the surface.
core::XY inner_point(const core::MultiPolygon& mp) {
  core::XY c{0, 0};
  bg::centroid(mp.front(), c);
  if (bg::within(c, mp)) {
    return c;
  }
  bg::point_on_surface(mp.front(), c);
  return c;
}

}  // namespace

PieceOverlay::PieceOverlay(std::vector<const core::MultiPolygon*> pieces)
    : m_pieces(std::move(pieces)) {
  const std::size_t n = m_pieces.size();
  m_areas.resize(n);
  m_boxes.resize(n);
  std::vector<std::pair<core::Box, std::uint32_t>> values;
  values.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    m_areas[i] = m_pieces[i]->empty() ? 0.0 : bg::area(*m_pieces[i]);
    m_boxes[i] = m_pieces[i]->empty() ? core::Box{{0, 0}, {0, 0}}
                                      : bg::return_envelope<core::Box>(*m_pieces[i]);
    values.emplace_back(grown(m_boxes[i], kTouchM), static_cast<std::uint32_t>(i));
  }
  // Greedy colouring of the box-contact graph: each piece takes the smallest group none of its
  // earlier neighbours has.
  const bgi::rtree<std::pair<core::Box, std::uint32_t>, bgi::rstar<16>> tree(values.begin(),
                                                                             values.end());
  m_group.assign(n, 0);
  std::vector<bool> taken;
  for (std::size_t i = 0; i < n; ++i) {
    taken.assign(m_groups + 1, false);
    for (auto it = tree.qbegin(bgi::intersects(values[i].first)); it != tree.qend(); ++it) {
      if (it->second < i) {
        taken[m_group[it->second]] = true;
      }
    }
    const auto free = std::find(taken.begin(), taken.end(), false);
    m_group[i] = static_cast<std::uint32_t>(free - taken.begin());
    m_groups = std::max(m_groups, m_group[i] + 1);
  }
}

std::vector<PieceOverlay::Place> PieceOverlay::classify(const core::MultiPolygon& area) const {
  const core::MultiPolygon* one[] = {&area};
  const core::AreaLocator locator(one);
  std::vector<Place> place(m_pieces.size(), Place::outside);
  if (area.empty()) {
    return place;
  }
  const core::Box area_box = bg::return_envelope<core::Box>(area);
  std::vector<std::size_t> touched;
  for (std::size_t i = 0; i < m_pieces.size(); ++i) {
    if (m_pieces[i]->empty() || !bg::intersects(m_boxes[i], area_box)) {
      continue;
    }
    touched.clear();
    for (const core::Polygon& p : *m_pieces[i]) {
      locator.areas_with_boundary_in(p, touched);
    }
    if (!touched.empty()) {
      place[i] = Place::cut;
    } else if (locator.area_containing(inner_point(*m_pieces[i]))) {
      place[i] = Place::inside;
    }
  }
  return place;
}

std::vector<core::MultiPolygon> PieceOverlay::cut_parts(const core::MultiPolygon& area,
                                                        const std::vector<Place>& place) const {
  std::vector<core::MultiPolygon> out(m_pieces.size());
  std::vector<core::Box> area_boxes;
  area_boxes.reserve(area.size());
  for (const core::Polygon& q : area) {
    area_boxes.push_back(bg::return_envelope<core::Box>(q));
  }
  // The groups' overlays are independent and each piece belongs to one group, so each worker
  // writes only its own pieces' outputs.
  core::parallel_chunks(m_groups, 0, [&](std::size_t chunk, unsigned) {
    const auto g = static_cast<std::uint32_t>(chunk);
    std::vector<std::pair<core::Box, std::uint32_t>> members;
    for (std::size_t i = 0; i < m_pieces.size(); ++i) {
      if (place[i] == Place::cut && m_group[i] == g) {
        members.emplace_back(m_boxes[i], static_cast<std::uint32_t>(i));
      }
    }
    if (members.empty()) {
      return;
    }
    const bgi::rtree<std::pair<core::Box, std::uint32_t>, bgi::rstar<16>> tree(members.begin(),
                                                                               members.end());
    // Each polygon of the area (its parts are disjoint) against the group's pieces near it:
    // Boost's overlay of two multipolygons also intersects each with itself, and for a city
    // that is a self-intersection test of its whole coastline per call.
    core::MultiPolygon batch;
    core::MultiPolygon result;
    for (std::size_t q = 0; q < area.size(); ++q) {
      batch.clear();
      for (auto it = tree.qbegin(bgi::intersects(area_boxes[q])); it != tree.qend(); ++it) {
        batch.insert(batch.end(), m_pieces[it->second]->begin(), m_pieces[it->second]->end());
      }
      if (batch.empty()) {
        continue;
      }
      result.clear();
      core::intersection_unscaled(batch, area[q], result);
      // Each output polygon lies in exactly one member (members do not touch).
      for (core::Polygon& p : result) {
        core::XY c;
        bg::point_on_surface(p, c);
        std::uint32_t owner = members.front().second;
        std::size_t candidates = 0;
        for (auto it = tree.qbegin(bgi::intersects(c)); it != tree.qend(); ++it) {
          if (candidates++ == 0 || bg::covered_by(c, *m_pieces[it->second])) {
            owner = it->second;
          }
        }
        out[owner].push_back(std::move(p));
      }
    }
  });
  return out;
}

std::vector<core::MultiPolygon> PieceOverlay::clip(const core::MultiPolygon& area) const {
  const std::vector<Place> place = classify(area);
  std::vector<core::MultiPolygon> out = cut_parts(area, place);
  for (std::size_t i = 0; i < m_pieces.size(); ++i) {
    if (place[i] == Place::inside) {
      out[i] = *m_pieces[i];
    }
  }
  return out;
}

std::vector<double> PieceOverlay::areas_inside(const core::MultiPolygon& area) const {
  const std::vector<Place> place = classify(area);
  const std::vector<core::MultiPolygon> parts = cut_parts(area, place);
  std::vector<double> out(m_pieces.size(), 0.0);
  for (std::size_t i = 0; i < m_pieces.size(); ++i) {
    if (place[i] == Place::inside) {
      out[i] = m_areas[i];
    } else if (place[i] == Place::cut && !parts[i].empty()) {
      out[i] = bg::area(parts[i]);
    }
  }
  return out;
}

}  // namespace caremap::analysis
