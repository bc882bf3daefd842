#!/usr/bin/python3
"""Cross-check of benchmark F (issue 10): do caremap and QGIS reach the same N01 roads?

usage: crosscheck_n01.py ROADS_GPKG ORIGINS_GPKG CAREMAP_GPKG MINUTES=QGIS_FILE... [--json OUT]

ROADS_GPKG is the network both tools read (bench/data/make_n01_inputs.py: the N01 layer in
EPSG:6670 with its speed field); ORIGINS_GPKG the start points, each exactly on a vertex of it.
CAREMAP_GPKG is `caremap service-area --out` (layer service_area_roads: the reached road pieces
per origin and band, fields facility_fid = the origin's row from 0, band_min). Each MINUTES=FILE is
QGIS's native:serviceareafromlayer OUTPUT_LINES for that band (one QGIS run per band): per start
point, its reached edges and partial edges, the start point as text in the field `start`.

Method: the network is sampled every STEP_M metres (the midpoints of equal pieces of each
segment, so no sample sits on a vertex where unreached roads meet reached ones). A sample is
reached by a tool when it lies within MATCH_M of one of the tool's reached lines for that origin
and band (both tools write pieces of the network's own segments, in the same CRS). Each sample
stands for its piece's length, so the reached length per origin, band and link is measured the
same way for both tools.

ROADS_GPKG should be the layer as caremap's graph has it, with its T-junctions made explicit
(n01_roads_tsplit.gpkg), and the QGIS run to judge ran on it too. A QGIS run on the layer as it
is can be compared all the same (for the record): there QGIS does not join the T-junctions and
reaches less.

Figures: per band and overall, the length reached by both / by either (agreement, a Jaccard index
by length); per (origin, band, link) whether both tools reach the link. The check FAILS (exit 1)
when an (origin, band) differs by more than TOLERANCE_M metres of road and more than
TOLERANCE_FRACTION of its union, or the overall agreement is below MIN_AGREEMENT. Differences
within the tolerance are the band edge: QGIS and caremap both cut the last edge at the limit, and
the sampling step resolves that cut only to STEP_M, and QGIS measures edge lengths on the
ellipsoid while caremap measures them in the plane of the working CRS (EPSG:6670, whose scale
factor around Munakata is about 0.99992), so caremap's band reaches about 0.008 % further along
the road. Prints one JSON object (also to --json).
"""

import json
import math
import sys
from collections import defaultdict

import numpy as np
from osgeo import ogr
from scipy.spatial import cKDTree

ogr.UseExceptions()
STEP_M = 5.0
MATCH_M = 0.1
TOLERANCE_M = 50.0
TOLERANCE_FRACTION = 0.01
MIN_AGREEMENT = 0.99
CAREMAP_LAYER = "service_area_roads"


def line_parts(geometry):
    if geometry is None:
        return []
    flat = ogr.GT_Flatten(geometry.GetGeometryType())
    if flat == ogr.wkbLineString:
        return [np.array(geometry.GetPoints())[:, :2]] if geometry.GetPointCount() > 1 else []
    parts = []
    for i in range(geometry.GetGeometryCount()):
        parts.extend(line_parts(geometry.GetGeometryRef(i)))
    return parts


def segments_of(parts):
    """N x 4 array (x1, y1, x2, y2) of the segments of line parts."""
    if not parts:
        return np.zeros((0, 4))
    return np.vstack([np.hstack([p[:-1], p[1:]]) for p in parts])


def sample_network(path):
    """Sample points, the length each stands for, and the link_id of each."""
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    points, weights, links = [], [], []
    for feature in layer:
        link = feature.GetField("link_id")
        for seg in segments_of(line_parts(feature.GetGeometryRef())):
            a, b = seg[:2], seg[2:]
            length = float(np.hypot(*(b - a)))
            if length <= 0.0:
                continue
            n = max(1, math.ceil(length / STEP_M))
            t = (np.arange(n) + 0.5) / n
            points.append(a + np.outer(t, b - a))
            weights.append(np.full(n, length / n))
            links.append(np.full(n, link))
    return np.vstack(points), np.concatenate(weights), np.concatenate(links)


def read_origins(path):
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    out = []
    for feature in layer:
        p = feature.GetGeometryRef()
        out.append((feature.GetField("origin_id"), feature.GetField("kind"), feature.GetField("name"),
                    p.GetX(), p.GetY()))
    out.sort()
    return out


def read_caremap(path):
    """{(origin_id, minutes): segments}."""
    ds = ogr.Open(path)
    layer = ds.GetLayerByName(CAREMAP_LAYER)
    if layer is None:
        raise SystemExit(f"{path}: no layer {CAREMAP_LAYER}")
    out = defaultdict(list)
    for feature in layer:
        key = (int(feature.GetField("facility_fid")), round(float(feature.GetField("band_min")), 6))
        out[key].extend(line_parts(feature.GetGeometryRef()))
    return {k: segments_of(v) for k, v in out.items()}


def read_qgis(path, minutes, origin_tree):
    """{(origin_id, minutes): segments}; the origin from the `start` field ("x,y" of the input
    point), which QGIS writes whatever it does with the other attributes."""
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    out = defaultdict(list)
    for feature in layer:
        x, y = (float(v) for v in feature.GetField("start").split(","))
        distance, origin = origin_tree.query((x, y))
        if distance > 0.01:
            raise SystemExit(f"{path}: start point {x},{y} is no origin (nearest {distance:.3f} m)")
        out[(int(origin), minutes)].extend(line_parts(feature.GetGeometryRef()))
    return {k: segments_of(v) for k, v in out.items()}


