#include "index/layer_index.hpp"

#include <algorithm>

namespace caremap::index {

namespace bgi = boost::geometry::index;
namespace bg = boost::geometry;

namespace {

std::vector<LayerIndex::Value> boxes_of(const core::Layer& layer) {
  std::vector<LayerIndex::Value> values;
  values.reserve(layer.size());
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    if (auto box = core::envelope(layer.features[i].geometry)) {
      values.emplace_back(*box, core::FeatureId{static_cast<std::uint32_t>(i)});
    }
  }
  return values;
}

}  // namespace

LayerIndex::LayerIndex(const core::Layer& layer) {
  auto values = boxes_of(layer);
  m_tree = decltype(m_tree)(values.begin(), values.end());
}

std::vector<core::FeatureId> LayerIndex::candidates(const core::Box& box) const {
  std::vector<core::FeatureId> out;
  for (auto it = m_tree.qbegin(bgi::intersects(box)); it != m_tree.qend(); ++it) {
    out.push_back(it->second);
  }
  return out;
}

namespace {

struct DistanceVisitor {
  core::XY p;
  std::optional<core::Meters> operator()(const std::monostate&) const { return std::nullopt; }
  template <class G>
  std::optional<core::Meters> operator()(const G& geom) const {
    return core::Meters{bg::distance(p, geom)};
  }
};

}  // namespace

std::optional<core::Meters> distance_to(const core::Geometry& g, core::XY p) {
  if (core::is_empty(g)) {
    return std::nullopt;
  }
  return std::visit(DistanceVisitor{p}, g);
}

std::vector<core::FeatureId> LayerIndex::containing(const core::Layer& layer, core::XY p) const {
  std::vector<core::FeatureId> out;
  const core::Box point_box{p, p};
  for (auto it = m_tree.qbegin(bgi::intersects(point_box)); it != m_tree.qend(); ++it) {
    const auto& g = layer[it->second].geometry;
    bool inside = false;
    if (const auto* poly = std::get_if<core::Polygon>(&g)) {
      inside = bg::covered_by(p, *poly);
    } else if (const auto* mp = std::get_if<core::MultiPolygon>(&g)) {
      inside = bg::covered_by(p, *mp);
    }
    if (inside) {
      out.push_back(it->second);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<NearestHit> LayerIndex::nearest(const core::Layer& layer, core::XY p,
                                              core::Meters max_distance) const {
  // Box distance is a lower bound of the geometry distance: walk boxes nearest-first and stop
  // once the next box is farther than the best exact distance found.
  std::optional<NearestHit> best;
  for (auto it = m_tree.qbegin(bgi::nearest(p, static_cast<unsigned>(m_tree.size())));
       it != m_tree.qend(); ++it) {
    const double box_distance = bg::distance(p, it->first);
    if (box_distance > max_distance.value || (best && box_distance > best->distance.value)) {
      break;
    }
    if (auto d = distance_to(layer[it->second].geometry, p);
        d && *d <= max_distance && (!best || *d < best->distance)) {
      best = NearestHit{it->second, *d};
    }
  }
  return best;
}

}  // namespace caremap::index
