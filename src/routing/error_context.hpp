#pragma once
// Internal helper: an ErrorContext naming a file and optionally a field.

#include <string>

#include "core/error.hpp"

namespace caremap::routing {

inline core::ErrorContext file_context(std::string file, std::string field = {}) {
  core::ErrorContext c;
  c.file = std::move(file);
  c.field = std::move(field);
  return c;
}

}  // namespace caremap::routing
