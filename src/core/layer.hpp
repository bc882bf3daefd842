#pragma once
// A layer: features with one schema, in one CRS (the working CRS, metres, once loaded), with a
// category and provenance. Layers are values; once built they are shared read-only as
// std::shared_ptr<const Layer> between the engine, the viewer's job thread and the renderer.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/category.hpp"
#include "core/geometry.hpp"
#include "core/provenance.hpp"

namespace caremap::core {

/// Position of a feature in its layer. Stable for the life of the (immutable) layer.
struct FeatureId {
  std::uint32_t value = 0;
  friend constexpr auto operator<=>(const FeatureId&, const FeatureId&) = default;
};

enum class FieldType { integer, real, text };

struct Field {
  std::string name;
  FieldType type = FieldType::text;
};

/// A cell value; std::monostate is null.
using FieldValue = std::variant<std::monostate, std::int64_t, double, std::string>;

/// The value as text for display and CSV ("" for null, shortest round-trip form for reals).
std::string to_text(const FieldValue& v);
/// The value as a number, if it is one or is text that parses as one.
std::optional<double> to_number(const FieldValue& v);

struct Feature {
  Geometry geometry;
  std::vector<FieldValue> values;       ///< one per schema field, in schema order
  Category category = Category::other;  ///< usually the layer's; a feature may be more specific
  std::size_t source_row = 0;           ///< 1-based data row in the source file, 0 if none
};

struct Layer {
  std::string id;     ///< stable identifier, e.g. "hospitals" (file-name safe)
  std::string title;  ///< display title, e.g. "病院"
  Category category = Category::other;
  std::string crs;  ///< CRS definition understood by PROJ, e.g. "EPSG:6670"
  std::vector<Field> fields;
  std::vector<Feature> features;
  std::optional<std::size_t> name_field;      ///< field holding the feature's display name
  std::optional<std::size_t> capacity_field;  ///< field holding capacity (beds, 定員)
  Provenance provenance;
  /// True when every polygon is known to be valid (OGC rules: Boost.Geometry's check of each
  /// polygon, GEOS's of a multipolygon's parts against each other): the reader checked each one
  /// and repaired what it could, and none stayed invalid. Analyses that need valid polygons then
  /// skip their own check (a city with 648 islets costs tens of milliseconds to check); a layer
  /// built any other way says false and is checked where used. Copies keep it: whoever changes
  /// a copy's geometry (reprojection, drawing) must set it to false.
  bool polygons_valid = false;

  std::size_t size() const { return features.size(); }
  const Feature& operator[](FeatureId id) const { return features[id.value]; }

  /// Index of a field by exact name.
  std::optional<std::size_t> field_index(std::string_view name) const;
  /// Index of a field by name; throws InputError naming the layer and the field if absent.
  std::size_t require_field(std::string_view name) const;
  /// Appends a field; returns its index. Existing features get a null value.
  std::size_t add_field(std::string name, FieldType type);

  /// The feature's display name: the name field's text, else "#<row>".
  std::string display_name(FeatureId id) const;
  /// Capacity of a feature if the layer declares one and the value is a number.
  std::optional<double> capacity(FeatureId id) const;

  /// Bounding box of every feature, nullopt for an empty layer.
  std::optional<Box> bounds() const;
  /// Number of features of a category (features may differ from the layer's category).
  std::size_t count(Category c) const;
};

using LayerPtr = std::shared_ptr<const Layer>;

}  // namespace caremap::core
