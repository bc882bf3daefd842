#include "app/loading.hpp"

#include <algorithm>
#include <cctype>

#include "app/crs_display.hpp"
#include "app/facility_layers.hpp"
#include "app/network_jobs.hpp"
#include "app/tile_basemap.hpp"
#include "crs/transformer.hpp"
#include "io/raster.hpp"
#include "io/read.hpp"
#include "io/region.hpp"
#include "routing/land_parts.hpp"

namespace caremap::app {

namespace {

std::string lower_extension(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::shared_ptr<const RasterData> to_raster_data(io::RasterImage image, std::string credit) {
  auto data = std::make_shared<RasterData>();
  data->width = image.width;
  data->height = image.height;
  data->rgba = std::move(image.rgba);
  data->bounds = image.bounds;
  data->credit = std::move(credit);
  return data;
}

}  // namespace

bool is_raster_path(const std::filesystem::path& path) {
  const std::string ext = lower_extension(path);
  return ext == ".tif" || ext == ".tiff" || ext == ".mbtiles" || ext == ".vrt";
}

void set_working_crs(AppState& app, const std::string& crs_definition) {
  app.working_crs = crs_definition;
  app.lonlat = std::make_shared<crs::Transformer>(
      crs::Transformer::from_wgs84(crs::CrsRef::parse(crs_definition)));
}

void start_open_region(AppState& app, std::string name_or_path) {
  ++app.loads_started;
  app.jobs.submit("open " + name_or_path, [name_or_path](core::Progress& progress) -> Completion {
    const std::filesystem::path file = io::find_project(name_or_path);
    auto region = std::make_shared<io::Region>(io::open_region(file, &progress));
    // Spatial indexes are built here, off the UI thread, so the first hover is instant.
    return [region](AppState& app) {
      set_working_crs(app, region->working_crs.definition);
      app.region_name = region->project.title.empty() ? region->project.id : region->project.title;
      app.valid_extent = region->project.valid_extent;
      app.network.region_land.clear();
      for (const io::LoadedLayer* b : region->boundaries()) {
        auto parts = routing::LandParts::parts_of(*b->layer);
        app.network.region_land.insert(app.network.region_land.end(), parts.begin(), parts.end());
      }
      for (io::LoadedLayer& l : region->layers) {
        const std::uint32_t uid =
            add_layer(app, l.layer, std::move(l.diagnostics), l.spec.source.string());
        if (LayerEntry* e = find_layer(app, uid); e != nullptr) {
          if (!l.spec.title.empty()) {
            e->title = l.spec.title;
          }
          e->coverage_radius = l.spec.coverage_radius;
        }
      }
      app.network.region_roads = region->project.roads;
      app.network.region_road_profile = region->project.road_profile;
      if (!app.coverage.radius_from_user) {
        app.coverage.radius_m =
            static_cast<float>(coverage_radius_for(app, app.coverage.category).value);
      }
      ++app.loads_completed;
      // The region's road network loads in the background (from the graph cache when valid).
      start_load_network(app);
      log_message(app, "opened " + app.region_name + " (" +
                           crs_display(region->working_crs.definition, Lang::en) + ", " +
                           std::to_string(region->layers.size()) + " layers)");
    };
  });
}

void start_open_file(AppState& app, std::filesystem::path path) {
  if (is_osm_path(path)) {
    start_load_network(app, std::move(path));
    return;
  }
  ++app.loads_started;
  const std::string working = app.working_crs;
  if (is_raster_path(path)) {
    app.jobs.submit(
        "open " + path.filename().string(), [path, working](core::Progress&) -> Completion {
          io::RasterImage image = io::read_raster(path, working, 4096);
          auto data = to_raster_data(std::move(image), {});
          return [path, data](AppState& app) {
            add_raster(app, path.stem().string(), path.filename().string(), data, path.string());
            ++app.loads_completed;
          };
        });
    return;
  }
  io::ReadOptions read;
  read.valid_extent = app.valid_extent;
  app.jobs.submit("open " + path.filename().string(),
                  [path, working, read](core::Progress&) -> Completion {
                    auto loaded = std::make_shared<io::LoadedLayer>(
                        io::read_file(path, read, crs::CrsRef::parse(working)));
                    return [path, loaded](AppState& app) {
                      add_layer(app, loaded->layer, std::move(loaded->diagnostics), path.string());
                      ++app.loads_completed;
                    };
                  });
}

void set_gsi_basemap(AppState& app, bool on) {
  app.basemap.gsi = on;
  app.basemap.gsi_message.clear();
  app.basemap.tiles.reset();
  if (on && app.lonlat) {
    app.basemap.tiles = std::make_shared<TileBasemap>(gsi_tile_source(), *app.lonlat);
  }
}

void update_tile_basemap(AppState& app, const render::Camera& camera) {
  TileBasemap* tiles = app.basemap.tiles.get();
  if (tiles == nullptr || !app.lonlat) {
    return;
  }
  tiles->update(camera.visible_box(), camera.meters_per_pixel(), *app.lonlat);
  if (!tiles->failure().empty() && app.basemap.gsi_message.empty()) {
    // Once: an offline viewer says so and stops, it does not repeat it for every tile.
    app.basemap.gsi_message = tiles->failure();
    log_message(app, "GSI tiles: " + tiles->failure());
  }
}

}  // namespace caremap::app
