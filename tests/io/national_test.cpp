#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "crs/transformer.hpp"
#include "io/io_test_support.hpp"
#include "io/read.hpp"
#include "io/region.hpp"

using namespace caremap;

TEST_CASE("national hospitals: every row at 0,0 or empty is reported, none loaded",
          "[io][national]") {
  const auto path = test::data_dir() / "national" / "01-1_hospital_facility_info_20250601.csv";

  // The expectation, computed from the file without the reader under test.
  const auto rows = test::parse_csv(test::read_text(path));
  REQUIRE(rows.size() > 7000);
  const int lat = test::column(rows[0], "所在地座標（緯度）");
  const int lon = test::column(rows[0], "所在地座標（経度）");
  REQUIRE(lat >= 0);
  REQUIRE(lon >= 0);
  std::set<std::size_t> bad_rows;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::string& a = rows[r][static_cast<std::size_t>(lat)];
    const std::string& b = rows[r][static_cast<std::size_t>(lon)];
    const bool empty = a.empty() || b.empty();
    if (empty || (std::stod(a) == 0.0 && std::stod(b) == 0.0)) {
      bad_rows.insert(r);  // data row number: the header is row 0
    }
  }
  const std::size_t data_rows = rows.size() - 1;
  CHECK(bad_rows.size() == 270);

  const auto l = io::read_file(path, {}, crs::CrsRef::wgs84());
  CHECK(l.layer->category == core::Category::hospital);
  CHECK(l.layer->size() == data_rows - bad_rows.size());
  CHECK(l.rows.read == data_rows);
  CHECK(l.rows.skipped == bad_rows.size());
  CHECK(l.rows.filtered_out == 0);
  std::set<std::size_t> reported;
  for (const auto& d : l.diagnostics.items()) {
    if (d.code == "zero_coordinates" || d.code == "empty_coordinates") {
      REQUIRE(d.row.has_value());
      reported.insert(*d.row);
    }
  }
  CHECK(reported == bad_rows);
  for (const auto& f : l.layer->features) {
    const auto p = std::get<core::XY>(f.geometry);
    INFO("row " << f.source_row);
    CHECK_FALSE(bad_rows.count(f.source_row));
    // Every loaded hospital is in Japan.
    CHECK(p.x > 122.0);
    CHECK(p.x < 154.0);
    CHECK(p.y > 20.0);
    CHECK(p.y < 46.0);
  }
}

TEST_CASE("national files choose a fitted Lambert conic", "[io][national]") {
  const std::vector<std::filesystem::path> files = {test::data_dir() / "national" /
                                                    "01-1_hospital_facility_info_20250601.csv"};
  const auto choice = io::choose_crs_for(files);
  CHECK_THAT(choice.crs.definition, Catch::Contains("+proj=lcc"));
  const std::vector<std::filesystem::path> region = {test::data_dir() / "munakata-fukutsu" /
                                                     "hospitals.csv"};
  CHECK(io::choose_crs_for(region).crs.epsg == 6670);
}

namespace {

// Data rows (header = row 0) of a national care file whose coordinates parse, are not 0,0 and
// lie outside `extent`: computed without the reader under test.
std::set<std::size_t> rows_outside(const std::filesystem::path& file, const crs::GeoBox& extent) {
  const auto rows = test::parse_csv(test::read_text(file));
  // The care files name their columns 緯度/経度, the hospital file 所在地座標（緯度）/（経度）.
  const bool care = test::column(rows.at(0), "緯度") >= 0;
  const int lat = test::column(rows.at(0), care ? "緯度" : "所在地座標（緯度）");
  const int lon = test::column(rows.at(0), care ? "経度" : "所在地座標（経度）");
  REQUIRE(lat >= 0);
  REQUIRE(lon >= 0);
  std::set<std::size_t> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::string& a = rows[r][static_cast<std::size_t>(lat)];
    const std::string& b = rows[r][static_cast<std::size_t>(lon)];
    if (a.empty() || b.empty()) {
      continue;
    }
    const double y = std::stod(a);
    const double x = std::stod(b);
    if (!(x == 0.0 && y == 0.0) && !extent.contains({x, y})) {
      out.insert(r);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("the national project skips the care facilities geocoded abroad", "[io][national]") {
  const auto project = test::data_dir() / "national.caremap.json";
  const io::Region region = io::open_region(project);
  REQUIRE(region.project.valid_extent);
  const crs::GeoBox extent = *region.project.valid_extent;
  // One fitted Lambert conic: the rows abroad no longer stretch the extent.
  CHECK_THAT(region.working_crs.definition, Catch::Contains("+proj=lcc"));

  // The scan that found them: file lines 2419 ... (line 1 = header) are data rows 2418 ...
  const std::map<std::string, std::set<std::size_t>> scanned = {
      {"care_tokuyou", {2418, 5145, 6398, 6484, 7743, 7965}},
      {"care_rouken", {941, 2079, 3321, 3481}},
      {"care_medical_institute", {}},
      {"care_regular_patrol", {318, 351, 702}},
      {"hospitals", {}}};
  std::size_t total = 0;
  crs::Transformer to_lonlat(region.working_crs, crs::CrsRef::wgs84());
  for (const auto& l : region.layers) {
    INFO(l.spec.id);
    REQUIRE(scanned.count(l.spec.id) == 1);
    const auto path = test::data_dir() / l.spec.source;
    const std::set<std::size_t> expected = rows_outside(path, extent);
    CHECK(expected == scanned.at(l.spec.id));
    std::set<std::size_t> reported;
    for (const auto& d : l.diagnostics.items()) {
      if (d.code == "outside_valid_extent") {
        REQUIRE(d.row.has_value());
        reported.insert(*d.row);
        CHECK(d.field == "経度/緯度");
        CHECK_THAT(d.message, Catch::Contains("outside the project's valid extent"));
      }
    }
    CHECK(reported == expected);
    total += reported.size();
    for (const auto& f : l.layer->features) {
      INFO("row " << f.source_row);
      CHECK_FALSE(expected.count(f.source_row));
      const core::XY p = to_lonlat.transform(std::get<core::XY>(f.geometry));
      CHECK(extent.contains({p.x, p.y}));
    }
  }
  CHECK(total == 13);
  CHECK(region.diagnostics().count("outside_valid_extent") == 13);

  // The hospitals are all in Japan: the 270 at 0,0 or empty go, the 7,317 others stay.
  const auto& hospitals = region.require("hospitals");
  CHECK(hospitals.layer->size() == 7317);
  CHECK(hospitals.rows.skipped == 270);
}
