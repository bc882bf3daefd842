// CSV cell text appended to a row buffer (io/csv_text.hpp): RFC 4180 quoting only where needed,
// and the same text as core::to_text for every kind of value.
#include "io/csv_text.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/layer.hpp"
#include "io/wkt_text.hpp"

using namespace caremap;

namespace {

std::string cell(std::string_view s) {
  std::string out = "x,";  // appends, never replaces
  io::detail::append_csv_cell(out, s);
  return out.substr(2);
}

std::string value(const core::FieldValue& v) {
  std::string out;
  io::detail::append_csv_value(out, v);
  return out;
}

}  // namespace

TEST_CASE("a CSV cell is quoted only when it must be", "[io][csv]") {
  CHECK(cell("") == "");
  CHECK(cell("宗像市") == "宗像市");
  CHECK(cell("a b") == "a b");
  CHECK(cell("a,b") == "\"a,b\"");
  CHECK(cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(cell("two\nlines") == "\"two\nlines\"");
  CHECK(cell("cr\r") == "\"cr\r\"");
  CHECK(cell(" lead") == "\" lead\"");
  CHECK(cell("trail ") == "\"trail \"");
}

TEST_CASE("a CSV value has the text of core::to_text", "[io][csv]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (const core::FieldValue& v :
       {core::FieldValue{}, core::FieldValue{std::int64_t{0}},
        core::FieldValue{std::int64_t{-9007199254740993}},
        core::FieldValue{std::numeric_limits<std::int64_t>::min()},
        core::FieldValue{575.4080440779693}, core::FieldValue{0.1}, core::FieldValue{-1e-300},
        core::FieldValue{1e21}, core::FieldValue{nan}, core::FieldValue{inf},
        core::FieldValue{std::string("伊東歯科口腔病院")},
        core::FieldValue{std::string("a,\"b\"")}}) {
    CHECK(value(v) == cell(core::to_text(v)));
  }
  CHECK(value(core::FieldValue{nan}).empty());
}

TEST_CASE("number text appended is number_text", "[io][csv]") {
  std::string out = "lon=";
  io::detail::append_number_text(out, 130.71891230000001, 9);
  CHECK(out == "lon=130.7189123");
  for (const double v : {0.0, -0.0, -1e-12, 1.5, -46295.96431, 12.0, 1e15, -0.00004}) {
    std::string s;
    io::detail::append_number_text(s, v, 4);
    CHECK(s == io::detail::number_text(v, 4));
  }
  CHECK(io::detail::number_text(-1e-12, 9) == "0");
  CHECK(io::detail::number_text(-46295.96431, 4) == "-46295.9643");
  CHECK(io::detail::number_text(12.0, 4) == "12");
}
