#pragma once
// The hazard-zone atlas of `caremap report coverage --atlas-zones FILE [--zone-name-field F]`:
// the zone file read into the region's working CRS, one page entry per polygon feature, each
// with its name and analysis::zone_reach figures.

#include <span>
#include <string>
#include <vector>

#include "analysis/demand.hpp"
#include "analysis/zone_reach.hpp"
#include "core/diagnostics.hpp"
#include "io/region.hpp"
#include "report/coverage_report.hpp"

namespace caremap::cli {

/// One entry per (Multi)Polygon feature of `path`, in file order, named by `name_field` (empty:
/// the layer's name field, else a field "name", else "区域 1" / "Zone 1"...). Features without a
/// polygon are skipped with the diagnostic zone_not_polygon. `demand` may be null (no people
/// counted). Throws core::InputError naming the file (and the field) when the name field does not
/// exist or the file has no polygon.
std::vector<report::ZoneAtlasPage> read_zone_atlas(const std::string& path,
                                                   const std::string& name_field,
                                                   const io::Region& region,
                                                   std::span<const analysis::ReachDisc> discs,
                                                   const analysis::Demand* demand, core::Lang lang,
                                                   core::Diagnostics& diagnostics);

}  // namespace caremap::cli
