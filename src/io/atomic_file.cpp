#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <random>
#include <system_error>

#include "core/error.hpp"

namespace caremap::io {

namespace fs = std::filesystem;

namespace {

std::string random_tag() {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08x%04x", rd(),
                (counter++ ^ static_cast<unsigned>(getpid())) & 0xFFFF);
  return buf;
}

void fsync_path(const fs::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

core::ErrorContext file_context(const fs::path& p) {
  core::ErrorContext ctx;
  ctx.file = p.string();
  return ctx;
}

}  // namespace

AtomicFile::AtomicFile(fs::path target) : m_target(std::move(target)) {
  if (m_target.empty() || m_target.filename().empty()) {
    throw core::OutputError("not a file name", file_context(m_target));
  }
  const fs::path dir = m_target.has_parent_path() ? m_target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw core::OutputError("directory " + dir.string() + " does not exist",
                            file_context(m_target));
  }
  if (fs::is_directory(m_target, ec)) {
    throw core::OutputError("is a directory", file_context(m_target));
  }
  m_temp = dir / ("." + m_target.stem().string() + ".tmp-" + random_tag() +
                  m_target.extension().string());
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_target(std::move(other.m_target)),
      m_temp(std::move(other.m_temp)),
      m_committed(other.m_committed) {
  other.m_committed = true;  // the moved-from object must not delete anything
}

AtomicFile::~AtomicFile() {
  if (!m_committed) {
    discard();
  }
}

void AtomicFile::discard() noexcept {
  std::error_code ec;
  fs::remove(m_temp, ec);
  for (const char* suffix : {"-journal", "-wal", "-shm"}) {
    fs::remove(fs::path(m_temp.string() + suffix), ec);
  }
}

void AtomicFile::commit() {
  if (m_committed) {
    return;
  }
  std::error_code ec;
  if (!fs::is_regular_file(m_temp, ec)) {
    throw core::OutputError("nothing was written", file_context(m_target));
  }
  fsync_path(m_temp, O_RDONLY);
  fs::rename(m_temp, m_target, ec);
  if (ec) {
    throw core::OutputError("cannot replace the file: " + ec.message(), file_context(m_target));
  }
  m_committed = true;
  // Make the rename itself durable.
  fsync_path(m_target.has_parent_path() ? m_target.parent_path() : fs::path("."),
             O_RDONLY | O_DIRECTORY);
}

void write_file_atomically(const fs::path& target, std::string_view bytes) {
  AtomicFile out(target);
  {
    std::FILE* f = std::fopen(out.temp_path().c_str(), "wb");
    if (f == nullptr) {
      throw core::OutputError("cannot create file", file_context(target));
    }
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    if (std::fclose(f) != 0 || !written) {
      throw core::OutputError("cannot write file", file_context(target));
    }
  }
  out.commit();
}

}  // namespace caremap::io
