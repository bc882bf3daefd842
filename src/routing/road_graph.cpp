#include "routing/road_graph.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "routing/error_context.hpp"

namespace caremap::routing {

namespace {

void require(bool ok, const std::string& what, const GraphInfo& info) {
  if (!ok) {
    throw core::InputError("road graph is inconsistent: " + what, file_context(info.source));
  }
}

double planar_length(std::span<const core::XY> pts) {
  double len = 0.0;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    len += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
  }
  return len;
}

}  // namespace

RoadGraph::RoadGraph(GraphArrays arrays, GraphInfo info)
    : m_a(std::move(arrays)), m_info(std::move(info)) {
  const std::size_t n = m_a.node_xy.size();
  const std::size_t m = m_a.head.size();
  const std::size_t s = m_a.segment_way_id.size();
  // Arc ids must leave the top bit free: Dijkstra marks seed parents with it.
  require(n < kNone && m < (1u << 31) && s < kNone && m_a.points.size() < kNone, "too large",
          m_info);
  require(m_a.node_osm_id.size() == n, "node id count", m_info);
  require(m_a.first_out.size() == n + 1 && m_a.first_out.front() == 0 && m_a.first_out.back() == m,
          "first_out offsets", m_info);
  require(std::is_sorted(m_a.first_out.begin(), m_a.first_out.end()), "first_out order", m_info);
  require(m_a.time_s.size() == m && m_a.length_m.size() == m && m_a.arc_segment.size() == m &&
              m_a.arc_forward.size() == m,
          "arc array sizes", m_info);
  require(m_a.segment_first_point.size() == s + 1 && m_a.segment_from.size() == s &&
              m_a.segment_to.size() == s && m_a.segment_first_point.front() == 0 &&
              m_a.segment_first_point.back() == m_a.points.size(),
          "segment array sizes", m_info);
  m_segment_length_m.resize(s);
  for (SegmentId i = 0; i < s; ++i) {
    require(m_a.segment_first_point[i + 1] >= m_a.segment_first_point[i] + 2,
            "segment with fewer than two points", m_info);
    require(m_a.segment_from[i] < n && m_a.segment_to[i] < n, "segment end node", m_info);
    m_segment_length_m[i] = planar_length(segment_points(i));
  }
  m_tail.resize(m);
  m_segment_forward_arc.assign(s, kNone);
  m_segment_backward_arc.assign(s, kNone);
  std::vector<std::uint32_t> in_degree(n + 1, 0);
  for (NodeId v = 0; v < n; ++v) {
    for (ArcId a = m_a.first_out[v]; a < m_a.first_out[v + 1]; ++a) {
      m_tail[a] = v;
      const NodeId w = m_a.head[a];
      const SegmentId seg = m_a.arc_segment[a];
      require(w < n && seg < s, "arc head or segment out of range", m_info);
      require(std::isfinite(m_a.time_s[a]) && m_a.time_s[a] >= 0.0 &&
                  std::isfinite(m_a.length_m[a]) && m_a.length_m[a] >= 0.0,
              "arc cost not finite and non-negative", m_info);
      const bool forward = m_a.arc_forward[a] != 0;
      require(forward ? (m_a.segment_from[seg] == v && m_a.segment_to[seg] == w)
                      : (m_a.segment_to[seg] == v && m_a.segment_from[seg] == w),
              "arc does not match its segment's end nodes", m_info);
      ArcId& slot = forward ? m_segment_forward_arc[seg] : m_segment_backward_arc[seg];
      require(slot == kNone, "two arcs for one segment direction", m_info);
      slot = a;
      ++in_degree[w + 1];
    }
  }
  m_first_in.resize(n + 1);
  m_first_in[0] = 0;
  for (std::size_t v = 0; v < n; ++v) {
    m_first_in[v + 1] = m_first_in[v] + in_degree[v + 1];
  }
  m_in_arc.resize(m);
  std::vector<std::uint32_t> fill(m_first_in.begin(), m_first_in.end() - 1);
  for (ArcId a = 0; a < m; ++a) {
    m_in_arc[fill[m_a.head[a]]++] = a;
  }
}

void append_segment_part(const RoadGraph& g, SegmentId s, double from_m, double to_m,
                         core::LineString& out) {
  const auto pts = g.segment_points(s);
  const double len = g.segment_length_m(s);
  from_m = std::clamp(from_m, 0.0, len);
  to_m = std::clamp(to_m, 0.0, len);
  auto push = [&out](core::XY p) {
    if (out.empty() || !(out.back() == p)) {
      out.push_back(p);
    }
  };
  const bool reversed = from_m > to_m;
  const double lo = reversed ? to_m : from_m;
  const double hi = reversed ? from_m : to_m;
  // Collect the part in shape order, then emit it in the requested direction.
  core::LineString part;
  double at = 0.0;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const double piece = std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    const double next = at + piece;
    auto interpolate = [&](double m) {
      const double t = piece > 0.0 ? (m - at) / piece : 0.0;
      return core::XY{pts[i - 1].x + t * (pts[i].x - pts[i - 1].x),
                      pts[i - 1].y + t * (pts[i].y - pts[i - 1].y)};
    };
    if (part.empty() && lo <= next) {
      part.push_back(interpolate(lo));
    }
    if (!part.empty()) {
      if (hi <= next) {
        part.push_back(interpolate(hi));
        break;
      }
      part.push_back(pts[i]);
    }
    at = next;
  }
  if (part.empty()) {
    part.push_back(pts.back());
  }
  if (reversed) {
    std::reverse(part.begin(), part.end());
  }
  for (const core::XY& p : part) {
    push(p);
  }
}

core::XY point_along_segment(const RoadGraph& g, SegmentId s, double offset_m) {
  core::LineString tmp;
  append_segment_part(g, s, offset_m, offset_m, tmp);
  return tmp.front();
}

core::LineString arc_geometry(const RoadGraph& g, ArcId a) {
  const SegmentId s = g.arc_segment(a);
  const auto pts = g.segment_points(s);
  core::LineString out(pts.begin(), pts.end());
  if (!g.arc_forward(a)) {
    std::reverse(out.begin(), out.end());
  }
  return out;
}

}  // namespace caremap::routing
