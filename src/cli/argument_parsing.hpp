#pragma once
// The command line's value parsers are core's (core/argument_parsing.hpp), shared with the
// viewer; the command files use them unqualified.

#include "core/argument_parsing.hpp"

namespace caremap::cli {

using core::format_distance;
using core::join_categories;
using core::parse_categories;
using core::parse_distance;
using core::parse_distance_list;
using core::parse_duration;
using core::parse_duration_list;
using core::parse_lonlat;
using core::parse_lonlat_list;
using core::parse_mesh_level;

}  // namespace caremap::cli
