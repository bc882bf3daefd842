#include "io/project.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "io/io_test_support.hpp"
#include "io/region.hpp"

using namespace caremap;

namespace {

// Expects read_project to fail and returns the error.
core::InputError project_error(const std::filesystem::path& file) {
  try {
    (void)io::read_project(file);
  } catch (const core::InputError& e) {
    return e;
  }
  FAIL("no InputError for " << file);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("the shipped project file reads as specified", "[io][project]") {
  const io::Project p = io::read_project(test::data_dir() / "munakata-fukutsu.caremap.json");
  CHECK(p.id == "munakata-fukutsu");
  CHECK(p.title == "宗像市・福津市");
  CHECK(p.working_crs->epsg == 6670);
  const io::LayerSpec* h = p.find_layer("hospitals");
  REQUIRE(h);
  CHECK(h->category == core::Category::hospital);
  CHECK(h->name_field == "正式名称");
  REQUIRE(h->roles.size() == 1);
  CHECK(h->roles[0].value == "4011400003350");
  CHECK(h->roles[0].category == core::Category::backup_hospital);
  CHECK(h->roles[0].source == "https://mmah.jp/hospital/message.html");
  CHECK(h->coverage_radius->value == 16000.0);
  const io::LayerSpec* e = p.find_layer("shelter_emergency");
  REQUIRE(e);
  CHECK(e->hazard_fields.size() == 8);
  CHECK(e->hazard_fields[4] == "津波");
  for (const auto& l : p.layers) {
    INFO(l.id);
    CHECK_FALSE(l.credit.empty());
    CHECK_FALSE(l.data_date.empty());
    CHECK_FALSE(l.licence.empty());
  }
}

TEST_CASE("the road network's source is named like the layers', with its data date",
          "[io][project]") {
  const io::Project p = io::read_project(test::data_dir() / "munakata-fukutsu.caremap.json");
  CHECK(p.roads_data_date == "1996-12-31");
  REQUIRE(p.roads);
  const core::SourceRef roads = io::road_source(p, *p.roads);
  CHECK(roads.path == "munakata-fukutsu/roads_n01_1996.geojson");
  CHECK(roads.data_date == "1996-12-31");
  CHECK(roads.layer == "roads");
  // Another network keeps its path as given and has no date of the project's.
  const core::SourceRef other = io::road_source(p, "/elsewhere/kyushu.osm.pbf");
  CHECK(other.path == "/elsewhere/kyushu.osm.pbf");
  CHECK(other.data_date.empty());
}

TEST_CASE("project file errors name the file and the key", "[io][project]") {
  test::ScratchDir dir;
  const auto f = dir / "p.caremap.json";
  auto layer = [](const std::string& extra) {
    return R"({"id": "p", "layers": [{"id": "h", "source": "h.csv", "category": "hospital")" +
           extra + "}]}";
  };

  CHECK(project_error(dir / "none.json").context().file == (dir / "none.json").string());

  test::write_text(f, "{ not json");
  CHECK_THAT(project_error(f).what(), Catch::Contains("not valid JSON"));
  // Found by fuzz_project: a number beyond a double's range (the parser's out_of_range, not a
  // parse_error) escaped as the JSON library's exception instead of an error naming the file.
  test::write_text(f, layer(R"(, "capacity_field": 2222E22222222)"));
  CHECK_THAT(project_error(f).what(),
             Catch::Contains("not valid JSON") && Catch::Contains("number overflow"));
  CHECK(project_error(f).context().file == f.string());

  test::write_text(f, layer(R"(, "capacty_field": "定員")"));
  auto e = project_error(f);
  CHECK(e.context().file == f.string());
  CHECK(e.context().field == "layers[0].capacty_field");
  CHECK(e.context().layer == "h");

  test::write_text(
      f, R"({"id": "p", "layers": [{"id": "h", "source": "h.csv", "category": "hopsital"}]})");
  e = project_error(f);
  CHECK(e.context().field == "layers[0].category");
  CHECK_THAT(e.what(), Catch::Contains("hopsital") && Catch::Contains("backup_hospital"));

  test::write_text(f, R"({"id": "p", "layers": [{"id": "h", "category": "hospital"}]})");
  CHECK(project_error(f).context().field == "layers[0].source");

  test::write_text(f, R"({"id": "p", "municipalities": [40220], "layers": []})");
  CHECK(project_error(f).context().field == "municipalities[0]");

  test::write_text(f, R"({"id": "p", "working_crs": "EPSG:123456789", "layers": []})");
  CHECK(project_error(f).context().field == "working_crs");

  test::write_text(f, layer(R"(, "encoding": "EBCDIC")"));
  CHECK(project_error(f).context().field == "layers[0].encoding");

  test::write_text(
      f, layer(R"(, "roles": [{"field": "ID", "value": "1", "category": "backup_hospital"}])"));
  CHECK(project_error(f).context().field == "layers[0].roles[0].source");

  test::write_text(f, R"({"id": "p", "layers": [
      {"id": "h", "source": "a.csv", "category": "hospital"},
      {"id": "h", "source": "b.csv", "category": "clinic"}]})");
  CHECK(project_error(f).context().field == "layers[1].id");

