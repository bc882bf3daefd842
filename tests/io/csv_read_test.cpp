#include <catch2/catch.hpp>
#include <thread>

#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/io_test_support.hpp"
#include "io/read.hpp"

using namespace caremap;

namespace {

const crs::CrsRef kZone2 = crs::CrsRef::from_epsg(6670);

// Three real hospitals from the default region (MHLW coordinates), IDs with a leading zero
// added to check that codes stay text.
const std::string kHospitals =
    "ID,正式名称,所在地座標（緯度）,所在地座標（経度）,病床数\n"
    "04011400003350,宗像医師会病院,33.806377,130.534045,199\n"
    "04011400002870,宗像水光会総合病院,33.761437,130.497574,300\n"
    "04011400003370,蜂須賀病院,33.798593,130.536468,\n";

std::vector<std::string> names_of(const io::LoadedLayer& l) {
  std::vector<std::string> out;
  for (std::uint32_t i = 0; i < l.layer->size(); ++i) {
    out.push_back(l.layer->display_name(core::FeatureId{i}));
  }
  return out;
}

}  // namespace

TEST_CASE("a UTF-8 CSV loads with Japanese columns, text IDs and projected points", "[io][csv]") {
  test::ScratchDir dir;
  test::write_text(dir / "hospitals.csv", kHospitals);
  io::ReadOptions o;
  o.capacity_field = "病床数";
  const io::LoadedLayer l = io::read_file(dir / "hospitals.csv", o, kZone2);
  REQUIRE(l.layer->size() == 3);
  CHECK(l.diagnostics.empty());
  CHECK(l.layer->category == core::Category::hospital);  // guessed from the file name
  CHECK(l.layer->crs == "EPSG:6670");
  CHECK(names_of(l) ==
        std::vector<std::string>{"宗像医師会病院", "宗像水光会総合病院", "蜂須賀病院"});
  // Coordinate columns become the geometry, not attributes.
  CHECK_FALSE(l.layer->field_index("所在地座標（緯度）").has_value());
  const auto id = l.layer->require_field("ID");
  CHECK(std::get<std::string>(l.layer->features[0].values[id]) == "04011400003350");
  CHECK(l.layer->capacity(core::FeatureId{0}) == 199.0);
  CHECK_FALSE(l.layer->capacity(core::FeatureId{2}).has_value());  // empty -> unknown
  CHECK(l.layer->fields[*l.layer->capacity_field].type == core::FieldType::integer);
  // Same point through the transformer directly.
  const auto expected = crs::Transformer::from_wgs84(kZone2).forward({130.534045, 33.806377});
  const auto p = std::get<core::XY>(l.layer->features[0].geometry);
  CHECK(p.x == Approx(expected.x).margin(1e-6));
  CHECK(p.y == Approx(expected.y).margin(1e-6));
  CHECK(l.layer->features[0].source_row == 1);
}

TEST_CASE("CP932 and BOM-prefixed CSVs load with the same Japanese text", "[io][csv]") {
  test::ScratchDir dir;
  test::write_text(dir / "utf8.csv", kHospitals);
  test::iconv_file(dir / "utf8.csv", dir / "sjis.csv", "CP932");
  test::write_text(dir / "bom.csv", "\xEF\xBB\xBF" + kHospitals);
  REQUIRE(test::read_text(dir / "sjis.csv") != kHospitals);

  io::ReadOptions o;
  o.category = core::Category::hospital;
  const auto utf8 = io::read_file(dir / "utf8.csv", o, kZone2);
  const auto sjis = io::read_file(dir / "sjis.csv", o, kZone2);
  const auto bom = io::read_file(dir / "bom.csv", o, kZone2);
  CHECK(names_of(sjis) == names_of(utf8));
  CHECK(names_of(bom) == names_of(utf8));
  CHECK(sjis.layer->fields.front().name == "ID");  // the BOM is not part of the first name
  CHECK(bom.layer->fields.front().name == "ID");
  CHECK(sjis.layer->fields[1].name == "正式名称");
  bool has_cp932 = false;
  for (const auto& [k, v] : sjis.layer->provenance.parameters) {
    has_cp932 = has_cp932 || (k == "encoding" && v == "CP932");
  }
  CHECK(has_cp932);

  // Declared encoding: CP932 given explicitly works; UTF-8 declared on CP932 bytes is an error.
  o.encoding = "Shift_JIS";
  CHECK(names_of(io::read_file(dir / "sjis.csv", o, kZone2)) == names_of(utf8));
  o.encoding = "UTF-8";
  CHECK_THROWS_AS(io::read_file(dir / "sjis.csv", o, kZone2), core::InputError);
}

