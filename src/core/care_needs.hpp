#pragma once
// What a patient needs from a bed, and what a hospital offers: the vocabulary shared by the drill
// scenario reader (io), the drill engine (drill) and the front ends. A set of needs is a small
// bit mask; a patient fits a hospital when the hospital offers every need that asks for a
// service (limited mobility asks for transport, not for a service of the ward).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/lang.hpp"

namespace caremap::core {

enum class CareNeed : std::uint8_t {
  ventilator,        ///< 人工呼吸器
  home_oxygen,       ///< 在宅酸素
  dialysis,          ///< 透析
  palliative,        ///< 緩和ケア
  limited_mobility,  ///< 移動困難 (transport need; asks no service of the ward)
};
inline constexpr int kCareNeedCount = 5;

/// A set of needs (or of services a hospital offers).
struct CareNeeds {
  std::uint8_t bits = 0;
  bool has(CareNeed n) const { return (bits >> static_cast<int>(n)) & 1U; }
  void add(CareNeed n) { bits = static_cast<std::uint8_t>(bits | (1U << static_cast<int>(n))); }
  void remove(CareNeed n) { bits = static_cast<std::uint8_t>(bits & ~(1U << static_cast<int>(n))); }
  bool empty() const { return bits == 0; }
  friend bool operator==(CareNeeds, CareNeeds) = default;
};

/// Whether a hospital must offer this need as a service (every need but limited mobility).
bool needs_service(CareNeed n);
/// The needs of `needs` that `offered` lacks, among those that ask for a service.
CareNeeds missing_services(CareNeeds needs, CareNeeds offered);

/// "ventilator", "home_oxygen", ... (the names scenario files use).
const char* name(CareNeed n);
/// {"人工呼吸器", "ventilator"}, ...
LocalText label(CareNeed n);
/// English name or Japanese label; nullopt if neither.
std::optional<CareNeed> parse_care_need(std::string_view text);
/// Every valid name, for error messages: "ventilator, home_oxygen, dialysis, palliative,
/// limited_mobility".
std::string care_need_names();

/// "ventilator;dialysis" (names joined by ';'), "" for none.
std::string to_text(CareNeeds needs);
/// "人工呼吸器・透析" / "ventilator, dialysis"; "なし" / "none" for none.
std::string describe(CareNeeds needs, Lang lang);

}  // namespace caremap::core