  test::write_text(f, layer(R"(, "coverage_radius_m": -5)"));
  CHECK(project_error(f).context().field == "layers[0].coverage_radius_m");
}

TEST_CASE("opening a region fails as a whole on a bad layer", "[io][project]") {
  test::ScratchDir dir;
  test::write_text(dir / "good.csv", "name,lat,lon\na,33.8,130.5\n");
  test::write_text(dir / "p.caremap.json", R"({"id": "p", "municipalities": ["40220"],
      "layers": [{"id": "good", "source": "good.csv", "category": "clinic"},
                 {"id": "bad", "source": "missing.csv", "category": "clinic"}]})");
  try {
    (void)io::open_region(dir / "p.caremap.json");
    FAIL("region opened without its second layer");
  } catch (const core::InputError& e) {
    CHECK(e.context().file == (dir / "missing.csv").string());
  }

  // No codes and no CRS: the data extent decides; a geographic working CRS is refused.
  test::write_text(dir / "q.caremap.json", R"({"id": "q",
      "layers": [{"id": "good", "source": "good.csv", "category": "clinic"}]})");
  const io::Region q = io::open_region(dir / "q.caremap.json");
  CHECK(q.working_crs.epsg == 6670);
  CHECK_THAT(q.working_crs_reason, Catch::Contains("extent"));
  test::write_text(dir / "r.caremap.json",
                   R"({"id": "r", "working_crs": "EPSG:4326", "layers": []})");
  CHECK_THROWS_WITH(io::open_region(dir / "r.caremap.json"), Catch::Contains("metres"));
  test::write_text(dir / "s.caremap.json", R"({"id": "s", "working_crs": "EPSG:6670",
      "roads": "roads.osm.pbf", "layers": []})");
  CHECK_THROWS_WITH(io::open_region(dir / "s.caremap.json"), Catch::Contains("roads"));
}

TEST_CASE("valid_extent_lonlat is read, copied to every layer and validated", "[io][project]") {
  test::ScratchDir dir;
  const auto f = dir / "p.caremap.json";
  const auto with_extent = [](const std::string& extent) {
    return R"({"id": "p", "valid_extent_lonlat": )" + extent + R"(, "layers": [
        {"id": "a", "source": "a.csv", "category": "hospital"},
        {"id": "b", "source": "b.csv", "category": "clinic"}]})";
  };

  test::write_text(f, with_extent("[122.0, 20.0, 154.0, 46.5]"));
  const io::Project p = io::read_project(f);
  REQUIRE(p.valid_extent);
  CHECK(p.valid_extent->south_west.lon == 122.0);
  CHECK(p.valid_extent->south_west.lat == 20.0);
  CHECK(p.valid_extent->north_east.lon == 154.0);
  CHECK(p.valid_extent->north_east.lat == 46.5);
  REQUIRE(p.layers.size() == 2);
  for (const auto& l : p.layers) {
    INFO(l.id);
    REQUIRE(l.valid_extent);
    CHECK(l.valid_extent->south_west.lon == 122.0);
    CHECK(l.valid_extent->north_east.lat == 46.5);
  }

  test::write_text(f, R"({"id": "p", "layers": []})");
  CHECK_FALSE(io::read_project(f).valid_extent);

  // Integers are numbers too.
  test::write_text(f, with_extent("[-10, -5, 10, 5]"));
  CHECK(io::read_project(f).valid_extent->south_west.lon == -10.0);

  const char* bad[] = {
      "[122.0, 20.0, 154.0]",             // three numbers
      "[122.0, 20.0, 154.0, 46.5, 0.0]",  // five
      "\"122,20,154,46.5\"",              // not an array
      "[122.0, \"20\", 154.0, 46.5]",     // a string inside
      "[154.0, 20.0, 122.0, 46.5]",       // min_lon > max_lon
      "[122.0, 46.5, 154.0, 20.0]",       // min_lat > max_lat
      "[122.0, 20.0, 122.0, 46.5]",       // empty width
      "[122.0, 20.0, 190.0, 46.5]",       // beyond 180 E
      "[-181.0, 20.0, 154.0, 46.5]",      // beyond 180 W
      "[122.0, -91.0, 154.0, 46.5]",      // beyond the South Pole
      "[122.0, 20.0, 154.0, 95.0]",       // beyond the North Pole
  };
  for (const char* extent : bad) {
    INFO(extent);
    test::write_text(f, with_extent(extent));
    const auto e = project_error(f);
    CHECK(e.context().file == f.string());
    CHECK(e.context().field == "valid_extent_lonlat");
    CHECK_THAT(e.what(), Catch::Contains("valid_extent_lonlat"));
  }
}

