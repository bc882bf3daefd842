#pragma once
// The tables `info` and `summary` print about a region, as text and as JSON.

#include <nlohmann/json.hpp>
#include <ostream>

#include "analysis/count_by_area.hpp"
#include "io/region.hpp"

namespace caremap::cli {

/// Title, project file, working CRS and why, municipalities.
void print_region_header(const io::Region& region, std::ostream& out);
/// One row per layer: id, title, category, features, skipped rows, source.
void print_layer_table(const io::Region& region, std::ostream& out);
/// One row per facility layer (and per special category in it), one column per city.
void print_area_counts(const analysis::AreaCounts& counts, std::ostream& out);
/// The credit lines the data requires.
void print_credits(const io::Region& region, std::ostream& out);

/// The facility layers of a region (every layer whose category is a facility category).
std::vector<core::LayerPtr> facility_layers(const io::Region& region);
/// The region's single boundary layer; throws core::InputError if it has none.
const core::Layer& boundary_layer(const io::Region& region);

nlohmann::ordered_json region_json(const io::Region& region);
nlohmann::ordered_json area_counts_json(const analysis::AreaCounts& counts);

}  // namespace caremap::cli
