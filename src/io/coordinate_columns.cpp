#include "io/coordinate_columns.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace caremap::io {

namespace {

std::string normalise(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = s.find_last_not_of(" \t");
  std::string out(s.substr(first, last - first + 1));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<std::string> find_exact(std::span<const std::string> names, std::string_view want) {
  for (const auto& n : names) {
    if (normalise(n) == want) {
      return n;
    }
  }
  return std::nullopt;
}

std::optional<std::string> find_only_containing(std::span<const std::string> names,
                                                std::string_view part) {
  std::optional<std::string> found;
  for (const auto& n : names) {
    if (normalise(n).find(part) != std::string::npos) {
      if (found) {
        return std::nullopt;  // ambiguous
      }
      found = n;
    }
  }
  return found;
}

}  // namespace

std::optional<CoordinateColumns> detect_coordinate_columns(std::span<const std::string> names) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kPairs{{
      {"lon", "lat"},
      {"lng", "lat"},
      {"long", "lat"},
      {"longitude", "latitude"},
      {"x", "y"},
      {"経度", "緯度"},
      {"所在地座標（経度）", "所在地座標（緯度）"},
  }};
  for (const auto& [x, y] : kPairs) {
    auto xs = find_exact(names, x);
    auto ys = find_exact(names, y);
    if (xs && ys) {
      return CoordinateColumns{*xs, *ys};
    }
  }
  for (const auto& [x, y] :
       {std::pair<std::string_view, std::string_view>{"経度", "緯度"}, {"longitude", "latitude"}}) {
    auto xs = find_only_containing(names, x);
    auto ys = find_only_containing(names, y);
    if (xs && ys) {
      return CoordinateColumns{*xs, *ys};
    }
  }
  return std::nullopt;
}

}  // namespace caremap::io
