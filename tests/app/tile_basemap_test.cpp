#include "app/tile_basemap.hpp"

#include <stb_image_write.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <thread>

#include "app/tile_math.hpp"
#include "crs/transformer.hpp"

using namespace caremap;
using namespace caremap::app;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

TEST_CASE("tile coordinates of known places", "[tiles]") {
  // Zoom 0 is one tile; the equator/prime meridian is the middle of it.
  auto [x0, y0] = lonlat_to_tile(core::LonLat{0, 0}, 0);
  CHECK(x0 == Approx(0.5));
  CHECK(y0 == Approx(0.5));
  // 宗像市役所 (130.5385°E, 33.8055°N), against the textbook form ln(tan φ + sec φ).
  const double phi = 33.8055 * 3.14159265358979323846 / 180.0;
  const double expected_y =
      (1.0 - std::log(std::tan(phi) + 1.0 / std::cos(phi)) / 3.14159265358979323846) / 2.0 * 4096;
  auto [x, y] = lonlat_to_tile(core::LonLat{130.5385, 33.8055}, 12);
  CHECK(x == Approx((130.5385 + 180.0) / 360.0 * 4096).epsilon(1e-12));
  CHECK(y == Approx(expected_y).epsilon(1e-12));
  CHECK(static_cast<int>(x) == 3533);
  const core::LonLat back = tile_to_lonlat(x, y, 12);
  CHECK(back.lon == Approx(130.5385).margin(1e-9));
  CHECK(back.lat == Approx(33.8055).margin(1e-9));
  CHECK(tile_url("https://t/{z}/{x}/{y}.png", TileId{12, 3533, 1637}) ==
        "https://t/12/3533/1637.png");
}

TEST_CASE("the tiles covering a view, centre first, and the zoom for a detail", "[tiles]") {
  const auto tiles =
      tiles_covering(core::LonLat{130.40, 33.72}, core::LonLat{130.65, 33.92}, 12, 100);
  // 0.25° of longitude at zoom 12 spans about 2.8 tiles; 0.2° of latitude about 2.8 as well.
  REQUIRE(tiles.size() >= 9);
  REQUIRE(tiles.size() <= 16);
  for (const TileId& t : tiles) {
    const core::LonLat nw = tile_to_lonlat(t.x, t.y, 12);
    const core::LonLat se = tile_to_lonlat(t.x + 1, t.y + 1, 12);
    CHECK(se.lon >= 130.40);  // every tile touches the box
    CHECK(nw.lon <= 130.65);
    CHECK(nw.lat >= 33.72);
    CHECK(se.lat <= 33.92);
  }
  const auto [cx, cy] = lonlat_to_tile(core::LonLat{130.525, 33.82}, 12);
  CHECK(tiles.front().x == static_cast<int>(cx));
  CHECK(tiles.front().y == static_cast<int>(cy));
  CHECK(tiles_covering(core::LonLat{120, 20}, core::LonLat{150, 46}, 14, 100).empty());
  // About 1 tile pixel per screen pixel: 19 m per pixel at 34°N is zoom 12.8 -> 13.
  CHECK(tile_zoom(19.0, 34.0, 2, 18) == 13);
  CHECK(tile_zoom(0.1, 34.0, 2, 18) == 18);
  CHECK(tile_zoom(20000.0, 34.0, 2, 18) == 3);
}

namespace {

// Polls until the worker has nothing left (or a few seconds passed).
void settle(TileBasemap& tiles, const core::Box& view, double mpp, crs::Transformer& t) {
  for (int i = 0; i < 300; ++i) {
    tiles.update(view, mpp, t);
    if (tiles.pending() == 0 && i > 2) {
      tiles.update(view, mpp, t);
      return;
    }
    std::this_thread::sleep_for(10ms);
  }
}

}  // namespace

TEST_CASE("tiles from a local folder follow the view and are placed by their corners", "[tiles]") {
  const fs::path dir = fs::temp_directory_path() / "caremap-tiles-test";
  fs::remove_all(dir);
  crs::Transformer lonlat = crs::Transformer::from_wgs84(crs::CrsRef::parse("EPSG:6670"));
  const core::XY a = lonlat.forward(core::LonLat{130.50, 33.78});
  const core::XY b = lonlat.forward(core::LonLat{130.56, 33.83});
  const core::Box view{a, b};
  const double mpp = 19.0;
  // Write every tile the view needs: a plain colour each.
  const auto needed =
      tiles_covering(core::LonLat{130.49, 33.77}, core::LonLat{130.57, 33.84}, 13, 100);
  REQUIRE_FALSE(needed.empty());
  std::vector<std::uint8_t> pixels(256 * 256 * 4, 200);
  for (const TileId& t : needed) {
    const fs::path file =
        dir / std::to_string(t.z) / std::to_string(t.x) / (std::to_string(t.y) + ".png");
    fs::create_directories(file.parent_path());
    REQUIRE(stbi_write_png(file.c_str(), 256, 256, 4, pixels.data(), 256 * 4) != 0);
  }
  TileSource source{"file://" + (dir / "{z}" / "{x}" / "{y}.png").string(), "test tiles", 2, 18};
  TileBasemap tiles(source, lonlat);
  const std::uint64_t g0 = tiles.generation();
  settle(tiles, view, mpp, lonlat);
  CHECK(tiles.failure().empty());
  CHECK(tiles.generation() != g0);
  const auto drawn = tiles.drawable();
  REQUIRE_FALSE(drawn.empty());
  for (const auto& img : drawn) {
    CHECK(img->id.z == 13);
    CHECK(img->width == 256);
    REQUIRE(img->grid.size() == 81);
    // The grid's first point is the tile's north-west corner in the working CRS.
    const core::XY nw = lonlat.forward(tile_to_lonlat(img->id.x, img->id.y, 13));
    CHECK(img->grid.front().x == Approx(nw.x).margin(0.01));
    CHECK(img->grid.front().y == Approx(nw.y).margin(0.01));
    CHECK(img->grid.back().y < img->grid.front().y);  // row 0 is north
  }
  // Zooming out asks for zoom-12 tiles the folder lacks: each fails once, quietly after that.
  settle(tiles, view, mpp * 2.0, lonlat);
  CHECK_FALSE(tiles.failure().empty());
  CHECK_FALSE(tiles.offline());  // tiles did arrive before: not an offline viewer
  fs::remove_all(dir);
}

