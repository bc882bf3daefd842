// The commands against a real PostGIS server (the CTest fixture "postgis"): the road graph
// exported as pgRouting tables gives the same travel times under pgr_dijkstraCost as caremap's
// own Dijkstra (Monaco's OpenStreetMap extract and the default region's N01 trunk roads); a
// project file naming a PG: layer; results written back as tables; no password anywhere.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>
#include <sstream>

#include "cli/cli_runner.hpp"
#include "cli/exit_codes.hpp"
#include "cli/network_loading.hpp"
#include "cli/region_loading.hpp"
#include "crs/transformer.hpp"
#include "io/io_test_support.hpp"
#include "io/read.hpp"
#include "io/write.hpp"
#include "routing/dijkstra.hpp"
#include "support/postgis_connection.hpp"
#include "test_paths.hpp"

using namespace caremap;
using caremap::test::ScratchDir;
namespace fs = std::filesystem;

namespace {

const std::string kMonaco = (fs::path(CAREMAP_TEST_DATA_DIR) / "osm" / "monaco.osm.pbf").string();

// pgRouting adds the same per-edge seconds as caremap, possibly in another order.
constexpr double kRelativeTolerance = 1e-6;

std::string join(const std::vector<std::uint32_t>& ids) {
  std::string s;
  for (const std::uint32_t id : ids) {
    s += (s.empty() ? "" : ",") + std::to_string(id);
  }
  return s;
}

// The network as caremap loads it for a command (through the same graph cache as the export).
cli::LoadedNetwork load(const std::string& osm, const fs::path& cache, bool region) {
  core::Progress progress;
  std::ostringstream out;
  std::ostringstream err;
  cli::CommandContext context{out, err, false, progress};
  cli::NetworkOptions o;
  o.osm = osm;
  o.cache = cache.string();
  if (!region) {
    return cli::load_network(o, nullptr, context);
  }
  const io::Region r = cli::load_region("munakata-fukutsu", context);
  return cli::load_network(o, &r, context);
}

// Exports `network_args` with the table prefix, then compares caremap's node-to-node times with
// pgr_dijkstraCost for 40 x 40 random graph nodes.
void compare_with_pgrouting(const std::vector<std::string>& network_args, const std::string& osm,
                            bool region, const std::string& prefix) {
  ScratchDir dir;
  const fs::path cache = dir / "graph.caremap-graph";
  std::vector<std::string> args{
      "network", "export-pgrouting", "--out",       test::kConnectionWithPassword, "--table-prefix",
      prefix,    "--graph-cache",    cache.string()};
  args.insert(args.end(), network_args.begin(), network_args.end());
  const test::CliRun r = test::run_caremap(args);
  INFO(r.out << r.err);
  REQUIRE(r.code == cli::exit_ok);
  CHECK(r.out.find(test::kSecret) == std::string::npos);
  CHECK(r.err.find(test::kSecret) == std::string::npos);
  CHECK_THAT(r.err, Catch::Contains("wrote table " + prefix + "edges in PG:password=***"));

  const cli::LoadedNetwork n = load(osm, cache, region);
  const routing::RoadGraph& g = n.network->graph();
  auto db = test::open_test_database();

  // The tables hold the whole graph: one edge per segment, one vertex per node, and a closed
  // direction (-1) for every segment with a single arc.
  const auto counts = test::query(
      *db, "SELECT (SELECT count(*) FROM " + prefix + "edges) AS edges, (SELECT count(*) FROM " +
               prefix +
               "edges WHERE cost < 0 OR reverse_cost < 0) AS one_way, (SELECT count(*) FROM " +
               prefix + "vertices) AS vertices");
  CHECK(counts[0][0] == std::to_string(g.segment_count()));
  CHECK(counts[0][1] == std::to_string(2 * g.segment_count() - g.arc_count()));
  CHECK(counts[0][2] == std::to_string(g.node_count()));
  const auto comment =
      test::query(*db, "SELECT obj_description('" + prefix + "edges'::regclass, 'pg_class')")[0][0];
  CHECK(comment.find("pgrouting export") != std::string::npos);
  CHECK(comment.find(test::kSecret) == std::string::npos);

  // 40 origins and 40 other destinations, all distinct: 1,600 pairs.
  std::vector<routing::NodeId> nodes(g.node_count());
  std::iota(nodes.begin(), nodes.end(), routing::NodeId{0});
  std::shuffle(nodes.begin(), nodes.end(), std::mt19937(20261207));
  REQUIRE(nodes.size() >= 80);
  const std::vector<routing::NodeId> origins(nodes.begin(), nodes.begin() + 40);
  const std::vector<routing::NodeId> destinations(nodes.begin() + 40, nodes.begin() + 80);
  std::vector<std::uint32_t> origin_ids;
  std::vector<std::uint32_t> destination_ids;
  for (std::size_t i = 0; i < origins.size(); ++i) {
    origin_ids.push_back(origins[i] + 1);  // vertex id = node + 1
    destination_ids.push_back(destinations[i] + 1);
  }

  // Each vertex lies where caremap's node is.
  crs::Transformer to_wgs84(n.crs, crs::CrsRef::wgs84());
  const auto places = test::query(*db, "SELECT id, ST_X(geom), ST_Y(geom) FROM " + prefix +
                                           "vertices WHERE id IN (" + join(origin_ids) + ")");
  REQUIRE(!places.empty());
  for (const auto& row : places) {
    const core::XY lonlat = to_wgs84.transform(g.node_xy(std::stoul(row[0]) - 1));
    CHECK(std::stod(row[1]) == Approx(lonlat.x).margin(1e-8));
    CHECK(std::stod(row[2]) == Approx(lonlat.y).margin(1e-8));
  }

  std::map<std::pair<std::uint32_t, std::uint32_t>, double> pgr;
  for (const auto& row :
       test::query(*db,
                   "SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost('SELECT id, source, "
                   "target, cost, reverse_cost FROM " +
                       prefix + "edges', ARRAY[" + join(origin_ids) + "]::bigint[], ARRAY[" +
                       join(destination_ids) + "]::bigint[], directed => true)")) {
    pgr[{static_cast<std::uint32_t>(std::stoul(row[0])),
         static_cast<std::uint32_t>(std::stoul(row[1]))}] = std::stod(row[2]);
  }

  routing::Dijkstra search(g);
  std::size_t compared = 0;
  std::size_t unreachable = 0;
  for (const routing::NodeId o : origins) {
    const routing::Link seed{o, 0.0, 0.0, routing::kNone, 0.0, 0};
    search.run(std::span<const routing::Link>(&seed, 1), routing::SearchOptions{});
    for (const routing::NodeId d : destinations) {
      const auto it = pgr.find({o + 1, d + 1});
      INFO("node " << o << " -> node " << d);
      if (!search.reached(d)) {
        CHECK(it == pgr.end());
        ++unreachable;
        continue;
      }
      REQUIRE(it != pgr.end());
      CHECK(it->second == Approx(search.time_s(d)).epsilon(kRelativeTolerance));
      ++compared;
    }
  }
  // Most pairs are connected (a few nodes sit in small pieces cut by the extract's edge).
  CHECK(compared > 1000);
  CHECK(pgr.size() == compared);
  CHECK(compared + unreachable == origins.size() * destinations.size());
}

}  // namespace

