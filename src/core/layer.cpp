#include "core/layer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/error.hpp"

namespace caremap::core {

std::string to_text(const FieldValue& v) {
  struct Visitor {
    std::string operator()(const std::monostate&) const { return {}; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const {
      if (!std::isfinite(d)) {
        return {};
      }
      char buf[32];
      const auto r = std::to_chars(buf, buf + sizeof buf, d);
      return std::string(buf, r.ptr);
    }
    std::string operator()(const std::string& s) const { return s; }
  };
  return std::visit(Visitor{}, v);
}

std::optional<double> to_number(const FieldValue& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) {
    return static_cast<double>(*i);
  }
  if (const auto* d = std::get_if<double>(&v)) {
    return *d;
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    const char* first = s->data();
    const char* last = first + s->size();
    while (first < last && *first == ' ') {
      ++first;
    }
    double out = 0.0;
    const auto r = std::from_chars(first, last, out);
    if (r.ec == std::errc{} && r.ptr == last && first != last) {
      return out;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> Layer::field_index(std::string_view name) const {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) {
      return i;
    }
  }
  return std::nullopt;
}

std::size_t Layer::require_field(std::string_view name) const {
  if (auto i = field_index(name)) {
    return *i;
  }
  const std::string file = provenance.inputs.empty() ? std::string() : provenance.inputs[0].path;
  throw InputError("no field named '" + std::string(name) + "'",
                   ErrorContext{file, id, std::nullopt, std::string(name)});
}

std::size_t Layer::add_field(std::string name, FieldType type) {
  fields.push_back(Field{std::move(name), type});
  for (auto& f : features) {
    f.values.resize(fields.size());
  }
  return fields.size() - 1;
}

std::string Layer::display_name(FeatureId id) const {
  const Feature& f = features[id.value];
  if (name_field && *name_field < f.values.size()) {
    std::string s = to_text(f.values[*name_field]);
    if (!s.empty()) {
      return s;
    }
  }
  return "#" + std::to_string(f.source_row ? f.source_row : id.value + 1);
}

std::optional<double> Layer::capacity(FeatureId id) const {
  const Feature& f = features[id.value];
  if (!capacity_field || *capacity_field >= f.values.size()) {
    return std::nullopt;
  }
  return to_number(f.values[*capacity_field]);
}

std::optional<Box> Layer::bounds() const {
  std::optional<Box> out;
  for (const auto& f : features) {
    out = merge(out, envelope(f.geometry));
  }
  return out;
}

std::size_t Layer::count(Category c) const {
  return static_cast<std::size_t>(
      std::count_if(features.begin(), features.end(),
                    [c](const Feature& f) { return satisfies(f.category, c); }));
}

}  // namespace caremap::core
