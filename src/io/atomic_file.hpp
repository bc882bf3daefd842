#pragma once
// Atomic replacement of an output file: write everything to a temporary file in the target's
// directory, then rename it over the target in one step. A reader (or a committee member opening
// the map) never sees a half-written file, and a failed write leaves an existing output untouched.
//
//   AtomicFile out(path);            // throws core::OutputError if the directory does not exist
//   write_everything(out.temp_path());
//   out.commit();                    // fsync + rename; throws core::OutputError naming `path`
//   // leaving scope without commit() (an exception) removes the temporary file
//
// Used by every writer in io and meant for the report library's PDF/SVG/PNG output too.

#include <filesystem>
#include <string_view>

namespace caremap::io {

class AtomicFile {
 public:
  /// Prepares a temporary name ".<stem>.tmp-<random><extension>" next to `target` (same
  /// directory, so the final rename never crosses file systems; same extension, so format
  /// drivers that check it are satisfied). Nothing is created yet.
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;

  const std::filesystem::path& target() const { return m_target; }
  const std::filesystem::path& temp_path() const { return m_temp; }
  bool committed() const { return m_committed; }

  /// Flushes the temporary file to disk and renames it over the target. Throws
  /// core::OutputError naming the target if nothing was written or the rename fails (the
  /// temporary file is then removed by the destructor).
  void commit();

  /// Removes the temporary file (and SQLite side files a driver may have left) now.
  void discard() noexcept;

 private:
  std::filesystem::path m_target;
  std::filesystem::path m_temp;
  bool m_committed = false;
};

/// Writes `bytes` to `target` through an AtomicFile (small text files: settings, state dumps).
/// Throws core::OutputError naming `target`; an earlier file stays intact on failure.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace caremap::io
