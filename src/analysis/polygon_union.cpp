#include "analysis/polygon_union.hpp"

namespace caremap::analysis {

namespace bg = boost::geometry;

core::MultiPolygon cascaded_union(std::vector<core::MultiPolygon> parts) {
  if (parts.empty()) {
    return {};
  }
  while (parts.size() > 1) {
    std::vector<core::MultiPolygon> next;
    next.reserve((parts.size() + 1) / 2);
    for (std::size_t i = 0; i + 1 < parts.size(); i += 2) {
      core::MultiPolygon merged;
      bg::union_(parts[i], parts[i + 1], merged);
      next.push_back(std::move(merged));
    }
    if (parts.size() % 2 == 1) {
      next.push_back(std::move(parts.back()));
    }
    parts = std::move(next);
  }
  return std::move(parts.front());
}

}  // namespace caremap::analysis
