#include "core/lang.hpp"

#include <catch2/catch.hpp>

using namespace caremap;

TEST_CASE("languages parse and print by their codes", "[core][lang]") {
  CHECK(core::parse_lang("ja") == core::Lang::ja);
  CHECK(core::parse_lang("en") == core::Lang::en);
  CHECK_FALSE(core::parse_lang("jp"));
  CHECK(core::to_string(core::Lang::en) == "en");
}

TEST_CASE("a local text falls back to the other language when one is missing", "[core][lang]") {
  const core::LocalText both{"直線距離", "straight line"};
  CHECK(both.in(core::Lang::ja) == "直線距離");
  CHECK(both.in(core::Lang::en) == "straight line");
  const core::LocalText ja_only{"幹線道路のみ", ""};
  CHECK(ja_only.in(core::Lang::en) == "幹線道路のみ");
  CHECK(core::LocalText{}.empty());
}
