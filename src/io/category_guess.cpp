// guess_category (declared in io/read.hpp): a layer's category from its file name and columns,
// for files given without a project.
#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "io/read.hpp"

namespace caremap::io {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

core::Category guess_category(const std::filesystem::path& path,
                              std::span<const std::string> field_names) {
  using core::Category;
  // Order matters: "shelters_designated_emergency" must match emergency before shelter,
  // "dental_clinics" dental before clinic, and the home-care offices before "care" / "介護".
  static constexpr std::array<std::pair<std::string_view, Category>, 34> kNameKeys{{
      {"visiting_nurse", Category::visiting_nurse_station},
      {"訪問看護", Category::visiting_nurse_station},
      {"care_manager", Category::care_manager_office},
      {"居宅介護支援", Category::care_manager_office},
      {"home_help", Category::home_help_office},
      {"訪問介護", Category::home_help_office},
      {"emergency", Category::shelter_emergency},
      {"避難場所", Category::shelter_emergency},
      {"evacuation", Category::shelter_evacuation},
      {"避難所", Category::shelter_evacuation},
      {"shelter", Category::shelter_evacuation},
      {"dental", Category::dental},
      {"歯科", Category::dental},
      {"hospital", Category::hospital},
      {"病院", Category::hospital},
      {"clinic", Category::clinic},
      {"診療所", Category::clinic},
      {"pharmac", Category::pharmacy},
      {"薬局", Category::pharmacy},
      {"boundar", Category::boundary},
      {"行政区域", Category::boundary},
      {"n03", Category::boundary},
      {"tokuyou", Category::care_facility},
      {"rouken", Category::care_facility},
      {"care", Category::care_facility},
      {"nursing", Category::care_facility},
      {"介護", Category::care_facility},
      {"老人", Category::care_facility},
      {"road", Category::road},
      {".osm", Category::road},
      {"demand", Category::demand},
      {"patient", Category::demand},
      {"患者", Category::demand},
      {"利用者", Category::demand},
  }};
  const std::string name = lower(path.filename().string());
  for (const auto& [key, category] : kNameKeys) {
    if (name.find(key) != std::string::npos) {
      return category;
    }
  }
  auto has = [&](std::string_view f) {
    return std::find(field_names.begin(), field_names.end(), f) != field_names.end();
  };
  if (has("N03_007") || has("N03_004")) {
    return Category::boundary;
  }
  if (has("津波") || has("洪水")) {
    return Category::shelter_emergency;
  }
  if (has("定員") && has("事業所名")) {
    return Category::care_facility;
  }
  return Category::other;
}

}  // namespace caremap::io
