#include "crs/jprcs_zones.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "core/error.hpp"

namespace caremap::crs {

namespace {

constexpr double dms(int deg, int min) {
  return deg + min / 60.0;
}

constexpr std::array<PlaneRectangularZone, 19> kZones{{
    {1, 6669, {dms(129, 30), 33.0}, "I"},     {2, 6670, {dms(131, 0), 33.0}, "II"},
    {3, 6671, {dms(132, 10), 36.0}, "III"},   {4, 6672, {dms(133, 30), 33.0}, "IV"},
    {5, 6673, {dms(134, 20), 36.0}, "V"},     {6, 6674, {dms(136, 0), 36.0}, "VI"},
    {7, 6675, {dms(137, 10), 36.0}, "VII"},   {8, 6676, {dms(138, 30), 36.0}, "VIII"},
    {9, 6677, {dms(139, 50), 36.0}, "IX"},    {10, 6678, {dms(140, 50), 40.0}, "X"},
    {11, 6679, {dms(140, 15), 44.0}, "XI"},   {12, 6680, {dms(142, 15), 44.0}, "XII"},
    {13, 6681, {dms(144, 15), 44.0}, "XIII"}, {14, 6682, {dms(142, 0), 26.0}, "XIV"},
    {15, 6683, {dms(127, 30), 26.0}, "XV"},   {16, 6684, {dms(124, 0), 26.0}, "XVI"},
    {17, 6685, {dms(131, 0), 26.0}, "XVII"},  {18, 6686, {dms(136, 0), 20.0}, "XVIII"},
    {19, 6687, {dms(154, 0), 26.0}, "XIX"},
}};

struct Prefecture {
  std::string_view name;
  std::array<int, 4> zones;  // 0-terminated; the prefectural capital's zone first
};

// Index = JIS X 0401 prefecture code.
constexpr std::array<Prefecture, 48> kPrefectures{{
    {"", {0}},
    {"北海道", {12, 11, 13, 0}},
    {"青森県", {10}},
    {"岩手県", {10}},
    {"宮城県", {10}},
    {"秋田県", {10}},
    {"山形県", {10}},
    {"福島県", {9}},
    {"茨城県", {9}},
    {"栃木県", {9}},
    {"群馬県", {9}},
    {"埼玉県", {9}},
    {"千葉県", {9}},
    {"東京都", {9, 14, 18, 19}},
    {"神奈川県", {9}},
    {"新潟県", {8}},
    {"富山県", {7}},
    {"石川県", {7}},
    {"福井県", {6}},
    {"山梨県", {8}},
    {"長野県", {8}},
    {"岐阜県", {7}},
    {"静岡県", {8}},
    {"愛知県", {7}},
    {"三重県", {6}},
    {"滋賀県", {6}},
    {"京都府", {6}},
    {"大阪府", {6}},
    {"兵庫県", {5}},
    {"奈良県", {6}},
    {"和歌山県", {6}},
    {"鳥取県", {5}},
    {"島根県", {3}},
    {"岡山県", {5}},
    {"広島県", {3}},
    {"山口県", {3}},
    {"徳島県", {4}},
    {"香川県", {4}},
    {"愛媛県", {4}},
    {"高知県", {4}},
    {"福岡県", {2}},
    {"佐賀県", {2}},
    {"長崎県", {1}},
    {"熊本県", {2}},
    {"大分県", {2}},
    {"宮崎県", {2}},
    {"鹿児島県", {2, 1, 0, 0}},
    {"沖縄県", {15, 16, 17, 0}},
}};

}  // namespace

std::span<const PlaneRectangularZone> plane_rectangular_zones() {
  return kZones;
}

const PlaneRectangularZone& plane_rectangular_zone(int number) {
  if (number < 1 || number > 19) {
    throw core::ArgumentError("no Japan Plane Rectangular CS zone " + std::to_string(number) +
                              " (zones are 1 to 19)");
  }
  return kZones[static_cast<std::size_t>(number - 1)];
}

std::span<const int> prefecture_zones(int prefecture_code) {
  if (prefecture_code < 1 || prefecture_code > 47) {
    return {};
  }
  const auto& zones = kPrefectures[static_cast<std::size_t>(prefecture_code)].zones;
  const auto end = std::find(zones.begin(), zones.end(), 0);
  return {zones.data(), static_cast<std::size_t>(end - zones.begin())};
}

std::string_view prefecture_name(int prefecture_code) {
  if (prefecture_code < 1 || prefecture_code > 47) {
    return {};
  }
  return kPrefectures[static_cast<std::size_t>(prefecture_code)].name;
}

std::optional<int> prefecture_of(std::string_view code) {
  if (code.size() != 5 && code.size() != 6) {
    return std::nullopt;
  }
  if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const int pref = (code[0] - '0') * 10 + (code[1] - '0');
  if (pref < 1 || pref > 47) {
    return std::nullopt;
  }
  return pref;
}

}  // namespace caremap::crs
