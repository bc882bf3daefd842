#include "io/read.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "io/estat_mesh.hpp"
#include "io/layer_reader.hpp"
#include "io/parallel_read.hpp"
#include "io/population_fields.hpp"
#include "io/source_open.hpp"
#include "io/text_encoding.hpp"

namespace caremap::io {

namespace fs = std::filesystem;

namespace {

// Below this many bytes per part a CSV is read in one piece: starting a thread and a second
// GDAL dataset costs more than it saves.
constexpr std::size_t kMinPartBytes = std::size_t{4} << 20;

std::string safe_id(const fs::path& path) {
  std::string stem = path.stem().string();
  if (stem.ends_with(".osm")) {
    stem.resize(stem.size() - 4);
  }
  std::string out;
  for (char c : stem) {
    out += std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' ? c : '_';
  }
  return out.empty() ? std::string("layer") : out;
}

LoadedLayer read_plan(detail::ReadPlan plan, const crs::CrsRef& working, unsigned threads = 0) {
  // Census mesh statistics as e-Stat publishes them are not a GDAL format: read by content.
  if (is_estat_mesh_file(plan.path)) {
    LayerSpec spec = plan.spec;
    spec.category = core::Category::population;
    return read_estat_mesh_cached(spec, plan.path, working).loaded;
  }
  const std::string display = plan.display_path;
  LoadedLayer loaded = detail::read_in_parts(std::move(plan), working, threads, kMinPartBytes);
  if (loaded.layer->category == core::Category::population) {
    add_standard_population_fields(loaded, display);
  }
  return loaded;
}

LayerSpec spec_from(const fs::path& path, const ReadOptions& o) {
  LayerSpec s;
  s.id = o.id.empty() ? safe_id(path) : o.id;
  s.title = o.title.empty() ? path.filename().string() : o.title;
  s.source = path;
  s.category = o.category.value_or(core::Category::other);
  s.name_field = o.name_field;
  s.capacity_field = o.capacity_field;
  s.x_field = o.x_field;
  s.y_field = o.y_field;
  if (s.x_field.empty() != s.y_field.empty()) {
    core::ErrorContext ctx;
    ctx.file = path.string();
    ctx.field = s.x_field.empty() ? "x_field" : "y_field";
    throw core::ArgumentError("x_field and y_field must be given together", ctx);
  }
  if (!o.encoding.empty()) {
    const auto e = parse_encoding(o.encoding);
    if (!e) {
      throw core::ArgumentError("unknown encoding '" + o.encoding + "' (use UTF-8 or CP932)");
    }
    s.encoding = std::string(to_string(*e));
  }
  s.source_layer = o.source_layer;
  s.source_crs = o.source_crs;
  s.valid_extent = o.valid_extent;
  return s;
}

}  // namespace

LoadedLayer read_layer(const LayerSpec& spec, const crs::CrsRef& working,
                       const fs::path& base_dir) {
  const fs::path path =
      spec.source.is_absolute() ? spec.source : (base_dir / spec.source).lexically_normal();
  detail::ReadPlan plan{spec, path, path.string(), true, true};
  return read_plan(std::move(plan), working);
}

LoadedLayer read_file(const fs::path& path, const ReadOptions& options,
                      const crs::CrsRef& working) {
  detail::ReadPlan plan{spec_from(path, options), path, path.string(), options.category.has_value(),
                        !options.title.empty()};
  return read_plan(std::move(plan), working, options.threads);
}

std::optional<crs::GeoBox> read_extent(const fs::path& path, const ReadOptions& options) {
  ReadOptions o = options;
  if (!o.category) {
    o.category = core::Category::other;  // no guessing needed for an extent
  }
  const LoadedLayer loaded = read_file(path, o, crs::CrsRef::wgs84());
  const auto box = loaded.layer->bounds();
  if (!box) {
    return std::nullopt;
  }
  return crs::GeoBox{{box->min_corner().x, box->min_corner().y},
                     {box->max_corner().x, box->max_corner().y}};
}

crs::WorkingCrsChoice choose_crs_for(std::span<const fs::path> files,
                                     const std::optional<crs::GeoBox>& valid_extent) {
  ReadOptions options;
  options.valid_extent = valid_extent;
  std::optional<crs::GeoBox> extent;
  std::string names;
  for (const auto& f : files) {
    extent = crs::merge(extent, read_extent(f, options));
    names += (names.empty() ? "" : ", ") + f.string();
  }
  if (!extent) {
    core::ErrorContext ctx;
    ctx.file = names;
    throw core::InputError("no usable coordinates to choose a working CRS from", ctx);
  }
  return crs::choose_working_crs(*extent);
}

}  // namespace caremap::io
