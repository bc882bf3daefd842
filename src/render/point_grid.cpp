#include "render/point_grid.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace caremap::render {

PointGrid::PointGrid(std::vector<PointInstance> points_in, std::size_t points_per_cell)
    : m_points(std::move(points_in)), m_count(m_points.size()) {
  const std::vector<PointInstance>& points = m_points;
  if (points.empty()) {
    m_cell_start.assign(2, 0);
    return;
  }
  m_bounds = LocalBox{points[0].x, points[0].y, points[0].x, points[0].y};
  for (const PointInstance& p : points) {
    m_bounds.x0 = std::min(m_bounds.x0, p.x);
    m_bounds.y0 = std::min(m_bounds.y0, p.y);
    m_bounds.x1 = std::max(m_bounds.x1, p.x);
    m_bounds.y1 = std::max(m_bounds.y1, p.y);
  }
  const double cells =
      std::max(1.0, static_cast<double>(points.size()) / std::max<std::size_t>(points_per_cell, 1));
  const double w = std::max(1.0, static_cast<double>(m_bounds.x1 - m_bounds.x0));
  const double h = std::max(1.0, static_cast<double>(m_bounds.y1 - m_bounds.y0));
  // Square-ish cells: cols / rows follows the aspect ratio of the bounds.
  const double side = std::sqrt(w * h / cells);
  m_cols = static_cast<int>(std::clamp(std::ceil(w / side), 1.0, 1024.0));
  m_rows = static_cast<int>(std::clamp(std::ceil(h / side), 1.0, 1024.0));
  m_cell_w = static_cast<float>(w / m_cols);
  m_cell_h = static_cast<float>(h / m_rows);

  auto cell_of = [&](const PointInstance& p) {
    const int c = std::clamp(static_cast<int>((p.x - m_bounds.x0) / m_cell_w), 0, m_cols - 1);
    const int r = std::clamp(static_cast<int>((p.y - m_bounds.y0) / m_cell_h), 0, m_rows - 1);
    return static_cast<std::size_t>(r) * static_cast<std::size_t>(m_cols) +
           static_cast<std::size_t>(c);
  };
  // Counting sort by cell: indices stay ascending inside each cell.
  const std::size_t n_cells = static_cast<std::size_t>(m_cols) * static_cast<std::size_t>(m_rows);
  m_cell_start.assign(n_cells + 1, 0);
  for (const PointInstance& p : points) {
    ++m_cell_start[cell_of(p) + 1];
  }
  for (std::size_t i = 0; i < n_cells; ++i) {
    m_cell_start[i + 1] += m_cell_start[i];
  }
  m_items.resize(points.size());
  std::vector<std::uint32_t> fill(m_cell_start.begin(), m_cell_start.end() - 1);
  for (std::uint32_t i = 0; i < points.size(); ++i) {
    m_items[fill[cell_of(points[i])]++] = i;
  }
}

std::vector<std::uint32_t> PointGrid::query(const LocalBox& box) const {
  std::vector<std::uint32_t> out;
  if (m_count == 0 || box.x1 < m_bounds.x0 || box.x0 > m_bounds.x1 || box.y1 < m_bounds.y0 ||
      box.y0 > m_bounds.y1) {
    return out;
  }
  auto col = [&](float x) {
    return std::clamp(static_cast<int>(std::floor((x - m_bounds.x0) / m_cell_w)), 0, m_cols - 1);
  };
  auto row = [&](float y) {
    return std::clamp(static_cast<int>(std::floor((y - m_bounds.y0) / m_cell_h)), 0, m_rows - 1);
  };
  const int c0 = col(box.x0);
  const int c1 = col(box.x1);
  const int r0 = row(box.y0);
  const int r1 = row(box.y1);
  for (int r = r0; r <= r1; ++r) {
    for (int c = c0; c <= c1; ++c) {
      const std::size_t cell = static_cast<std::size_t>(r) * static_cast<std::size_t>(m_cols) +
                               static_cast<std::size_t>(c);
      for (std::uint32_t k = m_cell_start[cell]; k < m_cell_start[cell + 1]; ++k) {
        const PointInstance& p = m_points[m_items[k]];
        if (p.x >= box.x0 && p.x <= box.x1 && p.y >= box.y0 && p.y <= box.y1) {
          out.push_back(m_items[k]);
        }
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::uint8_t> thin_overlapping(std::span<const PointInstance> points, float cell_m) {
  std::vector<std::uint8_t> keep(points.size(), 1);
  if (!(cell_m > 0.0f) || points.size() < 2) {
    return keep;
  }
  auto key = [&](const PointInstance& p) {
    const auto cx = static_cast<std::int64_t>(std::floor(p.x / cell_m));
    const auto cy = static_cast<std::int64_t>(std::floor(p.y / cell_m));
    const auto cls = static_cast<std::uint64_t>(p.symbol_class);
    return (static_cast<std::uint64_t>(cx & 0xFFFFFF) << 40) |
           (static_cast<std::uint64_t>(cy & 0xFFFFFF) << 16) | (cls & 0xFFFF);
  };
  std::unordered_map<std::uint64_t, std::uint32_t> last;
  last.reserve(points.size());
  for (std::uint32_t i = 0; i < points.size(); ++i) {
    last[key(points[i])] = i;
  }
  for (std::uint32_t i = 0; i < points.size(); ++i) {
    keep[i] = last[key(points[i])] == i ? 1 : 0;
  }
  return keep;
}

}  // namespace caremap::render
