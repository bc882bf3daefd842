#include "core/credit.hpp"

#include <catch2/catch.hpp>

using namespace caremap;

TEST_CASE("a credit under a sources heading loses its own lead", "[core][provenance]") {
  CHECK(core::credit_body("出典：政府統計の総合窓口(e-Stat)") == "政府統計の総合窓口(e-Stat)");
  CHECK(core::credit_body("出典: 厚生労働省") == "厚生労働省");
  CHECK(core::credit_body("Source: MHLW") == "MHLW");
  // Credits without a lead, and a lead with nothing after it, are kept as they are.
  CHECK(core::credit_body("「国土数値情報（道路データ）」（国土交通省）を加工して作成") ==
        "「国土数値情報（道路データ）」（国土交通省）を加工して作成");
  CHECK(core::credit_body("出典：") == "出典：");
  CHECK(core::credit_body("© OpenStreetMap contributors") == "© OpenStreetMap contributors");
}