def reached_mask(tree, samples, segs):
    """Boolean mask of the samples within MATCH_M of any of the segments."""
    mask = np.zeros(len(samples), dtype=bool)
    if len(segs) == 0:
        return mask
    a, b = segs[:, :2], segs[:, 2:]
    half = np.hypot(*(b - a).T) / 2.0 + MATCH_M
    near = tree.query_ball_point((a + b) / 2.0, half)
    counts = np.fromiter((len(n) for n in near), dtype=np.int64, count=len(near))
    if counts.sum() == 0:
        return mask
    which = np.concatenate([np.asarray(n, dtype=np.int64) for n in near if n])
    seg = np.repeat(np.arange(len(segs)), counts)
    p = samples[which]
    d = b[seg] - a[seg]
    dd = (d * d).sum(axis=1)
    t = np.where(dd > 0, ((p - a[seg]) * d).sum(axis=1) / np.where(dd > 0, dd, 1.0), 0.0)
    t = np.clip(t, 0.0, 1.0)
    gap = np.hypot(*(p - (a[seg] + d * t[:, None])).T)
    mask[which[gap <= MATCH_M]] = True
    return mask


def main():
    args = sys.argv[1:]
    json_out = None
    if "--json" in args:
        i = args.index("--json")
        json_out = args[i + 1]
        del args[i:i + 2]
    roads, origins_path, caremap_path = args[:3]
    bands = {}
    for spec in args[3:]:
        minutes, path = spec.split("=", 1)
        bands[round(float(minutes), 6)] = path
    samples, weights, links = sample_network(roads)
    tree = cKDTree(samples)
    origins = read_origins(origins_path)
    origin_tree = cKDTree(np.array([(o[3], o[4]) for o in origins]))
    caremap = read_caremap(caremap_path)
    qgis = {}
    for minutes, path in bands.items():
        qgis.update(read_qgis(path, minutes, origin_tree))

    per_band = {m: {"both_m": 0.0, "either_m": 0.0, "caremap_m": 0.0, "qgis_m": 0.0,
                    "only_caremap_m": 0.0, "only_qgis_m": 0.0,
                    "links_both": 0, "links_either": 0, "identical_link_sets": 0, "pairs": 0}
                for m in bands}
    failures, worst = [], []
    for origin_id, kind, name, _, _ in origins:
        for minutes in bands:
            c = reached_mask(tree, samples, caremap.get((origin_id, minutes), np.zeros((0, 4))))
            q = reached_mask(tree, samples, qgis.get((origin_id, minutes), np.zeros((0, 4))))
            both = float(weights[c & q].sum())
            either = float(weights[c | q].sum())
            diff = either - both
            b = per_band[minutes]
            b["both_m"] += both
            b["either_m"] += either
            b["caremap_m"] += float(weights[c].sum())
            b["qgis_m"] += float(weights[q].sum())
            b["only_caremap_m"] += float(weights[c & ~q].sum())
            b["only_qgis_m"] += float(weights[q & ~c].sum())
            b["pairs"] += 1
            link_c, link_q = set(links[c].tolist()), set(links[q].tolist())
            b["links_both"] += len(link_c & link_q)
            b["links_either"] += len(link_c | link_q)
            b["identical_link_sets"] += link_c == link_q
            entry = {"origin": origin_id, "kind": kind, "name": name, "band_min": minutes,
                     "caremap_m": round(float(weights[c].sum()), 1),
                     "qgis_m": round(float(weights[q].sum()), 1),
                     "differing_m": round(diff, 1),
                     "links_only_caremap": sorted(int(x) for x in link_c - link_q),
                     "links_only_qgis": sorted(int(x) for x in link_q - link_c)}
            if diff > 0.0:
                worst.append(entry)
            if diff > TOLERANCE_M and diff > TOLERANCE_FRACTION * either:
                failures.append(entry)
    both = sum(b["both_m"] for b in per_band.values())
    either = sum(b["either_m"] for b in per_band.values())
    agreement = both / either if either > 0 else 1.0
    links_both = sum(b["links_both"] for b in per_band.values())
    links_either = sum(b["links_either"] for b in per_band.values())
    worst.sort(key=lambda e: -e["differing_m"])
    result = {
        "method": f"network sampled every {STEP_M:g} m ({len(samples)} samples, "
                  f"{weights.sum() / 1000:.1f} km); a sample is reached within {MATCH_M:g} m of a "
                  "reached line",
        "origins": len(origins),
        "bands_min": sorted(bands),
        "agreement": agreement,
        "link_agreement": links_both / links_either if links_either else 1.0,
        "only_caremap_m": round(sum(b["only_caremap_m"] for b in per_band.values()), 1),
        "only_qgis_m": round(sum(b["only_qgis_m"] for b in per_band.values()), 1),
        "per_band": {f"{m:g}": {**{k: round(v, 1) if isinstance(v, float) else v
                                   for k, v in b.items()},
                               "agreement": b["both_m"] / b["either_m"] if b["either_m"] else 1.0}
                     for m, b in sorted(per_band.items())},
        "tolerance": f"an (origin, band) may differ by {TOLERANCE_M:g} m of road or "
                     f"{TOLERANCE_FRACTION:.0%} of its reached length; overall agreement >= "
                     f"{MIN_AGREEMENT:.0%}",
        "failures": failures,
        "largest_differences": worst[:10],
        "passed": not failures and agreement >= MIN_AGREEMENT,
    }
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    if json_out:
        with open(json_out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    sys.exit(0 if result["passed"] else 1)


if __name__ == "__main__":
    main()
