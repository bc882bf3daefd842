// The parallel CSV path (io/csv_parts, io/parallel_read): a file read in parts on several
// threads gives the layer and the diagnostics of a read in one piece.
#include "io/parallel_read.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "core/diagnostics.hpp"
#include "io/csv_parts.hpp"
#include "io/io_test_support.hpp"

using namespace caremap;

namespace {

const crs::CrsRef kZone2 = crs::CrsRef::from_epsg(6670);

// 400 rows of points around Munakata with every kind of bad row the reader reports, and a
// quoted name with a line break and a comma (a record spanning two lines, so a cut must not fall
// inside it). The coordinates are generated, not facilities: only the reading is under test.
std::string demand_csv() {
  std::string text = "id,name,lon,lat\n";
  for (int i = 1; i <= 400; ++i) {
    const std::string lon = std::to_string(130.4 + 0.001 * i);
    const std::string lat = std::to_string(33.7 + 0.0005 * (i % 97));
    std::string name = "point " + std::to_string(i);
    if (i % 50 == 7) {
      name = "\"two\nlines, " + std::to_string(i) + "\"";
    }
    if (i % 61 == 0) {
      text += std::to_string(i) + "," + name + ",0,0\n";  // zero_coordinates
    } else if (i % 73 == 0) {
      text += std::to_string(i) + "," + name + ",east,33.7\n";  // unparsable_coordinates
    } else if (i % 89 == 0) {
      text += std::to_string(i) + "," + name + ",,\n";  // empty_coordinates
    } else {
      text += std::to_string(i) + "," + name + "," + lon + "," + lat + "\n";
    }
  }
  return text;
}

io::detail::ReadPlan plan_for(const std::filesystem::path& file) {
  io::LayerSpec spec;
  spec.id = "demand";
  spec.title = "demand";
  spec.source = file;
  spec.category = core::Category::demand;
  return io::detail::ReadPlan{spec, file, file.string(), true, true};
}

std::vector<std::string> formatted(const core::Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) {
    out.push_back(item.code + " | " + core::format(item));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("bytes are counted wherever they fall in the eight-byte words", "[io][csv]") {
  // Against a byte-by-byte count: every length to 40, the byte at every offset, runs of it, its
  // neighbours in value (a carry between bytes would miscount them) and high bytes.
  for (std::size_t length = 0; length < 40; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      std::string text(length, 'a');
      text[at] = '"';
      for (std::size_t k = at; k < length; k += 3) {
        text[k] = k % 2 == 0 ? '"' : static_cast<char>('"' + 1);
      }
      text[length - 1] = static_cast<char>(0xE5);
      const auto slow = static_cast<std::size_t>(std::count(text.begin(), text.end(), '"'));
      CHECK(io::detail::count_byte(text, '"') == slow);
      CHECK(io::detail::count_byte(text, '\x21') ==
            static_cast<std::size_t>(std::count(text.begin(), text.end(), '\x21')));
      CHECK(io::detail::count_byte(text, static_cast<char>(0xE5)) == 1);
    }
  }
  CHECK(io::detail::count_byte(std::string(1000, '\n'), '\n') == 1000);
  CHECK(io::detail::count_byte("", '\n') == 0);
}

TEST_CASE("CSV parts are whole records behind the header, never cut inside quotes",
          "[io][csv][parallel]") {
  const std::string text = demand_csv();
  const auto parts = io::detail::split_csv_records(text, 4, 1);
  REQUIRE(parts.size() == 4);
  std::string joined;
  for (const auto& p : parts) {
    REQUIRE(p.starts_with("id,name,lon,lat\n"));
    REQUIRE(p.back() == '\n');
    CHECK(std::count(p.begin(), p.end(), '"') % 2 == 0);
    joined += p.substr(std::string("id,name,lon,lat\n").size());
  }
  CHECK("id,name,lon,lat\n" + joined == text);

  SECTION("small texts, one part or a quote that never closes stay whole") {
    CHECK(io::detail::split_csv_records(text, 4, text.size()).size() == 1);
    CHECK(io::detail::split_csv_records(text, 1, 1).size() == 1);
    const std::string unclosed = "id,name,lon,lat\n1,\"open,130.5,33.7\n2,b,130.6,33.8\n";
    const auto one = io::detail::split_csv_records(unclosed, 2, 1);
    REQUIRE(one.size() == 1);
    CHECK(one.front() == unclosed);
  }
}

TEST_CASE("a CSV read in parts on threads equals the same CSV read in one piece",
          "[io][csv][parallel]") {
  test::ScratchDir dir;
  const auto file = dir / "demand.csv";
  test::write_text(file, demand_csv());
  const io::LoadedLayer whole = io::detail::read_in_parts(plan_for(file), kZone2, 1, 1);
  const unsigned threads = GENERATE(2u, 3u, 5u);
  const io::LoadedLayer parts = io::detail::read_in_parts(plan_for(file), kZone2, threads, 64);

  REQUIRE(whole.layer->size() > 380);
  REQUIRE(parts.layer->size() == whole.layer->size());
  CHECK(parts.rows.read == whole.rows.read);
  CHECK(parts.rows.skipped == whole.rows.skipped);
  CHECK(whole.rows.skipped == 6 + 5 + 4);  // multiples of 61, of 73, of 89
  for (std::size_t i = 0; i < whole.layer->size(); ++i) {
    const core::Feature& a = whole.layer->features[i];
    const core::Feature& b = parts.layer->features[i];
    REQUIRE(b.source_row == a.source_row);
    REQUIRE(b.values == a.values);
    const auto pa = std::get<core::XY>(a.geometry);
    const auto pb = std::get<core::XY>(b.geometry);
    CHECK(pb.x == Approx(pa.x).margin(1e-6));  // metres
    CHECK(pb.y == Approx(pa.y).margin(1e-6));
  }
  // Bad rows name the same file, row and field whichever part they were read in.
  CHECK(formatted(parts.diagnostics) == formatted(whole.diagnostics));
  CHECK(whole.diagnostics.count("zero_coordinates") == 6);
  CHECK(whole.diagnostics.count("multiline_text") == 8);
}
