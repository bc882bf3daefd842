#include "app/tile_basemap.hpp"

#include <stb_image.h>

#include <algorithm>
#include <cstdlib>

#include "core/error.hpp"
#include "crs/transformer.hpp"
#include "io/url_bytes.hpp"

namespace caremap::app {

namespace {

constexpr const char* kGsiUrl = "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png";
constexpr const char* kGsiCredit = "地理院タイル (国土地理院)";

}  // namespace

TileSource gsi_tile_source() {
  TileSource s;
  const char* env = std::getenv("CAREMAP_GSI_URL");
  s.url_template = env != nullptr && *env != '\0' ? env : kGsiUrl;
  s.credit = kGsiCredit;
  s.min_zoom = 2;
  s.max_zoom = 18;
  return s;
}

TileImage fetch_tile(const std::string& url, const TileId& id, std::chrono::seconds timeout) {
  const std::vector<std::uint8_t> bytes = io::read_url_bytes(url, timeout, kTileUserAgent);
  int w = 0;
  int h = 0;
  int channels = 0;
  stbi_uc* pixels =
      stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 4);
  if (pixels == nullptr) {
    throw core::InputError("not a PNG or JPEG tile", core::ErrorContext{url, {}, {}, {}});
  }
  TileImage img;
  img.id = id;
  img.width = w;
  img.height = h;
  img.rgba.assign(pixels, pixels + static_cast<std::size_t>(w) * h * 4);
  stbi_image_free(pixels);
  return img;
}

std::chrono::milliseconds tile_retry_delay(int attempts) {
  const int doublings = std::clamp(attempts - 1, 0, 5);
  return std::min(std::chrono::milliseconds(2000 << doublings), std::chrono::milliseconds(60000));
}

TileBasemap::TileBasemap(TileSource source, const crs::Transformer& lonlat, std::size_t max_cached,
                         unsigned workers)
    : m_source(std::move(source)), m_max_cached(std::max<std::size_t>(max_cached, 1)) {
  const unsigned n = std::max(1u, workers);
  for (unsigned i = 0; i < n; ++i) {
    m_worker_lonlat.push_back(std::make_unique<crs::Transformer>(lonlat.clone()));
  }
  for (unsigned i = 0; i < n; ++i) {
    m_workers.emplace_back([this, i] { run(i); });
  }
}

TileBasemap::~TileBasemap() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_queue.clear();
  }
  m_wake.notify_all();
  for (std::thread& t : m_workers) {
    t.join();
  }
}

std::size_t TileBasemap::pending() const {
  std::lock_guard lock(m_mutex);
  return m_queue.size() + m_in_flight.size();
}

std::size_t TileBasemap::records() const {
  std::lock_guard lock(m_mutex);
  return m_cache.size() + m_recency.size() + m_failed.size() + m_queue.size() + m_in_flight.size() +
         m_done.size();
}

void TileBasemap::touch(const TileId& id) {
  if (auto it = m_cache.find(id); it != m_cache.end()) {
    m_recency.splice(m_recency.begin(), m_recency, it->second.recency);
  }
}

void TileBasemap::run(std::size_t worker) {
  crs::Transformer& lonlat = *m_worker_lonlat[worker];
  for (;;) {
    TileId id;
    {
      std::unique_lock lock(m_mutex);
      m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
      if (m_stop) {
        return;
      }
      id = m_queue.front();
      m_queue.pop_front();
      m_in_flight.insert(id);
    }
    Done done;
    done.id = id;
    try {
      auto img = std::make_shared<TileImage>(
          fetch_tile(tile_url(m_source.url_template, id), id, std::chrono::seconds(8)));
      // The tile's lon/lat grid in the working CRS: a Web Mercator square is a slightly curved
      // quadrilateral on a plane rectangular map.
      const int n = img->grid_n;
      img->grid.reserve(static_cast<std::size_t>((n + 1) * (n + 1)));
      for (int row = 0; row <= n; ++row) {
        for (int col = 0; col <= n; ++col) {
          const core::LonLat p = tile_to_lonlat(id.x + static_cast<double>(col) / n,
                                                id.y + static_cast<double>(row) / n, id.z);
          img->grid.push_back(lonlat.forward(p));
        }
      }
      done.image = std::move(img);
    } catch (const std::exception& e) {
      done.error = e.what();
    }
    std::lock_guard lock(m_mutex);
    m_in_flight.erase(id);
    m_done.push_back(std::move(done));
  }
}

