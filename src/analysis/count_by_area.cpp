#include "analysis/count_by_area.hpp"

#include <map>

#include "index/layer_index.hpp"

namespace caremap::analysis {

namespace {

void count_feature(const std::vector<core::FeatureId>& areas, AreaCountRow& row) {
  ++row.total;
  if (areas.empty()) {
    ++row.outside;
  }
  for (const core::FeatureId a : areas) {
    ++row.per_area[a.value];
  }
}

}  // namespace

AreaCounts count_by_area(const core::Layer& boundary, const std::vector<core::LayerPtr>& layers) {
  AreaCounts out;
  for (std::size_t i = 0; i < boundary.size(); ++i) {
    out.areas.push_back(boundary.display_name(core::FeatureId{static_cast<std::uint32_t>(i)}));
  }
  const index::LayerIndex areas(boundary);
  for (const auto& layer : layers) {
    AreaCountRow row{
        layer->id, layer->title, layer->category, std::vector<std::size_t>(out.areas.size(), 0), 0,
        0};
    std::map<core::Category, AreaCountRow> special;
    for (const auto& f : layer->features) {
      const auto p = core::representative_point(f.geometry);
      if (!p) {
        continue;
      }
      const auto containing = areas.containing(boundary, *p);
      count_feature(containing, row);
      if (f.category != layer->category) {
        auto [it, inserted] = special.try_emplace(
            f.category, AreaCountRow{layer->id, layer->title, f.category,
                                     std::vector<std::size_t>(out.areas.size(), 0), 0, 0});
        count_feature(containing, it->second);
      }
    }
    out.rows.push_back(std::move(row));
    for (auto& [category, extra] : special) {
      out.rows.push_back(std::move(extra));
    }
  }
  return out;
}

}  // namespace caremap::analysis
