#include "core/provenance.hpp"

#include <algorithm>

namespace caremap::core {

Provenance& Provenance::inputs_from(const Provenance& other) {
  for (const auto& in : other.inputs) {
    const bool known = std::any_of(inputs.begin(), inputs.end(), [&](const SourceRef& s) {
      return s.path == in.path && s.layer == in.layer;
    });
    if (!known) {
      inputs.push_back(in);
    }
  }
  return *this;
}

std::string summarize(const Provenance& p) {
  std::string out = p.operation + "(";
  for (std::size_t i = 0; i < p.parameters.size(); ++i) {
    out += (i ? ", " : "") + p.parameters[i].first + "=" + p.parameters[i].second;
  }
  out += ")";
  if (!p.inputs.empty()) {
    out += " from ";
    for (std::size_t i = 0; i < p.inputs.size(); ++i) {
      out += (i ? ", " : "") + p.inputs[i].path;
      if (!p.inputs[i].data_date.empty()) {
        out += " (" + p.inputs[i].data_date + ")";
      }
    }
  }
  if (!p.basis.distance.empty()) {
    out += "; distance: " + p.basis.distance.in(Lang::en);
  }
  if (!p.basis.demand.empty()) {
    out += "; demand: " + p.basis.demand.in(Lang::en);
  }
  return out;
}

}  // namespace caremap::core
