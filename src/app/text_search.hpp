#pragma once
// Text search over Japanese attribute values. Matching is substring matching on a normalised form
// of the UTF-8 text in which katakana become hiragana (ビョウイン = びょういん), full-width
// ASCII becomes ASCII (ＡＢＣ１ = abc1), ASCII letters are lower-cased and the ideographic space
// is a space. Invalid UTF-8 bytes are kept as they are. O(length) per string.

#include <string>
#include <string_view>

namespace caremap::app {

/// The normalised form described above.
std::string normalize_for_search(std::string_view text);

/// True if the normalised `needle` occurs in the normalised `haystack` (an empty needle matches).
bool search_matches(std::string_view haystack, std::string_view needle);

/// Same, with a needle normalised once by the caller (faster over many rows).
bool search_matches_normalized(std::string_view haystack, std::string_view normalized_needle);

}  // namespace caremap::app
