#include "analysis/contour.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace caremap;
using namespace caremap::analysis;
namespace bg = boost::geometry;

namespace {

// A field given by its classes, with crossing fractions and centre classes drawn from a seeded
// hash (so they are fixed per edge and per cell, as the contract asks, but irregular).
class PictureField final : public ClassField {
 public:
  PictureField(std::uint32_t columns, std::uint32_t rows, std::vector<std::uint32_t> classes,
               unsigned seed)
      : m_grid{{1000.0, -500.0}, 10.0, columns, rows},
        m_classes(std::move(classes)),
        m_seed(seed) {}

  const Grid& grid() const override { return m_grid; }
  std::span<const std::uint32_t> classes() const override { return m_classes; }
  double crossing(std::uint32_t a, std::uint32_t b) const override {
    if (m_seed == 0) {
      return 0.5;
    }
    // Every fourth seed: crossings at or beyond the edge's ends (the march clamps them), the
    // most degenerate geometry it can get.
    const double u = unit(a * 7919u + b);
    return m_seed % 4 == 0 ? (u < 0.4 ? -0.5 : (u < 0.8 ? 1.5 : 0.5)) : 0.1 + 0.8 * u;
  }
  std::uint32_t centre_class(std::uint32_t v) const override {
    const std::uint32_t c = m_grid.columns;
    const std::uint32_t corner[4] = {v, v + c, v + c + 1, v + 1};
    return m_classes[corner[static_cast<int>(unit(v * 104729u) * 4.0) & 3]];
  }

 private:
  double unit(std::uint32_t x) const {
    std::uint32_t h = x * 2654435761u ^ (m_seed * 40503u + 12345u);
    h ^= h >> 15;
    h *= 2246822519u;
    h ^= h >> 13;
    return static_cast<double>(h % 100000u) / 100000.0;
  }

  Grid m_grid;
  std::vector<std::uint32_t> m_classes;
  unsigned m_seed;
};

// Collects chords per class ("rings": each class its own region) and for the union of all
// classes below `inside_below` ("disks").
class Collect final : public ChordSink {
 public:
  explicit Collect(std::uint32_t classes) : per_class(classes) {}
  void add(std::uint32_t right, std::uint32_t left, const Chord& c) override {
    const Chord rev{c.to, c.from, c.cell};
    if (right != kOutsideClass) {
      per_class[right].push_back(c);
    }
    if (left != kOutsideClass) {
      per_class[left].push_back(rev);
    }
    if ((right != kOutsideClass) != (left != kOutsideClass)) {
      all.push_back(right != kOutsideClass ? c : rev);
    }
  }
  std::vector<std::vector<Chord>> per_class;
  std::vector<Chord> all;  // the union of every class
};

// A picture: '.' outside, digits are classes; the first line is the top row.
std::vector<std::uint32_t> classes_of(const std::vector<std::string>& rows) {
  std::vector<std::uint32_t> out;
  for (std::size_t j = rows.size(); j-- > 0;) {
    for (const char ch : rows[j]) {
      out.push_back(ch == '.' ? kOutsideClass : static_cast<std::uint32_t>(ch - '0'));
    }
  }
  return out;
}

double overlap_area(const core::MultiPolygon& a, const core::MultiPolygon& b) {
  core::MultiPolygon i;
  bg::intersection(a, b, i);
  return bg::area(i);
}

}  // namespace

