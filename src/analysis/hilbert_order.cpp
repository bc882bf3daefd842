#include "analysis/hilbert_order.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace caremap::analysis {

namespace {

constexpr std::uint32_t kGridSize = 1u << 16;

// A scaled coordinate as a grid column or row; a non-finite coordinate (which callers should have
// rejected) goes to cell 0 rather than into undefined behaviour.
std::uint32_t grid_cell(double scaled) {
  return scaled >= 0.0 && scaled < kGridSize ? static_cast<std::uint32_t>(scaled) : 0;
}

// Sorts by the high 32 bits (the key), stably, so equal keys stay in input order: an LSD radix
// sort in three passes of 11 bits. For a million points it takes a fraction of std::sort's time,
// which matters because the order only pays for itself if computing it is cheap.
void radix_sort_by_high_word(std::vector<std::uint64_t>& values) {
  constexpr int kDigitBits = 11;
  constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
  std::vector<std::uint64_t> scratch(values.size());
  std::vector<std::size_t> start(kBuckets);
  for (int shift = 32; shift < 64; shift += kDigitBits) {
    std::fill(start.begin(), start.end(), 0);
    for (const std::uint64_t v : values) {
      ++start[(v >> shift) & (kBuckets - 1)];
    }
    std::size_t sum = 0;
    for (std::size_t& s : start) {
      sum += std::exchange(s, sum);
    }
    for (const std::uint64_t v : values) {
      scratch[start[(v >> shift) & (kBuckets - 1)]++] = v;
    }
    values.swap(scratch);
  }
}

}  // namespace

std::uint64_t hilbert_key(std::uint32_t x, std::uint32_t y) {
  // The classic xy -> d walk from the top bit down, without branches (the data-dependent
  // branches of the textbook version mispredict half the time and dominated the cost). The
  // rotations it applies to the remaining bits reduce to two flags: `flip` complements both bits,
  // `swap` exchanges them; each level appends its quadrant digit and updates the flags.
  std::uint64_t d = 0;
  std::uint32_t flip = 0;
  std::uint32_t swap = 0;
  for (int level = 15; level >= 0; --level) {
    const std::uint32_t bx = ((x >> level) & 1u) ^ flip;
    const std::uint32_t by = ((y >> level) & 1u) ^ flip;
    const std::uint32_t exchange = (bx ^ by) & swap;  // arithmetic select: GCC branches on ?:
    const std::uint32_t rx = bx ^ exchange;
    const std::uint32_t ry = by ^ exchange;
    d = (d << 2) | ((3u * rx) ^ ry);
    const std::uint32_t turn = ry ^ 1u;  // the lower half of the curve turns
    flip ^= turn & rx;
    swap ^= turn;
  }
  return d;
}

std::vector<std::uint32_t> hilbert_order(std::span<const core::XY> points) {
  std::vector<std::uint32_t> order(points.size());
  if (points.empty()) {
    return order;
  }
  double min_x = std::numeric_limits<double>::max();
  double min_y = min_x;
  double max_x = std::numeric_limits<double>::lowest();
  double max_y = max_x;
  for (const core::XY& p : points) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
      continue;
    }
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
  }
  // One scale for both axes keeps the curve's cells square, so neighbours on the curve are
  // neighbours on the map.
  if (min_x > max_x) {
    min_x = max_x = min_y = max_y = 0.0;  // no finite point at all
  }
  const double extent = std::max({max_x - min_x, max_y - min_y, 1e-9});
  const double scale = (kGridSize - 1) / extent;
  // A 16-bit grid gives 32-bit keys: key and input position pack into one 64-bit word.
  std::vector<std::uint64_t> keyed(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::uint32_t gx = grid_cell((points[i].x - min_x) * scale);
    const std::uint32_t gy = grid_cell((points[i].y - min_y) * scale);
    keyed[i] = (hilbert_key(gx, gy) << 32) | i;
  }
  radix_sort_by_high_word(keyed);
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    order[i] = static_cast<std::uint32_t>(keyed[i] & 0xffffffffu);
  }
  return order;
}

}  // namespace caremap::analysis
