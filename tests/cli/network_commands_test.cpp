// The road-network commands on the real Monaco extract: network build, nearest --by time,
// service-area, od-matrix, closures; and the clear refusal when a region has no road network.

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_runner.hpp"
#include "cli/exit_codes.hpp"
#include "io/io_test_support.hpp"
#include "test_paths.hpp"

using namespace caremap;
using caremap::test::ScratchDir;
namespace fs = std::filesystem;

namespace {

using Run = test::CliRun;

Run run(const std::vector<std::string>& args) {
  return test::run_caremap(args);
}

const std::string kMonaco = (fs::path(CAREMAP_TEST_DATA_DIR) / "osm" / "monaco.osm.pbf").string();

// Test sites in Monaco (not facility data: two arbitrary street points and three people).
struct MonacoFixture {
  ScratchDir dir;
  std::string sites = (dir / "sites.csv").string();
  std::string people = (dir / "people.csv").string();
  std::string flood = (dir / "flood.geojson").string();
  std::string cache = (dir / "monaco.car.caremap-graph").string();
  MonacoFixture() {
    test::write_text(dir / "sites.csv",
                     "name,lon,lat\nsite A,7.4197,43.7277\nsite B,7.4280,43.7420\n");
    test::write_text(dir / "people.csv",
                     "name,lon,lat\np1,7.4160,43.7310\np2,7.4246,43.7384\np3,7.4300,43.7460\n");
    // A flooded block around site B.
    test::write_text(
        dir / "flood.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
        R"("geometry":{"type":"Polygon","coordinates":[[[7.4265,43.7405],[7.4300,43.7405],)"
        R"([7.4300,43.7440],[7.4265,43.7440],[7.4265,43.7405]]]}}]})");
  }
  std::vector<std::string> network() const { return {"--osm", kMonaco, "--graph-cache", cache}; }
};

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

}  // namespace

TEST_CASE("a region without a road network is refused with the reason", "[cli][network]") {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"nearest", "--region", "itabashi", "--by", "time", "--from", "139.7,35.75"},
           {"service-area", "--region", "itabashi", "--category", "hospital"},
           {"network", "build", "--region", "itabashi"}}) {
    const Run r = run(args);
    INFO(args[0] << ": " << r.err);
    CHECK(r.code == cli::exit_bad_input);
    CHECK_THAT(r.err, Catch::Contains("no road network is loaded") && Catch::Contains("板橋区") &&
                          Catch::Contains("SOURCES.md"));
  }
}

TEST_CASE("the default region's N01 trunk roads: one mainland network, its snapping reported",
          "[cli][network][n01]") {
  ScratchDir dir;
  const Run r =
      run({"network", "build", "--json", "--graph-cache", (dir / "n01.caremap-graph").string()});
  INFO(r.err);
  REQUIRE(r.code == cli::exit_ok);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["profile"] == "n01-1996");
  CHECK(j["basis"].get<std::string>().starts_with("trunk roads only (KSJ N01, 1996)"));
  CHECK(j["basis_ja"].get<std::string>().starts_with("幹線道路のみ（国土数値情報 道路 1996年）"));
  // 577 links (SOURCES.md); cut at junctions and T-junctions into more segments, never fewer.
  CHECK(j["line_layer"]["lines"] == 577);
  CHECK(j["segments"].get<int>() >= 577 + j["line_layer"]["t_junctions"].get<int>());
  CHECK(j["nodes"].get<int>() >= 547);  // the source's 547 nodes, plus T-junction splits
  // One connected network carries the region: what is left over is a few kilometres cut off
  // by the extract's edge (east of 130.68 E, outside both cities).
  const double total_km = j["road_km"].get<double>();
  CHECK(total_km == Approx(400.0).margin(10.0));
  double small_km = 0.0;
  for (const auto& c : j["small_components"]) {
    small_km += c["length_m"].get<double>() / 1000.0;
  }
  CHECK(small_km < 0.03 * total_km);
  // Every hospital is on the mainland network; pairs by road are 1.0-2.0 times the straight line.
  CHECK(j["hospital_pairs"]["not_connected"].empty());
  CHECK(j["hospital_pairs"]["unreachable"] == 0);
  CHECK(j["hospital_pairs"]["ratio_median"].get<double>() > 1.0);
  CHECK(j["hospital_pairs"]["ratio_max"].get<double>() < 2.0);
  // From the cache the build statistics are the same: the cache keeps them.
  const Run again =
      run({"network", "build", "--json", "--graph-cache", (dir / "n01.caremap-graph").string()});
  REQUIRE(again.code == cli::exit_ok);
  const auto c = nlohmann::json::parse(again.out);
  CHECK(j["from_cache"] == false);
  CHECK(c["from_cache"] == true);
  CHECK(c["line_layer"] == j["line_layer"]);
  for (const char* key : {"nodes", "arcs", "segments", "components", "dead_ends"}) {
    CHECK(c[key] == j[key]);
  }
}