TEST_CASE("explicit x/y fields and other coordinate column names", "[io][csv]") {
  test::ScratchDir dir;
  test::write_text(dir / "points.csv",
                   "name,east,north,経度,緯度\n"
                   "a,-46295.9643,88832.7856,1,1\n");
  io::ReadOptions o;
  o.x_field = "east";
  o.y_field = "north";
  o.source_crs = kZone2;
  const auto l = io::read_file(dir / "points.csv", o, crs::CrsRef::wgs84());
  REQUIRE(l.layer->size() == 1);
  const auto p = std::get<core::XY>(l.layer->features[0].geometry);
  CHECK(p.x == Approx(130.5).margin(1e-8));
  CHECK(p.y == Approx(33.8).margin(1e-8));
  CHECK(l.layer->field_index("経度").has_value());  // not the chosen columns: kept as data

  test::write_text(dir / "jp.csv", "名称,緯度,経度\n宗像市役所,33.805,130.540\n");
  const auto jp = io::read_file(dir / "jp.csv", {}, crs::CrsRef::wgs84());
  REQUIRE(jp.layer->size() == 1);
  CHECK(std::get<core::XY>(jp.layer->features[0].geometry) == core::XY{130.540, 33.805});
  CHECK(jp.layer->display_name(core::FeatureId{0}) == "宗像市役所");

  test::write_text(dir / "xy.csv", "X,Y,id\n130.54,33.805,007\n");
  const auto xy = io::read_file(dir / "xy.csv", {}, crs::CrsRef::wgs84());
  REQUIRE(xy.layer->size() == 1);
  CHECK(std::get<std::string>(xy.layer->features[0].values[0]) == "007");
  // With no name column, the id names the point (not "#1").
  CHECK(xy.layer->display_name(core::FeatureId{0}) == "007");
}

TEST_CASE("bad rows are reported with their row and skipped", "[io][csv]") {
  test::ScratchDir dir;
  test::write_text(dir / "bad.csv",
                   "name,lat,lon\n"
                   "good,33.8,130.5\n"                // row 1
                   "empty,,130.5\n"                   // row 2
                   "zero,0,0\n"                       // row 3
                   "swapped,130.5,33.8\n"             // row 4
                   "range,33.8,190\n"                 // row 5
                   "text,33.8,東経130\n"              // row 6
                   "\"quoted, name\",33.9,130.6\n");  // row 7
  const auto l = io::read_file(dir / "bad.csv", {}, kZone2);
  CHECK(l.layer->size() == 2);
  CHECK(l.layer->features[1].source_row == 7);
  CHECK(l.layer->display_name(core::FeatureId{1}) == "quoted, name");
  REQUIRE(l.diagnostics.size() == 5);
  const auto& d = l.diagnostics.items();
  CHECK(d[0].code == "empty_coordinates");
  CHECK(d[0].row == 2u);
  CHECK(d[0].field == "lat");
  CHECK(d[1].code == "zero_coordinates");
  CHECK(d[1].row == 3u);
  CHECK(d[2].code == "swapped_coordinates");
  CHECK(d[2].row == 4u);
  CHECK(d[3].code == "out_of_range_coordinates");
  CHECK(d[3].row == 5u);
  CHECK(d[3].field == "lon");
  CHECK(d[4].code == "unparsable_coordinates");
  CHECK(d[4].row == 6u);
  CHECK(d[4].file == (dir / "bad.csv").string());
  for (const auto& diag : d) {
    CHECK(diag.severity == core::Severity::warning);
  }
}

