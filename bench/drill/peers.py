#!/usr/bin/python3
"""The drill benchmark's peers: the same bed problem (bench/drill/drill_bench.cpp --dump, integer
costs in tenths of a second, -1 = unusable pair) solved by networkx's min-cost flow and by PuLP
with CBC as a linear programme (a transportation problem: its LP optimum is integral). Each
optimum is recomputed exactly in integers from the solution and compared with caremap's.

Prints one JSON object per solver: build_s (model building), solve_s (the solver call),
objective, same_optimum. Usage: peers.py instance.json [--skip networkx|pulp]...
"""
import argparse
import json
import os
import shutil
import sys
import time

# The flow network and the exact objective, shared with the networkx cross-check.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests",
                                "drill"))
import drill_flow  # noqa: E402


def run_networkx(inst):
    import networkx as nx
    t0 = time.perf_counter()
    g = drill_flow.networkx_graph(inst, inst["penalty"])
    t1 = time.perf_counter()
    flow = nx.min_cost_flow(g)
    t2 = time.perf_counter()
    return {"solver": f"networkx {nx.__version__} min_cost_flow", "build_s": t1 - t0,
            "solve_s": t2 - t1,
            "objective": drill_flow.objective_of(inst, drill_flow.sites_of_flow(inst, flow))}


def run_pulp(inst):
    import pulp
    n, m = inst["patients"], inst["sites"]
    t0 = time.perf_counter()
    prob = pulp.LpProblem("drill", pulp.LpMinimize)
    x = {}
    terms = []
    for i in range(n):
        w = inst["weight"][i]
        for s in range(m):
            c = inst["cost_units"][i * m + s]
            if c >= 0:
                v = pulp.LpVariable(f"x_{i}_{s}", 0, 1)
                x[i, s] = v
                terms.append((v, w * c + drill_flow.move(inst, i, s)))
    out = [pulp.LpVariable(f"u_{i}", 0, 1) for i in range(n)]
    terms += [(out[i], inst["weight"][i] * inst["penalty"]) for i in range(n)]
    prob += pulp.LpAffineExpression(terms)
    by_patient = [[] for _ in range(n)]
    by_site = [[] for _ in range(m)]
    for (i, s), v in x.items():
        by_patient[i].append(v)
        by_site[s].append(v)
    for i in range(n):
        prob += pulp.lpSum(by_patient[i]) + out[i] == 1
    # Reserve beds: y[s] beds beyond the capacity, each at the reserve cost.
    extra = []
    for s in range(m):
        if by_site[s]:
            y = pulp.LpVariable(f"r_{s}", 0, inst["reserve"][s])
            extra.append((y, inst["reserve_cost"]))
            prob += pulp.lpSum(by_site[s]) - y <= inst["capacity"][s]
    prob.objective += pulp.LpAffineExpression(extra)
    t1 = time.perf_counter()
    # Debian's PuLP has no bundled CBC: the coinor-cbc binary on PATH.
    cbc = shutil.which("cbc")
    solver = pulp.COIN_CMD(path=cbc, msg=0) if cbc else pulp.PULP_CBC_CMD(msg=0)
    status = prob.solve(solver)
    t2 = time.perf_counter()
    site_of = [None] * n
    for (i, s), v in x.items():
        if v.varValue is not None and v.varValue > 0.5:
            site_of[i] = s
    return {"solver": f"PuLP {pulp.__version__} + CBC (LP)", "build_s": t1 - t0,
            "solve_s": t2 - t1, "status": pulp.LpStatus[status],
            "objective": drill_flow.objective_of(inst, site_of)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("instance")
    ap.add_argument("--skip", action="append", default=[])
    a = ap.parse_args()
    inst = json.load(open(a.instance))
    results = []
    for name, fn in (("networkx", run_networkx), ("pulp", run_pulp)):
        if name in a.skip:
            continue
        try:
            r = fn(inst)
        except ImportError as e:
            r = {"solver": name, "error": f"not installed: {e}"}
        if "objective" in r:
            r["same_optimum"] = r["objective"] == inst["objective"]
        results.append(r)
    print(json.dumps({"caremap_objective": inst["objective"], "peers": results}))
    return 0 if all(r.get("same_optimum", True) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
