#pragma once
// A region opened for work: the project file, the chosen working CRS and every layer read into it.

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/progress.hpp"
#include "crs/crs_ref.hpp"
#include "io/loaded_layer.hpp"
#include "io/project.hpp"

namespace caremap::io {

struct Region {
  Project project;
  crs::CrsRef working_crs;          ///< metric; every layer is in it
  std::string working_crs_reason;   ///< why this CRS ("fixed by the project file", ...)
  std::vector<LoadedLayer> layers;  ///< in project order

  /// The layer with this id, nullptr if none.
  const LoadedLayer* find(std::string_view id) const;
  /// The layer with this id; throws core::ArgumentError listing the layer ids if absent.
  const LoadedLayer& require(std::string_view id) const;
  /// Layers of a category (a request for hospital does not include other layers' features:
  /// this is by layer category).
  std::vector<const LoadedLayer*> of_category(core::Category c) const;
  /// The administrative boundary layer(s).
  std::vector<const LoadedLayer*> boundaries() const {
    return of_category(core::Category::boundary);
  }
  /// The population layer (the project's "population" entry or a layer of category
  /// population), nullptr when the region has none.
  const LoadedLayer* population() const;
  /// Every layer's diagnostics, in layer order. Returned by value: keep it in a variable before
  /// iterating (`for (auto& d : region.diagnostics().items())` would iterate a dead temporary).
  core::Diagnostics diagnostics() const;
  /// Bounds of all layers but the population (a census file covers far more than the region)
  /// in the working CRS; nullopt if every such layer is empty.
  std::optional<core::Box> bounds() const;
  /// Every distinct credit line of the layers (for map footers and exports), in layer order.
  std::vector<std::string> credits() const;
};

/// Reads the project file and every layer. The working CRS is the project's working_crs, else
/// crs::choose_working_crs from its municipality codes, else from the layers' extent; it must be a
/// projected CRS in metres. Progress (if given) advances per layer, with the stage naming the
/// layer, and cancellation throws core::Cancelled between layers.
/// Any failure (project file, a layer, a roads path that does not exist) throws core::InputError
/// naming the file: there is no partial region.
Region open_region(const std::filesystem::path& project_file, core::Progress* progress = nullptr);

}  // namespace caremap::io
