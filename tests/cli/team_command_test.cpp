// `caremap team` on the default region: the home-care team in reach per city, what the figures
// stand on, and the GeoPackage with the cells and the per-city table.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <map>
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

}  // namespace

TEST_CASE("team: per city, the whole team and the member missing most often", "[cli][team]") {
  const auto j = json_of({"team", "--json"});
  CHECK(j["basis"]["distance"]["en"].get<std::string>().find("straight line") == 0);
  CHECK_THAT(j["basis"]["demand"]["en"].get<std::string>(), Catch::Contains("census"));
  REQUIRE(j["members"].size() == 5);
  std::map<std::string, int> offices;
  for (const auto& m : j["members"]) {
    offices[m["id"]] = m["offices"];
  }
  // Every office of the region fills its role (counts of the shipped files, SOURCES.md).
  CHECK(offices["visiting_nurse"] == 21);
  CHECK(offices["care_manager"] == 39);
  CHECK(offices["home_help"] == 35);
  CHECK(offices["clinic"] == 97);
  CHECK(offices["pharmacy"] == 60);
  REQUIRE(j["cities"].size() == 2);
  double people = 0.0;
  double whole = 0.0;
  for (const auto& c : j["cities"]) {
    INFO(c["city"]);
    const double p = c["people"]["people"];
    const double w = c["whole_team"]["people"];
    CHECK(w <= p);
    CHECK(c["whole_team_share"].get<double>() == Approx(w / p));
    // Nobody lacks a required member for more people than lack the whole team.
    for (const auto& [id, without] : c["without"].items()) {
      if (id != "home_help") {
        CHECK(without["people"].get<double>() <= p - w + 1e-6);
      }
    }
    people += p;
    whole += w;
  }
  CHECK(j["total"]["people"]["people"].get<double>() == Approx(people));
  CHECK(j["total"]["whole_team"]["people"].get<double>() == Approx(whole));

  // A tighter reach for the nurses can only take people away from the whole team.
  const auto tight = json_of({"team", "--json", "--reach", "visiting_nurse=2km"});
  CHECK(tight["total"]["whole_team"]["people"].get<double>() <= whole);
  CHECK(tight["members"][1]["reach_m"] == 2000.0);
}

TEST_CASE("team writes the cells and the city table to one GeoPackage", "[cli][team]") {
  test::ScratchDir dir;
  const auto out = dir / "team.gpkg";
  const test::CliRun r = test::run_caremap({"team", "--out", out.string()});
  INFO(r.err);
  REQUIRE(r.code == cli::exit_ok);
  CHECK_THAT(r.out, Catch::Contains("straight line") && Catch::Contains("宗像市") &&
                        Catch::Contains("福津市"));
  io::ReadOptions cells_layer;
  cells_layer.source_layer = "team_coverage";
  const auto cells = io::read_file(out, cells_layer, crs::CrsRef::parse("EPSG:6670"));
  REQUIRE(cells.layer->size() > 100);
  const auto missing = cells.layer->require_field("missing");
  for (const auto& f : cells.layer->features) {
    const std::string m = core::to_text(f.values[missing]);
    CHECK((m == "none" || m == "several" || m == "clinic" || m == "visiting_nurse" ||
           m == "pharmacy" || m == "care_manager"));
  }
  CHECK_THAT(core::summarize(cells.layer->provenance), Catch::Contains("straight line"));
  // The per-city table has no geometry: read it with GDAL itself.
  GDALAllRegister();
  const GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* table = ds->GetLayerByName("team_by_city");
  REQUIRE(table != nullptr);
  CHECK(table->GetFeatureCount() == 3);  // 宗像市, 福津市, all
  CHECK(table->GetLayerDefn()->GetFieldIndex("whole_team_75plus_share") >= 0);

  const test::CliRun bad = test::run_caremap({"team", "--reach", "nurse=2km"});
  CHECK(bad.code == cli::exit_bad_arguments);
  CHECK_THAT(bad.err, Catch::Contains("visiting_nurse"));
}

TEST_CASE("team --by time: the timed members by road on the region's trunk roads", "[cli][team]") {
  const auto line = json_of({"team", "--json"});
  const auto road = json_of({"team", "--json", "--by", "time"});
  const std::string basis = road["basis"]["distance"]["en"];
  CHECK_THAT(basis, Catch::Contains("road time (visiting nurse, care manager, home help") &&
                        Catch::Contains("trunk roads only") &&
                        Catch::Contains("straight line (clinic, pharmacy)"));
  CHECK_THAT(road["basis"]["distance"]["ja"].get<std::string>(),
             Catch::Contains("幹線道路のみ（国土数値情報 道路 1996年）"));
  std::map<std::string, nlohmann::json> reach;
  for (const auto& m : road["members"]) {
    reach[m["id"]] = m["reach_min"];
  }
  CHECK(reach["visiting_nurse"] == 20.0);
  CHECK(reach["care_manager"] == 25.0);
  CHECK(reach["clinic"].is_null());
  // The straight-line members answer as before; the timed ones differ somewhere in the region.
  const double people = line["total"]["people"]["people"];
  CHECK(road["total"]["people"]["people"].get<double>() == Approx(people));
  CHECK(road["total"]["without"]["clinic"]["people"] ==
        line["total"]["without"]["clinic"]["people"]);
  CHECK(road["total"]["without"]["visiting_nurse"]["people"].get<double>() !=
        Approx(line["total"]["without"]["visiting_nurse"]["people"].get<double>()));

  const test::CliRun bad = test::run_caremap({"team", "--reach", "clinic=20min", "--by", "time"});
  CHECK(bad.code == cli::exit_bad_arguments);
  CHECK_THAT(bad.err, Catch::Contains("straight-line reach"));
  const test::CliRun closed = test::run_caremap({"team", "--closures", "x.geojson"});
  CHECK(closed.code == cli::exit_bad_arguments);
  CHECK_THAT(closed.err, Catch::Contains("--by time"));
}
