#pragma once
// Test helper: a region small enough to reason about by hand, for module tests without a window
// or a road network. In EPSG:6670 metres:
//   30 census cells 1 km wide at x = 0..30 km (100 people, 40 aged 65+, 20 aged 75+ each),
//   one city covering them all ("Strip"),
//   clinic K0 at x = 0, clinic K1 at x = 1 km; an in-house clinic (施設内医務室) at x = 29 km.

#include <string>

#include "app/app_state.hpp"
#include "app/loading.hpp"

namespace caremap::app::test {

inline core::Polygon square(double x0, double y0, double x1, double y1) {
  core::Polygon p;
  p.outer() = {{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
  return p;
}

inline void strip_region(AppState& app) {
  set_working_crs(app, "EPSG:6670");
  auto cells = std::make_shared<core::Layer>();
  cells->id = "population";
  cells->category = core::Category::population;
  cells->crs = "EPSG:6670";
  for (const char* f : {"mesh_code", "pop_total", "pop_65plus", "pop_75plus"}) {
    cells->add_field(f,
                     std::string(f) == "mesh_code" ? core::FieldType::text : core::FieldType::real);
  }
  for (int i = 0; i < 30; ++i) {
    core::Feature f;
    f.geometry = square(i * 1000.0, 0.0, (i + 1) * 1000.0, 1000.0);
    f.category = core::Category::population;
    f.values = {std::to_string(i), 100.0, 40.0, 20.0};
    cells->features.push_back(f);
  }
  auto city = std::make_shared<core::Layer>();
  city->id = "boundary";
  city->category = core::Category::boundary;
  city->crs = "EPSG:6670";
  city->add_field("name", core::FieldType::text);
  city->name_field = 0;
  city->features.push_back(
      {square(0, 0, 30000, 1000), {std::string("Strip")}, core::Category::boundary, 1});
  auto clinics = std::make_shared<core::Layer>();
  clinics->id = "clinics";
  clinics->category = core::Category::clinic;
  clinics->crs = "EPSG:6670";
  clinics->add_field("name", core::FieldType::text);
  clinics->add_field("施設内医務室", core::FieldType::text);
  clinics->name_field = 0;
  clinics->features.push_back(
      {core::XY{0, 500}, {std::string("K0"), std::string("0")}, core::Category::clinic, 1});
  clinics->features.push_back(
      {core::XY{1000, 500}, {std::string("K1"), std::string("0")}, core::Category::clinic, 2});
  clinics->features.push_back({core::XY{29000, 500},
                               {std::string("in-house"), std::string("1")},
                               core::Category::clinic,
                               3});
  add_layer(app, cells, {}, {});
  add_layer(app, city, {}, {});
  add_layer(app, clinics, {}, {});
}

}  // namespace caremap::app::test
