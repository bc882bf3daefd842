#pragma once
// Scanning text eight bytes at a time (SWAR): a national CSV is tens of MB, and byte-by-byte
// loops over it (counting line breaks, finding quotes, checking cells for quoting) cost more than
// the work they guard.

#include <cstdint>
#include <cstring>

namespace caremap::io::detail {

/// Eight bytes of `text` from `at` as one word (no alignment needed).
inline std::uint64_t load_word(const char* text) {
  std::uint64_t word = 0;
  std::memcpy(&word, text, sizeof word);
  return word;
}

/// The high bit of every byte of `word` equal to `byte`, and no other bit: a byte of x is zero
/// exactly where the word holds `byte`, and ((x & 0x7F..) + 0x7F..) | x sets the high bit of
/// every non-zero byte without a carry crossing into the next.
inline std::uint64_t bytes_equal(std::uint64_t word, char byte) {
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  const std::uint64_t x = word ^ (0x0101010101010101ULL * static_cast<unsigned char>(byte));
  return ~(((x & kLow7) + kLow7) | x) & ~kLow7;
}

}  // namespace caremap::io::detail
