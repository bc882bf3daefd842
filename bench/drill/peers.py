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
import sys
import time


def objective_of(inst, site_of):
    """The objective of an assignment (patient -> site or None), exactly as caremap counts it:
    weighted costs, penalties, and the reserve cost of every bed beyond a site's capacity."""
    n, m = inst["patients"], inst["sites"]
    total = 0
    load = [0] * m
    for i in range(n):
        w = inst["weight"][i]
        s = site_of[i]
        total += w * (inst["penalty"] if s is None else inst["cost_units"][i * m + s])
        if s is not None:
            load[s] += 1
    for s in range(m):
        total += max(0, load[s] - inst["capacity"][s]) * inst["reserve_cost"]
    return total


def run_networkx(inst):
    import networkx as nx
    n, m = inst["patients"], inst["sites"]
    t0 = time.perf_counter()
    g = nx.DiGraph()
    g.add_node("sink", demand=n)
    for s in range(m):
        g.add_edge(("s", s), "sink", capacity=inst["capacity"][s], weight=0)
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
        g.add_edge(("p", i), ("out", i), capacity=1, weight=w * inst["penalty"])
        g.add_edge(("out", i), "sink", capacity=1, weight=0)
    t1 = time.perf_counter()
    flow = nx.min_cost_flow(g)
    t2 = time.perf_counter()
    site_of = [None] * n
    for i in range(n):
        for (kind, s), f in ((k, v) for k, v in flow[("p", i)].items() if k[0] == "s"):
            if f > 0:
                site_of[i] = s
    return {"solver": f"networkx {nx.__version__} min_cost_flow", "build_s": t1 - t0,
            "solve_s": t2 - t1, "objective": objective_of(inst, site_of)}


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
                terms.append((v, w * c))
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
    status = prob.solve(pulp.PULP_CBC_CMD(msg=0))
    t2 = time.perf_counter()
    site_of = [None] * n
    for (i, s), v in x.items():
        if v.varValue is not None and v.varValue > 0.5:
            site_of[i] = s
    return {"solver": f"PuLP {pulp.__version__} + CBC (LP)", "build_s": t1 - t0,
            "solve_s": t2 - t1, "status": pulp.LpStatus[status],
            "objective": objective_of(inst, site_of)}


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
