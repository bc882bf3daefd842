#include "core/error.hpp"

namespace caremap::core {

namespace {

std::string compose(const std::string& message, const ErrorContext& c) {
  std::string prefix;
  auto add = [&prefix](const std::string& part) {
    if (!prefix.empty()) {
      prefix += ", ";
    }
    prefix += part;
  };
  if (!c.file.empty()) {
    add(c.file);
  }
  if (!c.layer.empty()) {
    add("layer " + c.layer);
  }
  if (c.row) {
    add("row " + std::to_string(*c.row));
  }
  if (!c.field.empty()) {
    add("field " + c.field);
  }
  return prefix.empty() ? message : prefix + ": " + message;
}

}  // namespace

Error::Error(std::string message, ErrorContext context)
    : std::runtime_error(compose(message, context)),
      m_context(std::move(context)),
      m_detail(std::move(message)) {}

}  // namespace caremap::core
