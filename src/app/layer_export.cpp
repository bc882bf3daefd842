#include <cstdlib>

#include "app/loading.hpp"
#include "core/error.hpp"
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
    case ExportFormat::flatgeobuf:
      return ".fgb";
  }
  return ".gpkg";
}

const char* display_name(ExportFormat f) {
  switch (f) {
    case ExportFormat::geopackage:
      return "GeoPackage";
    case ExportFormat::geojson:
      return "GeoJSON";
    case ExportFormat::csv:
      return "CSV";
    case ExportFormat::flatgeobuf:
      return "FlatGeobuf";
  }
  return "GeoPackage";
}

std::filesystem::path export_path(const std::string& folder, const std::string& layer_id,
                                  ExportFormat format) {
  std::filesystem::path dir =
      folder.empty() ? std::filesystem::current_path() : std::filesystem::path(folder);
  if (folder.starts_with("~/")) {
    const char* home = std::getenv("HOME");
    dir = std::filesystem::path(home != nullptr ? home : "") / folder.substr(2);
  }
  return dir / (layer_id + extension(format));
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
  app.jobs.submit(
      "export " + path.filename().string(), [layer, path](core::Progress&) -> Completion {
        // The folder must exist: creating folders from a typed path is a guess.
        if (path.has_parent_path() && !std::filesystem::is_directory(path.parent_path())) {
          throw core::OutputError("no such folder",
                                  core::ErrorContext{path.parent_path().string(), {}, {}, {}});
        }
        // Written in longitude/latitude (the io default), readable by any GIS.
        io::write_layer(*layer, path);
        return [path](AppState& app) { log_message(app, "wrote " + path.string()); };
      });
}

}  // namespace caremap::app
