// Benchmark of the drill (issue 13) on the Monaco car graph: N patients x H hospitals with road
// closures, then an inject (more closures, one hospital damaged, one without power) re-solved
// with its travel times. The instance is synthetic (patients and hospitals at graph nodes drawn
// with a fixed seed; needs, services and beds drawn too): it measures the engine, not a place.
//
//   caremap_drill_bench --patients 1000 --hospitals 20 --runs 5 --dump instance.json
//
// Prints one JSON object: median and minimum wall times (ms) of
//   first_solve_ms   state at t = 0 (closures, costs, assignment, explanations)
//   inject_ms        the re-solve after the inject, travel times included
//   costs_ms         of which the travel-cost matrix under the inject's closures
//   assignment_ms    the min-cost flow alone (LEMON network simplex) on the inject's problem
// and the optimum. --dump writes the inject's bed problem (integer costs, -1 = unusable) for
// bench/drill/peers.py, which solves the same matrix with networkx and PuLP + CBC.

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "drill/drill_run.hpp"
#include "drill/support/problem_json.hpp"
#include "routing/osm_graph.hpp"
#include "support/monaco.hpp"
#include "support/utm_projector.hpp"

using namespace caremap;

namespace {

struct Args {
  std::size_t patients = 1000;
  std::size_t hospitals = 20;
  int runs = 5;
  unsigned seed = 13;
  unsigned threads = 1;
  std::string dump;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    const char* v = argv[i + 1];
    if (k == "--patients") {
      a.patients = std::strtoul(v, nullptr, 10);
    } else if (k == "--hospitals") {
      a.hospitals = std::strtoul(v, nullptr, 10);
    } else if (k == "--runs") {
      a.runs = std::atoi(v);
    } else if (k == "--seed") {
      a.seed = static_cast<unsigned>(std::atoi(v));
    } else if (k == "--threads") {
      a.threads = static_cast<unsigned>(std::atoi(v));
    } else if (k == "--dump") {
      a.dump = v;
    } else {
      std::cerr << "unknown option " << k << "\n";
      std::exit(2);
    }
  }
  return a;
}

