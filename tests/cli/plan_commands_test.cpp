// `caremap plan backup | n-1 | locate` and `caremap access` on the default region, in process:
// what each result stands on, and the identities that tie the figures together (N-1 losses add
// up to the people with exactly one clinic; closing every clinic loses everyone covered).

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.hpp"
#include "cli/exit_codes.hpp"
#include "io/io_test_support.hpp"
#include "io/read.hpp"

using namespace caremap;

namespace {

nlohmann::json json_of(const std::vector<std::string>& args) {
  const test::CliRun r = test::run_caremap(args);
  INFO("stderr:\n" << r.err);
  REQUIRE(r.code == cli::exit_ok);
  return nlohmann::json::parse(r.out);
}

double people(const nlohmann::json& count) {
  return count["people"].get<double>();
}

}  // namespace

TEST_CASE("plan backup: people with 0, 1 and 2+ clinics by road, and partners", "[cli][plan]") {
  const auto j = json_of({"plan", "backup", "--json"});
  // Road travel on the region's N01 trunk roads, census demand, the reach stated.
  CHECK_THAT(j["basis"]["distance"]["en"].get<std::string>(), Catch::Contains("road"));
  CHECK_THAT(j["basis"]["demand"]["en"].get<std::string>(), Catch::Contains("census"));
  CHECK_THAT(j["basis"]["parameters"]["reach"].get<std::string>(), Catch::Contains("20 min"));
  REQUIRE(j["cities"].size() == 2);
  double total = 0.0;
  for (const auto& c : j["cities"]) {
    INFO(c["city"]);
    const double all = people(c["people"]);
    CHECK(people(c["none"]) + people(c["one"]) + people(c["two_plus"]) == Approx(all).margin(1e-6));
    total += all;
  }
  CHECK(people(j["total"]["people"]) == Approx(total));
  // 97 clinics in the file, 5 of them in-house clinics of nursing homes, left out.
  CHECK(j["partners"].size() == 92);
  for (const auto& p : j["partners"]) {
    CHECK(p["people_shared"].get<double>() <= p["people_in_reach"].get<double>() + 1e-6);
  }
}

TEST_CASE("plan backup by straight line says so", "[cli][plan]") {
  const auto j = json_of({"plan", "backup", "--json", "--straight-line", "--reach", "4km"});
  CHECK(j["basis"]["distance"]["en"].get<std::string>().find("straight line") == 0);
  CHECK_THAT(j["basis"]["parameters"]["reach"].get<std::string>(), Catch::Contains("4 km"));
}

TEST_CASE("plan n-1: the losses add up to the people with a single clinic", "[cli][plan]") {
  const std::vector<std::string> common{"--json", "--straight-line", "--reach", "3km"};
  auto args = std::vector<std::string>{"plan", "backup"};
  args.insert(args.end(), common.begin(), common.end());
  const auto backup = json_of(args);
  args = {"plan", "n-1"};
  args.insert(args.end(), common.begin(), common.end());
  const auto n1 = json_of(args);
  REQUIRE(n1["losses"].size() == 92);
  double lost = 0.0;
  double previous = 1e300;
  for (const auto& l : n1["losses"]) {
    const double v = people(l["lost_cover"]);
    CHECK(v <= previous + 1e-9);  // ranked
    previous = v;
    lost += v;
  }
  // Each person with exactly one clinic in reach loses cover when that one clinic closes.
  CHECK(lost == Approx(people(backup["total"]["one"])).epsilon(1e-9));
  CHECK(people(n1["losses"][0]["lost_cover"]) > 0.0);
}

TEST_CASE("plan n-1 --hazard closes every clinic inside the zone at once", "[cli][plan]") {
  test::ScratchDir dir;
  const auto zone = dir / "zone.geojson";
  std::ofstream(zone) << R"({"type":"FeatureCollection","features":[{"type":"Feature",
    "properties":{"name":"whole region"},"geometry":{"type":"Polygon","coordinates":
    [[[129.9,33.5],[130.9,33.5],[130.9,34.4],[129.9,34.4],[129.9,33.5]]]}}]})";
  const std::vector<std::string> common{"--json", "--straight-line", "--reach", "3km"};
  auto args = std::vector<std::string>{"plan", "backup"};
  args.insert(args.end(), common.begin(), common.end());
  const auto backup = json_of(args);
  args = {"plan", "n-1", "--hazard", zone.string()};
  args.insert(args.end(), common.begin(), common.end());
  const auto j = json_of(args);
  REQUIRE(j["losses"].size() == 1);
  CHECK(j["losses"][0]["removed"].size() == 92);
  // Everyone with a clinic in reach loses it.
  CHECK(people(j["losses"][0]["lost_cover"]) ==
        Approx(people(backup["total"]["one"]) + people(backup["total"]["two_plus"])));
}

