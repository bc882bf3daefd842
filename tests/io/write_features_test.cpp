// Streamed writing (io::write_features): the same file as writing the layer, block after block,
// and still atomic when the source fails half-way.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <stdexcept>

#include "core/error.hpp"
#include "core/feature_source.hpp"
#include "crs/crs_ref.hpp"
#include "io/io_test_support.hpp"
#include "io/write.hpp"

using namespace caremap;

namespace {

// Points on a grid in EPSG:6670 with a text, an integer and a real field; more rows than one
// block of the CSV writer, so the stream crosses block boundaries.
class GridPoints final : public core::FeatureSource {
 public:
  explicit GridPoints(std::size_t n, std::size_t fail_at = SIZE_MAX) : m_n(n), m_fail_at(fail_at) {
    m_schema.id = "grid";
    m_schema.category = core::Category::demand;
    m_schema.crs = "EPSG:6670";
    m_schema.fields = {{"name", core::FieldType::text},
                       {"n", core::FieldType::integer},
                       {"d_m", core::FieldType::real}};
    m_schema.name_field = 0;
  }
  const core::Layer& schema() const override { return m_schema; }
  std::size_t size() const override { return m_n; }
  void get(std::size_t i, core::Feature& out) const override {
    if (i == m_fail_at) {
      throw std::runtime_error("source failed");
    }
    out.category = core::Category::demand;
    out.geometry = core::XY{-30000.0 + static_cast<double>(i % 300) * 7.5,
                            60000.0 + static_cast<double>(i / 300) * 11.25};
    out.values = {"p, \"" + std::to_string(i) + "\"", static_cast<std::int64_t>(i),
                  static_cast<double>(i) / 3.0};
  }

 private:
  core::Layer m_schema;
  std::size_t m_n;
  std::size_t m_fail_at;
};

core::Layer gathered(const core::FeatureSource& source) {
  core::Layer l = source.schema();
  l.features.resize(source.size());
  for (std::size_t i = 0; i < source.size(); ++i) {
    source.get(i, l.features[i]);
  }
  return l;
}

}  // namespace

TEST_CASE("a streamed CSV is byte for byte the CSV of the same features as a layer",
          "[io][write][stream]") {
  test::ScratchDir dir;
  const GridPoints source(40000);
  io::write_features(source, dir / "streamed.csv");
  io::write_layer(gathered(source), dir / "layer.csv");
  const std::string streamed = test::read_text(dir / "streamed.csv");
  CHECK(streamed == test::read_text(dir / "layer.csv"));
  CHECK(std::count(streamed.begin(), streamed.end(), '\n') == 40001);
  CHECK(test::read_text(dir / "streamed.csv.provenance.json") ==
        test::read_text(dir / "layer.csv.provenance.json"));
}

TEST_CASE("a stream that fails half-way leaves the earlier output and no temporary file",
          "[io][write][stream]") {
  test::ScratchDir dir;
  test::write_text(dir / "out.csv", "earlier result\n");
  CHECK_THROWS_AS(io::write_features(GridPoints(40000, 20000), dir / "out.csv"), core::OutputError);
  CHECK(test::read_text(dir / "out.csv") == "earlier result\n");
  CHECK(dir.files() == std::vector<std::string>{"out.csv"});
}

TEST_CASE("GDAL formats get the streamed features too", "[io][write][stream]") {
  test::ScratchDir dir;
  const GridPoints source(500);
  io::write_features(source, dir / "grid.geojson");
  const std::string text = test::read_text(dir / "grid.geojson");
  CHECK(text.find("\"n\": 499") != std::string::npos);
}

TEST_CASE("a CSV formatted on several threads is the CSV formatted on one", "[io][write][stream]") {
  test::ScratchDir dir;
  // Five blocks of the writer and a part of one: rounds of 2 and 3 threads end part-way.
  const GridPoints source(5 * 16384 + 77);
  io::WriteOptions one;
  one.crs = crs::CrsRef::parse("EPSG:6670");
  one.threads = 1;
  io::write_features(source, dir / "one.csv", one);
  const std::string expected = test::read_text(dir / "one.csv");
  CHECK(std::count(expected.begin(), expected.end(), '\n') == 5 * 16384 + 78);
  // The first row of the second block, as x/y in metres (row 16384: grid column 184, row 54).
  CHECK(expected.find("\n\"p, \"\"16384\"\"\",16384,5461.333333333333,-28620,60607.5\n") !=
        std::string::npos);
  for (const unsigned threads : {2u, 3u, 8u}) {
    io::WriteOptions many = one;
    many.threads = threads;
    io::write_features(source, dir / "many.csv", many);
    CHECK(test::read_text(dir / "many.csv") == expected);
  }
}

TEST_CASE("a row failing on another thread fails the write atomically", "[io][write][stream]") {
  test::ScratchDir dir;
  test::write_text(dir / "out.csv", "earlier result\n");
  io::WriteOptions options;
  options.threads = 3;
  // Row 40000 is in the third block: formatted by the third thread of the first round.
  CHECK_THROWS_AS(io::write_features(GridPoints(100000, 40000), dir / "out.csv", options),
                  core::OutputError);
  CHECK(test::read_text(dir / "out.csv") == "earlier result\n");
  CHECK(dir.files() == std::vector<std::string>{"out.csv"});
}
