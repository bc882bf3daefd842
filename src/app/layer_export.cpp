#include "app/loading.hpp"
#include "io/write.hpp"

namespace caremap::app {

const char* extension(ExportFormat f) {
  switch (f) {
    case ExportFormat::geopackage:
      return ".gpkg";
    case ExportFormat::geojson:
      return ".geojson";
    case ExportFormat::csv:
      return ".csv";
  }
  return ".gpkg";
}

void start_export_layer(AppState& app, std::uint32_t uid, ExportFormat format,
                        std::filesystem::path path) {
  const LayerEntry* e = find_layer(app, uid);
  if (e == nullptr || !e->layer) {
    return;
  }
  if (path.empty()) {
    path = std::filesystem::current_path() / (e->id + extension(format));
  }
  core::LayerPtr layer = e->layer;
  app.jobs.submit("export " + path.filename().string(),
                  [layer, path](core::Progress&) -> Completion {
                    // Written in longitude/latitude (the io default), readable by any GIS.
                    io::write_layer(*layer, path);
                    return [path](AppState& app) { log_message(app, "wrote " + path.string()); };
                  });
}

}  // namespace caremap::app
