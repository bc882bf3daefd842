#pragma once
// A reference to a coordinate reference system: a definition PROJ understands ("EPSG:6670", a
// PROJ string with +type=crs, WKT), with the EPSG code when there is one and a readable name.
// CrsRef is a plain value: parsing validates the definition once; transforming is Transformer's
// job.

#include <optional>
#include <string>
#include <string_view>

namespace caremap::crs {

struct CrsRef {
  std::string definition;   ///< "EPSG:6670", "+proj=lcc ... +type=crs" or WKT
  std::optional<int> epsg;  ///< EPSG code when the definition is one
  std::string name;         ///< "JGD2011 / Japan Plane Rectangular CS II"; may be empty

  /// EPSG:4326, WGS 84 geographic; no PROJ lookup.
  static CrsRef wgs84();

  /// "EPSG:<code>", validated against the PROJ database; throws core::ArgumentError if unknown.
  static CrsRef from_epsg(int code);

  /// Any definition PROJ accepts: "EPSG:6670" (any case), "urn:ogc:def:crs:EPSG::6668", a PROJ
  /// string (+type=crs is appended when missing) or WKT. A definition PROJ identifies as an EPSG
  /// CRS is normalised to "EPSG:<code>". `name` overrides PROJ's name when not empty.
  /// Throws core::ArgumentError naming the text if PROJ cannot build a CRS from it.
  static CrsRef parse(std::string_view text, std::string name = {});

  /// The name if known, else the definition ("EPSG:6670").
  const std::string& label() const { return name.empty() ? definition : name; }

  /// Short form for messages and provenance: "EPSG:6670", else the name, else a PROJ string as
  /// is, else "custom CRS (WKT)".
  std::string short_label() const;

  /// Same CRS when the definitions are equal (definitions are normalised by parse()).
  friend bool operator==(const CrsRef& a, const CrsRef& b) { return a.definition == b.definition; }
};

/// What kind of CRS a reference is, read from PROJ.
struct CrsInfo {
  bool geographic = false;  ///< coordinates are longitude/latitude in degrees
  bool projected = false;   ///< coordinates are planar (easting/northing)
  double unit_to_m = 0.0;   ///< metres per unit of a projected CRS (1 for metres), 0 otherwise
};

/// Inspects a CRS; throws core::ArgumentError naming the CRS if PROJ cannot build it.
CrsInfo inspect(const CrsRef& crs);

/// True for a projected CRS in metres: the only kind accepted as a working CRS.
bool is_metric_projected(const CrsRef& crs);

}  // namespace caremap::crs
