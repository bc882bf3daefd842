#include "core/layer.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"

using namespace caremap::core;

namespace {

Layer hospitals() {
  Layer l;
  l.id = "hospitals";
  l.category = Category::hospital;
  l.fields = {{"name", FieldType::text}, {"beds", FieldType::text}};
  l.name_field = 0;
  l.capacity_field = 1;
  l.features.push_back({XY{0, 0},
                        {std::string("宗像医師会病院"), std::string("199")},
                        Category::backup_hospital,
                        3});
  l.features.push_back({XY{100, 50}, {std::string(""), std::string("n/a")}, Category::hospital, 7});
  l.provenance.inputs.push_back({"hospitals.csv", "hospitals", "2025-06-01", "厚生労働省"});
  return l;
}

}  // namespace

TEST_CASE("layer fields, names and capacities", "[core][layer]") {
  Layer l = hospitals();
  CHECK(l.display_name(FeatureId{0}) == "宗像医師会病院");
  CHECK(l.display_name(FeatureId{1}) == "#7");  // empty name: fall back to the source row
  CHECK(l.capacity(FeatureId{0}) == 199.0);
  CHECK_FALSE(l.capacity(FeatureId{1}).has_value());
  CHECK(l.count(Category::hospital) == 2);  // the backup hospital is a hospital too
  CHECK(l.count(Category::backup_hospital) == 1);
  CHECK(l.bounds()->max_corner() == XY{100, 50});

  const std::size_t added = l.add_field("distance_m", FieldType::real);
  CHECK(added == 2);
  CHECK(l.features[1].values.size() == 3);
  CHECK(std::holds_alternative<std::monostate>(l.features[1].values[2]));

  try {
    l.require_field("定員");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK(e.context().file == "hospitals.csv");
    CHECK(e.context().field == "定員");
    CHECK(std::string(e.what()).find("no field named '定員'") != std::string::npos);
  }
}

TEST_CASE("field values as text and numbers", "[core][layer]") {
  CHECK(to_text(FieldValue{}) == "");
  CHECK(to_text(FieldValue{std::int64_t{42}}) == "42");
  CHECK(to_text(FieldValue{0.1}) == "0.1");
  CHECK(to_number(FieldValue{std::string(" 12.5")}) == 12.5);
  CHECK_FALSE(to_number(FieldValue{std::string("12a")}).has_value());
  CHECK_FALSE(to_number(FieldValue{std::string("")}).has_value());
  CHECK(to_number(FieldValue{std::int64_t{7}}) == 7.0);
}

TEST_CASE("provenance accumulates inputs once and summarizes", "[core][layer]") {
  Provenance p;
  p.operation = "coverage";
  p.param("category", "clinic").param("radius_m", "16000");
  Provenance loaded;
  loaded.inputs.push_back({"clinics.csv", "clinics", "2025-06-01", ""});
  p.inputs_from(loaded).inputs_from(loaded);
  CHECK(p.inputs.size() == 1);
  CHECK(summarize(p) == "coverage(category=clinic, radius_m=16000) from clinics.csv (2025-06-01)");
}
