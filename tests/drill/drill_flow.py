"""The drill's assignment as an independent solver sees it (the network documented in
src/drill/assignment.hpp), shared by the networkx cross-check (tests/drill/crosscheck_networkx.py)
and the benchmark's peers (bench/drill/peers.py). An instance is the JSON of
tests/drill/support/problem_json.hpp: integer costs (-1 = unusable pair), weights, capacities,
reserves (backup beds) with their cost, caremap's penalty and optimum."""


def penalty_of(inst):
    """1 + sum over patients of weight x their dearest usable pair + every reserve bed's cost
    + every patient's move cost (when there are previous sites)."""
    n, m = inst["patients"], inst["sites"]
    total = 1
    for i in range(n):
        row = [c for c in inst["cost_units"][i * m:(i + 1) * m] if c >= 0]
        total += inst["weight"][i] * (max(row) if row else 0)
    moves = inst["patients"] * inst["move_cost"] if any(x >= 0 for x in inst["previous"]) else 0
    return total + sum(inst["reserve"]) * inst["reserve_cost"] + moves


def move(inst, i, s):
    """The move cost of patient i at site s: paid when they were placed at another site before."""
    before = inst["previous"][i]
    return inst["move_cost"] if before >= 0 and before != s else 0


def objective_of(inst, site_of):
    """The objective of an assignment (patient -> site or None), exactly as caremap counts it:
    weighted costs, penalties, and the reserve cost of every bed beyond a site's capacity."""
    n, m = inst["patients"], inst["sites"]
    total = 0
    load = [0] * m
    for i in range(n):
        s = site_of[i]
        total += inst["weight"][i] * (inst["penalty"] if s is None else inst["cost_units"][i * m + s])
        if s is not None:
            load[s] += 1
            total += move(inst, i, s)
    for s in range(m):
        total += max(0, load[s] - inst["capacity"][s]) * inst["reserve_cost"]
    return total


def networkx_graph(inst, penalty):
    """The min-cost-flow network as a networkx DiGraph (one edge per node pair: the not-placed and
    reserve arcs go through their own nodes)."""
    import networkx as nx
    n, m = inst["patients"], inst["sites"]
    g = nx.DiGraph()
    g.add_node("sink", demand=n)
    for s in range(m):
        g.add_edge(("s", s), "sink", capacity=inst["capacity"][s], weight=0)
        if inst["reserve"][s] > 0:
            g.add_edge(("s", s), ("r", s), capacity=inst["reserve"][s], weight=inst["reserve_cost"])
            g.add_edge(("r", s), "sink", capacity=inst["reserve"][s], weight=0)
    for i in range(n):
        g.add_node(("p", i), demand=-1)
        w = inst["weight"][i]
        for s in range(m):
            c = inst["cost_units"][i * m + s]
            if c >= 0:
                g.add_edge(("p", i), ("s", s), capacity=1, weight=w * c + move(inst, i, s))
        g.add_edge(("p", i), ("out", i), capacity=1, weight=w * penalty)
        g.add_edge(("out", i), "sink", capacity=1, weight=0)
    return g


def sites_of_flow(inst, flow):
    """Patient -> site (or None) from a networkx flow."""
    site_of = [None] * inst["patients"]
    for i in range(inst["patients"]):
        for target, f in flow[("p", i)].items():
            if target[0] == "s" and f > 0:
                site_of[i] = target[1]
    return site_of
