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

ClosureRules::ClosureRules(const core::Layer& layer)
    : m_factor_field(first_field(layer, {"factor", "speed_factor"})),
      m_way_field(first_field(layer, {"way_id", "osm_way_id"})) {}

ClosureFeature ClosureRules::classify(const core::Feature& f) const {
  using Kind = ClosureFeature::Kind;
  if (const auto way = number_at(f, m_way_field)) {
    return {Kind::way, static_cast<std::int64_t>(std::llround(*way)), 1.0, {}};
  }
  if (const auto factor = number_at(f, m_factor_field)) {
    if (!core::as_multipolygon(f.geometry)) {
      return {Kind::ignored, 0, 1.0, "a slowdown factor needs a polygon"};
    }
    if (!std::isfinite(*factor) || *factor <= 0.0) {
      return {Kind::ignored, 0, 1.0, "the factor must be a positive number"};
    }
    return {Kind::slowdown, 0, *factor, {}};
  }
  if (core::is_empty(f.geometry)) {
    return {Kind::ignored, 0, 1.0, "no geometry and no way_id"};
  }
  return {Kind::barrier, 0, 1.0, {}};
}

Closures closures_from_layer(const core::Layer& layer, core::Diagnostics& diagnostics) {
  Closures out;
  const ClosureRules rules(layer);
  const std::string file =
      layer.provenance.inputs.empty() ? layer.id : layer.provenance.inputs.front().path;
  for (const auto& f : layer.features) {
    const ClosureFeature c = rules.classify(f);
    switch (c.kind) {
      case ClosureFeature::Kind::way:
        out.closed_ways.push_back(c.way_id);
        break;
      case ClosureFeature::Kind::slowdown:
        out.slowdowns.push_back(Slowdown{*core::as_multipolygon(f.geometry), c.factor});
        break;
      case ClosureFeature::Kind::barrier:
        out.barriers.push_back(f.geometry);
        break;
      case ClosureFeature::Kind::ignored:
        diagnostics.add({core::Severity::warning,
                         "closure_ignored",
                         file,
                         f.source_row ? std::optional<std::size_t>(f.source_row) : std::nullopt,
                         {},
                         c.why});
        break;
    }
  }
  return out;
}

}  // namespace caremap::routing
