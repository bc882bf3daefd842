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

TEST_CASE("credit lists name each source once, whole credits or parts of joined ones",
          "[core][provenance]") {
  std::vector<std::string> credits;
  core::add_credit(credits, "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成");
  core::add_credit(credits, "厚生労働省 医療情報ネット; 位置参照情報: Geolonia (CC BY 4.0)");
  core::add_credit(credits, "厚生労働省 医療情報ネット");
  core::add_credit(credits, "出典：厚生労働省 医療情報ネット");
  core::add_credit(credits, "");
  core::add_credit(credits, "位置参照情報: Geolonia (CC BY 4.0); 国土地理院");
  CHECK(credits ==
        std::vector<std::string>{"「国土数値情報（行政区域データ）」（国土交通省）を加工して作成",
                                 "厚生労働省 医療情報ネット", "位置参照情報: Geolonia (CC BY 4.0)",
                                 "国土地理院"});
}
