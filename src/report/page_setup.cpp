#include "report/page_setup.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>

namespace caremap::report {

PageSize PageSetup::size() const {
  // ISO 216: A4 210 x 297 mm, A3 297 x 420 mm.
  PageSize s = paper == Paper::a4 ? PageSize{595.0, 842.0} : PageSize{842.0, 1191.0};
  if (orientation == Orientation::landscape) {
    std::swap(s.width_pt, s.height_pt);
  }
  return s;
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::optional<Paper> parse_paper(std::string_view s) {
  const std::string l = lower(s);
  if (l == "a4") {
    return Paper::a4;
  }
  if (l == "a3") {
    return Paper::a3;
  }
  return std::nullopt;
}

std::optional<Orientation> parse_orientation(std::string_view s) {
  const std::string l = lower(s);
  if (l == "portrait") {
    return Orientation::portrait;
  }
  if (l == "landscape") {
    return Orientation::landscape;
  }
  return std::nullopt;
}

std::optional<Format> format_of_extension(std::string_view extension) {
  const std::string l = lower(extension);
  if (l == ".pdf") {
    return Format::pdf;
  }
  if (l == ".svg") {
    return Format::svg;
  }
  if (l == ".png") {
    return Format::png;
  }
  return std::nullopt;
}

}  // namespace caremap::report
