#include "crs/working_crs.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "crs/scale_error.hpp"

using namespace caremap;

namespace {

std::optional<int> epsg_for(std::vector<std::string> codes,
                            std::optional<crs::GeoBox> extent = std::nullopt) {
  return crs::choose_working_crs(codes, extent).crs.epsg;
}

}  // namespace

TEST_CASE("municipality codes choose the prefecture's plane rectangular zone",
          "[crs][working_crs]") {
  CHECK(epsg_for({"40220"}) == 6670);  // 宗像市 -> II
  CHECK(epsg_for({"40224"}) == 6670);  // 福津市 -> II
  CHECK(epsg_for({"40220", "40224"}) == 6670);
  CHECK(epsg_for({"402206"}) == 6670);  // with check digit
  CHECK(epsg_for({"13119"}) == 6677);   // 板橋区 -> IX
  CHECK(epsg_for({"42201"}) == 6669);   // 長崎市 -> I
  CHECK(epsg_for({"01100"}) == 6680);   // 札幌市, no extent -> XII
  CHECK(epsg_for({"27100"}) == 6674);   // 大阪市 -> VI
  const auto choice = crs::choose_working_crs(std::vector<std::string>{"40220"});
  CHECK_THAT(choice.reason, Catch::Contains("福岡県") && Catch::Contains("40220"));

  // Several-zone prefectures use the extent: 釧路 (144.4E 43.0N) is in zone XIII.
  CHECK(epsg_for({"01206"}, crs::GeoBox{{144.2, 42.9}, {144.6, 43.1}}) == 6681);
  // 石垣島 (124.2E 24.4N) is in zone XVI.
  CHECK(epsg_for({"47207"}, crs::GeoBox{{124.1, 24.3}, {124.3, 24.6}}) == 6684);
}

TEST_CASE("bad or conflicting codes", "[crs][working_crs]") {
  CHECK_THROWS_AS(epsg_for({"99999"}), core::ArgumentError);
  CHECK_THROWS_AS(epsg_for({"abc"}), core::ArgumentError);
  CHECK_THROWS_AS(epsg_for({"40220", "13119"}), core::ArgumentError);
  CHECK_THROWS_AS(epsg_for({}), core::ArgumentError);
  // Different zones with an extent: the extent decides (all Japan here -> Lambert conic).
  const auto mixed = crs::choose_working_crs(std::vector<std::string>{"40220", "13119"},
                                             crs::GeoBox{{130.4, 33.7}, {139.8, 35.8}});
  CHECK_THAT(mixed.crs.definition, Catch::Contains("+proj=lcc"));
}

TEST_CASE("extents choose a zone, a Lambert conic or UTM", "[crs][working_crs]") {
  // The default region's extent (mainland and islands) and Itabashi's.
  CHECK(crs::choose_working_crs(crs::GeoBox{{130.098, 33.731}, {130.640, 34.250}}).crs.epsg ==
        6670);
  CHECK(crs::choose_working_crs(crs::GeoBox{{139.624, 35.736}, {139.723, 35.801}}).crs.epsg ==
        6677);
  CHECK(crs::choose_working_crs(crs::GeoBox{{141.2, 42.9}, {141.5, 43.2}}).crs.epsg == 6680);

  SECTION("a point in France gets its UTM zone") {
    CHECK(crs::choose_working_crs(crs::GeoBox::of({2.35, 48.85})).crs.epsg == 32631);
    CHECK(crs::choose_working_crs(crs::GeoBox{{7.40, 43.72}, {7.44, 43.75}}).crs.epsg == 32632);
    CHECK(crs::choose_working_crs(crs::GeoBox::of({151.2, -33.9})).crs.epsg == 32756);
    CHECK(crs::utm_crs({5.3, 60.4}).epsg == 32632);  // Bergen: the Norway exception
  }

  SECTION("all of Japan gets a fitted Lambert conic with about 1 % scale error") {
    const crs::GeoBox japan{{122.9, 24.0}, {145.6, 45.5}};
    const auto choice = crs::choose_working_crs(japan);
    CHECK_FALSE(choice.crs.epsg.has_value());
    CHECK_THAT(choice.crs.definition,
               Catch::Contains("+proj=lcc") && Catch::Contains("+lat_1=27.583333") &&
                   Catch::Contains("+lat_2=41.916667") && Catch::Contains("+ellps=GRS80") &&
                   Catch::Contains("+units=m"));
    CHECK(crs::is_metric_projected(choice.crs));
    const double err = crs::max_scale_error(choice.crs, japan);
    CHECK(err > 0.005);
    CHECK(err < 0.012);
    // A zone is far better over its own prefecture: 0.9999 on the meridian, < 0.1 % at 100 km.
    const crs::GeoBox munakata{{130.43, 33.73}, {130.64, 33.92}};
    CHECK(crs::max_scale_error(crs::CrsRef::from_epsg(6670), munakata) < 2.0e-4);
  }

  CHECK_THROWS_AS(crs::choose_working_crs(crs::GeoBox{{-170.0, -60.0}, {170.0, 70.0}}),
                  core::ArgumentError);
}

TEST_CASE("nearest zone origin", "[crs][working_crs]") {
  CHECK(crs::nearest_plane_rectangular_zone({130.5, 33.8}) == 2);
  CHECK(crs::nearest_plane_rectangular_zone({139.7, 35.75}) == 9);
  CHECK(crs::nearest_plane_rectangular_zone({127.7, 26.2}) == 15);  // 那覇
}
