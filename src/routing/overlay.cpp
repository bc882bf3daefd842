#include "routing/overlay.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/error.hpp"

namespace caremap::routing {

namespace bg = boost::geometry;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Segments with at least one shape piece for which `hit(piece)` is true, among the pieces in
// the box.
template <class Hit>
std::vector<SegmentId> segments_hit(const SegmentIndex& index, const core::Box& box, Hit hit) {
  std::vector<SegmentIndex::Value> candidates;
  index.pieces_in_box(box, candidates);
  std::vector<SegmentId> out;
  for (const auto& [piece, point, segment] : candidates) {
    if (hit(piece)) {
      out.push_back(segment);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

template <class Area>
void close_area(const SegmentIndex& index, const Area& area, Overlay& overlay) {
  const core::Box box = bg::return_envelope<core::Box>(area);
  for (const SegmentId s : segments_hit(
           index, box, [&](const core::Segment& piece) { return bg::intersects(piece, area); })) {
    overlay.close_segment(index.graph(), s);
  }
}

template <class Line>
void close_line(const SegmentIndex& index, const Line& line, Overlay& overlay) {
  const core::Box box = bg::return_envelope<core::Box>(line);
  for (const SegmentId s : segments_hit(
           index, box, [&](const core::Segment& piece) { return bg::intersects(piece, line); })) {
    overlay.close_segment(index.graph(), s);
  }
}

void close_point(const SegmentIndex& index, core::XY p, core::Meters max, std::size_t row,
                 Overlay& overlay, core::Diagnostics& diagnostics) {
  if (const auto snap = index.snap(p, max)) {
    overlay.close_segment(index.graph(), snap->segment);
  } else {
    diagnostics.add({core::Severity::warning,
                     "closure_point_not_on_road",
                     {},
                     row,
                     {},
                     "barrier point has no road within " +
                         std::to_string(static_cast<long long>(max.value)) + " m"});
  }
}

void apply_slowdown(const SegmentIndex& index, const Slowdown& slow, Overlay& overlay) {
  const RoadGraph& g = index.graph();
  const core::Box box = bg::return_envelope<core::Box>(slow.area);
  for (const SegmentId s : segments_hit(index, box, [&](const core::Segment& piece) {
         return bg::intersects(piece, slow.area);
       })) {
    const auto pts = g.segment_points(s);
    const core::LineString shape(pts.begin(), pts.end());
    core::MultiLineString inside;
    bg::intersection(shape, slow.area, inside);
    const double len = g.segment_length_m(s);
    const double share =
        len > 0.0 ? std::clamp(static_cast<double>(bg::length(inside)) / len, 0.0, 1.0) : 1.0;
    overlay.scale_segment(g, s, 1.0 + (slow.factor - 1.0) * share);
  }
}

}  // namespace

Overlay::Overlay(const RoadGraph& graph)
    : m_time_factor(graph.arc_count(), 1.0), m_length_factor(graph.arc_count(), 1.0) {}

std::size_t Overlay::closed_count() const {
  return static_cast<std::size_t>(std::count_if(m_length_factor.begin(), m_length_factor.end(),
                                                [](double f) { return f != 1.0; }));
}

void Overlay::close_arc(ArcId a) {
  m_time_factor[a] = kInf;
  m_length_factor[a] = kInf;
}

void Overlay::close_segment(const RoadGraph& graph, SegmentId s) {
  for (const ArcId a : {graph.segment_forward_arc(s), graph.segment_backward_arc(s)}) {
    if (a != kNone) {
      close_arc(a);
    }
  }
}

void Overlay::scale_segment(const RoadGraph& graph, SegmentId s, double factor) {
  for (const ArcId a : {graph.segment_forward_arc(s), graph.segment_backward_arc(s)}) {
    if (a != kNone && !closed(a)) {
      m_time_factor[a] *= factor;
    }
  }
}

Overlay build_overlay(const SegmentIndex& index, const Closures& closures,
                      core::Diagnostics& diagnostics) {
  const RoadGraph& g = index.graph();
  Overlay overlay(g);
  for (const Slowdown& slow : closures.slowdowns) {
    if (!(slow.factor > 0.0) || !std::isfinite(slow.factor)) {
      throw core::ArgumentError("slowdown factor must be finite and positive, got " +
                                std::to_string(slow.factor));
    }
  }
  for (std::size_t i = 0; i < closures.barriers.size(); ++i) {
    const core::Geometry& geom = closures.barriers[i];
    const std::size_t row = i + 1;
    if (core::is_empty(geom)) {
      diagnostics.add({core::Severity::warning,
                       "closure_without_geometry",
                       {},
                       row,
                       {},
                       "barrier has no geometry; ignored"});
      continue;
    }
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, core::Polygon> || std::is_same_v<T, core::MultiPolygon>) {
            close_area(index, x, overlay);
          } else if constexpr (std::is_same_v<T, core::LineString> ||
                               std::is_same_v<T, core::MultiLineString>) {
            close_line(index, x, overlay);
          } else if constexpr (std::is_same_v<T, core::XY>) {
            close_point(index, x, closures.point_barrier_distance, row, overlay, diagnostics);
          } else if constexpr (std::is_same_v<T, core::MultiPoint>) {
            for (const core::XY& p : x) {
              close_point(index, p, closures.point_barrier_distance, row, overlay, diagnostics);
            }
          }
        },
        geom);
  }
  if (!closures.closed_ways.empty()) {
    std::vector<std::int64_t> wanted(closures.closed_ways);
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<std::uint8_t> found(wanted.size(), 0);
    for (SegmentId s = 0; s < g.segment_count(); ++s) {
      const auto it = std::lower_bound(wanted.begin(), wanted.end(), g.segment_way_id(s));
      if (it != wanted.end() && *it == g.segment_way_id(s)) {
        overlay.close_segment(g, s);
        found[static_cast<std::size_t>(it - wanted.begin())] = 1;
      }
    }
    for (std::size_t i = 0; i < wanted.size(); ++i) {
      if (!found[i]) {
        diagnostics.add({core::Severity::warning,
                         "closure_way_not_found",
                         {},
                         std::nullopt,
                         {},
                         "way " + std::to_string(wanted[i]) + " is not in the road graph"});
      }
    }
  }
  for (const ArcId a : closures.closed_arcs) {
    if (a >= g.arc_count()) {
      throw core::ArgumentError("closed arc id " + std::to_string(a) + " is out of range");
    }
    overlay.close_arc(a);
  }
  for (const Slowdown& slow : closures.slowdowns) {
    apply_slowdown(index, slow, overlay);
  }
  return overlay;
}

}  // namespace caremap::routing
