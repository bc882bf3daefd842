#pragma once
// `caremap nearest --by time | road-distance`: nearest facilities over the road network, and,
// with --closures, what the closures change (points whose nearest facility changed, time added,
// points cut off).

#include "cli/command.hpp"
#include "cli/nearest_inputs.hpp"

namespace caremap::cli {

int run_nearest_by_network(const NearestOptions& o, CommandContext& context);

}  // namespace caremap::cli
