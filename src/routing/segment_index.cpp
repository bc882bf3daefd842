#include "routing/segment_index.hpp"

#include <cmath>
#include <limits>

namespace caremap::routing {

namespace bgi = boost::geometry::index;

namespace {

// Distance from p to the piece a-b and the parameter t in [0, 1] of the closest point.
std::pair<double, double> project(core::XY p, core::XY a, core::XY b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0.0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const double qx = a.x + t * dx;
  const double qy = a.y + t * dy;
  return {std::hypot(p.x - qx, p.y - qy), t};
}

}  // namespace

SegmentIndex::SegmentIndex(const RoadGraph& graph) : m_graph(&graph) {
  std::vector<Value> values;
  const auto& pts = graph.arrays().points;
  values.reserve(pts.size());
  for (SegmentId s = 0; s < graph.segment_count(); ++s) {
    const std::uint32_t first = graph.segment_first_point(s);
    const std::uint32_t end = first + static_cast<std::uint32_t>(graph.segment_points(s).size());
    for (std::uint32_t i = first; i + 1 < end; ++i) {
      values.emplace_back(core::Segment{pts[i], pts[i + 1]}, i, s);
    }
  }
  m_tree = decltype(m_tree)(values.begin(), values.end());
}

std::optional<Snap> SegmentIndex::snap(core::XY p, core::Meters max_distance) const {
  if (m_tree.empty()) {
    return std::nullopt;
  }
  double best = std::numeric_limits<double>::infinity();
  std::uint32_t best_point = 0;
  SegmentId best_segment = kNone;
  double best_t = 0.0;
  // Growing window search: every piece within r of p has a bounding box meeting the square of
  // half-side r around p, so once the best exact distance found in that square is <= r it is
  // the nearest. Squares grow from 64 m by doubling up to max_distance (or the whole index).
  const auto bounds = m_tree.bounds();
  const core::XY lo{bounds.min_corner().template get<0>(), bounds.min_corner().template get<1>()};
  const core::XY hi{bounds.max_corner().template get<0>(), bounds.max_corner().template get<1>()};
  const double reach = std::hypot(std::max(std::abs(p.x - lo.x), std::abs(p.x - hi.x)),
                                  std::max(std::abs(p.y - lo.y), std::abs(p.y - hi.y)));
  const double limit = std::min(max_distance.value, reach);
  double r = std::min(64.0, limit);
  while (true) {
    const core::Box window{{p.x - r, p.y - r}, {p.x + r, p.y + r}};
    for (auto it = m_tree.qbegin(bgi::intersects(window)); it != m_tree.qend(); ++it) {
      const auto& [piece, point, segment] = *it;
      const auto [d, t] = project(p, piece.first, piece.second);
      if (d < best || (d == best && segment < best_segment)) {
        best = d;
        best_point = point;
        best_segment = segment;
        best_t = t;
      }
    }
    if (best <= r || r >= limit) {
      break;
    }
    r = std::min(2.0 * r, limit);
  }
  if (best_segment == kNone || best > max_distance.value) {
    return std::nullopt;
  }
  const auto& pts = m_graph->arrays().points;
  double offset = 0.0;
  for (std::uint32_t i = m_graph->segment_first_point(best_segment); i < best_point; ++i) {
    offset += std::hypot(pts[i + 1].x - pts[i].x, pts[i + 1].y - pts[i].y);
  }
  const core::XY a = pts[best_point];
  const core::XY b = pts[best_point + 1];
  offset += best_t * std::hypot(b.x - a.x, b.y - a.y);
  Snap snap;
  snap.input = p;
  snap.point = core::XY{a.x + best_t * (b.x - a.x), a.y + best_t * (b.y - a.y)};
  snap.distance = core::Meters{best};
  snap.segment = best_segment;
  const double len = m_graph->segment_length_m(best_segment);
  snap.offset_m = std::min(offset, len);
  snap.fraction = len > 0.0 ? snap.offset_m / len : 0.0;
  return snap;
}

void SegmentIndex::pieces_in_box(const core::Box& box, std::vector<Value>& out) const {
  out.clear();
  m_tree.query(bgi::intersects(box), std::back_inserter(out));
}

std::vector<std::optional<Snap>> snap_points(const SegmentIndex& index,
                                             std::span<const core::XY> points,
                                             core::Meters max_distance, const std::string& what,
                                             core::Diagnostics& diagnostics) {
  std::vector<std::optional<Snap>> out;
  out.reserve(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    out.push_back(index.snap(points[i], max_distance));
    if (!out.back()) {
      diagnostics.add({core::Severity::warning,
                       "snap_too_far",
                       {},
                       i + 1,
                       what,
                       what + " point is more than " +
                           std::to_string(static_cast<long long>(max_distance.value)) +
                           " m from every road of the network"});
    }
  }
  return out;
}

}  // namespace caremap::routing
