#include "io/estat_mesh.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "io/project.hpp"
#include "io/read.hpp"
#include "io/text_encoding.hpp"
#include "io_test_support.hpp"

using namespace caremap;
using Catch::Matchers::Contains;

namespace {

// A hand-made file in the e-Stat format, with both kinds of secret cell:
//  - 503054631 ordinary: 100 people, 30 aged 65+, 12 aged 75+;
//  - 503054632 receives 503054633 and 503054634 (HTKSYORI 1, GASSAN): own total 20, but its
//    65+ (14), 75+ (7) and 高齢単身世帯 (5) count the whole group of 20 + 6 + 4 = 30 people
//    and 8 + 3 + 2 = 13 households;
//  - 503054633 / 503054634 withheld (HTKSYORI 2, HTKSAKI): own totals, "*" elsewhere;
//  - 503054641 withheld into 503154641, a cell of another first-level mesh not in the file;
//  - 503054642 ordinary with "X" (secret) for 65+ and "-" (none) for 75+;
// and one column whose label caremap does not know.
std::string header(const std::string& prefix) {
  return "KEY_CODE,HTKSYORI,HTKSAKI,GASSAN," + prefix + "001," + prefix + "002," + prefix + "003," +
         prefix + "019," + prefix + "022," + prefix + "034," + prefix + "049," + prefix +
         "099\r\n" +
         ",,,,　人口（総数）,　人口（総数）　男,　人口（総数）　女,　６５歳以上人口　総数,"
         "　７５歳以上人口　総数,　世帯総数,　高齢単身世帯数　一般世帯数,　謎の集計\r\n";
}

const std::string kRows =
    "503054631,0,,,100,48,52,30,12,40,6,1\r\n"
    "503054632,1,,503054633;503054634,20,10,10,14,7,8,5,1\r\n"
    "503054633,2,503054632,,6,3,3,*,*,3,*,*\r\n"
    "503054634,2,503054632,,4,2,2,*,*,2,*,*\r\n"
    "503054641,2,503154641,,5,2,3,*,*,2,*,*\r\n"
    "503054642,0,,,50,25,25,X,-,20,3,0\r\n";

const io::EstatCell& cell(const io::EstatTable& t, std::uint64_t code) {
  for (const auto& c : t.cells) {
    if (c.code == code) {
      return c;
    }
  }
  FAIL("no cell " << code);
  throw std::logic_error("unreachable");
}

double value(const io::EstatTable& t, std::uint64_t code, const char* field) {
  const auto i = t.field_index(field);
  REQUIRE(i);
  const auto v = cell(t, code).values[*i];
  REQUIRE(v);
  return *v;
}

bool is_null(const io::EstatTable& t, std::uint64_t code, const char* field) {
  return !cell(t, code).values[*t.field_index(field)].has_value();
}

void check_hand_made(const io::EstatTable& t) {
  const auto& r = t.report;
  CHECK(r.rows == 6);
  CHECK(r.cells == 6);
  CHECK(r.skipped_rows == 0);
  CHECK(r.ordinary_cells == 2);
  CHECK(r.receiving_cells == 1);
  CHECK(r.withheld_cells == 3);
  CHECK(r.shared_cells == 3);
  CHECK(r.unresolved_withheld == 1);
  CHECK(r.people == Approx(185.0));
  REQUIRE(r.unknown_columns.size() == 1);
  CHECK(r.unknown_columns[0].label == "　謎の集計");
  CHECK(r.levels == std::vector<std::string>{"500m"});

  // Totals are each cell's own, summed cell by cell.
  CHECK(value(t, 503054632, "pop_total") == 20.0);
  CHECK(value(t, 503054633, "pop_total") == 6.0);
  CHECK(value(t, 503054633, "pop_male") == 3.0);
  CHECK(value(t, 503054634, "households") == 2.0);
  // The group's 65+ (14) and 75+ (7) shared by people: 20/30, 6/30, 4/30.
  CHECK(value(t, 503054632, "pop_65plus") == Approx(14.0 * 20.0 / 30.0));
  CHECK(value(t, 503054633, "pop_65plus") == Approx(14.0 * 6.0 / 30.0));
  CHECK(value(t, 503054634, "pop_65plus") == Approx(14.0 * 4.0 / 30.0));
  CHECK(value(t, 503054632, "pop_75plus") + value(t, 503054633, "pop_75plus") +
            value(t, 503054634, "pop_75plus") ==
        Approx(7.0));
  // The household type shared by households: 8/13, 3/13, 2/13.
  CHECK(value(t, 503054633, "households_elderly_single") == Approx(5.0 * 3.0 / 13.0));
  CHECK(cell(t, 503054633).group == 503054632u);
  CHECK(cell(t, 503054632).group == 503054632u);
  CHECK(cell(t, 503054633).status == io::SecretStatus::withheld);
  // Ordinary cells keep their own figures; "X" is unknown, "-" is none.
  CHECK(value(t, 503054631, "pop_65plus") == 30.0);
  CHECK(is_null(t, 503054642, "pop_65plus"));
  CHECK(value(t, 503054642, "pop_75plus") == 0.0);
  // A group whose receiving cell lies in another file: its breakdown stays unknown.
  CHECK(is_null(t, 503054641, "pop_65plus"));
  CHECK(value(t, 503054641, "pop_total") == 5.0);
  CHECK(t.diagnostics.count("secret_group_missing") == 1);
}

}  // namespace

