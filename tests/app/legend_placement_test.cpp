#include "app/legend_placement.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace caremap;

TEST_CASE("the legend goes to the corner hiding the fewest symbols", "[export][legend]") {
  const std::vector<render::ScreenRect> corners{{0, 0, 100, 100},     // top left
                                                {300, 0, 400, 100},   // top right
                                                {0, 300, 100, 400}};  // bottom left
  SECTION("symbols in the top left: the top right wins") {
    const std::vector<render::ScreenPoint> points{{10, 10}, {50, 50}, {350, 350}};
    CHECK(app::least_covered(corners, points) == 1);
  }
  SECTION("fewest, not none: two in the top left, one in each other corner") {
    const std::vector<render::ScreenPoint> points{{10, 10}, {20, 20}, {310, 10}, {10, 310}};
    CHECK(app::least_covered(corners, points) == 1);
  }
  SECTION("equal counts keep the order of preference") {
    const std::vector<render::ScreenPoint> points{{200, 200}};
    CHECK(app::least_covered(corners, points) == 0);
  }
  SECTION("a point on the edge counts as covered") {
    const std::vector<render::ScreenPoint> points{{100, 100}, {300, 50}, {300, 60}};
    CHECK(app::least_covered(corners, points) == 2);
  }
}

TEST_CASE("no candidates gives the first place", "[export][legend]") {
  CHECK(app::least_covered({}, std::vector<render::ScreenPoint>{{1, 1}}) == 0);
}
