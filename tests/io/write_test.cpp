#include "io/write.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/io_test_support.hpp"
#include "io/read.hpp"

using namespace caremap;

namespace {

const crs::CrsRef kZone2 = crs::CrsRef::from_epsg(6670);

// A small layer in EPSG:6670 with every field type, nulls, Japanese text, and one feature whose
// category differs from the layer's.
core::Layer sample_layer() {
  auto t = crs::Transformer::from_wgs84(kZone2);
  core::Layer l;
  l.id = "hospitals";
  l.title = "病院";
  l.category = core::Category::hospital;
  l.crs = "EPSG:6670";
  l.fields = {{"ID", core::FieldType::text},
              {"正式名称", core::FieldType::text},
              {"病床数", core::FieldType::integer},
              {"距離_m", core::FieldType::real}};
  l.name_field = 1;
  l.capacity_field = 2;
  l.features.push_back(
      {t.forward({130.534045, 33.806377}),
       {std::string("4011400003350"), std::string("宗像医師会病院"), std::int64_t{199}, 1234.5},
       core::Category::backup_hospital,
       8});
  l.features.push_back({t.forward({130.497574, 33.761437}),
                        {std::string("04011400002870"), std::string("宗像水光会総合病院, \"本院\""),
                         std::monostate{}, 0.25},
                        core::Category::hospital,
                        5});
  l.provenance.operation = "load";
  l.provenance.inputs.push_back(
      {"munakata-fukutsu/hospitals.csv", "hospitals", "2025-06-01", "厚生労働省 医療情報ネット"});
  return l;
}

core::Layer sample_polygon() {
  auto t = crs::Transformer::from_wgs84(kZone2);
  core::Layer l;
  l.id = "area";
  l.title = "範囲";
  l.category = core::Category::coverage_area;
  l.crs = "EPSG:6670";
  core::Polygon p;
  const core::XY c = t.forward({130.53, 33.80});
  for (auto [dx, dy] :
       {std::pair{0.0, 0.0}, {0.0, 1000.0}, {1000.0, 1000.0}, {1000.0, 0.0}, {0.0, 0.0}}) {
    p.outer().push_back({c.x + dx, c.y + dy});
  }
  core::Ring hole;
  for (auto [dx, dy] :
       {std::pair{400.0, 400.0}, {600.0, 400.0}, {600.0, 600.0}, {400.0, 600.0}, {400.0, 400.0}}) {
    hole.push_back({c.x + dx, c.y + dy});
  }
  p.inners().push_back(hole);
  l.features.push_back({p, {}, core::Category::coverage_area, 0});
  return l;
}

std::string text(const core::Layer& l, std::size_t feature, const std::string& field) {
  return core::to_text(l.features[feature].values[l.require_field(field)]);
}

void check_round_trip(const core::Layer& original, const io::LoadedLayer& back) {
  const core::Layer& l = *back.layer;
  REQUIRE(l.size() == original.size());
  CHECK(l.title == "病院");
  CHECK(l.category == core::Category::hospital);
  for (std::size_t i = 0; i < l.size(); ++i) {
    const auto a = std::get<core::XY>(original.features[i].geometry);
    const auto b = std::get<core::XY>(l.features[i].geometry);
    CHECK(std::hypot(a.x - b.x, a.y - b.y) < 0.001);  // 1 mm
    CHECK(l.features[i].category == original.features[i].category);
    for (const auto& f : original.fields) {
      INFO(f.name);
      CHECK(text(l, i, f.name) == text(original, i, f.name));
    }
  }
  CHECK(l.count(core::Category::backup_hospital) == 1);
  // The original input and its credit travel with the file.
  bool credited = false;
  for (const auto& in : l.provenance.inputs) {
    credited = credited || in.credit == "厚生労働省 医療情報ネット";
  }
  CHECK(credited);
}

}  // namespace

