#include "core/lang.hpp"

#include <catch2/catch.hpp>

#include "core/provenance.hpp"

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

TEST_CASE("the summary line says what a result stands on", "[core][provenance]") {
  core::Provenance p;
  p.operation = "coverage";
  p.param("radius_m", "16000");
  CHECK(core::summarize(p) == "coverage(radius_m=16000)");
  p.basis.distance = {"直線距離", "straight line"};
  p.basis.demand = {"面積のみ", "area only"};
  CHECK(core::summarize(p) ==
        "coverage(radius_m=16000); distance: straight line; demand: area only");
}
