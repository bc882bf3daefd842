#pragma once
// The bytes behind a URL: http(s) through GDAL's HTTP client (so caremap honours GDAL's proxy and
// certificate settings and links no second HTTP library), file:///path or a plain path from disk.
// For tile basemaps; the caller decodes. Blocking: call it from a worker thread.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace caremap::io {

/// Throws core::InputError naming the URL (or path) when nothing could be read: a missing file,
/// an HTTP error, a timeout or an empty response. GDAL's own error messages are kept out of
/// stderr and become the exception's message. `timeout` bounds the whole transfer; connecting
/// is given at most 3 s. No retries. `user_agent`, when given, is sent as the User-Agent header.
std::vector<std::uint8_t> read_url_bytes(const std::string& url, std::chrono::seconds timeout,
                                         const std::string& user_agent = {});

}  // namespace caremap::io
