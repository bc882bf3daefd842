#!/usr/bin/python3
"""Cross-check of caremap's drill assignment (LEMON network simplex) against networkx.

Runs drill_instances, which solves random instances and prints them with caremap's optimum,
then solves each instance again with networkx's min-cost flow on the network documented in
src/drill/assignment.hpp, recomputing the not-placed penalty from the instance itself, and
compares the optimal costs exactly (integer costs). Exit 0 when all agree, 1 otherwise, 77
(CTest: skipped) when networkx is not installed.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import drill_flow  # noqa: E402

try:
    import networkx as nx
except ImportError:
    print("SKIP: networkx is not installed (Debian: apt-get install python3-networkx)")
    sys.exit(77)


def solve_networkx(inst, penalty):
    g = drill_flow.networkx_graph(inst, penalty)
    return nx.cost_of_flow(g, nx.min_cost_flow(g))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("solver", help="the drill_instances executable")
    ap.add_argument("--instances", type=int, default=100)
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    out = subprocess.run([a.solver, "--instances", str(a.instances), "--seed", str(a.seed)],
                         check=True, capture_output=True, text=True).stdout
    instances = json.loads(out)
    bad = 0
    for k, inst in enumerate(instances):
        penalty = drill_flow.penalty_of(inst)
        theirs = solve_networkx(inst, penalty)
        ok = penalty == inst["penalty"] and theirs == inst["objective"]
        if not ok:
            bad += 1
            print(f"instance {k}: {inst['patients']} patients x {inst['sites']} sites: caremap "
                  f"{inst['objective']} (penalty {inst['penalty']}), networkx {theirs} "
                  f"(penalty {penalty})")
    print(f"{len(instances) - bad} of {len(instances)} instances: caremap's optimum equals "
          f"networkx {nx.__version__}'s min-cost flow")
    return 0 if bad == 0 and instances else 1


if __name__ == "__main__":
    sys.exit(main())
