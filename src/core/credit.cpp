#include "core/credit.hpp"

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

}  // namespace caremap::core
