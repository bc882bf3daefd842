#!/usr/bin/python3
"""The MCLP of benchmark H as a whole run in the Python GIS stack a planner would otherwise use:
GeoPandas reads the region's road layer (国土数値情報 N01, 1996), networkx builds the road graph
and computes the travel times with the same model caremap uses (profile speeds per road class,
access legs to the nearest point on a road at the profile's access speed x detour factor, direct
legs where they are quicker), then PuLP + CBC solves spopt's MCLP formulation.

It starts from the same places caremap planned with (the site and demand coordinates and the
demand weights of `caremap plan locate --export-instance`), so the two runs differ only in how
they get from the data to the answer. The peer's costs are its own: the objective is reported
beside caremap's, with how many demand-site pairs fall on the other side of the reach limit.

Usage: peer_whole_run.py INSTANCE.json ROADS.geojson PROFILE.json
  -> prints {"objective", "new_sites", "seconds", "phases", "pairs", "limit_flips", ...}
"""
import json
import math
import shutil
import sys
import time

start = time.perf_counter()
import geopandas  # noqa: E402  (timed: the imports are part of the run)
import networkx  # noqa: E402
import pulp  # noqa: E402
from shapely.geometry import LineString, Point  # noqa: E402
from shapely.strtree import STRtree  # noqa: E402


def road_graph(roads_path, crs, speeds_kmh):
    """One node per vertex of every line, one edge per segment weighted in seconds; lines meet
    where they share a vertex (N01's links share their end nodes exactly)."""
    roads = geopandas.read_file(roads_path).to_crs(crs)
    graph = networkx.Graph()
    segments, seg_ends, seg_seconds = [], [], []
    for geom, cls in zip(roads.geometry, roads["road_class"]):
        mps = speeds_kmh[cls] / 3.6
        coords = [(round(x, 3), round(y, 3)) for x, y in geom.coords]
        for a, b in zip(coords, coords[1:]):
            seconds = math.dist(a, b) / mps
            if not graph.has_edge(a, b) or graph[a][b]["s"] > seconds:
                graph.add_edge(a, b, s=seconds)
            segments.append(LineString([a, b]))
            seg_ends.append((a, b))
            seg_seconds.append(seconds)
    return graph, segments, seg_ends, seg_seconds


def snap(points, segments, seg_ends, seg_seconds):
    """Each point's nearest segment: its ends, the seconds to each end along it, the leg length."""
    # Shapely 1.8 (Debian 12): STRtree.nearest gives the geometry, not its index.
    index = {id(seg): k for k, seg in enumerate(segments)}
    tree = STRtree(segments)
    out = []
    for p in points:
        g = Point(p)
        seg = tree.nearest(g)
        k = index[id(seg)]
        t = seg.project(g, normalized=True)
        leg_m = g.distance(seg)
        a, b = seg_ends[k]
        out.append((a, b, t * seg_seconds[k], (1 - t) * seg_seconds[k], leg_m))
    return out


def main(instance_path, roads_path, profile_path):
    phases = {"imports": time.perf_counter() - start}
    lap = time.perf_counter()
    inst = json.load(open(instance_path))
    profile = json.load(open(profile_path))
    access = profile["access"]
    access_mps = access["speed_kmh"] / 3.6
    detour = access["detour_factor"]
    graph, segments, seg_ends, seg_seconds = road_graph(
        roads_path, inst["crs"], profile["class_speeds_kmh"])
    phases["read roads, graph"] = time.perf_counter() - lap

    lap = time.perf_counter()
    sites, demand = inst["site_xy"], inst["demand_xy"]
    site_snap = snap(sites, segments, seg_ends, seg_seconds)
    demand_snap = snap(demand, segments, seg_ends, seg_seconds)
    leg_s = lambda m: m * detour / access_mps  # noqa: E731
    cost = []
    for j, (a, b, to_a, to_b, leg_m) in enumerate(site_snap):
        graph.add_edge("site", a, s=to_a)
        if b != a:
            graph.add_edge("site", b, s=to_b)
        reach = networkx.single_source_dijkstra_path_length(graph, "site", weight="s")
        graph.remove_node("site")
        row = []
        for i, (c, d, to_c, to_d, dleg_m) in enumerate(demand_snap):
            road = min(reach.get(c, math.inf) + to_c, reach.get(d, math.inf) + to_d)
            if leg_m > access["max_distance_m"] or dleg_m > access["max_distance_m"]:
                road = math.inf
            road += leg_s(leg_m) + leg_s(dleg_m)
            direct = leg_s(math.dist(sites[j], demand[i])) if access.get("direct_legs") else math.inf
            row.append(min(road, direct))
        cost.append(row)
    phases["travel costs"] = time.perf_counter() - lap

    lap = time.perf_counter()
    existing, p, limit, w = inst["existing"], inst["p"], inst["limit"], inst["weight"]
    n_sites = len(sites)
    points = [i for i in range(len(w))
              if w[i] > 0 and any(cost[j][i] <= limit for j in range(n_sites))]
    x = [pulp.LpVariable(f"x_{j}", cat="Binary") for j in range(n_sites)]
    y = {i: pulp.LpVariable(f"y_{i}", cat="Binary") for i in points}
    prob = pulp.LpProblem("mclp", pulp.LpMaximize)
    prob += pulp.lpSum(w[i] * y[i] for i in points)
    prob += pulp.lpSum(x) == existing + p
    for i in points:
        prob += pulp.lpSum(x[j] for j in range(n_sites) if cost[j][i] <= limit) >= y[i]
    for j in range(existing):
        prob += x[j] == 1
    prob.solve(pulp.COIN_CMD(path=shutil.which("cbc") or "/usr/bin/cbc", msg=False))
    phases["model, CBC"] = time.perf_counter() - lap

    # How far the peer's costs are from caremap's: pairs on the other side of the limit.
    flips, pairs = 0, 0
    for j in range(n_sites):
        for i in range(len(w)):
            mine = inst["cost"][j][i]
            mine = math.inf if mine is None else mine
            pairs += 1
            flips += (mine <= limit) != (cost[j][i] <= limit)
    print(json.dumps({
        "model": "mclp",
        "status": pulp.LpStatus[prob.status],
        "objective": pulp.value(prob.objective),
        "new_sites": [j - existing for j in range(existing, n_sites) if x[j].value() > 0.5],
        "graph_nodes": graph.number_of_nodes(),
        "graph_edges": graph.number_of_edges(),
        "pairs": pairs,
        "limit_flips": flips,
        "phases": phases,
        "seconds": time.perf_counter() - start,
    }))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
