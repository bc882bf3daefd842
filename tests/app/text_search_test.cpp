#include "app/text_search.hpp"

#include <catch2/catch.hpp>

using namespace caremap::app;

TEST_CASE("substring search on Japanese text", "[search]") {
  CHECK(search_matches("宗像医師会病院", "医師会"));
  CHECK(search_matches("宗像医師会病院", ""));
  CHECK_FALSE(search_matches("宗像医師会病院", "福津"));
}

TEST_CASE("hiragana and katakana match each other", "[search]") {
  CHECK(search_matches("ムナカタイシカイビョウイン", "むなかた"));
  CHECK(search_matches("むなかたいしかい", "ムナカタ"));
  CHECK(search_matches("くりえいと", "クリエイト"));
  CHECK_FALSE(search_matches("ムナカタ", "ふくつ"));
}

TEST_CASE("full-width ASCII and case are folded", "[search]") {
  CHECK(search_matches("花見が浜１丁目５－１", "1丁目"));
  CHECK(search_matches("ＡＢＣクリニック", "abc"));
  CHECK(search_matches("www.Example.JP", "example.jp"));
  CHECK(normalize_for_search("カタカナ　ＡＢＣ") == "かたかな abc");
}

TEST_CASE("invalid UTF-8 does not crash and is kept", "[search]") {
  const std::string broken = std::string("abc") + static_cast<char>(0xE3) + "def";
  CHECK(normalize_for_search(broken).size() == broken.size());
  CHECK(search_matches(broken, "def"));
}
