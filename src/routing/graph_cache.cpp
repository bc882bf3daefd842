#include "routing/graph_cache.hpp"

#include <unistd.h>

#include <cstring>
#include <fstream>
#include <type_traits>

#include "core/error.hpp"
#include "routing/error_context.hpp"

namespace caremap::routing {

namespace {

constexpr char kMagic[8] = {'C', 'M', 'G', 'R', 'A', 'P', 'H', '\0'};
constexpr char kEndMagic[8] = {'C', 'M', 'G', 'E', 'N', 'D', '\0', '\0'};
constexpr std::uint32_t kByteOrderMark = 0x01020304;

// A fast 64-bit checksum over 8-byte words (detects truncation and bit rot, not tampering).
std::uint64_t checksum(const char* data, std::size_t size) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ size;
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, data + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
    h ^= h >> 29;
  }
  for (; i < size; ++i) {
    h = (h ^ static_cast<unsigned char>(data[i])) * 0xC4CEB9FE1A85EC53ULL;
  }
  return h;
}

// The line-graph statistics in file order, as u64 on every platform (size_t is not).
template <class Stats, class F>
bool for_each_stat(Stats& s, F&& f) {
  return f(s.lines) && f(s.vertices) && f(s.merged_vertices) && f(s.node_field_joins) &&
         f(s.t_junctions);
}

// The graph's arrays in file order. Writing and reading both walk this one list, so the two can
// never disagree on the layout; `f` returns false to stop (a short or corrupt file).
template <class Arrays, class F>
bool for_each_array(Arrays& a, F&& f) {
  return f(a.node_xy) && f(a.node_osm_id) && f(a.first_out) && f(a.head) && f(a.time_s) &&
         f(a.length_m) && f(a.arc_segment) && f(a.arc_forward) && f(a.segment_first_point) &&
         f(a.points) && f(a.segment_way_id) && f(a.segment_from) && f(a.segment_to);
}

class Writer {
 public:
  template <class T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    append(&v, sizeof(T));
  }
  void string(const std::string& s) {
    pod(static_cast<std::uint64_t>(s.size()));
    append(s.data(), s.size());
  }
  template <class T>
  void vec(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    pod(static_cast<std::uint64_t>(v.size()));
    append(v.data(), v.size() * sizeof(T));
  }
  std::vector<char>& buffer() { return m_buf; }

 private:
  // resize + memcpy rather than vector::insert of a byte range, which GCC 12 at -O3 flags with a
  // false -Wstringop-overflow when the vector starts empty.
  void append(const void* bytes, std::size_t n) {
    if (n == 0) {
      return;
    }
    const std::size_t at = m_buf.size();
    m_buf.resize(at + n);
    std::memcpy(m_buf.data() + at, bytes, n);
  }

  std::vector<char> m_buf;
};

class Reader {
 public:
  explicit Reader(const std::vector<char>& buf, std::size_t end) : m_buf(buf), m_end(end) {}
  template <class T>
  bool pod(T& v) {
    if (m_end - m_pos < sizeof(T)) {
      return false;
    }
    std::memcpy(&v, m_buf.data() + m_pos, sizeof(T));
    m_pos += sizeof(T);
    return true;
  }
  bool string(std::string& s) {
    std::uint64_t n = 0;
    if (!pod(n) || m_end - m_pos < n) {
      return false;
    }
    s.assign(m_buf.data() + m_pos, n);
    m_pos += n;
    return true;
  }
  template <class T>
  bool vec(std::vector<T>& v) {
    std::uint64_t n = 0;
    if (!pod(n) || (m_end - m_pos) / sizeof(T) < n) {
      return false;
    }
    v.resize(n);
    std::memcpy(v.data(), m_buf.data() + m_pos, n * sizeof(T));
    m_pos += n * sizeof(T);
    return true;
  }
  std::size_t position() const { return m_pos; }

 private:
  const std::vector<char>& m_buf;
  std::size_t m_end;
  std::size_t m_pos = 0;
};

void write_key(Writer& w, const CacheKey& key) {
  w.pod(kMagic);
  w.pod(key.format_version);
  w.pod(kByteOrderMark);
  w.pod(key.profile_hash);
  w.pod(key.source_size);
  w.pod(key.source_mtime_ns);
  w.string(key.crs);
}

}  // namespace

std::filesystem::path default_cache_path(const std::filesystem::path& source,
                                         const Profile& profile) {
  return default_cache_path(source, profile.name);
}

std::filesystem::path default_cache_path(const std::filesystem::path& source,
                                         const std::string& profile_name) {
  std::filesystem::path p = source;
  p += "." + profile_name + ".caremap-graph";
  return p;
}

CacheKey cache_key_for(const std::filesystem::path& source, const Profile& profile,
                       const std::string& crs) {
  return cache_key_for(source, profile_hash(profile), crs);
}

