#include "index/point_index.hpp"

#include <algorithm>

namespace caremap::index {

namespace bgi = boost::geometry::index;
namespace bg = boost::geometry;

PointIndex::PointIndex(std::vector<Value> points) : m_tree(points.begin(), points.end()) {}

PointIndex PointIndex::of_layer(const core::Layer& layer,
                                const std::function<bool(const core::Feature&)>& keep) {
  std::vector<Value> points;
  points.reserve(layer.size());
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    const auto& f = layer.features[i];
    if (keep && !keep(f)) {
      continue;
    }
    if (auto p = core::representative_point(f.geometry)) {
      points.emplace_back(*p, core::FeatureId{static_cast<std::uint32_t>(i)});
    }
  }
  return PointIndex(std::move(points));
}

void PointIndex::nearest(core::XY p, std::size_t k, std::vector<NearestHit>& out) const {
  out.clear();
  if (k == 0 || m_tree.empty()) {
    return;
  }
  // The callback query is a single traversal; the incremental qbegin() iterator costs about a
  // third more per query.
  for_each_nearest(p, k, [&](const Value& v) {
    out.push_back(NearestHit{v.second, core::Meters{bg::distance(p, v.first)}});
  });
  std::sort(out.begin(), out.end(), [](const NearestHit& a, const NearestHit& b) {
    return a.distance < b.distance || (a.distance == b.distance && a.id < b.id);
  });
}

std::vector<NearestHit> PointIndex::nearest(core::XY p, std::size_t k) const {
  std::vector<NearestHit> out;
  out.reserve(k);
  nearest(p, k, out);
  return out;
}

std::optional<NearestHit> PointIndex::nearest_one(core::XY p) const {
  std::optional<NearestHit> out;
  for_each_nearest(p, 1, [&](const Value& v) {
    out = NearestHit{v.second, core::Meters{bg::distance(p, v.first)}};
  });
  return out;
}

std::vector<NearestHit> PointIndex::within(core::XY p, core::Meters radius) const {
  std::vector<NearestHit> out;
  const core::Box box{{p.x - radius.value, p.y - radius.value},
                      {p.x + radius.value, p.y + radius.value}};
  const double r2 = radius.value * radius.value;
  for (auto it = m_tree.qbegin(bgi::intersects(box)); it != m_tree.qend(); ++it) {
    const double d2 = bg::comparable_distance(p, it->first);
    if (d2 <= r2) {
      out.push_back(NearestHit{it->second, core::Meters{std::sqrt(d2)}});
    }
  }
  return out;
}

std::vector<core::FeatureId> PointIndex::in_box(const core::Box& box) const {
  std::vector<core::FeatureId> out;
  for (auto it = m_tree.qbegin(bgi::covered_by(box)); it != m_tree.qend(); ++it) {
    out.push_back(it->second);
  }
  return out;
}

}  // namespace caremap::index
