#include "cli/region_loading.hpp"

#include <map>

#include "cli/progress_bar.hpp"
#include "io/project.hpp"

namespace caremap::cli {

io::Region load_region(std::string_view name_or_path, CommandContext& context) {
  const auto file = io::find_project(name_or_path);
  core::Progress progress;
  progress.set_stage("opening " + file.filename().string());
  const ProgressBar bar(progress, context.err, context.progress_bar);
  return io::open_region(file, &progress);
}

io::ReadOptions loose_file_options(const io::Region* region) {
  io::ReadOptions options;
  if (region != nullptr) {
    options.valid_extent = region->project.valid_extent;
  }
  return options;
}

void print_diagnostics(const core::Diagnostics& diagnostics, std::ostream& err, bool verbose) {
  // Count per (file, code) so the summary says where the problem is.
  std::map<std::pair<std::string, std::string>, std::size_t> counts;
  for (const auto& d : diagnostics.items()) {
    ++counts[{d.file, d.code}];
  }
  for (const auto& [key, n] : counts) {
    const auto& [file, code] = key;
    err << (file.empty() ? std::string("analysis") : file) << ": " << n
        << (n == 1 ? " row" : " rows") << ": " << core::describe_code(code) << '\n';
  }
  if (verbose) {
    for (const auto& d : diagnostics.items()) {
      err << "  " << core::format(d) << '\n';
    }
  } else if (!diagnostics.empty()) {
    err << "(add --diagnostics to list every row)\n";
  }
}

}  // namespace caremap::cli
