#include "io/layer_reader.hpp"

#include <cstring>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/capacity_field.hpp"
#include "io/coordinate_check.hpp"
#include "io/coordinate_columns.hpp"
#include "io/feature_marks.hpp"
#include "io/geometry_repair.hpp"
#include "io/load_provenance.hpp"
#include "io/ogr_geometry.hpp"
#include "io/provenance_json.hpp"
#include "io/read.hpp"
#include "io/source_crs.hpp"
#include "io/valid_extent.hpp"

namespace caremap::io::detail {

namespace {

// Column names tried, in order, for a layer's display name when the spec names none.
// Identifiers come last: a point list with only "id,lon,lat" is still named by its ids.
// 氏名 / 患者名 / 利用者名: patient and client lists a care team keeps.
constexpr std::string_view kNameCandidates[] = {
    "name",     "名称",    "正式名称", "施設・場所名", "事業所名", "施設名", "氏名", "患者名",
    "利用者名", "N03_004", "title",    "NAME",         "Name",     "id",     "ID"};

struct Context {
  const ReadPlan& plan;
  core::Diagnostics diagnostics;

  [[noreturn]] void fail(const std::string& field, const std::string& message) const {
    core::ErrorContext ctx;
    ctx.file = plan.display_path;
    ctx.layer = plan.spec.id;
    ctx.field = field;
    throw core::InputError(message, ctx);
  }

  RowCounts rows;

  /// Reports a row that cannot be used and counts it as skipped.
  void skip(std::size_t row, std::string field, std::string code, std::string message) {
    ++rows.skipped;
    report(core::Severity::warning, row, std::move(field), std::move(code),
           std::move(message) + "; row skipped");
  }

  void report(core::Severity severity, std::size_t row, std::string field, std::string code,
              std::string message) {
    diagnostics.add(core::Diagnostic{severity, std::move(code), plan.display_path, row,
                                     std::move(field), std::move(message)});
  }
};

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    out += (out.empty() ? "" : ", ") + n;
  }
  return out;
}

int require_field(const Context& cx, const std::vector<std::string>& names, const std::string& name,
                  const char* role) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) {
      return static_cast<int>(i);
    }
  }
  cx.fail(name, std::string(role) + " '" + name +
                    "' is not a field of the file (fields: " + join(names) + ")");
}

core::FieldType field_type(OGRFieldType t, bool csv) {
  if (csv) {
    return core::FieldType::text;
  }
  switch (t) {
    case OFTInteger:
    case OFTInteger64:
      return core::FieldType::integer;
    case OFTReal:
      return core::FieldType::real;
    default:
      return core::FieldType::text;
  }
}

// The first field of `f` whose text holds a line break (CSV: inside quotes), if any.
std::optional<std::string> field_with_line_break(OGRFeature& f) {
  for (int i = 0; i < f.GetFieldCount(); ++i) {
    if (f.IsFieldSetAndNotNull(i) && std::strchr(f.GetFieldAsString(i), '\n') != nullptr) {
      return std::string(f.GetFieldDefnRef(i)->GetNameRef());
    }
  }
  return std::nullopt;
}

core::FieldValue value_of(OGRFeature& f, int i, core::FieldType type, bool csv) {
  if (!f.IsFieldSetAndNotNull(i)) {
    return std::monostate{};
  }
  switch (type) {
    case core::FieldType::integer:
      return static_cast<std::int64_t>(f.GetFieldAsInteger64(i));
    case core::FieldType::real:
      return f.GetFieldAsDouble(i);
    case core::FieldType::text:
      break;
  }
  std::string s = f.GetFieldAsString(i);
  if (csv && s.empty()) {
    return std::monostate{};
  }
  return s;
}

using RawCapacity = std::vector<std::pair<std::size_t, std::string>>;

