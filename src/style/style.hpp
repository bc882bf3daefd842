#pragma once
// The map's style model: how each category of feature is drawn (symbol shape, colours, sizes in
// screen pixels, label rules). Pure data with no GL, so the renderer, the legend and later the
// committee print layouts (Cairo) all read the same rules and cannot disagree.
//
// Colours are sRGB bytes. Sizes are in screen pixels at a pixel ratio of 1 (an export at higher
// resolution multiplies them by its pixel ratio). The default palette is Okabe-Ito, which stays
// distinguishable under the common forms of colour-blindness; every facility category also has
// its own shape, so no category is told apart by colour alone.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/category.hpp"
#include "core/layer.hpp"

namespace caremap::style {

struct Rgba {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  std::uint8_t a = 255;
  friend constexpr bool operator==(const Rgba&, const Rgba&) = default;
};

/// 0xRRGGBB with an alpha byte.
constexpr Rgba rgb(std::uint32_t hex, std::uint8_t alpha = 255) {
  return Rgba{static_cast<std::uint8_t>((hex >> 16) & 0xff),
              static_cast<std::uint8_t>((hex >> 8) & 0xff), static_cast<std::uint8_t>(hex & 0xff),
              alpha};
}

/// The Okabe-Ito colour-blind safe palette.
namespace okabe_ito {
inline constexpr Rgba black = rgb(0x000000);
inline constexpr Rgba orange = rgb(0xE69F00);
inline constexpr Rgba sky_blue = rgb(0x56B4E9);
inline constexpr Rgba bluish_green = rgb(0x009E73);
inline constexpr Rgba yellow = rgb(0xF0E442);
inline constexpr Rgba blue = rgb(0x0072B2);
inline constexpr Rgba vermillion = rgb(0xD55E00);
inline constexpr Rgba reddish_purple = rgb(0xCC79A7);
}  // namespace okabe_ito

/// Point symbol shapes. The values are the shape codes the point fragment shader understands
/// (shaders/point.frag); keep the two in step.
enum class Shape : std::uint8_t {
  circle = 0,
  square = 1,
  diamond = 2,
  triangle = 3,       ///< pointing up
  triangle_down = 4,  ///< pointing down
  star = 5,           ///< five-pointed
  hexagon = 6,
  cross = 7,  ///< a plus sign with thick arms
  pentagon = 8,
};

const char* to_string(Shape s);

struct PointSymbol {
  Shape shape = Shape::circle;
  Rgba fill = okabe_ito::blue;
  Rgba outline = rgb(0xffffff);
  float size_px = 10.0f;    ///< diameter of the shape's bounding circle
  float outline_px = 1.5f;  ///< outline width, drawn inside size_px
};

struct LineSymbol {
  Rgba color = rgb(0x444444);
  float width_px = 1.5f;
  float dash_px = 0.0f;  ///< dash and gap length along the line (screen px); 0 = solid
};

struct FillSymbol {
  Rgba fill = rgb(0xcccccc, 128);
  Rgba outline = rgb(0x666666);
  float outline_px = 1.0f;  ///< 0 draws no outline
};

/// When and how feature names are drawn.
struct LabelRule {
  bool enabled = false;
  /// Labels are shown only when the view is at least this detailed (metres per screen pixel).
  double max_m_per_px = 10.0;
  int priority = 0;  ///< higher wins when labels collide
  float size_px = 13.0f;
  Rgba text = rgb(0x222222);
  Rgba halo = rgb(0xffffff, 230);
  bool bold = false;
};

/// Everything needed to draw one kind of feature.
struct Symbol {
  std::string title_en;  ///< legend title, English
  std::string title_ja;  ///< legend title, Japanese
  PointSymbol point;
  LineSymbol line;
  FillSymbol fill;
  LabelRule label;
};

/// The built-in symbol of a category.
Symbol default_symbol(core::Category c);

/// A graduated colour ramp on a numeric field (mesh counts, coverage multiplicity): feature values
/// v with breaks[i-1] <= v < breaks[i] take colours[i]; below breaks[0] takes colours[0].
/// colours.size() == breaks.size() + 1.
struct Ramp {
  std::string field;
  std::vector<double> breaks;
  std::vector<Rgba> colours;
  std::vector<std::string> labels;  ///< legend label per class; empty = numeric ranges
  /// Line width per class for line features (road hierarchy); empty = the category's width.
  std::vector<float> line_widths;
  /// Dash length per class (screen px, 0 = solid) for line features; empty = solid.
  std::vector<float> line_dashes_px;
  friend bool operator==(const Ramp&, const Ramp&) = default;
};

/// The user's choices for one layer, layered over the category defaults. Persisted in settings.
struct LayerStyle {
  bool visible = true;
  float opacity = 1.0f;          ///< multiplies every alpha of the layer, 0..1
  std::optional<Rgba> color;     ///< replaces point fill / line colour / fill colour (keeps alpha)
  std::optional<float> size_px;  ///< replaces the point size or line width
  bool labels = true;            ///< draw labels where the category's rule allows
  std::optional<Ramp> ramp;      ///< colour polygons by a field instead of by category
  friend bool operator==(const LayerStyle&, const LayerStyle&) = default;
};

/// The population layer's density choropleth: pop_per_km2 (people per km² of each census cell)
/// in 7 classes, < 100, 100-500, 500-1,000, 1,000-2,000, 2,000-4,000, 4,000-8,000, >= 8,000, on
/// ColorBrewer YlOrRd; the legend labels are those class ranges (people per km²).
Ramp population_density_ramp();

/// Roads by their speed (speed_kmh, the network's travel speed of each segment) in three
/// classes, < 32, 32 - 50 and >= 50 km/h, ever darker and wider: on the KSJ N01 profile these are
/// the prefectural roads (30 km/h), the national roads (35 km/h) and the expressways (80 km/h);
/// on OpenStreetMap, local streets, main roads and fast roads. The legend gives the speeds.
Ramp road_speed_ramp();

/// The default style of a layer: mesh layers get a ramp on their count field if they have one;
/// a population layer with pop_per_km2 gets population_density_ramp(); a road layer with
/// speed_kmh gets road_speed_ramp().
LayerStyle default_layer_style(const core::Layer& layer);

/// One class of features of a layer as drawn: a category or a ramp class.
struct SymbolClass {
  Symbol symbol;  ///< fully resolved (layer overrides and opacity applied)
  std::optional<core::Category> category;
  std::string range_label;  ///< for ramp classes, "2 - 3"; empty otherwise
  std::size_t feature_count = 0;
};

/// The resolved symbology of one layer: the classes in legend order and each feature's class.
/// This is what both the renderer and the legend read.
struct LayerSymbology {
  std::vector<SymbolClass> classes;
  std::vector<std::uint16_t> feature_class;  ///< one per feature, index into classes
};

/// Resolves a layer's symbology. Complexity O(features). Features whose category has no
/// meaningful symbol fall back to the layer's category, then to `other`.
LayerSymbology resolve_symbology(const core::Layer& layer, const LayerStyle& style);

/// A sequential colour ramp of `n` colours for ordered classes such as travel-time bands, first
/// = nearest (darkest) to last = farthest (lightest), taken along ColorBrewer's YlGnBu (blue to
/// pale yellow-green: colour-blind safe, prints in grey, and apart from the facility symbols'
/// saturated Okabe-Ito hues). Evenly spaced in the ramp; `alpha` on every colour. n = 0 gives
/// none; n = 1 the middle blue.
std::vector<Rgba> sequential_ramp(std::size_t n, std::uint8_t alpha = 255);

/// The symbol of user-drawn slowdown areas (travel slowed, roads still open): Okabe-Ito orange,
/// next to the vermillion of closures.
Symbol slowdown_symbol();

/// How much point symbols shrink at overview scales: 1 down to 50 m per pixel, then with the
/// square root of the detail, but never below 0.45. A national map of 20,000 facilities stays a
/// readable pattern of small marks instead of a carpet of overlapping symbols (and costs a
/// software renderer five times fewer pixels).
float symbol_scale(double m_per_px);

/// How a layer is drawn and shown in a legend: the geometry kind most of its features have.
enum class GeometryKind { point, line, fill };
/// The dominant kind (most features; polygons win ties, then lines). O(features).
GeometryKind dominant_geometry(const core::Layer& layer);

/// Alpha multiplied by `opacity` (clamped to 0..1).
Rgba with_opacity(Rgba c, float opacity);

/// "#rrggbb" or "#rrggbbaa" (alpha written only when not 255).
std::string to_hex(Rgba c);
/// Parses "#rrggbb" or "#rrggbbaa"; nullopt if malformed.
std::optional<Rgba> parse_hex(std::string_view s);

}  // namespace caremap::style
