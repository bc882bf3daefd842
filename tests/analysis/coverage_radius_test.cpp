#include "analysis/coverage_radius.hpp"

#include <catch2/catch.hpp>

using namespace caremap;
using core::Category;

TEST_CASE("every facility category has a default radius with a reason", "[analysis][radius]") {
  for (const Category c : core::all_categories()) {
    const auto r = analysis::default_coverage_radius(c);
    CHECK(r.has_value() == core::is_facility(c));
    CHECK(analysis::default_coverage_radius_reason(c).empty() == !r.has_value());
    if (r) {
      CHECK(r->value > 0);
    }
  }
}

TEST_CASE("home-care reach is the 16 km rule; shelters are walking distances",
          "[analysis][radius]") {
  for (const Category c : {Category::clinic, Category::hospital, Category::backup_hospital,
                           Category::pharmacy, Category::dental, Category::care_facility}) {
    CHECK(analysis::default_coverage_radius(c)->value == 16'000);
  }
  CHECK(analysis::default_coverage_radius(Category::shelter_evacuation)->value == 2000);
  CHECK(analysis::default_coverage_radius(Category::shelter_emergency)->value == 500);
  CHECK(analysis::default_coverage_radius_reason(Category::clinic).find("16 km") !=
        std::string_view::npos);
}
