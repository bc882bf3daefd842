#pragma once
// Building core::Diagnostic values in analysis code: one call instead of a seven-field
// aggregate.

#include <cstddef>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"

namespace caremap::analysis {

/// A diagnostic about a whole run (file empty, row 0) or about one input row (1-based `row`).
inline core::Diagnostic make_diagnostic(core::Severity severity, std::string code,
                                        std::string message, std::string file = {},
                                        std::size_t row = 0) {
  core::Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  d.file = std::move(file);
  if (row > 0) {
    d.row = row;
  }
  return d;
}

}  // namespace caremap::analysis
