#pragma once
// Runs independent chunks of work on a few std::threads: the calling thread is worker 0 and
// reports progress; the others pull chunk numbers from a shared counter, so uneven chunks balance
// themselves. Used by nearest (and by the network analyses for one origin per chunk), for the
// few large overlays of coverage and PieceOverlay, the disc groups of coverage and the cities of
// the census apportionment, projecting many points (crs/parallel_transform) and reading a
// region's layer files. Calls may nest (a city's overlay groups inside the cities): each call
// starts its own threads, so nesting adds threads rather than waiting for a pool.

#include <cstddef>
#include <functional>

#include "core/progress.hpp"

namespace caremap::core {

/// Calls body(chunk, worker) once for every chunk in [0, chunks), on `threads` workers
/// (0 = std::thread::hardware_concurrency(); never more workers than chunks). `worker` is in
/// [0, workers) and lets the body keep per-worker scratch buffers. Chunks run in no particular
/// order, so the body must write only to its chunk's outputs.
///
/// Progress: the fraction of chunks done, mapped to [progress_from, progress_to], is reported by
/// worker 0 after each of its chunks and once at the end (core::report_progress). Every worker
/// checks for cancellation before each chunk. On cancellation (core::Cancelled) or on any
/// exception from a body, the other workers stop after their current chunk, all threads are
/// joined and the first exception is rethrown.
void parallel_chunks(std::size_t chunks, unsigned threads,
                     const std::function<void(std::size_t chunk, unsigned worker)>& body,
                     Progress* progress = nullptr, double progress_from = 0.0,
                     double progress_to = 1.0);

/// The number of workers parallel_chunks will use for `threads` and `chunks`.
unsigned worker_count(unsigned threads, std::size_t chunks);

}  // namespace caremap::core