TEST_CASE("write and read back GeoJSON, GeoPackage, CSV and FlatGeobuf", "[io][write]") {
  test::ScratchDir dir;
  const core::Layer layer = sample_layer();
  for (const char* name : {"out.geojson", "out.gpkg", "out.csv", "out.fgb"}) {
    DYNAMIC_SECTION(name) {
      const auto path = dir / name;
      io::write_layer(layer, path);
      check_round_trip(layer, io::read_file(path, {}, kZone2));

      // Written in EPSG:4326, longitude first, to 1e-7 degrees.
      const auto geo = io::read_file(path, {}, crs::CrsRef::wgs84());
      const auto p = std::get<core::XY>(geo.layer->features[0].geometry);
      CHECK(p.x == Approx(130.534045).margin(1e-7));
      CHECK(p.y == Approx(33.806377).margin(1e-7));
    }
  }
}

TEST_CASE("each format keeps the provenance where documented", "[io][write]") {
  test::ScratchDir dir;
  const core::Layer layer = sample_layer();
  io::write_layer(layer, dir / "h.geojson");
  const std::string geojson = test::read_text(dir / "h.geojson");
  CHECK_THAT(geojson, Catch::Contains("\"caremap\"") && Catch::Contains("\"description\"") &&
                          Catch::Contains("厚生労働省 医療情報ネット"));
  const auto doc = nlohmann::json::parse(geojson);
  CHECK_FALSE(doc.contains("crs"));  // RFC 7946: no crs member
  CHECK(doc.at("caremap").at("crs") == "EPSG:4326");
  CHECK(doc.at("caremap").at("layer").at("category") == "hospital");

  io::write_layer(layer, dir / "h.csv");
  CHECK(std::filesystem::exists(dir / "h.csv.provenance.json"));
  const auto rows = test::parse_csv(test::read_text(dir / "h.csv"));
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == std::vector<std::string>{"ID", "正式名称", "病床数", "距離_m",
                                            "caremap_category", "lon", "lat"});
  CHECK(rows[2][1] == "宗像水光会総合病院, \"本院\"");
  CHECK(rows[1][4] == "backup_hospital");
  CHECK(test::read_text(dir / "h.csv").rfind("\xEF\xBB\xBF", 0) == 0);  // BOM for Excel
}

TEST_CASE("polygons round trip with their holes and area", "[io][write]") {
  test::ScratchDir dir;
  const core::Layer area = sample_polygon();
  const double expected = core::area(area.features[0].geometry).value;
  REQUIRE(expected == Approx(1.0e6 - 4.0e4));
  for (const char* name : {"a.geojson", "a.gpkg", "a.csv", "a.fgb"}) {
    DYNAMIC_SECTION(name) {
      io::write_layer(area, dir / name);
      const auto back = io::read_file(dir / name, {}, kZone2);
      REQUIRE(back.layer->size() == 1);
      CHECK(back.diagnostics.empty());
      CHECK(back.layer->category == core::Category::coverage_area);
      CHECK(core::area(back.layer->features[0].geometry).value == Approx(expected).margin(0.5));
    }
  }
}

TEST_CASE("several layers go into one GeoPackage", "[io][write]") {
  test::ScratchDir dir;
  const std::vector<core::LayerPtr> layers = {std::make_shared<core::Layer>(sample_layer()),
                                              std::make_shared<core::Layer>(sample_polygon())};
  io::write_layers(layers, dir / "all.gpkg");
  io::ReadOptions o;
  o.source_layer = "area";
  CHECK(io::read_file(dir / "all.gpkg", o, kZone2).layer->size() == 1);
  o.source_layer = "hospitals";
  check_round_trip(*layers[0], io::read_file(dir / "all.gpkg", o, kZone2));
  CHECK_THROWS_AS(io::write_layers(layers, dir / "all.geojson"), core::ArgumentError);
}

TEST_CASE("a failed write leaves an existing output untouched and no temporary file",
          "[io][write]") {
  test::ScratchDir dir;
  const core::Layer good = sample_layer();
  core::Layer bad = good;
  // A point PROJ cannot bring back to longitude/latitude: the write fails midway.
  bad.features.push_back({core::XY{1.0e30, 1.0e30}, {}, core::Category::hospital, 99});

  for (const char* name : {"out.geojson", "out.gpkg", "out.csv", "out.fgb"}) {
    DYNAMIC_SECTION(name) {
      const auto path = dir / name;
      io::write_layer(good, path);
      const std::string before = test::read_text(path);
      const auto files_before = dir.files();
      try {
        io::write_layer(bad, path);
        FAIL("the write succeeded");
      } catch (const core::OutputError& e) {
        CHECK(e.context().file == path.string());
      }
      CHECK(test::read_text(path) == before);
      CHECK(dir.files() == files_before);
    }
  }

  const auto nowhere = dir / "no-such-dir" / "out.geojson";
  CHECK_THROWS_WITH(io::write_layer(good, nowhere), Catch::Contains(nowhere.string()));
  CHECK_THROWS_AS(io::write_layer(good, dir / "out.shp"), core::ArgumentError);
  io::WriteOptions csv;
  csv.format = io::Format::csv;
  io::write_layer(good, dir / "explicit.txt", csv);
  CHECK(test::parse_csv(test::read_text(dir / "explicit.txt")).size() == 3);
}

