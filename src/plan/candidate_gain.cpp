#include "plan/candidate_gain.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace caremap::plan {

std::vector<CandidateGain> candidate_gains(const LocationProblem& pr,
                                           const analysis::Demand& demand) {
  if (demand.points.size() != pr.demand) {
    throw core::ArgumentError("candidate gains: the problem has " + std::to_string(pr.demand) +
                              " demand points, the demand " + std::to_string(demand.points.size()));
  }
  const std::vector<double> before = existing_best(pr);
  std::vector<CandidateGain> out(pr.candidates);
  for (std::size_t c = 0; c < pr.candidates; ++c) {
    CandidateGain& g = out[c];
    g.candidate = static_cast<std::uint32_t>(c);
    for (std::size_t i = 0; i < pr.demand; ++i) {
      const analysis::DemandPoint& p = demand.points[i];
      if (p.city == analysis::kNoCity || before[i] <= pr.reach.limit ||
          !(pr.at(pr.existing + c, i) <= pr.reach.limit)) {
        continue;
      }
      g.gained += analysis::people_of(p);
      g.area_m2 += core::area(p.shape).value;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const CandidateGain& a, const CandidateGain& b) {
    if (a.gained.people != b.gained.people) {
      return a.gained.people > b.gained.people;
    }
    return a.gained.people_75plus > b.gained.people_75plus;
  });
  return out;
}

}  // namespace caremap::plan
