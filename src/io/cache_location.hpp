#pragma once
// Where a cache that belongs next to its source file (the road-graph cache beside an OSM
// extract) is kept when the source's folder is read-only (an installed package, a shared drive):
// the user's cache directory instead, so such data still gets a cache. The viewer and the command
// line use the same rule, so they find each other's caches.

#include <filesystem>

namespace caremap::io {

/// `beside` when its folder (the current directory for a bare file name) is writable; else the
/// same file name in $XDG_CACHE_HOME/caremap, or ~/.cache/caremap without XDG_CACHE_HOME, or
/// /tmp/.cache/caremap without HOME. That folder is created if missing; when it cannot be, the
/// path is still returned and writing the cache fails later (a cache is never worth an error
/// here). Does not throw.
std::filesystem::path writable_cache_path(const std::filesystem::path& beside);

}  // namespace caremap::io
