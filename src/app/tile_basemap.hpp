#pragma once
// An XYZ tile basemap (地理院タイル by default) that follows the view: every frame the viewer
// asks for the tiles covering the map; missing ones are fetched by a worker thread of its own
// (network waits never hold up analyses on the job thread), decoded, and kept in a memory cache
// (least recently used dropped beyond a limit). While a tile is on its way its parent tile, if
// cached, is drawn in its place.
//
// Failures are reported once: the first failed tile sets failure(); if no tile has ever
// arrived (offline), fetching stops until the basemap is switched off and on again, so an
// offline viewer neither hangs nor retries in a loop.
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

/// Reads one tile: fetches the URL (file:// and plain paths read from disk) and decodes the image
/// (PNG or JPEG) to RGBA. Throws core::InputError with a readable reason. Thread-safe.
TileImage fetch_tile(const std::string& url, const TileId& id, std::chrono::seconds timeout);

class TileBasemap {
 public:
  /// `lonlat`: EPSG:4326 -> working CRS; copied for the worker thread.
  TileBasemap(TileSource source, const crs::Transformer& lonlat, std::size_t max_cached = 300);
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

 private:
  struct Done {
    TileId id;
    std::shared_ptr<const TileImage> image;  ///< null on failure
    std::string error;
  };
  void run();

  TileSource m_source;
  std::size_t m_max_cached;
  std::map<TileId, std::shared_ptr<const TileImage>> m_cache;
  std::map<TileId, std::uint64_t> m_last_used;
  std::set<TileId> m_failed;
  std::vector<TileId> m_wanted;  ///< this frame's tiles, nearest the centre first
  std::uint64_t m_frame = 0;
  std::uint64_t m_generation = 0;
  std::string m_failure;
  bool m_offline = false;
  std::size_t m_successes = 0;

  // Shared with the worker.
  mutable std::mutex m_mutex;
  std::condition_variable m_wake;
  std::deque<TileId> m_queue;
  std::set<TileId> m_in_flight;
  std::vector<Done> m_done;
  bool m_stop = false;
  std::unique_ptr<crs::Transformer> m_worker_lonlat;
  std::thread m_worker;  // last: starts after everything above exists
};

}  // namespace caremap::app
