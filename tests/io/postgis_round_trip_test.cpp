// PostGIS as a layer sink and source, against the private server of the CTest fixture "postgis"
// (tests/support/postgis_server): the region's real hospitals (points, Japanese text, nulls) and
// city boundaries (polygons) written as tables and read back; provenance in the table's
// comment; no password anywhere; a failed write leaves the old table.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "io/postgis.hpp"
#include "io/project.hpp"
#include "io/read.hpp"
#include "io/write.hpp"
#include "support/postgis_connection.hpp"

using namespace caremap;

namespace {

const crs::CrsRef kZone2 = crs::CrsRef::from_epsg(6670);
// Written in EPSG:4326 with full double precision and read back into EPSG:6670: two PROJ
// transformations apart, far below a millimetre.
constexpr double kMarginM = 0.001;

io::LoadedLayer region_layer(const std::string& id) {
  const io::Project p = io::read_project(io::find_project("munakata-fukutsu"));
  const io::LayerSpec* spec = p.find_layer(id);
  REQUIRE(spec != nullptr);
  return io::read_layer(*spec, kZone2, p.base_dir());
}

io::LoadedLayer read_table(const std::string& table) {
  io::ReadOptions o;
  o.source_layer = table;
  return io::read_file(test::kConnectionWithPassword, o, kZone2);
}

void check_same_geometry(const core::Geometry& a, const core::Geometry& b) {
  REQUIRE(a.index() == b.index());
  if (const auto* p = std::get_if<core::XY>(&a)) {
    const core::XY q = std::get<core::XY>(b);
    CHECK(std::hypot(p->x - q.x, p->y - q.y) < kMarginM);
    return;
  }
  std::vector<core::XY> pa;
  std::vector<core::XY> pb;
  const auto collect = [](const core::Geometry& g, std::vector<core::XY>& out) {
    std::visit(
        [&out](const auto& geom) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(geom)>, std::monostate>) {
            core::bg::for_each_point(geom, [&out](const core::XY& p) { out.push_back(p); });
          }
        },
        g);
  };
  collect(a, pa);
  collect(b, pb);
  REQUIRE(pa.size() == pb.size());
  double worst = 0.0;
  for (std::size_t i = 0; i < pa.size(); ++i) {
    worst = std::max(worst, std::hypot(pa[i].x - pb[i].x, pa[i].y - pb[i].y));
  }
  CHECK(worst < kMarginM);
}

}  // namespace

TEST_CASE("region layers written to PostGIS read back with the same rows and values and shapes",
          "[io][postgis]") {
  for (const std::string id : {"hospitals", "boundary"}) {
    INFO(id);
    const io::LoadedLayer original = region_layer(id);
    const core::Layer& l = *original.layer;
    REQUIRE(l.features.size() >= 2);  // 13 hospitals; the two cities
    io::WriteOptions w;
    w.table_prefix = "round_trip_";
    io::write_layer(l, test::kConnectionWithPassword, w);

    const io::LoadedLayer back = read_table("round_trip_" + id);
    const core::Layer& b = *back.layer;
    REQUIRE(b.features.size() == l.features.size());
    CHECK(back.rows.skipped == 0);
    REQUIRE(b.fields.size() == l.fields.size());
    for (std::size_t k = 0; k < l.fields.size(); ++k) {
      CHECK(b.fields[k].name == l.fields[k].name);
      CHECK(b.fields[k].type == l.fields[k].type);
    }
    // The table keeps the order written (fid), so rows pair up one to one.
    for (std::size_t i = 0; i < l.features.size(); ++i) {
      INFO("feature " << i);
      CHECK(b.features[i].values == l.features[i].values);
      CHECK(b.features[i].category == l.features[i].category);
      check_same_geometry(l.features[i].geometry, b.features[i].geometry);
    }
    // Provenance: read back from the table's comment, the layer still stands on its source.
    CHECK(b.category == l.category);
    CHECK(b.title == l.title);
    const auto& inputs = b.provenance.inputs;
    CHECK(std::any_of(inputs.begin(), inputs.end(), [&](const core::SourceRef& s) {
      return s.path == l.provenance.inputs.front().path &&
             s.credit == l.provenance.inputs.front().credit;
    }));
    // The password reached the server and nothing else.
    CHECK(back.spec.source == "PG:password=***");
    CHECK(core::summarize(b.provenance).find(test::kSecret) == std::string::npos);
    for (const auto& d : back.diagnostics.items()) {
      CHECK(d.file.find(test::kSecret) == std::string::npos);
    }
  }
  auto db = test::open_test_database();
  const auto comment =
      test::query(*db, "SELECT obj_description('round_trip_hospitals'::regclass, 'pg_class')");
  REQUIRE(comment.size() == 1);
  CHECK(comment[0][0].find("\"caremap\"") != std::string::npos);
  CHECK(comment[0][0].find("厚生労働省 医療情報ネット") != std::string::npos);
  CHECK(comment[0][0].find(test::kSecret) == std::string::npos);
}