TEST_CASE("e-Stat mesh file: secret cells, totals cell by cell, group ages shared", "[io][estat]") {
  check_hand_made(io::parse_estat_mesh(header("T001101") + kRows, "hand.txt"));
}

TEST_CASE("e-Stat mesh file of another year: other item codes, same labels", "[io][estat]") {
  // The 2015 census numbered its items T000847...; the labels are what caremap reads.
  std::string text = header("T000847") + kRows;
  // Written with half-width brackets and ASCII spaces (as a spreadsheet may save it): the
  // normalised labels still match.
  auto replace = [&](const std::string& from, const std::string& to) {
    text.replace(text.find(from), from.size(), to);
  };
  replace("　６５歳以上人口　総数", "65歳以上人口 総数");
  replace("　人口（総数）,", "人口(総数),");
  const io::EstatTable t = io::parse_estat_mesh(text, "2015.txt");
  check_hand_made(t);
  CHECK(t.report.columns.front().item_code == "T000847001");
  CHECK(io::estat_field_for_label("０〜１４歳人口　総数")->name == "pop_0_14");
  CHECK(io::estat_field_for_label("人口(総数)")->name == "pop_total");
  CHECK(io::estat_field_for_label("　８５歳以上人口　女")->name == "pop_85plus_female");
  CHECK_FALSE(io::estat_field_for_label("　謎の集計"));
}

TEST_CASE("e-Stat mesh file: broken rows are named by row and field", "[io][estat]") {
  const std::string text = header("T001101") +
                           "503054631,0,,,100,48,52,30,12,40,6,1\r\n"
                           "503054632,0,,,abc,10,10,4,2,8,1,0\r\n"  // row 2: total not a count
                           "503054633,0,,,10,5\r\n"                 // row 3: short row
                           "12345,0,,,10,5,5,1,1,4,0,0\r\n"         // row 4: not a mesh code
                           "503054634,0,,,10,5,5,zz,1,4,0,0\r\n"    // row 5: 65+ not a count
                           "503054631,0,,,1,1,0,0,0,1,0,0\r\n";     // row 6: duplicate
  const io::EstatTable t = io::parse_estat_mesh(text, "broken.txt");
  CHECK(t.report.rows == 6);
  CHECK(t.report.cells == 2);
  CHECK(t.report.skipped_rows == 4);
  auto find = [&](std::size_t row) -> const core::Diagnostic& {
    for (const auto& d : t.diagnostics.items()) {
      if (d.row == row) {
        return d;
      }
    }
    FAIL("no diagnostic for row " << row);
    throw std::logic_error("unreachable");
  };
  CHECK(find(2).field == "pop_total");
  CHECK(find(2).code == "unparsable_count");
  CHECK_THAT(find(2).message, Contains("abc") && Contains("row skipped"));
  CHECK(find(2).file == "broken.txt");
  CHECK(find(3).code == "estat_column_count");
  CHECK(find(4).field == "KEY_CODE");
  CHECK(find(4).code == "invalid_mesh_code");
  CHECK(find(5).field == "pop_65plus");
  CHECK(is_null(t, 503054634, "pop_65plus"));
  CHECK(find(6).code == "duplicate_mesh_code");

  CHECK_THROWS_WITH(io::parse_estat_mesh("id,name\n1,a\n", "other.csv"),
                    Contains("other.csv") && Contains("KEY_CODE"));
  CHECK_THROWS_WITH(io::parse_estat_mesh("KEY_CODE,T1\n,　世帯総数\n503054631,4\n", "nototal.txt"),
                    Contains("人口（総数）"));
}

