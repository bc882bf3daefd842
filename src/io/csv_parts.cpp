#include "io/csv_parts.hpp"

#include <algorithm>
#include <bit>

#include "io/byte_scan.hpp"

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

std::size_t count_byte(std::string_view text, char byte) {
  std::size_t n = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    n += static_cast<std::size_t>(std::popcount(bytes_equal(load_word(text.data() + i), byte)));
  }
  for (; i < text.size(); ++i) {
    n += text[i] == byte ? 1 : 0;
  }
  return n;
}

std::vector<std::string> split_csv_records(std::string text, std::size_t parts,
                                           std::size_t min_part_bytes) {
  const auto whole = [&] { return std::vector<std::string>{std::move(text)}; };
  const std::string_view all(text);
  if (parts <= 1 || text.size() / parts < std::max<std::size_t>(min_part_bytes, 1)) {
    return whole();
  }
  const std::size_t header_end = record_end_after(all, 0, 0);
  if (header_end == std::string_view::npos) {
    return whole();
  }
  // Cut points: after the header, near each k * size / parts, and the end.
  std::vector<std::size_t> cuts{header_end};
  std::size_t quotes = 0;  // quotes in [0, scanned)
  std::size_t scanned = 0;
  for (std::size_t k = 1; k < parts; ++k) {
    const std::size_t target = std::max(cuts.back(), text.size() * k / parts);
    quotes += count_byte(all.substr(scanned, target - scanned), '"');
    scanned = target;
    const std::size_t cut = record_end_after(all, target, quotes);
    if (cut == std::string_view::npos || cut >= text.size()) {
      break;
    }
    if (cut > cuts.back()) {
      quotes += count_byte(all.substr(target, cut - target), '"');
      scanned = cut;
      cuts.push_back(cut);
    }
  }
  cuts.push_back(text.size());
  if (cuts.size() <= 2) {
    return whole();
  }
  // The later parts are copies behind a copy of the header; the first is the text itself, cut
  // short (a national file is 30 MB: one copy of it less).
  const std::string_view header = all.substr(0, header_end);
  std::vector<std::string> out(cuts.size() - 1);
  for (std::size_t p = 1; p + 1 < cuts.size(); ++p) {
    std::string& part = out[p];
    part.reserve(header.size() + (cuts[p + 1] - cuts[p]));
    part.append(header).append(all.substr(cuts[p], cuts[p + 1] - cuts[p]));
  }
  text.resize(cuts[1]);
  out[0] = std::move(text);
  return out;
}

}  // namespace caremap::io::detail
