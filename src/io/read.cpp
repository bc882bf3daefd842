#include "io/read.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "io/estat_mesh.hpp"
#include "io/layer_reader.hpp"
#include "io/parallel_read.hpp"
#include "io/population_fields.hpp"
#include "io/postgis.hpp"
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
  if (!is_postgis_source(plan.path) && is_estat_mesh_file(plan.path)) {
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
  // A PostGIS table is named by its table, not by the connection string.
  const bool table = is_postgis_source(path);
  s.id = o.id.empty() ? safe_id(table ? fs::path(o.source_layer + ".table") : path) : o.id;
  s.title = !o.title.empty() ? o.title : table ? o.source_layer : path.filename().string();
  s.source = path;
  s.category = o.category.value_or(core::Category::other);
  s.name_field = o.name_field;
  s.capacity_field = o.capacity_field;
  s.x_field = o.x_field;
  s.y_field = o.y_field;
  if (s.x_field.empty() != s.y_field.empty()) {
    core::ErrorContext ctx;
    ctx.file = source_display_name(path);
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

// The plan for reading `spec` from `path`. A PostGIS source is named by its redacted
// connection and table from here on: the loaded layer's spec, its provenance and every message
// carry that, never the password (only plan.path, which goes to GDAL, keeps it).
detail::ReadPlan plan_for(LayerSpec spec, const fs::path& path, bool category_given,
                          bool title_given) {
  std::string display = source_display_name(path);
  if (is_postgis_source(path)) {
    spec.source = display;
    display += " (table " + spec.source_layer + ")";
  }
  return detail::ReadPlan{std::move(spec), path, std::move(display), category_given, title_given};
}

}  // namespace

LoadedLayer read_layer(const LayerSpec& spec, const crs::CrsRef& working,
                       const fs::path& base_dir) {
  return read_plan(plan_for(spec, resolve_source(spec.source, base_dir), true, true), working);
}

LoadedLayer read_file(const fs::path& path, const ReadOptions& options,
                      const crs::CrsRef& working) {
  return read_plan(plan_for(spec_from(path, options), path, options.category.has_value(),
                            !options.title.empty()),
                   working, options.threads);
}

bool is_csv_file(const fs::path& path) {
  return detail::is_csv_path(path);
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
    names += (names.empty() ? "" : ", ") + source_display_name(f);
  }
  if (!extent) {
    core::ErrorContext ctx;
    ctx.file = names;
    throw core::InputError("no usable coordinates to choose a working CRS from", ctx);
  }
  return crs::choose_working_crs(*extent);
}

}  // namespace caremap::io
