#include "analysis/circle_polygons.hpp"

#include <algorithm>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <iterator>
#include <numbers>
#include <numeric>
#include <tuple>

#include "analysis/hilbert_order.hpp"
#include "analysis/polygon_union.hpp"
#include "core/parallel_chunks.hpp"
#include "core/unscaled_overlay.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;

core::Polygon circle_polygon(core::XY centre, core::Meters radius, int segments) {
  core::Polygon poly;
  auto& ring = poly.outer();
  ring.reserve(static_cast<std::size_t>(segments) + 1);
  // Clockwise from east: angle decreasing, each vertex computed from its index (not by repeated
  // addition) so the last vertex lands exactly where it should.
  for (int i = 0; i < segments; ++i) {
    const double a = -2.0 * std::numbers::pi * i / segments;
    ring.push_back({centre.x + radius.value * std::cos(a), centre.y + radius.value * std::sin(a)});
  }
  ring.push_back(ring.front());
  return poly;
}

double circle_area_error(int segments) {
  const double t = 2.0 * std::numbers::pi / segments;
  return 1.0 - std::sin(t) / t;
}

core::Meters circle_radial_error(core::Meters radius, int segments) {
  return core::Meters{radius.value * (1.0 - std::cos(std::numbers::pi / segments))};
}

