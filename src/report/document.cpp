#include "report/document.hpp"

#include "core/credit.hpp"

namespace caremap::report {

std::vector<std::string> page_credits(const Page& p) {
  std::vector<std::string> out;
  auto add = [&](const std::string& c) { core::add_credit(out, c); };
  for (const Block& b : p.blocks) {
    if (const auto* map = std::get_if<MapBlock>(&b)) {
      for (const MapLayer& ml : map->layers) {
        if (ml.layer && ml.style.visible) {
          for (const core::SourceRef& in : ml.layer->provenance.inputs) {
            add(in.credit);
          }
        }
      }
    }
  }
  for (const std::string& c : p.credits) {
    add(c);
  }
  return out;
}

}  // namespace caremap::report
