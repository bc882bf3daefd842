#include "routing/network_source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "routing/error_context.hpp"
#include "routing/osm_graph.hpp"
#include "routing/profile.hpp"

namespace caremap::routing {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::optional<std::string> file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

bool is_osm_source(const std::filesystem::path& source) {
  const std::string name = lower(source.filename().string());
  for (const char* tail : {".pbf", ".osm", ".osm.bz2", ".osm.gz", ".o5m", ".osh"}) {
    if (ends_with(name, tail)) {
      return true;
    }
  }
  return false;
}

std::optional<LineProfile> line_profile_for(const NetworkRequest& request) {
  if (is_osm_source(request.source)) {
    return std::nullopt;
  }
  if (!builtin_profile(request.profile)) {
    if (const auto text = file_text(request.profile); text && is_line_profile_json(*text)) {
      return line_profile_from_json(*text, request.profile);
    }
  }
  if (request.line_profile) {
    return load_line_profile(request.line_profile->string());
  }
  throw core::InputError(
      "a road network from a line layer needs a line-layer profile (road class field and "
      "speeds): set \"road_profile\" in the project file or give --profile FILE.json "
      "(data/geo/profiles/n01-1996.profile.json is an example)",
      file_context(request.source.string()));
}

LoadedRoadNetwork load_road_network(
    const NetworkRequest& request, core::Projector& projector,
    const std::function<core::Layer(const std::filesystem::path&)>& read_lines,
    core::Diagnostics& diagnostics, core::Progress* progress) {
  LoadedRoadNetwork out;
  if (!std::filesystem::is_regular_file(request.source)) {
    throw core::InputError("road network file not found", file_context(request.source.string()));
  }
  if (const auto line = line_profile_for(request)) {
    CacheOptions cache = request.cache;
    if (cache.enabled && cache.path.empty()) {
      cache.path = default_cache_path(request.source, line->name);
    }
    core::report_progress(progress, 0.1);
    auto loaded = load_or_build_line_graph(
        request.source, *line, [&] { return read_lines(request.source); }, cache, diagnostics);
    NetworkDescription d;
    d.access = line->access;
    d.basis = line->basis;
    d.credit = line->credit;
    d.land = request.land;
    out.network = std::make_shared<const RoadNetwork>(std::move(loaded.built.graph), std::move(d));
    out.from_cache = loaded.from_cache;
    out.line_layer = true;
    out.profile_name = line->name;
    out.cache_path = cache.enabled ? cache.path : std::filesystem::path();
    core::report_progress(progress, 1.0);
    return out;
  }
  const Profile profile = load_profile(request.profile);
  CacheOptions cache = request.cache;
  if (cache.enabled && cache.path.empty()) {
    cache.path = default_cache_path(request.source, profile);
  }
  auto loaded =
      load_or_build_graph(request.source, profile, projector, cache, diagnostics, progress);
  NetworkDescription d;
  d.land = request.land;
  out.network = std::make_shared<const RoadNetwork>(std::move(loaded.graph), std::move(d));
  out.from_cache = loaded.from_cache;
  out.profile_name = profile.name;
  out.cache_path = cache.enabled ? cache.path : std::filesystem::path();
  return out;
}

}  // namespace caremap::routing
