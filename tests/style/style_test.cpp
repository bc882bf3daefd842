#include "style/style.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <utility>

using caremap::core::Category;
using namespace caremap::style;

TEST_CASE("every facility category has its own shape and its own colour", "[style]") {
  // Nine shapes and eight Okabe-Ito colours are fewer than the eleven facility categories: the
  // home-care offices (visiting nurse, care manager, home help) share a shape with one layer and
  // a colour with another, never both, and differ from each other in both.
  const std::set<Category> home_care{Category::visiting_nurse_station,
                                     Category::care_manager_office, Category::home_help_office};
  std::set<std::pair<Shape, std::uint32_t>> pairs;
  std::set<Shape> shapes;
  std::set<std::uint32_t> colours;
  std::set<Shape> home_care_shapes;
  std::set<std::uint32_t> home_care_colours;
  std::size_t facilities = 0;
  for (Category c : caremap::core::all_categories()) {
    if (!caremap::core::is_facility(c)) {
      continue;
    }
    ++facilities;
    const Symbol s = default_symbol(c);
    const std::uint32_t colour = (s.point.fill.r << 16) | (s.point.fill.g << 8) | s.point.fill.b;
    INFO(caremap::core::to_string(c));
    CHECK(pairs.insert({s.point.shape, colour}).second);
    if (home_care.count(c) > 0) {
      CHECK(home_care_shapes.insert(s.point.shape).second);
      CHECK(home_care_colours.insert(colour).second);
    } else {
      CHECK(shapes.insert(s.point.shape).second);
      CHECK(colours.insert(colour).second);
    }
    CHECK(s.point.size_px >= 8.0f);
    CHECK(s.point.outline_px > 0.0f);
    CHECK(!s.title_ja.empty());
    CHECK(!s.title_en.empty());
  }
  CHECK(facilities == 11);
  CHECK(home_care_shapes.size() == 3);
}

TEST_CASE("facility colours come from the Okabe-Ito palette", "[style]") {
  const std::set<std::uint32_t> palette{0x000000, 0xE69F00, 0x56B4E9, 0x009E73,
                                        0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7};
  std::size_t from_palette = 0;
  for (Category c : caremap::core::all_categories()) {
    if (!caremap::core::is_facility(c)) {
      continue;
    }
    const Rgba f = default_symbol(c).point.fill;
    from_palette += palette.count((f.r << 16) | (f.g << 8) | f.b);
  }
  CHECK(from_palette >= 7);  // care facilities use a dark grey next to the palette's black
}

TEST_CASE("boundaries are quiet: thin grey outline, no strong fill", "[style]") {
  const Symbol s = default_symbol(Category::boundary);
  CHECK(s.fill.outline_px <= 1.5f);
  CHECK(s.fill.outline.r == s.fill.outline.g);
  CHECK(s.fill.outline.g == s.fill.outline.b);
  CHECK(s.fill.fill.r > 230);
}

TEST_CASE("resolve_symbology gives one class per category present", "[style]") {
  caremap::core::Layer layer;
  layer.category = Category::hospital;
  for (Category c : {Category::hospital, Category::backup_hospital, Category::hospital}) {
    caremap::core::Feature f;
    f.geometry = caremap::core::XY{0, 0};
    f.category = c;
    layer.features.push_back(f);
  }
  const LayerSymbology sym = resolve_symbology(layer, LayerStyle{});
  REQUIRE(sym.classes.size() == 2);
  CHECK(sym.classes[0].category == Category::hospital);
  CHECK(sym.classes[0].feature_count == 2);
  CHECK(sym.classes[1].category == Category::backup_hospital);
  CHECK(sym.feature_class == std::vector<std::uint16_t>{0, 1, 0});
  CHECK(sym.classes[1].symbol.point.shape == default_symbol(Category::backup_hospital).point.shape);
}

