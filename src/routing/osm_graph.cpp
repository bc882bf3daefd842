#include "routing/osm_graph.hpp"

#include <osmium/io/any_input.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/way.hpp>
#include <vector>

#include "core/error.hpp"
#include "routing/error_context.hpp"
#include "routing/graph_builder.hpp"

namespace caremap::routing {

namespace {

double read_fraction(const osmium::io::Reader& reader) {
  const std::size_t size = reader.file_size();
  return size > 0 ? static_cast<double>(reader.offset()) / static_cast<double>(size) : 0.0;
}

void read_ways(const std::filesystem::path& path, const Profile& profile, GraphBuilder& builder,
               core::Progress* progress) {
  osmium::io::Reader reader{path.string(), osmium::osm_entity_bits::way};
  std::vector<Tag> tags;
  std::vector<std::int64_t> refs;
  while (osmium::memory::Buffer buffer = reader.read()) {
    for (const osmium::Way& way : buffer.select<osmium::Way>()) {
      tags.clear();
      for (const osmium::Tag& t : way.tags()) {
        tags.push_back({t.key(), t.value()});
      }
      const auto rule = evaluate_way(profile, tags);
      if (!rule) {
        continue;
      }
      refs.clear();
      for (const osmium::NodeRef& r : way.nodes()) {
        refs.push_back(r.ref());
      }
      builder.add_way(way.id(), refs, *rule);
    }
    core::report_progress(progress, 0.5 * read_fraction(reader));
  }
  reader.close();
}

void read_nodes(const std::filesystem::path& path, core::Projector& projector,
                GraphBuilder& builder, core::Progress* progress) {
  const std::vector<std::int64_t> needed = builder.referenced_nodes();
  osmium::io::Reader reader{path.string(), osmium::osm_entity_bits::node};
  while (osmium::memory::Buffer buffer = reader.read()) {
    for (const osmium::Node& node : buffer.select<osmium::Node>()) {
      if (!std::binary_search(needed.begin(), needed.end(), node.id()) ||
          !node.location().valid()) {
        continue;
      }
      builder.set_node(node.id(),
                       projector.forward({node.location().lon(), node.location().lat()}));
    }
    core::report_progress(progress, 0.5 + 0.4 * read_fraction(reader));
  }
  reader.close();
}

}  // namespace

RoadGraph build_graph(const std::filesystem::path& osm_path, const Profile& profile,
                      core::Projector& projector, const std::string& crs,
                      core::Diagnostics& diagnostics, core::Progress* progress) {
  if (!std::filesystem::is_regular_file(osm_path)) {
    throw core::InputError("road network file not found", file_context(osm_path.string()));
  }
  GraphBuilder builder;
  try {
    read_ways(osm_path, profile, builder, progress);
    read_nodes(osm_path, projector, builder, progress);
  } catch (const core::Error&) {
    throw;
  } catch (const std::exception& e) {
    throw core::InputError(std::string("cannot read OpenStreetMap data: ") + e.what(),
                           file_context(osm_path.string()));
  }
  GraphInfo info{osm_path.string(), profile.name, profile_hash(profile), crs, {}};
  RoadGraph graph = builder.build(std::move(info), diagnostics);
  core::report_progress(progress, 1.0);
  return graph;
}

LoadedGraph load_or_build_graph(const std::filesystem::path& osm_path, const Profile& profile,
                                core::Projector& projector, const CacheOptions& options,
                                core::Diagnostics& diagnostics, core::Progress* progress) {
  if (!options.enabled) {
    return {build_graph(osm_path, profile, projector, options.crs, diagnostics, progress), false};
  }
  const CacheKey key = cache_key_for(osm_path, profile, options.crs);
  const std::filesystem::path cache =
      options.path.empty() ? default_cache_path(osm_path, profile) : options.path;
  if (auto cached = read_graph_cache(cache, key, diagnostics)) {
    core::report_progress(progress, 1.0);
    return {std::move(*cached), true};
  }
  RoadGraph graph = build_graph(osm_path, profile, projector, options.crs, diagnostics, progress);
  write_graph_cache_or_warn(graph, key, cache, diagnostics);
  return {std::move(graph), false};
}

}  // namespace caremap::routing
