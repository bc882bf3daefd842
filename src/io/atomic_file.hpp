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
// A process killed outright (SIGKILL, power loss) cannot run a destructor: the target then still
// holds the previous complete file (rename is the only step that touches it), and the half-written
// temporary is left as a hidden ".<stem>.tmp-<pid>-<tag><ext>". The next AtomicFile for the same
// target removes such leftovers of processes that no longer exist on this machine; leftovers of
// targets never written again stay hidden and are ignored (no reader lists directories).
//
// Test hook (tests only, never set in normal use): when the environment variable
// CAREMAP_TEST_PAUSE_BEFORE_RENAME names a file, commit() writes the temporary file's path and a
// newline to that file once the temporary is complete and synced, then sleeps until the process
// is killed; tests use it to SIGKILL a real `caremap` run at the last moment before the rename.
//
// Used by every writer in io, the report output of the CLI and every file the viewer writes.

#include <filesystem>
#include <string_view>

namespace caremap::io {

class AtomicFile {
 public:
  /// Prepares a temporary name ".<stem>.tmp-<pid>-<random><extension>" next to `target` (same
  /// directory, so the final rename never crosses file systems; same extension, so format
  /// drivers that check it are satisfied) and removes temporaries a killed process left for the
  /// same target. Nothing is created yet.
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

  /// Removes the temporary file (and the side files a driver may have left: SQLite journals,
  /// FlatGeobuf's index spool) now.
  void discard() noexcept;

 private:
  std::filesystem::path m_target;
  std::filesystem::path m_temp;
  bool m_committed = false;
};

/// Writes `bytes` to `target` through an AtomicFile (small text files: settings, state dumps).
/// Throws core::OutputError naming `target`; an earlier file stays intact on failure.
void write_file_atomically(const std::filesystem::path& target, std::string_view bytes);

/// Whether a process with this id runs on this machine (kill(pid, 0); a process of another user
/// counts as running).
bool process_is_running(long pid) noexcept;

/// Temporaries for `target` left by processes that no longer run (see above), removed by the
/// next AtomicFile for it; returns how many files were removed. O(files in the directory).
std::size_t remove_stale_temporaries(const std::filesystem::path& target) noexcept;

}  // namespace caremap::io
