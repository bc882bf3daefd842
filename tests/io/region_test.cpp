#include "io/region.hpp"

#include <gdal.h>
#include <ogr_api.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "io/io_test_support.hpp"

using namespace caremap;

namespace {

// Rows of a shipped CSV with non-empty, non-zero coordinates in the given columns, counted
// without the reader under test.
std::size_t usable_csv_rows(const std::filesystem::path& file, const std::string& lat_col,
                            const std::string& lon_col) {
  const auto rows = test::parse_csv(test::read_text(file));
  const int lat = test::column(rows.at(0), lat_col);
  const int lon = test::column(rows.at(0), lon_col);
  REQUIRE(lat >= 0);
  REQUIRE(lon >= 0);
  std::size_t n = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& a = rows[r][static_cast<std::size_t>(lat)];
    const auto& b = rows[r][static_cast<std::size_t>(lon)];
    if (!a.empty() && !b.empty() && !(std::stod(a) == 0.0 && std::stod(b) == 0.0)) {
      ++n;
    }
  }
  return n;
}

std::size_t csv_rows(const std::filesystem::path& file) {
  return test::parse_csv(test::read_text(file)).size() - 1;
}

// Data rows of an e-Stat mesh statistics file (two header rows), counted without the reader.
std::size_t estat_rows(const std::filesystem::path& file) {
  const auto rows = test::parse_csv(test::read_text(file));
  std::size_t n = 0;
  for (std::size_t r = 2; r < rows.size(); ++r) {
    n += !rows[r].empty() && !rows[r][0].empty();
  }
  return n;
}

// Feature count of a GeoPackage's single layer, asked of GDAL directly.
std::size_t gpkg_features(const std::filesystem::path& file) {
  GDALAllRegister();
  GDALDatasetH ds =
      GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  REQUIRE(ds != nullptr);
  const auto n = OGR_L_GetFeatureCount(GDALDatasetGetLayer(ds, 0), TRUE);
  GDALClose(ds);
  return static_cast<std::size_t>(n);
}

std::size_t geojson_features(const std::filesystem::path& file) {
  return nlohmann::json::parse(test::read_text(file)).at("features").size();
}