TEST_CASE("travel times on the default region say what they stand on; islands are not connected",
          "[cli][network][n01]") {
  ScratchDir dir;
  const std::vector<std::string> cache{"--graph-cache", (dir / "n01.caremap-graph").string()};
  const Run near = run(concat({"nearest", "--by", "time", "--demand-layer", "shelter_evacuation",
                               "--json", "--diagnostics"},
                              cache));
  INFO(near.err);
  REQUIRE(near.code == cli::exit_ok);
  const auto n = nlohmann::json::parse(near.out);
  CHECK(n["network"]["en"].get<std::string>().starts_with("trunk roads only (KSJ N01, 1996)"));
  // 大島 and 地島 have no trunk road: their three shelters are reported, never routed by sea.
  CHECK(n["unreachable"] == 3);
  CHECK_THAT(near.err, Catch::Contains("not_connected_by_road") && Catch::Contains("大島学園") &&
                           Catch::Contains("地島小学校"));
  // 宗像市役所 (130.5406, 33.8054) to 宗像医師会病院, 1.4 km apart: minutes, not a detour.
  const Run hall = run(concat({"nearest", "--by", "time", "--from", "130.5406,33.8054",
                               "--category", "backup_hospital", "--json"},
                              cache));
  REQUIRE(hall.code == cli::exit_ok);
  const auto h = nlohmann::json::parse(hall.out);
  REQUIRE(h["rows"].size() == 1);
  CHECK(h["rows"][0]["time_s"].get<double>() < 8 * 60.0);
  const Run table = run(concat(
      {"od-matrix", "--origin-layer", "hospitals", "--destination-layer", "hospitals", "--json"},
      cache));
  REQUIRE(table.code == cli::exit_ok);
  const auto od = nlohmann::json::parse(table.out);
  CHECK(od["network"]["ja"].get<std::string>().starts_with(
      "幹線道路のみ（国土数値情報 道路 1996年）"));
  // Hospitals close together on roads that meet far away are served by the direct leg.
  std::size_t direct = 0;
  for (const auto& row : od["rows"]) {
    direct += row["direct"].get<bool>() ? 1 : 0;
  }
  CHECK(direct > 0);
  CHECK(direct < od["rows"].size());
}

TEST_CASE("network build builds once, then reloads the cache", "[cli][network]") {
  MonacoFixture f;
  const Run first = run(concat({"network", "build", "--json"}, f.network()));
  REQUIRE(first.code == cli::exit_ok);
  const auto a = nlohmann::json::parse(first.out);
  CHECK(a["crs"] == "EPSG:32632");  // UTM 32N, chosen from the extract's extent
  CHECK(a["from_cache"] == false);
  CHECK(a["nodes"].get<int>() > 1000);
  CHECK(fs::exists(f.cache));
  const Run second = run(concat({"network", "build", "--json"}, f.network()));
  REQUIRE(second.code == cli::exit_ok);
  const auto b = nlohmann::json::parse(second.out);
  CHECK(b["from_cache"] == true);
  CHECK(b["arcs"] == a["arcs"]);
  CHECK(b["road_km"].get<double>() == Approx(a["road_km"].get<double>()).margin(1e-9));
}

