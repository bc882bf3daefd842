#pragma once
// The GDAL environment shared by the readers and writers: one-time driver registration, a scoped
// error handler that turns CPL messages into caremap errors, and in-memory files.

#include <string>
#include <vector>

namespace caremap::io::detail {

/// GDALAllRegister, once per process (thread-safe).
void ensure_gdal();

/// While alive, CPL errors and warnings raised on this thread are collected instead of printed.
/// The handler stack is per thread in GDAL, so concurrent readers do not see each other's messages.
class ScopedCplErrors {
 public:
  ScopedCplErrors();
  ~ScopedCplErrors();
  ScopedCplErrors(const ScopedCplErrors&) = delete;
  ScopedCplErrors& operator=(const ScopedCplErrors&) = delete;

  bool has_errors() const { return !m_errors.empty(); }
  const std::vector<std::string>& errors() const { return m_errors; }
  const std::vector<std::string>& warnings() const { return m_warnings; }
  /// Errors joined with "; ", or `fallback` if there are none.
  std::string message(const std::string& fallback = "unknown GDAL error") const;

  /// Records a message (called by the C handler).
  void add(bool is_error, std::string text);

 private:
  std::vector<std::string> m_errors;
  std::vector<std::string> m_warnings;
};

/// A file in GDAL's /vsimem/ file system holding a copy of `content`, unlinked on destruction.
/// The name ends in `filename` so drivers that look at extensions (CSV) recognise it.
class VsiMemFile {
 public:
  VsiMemFile(std::string content, const std::string& filename);
  ~VsiMemFile();
  VsiMemFile(const VsiMemFile&) = delete;
  VsiMemFile& operator=(const VsiMemFile&) = delete;

  const std::string& path() const { return m_path; }

 private:
  std::string m_content;  // GDAL reads this buffer in place; it must outlive the file
  std::string m_path;
};

}  // namespace caremap::io::detail