template <class F>
double time_ms(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

struct Stat {
  std::vector<double> ms;
  nlohmann::json json() const {
    auto v = ms;
    std::sort(v.begin(), v.end());
    return {{"median", v[v.size() / 2]}, {"min", v.front()}, {"runs", v.size()}};
  }
};

drill::NamedClosure closed_ways(const routing::RoadGraph& g, std::mt19937& rng, int n,
                                const std::string& name) {
  drill::NamedClosure c;
  c.name = name;
  std::uniform_int_distribution<routing::SegmentId> pick(0, g.segment_count() - 1);
  for (int i = 0; i < n; ++i) {
    c.closures.closed_ways.push_back(g.segment_way_id(pick(rng)));
  }
  return c;
}

drill::Scenario scenario(const routing::RoadGraph& g, const Args& a) {
  std::mt19937 rng(a.seed);
  std::uniform_int_distribution<routing::NodeId> node(0, g.node_count() - 1);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  drill::Scenario s;
  s.title = "synthetic benchmark drill (Monaco car graph)";
  s.power_needs = drill::default_power_needs();
  for (std::size_t i = 0; i < a.patients; ++i) {
    drill::Patient p;
    p.id = "B" + std::to_string(i + 1);
    p.position = g.node_xy(node(rng));
    if (u(rng) < 0.05)
      p.needs.add(core::CareNeed::ventilator);
    if (u(rng) < 0.08)
      p.needs.add(core::CareNeed::dialysis);
    if (u(rng) < 0.10)
      p.needs.add(core::CareNeed::home_oxygen);
    p.priority = p.needs.has(core::CareNeed::ventilator) ? 3 : p.needs.empty() ? 1 : 2;
    s.patients.push_back(std::move(p));
  }
  // Beds for about 110 % of the patients, unevenly spread.
  const int beds = static_cast<int>(1.1 * static_cast<double>(a.patients));
  for (std::size_t h = 0; h < a.hospitals; ++h) {
    drill::Hospital x;
    x.id = "H" + std::to_string(h + 1);
    x.name = x.id;
    x.position = g.node_xy(node(rng));
    x.free_beds = static_cast<int>(beds * (0.5 + u(rng)) / static_cast<double>(a.hospitals));
    x.backup_beds = h == 0 ? 20 : 0;
    if (u(rng) < 0.4)
      x.services.add(core::CareNeed::ventilator);
    if (u(rng) < 0.5)
      x.services.add(core::CareNeed::dialysis);
    if (u(rng) < 0.8)
      x.services.add(core::CareNeed::home_oxygen);
    s.hospitals.push_back(std::move(x));
  }
  s.injects.push_back({0.0, "quake", {closed_ways(g, rng, 10, "first closures")}, {}, {}});
  s.injects.push_back({20.0,
                       "more closures, H1 damaged, H2 without power",
                       {closed_ways(g, rng, 10, "later closures")},
                       {{0, drill::OutageKind::damaged}, {1, drill::OutageKind::no_power}},
                       {}});
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = parse(argc, argv);
  core::Diagnostics d;
  test::UtmProjector utm(test::kMonacoUtmZone);
  const routing::RoadNetwork network(routing::build_graph(
      test::monaco_pbf(CAREMAP_BENCH_DATA_DIR), routing::car_profile(), utm, test::kMonacoCrs, d));
  const drill::Scenario s = scenario(network.graph(), a);
  drill::DrillOptions options;
  options.threads = a.threads;
  core::Diagnostics ignored;
  const analysis::TravelCosts open = drill::drill_costs(s, &network, nullptr, options, ignored);
  drill::DrillState t0 = drill::initial_state(s);
  drill::apply_inject(t0, s.injects[0], 0);
  drill::DrillState t20 = t0;
  drill::apply_inject(t20, s.injects[1], 1);

  Stat first, inject, costs, assignment;
  drill::InjectResult r0, r1;
  drill::AssignmentProblem problem;
  for (int run = 0; run < a.runs; ++run) {
    first.ms.push_back(
        time_ms([&] { r0 = drill::solve_state(s, t0, &network, open, nullptr, options); }));
    inject.ms.push_back(
        time_ms([&] { r1 = drill::solve_state(s, t20, &network, open, &r0, options); }));
    costs.ms.push_back(time_ms([&] {
      core::Diagnostics x;
      (void)drill::drill_costs(s, &network, r1.overlay.get(), options, x);
    }));
    // The inject's bed problem as the engine builds it, solved alone.
    std::vector<std::uint32_t> who;
    for (std::uint32_t i = 0; i < s.patients.size(); ++i) {
      who.push_back(i);
    }
    problem = drill::bed_problem(s, t20, r1.costs, who, &r0);
    drill::AssignmentSolution sol;
    assignment.ms.push_back(time_ms([&] { sol = drill::solve_assignment(problem); }));
    if (sol.objective != r1.beds.objective) {
      std::cerr << "the rebuilt problem differs from the engine's: " << sol.objective << " vs "
                << r1.beds.objective << "\n";
      return 1;
    }
  }
  nlohmann::json out{{"patients", a.patients},
                     {"hospitals", a.hospitals},
                     {"graph_nodes", network.graph().node_count()},
                     {"closed_arcs_after_inject", r1.overlay ? r1.overlay->closed_count() : 0},
                     {"placed_after_inject", r1.beds.placed},
                     {"moved_by_inject", r1.change.moved.size()},
                     {"objective", r1.beds.objective},
                     {"first_solve_ms", first.json()},
                     {"inject_ms", inject.json()},
                     {"costs_ms", costs.json()},
                     {"assignment_ms", assignment.json()}};
  std::cout << out.dump() << "\n";
  if (!a.dump.empty()) {
    std::ofstream(a.dump) << test::problem_json(problem, r1.beds).dump();
  }
  return 0;
}