// Found by fuzz_estat_mesh (fuzz/corpus/estat_mesh/crash-huge-count.txt): a whole number too large
// for an integer field was converted to std::int64_t, which is undefined behaviour.
TEST_CASE("e-Stat mesh file: a count too large for an integer stays a real number", "[io][estat]") {
  test::ScratchDir dir;
  const auto path = dir / "tblT001101H5030.txt";
  const std::string huge = "5555555555555555555555555555";
  test::write_text(path, header("T001101") + "503054631,0,,,100,48,52,30,12,40,6,1\r\n" +
                             "503054632,0,,," + huge + ",10,10,14,7,8,5,1\r\n");
  io::LayerSpec spec;
  spec.id = "population";
  const auto read = io::read_estat_mesh(spec, path, crs::CrsRef::parse("EPSG:6670"));
  const core::Layer& layer = *read.loaded.layer;
  REQUIRE(layer.size() == 2);
  const auto total = layer.require_field("pop_total");
  CHECK(layer.fields[total].type == core::FieldType::real);
  CHECK(core::to_number(layer.features[0].values[total]).value() == 100.0);
  CHECK(core::to_number(layer.features[1].values[total]).value() == Approx(5.5555555555555556e27));
  // A column of ordinary counts keeps its integer type.
  CHECK(layer.fields[layer.require_field("pop_male")].type == core::FieldType::integer);
}

// Found by fuzz_estat_mesh (fuzz/corpus/estat_mesh/crash-repeated-fixed-columns.txt): a header
// naming KEY_CODE, HTKSYORI, HTKSAKI and GASSAN twice left the label of a later data column
// looked up at the wrong index, past the end of the column list (ASan: use after free).
TEST_CASE("e-Stat mesh file: a fixed column named twice is refused, naming it", "[io][estat]") {
  const std::string twice =
      "KEY_CODE,HTKSYORI,T001101001,HTKSYORI,T001101019\r\n"
      ",,　人口（総数）,,　６５歳以上人口　総数\r\n"
      "503054631,0,100,0,zz\r\n";
  CHECK_THROWS_AS(io::parse_estat_mesh(twice, "twice.txt"), core::InputError);
  CHECK_THROWS_WITH(io::parse_estat_mesh(twice, "twice.txt"), Contains("twice.txt") &&
                                                                  Contains("HTKSYORI twice") &&
                                                                  Contains("columns 2 and 4"));
  // The same columns once each: the broken 65+ count is reported with its own label.
  const io::EstatTable t = io::parse_estat_mesh(
      "KEY_CODE,T001101001,HTKSYORI,T001101019\r\n,　人口（総数）,,　６５歳以上人口　総数\r\n"
      "503054631,100,0,zz\r\n",
      "once.txt");
  REQUIRE(t.diagnostics.items().size() == 1);
  CHECK(t.diagnostics.items()[0].field == "pop_65plus");
  CHECK_THAT(t.diagnostics.items()[0].message, Contains("６５歳以上人口"));
}

TEST_CASE("e-Stat mesh file read as published: CP932, polygons, density, project entry",
          "[io][estat]") {
  test::ScratchDir dir;
  const auto path = dir / "tblT001101H5030.txt";
  test::write_text(path, io::utf8_to_cp932(header("T001101") + kRows));
  CHECK(io::is_estat_mesh_file(path));
  io::LayerSpec spec;
  spec.id = "population";
  spec.source = path;
  spec.data_date = "2020-10-01";
  spec.credit = "出典：政府統計の総合窓口(e-Stat)";
  const auto read = io::read_estat_mesh(spec, path, crs::CrsRef::parse("EPSG:6670"));
  const core::Layer& layer = *read.loaded.layer;
  CHECK(layer.category == core::Category::population);
  REQUIRE(layer.size() == 6);
  const auto total = layer.require_field("pop_total");
  const auto density = layer.require_field("pop_per_km2");
  const auto km2 = layer.require_field("area_km2");
  CHECK(layer.fields[total].type == core::FieldType::integer);
  CHECK(layer.fields[layer.require_field("pop_65plus")].type == core::FieldType::real);
  // A 500 m cell at 33.8° N: 15" of latitude (462 m) by 22.5" of longitude (579 m).
  const double area = core::to_number(layer.features[0].values[km2]).value();
  CHECK(area == Approx(0.2677).epsilon(0.01));
  CHECK(core::to_number(layer.features[0].values[density]).value() == Approx(100.0 / area));
  CHECK(core::to_text(layer.features[2].values[layer.require_field("secret_status")]) ==
        "withheld");
  CHECK(core::to_text(layer.features[2].values[layer.require_field("secret_group")]) ==
        "503054632");
  CHECK(layer.provenance.inputs.front().credit == spec.credit);

  // Through the ordinary reader (by content) and a project file's "population" entry.
  test::write_text(dir / "p.caremap.json",
                   R"({"id": "p", "working_crs": "EPSG:6670", "layers": [],
                       "population": {"source": "tblT001101H5030.txt", "data_date": "2020-10-01"}})");
  const io::Project project = io::read_project(dir / "p.caremap.json");
  REQUIRE(project.population);
  CHECK(project.population->category == core::Category::population);
  const auto loaded =
      io::read_layer(project.layers.back(), crs::CrsRef::parse("EPSG:6670"), dir.path());
  CHECK(loaded.layer->size() == 6);
  CHECK(loaded.layer->id == "population");
}
