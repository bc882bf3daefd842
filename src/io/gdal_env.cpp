#include "io/gdal_env.hpp"

#include <cpl_error.h>
#include <cpl_vsi.h>
#include <gdal.h>

#include <atomic>
#include <mutex>

#include "io/postgis.hpp"

namespace caremap::io::detail {

namespace {

void CPL_STDCALL collect(CPLErr level, CPLErrorNum /*code*/, const char* text) {
  auto* sink = static_cast<ScopedCplErrors*>(CPLGetErrorHandlerUserData());
  if (sink != nullptr && level >= CE_Warning) {
    sink->add(level >= CE_Failure, text != nullptr ? text : "");
  }
}

}  // namespace

void ensure_gdal() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

ScopedCplErrors::ScopedCplErrors() {
  ensure_gdal();
  CPLPushErrorHandlerEx(collect, this);
}

ScopedCplErrors::~ScopedCplErrors() {
  CPLPopErrorHandler();
}

void ScopedCplErrors::add(bool is_error, std::string text) {
  // GDAL's PostgreSQL driver may quote the connection string it was given.
  (is_error ? m_errors : m_warnings).push_back(redact_passwords(text));
}

std::string ScopedCplErrors::message(const std::string& fallback) const {
  if (m_errors.empty()) {
    return fallback;
  }
  std::string out;
  for (const auto& e : m_errors) {
    out += (out.empty() ? "" : "; ") + e;
  }
  return out;
}

VsiMemFile::VsiMemFile(std::string content, const std::string& filename)
    : m_content(std::move(content)) {
  ensure_gdal();
  static std::atomic<unsigned long> counter{0};
  m_path = "/vsimem/caremap/" + std::to_string(++counter) + "/" + filename;
  VSILFILE* f = VSIFileFromMemBuffer(m_path.c_str(), reinterpret_cast<GByte*>(m_content.data()),
                                     m_content.size(), FALSE);
  if (f != nullptr) {
    VSIFCloseL(f);
  }
}

VsiMemFile::~VsiMemFile() {
  VSIUnlink(m_path.c_str());
}

}  // namespace caremap::io::detail
