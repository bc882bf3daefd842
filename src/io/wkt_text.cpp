#include "io/wkt_text.hpp"

#include <algorithm>
#include <charconv>
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

}  // namespace

void append_number_text(std::string& out, double v, int decimals) {
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
