#include "routing/profile.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"

using namespace caremap;
using namespace caremap::routing;

namespace {

std::optional<WayRule> eval(const Profile& p, std::initializer_list<Tag> tags) {
  return evaluate_way(p, std::vector<Tag>(tags));
}

}  // namespace

TEST_CASE("maxspeed values are parsed sensibly", "[routing][profile]") {
  const Profile car = car_profile();
  CHECK(parse_maxspeed("50", car) == 50.0);
  CHECK(parse_maxspeed(" 40 km/h", car) == 40.0);
  CHECK(*parse_maxspeed("30 mph", car) == Approx(48.28032));
  CHECK(*parse_maxspeed("10 knots", car) == Approx(18.52));
  CHECK(parse_maxspeed("JP:urban", car) == 60.0);
  CHECK(parse_maxspeed("JP:motorway", car) == 100.0);
  CHECK(parse_maxspeed("50;30", car) == 30.0);
  CHECK(parse_maxspeed("walk", car) == 6.0);
  CHECK_FALSE(parse_maxspeed("none", car));
  CHECK_FALSE(parse_maxspeed("signals", car));
  CHECK_FALSE(parse_maxspeed("XX:urban", car));
  CHECK_FALSE(parse_maxspeed("-20", car));
  CHECK_FALSE(parse_maxspeed("50 furlongs", car));
}

TEST_CASE("the car profile reads classes, access, oneway and maxspeed", "[routing][profile]") {
  const Profile car = car_profile();
  const auto residential = eval(car, {{"highway", "residential"}});
  REQUIRE(residential);
  CHECK(residential->forward_kmh == car.highway_speeds_kmh.at("residential"));
  CHECK(residential->backward_kmh == residential->forward_kmh);

  CHECK_FALSE(eval(car, {{"building", "yes"}}));
  CHECK_FALSE(eval(car, {{"highway", "footway"}}));
  CHECK_FALSE(eval(car, {{"highway", "steps"}}));
  CHECK_FALSE(eval(car, {{"highway", "residential"}, {"access", "private"}}));
  CHECK_FALSE(eval(car, {{"highway", "residential"}, {"access", "no"}}));
  CHECK_FALSE(eval(car, {{"highway", "tertiary"}, {"motor_vehicle", "no"}}));
  // The most specific key decides: motor_vehicle=yes overrides access=no.
  CHECK(eval(car, {{"highway", "service"}, {"access", "no"}, {"motor_vehicle", "yes"}}));
  CHECK(eval(car, {{"highway", "service"}, {"access", "destination"}}));

  for (const char* yes : {"yes", "true", "1"}) {
    const auto r = eval(car, {{"highway", "primary"}, {"oneway", yes}});
    REQUIRE(r);
    CHECK(r->forward_kmh > 0.0);
    CHECK(r->backward_kmh == 0.0);
  }
  const auto reverse = eval(car, {{"highway", "primary"}, {"oneway", "-1"}});
  REQUIRE(reverse);
  CHECK(reverse->forward_kmh == 0.0);
  CHECK(reverse->backward_kmh > 0.0);
  CHECK_FALSE(eval(car, {{"highway", "primary"}, {"oneway", "reversible"}}));
  const auto roundabout = eval(car, {{"highway", "tertiary"}, {"junction", "roundabout"}});
  REQUIRE(roundabout);
  CHECK(roundabout->backward_kmh == 0.0);
  const auto motorway = eval(car, {{"highway", "motorway"}});
  REQUIRE(motorway);
  CHECK(motorway->backward_kmh == 0.0);
  const auto two_way_motorway = eval(car, {{"highway", "motorway"}, {"oneway", "no"}});
  REQUIRE(two_way_motorway);
  CHECK(two_way_motorway->backward_kmh > 0.0);

  const auto limited = eval(car, {{"highway", "primary"}, {"maxspeed", "50"}});
  REQUIRE(limited);
  CHECK(limited->forward_kmh == Approx(50.0 * car.maxspeed_factor));
  const auto split =
      eval(car, {{"highway", "primary"}, {"maxspeed", "50"}, {"maxspeed:backward", "30"}});
  REQUIRE(split);
  CHECK(split->forward_kmh == Approx(50.0 * car.maxspeed_factor));
  CHECK(split->backward_kmh == Approx(30.0 * car.maxspeed_factor));
  // Unparsable limits fall back to the class speed.
  const auto odd = eval(car, {{"highway", "primary"}, {"maxspeed", "signals"}});
  REQUIRE(odd);
  CHECK(odd->forward_kmh == car.highway_speeds_kmh.at("primary"));
}

