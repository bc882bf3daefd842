#include "crs/reproject.hpp"

#include "core/error.hpp"

namespace caremap::crs {

core::Layer reproject_layer(const core::Layer& layer, const CrsRef& target) {
  if (layer.crs.empty()) {
    core::ErrorContext ctx;
    ctx.layer = layer.id;
    throw core::InputError("layer has no CRS to reproject from", ctx);
  }
  Transformer transformer(CrsRef::parse(layer.crs), target);
  return reproject_layer(layer, transformer);
}

core::Layer reproject_layer(const core::Layer& layer, Transformer& transformer) {
  core::Layer out = layer;
  out.crs = transformer.target().definition;
  if (transformer.is_identity()) {
    return out;
  }
  // Moving every vertex can make nearby parts touch or a thin ring fold: nobody has checked the
  // new polygons.
  out.polygons_valid = false;
  for (auto& feature : out.features) {
    try {
      feature.geometry = transformer.transform(feature.geometry);
    } catch (const core::Error& e) {
      core::ErrorContext ctx;
      ctx.layer = layer.id;
      if (feature.source_row != 0) {
        ctx.row = feature.source_row;
      }
      throw core::InputError(e.detail(), ctx);
    }
  }
  return out;
}

}  // namespace caremap::crs
