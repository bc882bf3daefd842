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
  const std::vector<std::uint8_t> bytes = io::read_url_bytes(url, timeout);
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

TileBasemap::TileBasemap(TileSource source, const crs::Transformer& lonlat, std::size_t max_cached)
    : m_source(std::move(source)),
      m_max_cached(max_cached),
      m_worker_lonlat(std::make_unique<crs::Transformer>(lonlat.clone())),
      m_worker([this] { run(); }) {}

TileBasemap::~TileBasemap() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_queue.clear();
  }
  m_wake.notify_all();
  m_worker.join();
}

std::size_t TileBasemap::pending() const {
  std::lock_guard lock(m_mutex);
  return m_queue.size() + m_in_flight.size();
}

void TileBasemap::run() {
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
          img->grid.push_back(m_worker_lonlat->forward(p));
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
  ++m_frame;
  const std::uint64_t before = m_generation;
  // Arrivals.
  std::vector<Done> done;
  {
    std::lock_guard lock(m_mutex);
    done.swap(m_done);
  }
  for (Done& d : done) {
    if (d.image) {
      m_cache[d.id] = std::move(d.image);
      m_last_used[d.id] = m_frame;
      ++m_successes;
      ++m_generation;
    } else {
      m_failed.insert(d.id);
      if (m_failure.empty()) {
        m_failure = d.error;
      }
      if (m_successes == 0) {
        m_offline = true;  // nothing ever arrived: stop asking
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
  for (const TileId& t : m_wanted) {
    m_last_used[t] = m_frame;
  }

  // Requests: what is wanted, not cached, not failed, not on its way; stale ones dropped.
  if (!m_offline) {
    std::lock_guard lock(m_mutex);
    m_queue.clear();
    for (const TileId& t : m_wanted) {
      if (!m_cache.contains(t) && !m_failed.contains(t) && !m_in_flight.contains(t)) {
        m_queue.push_back(t);
      }
    }
  }
  if (!m_queue.empty()) {
    m_wake.notify_one();
  }

  // Least recently used tiles beyond the limit go.
  if (m_cache.size() > m_max_cached) {
    std::vector<std::pair<std::uint64_t, TileId>> by_use;
    for (const auto& [id, img] : m_cache) {
      by_use.emplace_back(m_last_used[id], id);
    }
    std::sort(by_use.begin(), by_use.end());
    for (std::size_t i = 0; i + m_max_cached < by_use.size(); ++i) {
      m_cache.erase(by_use[i].second);
      m_last_used.erase(by_use[i].second);
    }
  }
  return m_generation != before;
}

std::vector<std::shared_ptr<const TileImage>> TileBasemap::drawable() const {
  std::vector<std::shared_ptr<const TileImage>> fallback;
  std::vector<std::shared_ptr<const TileImage>> exact;
  std::set<TileId> parents;
  for (const TileId& t : m_wanted) {
    if (auto it = m_cache.find(t); it != m_cache.end()) {
      exact.push_back(it->second);
    } else if (t.z > 0) {
      const TileId parent{t.z - 1, t.x / 2, t.y / 2};
      if (auto p = m_cache.find(parent); p != m_cache.end() && parents.insert(parent).second) {
        fallback.push_back(p->second);
      }
    }
  }
  fallback.insert(fallback.end(), exact.begin(), exact.end());
  return fallback;
}

}  // namespace caremap::app
