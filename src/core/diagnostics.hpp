#pragma once
// Per-row problems found while reading or analysing data. A bad row is never silently dropped and
// never crashes a run: it becomes a Diagnostic naming the file, the row and the field, and the
// caller decides how to show it (a summary line in the CLI, a list in the viewer's layer panel).

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace caremap::core {

enum class Severity { info, warning, error };

struct Diagnostic {
  Severity severity = Severity::warning;
  std::string code;  ///< stable machine code, e.g. "zero_coordinates" (used for i18n and counts)
  std::string file;  ///< source file path, empty for in-memory data
  std::optional<std::size_t> row;  ///< 1-based data row (the header is not counted)
  std::string field;               ///< offending field, empty if not field-specific
  std::string message;  ///< readable English detail, e.g. "longitude and latitude are both 0"
};

/// "file: row 12, field 経度: message".
std::string format(const Diagnostic& d);

class Diagnostics {
 public:
  void add(Diagnostic d) { m_items.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return m_items; }
  bool empty() const { return m_items.empty(); }
  std::size_t size() const { return m_items.size(); }
  std::size_t count(std::string_view code) const;
  std::size_t count(Severity s) const;

  /// Number of diagnostics per code, ordered by code.
  std::map<std::string, std::size_t> counts_by_code() const;

 private:
  std::vector<Diagnostic> m_items;
};

/// Readable English label of a diagnostic code ("zero coordinates"); the code itself if unknown.
std::string describe_code(std::string_view code);

}  // namespace caremap::core