TEST_CASE("a single inside vertex gives a diamond, an enclosed outside vertex a hole",
          "[analysis][contour]") {
  const PictureField one(5, 5, classes_of({".....", ".....", "..0..", ".....", "....."}), 0);
  Collect c(1);
  march(one, c);
  core::MultiPolygon mp;
  RingScratch scratch;
  CHECK(assemble_polygons(c.per_class[0], one, mp, scratch) == 0);
  REQUIRE(mp.size() == 1);
  CHECK(mp[0].outer().size() == 5);  // four crossing points, closed
  CHECK(mp[0].inners().empty());
  std::string reason;
  CHECK(bg::is_valid(mp, reason));
  // Crossings at the middle of 10 m edges: a diamond of diagonal 10 m.
  CHECK(bg::area(mp) == Approx(50.0));
  CHECK(bg::within(core::XY{1020.0, -480.0}, mp));

  const PictureField ring(
      7, 7,
      classes_of({".......", ".00000.", ".00000.", ".00.00.", ".00000.", ".00000.", "......."}), 0);
  Collect r(1);
  march(ring, r);
  CHECK(assemble_polygons(r.per_class[0], ring, mp, scratch) == 0);
  REQUIRE(mp.size() == 1);
  REQUIRE(mp[0].inners().size() == 1);
  CHECK(bg::is_valid(mp, reason));
  // Outer: a 5 x 5 block of vertices grown by half an edge, corners cut: 50 x 50 - 4 x 12.5;
  // the hole is a diamond of 50 m².
  CHECK(bg::area(mp) == Approx(2500.0 - 50.0 - 50.0));
  CHECK_FALSE(bg::within(core::XY{1030.0, -470.0}, mp));
}

TEST_CASE("saddles follow the centre class", "[analysis][contour]") {
  // Two classes on alternate corners of the middle cell.
  const PictureField f(4, 4, classes_of({"....", ".01.", ".10.", "...."}), 3);
  Collect c(2);
  march(f, c);
  core::MultiPolygon zero;
  core::MultiPolygon one;
  RingScratch scratch;
  CHECK(assemble_polygons(c.per_class[0], f, zero, scratch) == 0);
  CHECK(assemble_polygons(c.per_class[1], f, one, scratch) == 0);
  std::string reason;
  CHECK(bg::is_valid(zero, reason));
  CHECK(bg::is_valid(one, reason));
  // Exactly one class joins its two corners through the middle.
  CHECK(zero.size() + one.size() == 3);
  CHECK(overlap_area(zero, one) < 1e-9);
}

TEST_CASE("random multi-class pictures give valid polygons that partition their union",
          "[analysis][contour]") {
  for (unsigned seed = 1; seed <= 40; ++seed) {
    const std::uint32_t n = 14;
    const std::uint32_t classes = 2 + seed % 3;
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::uint32_t> pick(0, classes);  // classes = outside
    std::vector<std::uint32_t> cls(n * n, kOutsideClass);
    for (std::uint32_t j = 1; j + 1 < n; ++j) {
      for (std::uint32_t i = 1; i + 1 < n; ++i) {
        const std::uint32_t k = pick(rng);
        cls[j * n + i] = k == classes ? kOutsideClass : k;
      }
    }
    const PictureField f(n, n, cls, seed);
    Collect c(classes);
    march(f, c);
    RingScratch scratch;
    core::MultiPolygon all;
    REQUIRE(assemble_polygons(c.all, f, all, scratch) == 0);
    std::string reason;
    INFO("seed " << seed);
    const bool all_valid = bg::is_valid(all, reason);
    INFO(reason);
    CHECK(all_valid);
    std::vector<core::MultiPolygon> parts(classes);
    double sum = 0.0;
    for (std::uint32_t k = 0; k < classes; ++k) {
      REQUIRE(assemble_polygons(c.per_class[k], f, parts[k], scratch) == 0);
      const bool valid = bg::is_valid(parts[k], reason);
      INFO("class " << k << ": " << reason);
      CHECK(valid);
      sum += bg::area(parts[k]);
      // Every vertex of class k lies inside its polygons.
      for (std::uint32_t v = 0; v < n * n; ++v) {
        if (cls[v] == k) {
          CHECK(bg::covered_by(f.grid().xy(v), parts[k]));
        }
      }
    }
    for (std::uint32_t a = 0; a < classes; ++a) {
      for (std::uint32_t b = a + 1; b < classes; ++b) {
        CHECK(overlap_area(parts[a], parts[b]) < 1e-6);
      }
    }
    CHECK(sum == Approx(bg::area(all)).epsilon(1e-9));
  }
}
