#pragma once
// Features produced one at a time, so that a writer can stream a result of a million rows
// without the result ever existing as a core::Layer (whose features, each with its own value
// vector and strings, cost hundreds of MB and most of the time of a national nearest run).

#include <cstddef>

#include "core/layer.hpp"

namespace caremap::core {

/// What a writer must know before the first row (column names, geometry columns).
struct SourceShape {
  bool any_geometry = false;      ///< some feature has a geometry
  bool points_only = true;        ///< every geometry is a point (or empty)
  bool mixed_categories = false;  ///< some feature's category differs from the layer's
};

class FeatureSource {
 public:
  virtual ~FeatureSource() = default;
  /// The layer's identity and schema (id, title, category, crs, fields, name field,
  /// provenance). Its features are not part of the source and may be empty.
  virtual const Layer& schema() const = 0;
  virtual std::size_t size() const = 0;
  /// Writes feature i (i < size()) into `out`, reusing its buffers. Must be safe to call from
  /// several threads at once for different `out`.
  virtual void get(std::size_t i, Feature& out) const = 0;
  /// Default: one pass over every feature. Sources that know their shape say so.
  virtual SourceShape shape() const;
};

/// A layer's own features as a source (the writers' one code path for layers and streams).
class LayerFeatures final : public FeatureSource {
 public:
  explicit LayerFeatures(const Layer& layer) : m_layer(layer) {}
  const Layer& schema() const override { return m_layer; }
  std::size_t size() const override { return m_layer.features.size(); }
  void get(std::size_t i, Feature& out) const override { out = m_layer.features[i]; }
  SourceShape shape() const override;

 private:
  const Layer& m_layer;
};

}  // namespace caremap::core
