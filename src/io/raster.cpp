#include "io/raster.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <gdal_utils.h>
#include <gdalwarper.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/error.hpp"
#include "io/gdal_env.hpp"

namespace caremap::io {

namespace {

struct DatasetCloser {
  void operator()(void* ds) const { GDALClose(static_cast<GDALDatasetH>(ds)); }
};
using Dataset = std::unique_ptr<void, DatasetCloser>;

struct WarpOptionsFree {
  void operator()(GDALWarpAppOptions* o) const { GDALWarpAppOptionsFree(o); }
};

core::InputError raster_error(const std::string& what, const std::string& file) {
  return core::InputError(what, core::ErrorContext{file, {}, {}, {}});
}

// The source's extent in the target CRS and its natural size there (GDAL's suggestion).
struct Suggested {
  double min_x, min_y, max_x, max_y;
  int width, height;
};

Suggested suggest_output(GDALDatasetH src, const std::string& target_wkt, const std::string& file) {
  void* transformer =
      GDALCreateGenImgProjTransformer(src, nullptr, nullptr, target_wkt.c_str(), FALSE, 0.0, 1);
  if (transformer == nullptr) {
    throw raster_error("cannot transform the raster into the working CRS", file);
  }
  double gt[6];
  int width = 0;
  int height = 0;
  const CPLErr err =
      GDALSuggestedWarpOutput(src, GDALGenImgProjTransform, transformer, gt, &width, &height);
  GDALDestroyGenImgProjTransformer(transformer);
  if (err != CE_None || width <= 0 || height <= 0) {
    throw raster_error("cannot compute the raster's extent in the working CRS", file);
  }
  return Suggested{gt[0], gt[3] + gt[5] * height, gt[0] + gt[1] * width, gt[3], width, height};
}

std::string wkt_of(const std::string& definition) {
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  if (OSRSetFromUserInput(srs, definition.c_str()) != OGRERR_NONE) {
    OSRDestroySpatialReference(srs);
    throw core::ArgumentError("unknown CRS '" + definition + "'");
  }
  char* wkt = nullptr;
  OSRExportToWkt(srs, &wkt);
  std::string out = wkt != nullptr ? wkt : "";
  CPLFree(wkt);
  OSRDestroySpatialReference(srs);
  return out;
}

// Warps `src` into the box and size given, with an alpha band, in memory.
Dataset warp(GDALDatasetH src, const std::string& working_crs, double min_x, double min_y,
             double max_x, double max_y, int width, int height, const std::string& file) {
  std::vector<std::string> args{"-of",
                                "MEM",
                                "-t_srs",
                                working_crs,
                                "-te",
                                std::to_string(min_x),
                                std::to_string(min_y),
                                std::to_string(max_x),
                                std::to_string(max_y),
                                "-ts",
                                std::to_string(width),
                                std::to_string(height),
                                "-r",
                                "bilinear",
                                "-dstalpha",
                                "-ot",
                                "Byte"};
  std::vector<char*> argv;
  for (std::string& a : args) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  std::unique_ptr<GDALWarpAppOptions, WarpOptionsFree> options(
      GDALWarpAppOptionsNew(argv.data(), nullptr));
  if (!options) {
    throw raster_error("invalid warp options", file);
  }
  int usage_error = 0;
  GDALDatasetH sources[1] = {src};
  GDALDatasetH out = GDALWarp("", nullptr, 1, sources, options.get(), &usage_error);
  if (out == nullptr) {
    throw raster_error("cannot warp the raster into the working CRS", file);
  }
  return Dataset(out);
}

// Copies the warped dataset (colour bands + the alpha band GDALWarp added last) into RGBA.
RasterImage to_rgba(GDALDatasetH ds, double min_x, double min_y, double max_x, double max_y,
                    const std::string& file) {
  RasterImage img;
  img.width = GDALGetRasterXSize(ds);
  img.height = GDALGetRasterYSize(ds);
  img.bounds = core::Box{core::XY{min_x, min_y}, core::XY{max_x, max_y}};
  const int bands = GDALGetRasterCount(ds);
  if (bands < 2) {
    throw raster_error("warped raster has no alpha band", file);
  }
  const std::size_t n = static_cast<std::size_t>(img.width) * img.height;
  img.rgba.assign(n * 4, 255);
  std::vector<std::uint8_t> band(n);
  auto read_band = [&](int index) {
    GDALRasterBandH b = GDALGetRasterBand(ds, index);
    if (GDALRasterIO(b, GF_Read, 0, 0, img.width, img.height, band.data(), img.width, img.height,
                     GDT_Byte, 0, 0) != CE_None) {
      throw raster_error("cannot read raster pixels", file);
    }
    return b;
  };
  const int colour_bands = bands - 1;  // the last band is the alpha GDALWarp added
  if (colour_bands >= 3) {
    for (int c = 0; c < 3; ++c) {
      read_band(c + 1);
      for (std::size_t i = 0; i < n; ++i) {
        img.rgba[i * 4 + static_cast<std::size_t>(c)] = band[i];
      }
    }
  } else {
    GDALRasterBandH b = read_band(1);
    GDALColorTableH table = GDALGetRasterColorTable(b);
    for (std::size_t i = 0; i < n; ++i) {
      if (table != nullptr) {
        const GDALColorEntry* e = GDALGetColorEntry(table, band[i]);
        const bool ok = e != nullptr;
        img.rgba[i * 4 + 0] = ok ? static_cast<std::uint8_t>(e->c1) : 0;
        img.rgba[i * 4 + 1] = ok ? static_cast<std::uint8_t>(e->c2) : 0;
        img.rgba[i * 4 + 2] = ok ? static_cast<std::uint8_t>(e->c3) : 0;
      } else {
        img.rgba[i * 4 + 0] = img.rgba[i * 4 + 1] = img.rgba[i * 4 + 2] = band[i];
      }
    }
  }
  // Alpha: the warp's coverage, times the source's own alpha band if it had one (RGBA or LA).
  read_band(bands);
  for (std::size_t i = 0; i < n; ++i) {
    img.rgba[i * 4 + 3] = band[i];
  }
  if (colour_bands == 4 || colour_bands == 2) {
    read_band(colour_bands);
    for (std::size_t i = 0; i < n; ++i) {
      img.rgba[i * 4 + 3] = static_cast<std::uint8_t>(img.rgba[i * 4 + 3] * band[i] / 255);
    }
  }
  return img;
}

}  // namespace

RasterImage read_raster(const std::filesystem::path& path, const std::string& working_crs,
                        int max_size_px) {
  detail::ensure_gdal();
  detail::ScopedCplErrors errors;
  const std::string file = path.string();
  Dataset src(
      GDALOpenEx(file.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!src) {
    throw raster_error(errors.message("GDAL cannot open the file as a raster"), file);
  }
  const char* src_wkt = GDALGetProjectionRef(static_cast<GDALDatasetH>(src.get()));
  if (src_wkt == nullptr || *src_wkt == '\0') {
    throw raster_error("the raster has no CRS", file);
  }
  const Suggested s =
      suggest_output(static_cast<GDALDatasetH>(src.get()), wkt_of(working_crs), file);
  const double shrink = std::max({1.0, static_cast<double>(s.width) / max_size_px,
                                  static_cast<double>(s.height) / max_size_px});
  const int w = std::max(1, static_cast<int>(std::lround(s.width / shrink)));
  const int h = std::max(1, static_cast<int>(std::lround(s.height / shrink)));
  Dataset out = warp(static_cast<GDALDatasetH>(src.get()), working_crs, s.min_x, s.min_y, s.max_x,
                     s.max_y, w, h, file);
  return to_rgba(static_cast<GDALDatasetH>(out.get()), s.min_x, s.min_y, s.max_x, s.max_y, file);
}

}  // namespace caremap::io
