#include "routing/closures_from_layer.hpp"

#include <cmath>

namespace caremap::routing {

namespace {

std::optional<std::size_t> first_field(const core::Layer& layer,
                                       std::initializer_list<std::string_view> names) {
  for (auto name : names) {
    if (auto i = layer.field_index(name)) {
      return i;
    }
  }
  return std::nullopt;
}

std::optional<double> number_at(const core::Feature& f, std::optional<std::size_t> field) {
  if (!field || *field >= f.values.size()) {
    return std::nullopt;
  }
  return core::to_number(f.values[*field]);
}

}  // namespace

Closures closures_from_layer(const core::Layer& layer, core::Diagnostics& diagnostics) {
  Closures out;
  const auto factor_field = first_field(layer, {"factor", "speed_factor"});
  const auto way_field = first_field(layer, {"way_id", "osm_way_id"});
  const std::string file =
      layer.provenance.inputs.empty() ? layer.id : layer.provenance.inputs.front().path;
  auto ignore = [&](const core::Feature& f, std::string why) {
    diagnostics.add({core::Severity::warning,
                     "closure_ignored",
                     file,
                     f.source_row ? std::optional<std::size_t>(f.source_row) : std::nullopt,
                     {},
                     std::move(why)});
  };
  for (const auto& f : layer.features) {
    if (const auto way = number_at(f, way_field)) {
      out.closed_ways.push_back(static_cast<std::int64_t>(std::llround(*way)));
      continue;
    }
    if (const auto factor = number_at(f, factor_field)) {
      const auto area = core::as_multipolygon(f.geometry);
      if (!area) {
        ignore(f, "a slowdown factor needs a polygon");
      } else if (!std::isfinite(*factor) || *factor <= 0.0) {
        ignore(f, "the factor must be a positive number");
      } else {
        out.slowdowns.push_back(Slowdown{*area, *factor});
      }
      continue;
    }
    if (core::is_empty(f.geometry)) {
      ignore(f, "no geometry and no way_id");
      continue;
    }
    out.barriers.push_back(f.geometry);
  }
  return out;
}

}  // namespace caremap::routing
