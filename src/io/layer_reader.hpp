#pragma once
// The row loop shared by every format: turns the features of an opened source into a
// core::Layer in the working CRS plus diagnostics, following a LayerSpec.

#include <filesystem>
#include <optional>
#include <string>

#include "crs/crs_ref.hpp"
#include "io/loaded_layer.hpp"
#include "io/project.hpp"
#include "io/source_open.hpp"

namespace caremap::io::detail {

struct ReadPlan {
  LayerSpec spec;
  std::filesystem::path path;  ///< the resolved file
  std::string display_path;    ///< the file as named in errors and diagnostics
  bool category_given = true;  ///< false: take the stored category, else guess
  bool title_given = true;     ///< false: take the stored title, else spec.title
};

/// Reads every feature of `source.layer`. Throws core::InputError (file, layer, field in the
/// context) for specification fields missing from the source, a CSV without coordinate columns
/// and a source without CRS.
LoadedLayer read_features(OpenedSource& source, ReadPlan plan, const crs::CrsRef& working);

}  // namespace caremap::io::detail
