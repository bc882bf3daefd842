#pragma once
// The on-disk cache of a RoadGraph: one binary file per (source, profile), by default next to
// the source as "<source>.<profile>.caremap-graph".
//
// Layout (native byte order, little-endian on every platform caremap targets):
//   "CMGRAPH\0" | u32 format version | u32 byte-order mark 0x01020304
//   | u64 profile hash | u64 source size | i64 source mtime (ns since the file clock's epoch)
//   | string crs | string source | string profile name          (string = u64 length + bytes)
//   | 5 x u64 line-graph statistics (lines, vertices, merged vertices, node-field joins,
//     T-junctions; zero for OSM graphs)                                       (since version 2)
//   | the GraphArrays vectors in declaration order (u64 count + raw elements)
//   | u64 checksum of everything before it | "CMGEND\0\0"
// The header is the cache key: a cache is used only when every field matches. Files are
// written to "<path>.tmp-<pid>" and renamed over the target, so a reader never sees half a file.
// Reading maps the arrays straight into vectors: O(file size), far faster than parsing OSM.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "routing/profile.hpp"
#include "routing/road_graph.hpp"

namespace caremap::routing {

// Any change to the layout bumps this: a cache of another version is rebuilt, never misread.
// 2: the line-graph statistics after the profile name.
inline constexpr std::uint32_t kGraphCacheVersion = 2;

struct CacheOptions {
  bool enabled = true;
  std::filesystem::path path;  ///< empty = default_cache_path(source, profile)
  std::string crs;             ///< working CRS definition of the projector, e.g. "EPSG:32632"
};

/// What a cache must match to be reused.
struct CacheKey {
  std::uint32_t format_version = kGraphCacheVersion;
  std::uint64_t profile_hash = 0;
  std::uint64_t source_size = 0;
  std::int64_t source_mtime_ns = 0;
  std::string crs;

  friend bool operator==(const CacheKey&, const CacheKey&) = default;
};

/// "<source>.<profile name>.caremap-graph".
std::filesystem::path default_cache_path(const std::filesystem::path& source,
                                         const Profile& profile);

/// "<source>.<profile name>.caremap-graph" for any profile (line-layer profiles too).
std::filesystem::path default_cache_path(const std::filesystem::path& source,
                                         const std::string& profile_name);

/// The key of `source` as it is now, for a profile known by its hash. Throws core::InputError if
/// the file does not exist.
CacheKey cache_key_for(const std::filesystem::path& source, std::uint64_t profile_hash,
                       const std::string& crs);

/// The key of `source` as it is now. Throws core::InputError if the file does not exist.
CacheKey cache_key_for(const std::filesystem::path& source, const Profile& profile,
                       const std::string& crs);

/// Writes the graph atomically (temp file + rename). Throws core::OutputError on failure.
void write_graph_cache(const RoadGraph& graph, const CacheKey& key,
                       const std::filesystem::path& path);

/// write_graph_cache, but a cache that cannot be written is only a "graph_cache_write_failed"
/// warning: the graph was built and the run goes on without a cache.
void write_graph_cache_or_warn(const RoadGraph& graph, const CacheKey& key,
                               const std::filesystem::path& path, core::Diagnostics& diagnostics);

/// The cached graph if `path` exists and its key equals `expected`; nullopt when it is absent or
/// stale. A file that exists but is truncated, corrupt or of another format adds a
/// "graph_cache_invalid" diagnostic and returns nullopt.
std::optional<RoadGraph> read_graph_cache(const std::filesystem::path& path,
                                          const CacheKey& expected, core::Diagnostics& diagnostics);

}  // namespace caremap::routing
