#include "io/raster.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io_test_support.hpp"

using namespace caremap;

namespace {

// A 64 x 32 RGB GeoTIFF in EPSG:4326 over Munakata: left half vermillion, right half blue.
void write_test_geotiff(const std::filesystem::path& path) {
  GDALAllRegister();
  GDALDriverH driver = GDALGetDriverByName("GTiff");
  REQUIRE(driver != nullptr);
  GDALDatasetH ds = GDALCreate(driver, path.string().c_str(), 64, 32, 3, GDT_Byte, nullptr);
  REQUIRE(ds != nullptr);
  // lon 130.50 .. 130.58, lat 33.80 .. 33.84 (0.00125 degrees per pixel both ways)
  double gt[6] = {130.50, 0.00125, 0.0, 33.84, 0.0, -0.00125};
  GDALSetGeoTransform(ds, gt);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  char* wkt = nullptr;
  OSRExportToWkt(srs, &wkt);
  GDALSetProjection(ds, wkt);
  CPLFree(wkt);
  OSRDestroySpatialReference(srs);
  std::vector<std::uint8_t> band(64 * 32);
  const std::uint8_t left[3] = {0xD5, 0x5E, 0x00};
  const std::uint8_t right[3] = {0x00, 0x72, 0xB2};
  for (int b = 0; b < 3; ++b) {
    for (int y = 0; y < 32; ++y) {
      for (int x = 0; x < 64; ++x) {
        band[static_cast<std::size_t>(y * 64 + x)] = x < 32 ? left[b] : right[b];
      }
    }
    REQUIRE(GDALRasterIO(GDALGetRasterBand(ds, b + 1), GF_Write, 0, 0, 64, 32, band.data(), 64, 32,
                         GDT_Byte, 0, 0) == CE_None);
  }
  GDALClose(ds);
}

std::array<std::uint8_t, 4> pixel_at(const io::RasterImage& img, core::XY p) {
  const auto& b = img.bounds;
  const double fx = (p.x - b.min_corner().x) / (b.max_corner().x - b.min_corner().x);
  const double fy = (b.max_corner().y - p.y) / (b.max_corner().y - b.min_corner().y);
  const int x = std::clamp(static_cast<int>(fx * img.width), 0, img.width - 1);
  const int y = std::clamp(static_cast<int>(fy * img.height), 0, img.height - 1);
  const std::size_t i = (static_cast<std::size_t>(y) * img.width + x) * 4;
  return {img.rgba[i], img.rgba[i + 1], img.rgba[i + 2], img.rgba[i + 3]};
}

}  // namespace

TEST_CASE("a GeoTIFF is warped into the working CRS with its colours", "[raster]") {
  test::ScratchDir dir;
  const auto tif = dir / "basemap.tif";
  write_test_geotiff(tif);
  const io::RasterImage img = io::read_raster(tif, "EPSG:6670", 4096);
  REQUIRE(img.width > 0);
  REQUIRE(img.height > 0);
  REQUIRE(img.rgba.size() == static_cast<std::size_t>(img.width) * img.height * 4);

  crs::Transformer t = crs::Transformer::from_wgs84(crs::CrsRef::parse("EPSG:6670"));
  // The image box holds the projected corners (warping a lon/lat box gives a slightly larger box).
  for (const core::LonLat corner : {core::LonLat{130.50, 33.80}, core::LonLat{130.58, 33.84}}) {
    const core::XY p = t.forward(corner);
    CHECK(p.x >= img.bounds.min_corner().x - 5.0);
    CHECK(p.x <= img.bounds.max_corner().x + 5.0);
    CHECK(p.y >= img.bounds.min_corner().y - 5.0);
    CHECK(p.y <= img.bounds.max_corner().y + 5.0);
  }
  const auto west = pixel_at(img, t.forward(core::LonLat{130.52, 33.82}));
  CHECK(int(west[0]) == Approx(0xD5).margin(3));
  CHECK(int(west[1]) == Approx(0x5E).margin(3));
  CHECK(int(west[3]) == 255);
  const auto east = pixel_at(img, t.forward(core::LonLat{130.56, 33.82}));
  CHECK(int(east[0]) == Approx(0x00).margin(3));
  CHECK(int(east[2]) == Approx(0xB2).margin(3));
  CHECK(int(east[3]) == 255);
}

TEST_CASE("raster size is capped", "[raster]") {
  test::ScratchDir dir;
  const auto tif = dir / "basemap.tif";
  write_test_geotiff(tif);
  const io::RasterImage img = io::read_raster(tif, "EPSG:6670", 16);
  CHECK(img.width <= 16);
  CHECK(img.height <= 16);
  CHECK(img.width >= 8);  // the aspect ratio is kept: about 2:1 in metres here
}

TEST_CASE("a file that is not a raster is an input error naming it", "[raster]") {
  test::ScratchDir dir;
  const auto bad = dir / "not-a-raster.tif";
  test::write_text(bad, "hello");
  try {
    io::read_raster(bad, "EPSG:6670", 256);
    FAIL("expected an InputError");
  } catch (const core::InputError& e) {
    CHECK(std::string(e.what()).find("not-a-raster.tif") != std::string::npos);
  }
}