TEST_CASE("plan locate: CBC's optimum is at least the heuristic's, both state their gap",
          "[cli][plan]") {
  const auto j = json_of({"plan", "locate", "--model", "mclp", "-p", "2", "--solver", "both",
                          "--straight-line", "--reach", "2km", "--json"});
  CHECK_THAT(j["basis"]["parameters"]["model"].get<std::string>(), Catch::Contains("MCLP"));
  REQUIRE(j["solutions"].size() == 2);
  const auto& exact = j["solutions"][0];
  const auto& heuristic = j["solutions"][1];
  CHECK_THAT(exact["method"].get<std::string>(), Catch::StartsWith("CBC"));
  CHECK(exact["optimal"].get<bool>());
  CHECK(exact["chosen"].size() == 2);
  CHECK(exact["objective"].get<double>() >= heuristic["objective"].get<double>() - 1e-6);
  CHECK(exact["objective"].get<double>() > exact["people_covered_before"].get<double>());
  // The LP bound is above any feasible cover.
  CHECK(heuristic["bound"].get<double>() >= exact["objective"].get<double>() - 1e-6);
}

TEST_CASE("plan locate refuses the JMAP index where the age bands are missing", "[cli][plan]") {
  const test::CliRun r = test::run_caremap(
      {"plan", "locate", "--weight", "jmap-medical", "--straight-line", "--json"});
  CHECK(r.code == cli::exit_bad_input);
  CHECK_THAT(r.err, Catch::Contains("15-39") && Catch::Contains("65+ and 75+"));
}

TEST_CASE("access: E2SFCA per cell as a layer, and what it stands on", "[cli][plan]") {
  test::ScratchDir dir;
  const auto out = dir / "access.gpkg";
  const auto j = json_of({"access", "--json", "--out", out.string()});
  CHECK_THAT(j["basis"]["parameters"]["method"].get<std::string>(),
             Catch::Contains("0.68") && Catch::Contains("0.22"));
  REQUIRE(j["cities"].size() == 3);
  for (const auto& c : j["cities"]) {
    CHECK(c["mean_access_per_1000"].get<double>() > 0.0);
  }
  const auto layer = io::read_file(out, {}, crs::CrsRef::parse("EPSG:6670"));
  CHECK(layer.layer->field_index("access_per_1000"));
  CHECK(layer.layer->size() > 100);
}

TEST_CASE("plan backup --closures routes round the closed roads and says so", "[cli][plan]") {
  test::ScratchDir dir;
  // A flood zone over central 宗像市 (赤間, 宗像市役所): its roads closed, and no access or direct
  // leg may cross it, so the people inside lose their clinics.
  const auto zone = dir / "zone.geojson";
  std::ofstream(zone) << R"({"type":"FeatureCollection","features":[{"type":"Feature",
    "properties":{"name":"central Munakata"},"geometry":{"type":"Polygon","coordinates":
    [[[130.50,33.76],[130.60,33.76],[130.60,33.84],[130.50,33.84],[130.50,33.76]]]}}]})";
  const auto open = json_of({"plan", "backup", "--json", "--reach", "10min"});
  const auto closed =
      json_of({"plan", "backup", "--json", "--reach", "10min", "--closures", zone.string()});
  const auto& basis = closed["basis"];
  CHECK(basis["parameters"]["closures"] == zone.string());
  CHECK(std::stoi(basis["parameters"]["closed_arcs"].get<std::string>()) > 0);
  CHECK_THAT(basis["distance"]["en"].get<std::string>(), Catch::Contains("closures:"));
  CHECK_THAT(basis["distance"]["ja"].get<std::string>(), Catch::Contains("通行止め"));
  CHECK_FALSE(open["basis"]["parameters"].contains("closures"));
  // The same people, fewer of them in reach; far more than the open network's few without.
  CHECK(people(closed["total"]["people"]) == Approx(people(open["total"]["people"])));
  CHECK(people(closed["total"]["none"]) > people(open["total"]["none"]) + 10000.0);
  CHECK(people(closed["total"]["two_plus"]) < people(open["total"]["two_plus"]));
}

TEST_CASE("plan --closures with --straight-line is refused: straight lines cross closed roads",
          "[cli][plan]") {
  const test::CliRun r =
      test::run_caremap({"plan", "backup", "--straight-line", "--closures", "whatever.geojson"});
  CHECK(r.code == cli::exit_bad_arguments);
  CHECK_THAT(r.err, Catch::Contains("--closures needs road travel"));
}