TEST_CASE("layer overrides change colour, size and opacity", "[style]") {
  caremap::core::Layer layer;
  layer.category = Category::clinic;
  layer.features.push_back(
      caremap::core::Feature{caremap::core::XY{0, 0}, {}, Category::clinic, 1});
  LayerStyle style;
  style.color = rgb(0x112233);
  style.size_px = 20.0f;
  style.opacity = 0.5f;
  const LayerSymbology sym = resolve_symbology(layer, style);
  REQUIRE(sym.classes.size() == 1);
  const PointSymbol& p = sym.classes[0].symbol.point;
  CHECK(p.fill.r == 0x11);
  CHECK(p.fill.b == 0x33);
  CHECK(p.fill.a == 128);
  CHECK(p.size_px == 20.0f);
}

TEST_CASE("a ramp classifies features by value", "[style]") {
  caremap::core::Layer layer;
  layer.category = Category::mesh;
  layer.add_field("count", caremap::core::FieldType::integer);
  for (std::int64_t v : {0, 1, 2, 5, 3}) {
    caremap::core::Feature f;
    f.values = {v};
    f.category = Category::mesh;
    layer.features.push_back(f);
  }
  const LayerStyle style = default_layer_style(layer);
  REQUIRE(style.ramp.has_value());
  CHECK(style.ramp->field == "count");
  const LayerSymbology sym = resolve_symbology(layer, style);
  CHECK(sym.classes.size() == style.ramp->colours.size());
  CHECK(sym.feature_class == std::vector<std::uint16_t>{0, 1, 2, 4, 3});
}

TEST_CASE("hex colours round-trip", "[style]") {
  CHECK(to_hex(rgb(0xD55E00)) == "#d55e00");
  CHECK(parse_hex("#d55e00") == rgb(0xD55E00));
  CHECK(parse_hex("#00000080") == rgb(0x000000, 0x80));
  CHECK_FALSE(parse_hex("d55e00").has_value());
  CHECK_FALSE(parse_hex("#zz0000").has_value());
}

TEST_CASE("symbols keep their size in detail and shrink, bounded, at overview", "[style]") {
  CHECK(symbol_scale(1.0) == 1.0f);
  CHECK(symbol_scale(50.0) == 1.0f);
  CHECK(symbol_scale(200.0) == Approx(0.5f));
  CHECK(symbol_scale(100000.0) == Approx(0.45f));
  CHECK(symbol_scale(400.0) < symbol_scale(100.0));
}

TEST_CASE("the band ramp runs from dark to light, one distinct colour per band", "[style]") {
  auto luminance = [](Rgba c) { return 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b; };
  for (std::size_t n : {2u, 3u, 4u, 6u, 8u}) {
    const std::vector<Rgba> ramp = sequential_ramp(n, 150);
    REQUIRE(ramp.size() == n);
    for (std::size_t i = 1; i < n; ++i) {
      INFO("n = " << n << ", band " << i);
      // Lighter with every band, by a step a reader can see.
      CHECK(luminance(ramp[i]) > luminance(ramp[i - 1]) + 8.0);
      CHECK(ramp[i].a == 150);
    }
  }
  CHECK(sequential_ramp(0).empty());
  CHECK(sequential_ramp(1).size() == 1);
}

TEST_CASE("routes, service areas, closures and slowdowns look different", "[style]") {
  const Symbol route = default_symbol(Category::route);
  const Symbol area = default_symbol(Category::service_area);
  const Symbol closure = default_symbol(Category::closure);
  const Symbol slowdown = slowdown_symbol();
  CHECK(route.line.color.b > route.line.color.r);  // a blue
  CHECK(route.line.width_px > default_symbol(Category::road).line.width_px);
  CHECK(closure.line.color == okabe_ito::vermillion);
  CHECK(closure.fill.outline.r == okabe_ito::vermillion.r);
  CHECK(closure.fill.fill.a < 128);  // a wash: the roads under a flood zone stay visible
  CHECK(slowdown.fill.outline.r == okabe_ito::orange.r);
  CHECK_FALSE(slowdown.fill.outline == closure.fill.outline);
  CHECK_FALSE(area.fill.fill == closure.fill.fill);
  // None of the network colours is a facility colour, so symbols never read as results.
  for (Category c : caremap::core::all_categories()) {
    if (caremap::core::is_facility(c)) {
      CHECK_FALSE(default_symbol(c).point.fill == route.line.color);
    }
  }
}

