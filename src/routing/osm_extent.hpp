#pragma once
// The geographic extent of an OpenStreetMap file, to choose a working CRS for a network given
// without a region (`caremap service-area --osm monaco.osm.pbf`).

#include <filesystem>
#include <optional>
#include <utility>

#include "core/geometry.hpp"

namespace caremap::routing {

/// South-west and north-east corners (degrees) of the nodes of `osm_path`: the bounding box in
/// the file header when it has one, else the box of every node location (one pass over the
/// nodes). nullopt for a file without nodes. Throws core::InputError naming the file when it
/// cannot be read.
std::optional<std::pair<core::LonLat, core::LonLat>> osm_extent(
    const std::filesystem::path& osm_path);

}  // namespace caremap::routing
