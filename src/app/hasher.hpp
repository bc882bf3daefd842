#pragma once
// A small incremental hash for change detection (draw-list signatures, map and label cache
// keys): equal inputs give equal digests; unequal ones differ except with negligible chance.
// Not for hash tables exposed to untrusted input, not stable across builds.

#include <cstddef>
#include <cstdint>

namespace caremap::app {

/// FNV-1a style, eight bytes per step (draw lists are tens of kilobytes per frame).
class Hasher {
 public:
  void bytes(const void* data, std::size_t size);
  /// The bytes of a value: T must have no padding (integers, floats, pointers, plain structs
  /// of those without gaps), or garbage in the gaps would change the digest.
  template <class T>
  void value(const T& v) {
    bytes(&v, sizeof v);
  }
  std::uint64_t digest() const { return m_h; }

 private:
  std::uint64_t m_h = 1469598103934665603ull;
};

}  // namespace caremap::app
