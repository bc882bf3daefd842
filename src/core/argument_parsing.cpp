#include "core/argument_parsing.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/error.hpp"

namespace caremap::core {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
    s.remove_suffix(1);
  }
  return s;
}

[[noreturn]] void fail(std::string_view option, std::string_view text, std::string_view expected) {
  throw core::ArgumentError(std::string(option) + ": '" + std::string(text) + "' is not " +
                            std::string(expected));
}

// Splits "16km" into 16 and "km"; nullopt if there is no leading number.
std::optional<std::pair<double, std::string_view>> number_and_unit(std::string_view text) {
  text = trim(text);
  double value = 0.0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), value);
  if (r.ec != std::errc{} || !std::isfinite(value)) {
    return std::nullopt;
  }
  return std::make_pair(value, trim(text.substr(static_cast<std::size_t>(r.ptr - text.data()))));
}

}  // namespace

core::Meters parse_distance(std::string_view text, std::string_view option, bool allow_zero) {
  constexpr std::string_view expected = "a distance such as 16km, 500m or 16000 (metres)";
  const auto parsed = number_and_unit(text);
  if (!parsed) {
    fail(option, text, expected);
  }
  const auto [value, unit] = *parsed;
  double metres = 0.0;
  if (unit.empty() || unit == "m") {
    metres = value;
  } else if (unit == "km") {
    metres = value * 1000.0;
  } else {
    fail(option, text, expected);
  }
  if (metres < 0.0 || (!allow_zero && metres == 0.0)) {
    throw core::ArgumentError(std::string(option) + ": the distance must be " +
                              (allow_zero ? "zero or more" : "more than zero") + ", got '" +
                              std::string(text) + "'");
  }
  return core::Meters{metres};
}

core::Seconds parse_duration(std::string_view text, std::string_view option,
                             core::Seconds bare_unit) {
  constexpr std::string_view expected = "a duration such as 15min, 900s or 1h";
  const auto parsed = number_and_unit(text);
  if (!parsed) {
    fail(option, text, expected);
  }
  const auto [value, unit] = *parsed;
  double seconds = 0.0;
  if (unit.empty()) {
    seconds = value * bare_unit.value;
  } else if (unit == "s" || unit == "秒") {
    seconds = value;
  } else if (unit == "min" || unit == "m" || unit == "minutes" || unit == "分") {
    seconds = value * 60.0;
  } else if (unit == "h" || unit == "時間") {
    seconds = value * 3600.0;
  } else {
    fail(option, text, expected);
  }
  if (seconds <= 0.0) {
    throw core::ArgumentError(std::string(option) + ": the duration must be more than zero, got '" +
                              std::string(text) + "'");
  }
  return core::Seconds{seconds};
}

namespace {

bool starts_with_number(std::string_view s) {
  return !s.empty() && (std::isdigit(static_cast<unsigned char>(s.front())) || s.front() == '.' ||
                        s.front() == '-' || s.front() == '+');
}

// Splits "5,10,15min" or "2 4 6min" into items and gives unit-less items the last item's unit.
// Spaces separate items only between numbers: "1 km, 2 km" is two items with their units.
std::vector<std::string> items_with_unit(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string_view item = trim(text.substr(start, end - start));
    std::vector<std::string_view> words;
    for (std::size_t w = 0; w < item.size();) {
      const std::size_t space = std::min(item.find(' ', w), item.size());
      if (space > w) {
        words.push_back(item.substr(w, space - w));
      }
      w = space + 1;
    }
    const bool all_numbers =
        words.size() > 1 && std::all_of(words.begin(), words.end(), starts_with_number);
    if (all_numbers) {
      items.insert(items.end(), words.begin(), words.end());
    } else {
      items.emplace_back(item);
    }
    start = end + 1;
  }
  std::string unit;
  if (const auto last = number_and_unit(items.back())) {
    unit = std::string(last->second);
  }
  for (auto& item : items) {
    const auto parsed = number_and_unit(item);
    if (parsed && parsed->second.empty()) {
      item += unit;
    }
  }
  return items;
}