TEST_CASE("the walking profile takes footways, not motorways, and ignores oneway",
          "[routing][profile]") {
  const Profile walk = walking_profile();
  for (const char* cls : {"footway", "path", "steps", "pedestrian", "residential", "primary"}) {
    CHECK(eval(walk, {{"highway", cls}}));
  }
  CHECK_FALSE(eval(walk, {{"highway", "motorway"}}));
  CHECK_FALSE(eval(walk, {{"highway", "motorway_link"}}));
  const auto oneway = eval(walk, {{"highway", "residential"}, {"oneway", "yes"}});
  REQUIRE(oneway);
  CHECK(oneway->backward_kmh == oneway->forward_kmh);
  const auto fast_road = eval(walk, {{"highway", "primary"}, {"maxspeed", "60"}});
  REQUIRE(fast_road);
  CHECK(fast_road->forward_kmh == Approx(4.8));
  CHECK(eval(walk, {{"highway", "steps"}})->forward_kmh < 4.8);
  CHECK_FALSE(eval(walk, {{"highway", "cycleway"}, {"foot", "no"}}));
  CHECK(eval(walk, {{"highway", "footway"}, {"access", "no"}, {"foot", "yes"}}));
}

TEST_CASE("profiles round-trip through JSON and hash by content", "[routing][profile]") {
  const Profile car = car_profile();
  const Profile again = profile_from_json(profile_to_json(car));
  CHECK(profile_to_json(again) == profile_to_json(car));
  CHECK(profile_hash(again) == profile_hash(car));
  Profile slower = car;
  slower.highway_speeds_kmh["residential"] = 15;
  CHECK(profile_hash(slower) != profile_hash(car));
  CHECK(profile_hash(walking_profile()) != profile_hash(car));

  const Profile custom = profile_from_json(
      R"({"name": "ambulance", "highway_speeds_kmh": {"primary": 60}, "use_oneway": false})");
  CHECK(custom.name == "ambulance");
  CHECK(eval(custom, {{"highway", "primary"}, {"oneway", "yes"}})->backward_kmh == 60.0);
  CHECK_FALSE(eval(custom, {{"highway", "residential"}}));

  CHECK_THROWS_AS(profile_from_json("{not json", "p.json"), core::InputError);
  CHECK_THROWS_AS(profile_from_json(R"({"name": "x", "highway_speeds_kmh": {"primary": 0}})"),
                  core::InputError);
  CHECK_THROWS_AS(profile_from_json(R"({"name": "x", "use_oneway": "sometimes"})"),
                  core::InputError);
  CHECK(builtin_profile("foot")->name == "walking");
  CHECK_FALSE(builtin_profile("helicopter"));
}

TEST_CASE("profiles load by name or from a JSON file", "[routing][profile]") {
  CHECK(load_profile("car").name == "car");
  CHECK(load_profile("walking").name == "walking");
  const auto path = std::filesystem::temp_directory_path() / "caremap-test-profile.json";
  Profile slow = car_profile();
  slow.name = "slow_car";
  slow.maxspeed_factor = 0.5;
  std::ofstream(path) << profile_to_json(slow);
  const Profile loaded = load_profile(path.string());
  CHECK(loaded.name == "slow_car");
  CHECK(profile_hash(loaded) == profile_hash(slow));
  std::ofstream(path) << "{\"name\": 3}";
  CHECK_THROWS_AS(load_profile(path.string()), core::InputError);
  std::filesystem::remove(path);
  CHECK_THROWS_AS(load_profile("helicopter"), core::ArgumentError);
}