TEST_CASE("Monaco's OSM roads exported to pgRouting: pgr_dijkstraCost gives caremap's times",
          "[cli][postgis][pgrouting]") {
  compare_with_pgrouting({"--osm", kMonaco}, kMonaco, false, "monaco_");
}

TEST_CASE("the default region's N01 roads exported to pgRouting: the same times",
          "[cli][postgis][pgrouting][n01]") {
  compare_with_pgrouting({}, {}, true, "n01_");
}

TEST_CASE("without a server at hand the pgRouting tables go to a GeoPackage",
          "[cli][postgis][pgrouting]") {
  ScratchDir dir;
  const fs::path out = dir / "monaco.gpkg";
  const test::CliRun r =
      test::run_caremap({"network", "export-pgrouting", "--osm", kMonaco, "--graph-cache",
                         (dir / "g.caremap-graph").string(), "--out", out.string(), "--json"});
  INFO(r.err);
  REQUIRE(r.code == cli::exit_ok);
  const auto j = nlohmann::json::parse(r.out);
  io::ReadOptions o;
  o.source_layer = "edges";
  const io::LoadedLayer edges = io::read_file(out, o, crs::CrsRef::from_epsg(32632));
  CHECK(edges.layer->features.size() == j["edges"].get<std::size_t>());
  CHECK(edges.layer->field_index("reverse_cost").has_value());
  CHECK(edges.layer->provenance.basis.distance.en.find("road (car") != std::string::npos);
  CHECK_THAT(test::run_caremap({"network", "export-pgrouting", "--osm", kMonaco}).err,
             Catch::Contains("--out is required"));
}

