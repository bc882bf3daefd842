#!/usr/bin/python3
"""Solve a caremap location instance (`caremap plan locate --export-instance FILE`) with PuLP and
CBC, using the formulations of spopt (pysal/spopt, spopt/locate: LSCP, MCLP, PMedian) on the full
cost matrix, the existing sites fixed open as spopt's predefined facilities.

Usage: pulp_solve.py INSTANCE.json   -> prints {"model", "objective", "new_sites", "seconds", ...}

Objectives are reported as caremap reports them: mclp people within reach (existing sites
included), lscp the number of *new* sites (spopt's objective minus the existing ones), pmedian the
people-weighted total cost. Demand points left out, as caremap leaves them out: weight 0, and those
no site can serve (beyond every site's reach for lscp/mclp; no finite cost from an existing site
for pmedian): spopt's models would be infeasible with them.
"""
import json
import math
import shutil
import sys
import time

start = time.perf_counter()
import pulp  # noqa: E402  (timed: the import is part of a PuLP run)


def main(path):
    inst = json.load(open(path))
    model = inst["model"]
    existing, candidates, p = inst["existing"], inst["candidates"], inst["p"]
    limit = inst["limit"]
    w = inst["weight"]
    cost = [[math.inf if v is None else v for v in row] for row in inst["cost"]]
    sites = existing + candidates
    demand = range(len(w))

    def servable(i):
        if w[i] <= 0:
            return False
        if model in ("mclp", "lscp"):
            return any(cost[j][i] <= limit for j in range(sites))
        pool = range(existing) if existing else range(sites)
        return any(math.isfinite(cost[j][i]) for j in pool)

    points = [i for i in demand if servable(i)]
    x = [pulp.LpVariable(f"x_{j}", cat="Binary") for j in range(sites)]
    if model == "lscp":
        prob = pulp.LpProblem("lscp", pulp.LpMinimize)
        prob += pulp.lpSum(x)
        for i in points:
            prob += pulp.lpSum(x[j] for j in range(sites) if cost[j][i] <= limit) >= 1
    elif model == "mclp":
        prob = pulp.LpProblem("mclp", pulp.LpMaximize)
        y = {i: pulp.LpVariable(f"y_{i}", cat="Binary") for i in points}
        prob += pulp.lpSum(w[i] * y[i] for i in points)
        prob += pulp.lpSum(x) == existing + p
        for i in points:
            prob += pulp.lpSum(x[j] for j in range(sites) if cost[j][i] <= limit) >= y[i]
    elif model == "pmedian":
        prob = pulp.LpProblem("pmedian", pulp.LpMinimize)
        z = {(i, j): pulp.LpVariable(f"z_{i}_{j}", cat="Binary")
             for i in points for j in range(sites) if math.isfinite(cost[j][i])}
        prob += pulp.lpSum(w[i] * cost[j][i] * v for (i, j), v in z.items())
        prob += pulp.lpSum(x) == existing + p
        by_point = {}
        for (i, j), v in z.items():
            by_point.setdefault(i, []).append(v)
            prob += v <= x[j]
        for i in points:
            prob += pulp.lpSum(by_point[i]) == 1
    else:
        sys.exit(f"pulp_solve.py: model {model} is not cross-checked")
    # spopt's predefined facilities: fixed open.
    for j in range(existing):
        prob += x[j] == 1
    solve_start = time.perf_counter()
    # Debian's python3-pulp ships no CBC of its own: the packaged /usr/bin/cbc (coinor-cbc), the
    # same CBC 2.10 caremap links.
    prob.solve(pulp.COIN_CMD(path=shutil.which("cbc") or "/usr/bin/cbc", msg=False))
    solve_s = time.perf_counter() - solve_start
    objective = pulp.value(prob.objective)
    chosen = [j - existing for j in range(existing, sites) if x[j].value() > 0.5]
    if model == "lscp":
        objective -= existing
    print(json.dumps({
        "model": model,
        "status": pulp.LpStatus[prob.status],
        "objective": objective,
        "new_sites": chosen,
        "points": len(points),
        "variables": len(prob.variables()),
        "constraints": len(prob.constraints),
        "solve_seconds": solve_s,
        "seconds": time.perf_counter() - start,
        "pulp": pulp.__version__,
    }))


if __name__ == "__main__":
    main(sys.argv[1])