TEST_CASE("nearest by time agrees with the OD matrix and reroutes around closures",
          "[cli][network]") {
  MonacoFixture f;
  const Run near = run(concat({"nearest", "--by", "time", "--facilities", f.sites, "--demand",
                               f.people, "-k", "2", "--json"},
                              f.network()));
  INFO(near.err);
  REQUIRE(near.code == cli::exit_ok);
  const auto n = nlohmann::json::parse(near.out);
  REQUIRE(n["rows"].size() == 6);
  const Run od = run(concat(
      {"od-matrix", "--origins", f.people, "--destinations", f.sites, "--json"}, f.network()));
  REQUIRE(od.code == cli::exit_ok);
  const auto m = nlohmann::json::parse(od.out);
  REQUIRE(m["rows"].size() == 6);
  // Every (demand, facility) time of nearest equals the matrix entry for the same pair.
  for (const auto& row : n["rows"]) {
    const auto match = std::find_if(m["rows"].begin(), m["rows"].end(), [&](const auto& e) {
      return e["origin"] == row["demand"] && e["destination"] == row["facility"];
    });
    REQUIRE(match != m["rows"].end());
    CHECK(row["time_s"].get<double>() == Approx((*match)["time_s"].get<double>()).margin(1e-6));
    CHECK(row["length_m"].get<double>() == Approx((*match)["length_m"].get<double>()).margin(1e-6));
  }
  // p3 is nearest to site B; the flood around site B sends it to site A, later.
  auto first_for = [](const nlohmann::json& rows, const std::string& who) {
    for (const auto& r : rows) {
      if (r["demand"] == who && r["rank"] == 1) {
        return r;
      }
    }
    return nlohmann::json();
  };
  CHECK(first_for(n["rows"], "p3")["facility"] == "site B");
  const Run closed = run(concat({"nearest", "--by", "time", "--facilities", f.sites, "--demand",
                                 f.people, "--closures", f.flood, "--json"},
                                f.network()));
  INFO(closed.err);
  REQUIRE(closed.code == cli::exit_ok);
  const auto c = nlohmann::json::parse(closed.out);
  CHECK(first_for(c["rows"], "p3")["facility"] == "site A");
  CHECK(first_for(c["rows"], "p3")["time_s"].get<double>() >
        first_for(n["rows"], "p3")["time_s"].get<double>());
  const auto& effect = c["closure_effect"];
  CHECK(effect["closed_arcs"].get<int>() > 0);
  CHECK(effect["facility_changed"].get<int>() >= 1);
  CHECK(effect["added_max_s"].get<double>() > 0.0);
}

TEST_CASE("service areas grow with the band and are written as polygons", "[cli][network]") {
  MonacoFixture f;
  const fs::path out = f.dir / "areas.gpkg";
  const Run r = run(concat({"service-area", "--from", "7.4246,43.7384", "--bands", "2,4,6min",
                            "--json", "--out", out.string()},
                           f.network()));
  INFO(r.err);
  REQUIRE(r.code == cli::exit_ok);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["areas"].size() == 3);
  double previous = 0.0;
  for (const auto& a : j["areas"]) {
    CHECK(a["area_km2"].get<double>() > previous);
    previous = a["area_km2"].get<double>();
  }
  CHECK(fs::exists(out));

  const Run distance = run(concat({"service-area", "--origins", f.sites, "--distance", "500,1000m",
                                   "--mode", "split", "--json"},
                                  f.network()));
  REQUIRE(distance.code == cli::exit_ok);
  const auto d = nlohmann::json::parse(distance.out);
  CHECK(d["facilities"] == 2);
  CHECK(d["areas"].size() == 4);
  // An origins file is named by its name column.
  CHECK(d["areas"][0]["facility"] == "site A");
}