bool TileBasemap::update(const core::Box& view, double m_per_px, crs::Transformer& lonlat) {
  const std::uint64_t before = m_generation;
  const Clock::time_point now = Clock::now();
  // Arrivals.
  std::vector<Done> done;
  {
    std::lock_guard lock(m_mutex);
    done.swap(m_done);
  }
  for (Done& d : done) {
    if (d.image) {
      m_failed.erase(d.id);
      if (auto it = m_cache.find(d.id); it != m_cache.end()) {
        it->second.image = std::move(d.image);
        touch(d.id);
      } else {
        m_recency.push_front(d.id);
        m_cache.emplace(d.id, Cached{std::move(d.image), m_recency.begin()});
      }
      ++m_successes;
      m_offline = false;
      m_offline_attempts = 0;
      ++m_generation;
    } else {
      Failure& f = m_failed[d.id];
      ++f.attempts;
      f.retry_at = now + tile_retry_delay(f.attempts);
      if (m_failure.empty()) {
        m_failure = d.error;
      }
      if (m_successes == 0) {
        // Nothing ever arrived: from now on one probe at a time, on a back-off of its own.
        m_offline = true;
        ++m_offline_attempts;
        m_offline_retry_at = now + tile_retry_delay(m_offline_attempts);
      }
    }
  }

  // The view's lon/lat box: corners and edge midpoints (the projection bends edges a little).
  core::LonLat sw{180, 90};
  core::LonLat ne{-180, -90};
  const core::XY lo = view.min_corner();
  const core::XY hi = view.max_corner();
  for (double fx : {0.0, 0.5, 1.0}) {
    for (double fy : {0.0, 0.5, 1.0}) {
      try {
        const core::LonLat p =
            lonlat.inverse(core::XY{lo.x + (hi.x - lo.x) * fx, lo.y + (hi.y - lo.y) * fy});
        sw = core::LonLat{std::min(sw.lon, p.lon), std::min(sw.lat, p.lat)};
        ne = core::LonLat{std::max(ne.lon, p.lon), std::max(ne.lat, p.lat)};
      } catch (const std::exception&) {
        // A corner beyond the projection's domain: the others still bound the view.
      }
    }
  }
  std::vector<TileId> wanted;
  if (sw.lon <= ne.lon && sw.lat <= ne.lat) {
    const int z =
        tile_zoom(m_per_px, (sw.lat + ne.lat) / 2.0, m_source.min_zoom, m_source.max_zoom);
    wanted = tiles_covering(sw, ne, z, 96);
  }
  if (wanted != m_wanted) {
    m_wanted = wanted;
    ++m_generation;
  }
  // Recency: the view's tiles (and the parents drawn for them) are the most recently used.
  for (auto it = m_wanted.rbegin(); it != m_wanted.rend(); ++it) {
    touch(*it);
    if (it->z > 0) {
      touch(TileId{it->z - 1, it->x / 2, it->y / 2});
    }
  }
  // Failures are remembered only while their tile is in view: a tile seen again later starts
  // afresh, and panning far never accumulates records.
  std::erase_if(m_failed, [&](const auto& entry) {
    return std::find(m_wanted.begin(), m_wanted.end(), entry.first) == m_wanted.end();
  });

  // Requests: what is wanted, not cached, not on its way and not waiting out a back-off; stale
  // requests dropped. Offline, a single probe.
  bool queued = false;
  {
    std::lock_guard lock(m_mutex);
    m_queue.clear();
    if (m_offline) {
      if (now >= m_offline_retry_at && m_in_flight.empty() && !m_wanted.empty()) {
        m_queue.push_back(m_wanted.front());
      }
    } else {
      for (const TileId& t : m_wanted) {
        const auto failed = m_failed.find(t);
        if (!m_cache.contains(t) && !m_in_flight.contains(t) &&
            (failed == m_failed.end() || failed->second.retry_at <= now)) {
          m_queue.push_back(t);
        }
      }
    }
    queued = !m_queue.empty();
  }
  if (queued) {
    m_wake.notify_all();
  }

  // Least recently used tiles beyond the limit go.
  while (m_cache.size() > m_max_cached) {
    m_cache.erase(m_recency.back());
    m_recency.pop_back();
  }
  return m_generation != before;
}

std::vector<std::shared_ptr<const TileImage>> TileBasemap::drawable() const {
  std::vector<std::shared_ptr<const TileImage>> fallback;
  std::vector<std::shared_ptr<const TileImage>> exact;
  std::set<TileId> parents;
  for (const TileId& t : m_wanted) {
    if (auto it = m_cache.find(t); it != m_cache.end()) {
      exact.push_back(it->second.image);
    } else if (t.z > 0) {
      const TileId parent{t.z - 1, t.x / 2, t.y / 2};
      if (auto p = m_cache.find(parent); p != m_cache.end() && parents.insert(parent).second) {
        fallback.push_back(p->second.image);
      }
    }
  }
  fallback.insert(fallback.end(), exact.begin(), exact.end());
  return fallback;
}

}  // namespace caremap::app
