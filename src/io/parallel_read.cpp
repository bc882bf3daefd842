#include "io/parallel_read.hpp"

#include <algorithm>
#include <exception>
#include <optional>
#include <thread>

namespace caremap::io::detail {

namespace {

bool same(const core::Diagnostic& a, const core::Diagnostic& b) {
  return a.code == b.code && a.field == b.field && a.message == b.message && a.row == b.row;
}

}  // namespace

LoadedLayer merge_parts(std::vector<LoadedLayer> parts) {
  LoadedLayer out = std::move(parts.front());
  std::size_t features = out.layer->features.size();
  for (std::size_t p = 1; p < parts.size(); ++p) {
    features += parts[p].layer->features.size();
  }
  // The parts' layers were made by read_features and are owned only here, so they may still
  // be changed: moving the features saves copying a million of them.
  auto& merged = std::const_pointer_cast<core::Layer>(out.layer)->features;
  merged.reserve(features);
  std::size_t offset = out.rows.read;
  for (std::size_t p = 1; p < parts.size(); ++p) {
    LoadedLayer& part = parts[p];
    for (core::Feature& f : std::const_pointer_cast<core::Layer>(part.layer)->features) {
      f.source_row += offset;
      merged.push_back(std::move(f));
    }
    std::const_pointer_cast<core::Layer>(out.layer)->polygons_valid &= part.layer->polygons_valid;
    part.layer.reset();
    for (core::Diagnostic d : part.diagnostics.items()) {
      if (d.row) {
        *d.row += offset;
        out.diagnostics.add(std::move(d));
      } else if (std::none_of(out.diagnostics.items().begin(), out.diagnostics.items().end(),
                              [&](const core::Diagnostic& e) { return same(e, d); })) {
        out.diagnostics.add(std::move(d));
      }
    }
    offset += part.rows.read;
    out.rows.read += part.rows.read;
    out.rows.filtered_out += part.rows.filtered_out;
    out.rows.skipped += part.rows.skipped;
  }
  return out;
}

LoadedLayer read_in_parts(ReadPlan plan, const crs::CrsRef& working, unsigned threads,
                          std::size_t min_part_bytes) {
  const std::size_t parts =
      plan.spec.roles.empty() && plan.spec.marks.empty()
          ? (threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads)
          : 1;
  std::vector<OpenedSource> sources =
      open_source_parts(plan.path, plan.display_path, plan.spec.encoding, plan.spec.source_layer,
                        parts, min_part_bytes);
  if (sources.size() == 1) {
    return read_features(sources.front(), std::move(plan), working);
  }
  // The first part's layer receives the others' features (merge_parts): room for all of them
  // from the start, rather than moving its half a million features once more to grow.
  std::size_t all_lines = 0;
  for (const OpenedSource& s : sources) {
    all_lines += s.line_breaks;
  }
  sources.front().line_breaks = all_lines;
  std::vector<std::optional<LoadedLayer>> read(sources.size());
  std::vector<std::exception_ptr> errors(sources.size());
  const auto read_part = [&](std::size_t p) {
    try {
      read[p] = read_features(sources[p], plan, working);
    } catch (...) {
      errors[p] = std::current_exception();
    }
  };
  std::vector<std::thread> workers;
  for (std::size_t p = 1; p < sources.size(); ++p) {
    workers.emplace_back(read_part, p);
  }
  read_part(0);
  for (auto& w : workers) {
    w.join();
  }
  for (const auto& e : errors) {
    if (e) {
      std::rethrow_exception(e);
    }
  }
  std::vector<LoadedLayer> loaded;
  for (auto& r : read) {
    loaded.push_back(std::move(*r));
  }
  return merge_parts(std::move(loaded));
}

}  // namespace caremap::io::detail