// The point geometries of the `deferred` features, still in the source CRS, into the working CRS
// in one PROJ call. Rows PROJ cannot transform are reported as skipped and removed, together
// with their capacity text (parallel to the features when present) and their role matches.
void transform_deferred_points(core::Layer& layer, const std::vector<std::size_t>& deferred,
                               crs::Transformer& to_working, Context& cx, RawCapacity& raw_capacity,
                               const std::vector<std::optional<std::size_t>>& role_index,
                               std::vector<std::size_t>& role_matches, const LayerSpec& spec) {
  if (to_working.is_identity()) {
    return;  // read in the CRS it is kept in: the checked points stand as they are
  }
  std::vector<core::XY> points;
  points.reserve(deferred.size());
  for (const std::size_t i : deferred) {
    points.push_back(std::get<core::XY>(layer.features[i].geometry));
  }
  const std::vector<std::size_t> failed = to_working.try_transform_in_place(points);
  std::vector<bool> removed(layer.features.size(), false);
  std::size_t next_failed = 0;
  for (std::size_t k = 0; k < deferred.size(); ++k) {
    core::Feature& f = layer.features[deferred[k]];
    if (next_failed < failed.size() && failed[next_failed] == k) {
      ++next_failed;
      cx.skip(f.source_row, {}, "out_of_range_coordinates",
              to_working.failure_message(std::get<core::XY>(f.geometry)));
      removed[deferred[k]] = true;
      for (std::size_t r = 0; r < spec.roles.size(); ++r) {
        if (role_index[r] && core::to_text(f.values[*role_index[r]]) == spec.roles[r].value) {
          --role_matches[r];
        }
      }
      continue;
    }
    f.geometry = points[k];
  }
  if (failed.empty()) {
    return;
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < layer.features.size(); ++i) {
    if (removed[i]) {
      continue;
    }
    if (kept != i) {  // a self-move would empty the feature's vectors
      layer.features[kept] = std::move(layer.features[i]);
      if (!raw_capacity.empty()) {
        raw_capacity[kept] = std::move(raw_capacity[i]);
      }
    }
    ++kept;
  }
  layer.features.resize(kept);
  if (!raw_capacity.empty()) {
    raw_capacity.resize(kept);
  }
}

}  // namespace

