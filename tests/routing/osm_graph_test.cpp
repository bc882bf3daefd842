#include "routing/osm_graph.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "core/error.hpp"
#include "support/utm_projector.hpp"

using namespace caremap;
using namespace caremap::routing;
namespace fs = std::filesystem;

namespace {

// A few streets near Munakata station, written as OSM XML by the test.
//   n1 - n2 - n3   residential, maxspeed=30 (n2 a bend: shape point)
//   n3 -> n4       primary, oneway, maxspeed 50
//   n4 - n5        residential, access=private
//   n3 - n6        footway
//   n4 -> n7       motorway (implied one-way)
//   n7 - n99       tertiary whose second node is missing from the file
const std::map<int, std::pair<double, double>> kNodes = {
    {1, {130.5400, 33.8000}}, {2, {130.5410, 33.8004}}, {3, {130.5420, 33.8000}},
    {4, {130.5440, 33.8000}}, {5, {130.5440, 33.8020}}, {6, {130.5420, 33.7980}},
    {7, {130.5470, 33.8000}}, {8, {130.5500, 33.8100}}};

std::string osm_xml() {
  std::string x = "<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6' generator='test'>\n";
  for (const auto& [id, ll] : kNodes) {
    char line[160];
    std::snprintf(line, sizeof line, "  <node id='%d' version='1' lat='%.7f' lon='%.7f'/>\n", id,
                  ll.second, ll.first);
    x += line;
  }
  auto way = [&](int id, std::initializer_list<int> nodes,
                 std::initializer_list<std::pair<const char*, const char*>> tags) {
    x += "  <way id='" + std::to_string(id) + "' version='1'>\n";
    for (int n : nodes) {
      x += "    <nd ref='" + std::to_string(n) + "'/>\n";
    }
    for (const auto& [k, v] : tags) {
      x += std::string("    <tag k='") + k + "' v='" + v + "'/>\n";
    }
    x += "  </way>\n";
  };
  way(101, {1, 2, 3}, {{"highway", "residential"}, {"maxspeed", "30"}});
  way(102, {3, 4}, {{"highway", "primary"}, {"oneway", "yes"}, {"maxspeed", "50"}});
  way(103, {4, 5}, {{"highway", "residential"}, {"access", "private"}});
  way(104, {3, 6}, {{"highway", "footway"}});
  way(105, {4, 7}, {{"highway", "motorway"}});
  way(106, {7, 99}, {{"highway", "tertiary"}});
  way(107, {5, 8}, {{"building", "yes"}});
  x += "</osm>\n";
  return x;
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("caremap-routing-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

fs::path write_osm(const fs::path& dir) {
  const fs::path p = dir / "streets.osm";
  std::ofstream(p) << osm_xml();
  return p;
}

NodeId node_with_id(const RoadGraph& g, std::int64_t id) {
  for (NodeId v = 0; v < g.node_count(); ++v) {
    if (g.node_osm_id(v) == id) {
      return v;
    }
  }
  return kNone;
}

std::optional<ArcId> arc_between(const RoadGraph& g, std::int64_t from, std::int64_t to) {
  const NodeId u = node_with_id(g, from);
  const NodeId v = node_with_id(g, to);
  if (u == kNone || v == kNone) {
    return std::nullopt;
  }
  for (ArcId a = g.first_out()[u]; a < g.first_out()[u + 1]; ++a) {
    if (g.head()[a] == v) {
      return a;
    }
  }
  return std::nullopt;
}

double projected_length(core::Projector& p, std::initializer_list<int> nodes) {
  double len = 0.0;
  std::optional<core::XY> last;
  for (int n : nodes) {
    const auto ll = kNodes.at(n);
    const core::XY xy = p.forward({ll.first, ll.second});
    if (last) {
      len += std::hypot(xy.x - last->x, xy.y - last->y);
    }
    last = xy;
  }
  return len;
}

}  // namespace

TEST_CASE("an OSM XML file becomes car and walking graphs", "[routing][osm]") {
  TempDir dir;
  const fs::path osm = write_osm(dir.path);
  test::UtmProjector utm52(52);

  core::Diagnostics d;
  const RoadGraph car = build_graph(osm, car_profile(), utm52, "EPSG:32652", d);
  CHECK(d.count("missing_node_location") == 1);
  CHECK(car.info().crs == "EPSG:32652");
  CHECK(node_with_id(car, 2) == kNone);  // a bend, not a junction: a shape point
  CHECK(node_with_id(car, 5) == kNone);  // only on the private way
  CHECK(node_with_id(car, 6) == kNone);  // only on the footway
  CHECK(node_with_id(car, 99) == kNone);

  const double len_123 = projected_length(utm52, {1, 2, 3});
  const auto a13 = arc_between(car, 1, 3);
  const auto a31 = arc_between(car, 3, 1);
  REQUIRE(a13);
  REQUIRE(a31);
  CHECK(car.length_m()[*a13] == Approx(len_123).margin(1e-6));
  CHECK(car.time_s()[*a13] == Approx(len_123 / (30.0 * 0.8 / 3.6)).margin(1e-6));
  CHECK(car.segment_points(car.arc_segment(*a13)).size() == 3);
  CHECK(car.way_id(*a13) == 101);

  const auto a34 = arc_between(car, 3, 4);
  REQUIRE(a34);
  CHECK(car.time_s()[*a34] ==
        Approx(projected_length(utm52, {3, 4}) / (50.0 * 0.8 / 3.6)).margin(1e-6));
  CHECK_FALSE(arc_between(car, 4, 3));  // oneway=yes
  CHECK(arc_between(car, 4, 7));
  CHECK_FALSE(arc_between(car, 7, 4));  // motorway: implied one-way
  // Node positions are the projector's.
  const core::XY n1 = utm52.forward({130.54, 33.8});
  CHECK(car.node_xy(node_with_id(car, 1)).x == Approx(n1.x).margin(1e-6));
  CHECK(car.node_xy(node_with_id(car, 1)).y == Approx(n1.y).margin(1e-6));

  d = {};
  const RoadGraph walk = build_graph(osm, walking_profile(), utm52, "EPSG:32652", d);
  CHECK(arc_between(walk, 3, 6));
  CHECK(arc_between(walk, 6, 3));
  CHECK(arc_between(walk, 4, 3));         // oneway ignored on foot
  CHECK_FALSE(arc_between(walk, 4, 7));   // no motorways on foot
  CHECK(node_with_id(walk, 5) == kNone);  // access=private
  const auto w13 = arc_between(walk, 1, 3);
  REQUIRE(w13);
  CHECK(walk.time_s()[*w13] == Approx(len_123 / (4.8 / 3.6)).margin(1e-6));

  CHECK_THROWS_AS(build_graph(dir.path / "missing.osm.pbf", car_profile(), utm52, "x", d),
                  core::InputError);
  std::ofstream(dir.path / "broken.osm") << "<osm><way id='1'><nd ref=";
  CHECK_THROWS_AS(build_graph(dir.path / "broken.osm", car_profile(), utm52, "x", d),
                  core::InputError);
}

TEST_CASE("the graph cache is reused while valid and rebuilt when stale", "[routing][cache]") {
  TempDir dir;
  const fs::path osm = write_osm(dir.path);
  test::UtmProjector utm52(52);
  CacheOptions options;
  options.crs = "EPSG:32652";
  core::Diagnostics d;

  const LoadedGraph first = load_or_build_graph(osm, car_profile(), utm52, options, d);
  CHECK_FALSE(first.from_cache);
  const fs::path cache = default_cache_path(osm, car_profile());
  CHECK(cache.filename() == "streets.osm.car.caremap-graph");
  REQUIRE(fs::exists(cache));

  const LoadedGraph second = load_or_build_graph(osm, car_profile(), utm52, options, d);
  CHECK(second.from_cache);
  CHECK(second.graph.arrays() == first.graph.arrays());
  CHECK(second.graph.info() == first.graph.info());

  // Another profile has its own cache; another CRS or profile content invalidates.
  CHECK_FALSE(load_or_build_graph(osm, walking_profile(), utm52, options, d).from_cache);
  Profile slower = car_profile();
  slower.highway_speeds_kmh["primary"] = 20;
  CHECK_FALSE(load_or_build_graph(osm, slower, utm52, options, d).from_cache);
  CHECK(load_or_build_graph(osm, slower, utm52, options, d).from_cache);
  CacheOptions other_crs = options;
  other_crs.crs = "EPSG:6670";
  CHECK_FALSE(load_or_build_graph(osm, car_profile(), utm52, other_crs, d).from_cache);

  // A changed source (size and time) is rebuilt.
  std::ofstream(osm, std::ios::app) << "<!-- edited -->\n";
  CHECK_FALSE(load_or_build_graph(osm, car_profile(), utm52, options, d).from_cache);
  CHECK(load_or_build_graph(osm, car_profile(), utm52, options, d).from_cache);
  CHECK(d.count("graph_cache_invalid") == 0);

  // A corrupted cache is reported and rebuilt.
  {
    std::fstream f(cache, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(fs::file_size(cache) / 2));
    f.put('\x5a');
    f.put('\xa5');
  }
  const LoadedGraph rebuilt = load_or_build_graph(osm, car_profile(), utm52, options, d);
  CHECK_FALSE(rebuilt.from_cache);
  CHECK(d.count("graph_cache_invalid") == 1);
  CHECK(rebuilt.graph.arrays() == first.graph.arrays());
  fs::resize_file(cache, fs::file_size(cache) - 5);
  CHECK_FALSE(load_or_build_graph(osm, car_profile(), utm52, options, d).from_cache);
  CHECK(d.count("graph_cache_invalid") == 2);

  // Caching disabled: nothing read, nothing written.
  CacheOptions off = options;
  off.enabled = false;
  off.path = dir.path / "never.caremap-graph";
  CHECK_FALSE(load_or_build_graph(osm, car_profile(), utm52, off, d).from_cache);
  CHECK_FALSE(fs::exists(off.path));
}
