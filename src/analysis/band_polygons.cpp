#include "analysis/band_polygons.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace caremap::analysis {

namespace {

// Routes each chord of the march to the regions it bounds. Classes are owner x bands + band,
// which is also the index of the (owner, band) region.
class RegionSink final : public ChordSink {
 public:
  RegionSink(std::vector<std::vector<Chord>>& chords, std::uint32_t bands, bool rings)
      : m_chords(chords), m_bands(bands), m_rings(rings) {}

  void add(std::uint32_t right, std::uint32_t left, const Chord& chord) override {
    const Chord reversed{chord.to, chord.from, chord.cell};
    if (m_rings) {
      // Ring (owner, band) is exactly the class.
      if (right != kOutsideClass) {
        m_chords[right].push_back(chord);
      }
      if (left != kOutsideClass) {
        m_chords[left].push_back(reversed);
      }
      return;
    }
    add_to_disks(right, left, chord);
    add_to_disks(left, right, reversed);
  }

 private:
  // Disk (owner, k) holds the owner's classes of bands <= k: the chord (class `in` on its right)
  // bounds the disks of in's owner from in's band up to, not including, out's band when out is
  // the same owner's, else up to the largest.
  void add_to_disks(std::uint32_t in, std::uint32_t out, const Chord& chord) {
    if (in == kOutsideClass) {
      return;
    }
    const std::uint32_t owner = in / m_bands;
    std::uint32_t end = m_bands;
    if (out != kOutsideClass && out / m_bands == owner) {
      end = out % m_bands;
    }
    for (std::uint32_t k = in % m_bands; k < end; ++k) {
      m_chords[owner * m_bands + k].push_back(chord);
    }
  }

  std::vector<std::vector<Chord>>& m_chords;
  std::uint32_t m_bands;
  bool m_rings;
};

}  // namespace

BandPolygons BandPolygonBuilder::build(std::span<const std::vector<core::MultiLineString>> lines,
                                       const BandPolygonOptions& options) {
  BandPolygons result;
  result.cell_m = options.cell_m;
  const auto owners = static_cast<std::uint32_t>(lines.size());
  if (owners == 0 || lines[0].empty()) {
    return result;
  }
  const auto bands = static_cast<std::uint32_t>(lines[0].size());
  result.areas.assign(static_cast<std::size_t>(owners) * bands, {});

  double min_x = std::numeric_limits<double>::infinity();
  double min_y = min_x;
  double max_x = -min_x;
  double max_y = -min_x;
  for (const auto& per_band : lines) {
    for (const core::LineString& line : per_band.back()) {
      for (const core::XY& p : line) {
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
      }
    }
  }
  if (!(min_x <= max_x)) {
    return result;
  }

  // Vertices on multiples of the cell; the border rows and columns are more than buffer + 1 cell
  // from every line, so they are outside and every boundary closes inside the grid.
  const double r = options.buffer_m;
  const auto max_vertices =
      static_cast<double>(std::min(options.max_vertices, std::size_t{1} << 28));
  double h = options.cell_m;
  Grid grid;
  for (;;) {
    const double margin = r + 2.0 * h;
    const double x0 = std::floor((min_x - margin) / h) * h;
    const double y0 = std::floor((min_y - margin) / h) * h;
    const double columns = std::floor((max_x + margin - x0) / h) + 2.0;
    const double rows = std::floor((max_y + margin - y0) / h) + 2.0;
    if (columns * rows <= max_vertices) {
      grid =
          Grid{{x0, y0}, h, static_cast<std::uint32_t>(columns), static_cast<std::uint32_t>(rows)};
      break;
    }
    h *= std::sqrt(columns * rows / max_vertices) * 1.01;
  }
  result.cell_m = h;

  m_field.reset(grid, owners, bands, r);
  for (std::uint32_t o = 0; o < owners; ++o) {
    for (const core::LineString& line : lines[o][bands - 1]) {
      m_field.add_outer_line(line, o);
    }
  }
  for (std::uint32_t o = 0; o < owners; ++o) {
    for (std::uint32_t b = 0; b + 1 < bands; ++b) {
      for (const core::LineString& line : lines[o][b]) {
        m_field.add_inner_line(line, o, b);
      }
    }
  }
  m_field.classify();

  m_chords.resize(result.areas.size());
  for (auto& c : m_chords) {
    c.clear();
  }
  RegionSink sink(m_chords, bands, options.rings);
  march(m_field, sink);
  for (std::size_t region = 0; region < result.areas.size(); ++region) {
    result.unclosed +=
        assemble_polygons(m_chords[region], m_field, result.areas[region], m_scratch);
  }
  return result;
}

}  // namespace caremap::analysis
