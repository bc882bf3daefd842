#pragma once
// Typed errors carrying context. Library code throws these; each front end (CLI, viewer) catches
// them in one place and turns them into a message and an exit code. Per-row data problems are
// Diagnostics, not exceptions: an exception means the whole operation cannot go on.

#include <optional>
#include <stdexcept>
#include <string>

namespace caremap::core {

struct ErrorContext {
  std::string file;
  std::string layer;
  std::optional<std::size_t> row;  ///< 1-based data row
  std::string field;
};

/// Base of every caremap error. what() is the full readable message including the context.
class Error : public std::runtime_error {
 public:
  Error(std::string message, ErrorContext context = {});
  const ErrorContext& context() const { return m_context; }
  /// The message without the context prefix.
  const std::string& detail() const { return m_detail; }

 private:
  ErrorContext m_context;
  std::string m_detail;
};

/// The input cannot be used: missing file, unknown format, broken content, missing field, no CRS.
class InputError : public Error {
 public:
  using Error::Error;
};

/// The request is wrong: an unknown option value, a negative radius, an unknown category.
class ArgumentError : public Error {
 public:
  using Error::Error;
};

/// A result could not be written.
class OutputError : public Error {
 public:
  using Error::Error;
};

/// The work was cancelled by the user (job runner).
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled") {}
};

}  // namespace caremap::core
