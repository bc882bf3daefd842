#include <catch2/catch.hpp>
#include <set>

#include "io/io_test_support.hpp"
#include "io/read.hpp"

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
