#include "app/crs_display.hpp"

#include <catch2/catch.hpp>

using namespace caremap::app;

TEST_CASE("the status bar names the working CRS briefly", "[app][crs_display]") {
  CHECK(crs_display("EPSG:6670", Lang::ja) == "EPSG:6670");
  // The fitted Lambert conic of the national project, as crs::choose_working_crs writes it.
  const std::string fitted =
      "+proj=lcc +lat_0=34.873231 +lon_0=134.273494 +lat_1=27.846105 +lat_2=41.900356 +x_0=0 "
      "+y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs";
  CHECK(crs_display(fitted, Lang::ja) == "LCC (データから選んだ投影)");
  CHECK(crs_display(fitted, Lang::en) == "LCC (chosen for the data)");
  CHECK(crs_display("+proj=utm +zone=32 +datum=WGS84", Lang::en) == "UTM (chosen for the data)");
  CHECK(crs_display("PROJCRS[\"a long WKT definition that no status bar can hold\"]", Lang::en) ==
        "custom CRS");
}
