#include "analysis/contour.hpp"

#include <algorithm>
#include <cmath>

namespace caremap::analysis {

namespace {

// Crossing points stay this far (as a fraction of the edge) from the grid vertices, so that
// points of different edges never coincide.
constexpr double kEdgeMargin = 1e-4;
// Where two cut-off runs of an ambiguous cell meet, their chords end this fraction of the way
// from the edge's crossing point towards the cell's middle (see march()).
constexpr double kInset = 0.01;

struct RingInfo {
  std::size_t ring = 0;
  double area = 0.0;  // signed: < 0 clockwise (outer), > 0 counter-clockwise (hole)
  core::Box box;
};

double signed_area(const core::Ring& r) {
  // Relative to the first point: projected coordinates are large, their products cancel badly.
  const core::XY o = r.front();
  double sum = 0.0;
  for (std::size_t i = 1; i + 1 < r.size(); ++i) {
    sum += (r[i].x - o.x) * (r[i + 1].y - o.y) - (r[i + 1].x - o.x) * (r[i].y - o.y);
  }
  return 0.5 * sum;
}

// Crossing-number test; p is never on the ring (it is the midpoint of another ring's edge, and
// rings meet only at single points).
bool inside_ring(const core::Ring& r, core::XY p) {
  bool in = false;
  for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
    const core::XY a = r[i];
    const core::XY b = r[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
      in = !in;
    }
  }
  return in;
}

}  // namespace

void march(const ClassField& field, ChordSink& sink) {
  const Grid& g = field.grid();
  const std::span<const std::uint32_t> cls = field.classes();
  const std::uint32_t cols = g.columns;
  for (std::uint32_t j = 0; j + 1 < g.rows; ++j) {
    for (std::uint32_t i = 0; i + 1 < cols; ++i) {
      // Corners in clockwise order (y up): lower-left, upper-left, upper-right, lower-right.
      // Edge e joins corner e and corner e + 1.
      const std::uint32_t v0 = j * cols + i;
      const std::uint32_t v1 = v0 + cols;
      const std::uint32_t v3 = v0 + 1;
      const std::uint32_t k[4] = {cls[v0], cls[v1], cls[v1 + 1], cls[v3]};
      if (k[0] == k[1] && k[1] == k[2] && k[2] == k[3]) {
        continue;
      }
      const std::uint32_t key[4] = {2 * v0 + 1, 2 * v1, 2 * v3 + 1, 2 * v0};
      int changes[4];
      int m = 0;
      for (int e = 0; e < 4; ++e) {
        if (k[e] != k[(e + 1) & 3]) {
          changes[m++] = e;
        }
      }
      // Two runs: the run ending at the first change is "the middle", so only the other one
      // emits its chord. More runs or a saddle: the field decides.
      const std::uint32_t centre = m == 2 ? k[changes[0]] : field.centre_class(v0);
      // Where two cut-off runs meet at edge e, their chords end at an inset point instead of the
      // crossing point itself, joined to it by a short chord between the two runs' classes.
      // Otherwise a region holding both runs (or neither) would touch the edge at that single
      // point from this cell, and, if the cell beyond does the same, pinch there.
      std::uint32_t point[4] = {key[0], key[1], key[2], key[3]};
      if (m > 2) {
        const std::uint32_t inset = 2 * static_cast<std::uint32_t>(g.size()) + 4 * v0;
        for (int r = 0; r < m; ++r) {
          const int e = changes[r];
          const std::uint32_t before = k[e];
          const std::uint32_t after = k[(e + 1) & 3];
          if (before != centre && after != centre) {
            point[e] = inset + static_cast<std::uint32_t>(e);
            // Walking inwards from the edge, the corner before the edge is on the right.
            sink.add(before, after, Chord{key[e], point[e], v0});
          }
        }
      }
      for (int r = 0; r < m; ++r) {
        // The run of corners after edge `start` up to corner `end`; class k[end].
        const int start = changes[r];
        const int end = changes[(r + 1) % m];
        if (k[end] != centre) {
          sink.add(k[end], centre, Chord{point[end], point[start], v0});
        }
      }
    }
  }
}

