#include "core/diagnostics.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace caremap::core {

std::string format(const Diagnostic& d) {
  std::string out = d.file.empty() ? std::string("<memory>") : d.file;
  if (d.row) {
    out += ": row " + std::to_string(*d.row);
  }
  if (!d.field.empty()) {
    out += d.row ? ", field " : ": field ";
    out += d.field;
  }
  out += ": ";
  out += d.message.empty() ? describe_code(d.code) : d.message;
  return out;
}

void Diagnostics::append(const Diagnostics& other) {
  m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

std::size_t Diagnostics::count(std::string_view code) const {
  return static_cast<std::size_t>(std::count_if(
      m_items.begin(), m_items.end(), [&](const Diagnostic& d) { return d.code == code; }));
}

std::size_t Diagnostics::count(Severity s) const {
  return static_cast<std::size_t>(std::count_if(
      m_items.begin(), m_items.end(), [&](const Diagnostic& d) { return d.severity == s; }));
}

std::map<std::string, std::size_t> Diagnostics::counts_by_code() const {
  std::map<std::string, std::size_t> out;
  for (const auto& d : m_items) {
    ++out[d.code];
  }
  return out;
}

std::string describe_code(std::string_view code) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 23> kLabels{{
      {"empty_coordinates", "empty coordinates"},
      {"zero_coordinates", "zero coordinates"},
      {"swapped_coordinates", "latitude and longitude swapped"},
      {"out_of_range_coordinates", "coordinates out of range"},
      {"outside_valid_extent", "outside the project's valid extent"},
      {"unparsable_coordinates", "coordinates not a number"},
      {"unparsable_number", "value not a number"},
      {"zero_capacity", "capacity 0 read as not reported"},
      {"empty_geometry", "empty geometry"},
      {"invalid_geometry", "invalid geometry repaired"},
      {"unsupported_geometry", "unsupported geometry type"},
      {"outside_region", "outside the region"},
      {"snap_too_far", "too far from any road"},
      {"unreachable", "unreachable"},
      {"no_facility_within_reach", "no facility reachable by road"},
      {"no_facility_within_max_distance", "no facility within the maximum distance"},
      {"demand_without_geometry", "point without a position"},
      {"facility_without_geometry", "facility without a position"},
      {"closure_without_geometry", "closure without geometry"},
      {"closure_ignored", "closure not used"},
      {"closure_point_not_on_road", "closure point too far from any road"},
      {"closure_way_not_found", "closed way not in the road network"},
      {"multiline_text", "text over several lines (an unclosed quote?)"},
  }};
  for (const auto& [c, label] : kLabels) {
    if (c == code) {
      return std::string(label);
    }
  }
  return std::string(code);
}

}  // namespace caremap::core