TEST_CASE(
    "a project file names a PG: layer and results go back as tables with the password nowhere",
    "[cli][postgis]") {
  ScratchDir dir;
  // The region's hospitals, put in the database as a planner's association would.
  {
    const io::Project p = io::read_project(io::find_project("munakata-fukutsu"));
    const io::LoadedLayer h =
        io::read_layer(*p.find_layer("hospitals"), crs::CrsRef::from_epsg(6670), p.base_dir());
    io::WriteOptions w;
    w.table_prefix = "shared_";
    io::write_layer(*h.layer, "PG:", w);
  }
  const fs::path project = dir / "pg.caremap.json";
  test::write_text(project,
                   R"({"id": "pg-test", "title": "PostGIS", "municipalities": ["40220", "40224"],
    "layers": [{"id": "hospitals", "title": "病院", "category": "hospital",
                "source": ")" +
                       test::kConnectionWithPassword + R"(", "source_layer": "shared_hospitals",
                "name_field": "正式名称", "credit": "厚生労働省 医療情報ネット"}]})");

  const test::CliRun info = test::run_caremap({"info", "--region", project.string(), "--json"});
  INFO(info.err);
  REQUIRE(info.code == cli::exit_ok);
  CHECK(info.out.find(test::kSecret) == std::string::npos);
  CHECK(info.out.find("PG:password=***") != std::string::npos);

  const fs::path gpkg = dir / "nearest.gpkg";
  for (const std::string& out : {test::kConnectionWithPassword, gpkg.string()}) {
    const test::CliRun near =
        test::run_caremap({"nearest", "--region", project.string(), "--from", "130.54,33.80", "-k",
                           "2", "--out", out, "--table-prefix", "pg_test_"});
    INFO(near.err);
    if (out == gpkg.string()) {  // --table-prefix belongs to a database output
      CHECK(near.code == cli::exit_bad_arguments);
      continue;
    }
    REQUIRE(near.code == cli::exit_ok);
    CHECK((near.out + near.err).find(test::kSecret) == std::string::npos);
  }
  const test::CliRun to_file = test::run_caremap(
      {"nearest", "--region", project.string(), "--from", "130.54,33.80", "--out", gpkg.string()});
  REQUIRE(to_file.code == cli::exit_ok);
  CHECK(test::read_text(gpkg).find(test::kSecret) == std::string::npos);
  CHECK(test::read_text(gpkg).find("PG:password=***") != std::string::npos);

  auto db = test::open_test_database();
  const auto tables = test::query(
      *db,
      "SELECT tablename, obj_description(('\"' || tablename || '\"')::regclass, 'pg_class') "
      "FROM pg_tables WHERE tablename LIKE 'pg\\_test\\_%'");
  REQUIRE(!tables.empty());
  for (const auto& t : tables) {
    INFO(t[0]);
    const auto doc = nlohmann::json::parse(t[1]);
    CHECK(doc["caremap"]["operation"] == "nearest");
    CHECK(doc["caremap"]["inputs"][0]["path"] == "PG:password=***");
    CHECK(t[1].find(test::kSecret) == std::string::npos);
  }
}