core::XY crossing_point(const ClassField& field, std::uint32_t key) {
  const Grid& g = field.grid();
  const auto edge_keys = 2 * static_cast<std::uint32_t>(g.size());
  if (key >= edge_keys) {
    // An inset point: cell v0's crossing on its edge e, moved towards the cell's middle.
    const std::uint32_t v0 = (key - edge_keys) / 4;
    const std::uint32_t v1 = v0 + g.columns;
    const std::uint32_t edge[4] = {2 * v0 + 1, 2 * v1, 2 * (v0 + 1) + 1, 2 * v0};
    const core::XY p = crossing_point(field, edge[(key - edge_keys) % 4]);
    const core::XY c = g.xy(v0);
    const double half = 0.5 * g.cell;
    return {p.x + kInset * (c.x + half - p.x), p.y + kInset * (c.y + half - p.y)};
  }
  const std::uint32_t a = key >> 1;
  const bool up = (key & 1u) != 0;
  const std::uint32_t b = up ? a + g.columns : a + 1;
  const double t = std::clamp(field.crossing(a, b), kEdgeMargin, 1.0 - kEdgeMargin);
  const core::XY p = g.xy(a);
  return up ? core::XY{p.x, p.y + t * g.cell} : core::XY{p.x + t * g.cell, p.y};
}

std::size_t assemble_polygons(std::vector<Chord>& chords, const ClassField& field,
                              core::MultiPolygon& out, RingScratch& s) {
  out.clear();
  const std::size_t n = chords.size();
  if (n == 0) {
    return 0;
  }
  std::sort(chords.begin(), chords.end(), [](const Chord& a, const Chord& b) {
    return a.from != b.from ? a.from < b.from : a.cell < b.cell;
  });
  constexpr std::uint32_t kNoChord = std::numeric_limits<std::uint32_t>::max();
  // The chord that continues each chord's boundary: the one leaving its end point. The march
  // gives every point at most one chord per cell, so two can leave a point only if the chords
  // come from elsewhere; then the one in the same cell keeps the walk on its side.
  s.next.assign(n, kNoChord);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t key = chords[i].to;
    auto it = std::lower_bound(chords.begin(), chords.end(), key,
                               [](const Chord& c, std::uint32_t k) { return c.from < k; });
    if (it == chords.end() || it->from != key) {
      continue;
    }
    auto pick = it;
    for (auto jt = it; jt != chords.end() && jt->from == key; ++jt) {
      if (jt->cell == chords[i].cell) {
        pick = jt;
        break;
      }
    }
    s.next[i] = static_cast<std::uint32_t>(pick - chords.begin());
  }

  std::size_t broken = 0;
  s.done.assign(n, 0);
  s.rings.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (s.done[i]) {
      continue;
    }
    s.path.clear();
    std::uint32_t j = static_cast<std::uint32_t>(i);
    while (j != kNoChord && !s.done[j]) {
      s.done[j] = 1;
      s.path.push_back(chords[j].from);
      j = s.next[j];
    }
    if (j != i) {
      broken += s.path.size();
      continue;
    }
    core::Ring ring;
    ring.reserve(s.path.size() + 1);
    for (const std::uint32_t key : s.path) {
      ring.push_back(crossing_point(field, key));
    }
    ring.push_back(ring.front());
    s.rings.push_back(std::move(ring));
  }

  std::vector<RingInfo> outers;
  std::vector<RingInfo> holes;
  for (std::size_t r = 0; r < s.rings.size(); ++r) {
    const core::Ring& ring = s.rings[r];
    if (ring.size() < 4) {
      broken += ring.size();
      continue;
    }
    const double a = signed_area(ring);
    (a < 0.0 ? outers : holes).push_back({r, a, boost::geometry::return_envelope<core::Box>(ring)});
  }
  // Largest first, so that each hole goes to the smallest outer ring holding it (an island in a
  // hole of a larger part is its own outer ring).
  std::sort(outers.begin(), outers.end(),
            [](const RingInfo& a, const RingInfo& b) { return a.area < b.area; });
  std::vector<std::vector<std::size_t>> holes_of(outers.size());
  for (const RingInfo& h : holes) {
    const core::Ring& ring = s.rings[h.ring];
    const core::XY p{0.5 * (ring[0].x + ring[1].x), 0.5 * (ring[0].y + ring[1].y)};
    std::size_t owner = outers.size();
    for (std::size_t o = outers.size(); o-- > 0;) {
      if (boost::geometry::covered_by(p, outers[o].box) &&
          inside_ring(s.rings[outers[o].ring], p)) {
        owner = o;
        break;
      }
    }
    if (owner == outers.size()) {
      broken += ring.size();
      continue;
    }
    holes_of[owner].push_back(h.ring);
  }
  out.reserve(outers.size());
  for (std::size_t o = 0; o < outers.size(); ++o) {
    core::Polygon poly;
    poly.outer() = std::move(s.rings[outers[o].ring]);
    for (const std::size_t h : holes_of[o]) {
      poly.inners().push_back(std::move(s.rings[h]));
    }
    out.push_back(std::move(poly));
  }
  return broken;
}

}  // namespace caremap::analysis
