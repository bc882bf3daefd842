// write_with_gdal (io/write_formats.hpp): GeoJSON, GeoPackage and FlatGeobuf through GDAL.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/gdal_env.hpp"
#include "io/ogr_geometry.hpp"
#include "io/ogr_layer_writer.hpp"
#include "io/provenance_json.hpp"
#include "io/write_formats.hpp"

namespace caremap::io::detail {

namespace {

const char* driver_name(Format f) {
  switch (f) {
    case Format::geojson:
      return "GeoJSON";
    case Format::gpkg:
      return "GPKG";
    case Format::flatgeobuf:
      return "FlatGeobuf";
    case Format::csv:
      break;
  }
  return "CSV";
}

[[noreturn]] void fail(const ScopedCplErrors& errors, const std::string& what) {
  throw core::OutputError(what + ": " + errors.message("GDAL gave no reason"));
}

OGRwkbGeometryType layer_geometry_type(const core::Layer& layer) {
  OGRwkbGeometryType type = wkbNone;
  for (const auto& f : layer.features) {
    const OGRwkbGeometryType t = ogr_type_of(f.geometry);
    if (t == wkbNone) {
      continue;
    }
    if (type == wkbNone) {
      type = t;
    } else if (type != t) {
      return wkbUnknown;
    }
  }
  return type == wkbNone ? wkbUnknown : type;
}

OGRFieldType ogr_field_type(core::FieldType t) {
  switch (t) {
    case core::FieldType::integer:
      return OFTInteger64;
    case core::FieldType::real:
      return OFTReal;
    case core::FieldType::text:
      break;
  }
  return OFTString;
}

void set_value(OGRFeature& f, int i, const core::FieldValue& v) {
  if (std::holds_alternative<std::monostate>(v)) {
    f.SetFieldNull(i);
  } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
    f.SetField(i, static_cast<GIntBig>(*n));
  } else if (const auto* d = std::get_if<double>(&v)) {
    f.SetField(i, *d);
  } else {
    f.SetField(i, std::get<std::string>(v).c_str());
  }
}

void write_one(GDALDataset& ds, const core::Layer& layer, Format format, const crs::CrsRef& crs,
               OGRSpatialReference& srs, const std::filesystem::path& file,
               ScopedCplErrors& errors) {
  const bool geographic = crs::inspect(crs).geographic;
  const std::string summary = core::summarize(layer.provenance);
  CPLStringList options;
  if (format == Format::geojson) {
    if (crs.epsg == 4326) {
      options.SetNameValue("RFC7946", "YES");
    }
    if (geographic) {
      options.SetNameValue("COORDINATE_PRECISION", "9");
    }
    options.SetNameValue("DESCRIPTION", summary.c_str());
    const std::string native = "{\"caremap\":" + provenance_member(layer, crs.short_label()) + "}";
    options.SetNameValue("NATIVE_DATA", native.c_str());
    options.SetNameValue("NATIVE_MEDIA_TYPE", "application/vnd.geo+json");
  } else if (format == Format::gpkg) {
    options.SetNameValue("IDENTIFIER",
                         layer.title.empty() ? layer.id.c_str() : layer.title.c_str());
    options.SetNameValue("DESCRIPTION", summary.c_str());
  } else if (format == Format::flatgeobuf) {
    options.SetNameValue("TEMPORARY_DIR",
                         file.parent_path().empty() ? "." : file.parent_path().string().c_str());
  }
  const std::string name = layer.id.empty() ? std::string("layer") : layer.id;
  OGRLayer& out = write_ogr_layer(ds, layer, name, crs, srs, options.List(), errors);
  if (format == Format::gpkg) {
    const std::string doc = provenance_document(layer, crs.short_label());
    out.SetMetadataItem(kProvenanceMetadataItem, doc.c_str());
  }
}

}  // namespace

OGRLayer& write_ogr_layer(GDALDataset& ds, const core::Layer& layer, const std::string& name,
                          const crs::CrsRef& crs, OGRSpatialReference& srs, char** creation_options,
                          ScopedCplErrors& errors) {
  OGRLayer* out = ds.CreateLayer(name.c_str(), &srs, layer_geometry_type(layer), creation_options);
  if (out == nullptr) {
    fail(errors, "cannot create layer " + name);
  }
  for (const auto& field : layer.fields) {
    OGRFieldDefn defn(field.name.c_str(), ogr_field_type(field.type));
    if (out->CreateField(&defn) != OGRERR_NONE) {
      fail(errors, "cannot create field " + field.name);
    }
  }
  const bool category_column = has_mixed_categories(layer);
  if (category_column) {
    OGRFieldDefn defn(kCategoryColumn, OFTString);
    if (out->CreateField(&defn) != OGRERR_NONE) {
      fail(errors, std::string("cannot create field ") + kCategoryColumn);
    }
  }

  crs::Transformer to_out(source_crs(layer, crs), crs);
  OGRFeatureDefn* defn = out->GetLayerDefn();
  const int category_index = category_column ? defn->GetFieldIndex(kCategoryColumn) : -1;
  for (const auto& f : layer.features) {
    OGRFeature feature(defn);
    for (std::size_t i = 0; i < layer.fields.size() && i < f.values.size(); ++i) {
      set_value(feature, static_cast<int>(i), f.values[i]);
    }
    if (category_index >= 0) {
      feature.SetField(category_index, std::string(core::to_string(f.category)).c_str());
    }
    if (auto g = to_ogr(to_out.transform(f.geometry))) {
      feature.SetGeometryDirectly(g.release());
    }
    if (out->CreateFeature(&feature) != OGRERR_NONE) {
      fail(errors, "cannot write feature from row " + std::to_string(f.source_row));
    }
  }
  return *out;
}

void write_with_gdal(std::span<const core::Layer* const> layers, const std::filesystem::path& file,
                     Format format, const crs::CrsRef& crs) {
  ScopedCplErrors errors;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name(format));
  if (driver == nullptr) {
    throw core::OutputError(std::string("GDAL has no ") + driver_name(format) + " driver");
  }
  OGRSpatialReference srs;
  if (srs.SetFromUserInput(crs.definition.c_str()) != OGRERR_NONE) {
    fail(errors, "GDAL cannot use CRS " + crs.short_label());
  }
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  {
    GDALDatasetUniquePtr ds(driver->Create(file.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) {
      fail(errors, "cannot create the file");
    }
    const bool transaction = format == Format::gpkg && ds->StartTransaction() == OGRERR_NONE;
    for (const core::Layer* layer : layers) {
      write_one(*ds, *layer, format, crs, srs, file, errors);
    }
    if (transaction && ds->CommitTransaction() != OGRERR_NONE) {
      fail(errors, "cannot commit the GeoPackage transaction");
    }
  }  // closing the dataset flushes it; errors raised there are caught below
  if (errors.has_errors()) {
    fail(errors, "write failed");
  }
}

}  // namespace caremap::io::detail
