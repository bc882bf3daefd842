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

// Where along segment `s` the barrier lies: the hull of the offsets of its contact with the
// segment's shape. `contact(p0, p1, offsets)` adds, for one shape piece, the distances from p0
// of the piece's parts inside or on the barrier, and returns false when it cannot say (then
// the whole piece counts).
template <class Contact>
std::optional<ClosedSpan> span_on_segment(const RoadGraph& g, SegmentId s, Contact contact) {
  const auto pts = g.segment_points(s);
  std::optional<ClosedSpan> span;
  auto add = [&](double offset) {
    span = span ? ClosedSpan{std::min(span->from_m, offset), std::max(span->to_m, offset)}
                : ClosedSpan{offset, offset};
  };
  double start = 0.0;
  std::vector<double> offsets;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const double len = bg::distance(pts[i - 1], pts[i]);
    offsets.clear();
    if (!contact(pts[i - 1], pts[i], offsets)) {
      offsets = {0.0, len};
    }
    for (const double d : offsets) {
      add(start + std::clamp(d, 0.0, len));
    }
    start += len;
  }
  return span;
}

// Closes, for through traffic, every segment `barrier` (an area or a line) touches, keeping the
// span where it lies. `contact(p0, p1, offsets)` adds the distances from p0 of the points where
// the barrier meets the shape piece p0-p1 (ends of the parts inside an area, crossings of a
// line); none found (an area touching at one point, a line running along the road) closes the
// whole piece.
template <class Barrier, class Contact>
void close_barrier(const SegmentIndex& index, const Barrier& barrier, Overlay& overlay,
                   Contact contact) {
  const RoadGraph& g = index.graph();
  const core::Box box = bg::return_envelope<core::Box>(barrier);
  for (const SegmentId s : segments_hit(index, box, [&](const core::Segment& piece) {
         return bg::intersects(piece, barrier);
       })) {
    const auto span =
        span_on_segment(g, s, [&](core::XY p0, core::XY p1, std::vector<double>& offsets) {
          if (!bg::intersects(core::Segment{p0, p1}, barrier)) {
            return true;
          }
          contact(p0, p1, offsets);
          return !offsets.empty();
        });
    overlay.close_segment_span(g, s, span.value_or(ClosedSpan{0.0, g.segment_length_m(s)}));
  }
}

template <class Area>
void close_area(const SegmentIndex& index, const Area& area, Overlay& overlay) {
  close_barrier(index, area, overlay, [&](core::XY p0, core::XY p1, std::vector<double>& out) {
    core::MultiLineString inside;
    bg::intersection(core::LineString{p0, p1}, area, inside);
    for (const core::LineString& part : inside) {
      for (const core::XY& q : part) {
        out.push_back(bg::distance(p0, q));
      }
    }
  });
}

template <class Line>
void close_line(const SegmentIndex& index, const Line& line, Overlay& overlay) {
  close_barrier(index, line, overlay, [&](core::XY p0, core::XY p1, std::vector<double>& out) {
    core::MultiPoint crossings;
    bg::intersection(core::LineString{p0, p1}, line, crossings);
    for (const core::XY& q : crossings) {
      out.push_back(bg::distance(p0, q));
    }
  });
}

void close_point(const SegmentIndex& index, core::XY p, core::Meters max, std::size_t row,
                 Overlay& overlay, core::Diagnostics& diagnostics) {
  if (const auto snap = index.snap(p, max)) {
    overlay.close_segment_span(index.graph(), snap->segment, {snap->offset_m, snap->offset_m});
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
    : m_time_factor(graph.arc_count(), 1.0),
      m_length_factor(graph.arc_count(), 1.0),
      m_slow_factor(graph.arc_count(), 1.0),
      m_whole(graph.arc_count(), 0) {}

std::size_t Overlay::closed_count() const {
  return static_cast<std::size_t>(std::count_if(m_length_factor.begin(), m_length_factor.end(),
                                                [](double f) { return f != 1.0; }));
}

void Overlay::close_arc(ArcId a) {
  m_time_factor[a] = kInf;
  m_length_factor[a] = kInf;
  m_whole[a] = 1;
}

void Overlay::close_segment_span(const RoadGraph& graph, SegmentId s, ClosedSpan span) {
  if (span.from_m > span.to_m) {
    std::swap(span.from_m, span.to_m);
  }
  for (const ArcId a : {graph.segment_forward_arc(s), graph.segment_backward_arc(s)}) {
    if (a != kNone) {
      m_time_factor[a] = kInf;
      m_length_factor[a] = kInf;
    }
  }
  auto [it, inserted] = m_spans.try_emplace(s, span);
  if (!inserted) {
    it->second.from_m = std::min(it->second.from_m, span.from_m);
    it->second.to_m = std::max(it->second.to_m, span.to_m);
  }
}

std::optional<ClosedSpan> Overlay::closed_span(const RoadGraph& graph, SegmentId s) const {
  bool closed_any = false;
  bool whole = false;
  for (const ArcId a : {graph.segment_forward_arc(s), graph.segment_backward_arc(s)}) {
    if (a != kNone && closed(a)) {
      closed_any = true;
      whole = whole || m_whole[a] != 0;
    }
  }
  if (!closed_any) {
    return std::nullopt;
  }
  const auto it = m_spans.find(s);
  if (whole || it == m_spans.end()) {
    return ClosedSpan{0.0, graph.segment_length_m(s)};
  }
  return it->second;
}

bool Overlay::blocks(const RoadGraph& graph, ArcId a, double from_m, double to_m) const {
  if (!closed(a)) {
    return false;
  }
  if (m_whole[a] != 0) {
    return true;
  }
  const auto it = m_spans.find(graph.arc_segment(a));
  if (it == m_spans.end()) {
    return true;
  }
  // Millimetres of slack: a place exactly at the barrier is cut off on both sides.
  constexpr double kTouch_m = 1e-3;
  return std::min(from_m, to_m) <= it->second.to_m + kTouch_m &&
         std::max(from_m, to_m) >= it->second.from_m - kTouch_m;
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
    if (a != kNone) {
      m_slow_factor[a] *= factor;
      if (!closed(a)) {
        m_time_factor[a] *= factor;
      }
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
            overlay.add_leg_barrier(x);
          } else if constexpr (std::is_same_v<T, core::LineString> ||
                               std::is_same_v<T, core::MultiLineString>) {
            close_line(index, x, overlay);
            overlay.add_leg_barrier(x);
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

void Overlay::add_leg_barrier(core::Geometry barrier) {
  m_leg_barriers.push_back(std::move(barrier));
}

bool Overlay::blocks_leg(core::XY from, core::XY to) const {
  const core::Segment leg{from, to};
  for (const core::Geometry& b : m_leg_barriers) {
    const bool hit = std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, core::Polygon> || std::is_same_v<T, core::MultiPolygon> ||
                        std::is_same_v<T, core::LineString> ||
                        std::is_same_v<T, core::MultiLineString>) {
            return boost::geometry::intersects(leg, x);
          } else {
            return false;
          }
        },
        b);
    if (hit) {
      return true;
    }
  }
  return false;
}

}  // namespace caremap::routing
