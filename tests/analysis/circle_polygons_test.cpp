#include "analysis/circle_polygons.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numbers>
#include <random>

using namespace caremap;
using analysis::Disc;
using core::Meters;
namespace bg = boost::geometry;

namespace {

double polygon_circle_area(double r, int n) {
  return n / 2.0 * std::sin(2 * std::numbers::pi / n) * r * r;
}

// Area common to two circles of radius r whose centres are d apart (0 < d < 2r).
double lens_area(double r, double d) {
  return 2 * r * r * std::acos(d / (2 * r)) - d / 2 * std::sqrt(4 * r * r - d * d);
}

}  // namespace

TEST_CASE("a circle polygon is the inscribed regular polygon", "[analysis][circle]") {
  for (int n : {8, 64, 360, 1000}) {
    const core::Polygon p = analysis::circle_polygon({100, -50}, Meters{2000}, n);
    REQUIRE(p.outer().size() == static_cast<std::size_t>(n) + 1);
    CHECK(p.outer().front() == p.outer().back());
    CHECK(bg::is_valid(p));
    CHECK(bg::area(p) == Approx(polygon_circle_area(2000, n)).epsilon(1e-12));
    for (const core::XY& v : p.outer()) {
      CHECK(std::hypot(v.x - 100, v.y + 50) == Approx(2000).epsilon(1e-12));
    }
  }
}

