#!/usr/bin/python3
"""Inputs of benchmark B (routing on Monaco), generated deterministically from the shipped OSM extract.

Writes into OUT_DIR (default bench/data/generated):
  monaco.osm.pbf    a copy of the source extract (every tool reads the same bytes)
  monaco.osm        the same data as OSM XML, for osm2pgrouting (osmium cat)
  roads.gpkg        layer roads: the car roads as lines in EPSG:32632 with a `direction` field
                    (forward / backward / both), for QGIS
  origins.csv       id,osm_node_id,lon,lat: 50 origins, each exactly on a road-graph vertex
  origins.gpkg      layer origins: the same points in EPSG:32632, for QGIS
  od_origins.csv, od_destinations.csv
                    id,osm_node_id,lon,lat: 1000 road-graph vertices each, for caremap's OD matrix

CAR ROADS are the highway values of osm2pgrouting's mapconfig_for_cars.xml (CAR_HIGHWAYS below; the
same list is in bench/peers/mapconfig_cars.xml), so QGIS and pgRouting see the same ways.
ONE-WAY: oneway=yes/true/1 is forward, oneway=-1/reverse is backward, junction=roundabout and
highway=motorway are forward unless oneway=no; everything else is both directions.

ORIGINS are road-graph vertices in the osm2pgrouting sense (a way end or a node shared by two car
ways) inside the largest weakly connected component, 50 of them drawn by Python's random.Random
with a fixed seed from the sorted vertex ids, so every tool starts from the same OSM nodes.
"""

import os
import random
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

SOURCE = "/work/shared/data/osm/monaco.osm.pbf"
SEED = 20250601
ORIGIN_COUNT = 50
OD_COUNT = 1000
CAR_HIGHWAYS = [
    "motorway", "motorway_link", "motorway_junction", "trunk", "trunk_link", "primary",
    "primary_link", "secondary", "secondary_link", "tertiary", "tertiary_link", "residential",
    "living_street", "service", "unclassified", "road",
]
UTM = "EPSG:32632"


def direction_sql():
    forward = "('yes','true','1')"
    return (
        "CASE"
        f" WHEN hstore_get_value(other_tags,'oneway') IN {forward} THEN 'forward'"
        " WHEN hstore_get_value(other_tags,'oneway') IN ('-1','reverse') THEN 'backward'"
        " WHEN hstore_get_value(other_tags,'oneway') = 'no' THEN 'both'"
        " WHEN hstore_get_value(other_tags,'junction') IN ('roundabout','circular')"
        " OR highway = 'motorway' THEN 'forward'"
        " ELSE 'both' END")


def export_roads(pbf, gpkg):
    highways = ",".join(f"'{h}'" for h in CAR_HIGHWAYS)
    sql = (f"SELECT osm_id, highway, {direction_sql()} AS direction, geometry FROM lines"
           f" WHERE highway IN ({highways})")
    subprocess.run(["ogr2ogr", "-q", "-f", "GPKG", "-overwrite", gpkg, pbf, "-dialect", "SQLite",
                    "-sql", sql, "-nln", "roads", "-t_srs", UTM, "-nlt", "LINESTRING"], check=True)


def graph_vertices(osm_xml):
    """Vertex ids, their coordinates and the undirected adjacency of the car-road graph."""
    coords, ways = {}, []
    for _, elem in ET.iterparse(osm_xml, events=("end",)):
        if elem.tag == "node":
            coords[int(elem.get("id"))] = (float(elem.get("lon")), float(elem.get("lat")))
            elem.clear()
        elif elem.tag == "way":
            tags = {t.get("k"): t.get("v") for t in elem.findall("tag")}
            if tags.get("highway") in CAR_HIGHWAYS:
                refs = [int(nd.get("ref")) for nd in elem.findall("nd")]
                refs = [r for r in refs if r in coords]
                if len(refs) >= 2:
                    ways.append(refs)
            elem.clear()
    use = {}
    for refs in ways:
        for r in refs:
            use[r] = use.get(r, 0) + 1
    vertices = set()
    for refs in ways:
        vertices.add(refs[0])
        vertices.add(refs[-1])
        vertices.update(r for r in refs if use[r] >= 2)
    adjacency = {}
    for refs in ways:
        for a, b in zip(refs, refs[1:]):
            adjacency.setdefault(a, []).append(b)
            adjacency.setdefault(b, []).append(a)
    return vertices, coords, adjacency


def largest_component(adjacency):
    seen, best = set(), set()
    for start in sorted(adjacency):
        if start in seen:
            continue
        component, stack = {start}, [start]
        while stack:
            for n in adjacency[stack.pop()]:
                if n not in component:
                    component.add(n)
                    stack.append(n)
        seen |= component
        if len(component) > len(best):
            best = component
    return best


def write_points(path, nodes, coords):
    with open(path, "w", newline="") as f:
        f.write("id,osm_node_id,lon,lat\n")
        for i, node in enumerate(nodes, start=1):
            lon, lat = coords[node]
            f.write(f"{i},{node},{lon:.7f},{lat:.7f}\n")


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "generated")
    os.makedirs(out_dir, exist_ok=True)
    pbf = os.path.join(out_dir, "monaco.osm.pbf")
    shutil.copyfile(SOURCE, pbf)
    osm_xml = os.path.join(out_dir, "monaco.osm")
    subprocess.run(["osmium", "cat", "--overwrite", "-o", osm_xml, pbf], check=True)
    export_roads(pbf, os.path.join(out_dir, "roads.gpkg"))

    vertices, coords, adjacency = graph_vertices(osm_xml)
    component = largest_component(adjacency)
    candidates = sorted(v for v in vertices if v in component)
    origins = random.Random(SEED).sample(candidates, ORIGIN_COUNT)
    path = os.path.join(out_dir, "origins.csv")
    write_points(path, origins, coords)
    for name, seed in (("od_origins.csv", SEED + 1), ("od_destinations.csv", SEED + 2)):
        write_points(os.path.join(out_dir, name), random.Random(seed).sample(candidates, OD_COUNT),
                     coords)
    with open(path[:-4] + ".csvt", "w") as f:
        f.write('"Integer","Integer64","Real","Real"\n')
    subprocess.run(["ogr2ogr", "-q", "-f", "GPKG", "-overwrite", os.path.join(out_dir, "origins.gpkg"),
                    path, "-nln", "origins", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
                    "-oo", "KEEP_GEOM_COLUMNS=NO", "-s_srs", "EPSG:4326", "-t_srs", UTM], check=True)
    print(f"monaco: {len(vertices)} graph vertices, largest component {len(component)} nodes, "
          f"{ORIGIN_COUNT} origins")


if __name__ == "__main__":
    main()
