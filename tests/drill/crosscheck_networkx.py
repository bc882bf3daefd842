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
import subprocess
import sys

try:
    import networkx as nx
except ImportError:
    print("SKIP: networkx is not installed (Debian: apt-get install python3-networkx)")
    sys.exit(77)


def penalty_of(inst):
    """1 + sum over patients of weight x their dearest usable pair + every reserve bed's cost."""
    n, m = inst["patients"], inst["sites"]
    total = 1
    for i in range(n):
        row = [c for c in inst["cost_units"][i * m:(i + 1) * m] if c >= 0]
        total += inst["weight"][i] * (max(row) if row else 0)
    return total + sum(inst["reserve"]) * inst["reserve_cost"]


def solve_networkx(inst, penalty):
    n, m = inst["patients"], inst["sites"]
    g = nx.DiGraph()
    g.add_node("sink", demand=n)
    for s in range(m):
        g.add_edge(("s", s), "sink", capacity=inst["capacity"][s], weight=0)
        # Reserve (backup) beds: a second way to the sink, through their own node.
        if inst["reserve"][s] > 0:
            g.add_edge(("s", s), ("r", s), capacity=inst["reserve"][s],
                       weight=inst["reserve_cost"])
            g.add_edge(("r", s), "sink", capacity=inst["reserve"][s], weight=0)
    for i in range(n):
        g.add_node(("p", i), demand=-1)
        w = inst["weight"][i]
        for s in range(m):
            c = inst["cost_units"][i * m + s]
            if c >= 0:
                g.add_edge(("p", i), ("s", s), capacity=1, weight=w * c)
        # The not-placed arc goes through its own node: a DiGraph holds one edge per pair.
        g.add_edge(("p", i), ("out", i), capacity=1, weight=w * penalty)
        g.add_edge(("out", i), "sink", capacity=1, weight=0)
    flow = nx.min_cost_flow(g)
    return nx.cost_of_flow(g, flow)


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
        penalty = penalty_of(inst)
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
