#include "crs/parallel_transform.hpp"

#include <algorithm>
#include <optional>

#include "core/parallel_chunks.hpp"

namespace caremap::crs {

namespace {

// Points per chunk: PROJ's per-call setup is paid once per chunk, and two workers still
// balance on a few hundred thousand points.
constexpr std::size_t kChunkPoints = 32768;

}  // namespace

std::vector<std::size_t> try_transform_in_place_parallel(const Transformer& transformer,
                                                         std::span<core::XY> points,
                                                         unsigned threads) {
  const std::size_t chunks = (points.size() + kChunkPoints - 1) / kChunkPoints;
  if (chunks == 0 || transformer.is_identity()) {
    return {};
  }
  std::vector<std::optional<Transformer>> clones(core::worker_count(threads, chunks));
  std::vector<std::vector<std::size_t>> failed(chunks);
  core::parallel_chunks(chunks, threads, [&](std::size_t chunk, unsigned worker) {
    if (!clones[worker]) {
      clones[worker].emplace(transformer.clone());
    }
    const std::size_t first = chunk * kChunkPoints;
    const std::size_t n = std::min(kChunkPoints, points.size() - first);
    failed[chunk] = clones[worker]->try_transform_in_place(points.subspan(first, n));
    for (std::size_t& i : failed[chunk]) {
      i += first;
    }
  });
  std::vector<std::size_t> all;
  for (const auto& f : failed) {
    all.insert(all.end(), f.begin(), f.end());
  }
  return all;
}

}  // namespace caremap::crs
