#pragma once
// Opening the region a command works on, with a progress bar, and reporting what was skipped.

#include <filesystem>
#include <string_view>

#include "cli/command.hpp"
#include "core/diagnostics.hpp"
#include "io/read.hpp"
#include "io/region.hpp"

namespace caremap::cli {

/// The region by name ("munakata-fukutsu") or project file path.
io::Region load_region(std::string_view name_or_path, CommandContext& context);

/// Read options for a file given beside `region` (--facilities, --demand, --origins, --closures):
/// rows outside the region's valid extent (valid_extent_lonlat) are skipped with the diagnostic
/// outside_valid_extent. Without a region (nullptr) no extent is checked.
io::ReadOptions loose_file_options(const io::Region* region);

/// io::read_file for a file whose rows the command works on (--demand, --origins, --facilities,
/// --destinations). Throws core::InputError naming the file when not one row is usable, with the
/// reasons and the first skipped row, instead of running on nothing and writing an empty result.
io::LoadedLayer read_input_file(const std::filesystem::path& path, const io::ReadOptions& options,
                                const crs::CrsRef& working);

/// One line per diagnostic code with its count ("hospitals.csv: 270 rows skipped: zero
/// coordinates"), then, when `verbose`, every diagnostic with file, row and field.
void print_diagnostics(const core::Diagnostics& diagnostics, std::ostream& err, bool verbose);

}  // namespace caremap::cli