template <class Q, class Parse>
std::vector<Q> parse_list(std::string_view text, std::string_view option, Parse parse) {
  std::vector<Q> out;
  for (const auto& item : items_with_unit(text)) {
    out.push_back(parse(item, option));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<core::Seconds> parse_duration_list(std::string_view text, std::string_view option,
                                               core::Seconds bare_unit) {
  return parse_list<core::Seconds>(text, option,
                                   [bare_unit](std::string_view t, std::string_view opt) {
                                     return parse_duration(t, opt, bare_unit);
                                   });
}

std::vector<core::Meters> parse_distance_list(std::string_view text, std::string_view option) {
  return parse_list<core::Meters>(text, option, [](std::string_view t, std::string_view opt) {
    return parse_distance(t, opt);
  });
}

core::LonLat parse_lonlat(std::string_view text, std::string_view option) {
  constexpr std::string_view expected = "a place as longitude,latitude such as 130.54,33.80";
  const auto comma = text.find(',');
  if (comma == std::string_view::npos) {
    fail(option, text, expected);
  }
  const auto lon = number_and_unit(text.substr(0, comma));
  const auto lat = number_and_unit(text.substr(comma + 1));
  if (!lon || !lat || !lon->second.empty() || !lat->second.empty()) {
    fail(option, text, expected);
  }
  const core::LonLat p{lon->first, lat->first};
  if (std::abs(p.lat) > 90.0 && std::abs(p.lon) <= 90.0) {
    throw core::ArgumentError(std::string(option) + ": '" + std::string(text) +
                              "' has a latitude beyond 90°; longitude comes first (lon,lat)");
  }
  if (std::abs(p.lon) > 180.0 || std::abs(p.lat) > 90.0) {
    fail(option, text, "within longitude -180..180 and latitude -90..90");
  }
  return p;
}

std::vector<core::LonLat> parse_lonlat_list(std::string_view text, std::string_view option,
                                            std::size_t min_points) {
  std::vector<core::LonLat> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string_view vertex = trim(text.substr(start, end - start));
    start = end + 1;
    if (vertex.empty()) {
      continue;
    }
    const auto space = vertex.find(' ');
    if (space == std::string_view::npos) {
      throw core::ArgumentError(std::string(option) +
                                ": expected \"lon lat, lon lat, ...\", got '" +
                                std::string(vertex) + "'");
    }
    // One place as parse_lonlat reads it: the same checks and messages.
    const std::string pair =
        std::string(vertex.substr(0, space)) + "," + std::string(trim(vertex.substr(space + 1)));
    out.push_back(parse_lonlat(pair, option));
  }
  if (out.size() < min_points) {
    throw core::ArgumentError(std::string(option) + ": needs at least " +
                              std::to_string(min_points) + " points");
  }
  return out;
}

std::vector<core::Category> parse_categories(std::string_view text, std::string_view option) {
  std::vector<core::Category> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string_view name = trim(text.substr(start, end - start));
    if (!name.empty()) {
      const auto c = core::parse_category(name);
      if (!c) {
        std::string known;
        for (core::Category k : core::all_categories()) {
          if (core::is_facility(k)) {
            known += (known.empty() ? "" : ", ") + std::string(core::to_string(k));
          }
        }
        throw core::ArgumentError(std::string(option) + ": unknown category '" + std::string(name) +
                                  "'; facility categories are " + known);
      }
      out.push_back(*c);
    }
    start = end + 1;
  }
  if (out.empty()) {
    throw core::ArgumentError(std::string(option) + ": no category given");
  }
  return out;
}

std::optional<core::MeshLevel> parse_mesh_level(std::string_view text, std::string_view option) {
  const std::string_view t = trim(text);
  if (t == "none") {
    return std::nullopt;
  }
  for (core::MeshLevel level :
       {core::MeshLevel::third, core::MeshLevel::half, core::MeshLevel::quarter}) {
    if (t == core::mesh_level_label(level)) {
      return level;
    }
  }
  fail(option, text, "a JIS mesh size: 1km, 500m, 250m or none");
}

std::string join_categories(const std::vector<core::Category>& categories) {
  std::string out;
  for (core::Category c : categories) {
    out += (out.empty() ? "" : ", ") + std::string(core::to_string(c));
  }
  return out;
}

std::string format_distance(core::Meters d) {
  char buf[32];
  if (d.value < 1000.0) {
    std::snprintf(buf, sizeof buf, "%.0f m", d.value);
  } else if (d.value < 100000.0) {
    std::snprintf(buf, sizeof buf, "%.1f km", d.value / 1000.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f km", d.value / 1000.0);
  }
  return buf;
}

}  // namespace caremap::core
