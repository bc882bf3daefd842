#include "io/project.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/error.hpp"
#include "io/atomic_file.hpp"
#include "io/text_encoding.hpp"

namespace caremap::io {

namespace {

using nlohmann::json;

// Parsing context: the file and the JSON path of the value being read, so every error says
// exactly which key is wrong.
struct Reader {
  std::string file;
  std::string layer;

  [[noreturn]] void fail(const std::string& key, const std::string& message) const {
    core::ErrorContext ctx;
    ctx.file = file;
    ctx.layer = layer;
    ctx.field = key;
    throw core::InputError(message, ctx);
  }

  void check_keys(const json& obj, const std::string& where,
                  std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, value] : obj.items()) {
      if (key.starts_with("_")) {
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        std::string list;
        for (auto a : allowed) {
          list += (list.empty() ? "" : ", ") + std::string(a);
        }
        fail(where + key, "unknown key '" + key + "' (known keys: " + list + ")");
      }
    }
  }

  std::string text(const json& obj, const std::string& where, const char* key,
                   bool required = false) const {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      if (required) {
        fail(where + key, "missing required key '" + std::string(key) + "'");
      }
      return {};
    }
    if (!it->is_string()) {
      fail(where + key, "'" + std::string(key) + "' must be a string");
    }
    return it->get<std::string>();
  }

  std::vector<std::string> texts(const json& obj, const std::string& where, const char* key) const {
    std::vector<std::string> out;
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      return out;
    }
    if (!it->is_array()) {
      fail(where + key, "'" + std::string(key) + "' must be an array of strings");
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& v = (*it)[i];
      if (!v.is_string()) {
        fail(where + key + "[" + std::to_string(i) + "]",
             "must be a string (codes and IDs are text so that leading zeros survive)");
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }

  core::Category category(const json& obj, const std::string& where, const char* key) const {
    const std::string name = text(obj, where, key, true);
    if (auto c = core::parse_category(name)) {
      return *c;
    }
    std::string list;
    for (core::Category c : core::all_categories()) {
      list += (list.empty() ? "" : ", ") + std::string(core::to_string(c));
    }
    fail(where + key, "unknown category '" + name + "' (known: " + list + ")");
  }

  std::optional<crs::CrsRef> crs_ref(const json& obj, const std::string& where,
                                     const char* key) const {
    const std::string def = text(obj, where, key);
    if (def.empty()) {
      return std::nullopt;
    }
    try {
      return crs::CrsRef::parse(def);
    } catch (const core::Error& e) {
      fail(where + key, e.detail());
    }
  }

  // "encoding": "" (detect), or a name parse_encoding knows, normalised ("UTF-8", "CP932").
  std::string encoding(const json& obj, const std::string& where) const {
    const std::string enc = text(obj, where, "encoding");
    if (enc.empty()) {
      return {};
    }
    const auto e = parse_encoding(enc);
    if (!e) {
      fail(where + "encoding", "unknown encoding '" + enc + "' (use UTF-8 or CP932)");
    }
    return std::string(to_string(*e));
  }

  FeatureRole role(const json& r, const std::string& where) const {
    if (!r.is_object()) {
      fail(where, "a role must be an object {field, value, category, source}");
    }
    check_keys(r, where + ".", {"field", "value", "category", "source"});
    FeatureRole out;
    out.field = text(r, where + ".", "field", true);
    out.value = text(r, where + ".", "value", true);
    out.category = category(r, where + ".", "category");
    out.source = text(r, where + ".", "source", true);
    return out;
  }

  FeatureMark mark(const json& m, const std::string& where) const {
    if (!m.is_object()) {
      fail(where, "a mark must be an object {field, in, prefix, code, note, source}");
    }
    check_keys(m, where + ".", {"field", "in", "prefix", "code", "note", "source"});
    FeatureMark out;
    out.match.field = text(m, where + ".", "field", true);
    out.match.values = texts(m, where + ".", "in");
    out.match.prefixes = texts(m, where + ".", "prefix");
    if (out.match.values.empty() && out.match.prefixes.empty()) {
      fail(where, "a mark needs 'in' or 'prefix' values");
    }
    out.code = text(m, where + ".", "code", true);
    out.note = text(m, where + ".", "note", true);
    out.source = text(m, where + ".", "source");
    return out;
  }

  AttributeFilter filter(const json& f, const std::string& where) const {
    if (!f.is_object()) {
      fail(where, "a filter must be an object {field, in, prefix}");
    }
    check_keys(f, where + ".", {"field", "in", "prefix"});
    AttributeFilter out;
    out.field = text(f, where + ".", "field", true);
    out.values = texts(f, where + ".", "in");
    out.prefixes = texts(f, where + ".", "prefix");
    if (out.values.empty() && out.prefixes.empty()) {
      fail(where, "a filter needs 'in' or 'prefix' values");
    }
    return out;
  }

  // [min_lon, min_lat, max_lon, max_lat] in degrees.
  std::optional<crs::GeoBox> lonlat_box(const json& obj, const std::string& where,
                                        const char* key) const {
    const auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      return std::nullopt;
    }
    if (!it->is_array() || it->size() != 4 ||
        !std::all_of(it->begin(), it->end(), [](const json& v) { return v.is_number(); })) {
      fail(where + key, "'" + std::string(key) +
                            "' must be 4 numbers [min_lon, min_lat, max_lon, max_lat] in degrees");
    }
    const double min_lon = (*it)[0].get<double>();
    const double min_lat = (*it)[1].get<double>();
    const double max_lon = (*it)[2].get<double>();
    const double max_lat = (*it)[3].get<double>();
    const auto within = [](double v, double limit) { return v >= -limit && v <= limit; };
    if (!within(min_lon, 180.0) || !within(max_lon, 180.0) || !within(min_lat, 90.0) ||
        !within(max_lat, 90.0)) {
      fail(where + key, "'" + std::string(key) +
                            "': longitudes must lie within ±180 and latitudes within ±90 degrees");
    }
    if (!(min_lon < max_lon) || !(min_lat < max_lat)) {
      fail(where + key, "'" + std::string(key) +
                            "': min_lon must be less than max_lon and min_lat less than max_lat");
    }
    return crs::GeoBox{{min_lon, min_lat}, {max_lon, max_lat}};
  }

  // One entry of "views": {"title", "extent_lonlat", "layers", "coverage"}.
  SavedView view(const json& v, const std::string& where) {
    if (!v.is_object()) {
      fail(where, "a view must be a JSON object with title and extent_lonlat");
    }
    const std::string w = where + ".";
    check_keys(v, w, {"title", "extent_lonlat", "layers", "coverage"});
    SavedView out;
    out.title = text(v, w, "title", true);
    const auto extent = lonlat_box(v, w, "extent_lonlat");
    if (!extent) {
      fail(w + "extent_lonlat", "missing required key 'extent_lonlat'");
    }
    out.extent = *extent;
    out.layers = texts(v, w, "layers");
    if (const auto c = v.find("coverage"); c != v.end() && !c->is_null()) {
      if (!c->is_object()) {
        fail(w + "coverage", "'coverage' must be an object {\"category\", \"radius_m\"}");
      }
      const std::string cw = w + "coverage.";
      check_keys(*c, cw, {"category", "radius_m"});
      ViewCoverage cov;
      cov.category = category(*c, cw, "category");
      if (const auto r = c->find("radius_m"); r != c->end() && !r->is_null()) {
        if (!r->is_number() || r->get<double>() <= 0.0) {
          fail(cw + "radius_m", "must be a positive number of metres");
        }
        cov.radius_m = r->get<double>();
      }
      out.coverage = cov;
    }
    return out;
  }

  LayerSpec layer_spec(const json& l, const std::string& where) {
    if (!l.is_object()) {
      fail(where, "a layer must be an object");
    }
    const std::string w = where + ".";
    if (const auto id = l.find("id"); id != l.end() && id->is_string()) {
      layer = id->get<std::string>();  // named in every error about this layer
    }
    check_keys(l, w,
               {"id",
                "title",
                "source",
                "category",
                "name_field",
                "capacity_field",
                "hazard_fields",
                "x_field",
                "y_field",
                "encoding",
                "source_layer",
                "source_crs",
                "data_date",
                "publisher",
                "credit",
                "licence",
                "coverage_radius_m",
                "zero_capacity_is_unknown",
                "roles",
                "filter",
                "field_titles",
                "marks",
                "notes"});
    LayerSpec s;
    s.id = text(l, w, "id", true);
    layer = s.id;
    const bool safe_id = !s.id.empty() && std::all_of(s.id.begin(), s.id.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
    if (!safe_id) {
      fail(w + "id", "layer id '" + s.id + "' must use only letters, digits, '_' and '-'");
    }
    s.title = text(l, w, "title");
    if (s.title.empty()) {
      s.title = s.id;
    }
    s.source = text(l, w, "source", true);
    s.category = category(l, w, "category");
    s.name_field = text(l, w, "name_field");
    s.capacity_field = text(l, w, "capacity_field");
    s.hazard_fields = texts(l, w, "hazard_fields");
    s.x_field = text(l, w, "x_field");
    s.y_field = text(l, w, "y_field");
    if (s.x_field.empty() != s.y_field.empty()) {
      fail(w + (s.x_field.empty() ? "x_field" : "y_field"),
           "x_field and y_field must be given together");
    }
    s.encoding = encoding(l, w);
    s.source_layer = text(l, w, "source_layer");
    s.source_crs = crs_ref(l, w, "source_crs");
    s.data_date = text(l, w, "data_date");
    s.publisher = text(l, w, "publisher");
    s.credit = text(l, w, "credit");
    s.licence = text(l, w, "licence");
    s.notes = text(l, w, "notes");
    if (const auto it = l.find("coverage_radius_m"); it != l.end() && !it->is_null()) {
      if (!it->is_number() || it->get<double>() <= 0.0) {
        fail(w + "coverage_radius_m", "must be a positive number of metres");
      }
      s.coverage_radius = core::Meters{it->get<double>()};
    }
    if (const auto it = l.find("zero_capacity_is_unknown"); it != l.end() && !it->is_null()) {
      if (!it->is_boolean()) {
        fail(w + "zero_capacity_is_unknown", "must be true or false");
      }
      s.zero_capacity_is_unknown = it->get<bool>();
    }
    if (const auto it = l.find("roles"); it != l.end() && !it->is_null()) {
      if (!it->is_array()) {
        fail(w + "roles", "must be an array");
      }
      for (std::size_t i = 0; i < it->size(); ++i) {
        s.roles.push_back(role((*it)[i], w + "roles[" + std::to_string(i) + "]"));
      }
    }
    if (const auto it = l.find("filter"); it != l.end() && !it->is_null()) {
      s.filter = filter(*it, w + "filter");
    }
    if (const auto it = l.find("field_titles"); it != l.end() && !it->is_null()) {
      if (!it->is_object()) {
        fail(w + "field_titles", "must be an object {\"source field\": \"title\"}");
      }
      for (const auto& [field, title] : it->items()) {
        if (!title.is_string() || title.get<std::string>().empty()) {
          fail(w + "field_titles." + field, "must be a non-empty string");
        }
        s.field_titles.emplace_back(field, title.get<std::string>());
      }
    }
    if (const auto it = l.find("marks"); it != l.end() && !it->is_null()) {
      if (!it->is_array()) {
        fail(w + "marks", "must be an array");
      }
      for (std::size_t i = 0; i < it->size(); ++i) {
        s.marks.push_back(mark((*it)[i], w + "marks[" + std::to_string(i) + "]"));
      }
    }
    layer.clear();
    return s;
  }

  LayerSpec population_spec(const json& l) {
    const std::string w = "population.";
    if (!l.is_object()) {
      fail("population", "'population' must be an object {source, ...} or null");
    }
    layer = "population";
    check_keys(
        l, w,
        {"source", "title", "data_date", "publisher", "credit", "licence", "notes", "encoding",
         "source_layer", "source_crs", "count_field", "age65_field", "age75_field"});
    LayerSpec s;
    s.id = "population";
    s.category = core::Category::population;
    s.source = text(l, w, "source", true);
    s.title = text(l, w, "title");
    if (s.title.empty()) {
      s.title = "人口";
    }
    s.data_date = text(l, w, "data_date");
    s.publisher = text(l, w, "publisher");
    s.credit = text(l, w, "credit");
    s.licence = text(l, w, "licence");
    s.notes = text(l, w, "notes");
    s.encoding = encoding(l, w);
    s.source_layer = text(l, w, "source_layer");
    s.source_crs = crs_ref(l, w, "source_crs");
    s.population_fields.total = text(l, w, "count_field");
    s.population_fields.age65 = text(l, w, "age65_field");
    s.population_fields.age75 = text(l, w, "age75_field");
    layer.clear();
    return s;
  }
};

}  // namespace

