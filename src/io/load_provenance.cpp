#include "io/load_provenance.hpp"

#include <fstream>
#include <sstream>

namespace caremap::io::detail {

std::optional<StoredProvenance> stored_provenance(OpenedSource& src,
                                                  const std::filesystem::path& path) {
  if (src.driver == "GeoJSON") {
    if (const char* native = src.layer->GetMetadataItem("NATIVE_DATA", "NATIVE_DATA")) {
      return parse_provenance(native);
    }
  } else if (src.driver == "PostgreSQL") {
    // The table's comment (COMMENT ON TABLE), which GDAL exposes as DESCRIPTION: where
    // io::write_layers puts the document (io/write_postgis.cpp). Other tables have none or
    // their own text, which parse_provenance declines.
    if (const char* doc = src.layer->GetMetadataItem("DESCRIPTION")) {
      return parse_provenance(doc);
    }
    return std::nullopt;
  } else if (src.driver == "GPKG") {
    if (const char* doc = src.layer->GetMetadataItem(kProvenanceMetadataItem)) {
      return parse_provenance(doc);
    }
  } else {
    std::ifstream in(sidecar_path(path), std::ios::binary);
    if (in) {
      std::ostringstream ss;
      ss << in.rdbuf();
      return parse_provenance(ss.str());
    }
  }
  return std::nullopt;
}

core::Provenance load_provenance(const LayerSpec& spec, const OpenedSource& src,
                                 const crs::CrsRef& source_crs,
                                 const std::string& coordinate_fields,
                                 const std::optional<StoredProvenance>& stored) {
  core::Provenance prov;
  prov.operation = "load";
  prov.param("format", src.driver);
  prov.param("source_crs", source_crs.short_label());
  if (src.is_csv) {
    prov.param("encoding", src.encoding);
  }
  if (!coordinate_fields.empty()) {
    prov.param("coordinate_fields", coordinate_fields);
  }
  if (!spec.publisher.empty()) {
    prov.param("publisher", spec.publisher);
  }
  if (!spec.licence.empty()) {
    prov.param("licence", spec.licence);
  }
  if (spec.filter) {
    std::string values;
    for (const auto& v : spec.filter->values) {
      values += (values.empty() ? "" : ", ") + v;
    }
    for (const auto& p : spec.filter->prefixes) {
      values += (values.empty() ? "" : ", ") + p + "*";
    }
    prov.param("filter", spec.filter->field + " in " + values);
  }
  for (const auto& r : spec.roles) {
    prov.param("role", r.field + "=" + r.value + " -> " + std::string(core::to_string(r.category)) +
                           " (" + r.source + ")");
  }
  prov.inputs.push_back(
      core::SourceRef{spec.source.generic_string(), spec.id, spec.data_date, spec.credit});
  if (stored) {
    prov.inputs_from(stored->provenance);
    // A result read back still stands on what it was computed on.
    prov.basis = stored->provenance.basis;
  }
  return prov;
}

}  // namespace caremap::io::detail