TEST_CASE("an unreachable tile server fails once and stops asking", "[tiles]") {
  crs::Transformer lonlat = crs::Transformer::from_wgs84(crs::CrsRef::parse("EPSG:6670"));
  const core::Box view{lonlat.forward(core::LonLat{130.50, 33.78}),
                       lonlat.forward(core::LonLat{130.56, 33.83})};
  // Port 9 (discard) on the loopback: refused at once, no network needed.
  TileSource source{"http://127.0.0.1:9/{z}/{x}/{y}.png", "nowhere", 2, 18};
  TileBasemap tiles(source, lonlat);
  const auto start = std::chrono::steady_clock::now();
  settle(tiles, view, 19.0, lonlat);
  CHECK(std::chrono::steady_clock::now() - start < 10s);
  CHECK_FALSE(tiles.failure().empty());
  CHECK(tiles.offline());
  CHECK(tiles.drawable().empty());
  // Panning on: nothing more is requested.
  const core::Box moved{lonlat.forward(core::LonLat{130.60, 33.78}),
                        lonlat.forward(core::LonLat{130.66, 33.83})};
  tiles.update(moved, 19.0, lonlat);
  CHECK(tiles.pending() == 0);
}

TEST_CASE("the tile cache keeps its bound over a long pan", "[tiles]") {
  // A strip of small tiles at zoom 14, 2 degrees of longitude long, and a view that pans along
  // it: every step wants tiles it never wanted before.
  const fs::path dir = fs::temp_directory_path() / "caremap-tiles-pan-test";
  fs::remove_all(dir);
  crs::Transformer lonlat = crs::Transformer::from_wgs84(crs::CrsRef::parse("EPSG:6670"));
  const int z = 14;
  const auto strip =
      tiles_covering(core::LonLat{129.9, 33.79}, core::LonLat{132.1, 33.82}, z, 100000);
  REQUIRE(strip.size() > 200);
  std::vector<std::uint8_t> pixels(8 * 8 * 4, 180);
  for (const TileId& t : strip) {
    const fs::path file =
        dir / std::to_string(t.z) / std::to_string(t.x) / (std::to_string(t.y) + ".png");
    fs::create_directories(file.parent_path());
    REQUIRE(stbi_write_png(file.c_str(), 8, 8, 4, pixels.data(), 8 * 4) != 0);
  }
  const std::size_t bound = 40;
  TileSource source{"file://" + (dir / "{z}" / "{x}" / "{y}.png").string(), "test tiles", 2, 18};
  TileBasemap tiles(source, lonlat, bound);
  const double mpp = 8.0;  // zoom 14 at this latitude
  std::size_t most_cached = 0;
  std::size_t most_records = 0;
  std::size_t arrived_views = 0;
  for (int step = 0; step < 200; ++step) {
    const double lon = 130.0 + step * 0.01;
    const core::Box view{lonlat.forward(core::LonLat{lon, 33.80}),
                         lonlat.forward(core::LonLat{lon + 0.02, 33.81})};
    settle(tiles, view, mpp, lonlat);
    arrived_views += tiles.drawable().empty() ? 0 : 1;
    most_cached = std::max(most_cached, tiles.cached());
    most_records = std::max(most_records, tiles.records());
  }
  INFO("most cached " << most_cached << ", most records " << most_records);
  CHECK(tiles.failure().empty());
  CHECK(arrived_views == 200);       // every view was drawn
  CHECK(most_cached == bound);       // the cache filled up to its bound and no further
  CHECK(most_records <= 3 * bound);  // cache + recency + a view's requests, not the whole pan
  fs::remove_all(dir);
}

TEST_CASE("failed tiles are retried after a growing back-off", "[tiles]") {
  CHECK(tile_retry_delay(1) == 2000ms);
  CHECK(tile_retry_delay(2) == 4000ms);
  CHECK(tile_retry_delay(3) == 8000ms);
  CHECK(tile_retry_delay(50) == 60000ms);
}