TEST_CASE("the Japanese projects carry Japan's extent, Monaco none", "[io][project]") {
  for (const char* name : {"munakata-fukutsu", "itabashi", "national"}) {
    INFO(name);
    const io::Project p =
        io::read_project(test::data_dir() / (std::string(name) + ".caremap.json"));
    REQUIRE(p.valid_extent);
    // Japan spans about 122.93-153.99 E, 20.42-45.56 N.
    CHECK(p.valid_extent->south_west.lon < 122.93);
    CHECK(p.valid_extent->north_east.lon > 153.99);
    CHECK(p.valid_extent->south_west.lat < 20.42);
    CHECK(p.valid_extent->north_east.lat > 45.56);
  }
  CHECK_FALSE(io::read_project(test::data_dir() / "monaco.caremap.json").valid_extent);
}

TEST_CASE("saved views round-trip through the project file, other keys kept", "[io][project]") {
  test::ScratchDir dir;
  const auto f = dir / "p.caremap.json";
  test::write_text(f, R"({"id": "p", "title": "宗像市・福津市", "_comment": "kept",
      "layers": [{"id": "h", "source": "h.csv", "category": "hospital"}]})");
  CHECK(io::read_project(f).views.empty());

  io::SavedView gaps;
  gaps.title = "診療所から4 km の空白地域";
  gaps.extent = crs::GeoBox{{130.45, 33.70}, {130.65, 33.88}};
  gaps.layers = {"h", "coverage_gap"};
  gaps.coverage = io::ViewCoverage{core::Category::clinic, 4000.0};
  io::SavedView all;
  all.title = "All";
  all.extent = crs::GeoBox{{130.4, 33.6}, {130.7, 33.95}};
  io::write_project_views(f, {gaps, all});

  const io::Project p = io::read_project(f);
  CHECK(p.title == "宗像市・福津市");
  REQUIRE(p.layers.size() == 1);
  REQUIRE(p.views.size() == 2);
  CHECK(p.views[0].title == gaps.title);
  CHECK(p.views[0].extent.south_west.lon == 130.45);
  CHECK(p.views[0].extent.north_east.lat == 33.88);
  CHECK(p.views[0].layers == gaps.layers);
  CHECK(p.views[0].coverage == gaps.coverage);
  CHECK(p.views[1].title == "All");
  CHECK(p.views[1].layers.empty());
  CHECK_FALSE(p.views[1].coverage);
  CHECK(test::read_text(f).find("\"_comment\": \"kept\"") != std::string::npos);

  io::write_project_views(f, {});  // no views: the key goes
  CHECK(io::read_project(f).views.empty());
  CHECK(test::read_text(f).find("views") == std::string::npos);
}

TEST_CASE("a bad view names the file and the field", "[io][project]") {
  test::ScratchDir dir;
  const auto f = dir / "p.caremap.json";
  auto with_views = [&](const std::string& views) {
    test::write_text(f, R"({"id": "p", "layers": [], "views": )" + views + "}");
    return project_error(f);
  };
  const std::string box = R"("extent_lonlat": [130.4, 33.6, 130.7, 33.95])";
  auto e = with_views(R"({"title": "x"})");
  CHECK(e.context().file == f.string());
  CHECK(e.context().field == "views");
  CHECK(with_views(R"([{"title": "x"}])").context().field == "views[0].extent_lonlat");
  CHECK(with_views("[{" + box + "}]").context().field == "views[0].title");
  CHECK(with_views(R"([{"title": "a", )" + box + R"(}, {"title": "b", "extent_lonlat": [1, 2]}])")
            .context()
            .field == "views[1].extent_lonlat");
  CHECK(with_views(R"([{"title": "x", )" + box + R"(, "layers": [3]}])").context().field ==
        "views[0].layers[0]");
  e = with_views(R"([{"title": "x", )" + box + R"(, "zoom": 12}])");
  CHECK(e.context().field == "views[0].zoom");
  CHECK_THAT(e.what(), Catch::Contains("extent_lonlat"));
  CHECK(with_views(R"([{"title": "x", )" + box + R"(, "coverage": {"category": "clinc"}}])")
            .context()
            .field == "views[0].coverage.category");
  CHECK(with_views(R"([{"title": "x", )" + box +
                   R"(, "coverage": {"category": "clinic", "radius_m": 0}}])")
            .context()
            .field == "views[0].coverage.radius_m");
  CHECK(with_views("[7]").context().field == "views[0]");
}

TEST_CASE("writing views to a missing or broken project file names it", "[io][project]") {
  test::ScratchDir dir;
  const auto f = dir / "p.caremap.json";
  CHECK_THROWS_AS(io::write_project_views(f, {}), core::OutputError);
  test::write_text(f, "{ broken");
  try {
    io::write_project_views(f, {});
    FAIL("no error");
  } catch (const core::OutputError& e) {
    CHECK(e.context().file == f.string());
  }
}
