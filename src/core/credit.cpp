#include "core/credit.hpp"

#include <algorithm>
#include <string_view>

namespace caremap::core {

std::string credit_body(const std::string& credit) {
  for (const std::string_view lead : {"出典：", "出典:", "Source:", "Sources:"}) {
    if (credit.size() > lead.size() && std::string_view(credit).substr(0, lead.size()) == lead) {
      const std::size_t start = credit.find_first_not_of(' ', lead.size());
      if (start != std::string::npos) {
        return credit.substr(start);
      }
    }
  }
  return credit;
}

void add_credit(std::vector<std::string>& credits, const std::string& credit) {
  std::size_t from = 0;
  while (from < credit.size()) {
    const std::size_t cut = credit.find("; ", from);
    const std::size_t end = cut == std::string::npos ? credit.size() : cut;
    std::string part = credit.substr(from, end - from);
    from = cut == std::string::npos ? credit.size() : cut + 2;
    while (!part.empty() && part.front() == ' ') {
      part.erase(part.begin());
    }
    while (!part.empty() && part.back() == ' ') {
      part.pop_back();
    }
    if (part.empty()) {
      continue;
    }
    const std::string body = credit_body(part);
    const bool known = std::any_of(credits.begin(), credits.end(),
                                   [&](const std::string& c) { return credit_body(c) == body; });
    if (!known) {
      credits.push_back(std::move(part));
    }
  }
}

}  // namespace caremap::core
