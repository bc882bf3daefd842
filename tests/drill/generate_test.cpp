// The drill generator: reproducible by seed, in proportion to the weights, needs at their
// stated shares, the priority rule.

#include "drill/generate.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"

using namespace caremap;

namespace {

core::Polygon square(double x0, double y0, double side) {
  core::Polygon p;
  boost::geometry::append(p.outer(), core::XY{x0, y0});
  boost::geometry::append(p.outer(), core::XY{x0, y0 + side});
  boost::geometry::append(p.outer(), core::XY{x0 + side, y0 + side});
  boost::geometry::append(p.outer(), core::XY{x0 + side, y0});
  boost::geometry::append(p.outer(), core::XY{x0, y0});
  return p;
}

}  // namespace

TEST_CASE("drill generate: same seed, same patients; another seed, others", "[drill][generate]") {
  const std::vector<drill::WeightedPlace> places{{square(0, 0, 500), 30.0},
                                                 {core::XY{5000, 5000}, 10.0}};
  drill::GenerateParams p;
  p.count = 50;
  p.seed = 7;
  p.needs = {{core::CareNeed::ventilator, 0.2}};
  const auto a = drill::generate_patients(places, p);
  const auto b = drill::generate_patients(places, p);
  REQUIRE(a.size() == 50);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].position.x == b[i].position.x);
    CHECK(a[i].needs == b[i].needs);
  }
  p.seed = 8;
  const auto c = drill::generate_patients(places, p);
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    same += a[i].position.x == c[i].position.x ? 1 : 0;
  }
  CHECK(same < 5);
  CHECK(a[0].id == "D0001");
}

TEST_CASE("drill generate: places by weight, points inside, needs by share", "[drill][generate]") {
  // A square of weight 3 and a point of weight 1: about 3/4 of the draws in the square.
  const std::vector<drill::WeightedPlace> places{
      {square(0, 0, 500), 3.0}, {core::XY{5000, 5000}, 1.0}, {square(9000, 0, 100), 0.0}};
  drill::GenerateParams p;
  p.count = 4000;
  p.seed = 1;
  p.jitter_m = 100.0;
  p.needs = {{core::CareNeed::dialysis, 0.25}, {core::CareNeed::ventilator, 0.0}};
  const auto patients = drill::generate_patients(places, p);
  std::size_t in_square = 0;
  std::size_t dialysis = 0;
  for (const drill::Patient& pt : patients) {
    const bool square_hit =
        pt.position.x >= 0 && pt.position.x <= 500 && pt.position.y >= 0 && pt.position.y <= 500;
    const double dx = pt.position.x - 5000;
    const double dy = pt.position.y - 5000;
    REQUIRE((square_hit || dx * dx + dy * dy <= 100.0 * 100.0 + 1e-6));
    in_square += square_hit ? 1 : 0;
    dialysis += pt.needs.has(core::CareNeed::dialysis) ? 1 : 0;
    REQUIRE_FALSE(pt.needs.has(core::CareNeed::ventilator));
    REQUIRE(pt.priority == (pt.needs.has(core::CareNeed::dialysis) ? 2 : 1));
  }
  // Binomial: 3,000 expected, standard deviation 27; 5 sigma.
  CHECK(in_square == Approx(3000).margin(140));
  CHECK(dialysis == Approx(1000).margin(140));
}

TEST_CASE("drill generate: the priority rule and refusals", "[drill][generate]") {
  core::CareNeeds n;
  CHECK(drill::priority_for(n) == 1);
  n.add(core::CareNeed::home_oxygen);
  CHECK(drill::priority_for(n) == 2);
  n.add(core::CareNeed::ventilator);
  CHECK(drill::priority_for(n) == 3);
  const std::vector<drill::WeightedPlace> none{{core::XY{0, 0}, 0.0}};
  CHECK_THROWS_AS(drill::generate_patients(none, {}), core::ArgumentError);
  const std::vector<drill::WeightedPlace> one{{core::XY{0, 0}, 1.0}};
  drill::GenerateParams p;
  p.needs = {{core::CareNeed::dialysis, 1.5}};
  CHECK_THROWS_AS(drill::generate_patients(one, p), core::ArgumentError);
}
