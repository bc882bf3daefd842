#include "io/csv_parts.hpp"

#include <algorithm>

namespace caremap::io::detail {

namespace {

// The position just after the first line break at or after `from` with an even number of quotes
// before it (`quotes` is the number of quotes in [0, from)); npos when there is none.
std::size_t record_end_after(std::string_view text, std::size_t from, std::size_t quotes) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] == '"') {
      ++quotes;
    } else if (text[i] == '\n' && quotes % 2 == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<std::string> split_csv_records(std::string_view text, std::size_t parts,
                                           std::size_t min_part_bytes) {
  std::vector<std::string> whole{std::string(text)};
  if (parts <= 1 || text.size() / parts < std::max<std::size_t>(min_part_bytes, 1)) {
    return whole;
  }
  const std::size_t header_end = record_end_after(text, 0, 0);
  if (header_end == std::string_view::npos) {
    return whole;
  }
  // Cut points: after the header, near each k * size / parts, and the end.
  std::vector<std::size_t> cuts{header_end};
  std::size_t quotes = 0;  // quotes in [0, scanned)
  std::size_t scanned = 0;
  for (std::size_t k = 1; k < parts; ++k) {
    const std::size_t target = std::max(cuts.back(), text.size() * k / parts);
    quotes += static_cast<std::size_t>(
        std::count(text.begin() + static_cast<std::ptrdiff_t>(scanned),
                   text.begin() + static_cast<std::ptrdiff_t>(target), '"'));
    scanned = target;
    const std::size_t cut = record_end_after(text, target, quotes);
    if (cut == std::string_view::npos || cut >= text.size()) {
      break;
    }
    if (cut > cuts.back()) {
      quotes += static_cast<std::size_t>(
          std::count(text.begin() + static_cast<std::ptrdiff_t>(target),
                     text.begin() + static_cast<std::ptrdiff_t>(cut), '"'));
      scanned = cut;
      cuts.push_back(cut);
    }
  }
  cuts.push_back(text.size());
  if (cuts.size() <= 2) {
    return whole;
  }
  const std::string_view header = text.substr(0, header_end);
  std::vector<std::string> out;
  for (std::size_t p = 0; p + 1 < cuts.size(); ++p) {
    std::string part;
    part.reserve(header.size() + (cuts[p + 1] - cuts[p]));
    part.append(header).append(text.substr(cuts[p], cuts[p + 1] - cuts[p]));
    out.push_back(std::move(part));
  }
  return out;
}

}  // namespace caremap::io::detail
