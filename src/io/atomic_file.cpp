#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <system_error>

#include "core/error.hpp"

namespace caremap::io {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kTagDigits = 12;

// What a format driver may put next to the file it writes, as suffixes of the temporary's name
// after the random tag: the file itself, SQLite's journals (GeoPackage) and the spool GDAL's
// FlatGeobuf driver writes before it sorts features by the spatial index ("<basename>_temp.fgb").
std::array<std::string, 5> temp_suffixes(const std::string& extension) {
  return {extension, extension + "-journal", extension + "-wal", extension + "-shm", "_temp.fgb"};
}

std::string random_tag() {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08x%04x", rd(), counter++ & 0xFFFFu);
  return buf;
}

std::string temp_prefix(const fs::path& target) {
  return "." + target.stem().string() + ".tmp-";
}

fs::path directory_of(const fs::path& target) {
  return target.has_parent_path() ? target.parent_path() : fs::path(".");
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

// The process id in a leftover temporary's name for `target`, if the name is one of ours.
std::optional<long> owner_of_temporary(const std::string& name, const fs::path& target) {
  const std::string prefix = temp_prefix(target);
  if (name.compare(0, prefix.size(), prefix) != 0) {
    return std::nullopt;
  }
  const char* first = name.data() + prefix.size();
  const char* last = name.data() + name.size();
  long pid = 0;
  const auto [after_pid, ec] = std::from_chars(first, last, pid);
  if (ec != std::errc{} || after_pid == first || pid <= 0 || after_pid == last ||
      *after_pid != '-' || static_cast<std::size_t>(last - after_pid) < 1 + kTagDigits) {
    return std::nullopt;
  }
  const std::string rest(after_pid + 1 + kTagDigits, last);
  for (const std::string& suffix : temp_suffixes(target.extension().string())) {
    if (rest == suffix) {
      return pid;
    }
  }
  return std::nullopt;
}

// Test hook, see the header: announce the finished temporary, then wait to be killed.
void pause_before_rename_for_tests(const fs::path& temp) {
  const char* marker = std::getenv("CAREMAP_TEST_PAUSE_BEFORE_RENAME");
  if (marker == nullptr || *marker == '\0') {
    return;
  }
  if (std::FILE* f = std::fopen(marker, "wb")) {
    std::fprintf(f, "%s\n", temp.c_str());
    std::fclose(f);
  }
  for (;;) {
    ::pause();
  }
}

}  // namespace

bool process_is_running(long pid) noexcept {
  return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

std::size_t remove_stale_temporaries(const fs::path& target) noexcept {
  std::size_t removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(directory_of(target), ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const std::optional<long> pid = owner_of_temporary(name, target);
    if (pid && *pid != ::getpid() && !process_is_running(*pid)) {
      std::error_code ignored;
      removed += fs::remove(it->path(), ignored) ? 1 : 0;
    }
  }
  return removed;
}

AtomicFile::AtomicFile(fs::path target) : m_target(std::move(target)) {
  if (m_target.empty() || m_target.filename().empty()) {
    throw core::OutputError("not a file name", file_context(m_target));
  }
  const fs::path dir = directory_of(m_target);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw core::OutputError("directory " + dir.string() + " does not exist",
                            file_context(m_target));
  }
  if (fs::is_directory(m_target, ec)) {
    throw core::OutputError("is a directory", file_context(m_target));
  }
  remove_stale_temporaries(m_target);
  m_temp = dir / (temp_prefix(m_target) + std::to_string(::getpid()) + "-" + random_tag() +
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
  const std::string temp = m_temp.string();
  const std::string extension = m_temp.extension().string();
  const std::string base = temp.substr(0, temp.size() - extension.size());
  std::error_code ec;
  for (const std::string& suffix : temp_suffixes(extension)) {
    fs::remove(fs::path(base + suffix), ec);
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
  pause_before_rename_for_tests(m_temp);
  fs::rename(m_temp, m_target, ec);
  if (ec) {
    throw core::OutputError("cannot replace the file: " + ec.message(), file_context(m_target));
  }
  m_committed = true;
  // Make the rename itself durable.
  fsync_path(directory_of(m_target), O_RDONLY | O_DIRECTORY);
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
