#pragma once
// What a layer or a feature represents. Drives default symbols, legends, and which facilities an
// analysis considers ("nearest hospital" = features of category hospital or backup_hospital).

#include <optional>
#include <span>
#include <string_view>

namespace caremap::core {

enum class Category {
  // Facilities and places from source data.
  hospital,            ///< 病院
  backup_hospital,     ///< 後方支援病院 (the hub's own backup beds, 在宅療養後方支援)
  clinic,              ///< 診療所
  pharmacy,            ///< 薬局
  dental,              ///< 歯科診療所
  shelter_evacuation,  ///< 指定避難所 (designated evacuation shelter: stay)
  shelter_emergency,   ///< 指定緊急避難場所 (designated emergency site: flee to, by hazard)
  care_facility,       ///< 介護施設 (特養, 老健, 介護医療院, 定期巡回)
  // The home-care team beyond the doctors (介護サービス情報公表システム): offices whose staff go
  // into the homes.
  visiting_nurse_station,  ///< 訪問看護ステーション (and clinics providing visiting nursing)
  care_manager_office,     ///< 居宅介護支援事業所 (ケアマネジャー)
  home_help_office,        ///< 訪問介護事業所 (ホームヘルパー)
  boundary,                ///< administrative boundary (市区町村)
  road,                    ///< road network lines
  demand,                  ///< patients or other demand points supplied by the user
  population,              ///< census population (JIS mesh cells or 小地域 polygons with counts)
  // Analysis results.
  coverage_area,  ///< area within reach of a facility
  coverage_gap,   ///< area beyond reach
  mesh,           ///< JIS X 0410 grid cells with counts
  nearest_link,   ///< line from a demand point to an assigned facility
  route,          ///< a path over the road network
  service_area,   ///< travel-time band polygons
  closure,        ///< a road closure or barrier
  proposed_site,  ///< 新設候補地: where a planning model or a what-if would add a facility
  other,
};

/// The stable identifier used in project files and on the command line ("backup_hospital").
std::string_view to_string(Category c);

/// Parses a stable identifier; nullopt if unknown.
std::optional<Category> parse_category(std::string_view s);

/// Every category, in declaration order.
std::span<const Category> all_categories();

/// True for categories that are places a person can be sent to (hospital, clinic, shelter, ...).
bool is_facility(Category c);

/// The categories a request for `c` includes: a backup hospital is also a hospital.
bool satisfies(Category feature, Category requested);

}  // namespace caremap::core