TEST_CASE("an unclosed quote is named, not read silently into one field", "[io][csv]") {
  test::ScratchDir dir;
  SECTION("the rest of the file swallowed: the row loses its coordinates") {
    test::write_text(dir / "unclosed.csv",
                     "name,lat,lon\n"
                     "\"Ａ病院,33.8,130.5\n"  // row 1: the quote is never closed
                     "B,33.81,130.51\n"
                     "C,33.82,130.52\n");
    const auto l = io::read_file(dir / "unclosed.csv", {}, kZone2);
    CHECK(l.layer->size() == 0);
    REQUIRE(l.diagnostics.size() == 1);
    CHECK(l.diagnostics.items()[0].code == "multiline_text");
    CHECK(l.diagnostics.items()[0].row == 1u);
    CHECK(l.diagnostics.items()[0].field == "name");
  }
  SECTION("a proper two-line address with empty coordinates is just empty") {
    test::write_text(dir / "address.csv",
                     "name,address,lat,lon\n"
                     "A,\"1-2\n宗像\",,\n");
    const auto l = io::read_file(dir / "address.csv", {}, kZone2);
    REQUIRE(l.diagnostics.size() == 1);
    CHECK(l.diagnostics.items()[0].code == "empty_coordinates");
  }
  SECTION("a quote closed on a later line: the row is kept and the field named") {
    test::write_text(dir / "two_lines.csv",
                     "name,lat,lon\n"
                     "\"A\nB\",33.8,130.5\n"
                     "C,33.82,130.52\n");
    const auto l = io::read_file(dir / "two_lines.csv", {}, kZone2);
    CHECK(l.layer->size() == 2);
    REQUIRE(l.diagnostics.size() == 1);
    CHECK(l.diagnostics.items()[0].code == "multiline_text");
    CHECK(l.diagnostics.items()[0].field == "name");
  }
}

TEST_CASE("points PROJ cannot transform are reported by row and skipped, with their role",
          "[io][csv]") {
  test::ScratchDir dir;
  // Plane rectangular coordinates: row 2 is a billion kilometres out, beyond the projection.
  test::write_text(dir / "far.csv",
                   "id,name,east,north,beds\n"
                   "1,a,-46295.9643,88832.7856,10\n"
                   "2,b,1000000000000000,1000000000000000,20\n"
                   "3,c,-46000,88000,30\n");
  io::LayerSpec spec;
  spec.id = "far";
  spec.source = "far.csv";
  spec.category = core::Category::hospital;
  spec.x_field = "east";
  spec.y_field = "north";
  spec.source_crs = kZone2;
  spec.capacity_field = "beds";
  spec.roles.push_back({"id", "2", core::Category::backup_hospital, "test"});
  const auto l = io::read_layer(spec, crs::CrsRef::wgs84(), dir.path());
  REQUIRE(l.layer->size() == 2);
  CHECK(l.rows.read == 3);
  CHECK(l.rows.skipped == 1);
  CHECK(l.layer->features[1].source_row == 3);
  CHECK(l.layer->capacity(core::FeatureId{1}) == 30.0);  // capacities stay with their rows
  const auto p = std::get<core::XY>(l.layer->features[0].geometry);
  CHECK(p.x == Approx(130.5).margin(1e-8));
  CHECK(p.y == Approx(33.8).margin(1e-8));
  REQUIRE(l.diagnostics.count("out_of_range_coordinates") == 1);
  for (const auto& d : l.diagnostics.items()) {
    if (d.code == "out_of_range_coordinates") {
      CHECK(d.row == 2u);
    }
  }
  // The only row the role matched was skipped: the role is reported as unmatched.
  CHECK(l.diagnostics.count("role_unmatched") == 1);
}