TEST_CASE("the stated polygonisation errors are the real ones", "[analysis][circle]") {
  const double r = 16'000;
  for (int n : {64, 360, 720}) {
    const double pi_r2 = std::numbers::pi * r * r;
    CHECK(1 - polygon_circle_area(r, n) / pi_r2 ==
          Approx(analysis::circle_area_error(n)).epsilon(1e-9));
    // Distance from the centre to the middle of an edge: r cos(pi/n).
    const core::Polygon p = analysis::circle_polygon({0, 0}, Meters{r}, n);
    const core::XY a = p.outer()[0];
    const core::XY b = p.outer()[1];
    const double mid = std::hypot((a.x + b.x) / 2, (a.y + b.y) / 2);
    CHECK(r - mid == Approx(analysis::circle_radial_error(Meters{r}, n).value).epsilon(1e-9));
  }
  // The figures the header promises for the default.
  CHECK(analysis::circle_area_error(360) < 0.0001 * 0.52);
  CHECK(analysis::circle_area_error(360) > 0.0001 * 0.50);
  CHECK(analysis::circle_radial_error(Meters{16'000}, 360).value == Approx(0.609).margin(0.001));
}

TEST_CASE("union and backup area of two overlapping discs", "[analysis][circle]") {
  const double r = 2000;
  const double d = 2000;
  const int n = 360;
  const std::vector<Disc> discs{{{4000, 5000}, Meters{r}}, {{6000, 5000}, Meters{r}}};
  const auto cover = analysis::cover_discs(discs, n, true);
  const double lens = lens_area(r, d);
  const double union_exact = 2 * std::numbers::pi * r * r - lens;
  // Each polygon lies inside its circle and misses at most circle_area_error of it.
  const double tolerance = 2 * analysis::circle_area_error(n) * std::numbers::pi * r * r;
  CHECK(bg::is_valid(cover.any));
  CHECK(bg::area(cover.any) <= union_exact);
  CHECK(bg::area(cover.any) >= union_exact - tolerance);
  CHECK(bg::is_valid(cover.backup));
  CHECK(bg::area(cover.backup) <= lens);
  CHECK(bg::area(cover.backup) >= lens - tolerance);
  // Without backup the union is the same.
  const auto plain = analysis::cover_discs(discs, n, false);
  CHECK(bg::area(plain.any) == Approx(bg::area(cover.any)).epsilon(1e-9));
  CHECK(plain.backup.empty());
}

TEST_CASE("backup area is where at least two discs overlap", "[analysis][circle]") {
  // Three discs in a row, each overlapping only its neighbours; a fourth identical to the last.
  const double r = 1000;
  std::vector<Disc> discs{{{0, 0}, Meters{r}}, {{1500, 0}, Meters{r}}, {{3000, 0}, Meters{r}}};
  auto cover = analysis::cover_discs(discs, 360, true);
  const double lens = lens_area(r, 1500);
  // Each polygon lens misses at most what the two circle polygons miss.
  const double circle_deficit = analysis::circle_area_error(360) * std::numbers::pi * r * r;
  CHECK(bg::area(cover.backup) <= 2 * lens);
  CHECK(bg::area(cover.backup) >= 2 * lens - 4 * circle_deficit);
  // Points in one disc only are not backup; points in two are.
  CHECK_FALSE(bg::covered_by(core::XY{-500, 0}, cover.backup));
  CHECK(bg::within(core::XY{750, 0}, cover.backup));
  CHECK(bg::within(core::XY{2250, 0}, cover.backup));

  discs.push_back({{3000, 0}, Meters{r}});  // two facilities at one address
  cover = analysis::cover_discs(discs, 360, true);
  CHECK(bg::within(core::XY{3800, 0}, cover.backup));
  // Now the whole third disc is backup, plus the lens between the first two.
  const double third_disc = std::numbers::pi * r * r;
  CHECK(bg::area(cover.backup) <= third_disc + lens);
  CHECK(bg::area(cover.backup) >= third_disc + lens - 3 * circle_deficit);
}

TEST_CASE("disjoint discs stay separate parts; no discs give nothing", "[analysis][circle]") {
  std::vector<Disc> discs;
  for (int i = 0; i < 7; ++i) {
    discs.push_back({{i * 10'000.0, 0}, Meters{1000}});
  }
  const auto cover = analysis::cover_discs(discs, 64, true);
  CHECK(cover.any.size() == 7);
  CHECK(bg::area(cover.any) == Approx(7 * polygon_circle_area(1000, 64)).epsilon(1e-9));
  CHECK(cover.backup.empty());
  CHECK(analysis::cover_discs({}, 64, true).any.empty());
}

TEST_CASE("near-coincident facilities give a valid union and backup area", "[analysis][circle]") {
  // Geocoded facilities often share a town point up to rounding: centres micrometres to
  // millimetres apart make nearly coincident circle edges, the hard case for overlays.
  std::mt19937 rng(17);
  std::uniform_real_distribution<double> jitter(-0.002, 0.002);
  std::vector<Disc> discs;
  for (int i = 0; i < 25; ++i) {
    discs.push_back({{5000 + jitter(rng), 5000 + jitter(rng)}, Meters{2000}});
    discs.push_back({{6500 + jitter(rng) * 1e-3, 5000 + jitter(rng) * 1e-3}, Meters{2000}});
  }
  const auto cover = analysis::cover_discs(discs, 360, true);
  std::string any_reason;
  std::string backup_reason;
  const bool any_valid = bg::is_valid(cover.any, any_reason);
  const bool backup_valid = bg::is_valid(cover.backup, backup_reason);
  INFO(any_reason << " / " << backup_reason);
  CHECK(any_valid);
  CHECK(backup_valid);
  // Two clusters 1.5 km apart: the union is two polygons' union, all of it backup-covered.
  const double r = 2000;
  const double union_exact = 2 * std::numbers::pi * r * r - lens_area(r, 1500);
  const double deficit = 2 * analysis::circle_area_error(360) * std::numbers::pi * r * r;
  CHECK(bg::area(cover.any) <= union_exact + 1.0);
  CHECK(bg::area(cover.any) >= union_exact - deficit - 1.0);
  CHECK(bg::area(cover.backup) == Approx(bg::area(cover.any)).epsilon(1e-6));
}

namespace {

// The union of every circle, added one by one, and the union of every pair's lens: the
// definition of "any" and "backup", computed the slow way.
std::pair<core::MultiPolygon, core::MultiPolygon> any_and_backup_slowly(
    const std::vector<Disc>& discs, int segments) {
  core::MultiPolygon all;
  std::vector<core::Polygon> circles;
  for (const Disc& d : discs) {
    circles.push_back(analysis::circle_polygon(d.centre, d.radius, segments));
  }
  for (const core::Polygon& c : circles) {
    core::MultiPolygon grown;
    bg::union_(all, c, grown);
    all = std::move(grown);
  }
  core::MultiPolygon lenses;
  for (std::size_t i = 0; i < circles.size(); ++i) {
    for (std::size_t j = i + 1; j < circles.size(); ++j) {
      core::MultiPolygon lens;
      bg::intersection(circles[i], circles[j], lens);
      core::MultiPolygon grown;
      bg::union_(lenses, lens, grown);
      lenses = std::move(grown);
    }
  }
  return {all, lenses};
}

void check_cover(const std::vector<Disc>& discs, int segments) {
  const auto cover = analysis::cover_discs(discs, segments, true);
  const auto [all, lenses] = any_and_backup_slowly(discs, segments);
  CHECK(bg::area(cover.any) == Approx(bg::area(all)).epsilon(1e-9));
  CHECK(bg::area(cover.backup) == Approx(bg::area(lenses)).epsilon(1e-8));
  std::string why;
  CHECK(bg::is_valid(cover.any, why));
  CHECK(bg::is_valid(cover.backup, why));
}

}  // namespace

TEST_CASE("groups of discs far apart are united apart: the same union and backup as one union",
          "[analysis][circle]") {
  // Three towns 20 km apart, a few overlapping discs each, plus two discs that touch exactly
  // (centres the radii together apart): they belong to one group.
  std::mt19937 rng(20261207);
  std::uniform_real_distribution<double> near(-1500.0, 1500.0);
  std::vector<Disc> discs;
  for (int town = 0; town < 3; ++town) {
    for (int k = 0; k < 8; ++k) {
      discs.push_back({{town * 20'000.0 + near(rng), near(rng)}, Meters{1000}});
    }
  }
  discs.push_back({{0, 50'000}, Meters{1000}});
  discs.push_back({{2000, 50'000}, Meters{1000}});
  check_cover(discs, 96);
}

TEST_CASE("one large group of discs, split across the cores, gives the slow way's union and backup",
          "[analysis][circle]") {
  // Forty discs over a town 4 km across, most of them one group: covered in halves of halves, the
  // two top halves on two threads. A point in one disc of each half is backup as surely as a point
  // in two discs of one half.
  std::mt19937 rng(20261208);
  std::uniform_real_distribution<double> near(-2000.0, 2000.0);
  std::vector<Disc> discs;
  for (int k = 0; k < 40; ++k) {
    discs.push_back({{near(rng), near(rng)}, Meters{700}});
  }
  discs.push_back(discs[5]);  // two facilities at one address: that disc is all backup
  check_cover(discs, 64);
  const auto cover = analysis::cover_discs(discs, 64, true);
  CHECK(bg::within(discs[5].centre, cover.backup));
}
