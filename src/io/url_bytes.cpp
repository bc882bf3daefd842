#include "io/url_bytes.hpp"

#include <cpl_error.h>
#include <cpl_http.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "core/error.hpp"

namespace caremap::io {

namespace {

// GDAL reports failed downloads through its error handler (stderr by default); here they are
// the exception's message instead, reported once by the viewer.
struct QuietErrors {
  QuietErrors() { CPLPushErrorHandler(CPLQuietErrorHandler); }
  ~QuietErrors() { CPLPopErrorHandler(); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
};

struct HttpResult {
  CPLHTTPResult* result = nullptr;
  ~HttpResult() {
    if (result != nullptr) {
      CPLHTTPDestroyResult(result);
    }
  }
};

}  // namespace

std::vector<std::uint8_t> read_url_bytes(const std::string& url, std::chrono::seconds timeout,
                                         const std::string& user_agent) {
  const bool file = url.starts_with("file://") || url.find("://") == std::string::npos;
  if (file) {
    const std::string path = url.starts_with("file://") ? url.substr(7) : url;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      throw core::InputError("no such tile file", core::ErrorContext{path, {}, {}, {}});
    }
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), {});
  }
  const std::string t = "TIMEOUT=" + std::to_string(timeout.count());
  const std::string c = "CONNECTTIMEOUT=" + std::to_string(std::min<long>(timeout.count(), 3));
  const std::string agent = "USERAGENT=" + user_agent;
  std::vector<const char*> options = {t.c_str(), c.c_str(), "MAX_RETRY=0"};
  if (!user_agent.empty()) {
    options.push_back(agent.c_str());
  }
  options.push_back(nullptr);
  const QuietErrors quiet;
  HttpResult r;
  r.result = CPLHTTPFetch(url.c_str(), const_cast<char**>(options.data()));
  if (r.result == nullptr) {
    throw core::InputError("HTTP fetch failed", core::ErrorContext{url, {}, {}, {}});
  }
  if (r.result->nStatus != 0 || r.result->pszErrBuf != nullptr || r.result->nDataLen == 0) {
    const std::string why = r.result->pszErrBuf != nullptr ? r.result->pszErrBuf : "empty response";
    throw core::InputError(why, core::ErrorContext{url, {}, {}, {}});
  }
  return std::vector<std::uint8_t>(r.result->pabyData, r.result->pabyData + r.result->nDataLen);
}

}  // namespace caremap::io