CacheKey cache_key_for(const std::filesystem::path& source, std::uint64_t profile_hash,
                       const std::string& crs) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(source, ec);
  if (ec) {
    throw core::InputError("cannot read road source: " + ec.message(),
                           file_context(source.string()));
  }
  const auto mtime = std::filesystem::last_write_time(source, ec);
  if (ec) {
    throw core::InputError("cannot read road source time: " + ec.message(),
                           file_context(source.string()));
  }
  CacheKey key;
  key.profile_hash = profile_hash;
  key.source_size = size;
  key.source_mtime_ns =
      std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
  key.crs = crs;
  return key;
}

void write_graph_cache(const RoadGraph& graph, const CacheKey& key,
                       const std::filesystem::path& path) {
  Writer w;
  write_key(w, key);
  w.string(graph.info().source);
  w.string(graph.info().profile);
  for_each_stat(graph.info().line_stats, [&w](std::size_t n) {
    w.pod(static_cast<std::uint64_t>(n));
    return true;
  });
  const GraphArrays& a = graph.arrays();
  for_each_array(a, [&w](const auto& v) {
    w.vec(v);
    return true;
  });
  w.pod(checksum(w.buffer().data(), w.buffer().size()));
  w.pod(kEndMagic);

  std::filesystem::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(w.buffer().data(), static_cast<std::streamsize>(w.buffer().size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      throw core::OutputError("cannot write the road graph cache", file_context(tmp.string()));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw core::OutputError("cannot move the road graph cache into place: " + ec.message(),
                            file_context(path.string()));
  }
}

void write_graph_cache_or_warn(const RoadGraph& graph, const CacheKey& key,
                               const std::filesystem::path& path, core::Diagnostics& diagnostics) {
  try {
    write_graph_cache(graph, key, path);
  } catch (const core::OutputError& e) {
    diagnostics.add({core::Severity::warning,
                     "graph_cache_write_failed",
                     path.string(),
                     std::nullopt,
                     {},
                     e.detail()});
  }
}

std::optional<RoadGraph> read_graph_cache(const std::filesystem::path& path,
                                          const CacheKey& expected,
                                          core::Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::vector<char> buf;
  in.seekg(0, std::ios::end);
  const auto size = static_cast<std::size_t>(in.tellg());
  in.seekg(0);
  buf.resize(size);
  in.read(buf.data(), static_cast<std::streamsize>(size));
  auto invalid = [&](const std::string& why) -> std::optional<RoadGraph> {
    diagnostics.add({core::Severity::warning,
                     "graph_cache_invalid",
                     path.string(),
                     std::nullopt,
                     {},
                     why + "; rebuilding"});
    return std::nullopt;
  };
  if (!in || size < sizeof(kMagic) + 16) {
    return invalid("cache file is truncated");
  }
  // The key first: a stale but well-formed cache is silently replaced.
  Reader header(buf, size);
  char magic[8] = {};
  CacheKey key;
  std::uint32_t bom = 0;
  if (!header.pod(magic) || std::memcmp(magic, kMagic, 8) != 0) {
    return invalid("not a caremap graph cache");
  }
  if (!header.pod(key.format_version) || !header.pod(bom) || bom != kByteOrderMark) {
    return invalid("cache written on a machine of another byte order");
  }
  if (key.format_version != expected.format_version) {
    return std::nullopt;
  }
  if (!header.pod(key.profile_hash) || !header.pod(key.source_size) ||
      !header.pod(key.source_mtime_ns) || !header.string(key.crs)) {
    return invalid("cache header is truncated");
  }
  if (!(key == expected)) {
    return std::nullopt;
  }
  const std::size_t trailer = sizeof(std::uint64_t) + sizeof(kEndMagic);
  if (size < trailer || std::memcmp(buf.data() + size - 8, kEndMagic, 8) != 0) {
    return invalid("cache file is truncated");
  }
  std::uint64_t stored = 0;
  std::memcpy(&stored, buf.data() + size - trailer, sizeof(stored));
  if (stored != checksum(buf.data(), size - trailer)) {
    return invalid("cache checksum mismatch");
  }
  Reader r(buf, size - trailer);
  GraphInfo info;
  GraphArrays a;
  // Re-read the key to reach the payload.
  CacheKey again;
  char m2[8] = {};
  std::uint32_t b2 = 0;
  const bool ok =
      r.pod(m2) && r.pod(again.format_version) && r.pod(b2) && r.pod(again.profile_hash) &&
      r.pod(again.source_size) && r.pod(again.source_mtime_ns) && r.string(again.crs) &&
      r.string(info.source) && r.string(info.profile) &&
      for_each_stat(info.line_stats,
                    [&r](std::size_t& n) {
                      std::uint64_t v = 0;
                      const bool read = r.pod(v);
                      n = static_cast<std::size_t>(v);
                      return read;
                    }) &&
      for_each_array(a, [&r](auto& v) { return r.vec(v); }) && r.position() == size - trailer;
  if (!ok) {
    return invalid("cache payload is malformed");
  }
  info.profile_hash = key.profile_hash;
  info.crs = key.crs;
  try {
    return RoadGraph(std::move(a), std::move(info));
  } catch (const core::InputError& e) {
    return invalid(e.detail());
  }
}

}  // namespace caremap::routing