TEST_CASE("service-area --roads-only gives the reached roads alone", "[cli][network]") {
  MonacoFixture f;
  const fs::path out = f.dir / "roads.gpkg";
  const Run r = run(concat({"service-area", "--from", "7.4246,43.7384", "--bands", "2,4min",
                            "--roads-only", "--json", "--out", out.string()},
                           f.network()));
  INFO(r.err);
  REQUIRE(r.code == cli::exit_ok);
  const auto j = nlohmann::json::parse(r.out);
  CHECK_FALSE(j.contains("areas"));
  REQUIRE(j["roads"].size() == 2);
  CHECK(j["roads"][0]["band"] == "2 min");
  CHECK(j["roads"][0]["length_m"].get<double>() > 0.0);
  CHECK(j["roads"][1]["length_m"].get<double>() > j["roads"][0]["length_m"].get<double>());
  // The file holds the road layer and no polygon layer.
  GDALAllRegister();
  const GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  CHECK(ds->GetLayerCount() == 1);
  OGRLayer* roads = ds->GetLayerByName("service_area_roads");
  REQUIRE(roads != nullptr);
  CHECK(roads->GetFeatureCount() == 2);
  // The same roads as the full run, which also makes polygons.
  const Run full = run(concat({"service-area", "--from", "7.4246,43.7384", "--bands", "2,4min",
                               "--json", "--out", (f.dir / "full.gpkg").string()},
                              f.network()));
  REQUIRE(full.code == cli::exit_ok);
  const GDALDatasetUniquePtr all(GDALDataset::Open((f.dir / "full.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(all);
  OGRLayer* full_roads = all->GetLayerByName("service_area_roads");
  REQUIRE(full_roads != nullptr);
  const auto length_of = [](OGRLayer* l, GIntBig fid) {
    const OGRFeatureUniquePtr feature(l->GetFeature(fid));
    return feature->GetFieldAsDouble("length_m");
  };
  for (GIntBig fid = 1; fid <= 2; ++fid) {
    CHECK(length_of(roads, fid) == Approx(length_of(full_roads, fid)).epsilon(1e-12));
  }
  // Text output: one row per band, in km.
  const Run text =
      run(concat({"service-area", "--from", "7.4246,43.7384", "--bands", "2min", "--roads-only"},
                 f.network()));
  REQUIRE(text.code == cli::exit_ok);
  CHECK_THAT(text.out, Catch::Contains("Roads reached from 1 facilities") &&
                           Catch::Contains("road km") && Catch::Contains("2 min"));
}

TEST_CASE("the OD matrix is written as a CSV table", "[cli][network]") {
  MonacoFixture f;
  const fs::path out = f.dir / "od.csv";
  const Run r = run(concat({"od-matrix", "--origins", f.people, "--destinations", f.sites,
                            "--k-nearest", "1", "--out", out.string()},
                           f.network()));
  REQUIRE(r.code == cli::exit_ok);
  const auto rows = test::parse_csv(test::read_text(out));
  REQUIRE(rows.size() == 1 + 3);  // k nearest = 1: one row per origin
  CHECK(std::find(rows[0].begin(), rows[0].end(), "time_s") != rows[0].end());
}

TEST_CASE("bad network arguments exit with code 2", "[cli][network]") {
  MonacoFixture f;
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"service-area", "--from", "7.42,43.73", "--bands", "5min", "--distance", "1km"},
       "not both"},
      {{"service-area", "--from", "7.42,43.73", "--mode", "sideways"}, "sideways"},
      {{"nearest", "--by", "bicycle", "--from", "7.42,43.73"}, "bicycle"},
      {{"nearest", "--by", "time", "--from", "7.42,43.73", "--direction", "up"}, "up"},
  };
  for (const auto& [args, says] : cases) {
    const Run r = run(concat(args, f.network()));
    INFO(args[0] << " -> " << r.err);
    CHECK(r.code == cli::exit_bad_arguments);
    CHECK_THAT(r.err, Catch::Contains(says));
  }
}

TEST_CASE("a region's facilities on another region's road network are refused", "[cli][network]") {
  // --osm with --category: the facilities come from the default region (宗像市・福津市), which
  // the Monaco extract does not cover. That is a mistake to say, not 13 empty service areas.
  MonacoFixture f;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"service-area", "--category", "hospital", "--bands", "5,10min", "--out",
            (f.dir / "sa.gpkg").string()},
           {"nearest", "--by", "time", "--from", "7.4197,43.7277"}}) {
    const Run r = run(concat(args, f.network()));
    INFO(args[0] << ": " << r.err);
    CHECK(r.code == cli::exit_bad_input);
    CHECK_THAT(r.err, Catch::Contains("monaco.osm.pbf") &&
                          Catch::Contains("none of the 13 facilities lies near a road"));
  }
  CHECK_FALSE(fs::exists(f.dir / "sa.gpkg"));
}
