#pragma once
// An XYZ tile basemap (地理院タイル by default) that follows the view: every frame the viewer
// asks for the tiles covering the map; missing ones are fetched by a few worker threads of its
// own, in parallel (network waits never hold up analyses on the job pool), decoded, and kept in
// a bounded memory cache: at most `max_cached` tiles, the least recently used dropped first.
// Nothing else is kept per tile beyond the tiles of the current view, so memory stays bounded
// however long the map is panned. While a tile is on its way its parent tile, if cached, is
// drawn in its place. Requests carry a User-Agent naming caremap (the GSI asks for one).
//
// Failures: a failed tile is retried while it stays in view, after a back-off that doubles
// (2 s, 4 s, ... at most 60 s). The first failure is reported once (failure()). If no tile has
// ever arrived (offline), the basemap asks for one tile at a time, on the same back-off, until
// one arrives, so an offline viewer neither hangs nor hammers the network.
//
// Tiles are drawn as textured grids whose vertices are the tile's lon/lat grid projected into
// the working CRS (8 x 8 cells per tile), so Web Mercator tiles sit correctly on a plane
// rectangular map without warping images on the CPU.
//
// URL templates: http(s)://.../{z}/{x}/{y}.png, or file:///folder/{z}/{x}/{y}.png (a local tile
// folder, for offline use and tests). $CAREMAP_GSI_URL overrides the GSI template.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "app/tile_math.hpp"
#include "core/geometry.hpp"

namespace caremap::crs {
class Transformer;
}

namespace caremap::app {

/// A decoded tile with its grid in the working CRS.
struct TileImage {
  TileId id;
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;  ///< rows top (north) to bottom
  int grid_n = 8;                  ///< cells per side
  std::vector<core::XY> grid;      ///< (grid_n + 1)^2 points, row 0 north, column 0 west
};

struct TileSource {
  std::string url_template;
  std::string credit;
  int min_zoom = 2;
  int max_zoom = 18;
};

/// 地理院タイル 標準地図 (or $CAREMAP_GSI_URL).
TileSource gsi_tile_source();

/// The User-Agent of tile requests.
inline constexpr const char* kTileUserAgent = "caremap-viewer/0.1 (XYZ tile basemap)";

/// Reads one tile: fetches the URL (file:// and plain paths read from disk) and decodes the image
/// (PNG or JPEG) to RGBA. Throws core::InputError with a readable reason. Thread-safe.
TileImage fetch_tile(const std::string& url, const TileId& id, std::chrono::seconds timeout);

/// The wait before retrying a tile that failed `attempts` times: 2 s doubling, at most 60 s.
std::chrono::milliseconds tile_retry_delay(int attempts);

class TileBasemap {
 public:
  /// `lonlat`: EPSG:4326 -> working CRS; copied for the worker thread.
  /// `workers`: parallel fetches.
  TileBasemap(TileSource source, const crs::Transformer& lonlat, std::size_t max_cached = 300,
              unsigned workers = 4);
  ~TileBasemap();
  TileBasemap(const TileBasemap&) = delete;
  TileBasemap& operator=(const TileBasemap&) = delete;

  /// The view changed or a frame passed: works out the tiles covering `view` (working CRS) at
  /// the zoom for `m_per_px`, queues the missing ones (nearest the centre first, requests no
  /// longer needed dropped) and takes the tiles that arrived. `lonlat` is the UI thread's
  /// transformer. Returns true when what drawable() gives has changed.
  bool update(const core::Box& view, double m_per_px, crs::Transformer& lonlat);

  /// The tiles to draw, coarser (fallback) ones first.
  std::vector<std::shared_ptr<const TileImage>> drawable() const;
  /// Changes whenever drawable() does (for the map's redraw key).
  std::uint64_t generation() const { return m_generation; }

  const TileSource& source() const { return m_source; }
  /// The first failure ("" while none); see the header comment.
  const std::string& failure() const { return m_failure; }
  /// True when fetching stopped because no tile could ever be fetched.
  bool offline() const { return m_offline; }
  /// Tiles queued or being fetched.
  std::size_t pending() const;
  /// Tiles in the memory cache (at most max_cached).
  std::size_t cached() const { return m_cache.size(); }
  /// Every per-tile record the basemap holds (cache, recency, failures, queue, in flight): what
  /// its memory grows with. Bounded by max_cached plus a few views' worth of tiles.
  std::size_t records() const;

 private:
  using Clock = std::chrono::steady_clock;
  struct Failure {
    int attempts = 0;
    Clock::time_point retry_at;
  };
  struct Cached {
    std::shared_ptr<const TileImage> image;
    std::list<TileId>::iterator recency;  ///< its place in m_recency
  };
  struct Done {
    TileId id;
    std::shared_ptr<const TileImage> image;  ///< null on failure
    std::string error;
  };
  void run(std::size_t worker);
  void touch(const TileId& id);

  TileSource m_source;
  std::size_t m_max_cached;
  std::map<TileId, Cached> m_cache;
  std::list<TileId> m_recency;         ///< cached tiles, most recently used first
  std::map<TileId, Failure> m_failed;  ///< only tiles still in view
  std::vector<TileId> m_wanted;        ///< this frame's tiles, nearest the centre first
  std::uint64_t m_generation = 0;
  std::string m_failure;
  bool m_offline = false;
  int m_offline_attempts = 0;            ///< failed probes while offline
  Clock::time_point m_offline_retry_at;  ///< the next probe while offline
  std::size_t m_successes = 0;

  // Shared with the worker.
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<TileId> m_queue;
  std::set<TileId> m_in_flight;
  std::vector<Done> m_done;
  bool m_stop = false;
  std::vector<std::unique_ptr<crs::Transformer>> m_worker_lonlat;  ///< one per worker
  std::vector<std::thread> m_workers;  // last: start after everything above exists
};

}  // namespace caremap::app
