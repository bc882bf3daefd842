#include "core/category.hpp"

#include <catch2/catch.hpp>

using namespace caremap::core;

TEST_CASE("every category round-trips through its stable name", "[core][category]") {
  for (Category c : all_categories()) {
    INFO(to_string(c));
    REQUIRE(parse_category(to_string(c)) == c);
  }
  CHECK_FALSE(parse_category("hospitals").has_value());
  CHECK(all_categories().size() == 24);
  CHECK_FALSE(is_facility(Category::proposed_site));  // a place that does not exist yet
}

TEST_CASE("a backup hospital counts as a hospital, not the other way round", "[core][category]") {
  CHECK(satisfies(Category::backup_hospital, Category::hospital));
  CHECK(satisfies(Category::hospital, Category::hospital));
  CHECK_FALSE(satisfies(Category::hospital, Category::backup_hospital));
  CHECK_FALSE(satisfies(Category::clinic, Category::hospital));
  CHECK(is_facility(Category::shelter_emergency));
  for (Category home_care : {Category::visiting_nurse_station, Category::care_manager_office,
                             Category::home_help_office}) {
    CHECK(is_facility(home_care));
    CHECK_FALSE(satisfies(home_care, Category::care_facility));
  }
  CHECK_FALSE(is_facility(Category::boundary));
  CHECK_FALSE(is_facility(Category::coverage_gap));
}