TEST_CASE("a write that fails leaves the old table as it was and no temporary table",
          "[io][postgis]") {
  const io::LoadedLayer hospitals = region_layer("hospitals");
  io::WriteOptions w;
  w.table_prefix = "atomic_";
  io::write_layer(*hospitals.layer, test::kConnectionWithPassword, w);  // the old table

  // The second layer's table name is too long: the error comes after the first layer's new
  // table was written, inside the transaction.
  core::Layer fewer = *hospitals.layer;
  fewer.features.resize(2);
  core::Layer second = fewer;
  second.id = std::string(60, 'x');
  const std::vector<core::LayerPtr> layers{std::make_shared<core::Layer>(fewer),
                                           std::make_shared<core::Layer>(second)};
  CHECK_THROWS_AS(io::write_layers(layers, test::kConnectionWithPassword, w), core::ArgumentError);

  auto db = test::open_test_database();
  CHECK(test::query(*db, "SELECT count(*) FROM atomic_hospitals")[0][0] ==
        std::to_string(hospitals.layer->features.size()));
  CHECK(test::query(
            *db, "SELECT count(*) FROM pg_tables WHERE tablename LIKE '%\\_tmp\\_%'")[0][0] == "0");

  // Written again with the two rows: replaced whole, index and sequence named after the table.
  const core::LayerPtr one[] = {layers.front()};
  io::write_layers(one, test::kConnectionWithPassword, w);
  CHECK(test::query(*db, "SELECT count(*) FROM atomic_hospitals")[0][0] == "2");
  CHECK(test::query(*db,
                    "SELECT count(*) FROM pg_indexes WHERE indexname IN "
                    "('atomic_hospitals_pkey', 'atomic_hospitals_geom_geom_idx')")[0][0] == "2");
}

TEST_CASE("PostGIS errors name the connection without its password, the table and the field",
          "[io][postgis]") {
  io::ReadOptions o;
  o.source_layer = "no_such_table";
  try {
    io::read_file(test::kConnectionWithPassword, o, kZone2);
    FAIL("expected an error");
  } catch (const core::InputError& e) {
    const std::string m = e.what();
    CHECK(m.find("PG:password=***") != std::string::npos);
    CHECK(m.find("no_such_table") != std::string::npos);
    CHECK(m.find(test::kSecret) == std::string::npos);
  }

  const io::LoadedLayer hospitals = region_layer("hospitals");
  io::WriteOptions w;
  w.table_prefix = "errors_";
  io::write_layer(*hospitals.layer, test::kConnectionWithPassword, w);
  o.source_layer = "errors_hospitals";
  o.name_field = "施設名";  // not a column of the table
  try {
    io::read_file(test::kConnectionWithPassword, o, kZone2);
    FAIL("expected an error");
  } catch (const core::InputError& e) {
    const std::string m = e.what();
    CHECK(e.context().file == "PG:password=*** (table errors_hospitals)");
    CHECK(e.context().field == "施設名");
    CHECK(m.find(test::kSecret) == std::string::npos);
  }
  o.name_field.clear();
  o.source_layer.clear();
  CHECK_THROWS_WITH(io::read_file(test::kConnectionWithPassword, o, kZone2),
                    Catch::Contains("name the table") && !Catch::Contains(test::kSecret));
}
