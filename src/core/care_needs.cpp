#include "core/care_needs.hpp"

#include <array>

namespace caremap::core {

namespace {

struct NeedText {
  CareNeed need;
  const char* name;
  const char* ja;
  const char* en;
};

constexpr std::array<NeedText, kCareNeedCount> kNeeds{{
    {CareNeed::ventilator, "ventilator", "人工呼吸器", "ventilator"},
    {CareNeed::home_oxygen, "home_oxygen", "在宅酸素", "home oxygen"},
    {CareNeed::dialysis, "dialysis", "透析", "dialysis"},
    {CareNeed::palliative, "palliative", "緩和ケア", "palliative care"},
    {CareNeed::limited_mobility, "limited_mobility", "移動困難", "limited mobility"},
}};

const NeedText& text_of(CareNeed n) {
  return kNeeds[static_cast<std::size_t>(n)];
}

}  // namespace

bool needs_service(CareNeed n) {
  return n != CareNeed::limited_mobility;
}

CareNeeds missing_services(CareNeeds needs, CareNeeds offered) {
  CareNeeds missing;
  for (const NeedText& t : kNeeds) {
    if (needs_service(t.need) && needs.has(t.need) && !offered.has(t.need)) {
      missing.add(t.need);
    }
  }
  return missing;
}

const char* name(CareNeed n) {
  return text_of(n).name;
}

LocalText label(CareNeed n) {
  return {text_of(n).ja, text_of(n).en};
}

std::optional<CareNeed> parse_care_need(std::string_view text) {
  for (const NeedText& t : kNeeds) {
    if (text == t.name || text == t.ja || text == t.en) {
      return t.need;
    }
  }
  return std::nullopt;
}

std::string care_need_names() {
  std::string s;
  for (const NeedText& t : kNeeds) {
    s += (s.empty() ? "" : ", ") + std::string(t.name);
  }
  return s;
}

std::string to_text(CareNeeds needs) {
  std::string s;
  for (const NeedText& t : kNeeds) {
    if (needs.has(t.need)) {
      s += (s.empty() ? "" : ";") + std::string(t.name);
    }
  }
  return s;
}

std::string describe(CareNeeds needs, Lang lang) {
  std::string s;
  const bool ja = lang == Lang::ja;
  for (const NeedText& t : kNeeds) {
    if (needs.has(t.need)) {
      s += (s.empty() ? "" : (ja ? "・" : ", ")) + std::string(ja ? t.ja : t.en);
    }
  }
  if (s.empty()) {
    return ja ? "なし" : "none";
  }
  return s;
}

}  // namespace caremap::core
