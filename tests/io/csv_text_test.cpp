// CSV cell text appended to a row buffer (io/csv_text.hpp): RFC 4180 quoting only where needed,
// and the same text as core::to_text for every kind of value.
#include "io/csv_text.hpp"

#include <catch2/catch.hpp>
#include <charconv>
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
  // Long cells are scanned eight bytes at a time: a special character at any place of a word or
  // of the tail still asks for quotes, and bytes next to them in value ('+', '!', '#') do not.
  for (std::size_t length = 1; length < 30; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (const char special : {',', '"', '\n', '\r'}) {
        std::string text(length, 'x');
        text[at] = special;
        INFO(length << " " << at << " " << static_cast<int>(special));
        CHECK(cell(text).front() == '"');
      }
      std::string plain(length, 'y');
      plain[at] = at % 3 == 0 ? '+' : at % 3 == 1 ? '!' : '#';
      if (at == 0 || at + 1 == length) {
        plain[at] = '-';  // a space at either end would ask for quotes
      }
      CHECK(cell(plain) == plain);
    }
  }
  CHECK(cell("宗像医師会病院在宅医療支援センター") == "宗像医師会病院在宅医療支援センター");
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

TEST_CASE("fixed-decimal number text equals correctly rounded text, ties included", "[io][csv]") {
  // The reference: std::to_chars in fixed notation (the exact decimal of the double, correctly
  // rounded), trailing zeros and a bare point dropped, "-0" written as "0".
  const auto reference = [](double v, int decimals) {
    char buf[400];
    char* end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals).ptr;
    std::string s(buf, end);
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') {
        s.pop_back();
      }
      if (s.back() == '.') {
        s.pop_back();
      }
    }
    return s == "-0" ? std::string("0") : s;
  };
  std::uint64_t state = 88172645463325252ULL;
  const auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  std::size_t checked = 0;
  std::size_t differing = 0;
  for (int i = 0; i < 200'000; ++i) {
    const int decimals = static_cast<int>(next() % 10);
    // Longitudes and latitudes, metres of a plane grid, tiny and huge values, and exact
    // decimal ties (k + 0.5 at the last place) that must round as to_chars does.
    const double u = static_cast<double>(next() >> 11) / 9007199254740992.0;
    double v = 0.0;
    switch (i % 5) {
      case 0:
        v = 122.0 + 32.0 * u;
        break;
      case 1:
        v = -300'000.0 + 600'000.0 * u;
        break;
      case 2:
        v = std::pow(10.0, -12.0 + 30.0 * u);
        break;
      case 3:
        v = (static_cast<double>(next() % 100'000) + 0.5) / std::pow(10.0, decimals);
        break;
      default:
        v = -static_cast<double>(next() % 1000) / 8.0;
        break;
    }
    std::string s;
    io::detail::append_number_text(s, v, decimals);
    differing += s != reference(v, decimals) ? 1 : 0;
    ++checked;
  }
  CHECK(checked == 200'000);
  CHECK(differing == 0);
  CHECK(io::detail::number_text(2.5, 0) == "2");  // a tie: to even, as to_chars
  CHECK(io::detail::number_text(-0.0000000004, 9) == "0");
  CHECK(io::detail::number_text(-0.0000000006, 9) == "-0.000000001");
}