TEST_CASE("a population layer is a density choropleth in people per km²", "[style][population]") {
  caremap::core::Layer layer;
  layer.category = Category::population;
  layer.fields = {{"mesh_code", caremap::core::FieldType::text},
                  {"pop_total", caremap::core::FieldType::integer},
                  {"pop_per_km2", caremap::core::FieldType::real}};
  // Densities on both sides of every class edge: 50 | 100 ... 8000 | 12000.
  const double densities[] = {50.0, 100.0, 499.0, 500.0, 2500.0, 7999.0, 8000.0, 12000.0};
  for (const double d : densities) {
    caremap::core::Feature f;
    f.category = Category::population;
    f.values = {std::string("503054633"), std::int64_t{1}, d};
    layer.features.push_back(f);
  }
  const LayerStyle style = default_layer_style(layer);
  REQUIRE(style.ramp);
  CHECK(style.ramp->field == "pop_per_km2");
  CHECK(style.ramp->labels.front() == "< 100");
  CHECK(style.ramp->labels.back() == "≧ 8,000");
  const LayerSymbology sym = resolve_symbology(layer, style);
  REQUIRE(sym.classes.size() == 7);
  // Class of each feature: edges belong to the class above them.
  const std::uint16_t expected[] = {0, 1, 1, 2, 4, 5, 6, 6};
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    INFO("density " << densities[i]);
    CHECK(sym.feature_class[i] == expected[i]);
  }
  // Darker with density: the red channel's partner green falls class by class.
  for (std::size_t i = 1; i < style.ramp->colours.size(); ++i) {
    CHECK(style.ramp->colours[i].g < style.ramp->colours[i - 1].g);
  }
  CHECK(default_symbol(Category::population).title_ja == "人口密度（人/km²）");
}

TEST_CASE("roads are drawn by speed class, wider and darker as they get faster", "[style]") {
  caremap::core::Layer roads;
  roads.category = Category::road;
  const std::size_t f = roads.add_field("speed_kmh", caremap::core::FieldType::real);
  // The KSJ N01 profile's classes: prefectural 30, national 35, expressway 80 km/h.
  for (double speed : {30.0, 35.0, 80.0}) {
    caremap::core::Feature feature;
    feature.category = Category::road;
    feature.geometry = caremap::core::LineString{{0, 0}, {1, 1}};
    feature.values.resize(roads.fields.size());
    feature.values[f] = speed;
    roads.features.push_back(feature);
  }
  const LayerStyle style = default_layer_style(roads);
  REQUIRE(style.ramp.has_value());
  const LayerSymbology s = resolve_symbology(roads, style);
  REQUIRE(s.classes.size() == 3);
  CHECK(s.feature_class == std::vector<std::uint16_t>{0, 1, 2});
  for (std::size_t c = 1; c < s.classes.size(); ++c) {
    const LineSymbol& slower = s.classes[c - 1].symbol.line;
    const LineSymbol& faster = s.classes[c].symbol.line;
    CHECK(faster.width_px > slower.width_px);
    CHECK(faster.color.r < slower.color.r);
  }
  CHECK(s.classes[2].range_label == "≧ 50 km/h");  // IPAex has ≧, not ≥
  // Without a speed field (a plain line layer opened by the user) one grey as before.
  caremap::core::Layer plain;
  plain.category = Category::road;
  CHECK_FALSE(default_layer_style(plain).ramp.has_value());
}

TEST_CASE("proposed sites have their own open star, unlike any facility", "[style]") {
  const Symbol proposed = default_symbol(Category::proposed_site);
  CHECK(proposed.title_ja == "新設候補地");
  CHECK(proposed.title_en == "Proposed site");
  CHECK(proposed.point.shape == Shape::star);
  CHECK(proposed.point.outline_px >= 2.5f);  // drawn as an outline: the edge carries the colour
  for (Category c : caremap::core::all_categories()) {
    if (caremap::core::is_facility(c)) {
      INFO(caremap::core::to_string(c));
      CHECK_FALSE(default_symbol(c).point.outline == proposed.point.outline);
      CHECK_FALSE(default_symbol(c).point.fill == proposed.point.fill);
    }
  }
}
