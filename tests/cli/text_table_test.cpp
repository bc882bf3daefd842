#include "cli/text_table.hpp"

#include <catch2/catch.hpp>
#include <sstream>

using namespace caremap::cli;

TEST_CASE("display width counts kanji, kana and fullwidth forms as two cells", "[cli][table]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("病院") == 4);
  CHECK(display_width("ナビイ") == 6);
  CHECK(display_width("所在地座標（経度）") == 18);  // fullwidth parentheses are wide too
  CHECK(display_width("ｱｲｳ") == 3);                  // halfwidth katakana are narrow
  CHECK(display_width("") == 0);
}

TEST_CASE("tables align Japanese and ASCII cells by display width", "[cli][table]") {
  TextTable t({"name", "km"}, {Align::left, Align::right});
  t.add_row({"宗像市", "119.94"});
  t.add_row({"Fukutsu", "52.76"});
  std::ostringstream out;
  t.print(out);
  std::istringstream lines(out.str());
  std::vector<std::string> rows;
  for (std::string line; std::getline(lines, line);) {
    rows.push_back(line);
  }
  REQUIRE(rows.size() == 4);
  // Every row ends at the same terminal column because numbers are right-aligned.
  CHECK(display_width(rows[2]) == display_width(rows[3]));
  CHECK(rows[2] == "宗像市   119.94");
  CHECK(rows[3] == "Fukutsu   52.76");
  CHECK(format_fixed(2.345, 1) == "2.3");
}
