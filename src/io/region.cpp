#include "io/region.hpp"

#include <algorithm>
#include <exception>
#include <numeric>
#include <optional>

#include "core/credit.hpp"
#include "core/error.hpp"
#include "core/parallel_chunks.hpp"
#include "crs/working_crs.hpp"
#include "io/postgis.hpp"
#include "io/read.hpp"

namespace caremap::io {

namespace fs = std::filesystem;

namespace {

core::ErrorContext file_context(const Project& p, const std::string& field) {
  core::ErrorContext ctx;
  ctx.file = p.file.string();
  ctx.field = field;
  return ctx;
}

crs::WorkingCrsChoice working_crs_of(const Project& p) {
  if (p.working_crs) {
    return {*p.working_crs, "fixed by the project file"};
  }
  try {
    if (!p.municipality_codes.empty()) {
      return crs::choose_working_crs(p.municipality_codes);
    }
    // No codes: the layers' own extent decides.
    std::optional<crs::GeoBox> extent;
    for (const auto& spec : p.layers) {
      ReadOptions o;
      o.category = spec.category;
      o.x_field = spec.x_field;
      o.y_field = spec.y_field;
      o.encoding = spec.encoding;
      o.source_layer = spec.source_layer;
      o.source_crs = spec.source_crs;
      o.valid_extent = spec.valid_extent;
      extent = crs::merge(extent, read_extent(resolve_source(spec.source, p.base_dir()), o));
    }
    if (!extent) {
      throw core::InputError(
          "no municipality codes, no working_crs and no layer data to choose a working CRS from",
          file_context(p, "working_crs"));
    }
    return crs::choose_working_crs(*extent);
  } catch (const core::ArgumentError& e) {
    throw core::InputError(e.detail(), file_context(p, "municipalities"));
  }
}

// The layers are independent files: they are read on every core, the largest files first (the
// census mesh and the boundaries are most of a region's read, a facility list a few
// milliseconds), and kept in the project's order. The first failure in that order is the one
// rethrown, as a read one layer after another would have reported it.
std::vector<LoadedLayer> read_layers(const Project& p, const crs::CrsRef& working,
                                     core::Progress* progress) {
  const std::size_t n = p.layers.size();
  std::vector<std::uintmax_t> bytes(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(p.base_dir() / p.layers[i].source, ec);
    bytes[i] = ec ? 0 : size;
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return bytes[a] > bytes[b]; });

  std::vector<std::optional<LoadedLayer>> read(n);
  std::vector<std::exception_ptr> errors(n);
  // Each layer keeps its own error, so that the one rethrown is the first in project order, not
  // the first to happen; cancellation stops the read from parallel_chunks.
  core::parallel_chunks(
      n, 0,
      [&](std::size_t k, unsigned) {
        const std::size_t i = order[k];
        try {
          read[i] = read_layer(p.layers[i], working, p.base_dir());
        } catch (...) {
          errors[i] = std::current_exception();
        }
      },
      progress);
  std::vector<LoadedLayer> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (errors[i]) {
      std::rethrow_exception(errors[i]);
    }
    out.push_back(std::move(*read[i]));
  }
  return out;
}

}  // namespace

const LoadedLayer* Region::find(std::string_view id) const {
  for (const auto& l : layers) {
    if (l.spec.id == id) {
      return &l;
    }
  }
  return nullptr;
}

const LoadedLayer& Region::require(std::string_view id) const {
  if (const LoadedLayer* l = find(id)) {
    return *l;
  }
  std::string ids;
  for (const auto& l : layers) {
    ids += (ids.empty() ? "" : ", ") + l.spec.id;
  }
  throw core::ArgumentError("region " + project.id + " has no layer '" + std::string(id) +
                            "' (layers: " + ids + ")");
}

std::vector<const LoadedLayer*> Region::of_category(core::Category c) const {
  std::vector<const LoadedLayer*> out;
  for (const auto& l : layers) {
    if (l.layer->category == c) {
      out.push_back(&l);
    }
  }
  return out;
}

const LoadedLayer* Region::population() const {
  const auto layers = of_category(core::Category::population);
  return layers.empty() ? nullptr : layers.front();
}

core::Diagnostics Region::diagnostics() const {
  core::Diagnostics out;
  for (const auto& l : layers) {
    out.append(l.diagnostics);
  }
  return out;
}

std::optional<core::Box> Region::bounds() const {
  std::optional<core::Box> out;
  for (const auto& l : layers) {
    // A census file covers its whole first-level mesh (80 x 100 km around 宗像市・福津市): the
    // region is where its facilities and boundaries are.
    if (l.layer->category == core::Category::population) {
      continue;
    }
    out = core::merge(out, l.layer->bounds());
  }
  return out;
}

std::vector<std::string> Region::credits() const {
  std::vector<std::string> out;
  for (const auto& l : layers) {
    for (const auto& in : l.layer->provenance.inputs) {
      core::add_credit(out, in.credit);
    }
  }
  return out;
}

Region open_region(const fs::path& project_file, core::Progress* progress) {
  Region region;
  region.project = read_project(project_file);
  const Project& p = region.project;
  if (progress) {
    progress->set_stage("choosing the working CRS");
  }
  crs::WorkingCrsChoice choice = working_crs_of(p);
  if (!crs::is_metric_projected(choice.crs)) {
    throw core::InputError(
        "working CRS " + choice.crs.short_label() + " is not a projected CRS in metres",
        file_context(p, "working_crs"));
  }
  region.working_crs = std::move(choice.crs);
  region.working_crs_reason = std::move(choice.reason);
  if (p.roads) {
    std::error_code ec;
    if (!fs::is_regular_file(*p.roads, ec)) {
      throw core::InputError("roads file " + p.roads->string() + " not found",
                             file_context(p, "roads"));
    }
  }
  if (progress) {
    progress->set_stage("reading " + std::to_string(p.layers.size()) + " layers");
  }
  region.layers = read_layers(p, region.working_crs, progress);
  core::report_progress(progress, 1.0);
  return region;
}

}  // namespace caremap::io
