#include "cli/region_loading.hpp"

#include <map>

#include "cli/progress_bar.hpp"
#include "core/error.hpp"
#include "io/project.hpp"

namespace caremap::cli {

io::Region load_region(std::string_view name_or_path, CommandContext& context) {
  const auto file = io::find_project(name_or_path);
  core::Progress& progress = start_stage(context, "opening " + file.filename().string());
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

io::LoadedLayer read_input_file(const std::filesystem::path& path, const io::ReadOptions& options,
                                const crs::CrsRef& working) {
  io::LoadedLayer loaded = io::read_file(path, options, working);
  if (!loaded.layer->features.empty()) {
    return loaded;
  }
  std::string why;
  for (const auto& [code, n] : loaded.diagnostics.counts_by_code()) {
    why += (why.empty() ? "" : ", ") + std::to_string(n) + (n == 1 ? " row: " : " rows: ") +
           core::describe_code(code);
  }
  std::string message = "no row can be used";
  if (why.empty()) {
    message += ": the file has no rows";
  } else {
    message += " (" + why + "); the first: " + core::format(loaded.diagnostics.items().front());
  }
  throw core::InputError(message, core::ErrorContext{path.string(), {}, std::nullopt, {}});
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
