#include "app/crs_display.hpp"

#include <cctype>

namespace caremap::app {

std::string crs_display(std::string_view definition, Lang lang) {
  constexpr std::string_view kProj = "+proj=";
  const std::size_t at = definition.find(kProj);
  if (at == std::string_view::npos) {
    // EPSG codes are short already; WKT is not, and has no one-word name here.
    return definition.size() <= 24 ? std::string(definition)
                                   : std::string(tr(lang, Str::crs_custom));
  }
  const std::size_t begin = at + kProj.size();
  const std::size_t end = definition.find(' ', begin);
  std::string projection(
      definition.substr(begin, end == std::string_view::npos ? end : end - begin));
  for (char& c : projection) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return projection + " (" + tr(lang, Str::crs_fitted) + ")";
}

}  // namespace caremap::app
