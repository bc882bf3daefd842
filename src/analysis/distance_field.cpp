#include "analysis/distance_field.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace caremap::analysis {

namespace {

constexpr float kFar = std::numeric_limits<float>::infinity();
constexpr std::uint32_t kNoLabel = std::numeric_limits<std::uint32_t>::max();
// Vertices within r + this many cells of a line are computed (see the header).
constexpr double kReachCells = 1.5;

// Fraction of the way from fa to fb where a linear function with these end values is zero; a
// half when that is undefined (equal or non-finite values).
double zero_between(double fa, double fb) {
  const double den = fa - fb;
  const double t = fa / den;
  return std::isfinite(t) ? t : 0.5;
}

}  // namespace

void DistanceField::reset(const Grid& grid, std::uint32_t labels, std::uint32_t bands,
                          double buffer_m) {
  m_grid = grid;
  m_labels = std::max<std::uint32_t>(labels, 1);
  m_bands = std::max<std::uint32_t>(bands, 1);
  m_r = buffer_m / grid.cell;
  m_reach2 = (m_r + kReachCells) * (m_r + kReachCells);
  const std::size_t n = grid.size();
  m_d1.assign(n, kFar);
  if (m_labels > 1) {
    m_l1.assign(n, kNoLabel);
    m_d2.assign(n, kFar);
    m_l2.assign(n, kNoLabel);
  } else {
    m_l1.clear();
    m_d2.clear();
    m_l2.clear();
  }
  m_dk.assign(n * (m_bands - 1), kFar);
  m_class.assign(n, kOutsideClass);
}

// Calls update(vertex, squared distance in cells) for every vertex closer than the reach to the
// segment a-b: row by row over the part of the segment within reach of the row, widened by the
// half-chord of the reach circle at that part's smallest vertical offset.
template <class Update>
void DistanceField::for_each_near(core::XY pa, core::XY pb, Update&& update) {
  const double inv = 1.0 / m_grid.cell;
  const double ax = (pa.x - m_grid.origin.x) * inv;
  const double ay = (pa.y - m_grid.origin.y) * inv;
  const double dx = (pb.x - pa.x) * inv;
  const double dy = (pb.y - pa.y) * inv;
  const double len2 = dx * dx + dy * dy;
  const double inv_len2 = len2 > 0.0 ? 1.0 / len2 : 0.0;
  const double reach = std::sqrt(m_reach2);
  const int last_row = static_cast<int>(m_grid.rows) - 1;
  const int last_col = static_cast<int>(m_grid.columns) - 1;
  const int j0 = std::max(0, static_cast<int>(std::ceil(std::min(ay, ay + dy) - reach)));
  const int j1 = std::min(last_row, static_cast<int>(std::floor(std::max(ay, ay + dy) + reach)));
  for (int j = j0; j <= j1; ++j) {
    const double py = j - ay;
    double t0 = 0.0;
    double t1 = 1.0;
    if (dy != 0.0) {
      double ta = (py - reach) / dy;
      double tb = (py + reach) / dy;
      if (ta > tb) {
        std::swap(ta, tb);
      }
      t0 = std::max(0.0, ta);
      t1 = std::min(1.0, tb);
      if (t0 > t1) {
        continue;
      }
    }
    const double oa = t0 * dy - py;  // vertical offsets of the part's ends from the row
    const double ob = t1 * dy - py;
    const double e = oa * ob > 0.0 ? std::min(std::abs(oa), std::abs(ob)) : 0.0;
    const double half = std::sqrt(std::max(0.0, m_reach2 - e * e));
    const double xa = ax + t0 * dx;
    const double xb = ax + t1 * dx;
    const int i0 = std::max(0, static_cast<int>(std::ceil(std::min(xa, xb) - half)));
    const int i1 = std::min(last_col, static_cast<int>(std::floor(std::max(xa, xb) + half)));
    std::uint32_t v =
        static_cast<std::uint32_t>(j) * m_grid.columns + static_cast<std::uint32_t>(i0);
    for (int i = i0; i <= i1; ++i, ++v) {
      const double px = i - ax;
      const double t = std::clamp((px * dx + py * dy) * inv_len2, 0.0, 1.0);
      const double ex = px - t * dx;
      const double ey = py - t * dy;
      const double d2 = ex * ex + ey * ey;
      if (d2 < m_reach2) {
        update(v, static_cast<float>(d2));
      }
    }
  }
}

template <class Update>
void DistanceField::for_each_near(std::span<const core::XY> line, Update&& update) {
  bool any = false;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (!(line[i] == line[i - 1])) {
      for_each_near(line[i - 1], line[i], update);
      any = true;
    }
  }
  if (!any && !line.empty()) {
    for_each_near(line[0], line[0], update);  // a line of one point: its round buffer
  }
}

void DistanceField::add_outer_line(std::span<const core::XY> line, std::uint32_t label) {
  if (m_labels == 1) {
    for_each_near(line, [this](std::uint32_t v, float d) {
      if (d < m_d1[v]) {
        m_d1[v] = d;
      }
    });
    return;
  }
  for_each_near(line, [this, label](std::uint32_t v, float d) {
    float& d1 = m_d1[v];
    std::uint32_t& l1 = m_l1[v];
    if (label == l1) {
      d1 = std::min(d1, d);
    } else if (d < d1 || (d == d1 && label < l1)) {
      // The former nearest (another owner) becomes the nearest of the other owners.
      if (l1 != kNoLabel) {
        m_d2[v] = d1;
        m_l2[v] = l1;
      }
      d1 = d;
      l1 = label;
    } else if (d < m_d2[v] || (d == m_d2[v] && label < m_l2[v])) {
      m_d2[v] = d;
      m_l2[v] = label;
    }
  });
}

