#pragma once
// The viewer's autosave and crash recovery. While a person works in the viewer, its project state
// (app/project_state.hpp) is checked once a second and written when it changed (and rewritten
// every five minutes regardless), atomically (io::write_file_atomically), to
//   $XDG_STATE_HOME/caremap/session.json, else ~/.local/state/caremap/session.json
// as a session record: the viewer's process id, whether it exited cleanly, when it was saved,
// and the project state. A clean exit rewrites the record with "clean_exit": true - that is the
// clean-exit marker. At the next start a record without it, whose process no longer runs, means
// the viewer crashed (or was killed): the viewer offers to recover it. A record whose process
// still runs belongs to another open viewer; this one then does not autosave (one session file).
//
// Headless runs (--screenshot, --export-map) take part only with --recover (tests, the docs'
// screenshot of the dialog).

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "app/project_state.hpp"

namespace caremap::app {

/// The session file (see above). Throws core::InputError if neither XDG_STATE_HOME nor HOME is
/// set.
std::filesystem::path autosave_path();

struct SessionRecord {
  long pid = 0;
  bool clean_exit = false;
  std::string saved_at;  ///< UTC, "2026-12-07 05:41:49 UTC"
  ProjectState project;
};

/// The record as JSON text; parse_session reads it back (throws core::InputError).
std::string session_json(const SessionRecord& record);
SessionRecord parse_session(std::string_view json);

enum class PreviousSession {
  none,     ///< no session file: first start
  clean,    ///< the last viewer exited cleanly
  crashed,  ///< no clean exit and its process is gone: offer to recover
  running,  ///< another viewer is open
};

struct SessionCheck {
  PreviousSession kind = PreviousSession::none;
  std::optional<SessionRecord> record;  ///< set unless kind is none
  std::string warning;                  ///< a session file that could not be read
};

/// Reads the session file at `path` and classifies it (see PreviousSession). An unreadable or
/// malformed file is `none` with a warning: starting must never fail because of it.
SessionCheck check_previous_session(const std::filesystem::path& path);

/// Writes the session record when the project state changed. One per viewer, UI thread.
class Autosaver {
 public:
  using Clock = std::chrono::steady_clock;

  explicit Autosaver(std::filesystem::path path);

  /// Writes `state` (clean_exit false) when it differs from the last state written, or when the
  /// last write is `refresh` old. Returns true when it wrote. Throws core::OutputError.
  bool update(const ProjectState& state, Clock::time_point now,
              std::chrono::seconds refresh = std::chrono::minutes(5));

  /// Writes `state` with the clean-exit marker. Throws core::OutputError.
  void finish(const ProjectState& state);

  const std::filesystem::path& path() const { return m_path; }

 private:
  void write(const ProjectState& state, bool clean_exit);

  std::filesystem::path m_path;
  std::optional<ProjectState> m_written;
  Clock::time_point m_written_at;
};

}  // namespace caremap::app
