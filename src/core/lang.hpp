#pragma once
// The two languages of every output (tables, maps, legends, reports): Japanese by default,
// English selectable. Lives in core so that the CLI, the report writer and the viewer share it.

#include <optional>
#include <string>
#include <string_view>

namespace caremap::core {

enum class Lang { ja, en };

/// "ja" / "en".
std::string_view to_string(Lang l);
/// "ja" / "en"; nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view s);

/// A short text in both languages, e.g. the network a result stands on:
/// {"幹線道路のみ（国土数値情報 道路 1996年）", "trunk roads only (KSJ N01, 1996)"}.
struct LocalText {
  std::string ja;
  std::string en;

  /// The text in `lang`, falling back to the other language when that one is empty.
  const std::string& in(Lang lang) const;
  bool empty() const { return ja.empty() && en.empty(); }
  friend bool operator==(const LocalText&, const LocalText&) = default;
};

}  // namespace caremap::core