TEST_CASE("another output CRS on request", "[io][write]") {
  test::ScratchDir dir;
  io::WriteOptions o;
  o.crs = kZone2;
  io::write_layer(sample_layer(), dir / "h.geojson", o);
  CHECK(test::read_text(dir / "h.geojson").find("6670") != std::string::npos);
  const auto back = io::read_file(dir / "h.geojson", {}, kZone2);
  const auto a = std::get<core::XY>(sample_layer().features[0].geometry);
  const auto b = std::get<core::XY>(back.layer->features[0].geometry);
  CHECK(std::hypot(a.x - b.x, a.y - b.y) < 0.001);
  CHECK(io::format_from_extension("x.FGB") == io::Format::flatgeobuf);
  CHECK(io::parse_format("GeoPackage") == io::Format::gpkg);
}

TEST_CASE("a table without geometry needs no CRS; a layer with geometry does", "[io][write]") {
  test::ScratchDir dir;
  core::Layer table;
  table.id = "od";
  table.fields = {{"origin", core::FieldType::text}, {"time_s", core::FieldType::real}};
  table.features.push_back(
      {core::Geometry{}, {std::string("p1"), 162.5}, core::Category::other, 1});
  io::write_layer(table, dir / "od.csv");
  const auto rows = test::parse_csv(test::read_text(dir / "od.csv"));
  REQUIRE(rows.size() == 2);
  // Only the table's own columns: no empty lon/lat.
  CHECK(rows[0] == std::vector<std::string>{"origin", "time_s"});
  CHECK(rows[1][0] == "p1");
  CHECK(std::stod(rows[1][1]) == 162.5);
  io::write_layer(table, dir / "od.gpkg");
  CHECK(std::filesystem::exists(dir / "od.gpkg"));
  // The same columns with no rows (every pair beyond the cutoff).
  core::Layer empty_table = table;
  empty_table.features.clear();
  io::write_layer(empty_table, dir / "od_empty.csv");
  const auto header = test::parse_csv(test::read_text(dir / "od_empty.csv"));
  REQUIRE(header.size() == 1);
  CHECK(header[0] == std::vector<std::string>{"origin", "time_s"});

  core::Layer no_crs = sample_layer();
  no_crs.crs.clear();
  CHECK_THROWS_WITH(io::write_layer(no_crs, dir / "x.geojson"),
                    Catch::Contains("has geometry but no CRS"));
}

TEST_CASE("what a result stands on is written with it and read back", "[io][write]") {
  test::ScratchDir dir;
  core::Layer layer = sample_layer();
  layer.provenance.basis.distance = {"道路（幹線道路のみ）", "road time (trunk roads only)"};
  layer.provenance.basis.demand = {"2020年国勢調査 500mメッシュ", "2020 census 500 m mesh"};
  for (const char* name : {"b.geojson", "b.gpkg", "b.csv"}) {
    DYNAMIC_SECTION(name) {
      io::write_layer(layer, dir / name);
      const auto back = io::read_file(dir / name, {}, kZone2);
      CHECK(back.layer->provenance.basis == layer.provenance.basis);
    }
  }
  // Each section runs on its own scratch directory, so the GeoJSON is written again for its text.
  io::write_layer(layer, dir / "text.geojson");
  const auto doc = nlohmann::json::parse(test::read_text(dir / "text.geojson"));
  CHECK(doc.at("caremap").at("basis").at("distance").at("en") == "road time (trunk roads only)");
  CHECK_THAT(doc.at("caremap").at("summary").get<std::string>(),
             Catch::Contains("; distance: road time (trunk roads only); demand: 2020 census"));
}
