#include "fuzz_support.hpp"

#include <cpl_error.h>
#include <gdal.h>
#include <proj.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <system_error>

namespace caremap::fuzz {
namespace fs = std::filesystem;

namespace {

// One folder per process: libFuzzer's -fork/-jobs run several processes side by side.
class InputDir {
 public:
  InputDir() {
    m_path = fs::temp_directory_path() / ("caremap-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(m_path);
  }
  ~InputDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  InputDir(const InputDir&) = delete;
  InputDir& operator=(const InputDir&) = delete;
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

const InputDir& input_dir() {
  static const InputDir dir;
  return dir;
}

}  // namespace

fs::path write_input(std::string_view name, const std::uint8_t* data, std::size_t size) {
  fs::path path = input_dir().path() / fs::path(std::string(name));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  if (!out) {
    std::abort();  // the harness itself failed (disk full): not a finding in caremap
  }
  return path;
}

void init_quiet_libraries() {
  GDALAllRegister();
  // The readers install their own per-thread handler while they read; outside it (driver
  // probing) messages would only flood the fuzzer's output.
  CPLSetErrorHandler(CPLQuietErrorHandler);
  proj_log_level(nullptr, PJ_LOG_NONE);
  (void)input_dir();
}

}  // namespace caremap::fuzz
