#pragma once
// The column names of e-Stat 地域メッシュ統計 files, found by their Japanese label rather than
// by their item code: item codes change with every census (T001101001 in 2020, T000847001 in
// 2015, ...) while the labels stay the same, so a file of another census year reads the same way.
//
// Labels are compared after normalisation: full-width ASCII (０-９, Ａ-Ｚ, （）, ～) becomes
// ASCII, 〜 becomes ~, and every space (ASCII and the ideographic U+3000 e-Stat puts in front of
// each label) is removed: "　６５歳以上人口　総数" -> "65歳以上人口総数".

#include <optional>
#include <string>
#include <string_view>

namespace caremap::io {

/// What a column counts: people (shared within a secret group in proportion to the cells'
/// populations) or households (in proportion to their households).
enum class EstatUnit { people, households };

struct EstatField {
  std::string name;  ///< caremap's field name: pop_total, pop_65plus, households, ...
  EstatUnit unit = EstatUnit::people;
};

/// The label in the normalised form described above.
std::string normalize_estat_label(std::string_view label);

/// caremap's field for an e-Stat label, nullopt for a label caremap does not know. Known:
///  - 人口（総数） -> pop_total; with 男 / 女 -> pop_male / pop_female;
///  - any age band "N～M歳人口" -> pop_N_M, "N歳以上人口" -> pop_Nplus (総数), with _male /
///    _female for 男 / 女: pop_0_14, pop_15_64, pop_65plus, pop_75plus, pop_85plus, ...;
///  - 外国人人口 -> pop_foreign(_male, _female);
///  - 世帯総数 -> households, 一般世帯数 -> households_general, and the household types of the
///    2020 file (households_1person ... households_7plus, households_nuclear,
///    households_with_65plus, households_elderly_single, households_elderly_couple, ...).
std::optional<EstatField> estat_field_for_label(std::string_view label);

}  // namespace caremap::io
