#include "io/wkt_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace caremap::io::detail {

namespace {

void point(std::string& out, const core::XY& p, int d) {
  append_number_text(out, p.x, d);
  out += ' ';
  append_number_text(out, p.y, d);
}

template <class Range>
void points(std::string& out, const Range& r, int d) {
  out += '(';
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (i) {
      out += ", ";
    }
    point(out, r[i], d);
  }
  out += ')';
}

void polygon(std::string& out, const core::Polygon& p, int d) {
  out += '(';
  points(out, p.outer(), d);
  for (const auto& hole : p.inners()) {
    out += ", ";
    points(out, hole, d);
  }
  out += ')';
}

// The digits of `v` rounded to `decimals` places by integer arithmetic, when that is provably
// what std::to_chars would write: v * 10^decimals is one rounded multiplication, off the exact
// product by at most half its ulp, so its nearest integer is the exact product's unless the
// fraction lies within an ulp of one half (then, or for numbers too large, false: the caller
// formats the slow, exact way). Ryu's fixed-precision path took 60 ns a number; this, a few.
bool append_fixed_fast(std::string& out, double v, int decimals) {
  static constexpr double kScale[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  static constexpr std::uint64_t kIntScale[] = {1,      10,      100,      1000,      10000,
                                                100000, 1000000, 10000000, 100000000, 1000000000};
  if (decimals < 0 || decimals > 9) {
    return false;
  }
  const double p = std::abs(v) * kScale[decimals];
  if (!(p < 0x1p43)) {  // also NaN; below 2^43 an ulp is at most 2^-9
    return false;
  }
  const double whole = std::floor(p);
  const double ulp = std::nextafter(p, INFINITY) - p;
  if (std::abs((p - whole) - 0.5) <= ulp) {
    return false;
  }
  const auto n = static_cast<std::uint64_t>(p - whole < 0.5 ? whole : whole + 1.0);
  if (n == 0) {
    out += '0';  // no "-0"
    return true;
  }
  char buf[40];
  char* end = buf;
  if (v < 0) {
    *end++ = '-';
  }
  const std::uint64_t scale = kIntScale[decimals];
  end = std::to_chars(end, buf + sizeof buf, n / scale).ptr;
  std::uint64_t fraction = n % scale;
  if (fraction != 0) {
    int digits = decimals;
    while (fraction % 10 == 0) {  // trailing zeros are not written
      fraction /= 10;
      --digits;
    }
    *end++ = '.';
    for (int i = digits - 1; i >= 0; --i) {
      end[i] = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    end += digits;
  }
  out.append(buf, end);
  return true;
}

}  // namespace

void append_number_text(std::string& out, double v, int decimals) {
  if (append_fixed_fast(out, v, decimals)) {
    return;
  }
  // std::to_chars: the same digits as printf("%.*f") without locale handling, several times
  // faster (a million-row CSV writes two of these per row).
  char buf[64];
  char* end = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals).ptr;
  if (std::find(buf, end, '.') != end) {
    while (end[-1] == '0') {
      --end;
    }
    if (end[-1] == '.') {
      --end;
    }
  }
  if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
    out += '0';
    return;
  }
  out.append(buf, end);
}

std::string number_text(double v, int decimals) {
  std::string s;
  append_number_text(s, v, decimals);
  return s;
}

std::string to_wkt(const core::Geometry& g, int decimals) {
  std::string out;
  if (core::is_empty(g)) {
    return out;
  }
  struct Visitor {
    std::string& out;
    int d;
    void operator()(const std::monostate&) const {}
    void operator()(const core::XY& p) const {
      out += "POINT (";
      point(out, p, d);
      out += ')';
    }
    void operator()(const core::MultiPoint& mp) const {
      out += "MULTIPOINT (";
      for (std::size_t i = 0; i < mp.size(); ++i) {
        out += i ? ", (" : "(";
        point(out, mp[i], d);
        out += ')';
      }
      out += ')';
    }
    void operator()(const core::LineString& l) const {
      out += "LINESTRING ";
      points(out, l, d);
    }
    void operator()(const core::MultiLineString& ml) const {
      out += "MULTILINESTRING (";
      for (std::size_t i = 0; i < ml.size(); ++i) {
        if (i) {
          out += ", ";
        }
        points(out, ml[i], d);
      }
      out += ')';
    }
    void operator()(const core::Polygon& p) const {
      out += "POLYGON ";
      polygon(out, p, d);
    }
    void operator()(const core::MultiPolygon& mp) const {
      out += "MULTIPOLYGON (";
      for (std::size_t i = 0; i < mp.size(); ++i) {
        if (i) {
          out += ", ";
        }
        polygon(out, mp[i], d);
      }
      out += ')';
    }
  };
  std::visit(Visitor{out, decimals}, g);
  return out;
}

}  // namespace caremap::io::detail