bool has_name(const io::LoadedLayer& l, const std::string& name) {
  for (std::uint32_t i = 0; i < l.layer->size(); ++i) {
    if (l.layer->display_name(core::FeatureId{i}) == name) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("the default region opens in one call with every layer", "[io][region]") {
  const auto dir = test::data_dir() / "munakata-fukutsu";
  core::Progress progress;
  const io::Region r = io::open_region(io::find_project("munakata-fukutsu"), &progress);
  CHECK(progress.fraction() == 1.0);
  CHECK(r.working_crs.epsg == 6670);
  CHECK(r.project.municipality_codes == std::vector<std::string>{"40220", "40224"});
  // The trunk roads (KSJ N01, 1996) with their line-layer profile.
  REQUIRE(r.project.roads.has_value());
  CHECK(r.project.roads->filename() == "roads_n01_1996.geojson");
  CHECK(std::filesystem::is_regular_file(*r.project.roads));
  REQUIRE(r.project.road_profile.has_value());
  CHECK(std::filesystem::is_regular_file(*r.project.road_profile));

  const std::vector<std::pair<std::string, std::size_t>> expected = {
      {"boundary", gpkg_features(dir / "boundaries.gpkg")},
      {"hospitals",
       usable_csv_rows(dir / "hospitals.csv", "所在地座標（緯度）", "所在地座標（経度）")},
      {"clinics", usable_csv_rows(dir / "clinics.csv", "lat", "lon")},
      {"pharmacies", usable_csv_rows(dir / "pharmacies.csv", "lat", "lon")},
      {"dental", usable_csv_rows(dir / "dental_clinics.csv", "lat", "lon")},
      {"shelter_evacuation", geojson_features(dir / "shelters_designated_evacuation.geojson")},
      {"shelter_emergency", geojson_features(dir / "shelters_designated_emergency.geojson")},
      {"care_tokuyou", usable_csv_rows(dir / "care_tokuyou.csv", "緯度", "経度")},
      {"care_rouken", usable_csv_rows(dir / "care_rouken.csv", "緯度", "経度")},
      {"care_medical_institute",
       usable_csv_rows(dir / "care_medical_institute.csv", "緯度", "経度")},
      {"care_regular_patrol",
       usable_csv_rows(dir / "care_regular_patrol_nursing.csv", "緯度", "経度")},
      {"visiting_nurse", usable_csv_rows(dir / "visiting_nurse_stations.csv", "lat", "lon")},
      {"care_managers", usable_csv_rows(dir / "care_manager_offices.csv", "lat", "lon")},
      {"home_help", usable_csv_rows(dir / "home_help_offices.csv", "lat", "lng")},
      {"population", estat_rows(dir / "population" / "tblT001101H5030.txt")},
  };
  REQUIRE(r.layers.size() == expected.size());
  for (const auto& [id, count] : expected) {
    INFO("layer " << id);
    CHECK(r.require(id).layer->size() == count);
    CHECK(r.require(id).layer->crs == "EPSG:6670");
  }
  // Nothing was dropped in the shipped data: every row of every CSV loaded.
  CHECK(r.require("clinics").layer->size() == csv_rows(dir / "clinics.csv"));
  CHECK(r.require("boundary").layer->size() == 2);

  // The figures SOURCES.md states, independently of the counts above.
  const auto& hospitals = *r.require("hospitals").layer;
  CHECK(hospitals.size() == 13);
  CHECK(hospitals.count(core::Category::backup_hospital) == 1);
  CHECK(hospitals.count(core::Category::hospital) == 13);
  for (std::uint32_t i = 0; i < hospitals.size(); ++i) {
    if (hospitals.features[i].category == core::Category::backup_hospital) {
      CHECK(hospitals.display_name(core::FeatureId{i}) == "宗像医師会病院");
    }
  }
  CHECK_THAT(core::summarize(hospitals.provenance),
             Catch::Contains("https://mmah.jp/hospital/message.html"));
  CHECK(r.require("care_tokuyou").layer->size() == 12);
  CHECK(r.require("care_rouken").layer->size() == 4);
  CHECK(r.require("care_medical_institute").layer->size() == 3);
  CHECK(r.require("care_regular_patrol").layer->size() == 1);
  CHECK(r.require("shelter_emergency").layer->size() == 48 + 9);

  // Japanese text intact.
  CHECK(has_name(r.require("hospitals"), "宗像水光会総合病院"));
  CHECK(has_name(r.require("clinics"), "地島診療所"));
  CHECK(has_name(r.require("shelter_evacuation"), "河東小学校"));
  CHECK(has_name(r.require("care_tokuyou"), "特別養護老人ホーム　むなかた"));
  CHECK(has_name(r.require("boundary"), "宗像市"));
  const auto& clinics = *r.require("clinics").layer;
  CHECK(clinics.field_index("施設内医務室").has_value());

  // Capacity: 定員 50 for 特別養護老人ホーム むなかた; 0 in the source is unknown.
  const auto& tokuyou = *r.require("care_tokuyou").layer;
  for (std::uint32_t i = 0; i < tokuyou.size(); ++i) {
    if (tokuyou.display_name(core::FeatureId{i}) == "特別養護老人ホーム　むなかた") {
      CHECK(tokuyou.capacity(core::FeatureId{i}) == 50.0);
    }
    if (const auto c = tokuyou.capacity(core::FeatureId{i})) {
      CHECK(*c > 0.0);
    }
  }

  // No row of the shipped data is bad; capacities of 0 are noted.
  const core::Diagnostics d = r.diagnostics();
  CHECK(d.count(core::Severity::warning) == 0);
  CHECK(d.count(core::Severity::error) == 0);
  CHECK(r.boundaries().size() == 1);
  CHECK(r.credits().size() >= 4);
  CHECK(r.find("roads") == nullptr);
  CHECK_THROWS_AS(r.require("roads"), core::ArgumentError);
}

TEST_CASE("boundary areas in EPSG:6670 match the official figures", "[io][region]") {
  const io::Region r = io::open_region(io::find_project("munakata-fukutsu"));
  const auto& b = *r.require("boundary").layer;
  const auto code = b.require_field("N03_007");
  double munakata = 0.0;
  double fukutsu = 0.0;
  for (const auto& f : b.features) {
    const std::string c = core::to_text(f.values[code]);
    (c == "40220" ? munakata : fukutsu) = core::to_km2(core::area(f.geometry));
  }
  CHECK(munakata == Approx(119.94).epsilon(0.005));
  CHECK(fukutsu == Approx(52.76).epsilon(0.005));
}

TEST_CASE("Itabashi opens in zone IX with its known gaps", "[io][region]") {
  const auto dir = test::data_dir() / "itabashi";
  const io::Region r = io::open_region(io::find_project("itabashi"));
  CHECK(r.working_crs.epsg == 6677);
  CHECK(r.require("hospitals").layer->size() == 34);
  CHECK(r.find("clinics") == nullptr);
  CHECK(r.find("shelter_evacuation") == nullptr);
  CHECK(r.require("shelter_emergency").layer->size() == 86);
  CHECK(r.require("care_tokuyou").layer->size() == 21);
  // The one pharmacy without coordinates is reported, not placed.
  const auto& ph = r.require("pharmacies");
  CHECK(ph.layer->size() == csv_rows(dir / "pharmacies_itabashi.csv") - 1);
  REQUIRE(ph.diagnostics.count("empty_coordinates") == 1);
  CHECK(ph.diagnostics.items().front().row == 55u);
  const double area = core::to_km2(core::area(r.require("boundary").layer->features[0].geometry));
  CHECK(area == Approx(32.22).epsilon(0.005));
}

TEST_CASE("region names, the data directory and the routing test region", "[io][region]") {
  const auto regions = io::list_regions();
  for (const char* name : {"itabashi", "monaco", "munakata-fukutsu"}) {
    CHECK(std::find(regions.begin(), regions.end(), name) != regions.end());
  }
  CHECK_THROWS_WITH(io::find_project("atlantis"),
                    Catch::Contains("atlantis") && Catch::Contains("munakata-fukutsu"));
  CHECK_THROWS_AS(io::find_project("/no/such/project.caremap.json"), core::InputError);
  CHECK(io::find_project((test::data_dir() / "itabashi.caremap.json").string()).filename() ==
        "itabashi.caremap.json");

  const io::Region monaco = io::open_region(io::find_project("monaco"));
  CHECK(monaco.working_crs.epsg == 32632);
  REQUIRE(monaco.project.roads.has_value());
  CHECK(std::filesystem::is_regular_file(*monaco.project.roads));
  CHECK(monaco.layers.empty());

  test::ScratchDir dir;
  test::write_text(dir / "mine.caremap.json", R"({"id": "mine", "layers": []})");
  ::setenv("CAREMAP_DATA_DIR", dir.path().c_str(), 1);
  CHECK(io::list_regions() == std::vector<std::string>{"mine"});
  CHECK(io::find_project("mine") == dir / "mine.caremap.json");
  ::unsetenv("CAREMAP_DATA_DIR");
  CHECK(io::data_dir() == test::data_dir());
}

TEST_CASE("layers read at once keep the project's order and its first error", "[io][region]") {
  // The larger file is read first; the error reported is still the first layer's in the project,
  // as a read one layer after another gives it.
  test::ScratchDir dir;
  std::string big = "name,lat,lon\n";
  for (int i = 0; i < 2000; ++i) {
    big += "p" + std::to_string(i) + ",33.8" + std::to_string(i % 10) + ",130.5\n";
  }
  test::write_text(dir / "a.csv", "name,lat,lon\nq,33.8,130.5\n");
  test::write_text(dir / "b.csv", big);
  test::write_text(dir / "c.csv", "name,lat,lon\nr,33.9,130.6\n");
  const std::string layer = R"({"id": "%s", "source": "%s", "category": "clinic",
                                "name_field": "name"})";
  auto entry = [&](const std::string& id, const std::string& source) {
    std::string s = layer;
    s.replace(s.find("%s"), 2, id);
    s.replace(s.find("%s"), 2, source);
    return s;
  };
  test::write_text(dir / "ok.caremap.json",
                   R"({"id": "ok", "working_crs": "EPSG:6670", "layers": [)" + entry("a", "a.csv") +
                       "," + entry("b", "b.csv") + "," + entry("c", "c.csv") + "]}");
  const io::Region ok = io::open_region(dir / "ok.caremap.json");
  REQUIRE(ok.layers.size() == 3);
  CHECK(ok.layers[0].spec.id == "a");
  CHECK(ok.layers[1].spec.id == "b");
  CHECK(ok.layers[1].layer->size() == 2000);
  CHECK(ok.layers[2].spec.id == "c");

  test::write_text(dir / "broken.caremap.json",
                   R"({"id": "broken", "working_crs": "EPSG:6670", "layers": [)" +
                       entry("a", "missing-a.csv") + "," + entry("b", "b.csv") + "," +
                       entry("c", "missing-c.csv") + "]}");
  CHECK_THROWS_WITH(io::open_region(dir / "broken.caremap.json"),
                    Catch::Contains("missing-a.csv") && !Catch::Contains("missing-c.csv"));
}