LoadedLayer read_features(OpenedSource& src, ReadPlan plan, const crs::CrsRef& working) {
  Context cx{plan, {}, {}};
  LayerSpec& spec = plan.spec;
  OGRFeatureDefn* defn = src.layer->GetLayerDefn();
  std::vector<std::string> names;
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    names.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
  }

  // Source CRS.
  std::optional<LayerCrs> source_crs;
  if (spec.source_crs) {
    source_crs = LayerCrs{*spec.source_crs, false};
  } else if (src.is_csv) {
    source_crs = LayerCrs{crs::CrsRef::wgs84(), false};
  } else {
    try {
      source_crs = layer_crs(*src.layer);
    } catch (const core::Error& e) {
      cx.fail({}, "unusable coordinate reference system: " + e.detail());
    }
    if (!source_crs) {
      cx.fail({}, "the file declares no coordinate reference system; set source_crs");
    }
  }
  const bool geographic = crs::inspect(source_crs->crs).geographic;
  // Projected sources are not checked against the valid extent: it is in degrees.
  const std::optional<crs::GeoBox> valid_extent =
      geographic ? spec.valid_extent : std::optional<crs::GeoBox>{};

  // Coordinate columns (CSV) or the CSV's WKT geometry.
  int x_index = -1;
  int y_index = -1;
  if (src.is_csv) {
    std::optional<CoordinateColumns> cols;
    if (!spec.x_field.empty()) {
      cols = CoordinateColumns{spec.x_field, spec.y_field};
      x_index = require_field(cx, names, spec.x_field, "x_field");
      y_index = require_field(cx, names, spec.y_field, "y_field");
    } else if ((cols = detect_coordinate_columns(names))) {
      x_index = require_field(cx, names, cols->x, "x column");
      y_index = require_field(cx, names, cols->y, "y column");
      spec.x_field = cols->x;
      spec.y_field = cols->y;
    } else if (src.layer->GetGeomType() == wkbNone) {
      cx.fail({}, "no coordinate columns found (columns: " + join(names) +
                      "); name them: x_field and y_field in the project file, or --x-field "
                      "and --y-field on the command line");
    }
  }

  // Fields named by the specification must exist.
  if (!spec.name_field.empty()) {
    require_field(cx, names, spec.name_field, "name_field");
  }
  if (!spec.capacity_field.empty()) {
    require_field(cx, names, spec.capacity_field, "capacity_field");
  }
  for (const auto& h : spec.hazard_fields) {
    require_field(cx, names, h, "hazard field");
  }
  for (const auto& r : spec.roles) {
    require_field(cx, names, r.field, "role field");
  }
  const int filter_index =
      spec.filter ? require_field(cx, names, spec.filter->field, "filter field") : -1;

  // Attribute schema: every source field but coordinates and caremap's own columns.
  const bool uses_wkt = src.is_csv && x_index < 0;
  std::vector<int> source_index;  // per layer field
  int category_index = -1;
  auto layer = std::make_shared<core::Layer>();
  for (int i = 0; i < static_cast<int>(names.size()); ++i) {
    if (i == x_index || i == y_index || (uses_wkt && names[i] == "WKT")) {
      continue;
    }
    if (names[i] == kCategoryColumn) {
      category_index = i;
      continue;
    }
    source_index.push_back(i);
    layer->fields.push_back(
        core::Field{names[i], field_type(defn->GetFieldDefn(i)->GetType(), src.is_csv)});
  }

  // Identity, stored provenance, category.
  const auto stored = stored_provenance(src, plan.path);
  layer->id = spec.id;
  layer->title = spec.title;
  if (!plan.title_given && stored && !stored->title.empty()) {
    layer->title = stored->title;
  }
  if (!plan.category_given) {
    spec.category =
        stored && stored->category ? *stored->category : guess_category(spec.source, names);
  }
  layer->category = spec.category;
  layer->crs = working.definition;
  if (!spec.name_field.empty()) {
    layer->name_field = layer->field_index(spec.name_field);
  } else {
    for (std::string_view candidate : kNameCandidates) {
      if (auto i = layer->field_index(candidate)) {
        layer->name_field = i;
        spec.name_field = std::string(candidate);
        break;
      }
    }
  }
  std::optional<std::size_t> capacity_index;
  if (!spec.capacity_field.empty()) {
    capacity_index = layer->field_index(spec.capacity_field);
    layer->capacity_field = capacity_index;
  }
  std::vector<std::optional<std::size_t>> role_index;
  for (const auto& r : spec.roles) {
    role_index.push_back(layer->field_index(r.field));
  }
  std::vector<std::size_t> role_matches(spec.roles.size(), 0);

  crs::Transformer to_working(source_crs->crs, working);
  const std::string x_name = x_index >= 0 ? names[static_cast<std::size_t>(x_index)] : "x";
  const std::string y_name = y_index >= 0 ? names[static_cast<std::size_t>(y_index)] : "y";
  RawCapacity raw_capacity;
  std::vector<std::size_t> deferred;  // features whose point is still in the source CRS
  bool all_polygons_valid = true;     // no polygon stayed invalid after repair

  if (src.is_csv) {
    layer->features.reserve(src.line_breaks);
    if (x_index >= 0) {
      deferred.reserve(src.line_breaks);
    }
  }
  src.layer->ResetReading();
  std::size_t row = 0;
  while (OGRFeatureUniquePtr f{src.layer->GetNextFeature()}) {
    ++row;
    ++cx.rows.read;
    if (filter_index >= 0 && !spec.filter->matches(f->GetFieldAsString(filter_index))) {
      ++cx.rows.filtered_out;
      continue;
    }
    // Geometry in the source CRS, checked.
    core::Geometry geometry;
    if (x_index >= 0) {
      const CoordinateCheck c = check_coordinates(
          f->GetFieldAsString(x_index), f->GetFieldAsString(y_index), geographic, x_name, y_name);
      if (!c.point) {
        // Swallowed rows end inside the quoted field: their coordinate cells are missing, not
        // empty. A proper two-line address with empty coordinates is just "empty".
        const bool cut_short = src.is_csv && (!f->IsFieldSet(x_index) || !f->IsFieldSet(y_index));
        if (const auto field = cut_short ? field_with_line_break(*f) : std::nullopt) {
          cx.skip(row, *field, "multiline_text",
                  "the text of " + *field +
                      " runs over several lines, so the coordinates after it are missing: an "
                      "unclosed quote? The rows after it were read into this field");
        } else {
          cx.skip(row, c.field, c.code, c.message);
        }
        continue;
      }
      if (valid_extent && !valid_extent->contains({c.point->x, c.point->y})) {
        cx.skip(row, x_name + "/" + y_name, "outside_valid_extent",
                outside_extent_message(core::LonLat{c.point->x, c.point->y}, *valid_extent));
        continue;
      }
      geometry = *c.point;
    } else {
      ConvertedGeometry g = from_ogr(f->GetGeometryRef());
      if (!g.unsupported.empty()) {
        cx.skip(row, {}, "unsupported_geometry",
                "geometry type " + g.unsupported + " is not supported");
        continue;
      }
      if (core::is_empty(g.geometry)) {
        cx.skip(row, {}, "empty_geometry", "no geometry");
        continue;
      }
      geometry = std::move(g.geometry);
      if (source_crs->swap_xy) {
        std::visit(
            [](auto& g) {
              if constexpr (!std::is_same_v<std::decay_t<decltype(g)>, std::monostate>) {
                core::bg::for_each_point(g, [](core::XY& p) { std::swap(p.x, p.y); });
              }
            },
            geometry);
      }
      if (const auto* p = std::get_if<core::XY>(&geometry)) {
        const CoordinateCheck c = check_coordinates(p->x, p->y, geographic, "x", "y");
        if (!c.point) {
          cx.skip(row, {}, c.code, c.message);
          continue;
        }
        if (valid_extent && !valid_extent->contains({p->x, p->y})) {
          cx.skip(row, {}, "outside_valid_extent",
                  outside_extent_message(core::LonLat{p->x, p->y}, *valid_extent));
          continue;
        }
      } else if (valid_extent) {
        // A line or polygon is kept while any part of its box may lie inside: the extent is a
        // plausibility check, not a clip.
        const auto box = core::envelope(geometry);
        if (box && entirely_outside(*box, *valid_extent)) {
          cx.skip(row, {}, "outside_valid_extent", outside_extent_message(*box, *valid_extent));
          continue;
        }
      }
    }
    // Into the working CRS, then valid polygons. Points wait and go through PROJ together
    // after the loop: one call for a whole table instead of one per row.
    const bool deferred_point = std::holds_alternative<core::XY>(geometry);
    if (!deferred_point) {
      try {
        geometry = to_working.transform(geometry);
      } catch (const core::Error& e) {
        cx.skip(row, {}, "out_of_range_coordinates", e.detail());
        continue;
      }
    }
    if (deferred_point) {
      deferred.push_back(layer->features.size());
    }
    RepairResult fixed = correct_and_repair(std::move(geometry));
    if (fixed.repaired) {
      cx.report(core::Severity::warning, row, {}, "invalid_geometry",
                "polygon repaired (" + fixed.reason + ")");
    } else if (fixed.still_invalid) {
      all_polygons_valid = false;
      cx.report(core::Severity::error, row, {}, "invalid_geometry",
                "polygon could not be repaired (" + fixed.reason + "); kept as read");
    }

    core::Feature feature;
    feature.geometry = std::move(fixed.geometry);
    feature.source_row = row;
    feature.category = spec.category;
    feature.values.reserve(source_index.size());
    for (std::size_t k = 0; k < source_index.size(); ++k) {
      feature.values.push_back(value_of(*f, source_index[k], layer->fields[k].type, src.is_csv));
      // A quoted CSV field may hold line breaks, so one unclosed quote swallows the rows after
      // it into this field. Public tables rarely mean a line break: say so instead of silence.
      const auto* text = std::get_if<std::string>(&feature.values.back());
      if (src.is_csv && text != nullptr && text->find('\n') != std::string::npos) {
        cx.report(core::Severity::warning, row, layer->fields[k].name, "multiline_text",
                  "the text runs over several lines; unless that is meant, a quote is not "
                  "closed and the rows after it were read into this field");
      }
    }
    if (category_index >= 0) {
      if (auto c = core::parse_category(f->GetFieldAsString(category_index))) {
        feature.category = *c;
      }
    }
    for (std::size_t r = 0; r < spec.roles.size(); ++r) {
      if (role_index[r] && core::to_text(feature.values[*role_index[r]]) == spec.roles[r].value) {
        feature.category = spec.roles[r].category;
        ++role_matches[r];
      }
    }
    if (capacity_index) {
      raw_capacity.emplace_back(row, core::to_text(feature.values[*capacity_index]));
    }
    layer->features.push_back(std::move(feature));
  }

  transform_deferred_points(*layer, deferred, to_working, cx, raw_capacity, role_index,
                            role_matches, spec);
  if (capacity_index) {
    parse_capacity(*layer, *capacity_index, raw_capacity, spec.zero_capacity_is_unknown,
                   plan.display_path, cx.diagnostics);
  }
  for (std::size_t r = 0; r < spec.roles.size(); ++r) {
    if (role_matches[r] == 0) {
      cx.diagnostics.add(core::Diagnostic{
          core::Severity::warning, "role_unmatched", plan.display_path, std::nullopt,
          spec.roles[r].field,
          "no feature has " + spec.roles[r].field + " = " + spec.roles[r].value + " (role " +
              std::string(core::to_string(spec.roles[r].category)) + " not applied)"});
    }
  }
  for (const auto& w : src.warnings) {
    cx.diagnostics.add(core::Diagnostic{
        core::Severity::info, "gdal_warning", plan.display_path, std::nullopt, {}, w});
  }
  apply_marks(*layer, spec, plan.display_path, cx.diagnostics);
  apply_field_titles(*layer, spec, plan.display_path, cx.diagnostics);

  layer->polygons_valid = all_polygons_valid;
  layer->provenance = load_provenance(spec, src, source_crs->crs,
                                      x_index >= 0 ? x_name + "/" + y_name : std::string(), stored);

  return LoadedLayer{std::move(spec), std::move(layer), std::move(cx.diagnostics), cx.rows};
}

}  // namespace caremap::io::detail