bool AttributeFilter::matches(std::string_view text) const {
  if (std::find(values.begin(), values.end(), text) != values.end()) {
    return true;
  }
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return text.starts_with(p); });
}

const LayerSpec* Project::find_layer(std::string_view id) const {
  for (const auto& l : layers) {
    if (l.id == id) {
      return &l;
    }
  }
  return nullptr;
}

core::SourceRef road_source(const Project& project, const std::filesystem::path& network_source) {
  core::SourceRef s;
  s.layer = "roads";
  s.path = network_source.string();
  const std::filesystem::path source = network_source.lexically_normal();
  const std::filesystem::path relative = source.lexically_relative(project.base_dir());
  if (!relative.empty() && *relative.begin() != "..") {
    s.path = relative.generic_string();
  }
  if (project.roads && source == *project.roads) {
    s.data_date = project.roads_data_date;
  }
  return s;
}

Project read_project(const std::filesystem::path& file) {
  Reader r{file.string(), {}};
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    r.fail({}, std::filesystem::exists(file) ? "cannot read the project file"
                                             : "project file not found");
  }
  json doc;
  try {
    doc = json::parse(in, nullptr, true, /*ignore_comments=*/true);
  } catch (const json::exception& e) {
    r.fail({}, std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_object()) {
    r.fail({}, "the project file must hold a JSON object");
  }
  r.check_keys(doc, "",
               {"id", "title", "municipalities", "working_crs", "valid_extent_lonlat", "roads",
                "roads_data_date", "road_profile", "notes", "layers", "population", "views"});

  Project p;
  p.file = std::filesystem::absolute(file).lexically_normal();
  p.id = r.text(doc, "", "id", true);
  p.title = r.text(doc, "", "title");
  if (p.title.empty()) {
    p.title = p.id;
  }
  p.municipality_codes = r.texts(doc, "", "municipalities");
  p.working_crs = r.crs_ref(doc, "", "working_crs");
  p.valid_extent = r.lonlat_box(doc, "", "valid_extent_lonlat");
  p.notes = r.texts(doc, "", "notes");
  if (const std::string roads = r.text(doc, "", "roads"); !roads.empty()) {
    p.roads = (p.base_dir() / roads).lexically_normal();
  }
  p.roads_data_date = r.text(doc, "", "roads_data_date");
  if (const std::string profile = r.text(doc, "", "road_profile"); !profile.empty()) {
    p.road_profile = (p.base_dir() / profile).lexically_normal();
  }
  const auto layers = doc.find("layers");
  if (layers == doc.end() || !layers->is_array()) {
    r.fail("layers", "'layers' must be an array (it may be empty)");
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < layers->size(); ++i) {
    LayerSpec spec = r.layer_spec((*layers)[i], "layers[" + std::to_string(i) + "]");
    spec.valid_extent = p.valid_extent;
    if (!ids.insert(spec.id).second) {
      r.fail("layers[" + std::to_string(i) + "].id", "duplicate layer id '" + spec.id + "'");
    }
    p.layers.push_back(std::move(spec));
  }
  if (const auto pop = doc.find("population"); pop != doc.end() && !pop->is_null()) {
    LayerSpec spec = r.population_spec(*pop);
    spec.valid_extent = p.valid_extent;
    if (!ids.insert(spec.id).second) {
      r.fail("population", "a layer is already called 'population'; rename it or drop the entry");
    }
    p.population = spec;
    p.layers.push_back(std::move(spec));
  }
  if (const auto views = doc.find("views"); views != doc.end() && !views->is_null()) {
    if (!views->is_array()) {
      r.fail("views", "'views' must be an array of views");
    }
    for (std::size_t i = 0; i < views->size(); ++i) {
      p.views.push_back(r.view((*views)[i], "views[" + std::to_string(i) + "]"));
    }
  }
  return p;
}

