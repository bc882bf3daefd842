#include "app/hasher.hpp"

#include <cstring>

namespace caremap::app {

void Hasher::bytes(const void* data, std::size_t size) {
  const auto* p = static_cast<const unsigned char*>(data);
  while (size >= 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    m_h = (m_h ^ w) * 1099511628211ull;
    m_h ^= m_h >> 29;
    p += 8;
    size -= 8;
  }
  while (size > 0) {
    m_h = (m_h ^ *p) * 1099511628211ull;
    ++p;
    --size;
  }
}

}  // namespace caremap::app
