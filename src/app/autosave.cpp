#include "app/autosave.hpp"

#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace caremap::app {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

std::string now_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buf;
}

}  // namespace

fs::path autosave_path() {
  if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg != nullptr && *xdg != '\0') {
    return fs::path(xdg) / "caremap" / "session.json";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return fs::path(home) / ".local" / "state" / "caremap" / "session.json";
  }
  throw core::InputError("neither XDG_STATE_HOME nor HOME is set: no place for the autosave");
}

std::string session_json(const SessionRecord& r) {
  ordered_json j;
  j["pid"] = r.pid;
  j["clean_exit"] = r.clean_exit;
  j["saved_at"] = r.saved_at;
  j["project"] = ordered_json::parse(project_state_json(r.project));
  return j.dump(2) + '\n';
}

SessionRecord parse_session(std::string_view text) {
  SessionRecord r;
  try {
    const ordered_json j = ordered_json::parse(text);
    r.pid = j.at("pid").get<long>();
    r.clean_exit = j.at("clean_exit").get<bool>();
    r.saved_at = j.value("saved_at", std::string());
    r.project = parse_project_state(j.at("project").dump());
  } catch (const nlohmann::json::exception& e) {
    throw core::InputError(std::string("session file: ") + e.what());
  }
  return r;
}

SessionCheck check_previous_session(const fs::path& path) {
  SessionCheck check;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return check;
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    check.record = parse_session(text.str());
  } catch (const core::Error& e) {
    check.warning = path.string() + " ignored: " + e.what();
    return check;
  }
  const SessionRecord& r = *check.record;
  if (r.clean_exit) {
    check.kind = PreviousSession::clean;
  } else if (r.pid != ::getpid() && io::process_is_running(r.pid)) {
    check.kind = PreviousSession::running;
  } else {
    check.kind = PreviousSession::crashed;
  }
  return check;
}

Autosaver::Autosaver(fs::path path) : m_path(std::move(path)) {}

void Autosaver::write(const ProjectState& state, bool clean_exit) {
  std::error_code ec;
  fs::create_directories(m_path.parent_path(), ec);
  SessionRecord r;
  r.pid = ::getpid();
  r.clean_exit = clean_exit;
  r.saved_at = now_utc();
  r.project = state;
  io::write_file_atomically(m_path, session_json(r));
  m_written = state;
}

bool Autosaver::update(const ProjectState& state, Clock::time_point now,
                       std::chrono::seconds refresh) {
  if (m_written && *m_written == state && now - m_written_at < refresh) {
    return false;
  }
  write(state, false);
  m_written_at = now;
  return true;
}

void Autosaver::finish(const ProjectState& state) {
  write(state, true);
}

}  // namespace caremap::app
