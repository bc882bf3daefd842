#include "app/text_wrap.hpp"

#include <catch2/catch.hpp>

using namespace caremap::app;

namespace {
// Japanese characters 2 units wide, ASCII 1 (like a CJK font's full and half widths).
float width(std::string_view s) {
  float w = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      w += 1;
    } else if ((c & 0xC0) != 0x80) {
      w += 2;
    }
  }
  return w;
}
}  // namespace

TEST_CASE("Japanese breaks between characters, never before 。", "[wrap]") {
  // 10 units per line = 5 Japanese characters.
  const auto lines = wrap_text("道路ネットワークがあります。", 10, width);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "道路ネット");
  for (const std::string& l : lines) {
    CHECK(width(l) <= 12);  // a closing mark may hang one character past the edge
    CHECK(l.rfind("。", 0) != 0);
  }
  CHECK(lines.back().ends_with("。"));
}

TEST_CASE("Latin words stay whole and brackets stay with their contents", "[wrap]") {
  const auto lines = wrap_text("ファイル (.osm.pbf) を入力", 14, width);
  bool whole = false;
  for (const std::string& l : lines) {
    whole = whole || l.find("(.osm.pbf)") != std::string::npos;
    CHECK((l.find("(") == std::string::npos || l.find(")") != std::string::npos));
  }
  CHECK(whole);
}

TEST_CASE("explicit line breaks and over-long words", "[wrap]") {
  const auto lines = wrap_text("abc\ndef", 100, width);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "abc");
  CHECK(lines[1] == "def");
  const auto cut = wrap_text("data/geo/SOURCES.md", 8, width);
  REQUIRE(cut.size() >= 3);
  for (const std::string& l : cut) {
    CHECK(width(l) <= 8);
  }
}
