#include "app/strings.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace caremap::app;

TEST_CASE("every string exists in both languages", "[strings]") {
  for (std::size_t i = 0; i < string_count(); ++i) {
    const auto s = static_cast<Str>(i);
    INFO("string " << i);
    CHECK(std::string(tr(Lang::ja, s)).size() > 0);
    CHECK(std::string(tr(Lang::en, s)).size() > 0);
  }
}

TEST_CASE("the Japanese table is Japanese", "[strings]") {
  // Most entries must contain non-ASCII text (a forgotten translation is an English copy).
  std::size_t japanese = 0;
  for (std::size_t i = 0; i < string_count(); ++i) {
    const std::string ja = tr(Lang::ja, static_cast<Str>(i));
    const std::string en = tr(Lang::en, static_cast<Str>(i));
    const bool non_ascii = std::any_of(ja.begin(), ja.end(), [](char c) { return c & 0x80; });
    japanese += non_ascii ? 1 : 0;
  }
  CHECK(japanese >= string_count() * 9 / 10);
}

TEST_CASE("languages parse and print", "[strings]") {
  CHECK(parse_lang("ja") == Lang::ja);
  CHECK(parse_lang("en") == Lang::en);
  CHECK_FALSE(parse_lang("fr").has_value());
  CHECK(to_string(Lang::ja) == "ja");
}
