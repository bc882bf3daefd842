#include "core/lang.hpp"

namespace caremap::core {

std::string_view to_string(Lang l) {
  return l == Lang::ja ? "ja" : "en";
}

std::optional<Lang> parse_lang(std::string_view s) {
  if (s == "ja") {
    return Lang::ja;
  }
  if (s == "en") {
    return Lang::en;
  }
  return std::nullopt;
}

const std::string& LocalText::in(Lang lang) const {
  const std::string& wanted = lang == Lang::ja ? ja : en;
  const std::string& other = lang == Lang::ja ? en : ja;
  return wanted.empty() ? other : wanted;
}

}  // namespace caremap::core
