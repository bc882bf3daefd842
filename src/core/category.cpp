#include "core/category.hpp"

#include <array>
#include <utility>

namespace caremap::core {

namespace {

constexpr std::array<std::pair<Category, std::string_view>, 24> kNames{{
    {Category::hospital, "hospital"},
    {Category::backup_hospital, "backup_hospital"},
    {Category::clinic, "clinic"},
    {Category::pharmacy, "pharmacy"},
    {Category::dental, "dental"},
    {Category::shelter_evacuation, "shelter_evacuation"},
    {Category::shelter_emergency, "shelter_emergency"},
    {Category::care_facility, "care_facility"},
    {Category::visiting_nurse_station, "visiting_nurse_station"},
    {Category::care_manager_office, "care_manager_office"},
    {Category::home_help_office, "home_help_office"},
    {Category::boundary, "boundary"},
    {Category::road, "road"},
    {Category::demand, "demand"},
    {Category::population, "population"},
    {Category::coverage_area, "coverage_area"},
    {Category::coverage_gap, "coverage_gap"},
    {Category::mesh, "mesh"},
    {Category::nearest_link, "nearest_link"},
    {Category::route, "route"},
    {Category::service_area, "service_area"},
    {Category::closure, "closure"},
    {Category::proposed_site, "proposed_site"},
    {Category::other, "other"},
}};

constexpr std::array<Category, kNames.size()> make_all() {
  std::array<Category, kNames.size()> out{};
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    out[i] = kNames[i].first;
  }
  return out;
}

constexpr std::array<Category, kNames.size()> kAll = make_all();

}  // namespace

std::string_view to_string(Category c) {
  for (const auto& [cat, name] : kNames) {
    if (cat == c) {
      return name;
    }
  }
  return "other";
}

std::optional<Category> parse_category(std::string_view s) {
  for (const auto& [cat, name] : kNames) {
    if (name == s) {
      return cat;
    }
  }
  return std::nullopt;
}

std::span<const Category> all_categories() {
  return kAll;
}

bool is_facility(Category c) {
  switch (c) {
    case Category::hospital:
    case Category::backup_hospital:
    case Category::clinic:
    case Category::pharmacy:
    case Category::dental:
    case Category::shelter_evacuation:
    case Category::shelter_emergency:
    case Category::care_facility:
    case Category::visiting_nurse_station:
    case Category::care_manager_office:
    case Category::home_help_office:
      return true;
    default:
      return false;
  }
}

bool satisfies(Category feature, Category requested) {
  return feature == requested ||
         (requested == Category::hospital && feature == Category::backup_hospital);
}

}  // namespace caremap::core