namespace {

nlohmann::ordered_json views_json(const std::vector<SavedView>& views) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const SavedView& v : views) {
    nlohmann::ordered_json j;
    j["title"] = v.title;
    j["extent_lonlat"] = {v.extent.south_west.lon, v.extent.south_west.lat, v.extent.north_east.lon,
                          v.extent.north_east.lat};
    j["layers"] = v.layers;
    if (v.coverage) {
      j["coverage"]["category"] = std::string(core::to_string(v.coverage->category));
      if (v.coverage->radius_m) {
        j["coverage"]["radius_m"] = *v.coverage->radius_m;
      }
    }
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

std::string saved_views_json(const std::vector<SavedView>& views) {
  return views_json(views).dump();
}

std::vector<SavedView> parse_saved_views(std::string_view text, const std::string& source) {
  Reader r;
  r.file = source;
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    r.fail("views", std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_array()) {
    r.fail("views", "'views' must be an array of views");
  }
  std::vector<SavedView> out;
  for (std::size_t i = 0; i < doc.size(); ++i) {
    out.push_back(r.view(doc[i], "views[" + std::to_string(i) + "]"));
  }
  return out;
}

void write_project_views(const std::filesystem::path& file, const std::vector<SavedView>& views) {
  core::ErrorContext ctx;
  ctx.file = file.string();
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw core::OutputError("cannot read the project file to save its views", ctx);
  }
  nlohmann::ordered_json doc;
  try {
    doc = nlohmann::ordered_json::parse(in, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::ordered_json::exception& e) {
    throw core::OutputError(std::string("the project file is not valid JSON: ") + e.what(), ctx);
  }
  if (!doc.is_object()) {
    throw core::OutputError("the project file must hold a JSON object", ctx);
  }
  if (views.empty()) {
    doc.erase("views");
  } else {
    doc["views"] = views_json(views);
  }
  write_file_atomically(file, doc.dump(2) + '\n');
}

}  // namespace caremap::io