void DistanceField::add_inner_line(std::span<const core::XY> line, std::uint32_t label,
                                   std::uint32_t band) {
  float* dk = m_dk.data() + static_cast<std::size_t>(band) * m_grid.size();
  const bool one = m_labels == 1;
  for_each_near(line, [&](std::uint32_t v, float d) {
    if ((one || m_l1[v] == label) && d < dk[v]) {
      dk[v] = d;
    }
  });
}

void DistanceField::classify() {
  auto root = [](std::vector<float>& values) {
    for (float& x : values) {
      x = std::sqrt(x);
    }
  };
  root(m_d1);
  root(m_d2);
  root(m_dk);
  const std::size_t n = m_grid.size();
  const auto r = static_cast<float>(m_r);
  for (std::size_t v = 0; v < n; ++v) {
    if (!(m_d1[v] < r)) {
      m_class[v] = kOutsideClass;
      continue;
    }
    std::uint32_t band = 0;
    while (band + 1 < m_bands && !(m_dk[band * n + v] < r)) {
      ++band;
    }
    m_class[v] = (m_labels == 1 ? 0 : m_l1[v]) * m_bands + band;
  }
}

double DistanceField::crossing(std::uint32_t a, std::uint32_t b) const {
  const std::uint32_t ka = m_class[a];
  const std::uint32_t kb = m_class[b];
  if (ka != kOutsideClass && kb != kOutsideClass && ka / m_bands != kb / m_bands) {
    // Two owners: where the distances to their roads are equal. At a, d1 is the distance to
    // a's owner and d2 (normally) to b's; at b the other way round.
    return zero_between(static_cast<double>(m_d1[a]) - m_d2[a],
                        static_cast<double>(m_d2[b]) - m_d1[b]);
  }
  // One owner (or outside): where the field of the outer of the two bands reaches r.
  const std::uint32_t ba = ka == kOutsideClass ? m_bands : ka % m_bands;
  const std::uint32_t bb = kb == kOutsideClass ? m_bands : kb % m_bands;
  const std::uint32_t j = std::max(ba, bb) - 1;
  const float* d = j + 1 == m_bands ? m_d1.data() : m_dk.data() + j * m_grid.size();
  return zero_between(static_cast<double>(d[a]) - m_r, static_cast<double>(d[b]) - m_r);
}

double DistanceField::distance_to_label(std::uint32_t v, std::uint32_t label) const {
  if (m_l1[v] == label) {
    return m_d1[v];
  }
  // Another owner's distance is at least d2 (the nearest of the owners other than l1).
  return m_d2[v];
}

std::uint32_t DistanceField::centre_class(std::uint32_t v0) const {
  const std::uint32_t cols = m_grid.columns;
  const std::uint32_t corner[4] = {v0, v0 + cols, v0 + cols + 1, v0 + 1};
  bool outside = false;
  double mean = 0.0;
  for (const std::uint32_t v : corner) {
    outside = outside || m_class[v] == kOutsideClass;
    mean += 0.25 * m_d1[v];
  }
  if (outside && !(mean < m_r)) {
    return kOutsideClass;
  }
  // The owner whose roads are nearest to the centre, estimated by the mean over the corners.
  std::uint32_t label = 0;
  if (m_labels > 1) {
    double best = std::numeric_limits<double>::infinity();
    label = kNoLabel;
    for (const std::uint32_t v : corner) {
      if (m_class[v] == kOutsideClass) {
        continue;
      }
      const std::uint32_t l = m_class[v] / m_bands;
      double est = 0.0;
      for (const std::uint32_t w : corner) {
        est += 0.25 * distance_to_label(w, l);
      }
      if (label == kNoLabel || est < best || (est == best && l < label)) {
        best = est;
        label = l;
      }
    }
  }
  // Its band at the centre, estimated the same way from the corners it owns, then the nearest
  // band among its corners (so that the centre class is one of theirs).
  std::uint32_t band = m_bands - 1;
  const std::size_t n = m_grid.size();
  for (std::uint32_t k = 0; k + 1 < m_bands; ++k) {
    double sum = 0.0;
    int count = 0;
    for (const std::uint32_t v : corner) {
      if (m_labels == 1 || m_l1[v] == label) {
        sum += m_dk[k * n + v];
        ++count;
      }
    }
    if (count > 0 && sum / count < m_r) {
      band = k;
      break;
    }
  }
  std::uint32_t best_class = kOutsideClass;
  std::uint32_t best_gap = 0;
  for (const std::uint32_t v : corner) {
    const std::uint32_t c = m_class[v];
    if (c == kOutsideClass || c / m_bands != label) {
      continue;
    }
    const std::uint32_t b = c % m_bands;
    const std::uint32_t gap = b > band ? b - band : band - b;
    if (best_class == kOutsideClass || gap < best_gap || (gap == best_gap && c < best_class)) {
      best_class = c;
      best_gap = gap;
    }
  }
  return best_class;
}

}  // namespace caremap::analysis