TEST_CASE("capacity is parsed by caremap with diagnostics", "[io][csv]") {
  test::ScratchDir dir;
  test::write_text(dir / "care.csv",
                   "事業所名,緯度,経度,定員\n"
                   "a,33.8,130.5,50\n"
                   "b,33.8,130.5,0\n"
                   "c,33.8,130.5,多数\n"
                   "d,33.8,130.5,\n");
  io::ReadOptions o;
  o.capacity_field = "定員";
  const auto l = io::read_file(dir / "care.csv", o, kZone2);
  REQUIRE(l.layer->size() == 4);
  CHECK(l.layer->category == core::Category::care_facility);  // guessed from the name
  CHECK(l.layer->capacity(core::FeatureId{0}) == 50.0);
  CHECK(l.layer->capacity(core::FeatureId{1}) == 0.0);  // kept: zero_capacity_is_unknown is off
  CHECK_FALSE(l.layer->capacity(core::FeatureId{2}).has_value());
  CHECK(l.diagnostics.count("unparsable_number") == 1);
  CHECK(l.diagnostics.items().front().row == 3u);

  io::LayerSpec spec;
  spec.id = "care";
  spec.source = "care.csv";
  spec.category = core::Category::care_facility;
  spec.capacity_field = "定員";
  spec.zero_capacity_is_unknown = true;
  const auto unknown = io::read_layer(spec, kZone2, dir.path());
  CHECK_FALSE(unknown.layer->capacity(core::FeatureId{1}).has_value());
  CHECK(unknown.diagnostics.count("zero_capacity") == 1);
}

TEST_CASE("filters and feature roles", "[io][csv]") {
  test::ScratchDir dir;
  test::write_text(dir / "h.csv",
                   "ID,name,code,lat,lon\n"
                   "1,a,40220,33.8,130.5\n"
                   "2,b,40231,0,0\n"  // other city, and bad: filtered out before any check
                   "3,c,402249,33.76,130.48\n");
  io::LayerSpec spec;
  spec.id = "h";
  spec.source = "h.csv";
  spec.category = core::Category::hospital;
  spec.filter = io::AttributeFilter{"code", {"40220"}, {"40224"}};
  spec.roles.push_back({"ID", "3", core::Category::backup_hospital, "https://example.org/role"});
  spec.roles.push_back({"ID", "99", core::Category::backup_hospital, "nowhere"});
  const auto l = io::read_layer(spec, kZone2, dir.path());
  REQUIRE(l.layer->size() == 2);
  CHECK(l.layer->count(core::Category::backup_hospital) == 1);
  CHECK(l.layer->count(core::Category::hospital) == 2);
  CHECK(l.layer->features[1].category == core::Category::backup_hospital);
  CHECK(l.diagnostics.count("zero_coordinates") == 0);
  CHECK(l.rows.read == 3);
  CHECK(l.rows.filtered_out == 1);
  CHECK(l.rows.skipped == 0);
  CHECK(l.diagnostics.count("role_unmatched") == 1);
  CHECK_THAT(core::summarize(l.layer->provenance), Catch::Contains("https://example.org/role"));
}

TEST_CASE("reads run concurrently on several threads", "[io][csv]") {
  const auto dir = test::data_dir() / "munakata-fukutsu";
  const std::vector<std::filesystem::path> files = {dir / "hospitals.csv", dir / "clinics.csv",
                                                    dir / "care_tokuyou.csv",
                                                    dir / "shelters_designated_emergency.geojson"};
  std::vector<std::size_t> expected;
  for (const auto& f : files) {
    expected.push_back(io::read_file(f, {}, kZone2).layer->size());
  }
  std::vector<std::size_t> mismatches(files.size(), 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < files.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        if (io::read_file(files[t], {}, kZone2).layer->size() != expected[t]) {
          ++mismatches[t];
        }
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  CHECK(mismatches == std::vector<std::size_t>(files.size(), 0));
}