namespace {

struct DistinctDisc {
  Disc disc;
  int multiplicity = 1;
};

// Distinct discs in Hilbert order of their centres, so neighbours on the map are merged first
// and intermediate unions stay compact.
std::vector<DistinctDisc> distinct_in_hilbert_order(std::span<const Disc> discs) {
  std::vector<Disc> sorted(discs.begin(), discs.end());
  std::sort(sorted.begin(), sorted.end(), [](const Disc& a, const Disc& b) {
    return std::tie(a.centre.x, a.centre.y, a.radius.value) <
           std::tie(b.centre.x, b.centre.y, b.radius.value);
  });
  std::vector<DistinctDisc> distinct;
  for (const Disc& d : sorted) {
    if (!distinct.empty() && distinct.back().disc.centre == d.centre &&
        distinct.back().disc.radius == d.radius) {
      ++distinct.back().multiplicity;
    } else {
      distinct.push_back({d, 1});
    }
  }
  std::vector<core::XY> centres;
  centres.reserve(distinct.size());
  for (const DistinctDisc& d : distinct) {
    centres.push_back(d.disc.centre);
  }
  std::vector<DistinctDisc> ordered;
  ordered.reserve(distinct.size());
  for (const std::uint32_t i : hilbert_order(centres)) {
    ordered.push_back(distinct[i]);
  }
  return ordered;
}

// The coverage of discs [first, last) of one group: split in two halves of the Hilbert order
// (neighbours on the map), covered each on its own, then joined. A point is in two or more discs
// of the whole when it is so in either half, or in one disc of each:
//   any    = any(A) ∪ any(B)
//   backup = backup(A) ∪ backup(B) ∪ (any(A) ∩ any(B)).
// Each disc's polygon meets others O(log n) times rather than once per later disc (adding the
// discs one by one to a growing union cost O(n) overlays with the whole union each), and the
// two halves of the top split run side by side.
DiscCoverage cover_range(const std::vector<core::MultiPolygon>& circles,
                         const std::vector<DistinctDisc>& distinct, std::size_t first,
                         std::size_t last, bool parallel) {
  if (last - first == 1) {
    DiscCoverage one;
    one.any = circles[first];
    if (distinct[first].multiplicity > 1) {
      one.backup = circles[first];  // shared by several facilities: backup-covered as a whole
    }
    return one;
  }
  const std::size_t mid = first + (last - first) / 2;
  DiscCoverage halves[2];
  const auto cover_half = [&](std::size_t half) {
    halves[half] = half == 0 ? cover_range(circles, distinct, first, mid, false)
                             : cover_range(circles, distinct, mid, last, false);
  };
  if (parallel) {
    core::parallel_chunks(2, 2, [&](std::size_t half, unsigned) { cover_half(half); });
  } else {
    cover_half(0);
    cover_half(1);
  }
  DiscCoverage out;
  core::MultiPolygon in_both;
  core::intersection_unscaled(halves[0].any, halves[1].any, in_both);
  bg::union_(halves[0].any, halves[1].any, out.any);
  core::MultiPolygon backup_halves;
  bg::union_(halves[0].backup, halves[1].backup, backup_halves);
  bg::union_(backup_halves, in_both, out.backup);
  return out;
}

// One group of discs that overlap one another (directly or through others), in Hilbert order.
DiscCoverage cover_component(const std::vector<DistinctDisc>& distinct, int segments,
                             bool with_backup) {
  std::vector<core::MultiPolygon> circles;
  circles.reserve(distinct.size());
  for (const DistinctDisc& d : distinct) {
    circles.push_back({circle_polygon(d.disc.centre, d.disc.radius, segments)});
  }
  if (with_backup) {
    // Large groups split across the cores; small ones are not worth a thread.
    return cover_range(circles, distinct, 0, circles.size(), circles.size() >= 16);
  }
  DiscCoverage out;
  out.any = cascaded_union(std::move(circles));
  return out;
}

// Groups of discs that may overlap (centres no farther apart than the radii together, directly
// or through other discs), each in the Hilbert order of `distinct`, in the order of their first
// disc. Discs of different groups share no point, so each group's union is its own.
std::vector<std::vector<DistinctDisc>> overlapping_groups(
    const std::vector<DistinctDisc>& distinct) {
  namespace bgi = boost::geometry::index;
  const std::size_t n = distinct.size();
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  const auto root = [&](std::size_t i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  double max_radius = 0.0;
  std::vector<std::pair<core::XY, std::size_t>> centres;
  centres.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    max_radius = std::max(max_radius, distinct[i].disc.radius.value);
    centres.emplace_back(distinct[i].disc.centre, i);
  }
  const bgi::rtree<std::pair<core::XY, std::size_t>, bgi::rstar<16>> tree(centres.begin(),
                                                                          centres.end());
  for (std::size_t i = 0; i < n; ++i) {
    const core::XY c = distinct[i].disc.centre;
    const double reach = distinct[i].disc.radius.value + max_radius;
    const core::Box box{{c.x - reach, c.y - reach}, {c.x + reach, c.y + reach}};
    for (auto it = tree.qbegin(bgi::intersects(box)); it != tree.qend(); ++it) {
      const std::size_t j = it->second;
      const double limit = distinct[i].disc.radius.value + distinct[j].disc.radius.value;
      if (j != i && bg::comparable_distance(c, it->first) <= limit * limit) {
        parent[root(i)] = root(j);
      }
    }
  }
  std::vector<std::vector<DistinctDisc>> groups;
  std::vector<std::size_t> group_of_root(n, n);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t& g = group_of_root[root(i)];
    if (g == n) {
      g = groups.size();
      groups.emplace_back();
    }
    groups[g].push_back(distinct[i]);
  }
  return groups;
}

}  // namespace

DiscCoverage cover_discs(std::span<const Disc> discs, int segments, bool with_backup) {
  const std::vector<std::vector<DistinctDisc>> groups =
      overlapping_groups(distinct_in_hilbert_order(discs));
  // Groups are independent: on all cores, the largest first, joined in group order.
  std::vector<std::size_t> by_size(groups.size());
  std::iota(by_size.begin(), by_size.end(), 0);
  std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) {
    return groups[a].size() > groups[b].size();
  });
  std::vector<DiscCoverage> parts(groups.size());
  core::parallel_chunks(groups.size(), 0, [&](std::size_t k, unsigned) {
    parts[by_size[k]] = cover_component(groups[by_size[k]], segments, with_backup);
  });
  DiscCoverage out;
  for (DiscCoverage& p : parts) {
    out.any.insert(out.any.end(), std::make_move_iterator(p.any.begin()),
                   std::make_move_iterator(p.any.end()));
    out.backup.insert(out.backup.end(), std::make_move_iterator(p.backup.begin()),
                      std::make_move_iterator(p.backup.end()));
  }
  return out;
}

}  // namespace caremap::analysis
