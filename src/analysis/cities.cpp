#include "analysis/cities.hpp"

#include "analysis/boundary_repair.hpp"
#include "analysis/diagnose.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;

std::vector<City> read_cities(const core::Layer& boundary, core::Diagnostics& diagnostics) {
  std::vector<City> cities;
  const std::string file =
      boundary.provenance.inputs.empty() ? std::string() : boundary.provenance.inputs[0].path;
  for (std::size_t i = 0; i < boundary.features.size(); ++i) {
    const core::Feature& f = boundary.features[i];
    const core::FeatureId id{static_cast<std::uint32_t>(i)};
    auto mp = core::as_multipolygon(f.geometry);
    if (!mp) {
      diagnostics.add(make_diagnostic(core::Severity::warning, "boundary_not_polygon",
                                      "boundary '" + boundary.display_name(id) + "' is a " +
                                          core::geometry_type_name(f.geometry) +
                                          ", not a polygon; skipped",
                                      file, f.source_row));
      continue;
    }
    // A reader that checked every polygon says so; checking again costs a city with hundreds
    // of islets tens of milliseconds on every analysis.
    const ValidityReport v = boundary.polygons_valid ? ValidityReport{} : make_valid(*mp);
    if (!v.was_valid) {
      const std::string outcome =
          v.valid ? " (repaired)" : " (could not be repaired; results may be inexact)";
      diagnostics.add(
          make_diagnostic(v.valid ? core::Severity::info : core::Severity::warning,
                          v.valid ? "invalid_boundary_repaired" : "invalid_boundary",
                          "boundary '" + boundary.display_name(id) + "': " + v.problem + outcome,
                          file, f.source_row));
    }
    City c{boundary.display_name(id), id, std::move(*mp), 0.0};
    c.area_m2 = bg::area(c.geometry);
    cities.push_back(std::move(c));
  }
  return cities;
}

}  // namespace caremap::analysis
