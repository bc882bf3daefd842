#include "app/loading.hpp"

#include <algorithm>
#include <cctype>

#include "app/crs_display.hpp"
#include "app/facility_layers.hpp"
#include "app/modules/coverage/coverage_module.hpp"
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

namespace {

// However a load ends (read, failed or cancelled), it is no longer pending: the "Loading…" text
// goes and the files waiting for it open. A region that never arrived leaves the default working
// CRS in place so that those files still have one to be read in.
JobOutcome load_outcome() {
  return [](AppState& app, JobEnd, const std::string&) {
    ++app.loads_completed;
    if (!app.lonlat) {
      set_working_crs(app, app.working_crs);
    }
  };
}

// The layer's R-tree, built with it on the loading job's thread.
std::shared_ptr<const index::LayerIndex> index_of(const core::LayerPtr& layer) {
  return build_index(layer);
}

}  // namespace

JobId start_open_region(AppState& app, std::string name_or_path) {
  app.opened_region = name_or_path;
  ++app.loads_started;
  return app.jobs.submit(
      "open " + name_or_path,
      [name_or_path](core::Progress& progress) -> Completion {
        const std::filesystem::path file = io::find_project(name_or_path);
        auto region = std::make_shared<io::Region>(io::open_region(file, &progress));
        // Spatial indexes are built here, off the UI thread, so the first hover is instant.
        auto indexes = std::make_shared<std::vector<std::shared_ptr<const index::LayerIndex>>>();
        for (const io::LoadedLayer& l : region->layers) {
          core::report_progress(&progress, 1.0);  // a cancel stops here
          indexes->push_back(index_of(l.layer));
        }
        return [region, indexes](AppState& app) {
          set_working_crs(app, region->working_crs.definition);
          app.region_name =
              region->project.title.empty() ? region->project.id : region->project.title;
          app.region_id = region->project.id;
          app.valid_extent = region->project.valid_extent;
          app.project_file = region->project.file;
          app.views = region->project.views;
          ++app.names_generation;  // the slide titles' glyphs
          for (std::size_t i = 0; i < region->layers.size(); ++i) {
            io::LoadedLayer& l = region->layers[i];
            const std::uint32_t uid = add_layer(app, l.layer, std::move(l.diagnostics),
                                                l.spec.source.string(), false, (*indexes)[i]);
            if (LayerEntry* e = find_layer(app, uid); e != nullptr) {
              if (!l.spec.title.empty()) {
                e->title = l.spec.title;
              }
              e->coverage_radius = l.spec.coverage_radius;
            }
          }
          app.network.region_roads = region->project.roads;
          // Reset with the region: a region without roads keeps no other region's source.
          app.network.region_roads_source =
              region->project.roads ? io::road_source(region->project, *region->project.roads)
                                    : core::SourceRef{};
          app.network.region_road_profile = region->project.road_profile;
          app.network.region_land.clear();
          for (const io::LoadedLayer* b : region->boundaries()) {
            auto parts = routing::LandParts::parts_of(*b->layer);
            app.network.region_land.insert(app.network.region_land.end(), parts.begin(),
                                           parts.end());
          }
          CoverageState& coverage = coverage_state(app);
          if (!coverage.radius_from_user) {
            coverage.radius_m =
                static_cast<float>(coverage_radius_for(app, coverage.category).value);
          }
          // The region's road network loads in the background (from the graph cache when valid).
          start_load_network(app);
          log_message(app, "opened " + app.region_name + " (" +
                               crs_display(region->working_crs.definition, Lang::en) + ", " +
                               std::to_string(region->layers.size()) + " layers)");
        };
      },
      {}, load_outcome());
}

void start_open_file(AppState& app, std::filesystem::path path) {
  if (is_osm_path(path)) {
    start_load_network(app, std::move(path));
    return;
  }
  app.opened_files.push_back(path.string());
  ++app.loads_started;
  const std::string working = app.working_crs;
  if (is_raster_path(path)) {
    app.jobs.submit(
        "open " + path.filename().string(),
        [path, working](core::Progress&) -> Completion {
          io::RasterImage image = io::read_raster(path, working, 4096);
          auto data = to_raster_data(std::move(image), {});
          return [path, data](AppState& app) {
            add_raster(app, path.stem().string(), path.filename().string(), data, path.string());
          };
        },
        {}, load_outcome());
    return;
  }
  io::ReadOptions read;
  read.valid_extent = app.valid_extent;
  app.jobs.submit(
      "open " + path.filename().string(),
      [path, working, read](core::Progress&) -> Completion {
        auto loaded = std::make_shared<io::LoadedLayer>(
            io::read_file(path, read, crs::CrsRef::parse(working)));
        auto index = index_of(loaded->layer);
        return [path, loaded, index](AppState& app) {
          add_layer(app, loaded->layer, std::move(loaded->diagnostics), path.string(), false,
                    index);
        };
      },
      {}, load_outcome());
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
