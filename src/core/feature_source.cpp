#include "core/feature_source.hpp"

namespace caremap::core {

namespace {

void add(SourceShape& s, const Feature& f, Category layer_category) {
  if (!is_empty(f.geometry)) {
    s.any_geometry = true;
  }
  if (!std::holds_alternative<XY>(f.geometry) &&
      !std::holds_alternative<std::monostate>(f.geometry)) {
    s.points_only = false;
  }
  if (f.category != layer_category) {
    s.mixed_categories = true;
  }
}

}  // namespace

SourceShape FeatureSource::shape() const {
  SourceShape s;
  Feature f;
  for (std::size_t i = 0; i < size(); ++i) {
    get(i, f);
    add(s, f, schema().category);
  }
  return s;
}

SourceShape LayerFeatures::shape() const {
  SourceShape s;
  for (const Feature& f : m_layer.features) {
    add(s, f, m_layer.category);
  }
  return s;
}

}  // namespace caremap::core
