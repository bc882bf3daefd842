#pragma once
// The provenance of a loaded layer: this file with its data date, credit, publisher, licence and
// how it was read, followed by whatever the file says it was made from (files written by caremap
// carry that; see io/provenance_json.hpp).

#include <filesystem>
#include <optional>
#include <string>

#include "core/provenance.hpp"
#include "crs/crs_ref.hpp"
#include "io/project.hpp"
#include "io/provenance_json.hpp"
#include "io/source_open.hpp"

namespace caremap::io::detail {

/// The provenance caremap stored in or beside `path` (GeoJSON member, GeoPackage metadata, or
/// sidecar), nullopt if there is none.
std::optional<StoredProvenance> stored_provenance(OpenedSource& src,
                                                  const std::filesystem::path& path);

/// Provenance of a layer read from `src` following `spec`. `coordinate_fields` is "x/y" column
/// names for CSV points, empty otherwise.
core::Provenance load_provenance(const LayerSpec& spec, const OpenedSource& src,
                                 const crs::CrsRef& source_crs,
                                 const std::string& coordinate_fields,
                                 const std::optional<StoredProvenance>& stored);

}  // namespace caremap::io::detail
