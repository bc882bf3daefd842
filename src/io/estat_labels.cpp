#include "io/estat_labels.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "core/utf8.hpp"

namespace caremap::io {

namespace {

// Reads an unsigned number at the start of `s`, advancing past it.
std::optional<int> take_number(std::string_view& s) {
  std::size_t n = 0;
  int v = 0;
  while (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n])) && n < 4) {
    v = v * 10 + (s[n] - '0');
    ++n;
  }
  if (n == 0) {
    return std::nullopt;
  }
  s.remove_prefix(n);
  return v;
}

// "総数" / "男" / "女" after a people label; nullopt for anything else.
std::optional<std::string> sex_suffix(std::string_view rest) {
  if (rest.empty() || rest == "総数") {
    return std::string();
  }
  if (rest == "男") {
    return std::string("_male");
  }
  if (rest == "女") {
    return std::string("_female");
  }
  return std::nullopt;
}

// Age bands: "0~14歳人口", "65歳以上人口", then the sex suffix.
std::optional<std::string> age_band_field(std::string_view s) {
  const auto from = take_number(s);
  if (!from) {
    return std::nullopt;
  }
  std::string name = "pop_" + std::to_string(*from);
  constexpr std::string_view kBand = "歳人口";
  constexpr std::string_view kAndOver = "歳以上人口";
  if (s.starts_with("~")) {
    s.remove_prefix(1);
    const auto to = take_number(s);
    if (!to || !s.starts_with(kBand)) {
      return std::nullopt;
    }
    name += "_" + std::to_string(*to);
    s.remove_prefix(kBand.size());
  } else if (s.starts_with(kAndOver)) {
    name += "plus";
    s.remove_prefix(kAndOver.size());
  } else {
    return std::nullopt;
  }
  const auto suffix = sex_suffix(s);
  return suffix ? std::optional<std::string>(name + *suffix) : std::nullopt;
}

// Household columns of the 2020 file (normalised labels).
constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kHouseholds{{
    {"世帯総数", "households"},
    {"一般世帯数", "households_general"},
    {"1人世帯数一般世帯数", "households_1person"},
    {"2人世帯数一般世帯数", "households_2persons"},
    {"3人世帯数一般世帯数", "households_3persons"},
    {"4人世帯数一般世帯数", "households_4persons"},
    {"5人世帯数一般世帯数", "households_5persons"},
    {"6人世帯数一般世帯数", "households_6persons"},
    {"7人以上世帯数一般世帯数", "households_7plus"},
    {"親族のみの世帯数一般世帯数", "households_relatives_only"},
    {"核家族世帯数一般世帯数", "households_nuclear"},
    {"核家族以外の世帯数一般世帯数", "households_other_relatives"},
    {"6歳未満世帯員のいる世帯数一般世帯数", "households_with_under6"},
    {"65歳以上世帯員のいる世帯数一般世帯数", "households_with_65plus"},
    {"世帯主の年齢が20~29歳の1人世帯数一般世帯数", "households_1person_head_20s"},
    {"高齢単身世帯数一般世帯数", "households_elderly_single"},
    {"高齢夫婦世帯数一般世帯数", "households_elderly_couple"},
}};

}  // namespace

std::string normalize_estat_label(std::string_view label) {
  std::string out;
  out.reserve(label.size());
  for (std::size_t i = 0; i < label.size();) {
    char32_t cp = core::next_code_point(label, i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      cp -= 0xFEE0;  // full-width ASCII (０, Ａ, （, ～) to ASCII
    } else if (cp == 0x301C) {
      cp = U'~';  // 〜 WAVE DASH, what some files use instead of ～
    }
    if (cp == U' ' || cp == 0x3000 || cp == U'\t') {
      continue;
    }
    core::append_utf8(out, cp);
  }
  return out;
}

std::optional<EstatField> estat_field_for_label(std::string_view label) {
  const std::string s = normalize_estat_label(label);
  const std::string_view v = s;
  constexpr std::string_view kTotal = "人口(総数)";
  if (v.starts_with(kTotal)) {
    if (const auto suffix = sex_suffix(v.substr(kTotal.size()))) {
      return EstatField{*suffix == "" ? "pop_total" : "pop" + *suffix, EstatUnit::people};
    }
    return std::nullopt;
  }
  constexpr std::string_view kForeign = "外国人人口";
  if (v.starts_with(kForeign)) {
    if (const auto suffix = sex_suffix(v.substr(kForeign.size()))) {
      return EstatField{"pop_foreign" + *suffix, EstatUnit::people};
    }
    return std::nullopt;
  }
  if (const auto age = age_band_field(v)) {
    return EstatField{*age, EstatUnit::people};
  }
  for (const auto& [text, name] : kHouseholds) {
    if (v == text) {
      return EstatField{std::string(name), EstatUnit::households};
    }
  }
  return std::nullopt;
}

}  // namespace caremap::io
