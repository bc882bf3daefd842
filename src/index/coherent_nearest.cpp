#include "index/coherent_nearest.hpp"

#include <algorithm>

namespace caremap::index {

namespace bg = boost::geometry;

namespace {

bool closer(const CoherentNearest::Candidate& a, const CoherentNearest::Candidate& b) {
  return a.distance < b.distance || (a.distance == b.distance && a.value.second < b.value.second);
}

}  // namespace

void CoherentNearest::window(core::XY p, double radius, std::size_t k,
                             std::vector<NearestHit>& out) {
  // A hair of slack so floating-point rounding in the box test never drops a point at exactly
  // `radius`; the exact distance test below decides.
  const double r = radius * (1.0 + 1e-12) + 1e-9;
  const core::Box box{{p.x - r, p.y - r}, {p.x + r, p.y + r}};
  m_candidates.clear();
  m_index->for_each_in_box(box, [&](const PointIndex::Value& v) {
    const double d = bg::distance(p, v.first);
    if (d <= r) {
      m_candidates.push_back(Candidate{d, v});
    }
  });
  const std::size_t n = std::min(k, m_candidates.size());
  std::partial_sort(m_candidates.begin(), m_candidates.begin() + static_cast<std::ptrdiff_t>(n),
                    m_candidates.end(), closer);
  keep_best(n, out);
}

void CoherentNearest::keep_best(std::size_t n, std::vector<NearestHit>& out) {
  out.clear();
  m_previous.clear();
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(NearestHit{m_candidates[i].value.second, core::Meters{m_candidates[i].distance}});
    m_previous.push_back(m_candidates[i].value);
  }
}

void CoherentNearest::nearest(core::XY p, std::size_t k, std::vector<NearestHit>& out) {
  out.clear();
  if (k == 0 || m_index->empty()) {
    return;
  }
  const std::size_t want = std::min(k, m_index->size());
  // Warm: the previous answer is a valid bound when it had k points; it is a tight one when the
  // new point is near the previous one (here: closer than half the previous k-th distance, so
  // the window is at most 1.5 times as wide as the answer's circle).
  if (m_previous.size() == want &&
      bg::distance(p, m_previous_point) <= std::max(0.5 * m_previous_radius, 1.0)) {
    double radius = 0.0;
    for (const auto& v : m_previous) {
      radius = std::max(radius, bg::distance(p, v.first));
    }
    ++m_warm;
    window(p, radius, want, out);
  } else {
    ++m_cold;
    cold(p, want, out);
  }
  m_previous_point = p;
  m_previous_radius = out.empty() ? 0.0 : out.back().distance.value;
}

void CoherentNearest::cold(core::XY p, std::size_t k, std::vector<NearestHit>& out) {
  // One more than asked: when it is strictly farther than the k-th, nothing ties with the k-th
  // and the nearest search alone is the answer; otherwise the window collects every tie.
  m_candidates.clear();
  m_index->for_each_nearest(p, k + 1, [&](const PointIndex::Value& v) {
    m_candidates.push_back(Candidate{bg::distance(p, v.first), v});
  });
  std::sort(m_candidates.begin(), m_candidates.end(), closer);
  if (m_candidates.size() > k && !(m_candidates[k].distance > m_candidates[k - 1].distance)) {
    window(p, m_candidates[k - 1].distance, k, out);
    return;
  }
  keep_best(std::min(k, m_candidates.size()), out);
}

}  // namespace caremap::index
