#pragma once
// The provenance document caremap writes with every export and reads back on import:
//
//   { "caremap": { "format": 1, "software": "caremap",
//                  "layer": { "id": "hospitals", "title": "病院", "category": "hospital",
//                             "features": 13 },
//                  "crs": "EPSG:4326",
//                  "operation": "load", "parameters": [["format", "CSV"], ...],
//                  "inputs": [ { "path": "...", "layer": "...", "data_date": "...",
//                                "credit": "..." } ],
//                  "credits": ["..."], "summary": "load(...) from ...",
//                  "basis": { "distance": {"ja": "...", "en": "..."},      // when not empty
//                             "demand": {"ja": "...", "en": "..."} } } }
//
// Where it goes: GeoJSON — a foreign member "caremap" of the FeatureCollection (plus the
// summary as "description"); GeoPackage — layer metadata item CAREMAP_PROVENANCE in
// gpkg_metadata (plus the summary as the gpkg_contents description); CSV and FlatGeobuf — a
// sidecar file "<output>.provenance.json" holding the document.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/category.hpp"
#include "core/layer.hpp"
#include "core/provenance.hpp"

namespace caremap::io::detail {

/// Column holding each feature's category, written when categories differ within a layer and
/// read back into Feature::category.
inline constexpr const char* kCategoryColumn = "caremap_category";

/// Name of the GeoPackage metadata item holding the document.
inline constexpr const char* kProvenanceMetadataItem = "CAREMAP_PROVENANCE";

/// The document for a layer written in `crs_label`, as compact JSON text. `features`: the
/// number of features written when they are not in `layer` (a streamed source).
std::string provenance_document(const core::Layer& layer, const std::string& crs_label,
                                std::optional<std::size_t> features = std::nullopt);

/// The "caremap" object of a document, as JSON text (what GeoJSON's NATIVE_DATA carries).
std::string provenance_member(const core::Layer& layer, const std::string& crs_label);

struct StoredProvenance {
  std::string id;
  std::string title;
  std::optional<core::Category> category;
  core::Provenance provenance;
};

/// Parses a document (or any JSON object with a "caremap" member); nullopt if the text is not
/// one. Never throws.
std::optional<StoredProvenance> parse_provenance(std::string_view json_text);

/// "<file>.provenance.json".
std::filesystem::path sidecar_path(const std::filesystem::path& data_file);

}  // namespace caremap::io::detail
