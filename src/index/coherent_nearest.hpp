#pragma once
// Exact k-nearest queries for a sequence of nearby points (demand points visited along a
// Hilbert curve): each query reuses the previous answer to bound its search.
//
// If the previous answer's k points lie within R of the new point, the new k nearest do too, so
// one window query on the box of half-size R around the point (a cheap traversal without the
// priority queue of a nearest search) finds every candidate. When the new point is far from the
// previous one the bound would be loose, and a plain nearest search gives the bound instead.
//
// Answers are exact and deterministic: the k points with the smallest distance, ties broken by
// the smaller FeatureId, whatever the visiting order (every point tied with the k-th lies inside
// the window, so none is left out by the tree's layout).
//
// One object per thread (it keeps the previous answer); the index is shared read-only.

#include <vector>

#include "index/point_index.hpp"

namespace caremap::index {

class CoherentNearest {
 public:
  explicit CoherentNearest(const PointIndex& index) : m_index(&index) {}

  /// The k nearest points to `p` into `out` (cleared first), nearest first, ties by id.
  /// Fewer than k when the index holds fewer.
  void nearest(core::XY p, std::size_t k, std::vector<NearestHit>& out);

  /// Queries answered from the previous bound, and those that needed a nearest search.
  std::size_t warm_queries() const { return m_warm; }
  std::size_t cold_queries() const { return m_cold; }

  struct Candidate {
    double distance;
    PointIndex::Value value;
  };

 private:
  // Collects every point within `radius` of p (inclusive) and keeps the k best into `out`.
  void window(core::XY p, double radius, std::size_t k, std::vector<NearestHit>& out);
  // A nearest search from scratch (no usable previous answer).
  void cold(core::XY p, std::size_t k, std::vector<NearestHit>& out);
  // The first n (sorted) candidates become the answer and the next query's bound.
  void keep_best(std::size_t n, std::vector<NearestHit>& out);

  const PointIndex* m_index;
  std::vector<PointIndex::Value> m_previous;  // the previous answer's points
  std::vector<Candidate> m_candidates;        // reused between queries: no allocation per query
  core::XY m_previous_point;
  double m_previous_radius = 0.0;  // distance from the previous point to its k-th answer
  std::size_t m_warm = 0;
  std::size_t m_cold = 0;
};

}  // namespace caremap::index
