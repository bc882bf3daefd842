#!/usr/bin/python3
"""Cross-check of benchmark B: do the 1000 m service areas reach the same road-graph vertices?

usage: crosscheck_routing.py DATA_DIR PGR_REACHED_CSV PGR_VERTICES_CSV OTHER_FILE [DETAIL_COUNT]
                             [--nodes NODES_CSV]

pgRouting gives, per origin, the set of reached vertices (OSM node ids). OTHER_FILE is another tool's
service-area output in any format GDAL reads:
  - a table with an origin column and a node column (OSM node ids) is compared directly;
  - points or lines: every vertex of the geometry that lies within SNAP_M of a pgRouting vertex
    counts as reaching that vertex (QGIS writes the reached edges as lines, cut at the limit);
  - polygons: the pgRouting vertices inside the polygon count as reached (a rough check only).
The origin of a feature is read from ORIGIN_OSM_COLUMNS (an OSM node id), ORIGIN_ID_COLUMNS (the
origin's id in origins.csv) or ORIGIN_FID_COLUMNS (its row number in origins.csv, from 0). Of a
file with several layers (caremap's GeoPackage: polygons and reached roads) the first layer of
points or lines is read, else the first layer. Prints one JSON object: per-origin Jaccard index |A∩B| / |A∪B| (mean,
min), how many origins have identical sets, and the counts for the first DETAIL_COUNT origins and
for every origin whose sets differ.

PGR_REACHED_CSV may be any table with the columns origin_osm_id and node_osm_id (caremap's
BM_DrivingDistance50x1km writes one), so the same check compares two caremap outputs. With --nodes,
both sets are cut down to the OSM node ids in NODES_CSV (column osm_id): the graph nodes of a
tool whose graph has fewer vertices (caremap's nodes are way ends and junctions; osm2pgrouting also
splits ways where other, non-car ways touch them, so pgRouting has vertices that are only shape
points for caremap).
"""

import csv
import json
import os
import statistics
import sys

import numpy as np
from osgeo import ogr, osr
from scipy.spatial import cKDTree

from columns import pick

ogr.UseExceptions()
SNAP_M = 0.05
ORIGIN_OSM_COLUMNS = ["origin_osm_id", "osm_node_id", "origin_node", "start_osm_id"]
ORIGIN_ID_COLUMNS = ["origin_id", "origin", "id", "start_id"]
# Feature numbers of the origins file (caremap writes facility_fid, counted from 0).
ORIGIN_FID_COLUMNS = ["origin_fid", "facility_fid"]
NODE_COLUMNS = ["node_osm_id", "osm_node", "node", "node_id"]


def utm():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32632)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def read_vertices(path):
    ids, lonlat = [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            ids.append(int(row["osm_id"]))
            lonlat.append((float(row["lon"]), float(row["lat"])))
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    wgs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_utm = osr.CoordinateTransformation(wgs, utm())
    xy = np.array([to_utm.TransformPoint(lon, lat)[:2] for lon, lat in lonlat])
    return np.array(ids), xy


def geometry_points(geometry):
    points = []
    if geometry.GetGeometryCount() > 0:
        for i in range(geometry.GetGeometryCount()):
            points.extend(geometry_points(geometry.GetGeometryRef(i)))
    else:
        points.extend(geometry.GetPoint_2D(i) for i in range(geometry.GetPointCount()))
    return points


def pick_layer(ds):
    for i in range(ds.GetLayerCount()):
        kind = ogr.GT_Flatten(ds.GetLayer(i).GetGeomType())
        if kind in (ogr.wkbPoint, ogr.wkbMultiPoint, ogr.wkbLineString, ogr.wkbMultiLineString):
            return ds.GetLayer(i)
    return ds.GetLayer(0)


def read_other(path, origins, vertex_ids, vertex_xy):
    tree = cKDTree(vertex_xy)
    origin_of_id = dict(origins)
    reached = {}
    ds = ogr.Open(path)
    layer = pick_layer(ds)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    osm_col, id_col = pick(names, ORIGIN_OSM_COLUMNS), pick(names, ORIGIN_ID_COLUMNS)
    fid_col = pick(names, ORIGIN_FID_COLUMNS)
    node_col = pick(names, NODE_COLUMNS)
    if osm_col is None and id_col is None and fid_col is None:
        raise SystemExit(f"{path}: no origin column among {names}")
    transform = None
    source_srs = layer.GetSpatialRef()
    if source_srs is not None and not source_srs.IsSame(utm()):
        source_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        transform = osr.CoordinateTransformation(source_srs, utm())
    for feature in layer:
        if osm_col:
            origin = int(feature.GetField(osm_col))
        elif id_col:
            origin = origin_of_id[int(feature.GetField(id_col))]
        else:
            origin = origins[int(feature.GetField(fid_col))][1]
        nodes = reached.setdefault(origin, set())
        if node_col is not None:
            nodes.add(int(feature.GetField(node_col)))
            continue
        geometry = feature.GetGeometryRef()
        if geometry is None:
            continue
        geometry = geometry.Clone()
        if transform is not None:
            geometry.Transform(transform)
        if ogr.GT_Flatten(geometry.GetGeometryType()) in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
            for vid, (x, y) in zip(vertex_ids, vertex_xy):
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(float(x), float(y))
                if geometry.Contains(point):
                    nodes.add(int(vid))
            continue
        points = np.array(geometry_points(geometry))
        if len(points) == 0:
            continue
        distance, index = tree.query(points, k=1)
        nodes.update(int(vertex_ids[i]) for d, i in zip(distance, index) if d <= SNAP_M)
    return reached, (layer.GetName(), osm_col or id_col or fid_col, node_col)


def read_node_ids(path):
    with open(path, newline="") as f:
        return {int(row["osm_id"]) for row in csv.DictReader(f)}


def main():
    args = sys.argv[1:]
    only = None
    if "--nodes" in args:
        i = args.index("--nodes")
        only = read_node_ids(args[i + 1])
        del args[i:i + 2]
    data_dir, pgr_csv, vertices_csv, other = args[0:4]
    detail = int(args[4]) if len(args) > 4 else 3
    origins = []
    with open(os.path.join(data_dir, "origins.csv"), newline="") as f:
        for row in csv.DictReader(f):
            origins.append((int(row["id"]), int(row["osm_node_id"])))
    pgr = {}
    with open(pgr_csv, newline="") as f:
        for row in csv.DictReader(f):
            pgr.setdefault(int(row["origin_osm_id"]), set()).add(int(row["node_osm_id"]))
    vertex_ids, vertex_xy = read_vertices(vertices_csv)
    reached, columns = read_other(other, origins, vertex_ids, vertex_xy)
    if only is not None:
        pgr = {o: nodes & only for o, nodes in pgr.items()}
        reached = {o: nodes & only for o, nodes in reached.items()}

    jaccard, identical, details, differing = [], 0, [], []
    for k, (origin_id, osm) in enumerate(origins):
        a, b = pgr.get(osm, set()), reached.get(osm, set())
        union = a | b
        j = len(a & b) / len(union) if union else 1.0
        jaccard.append(j)
        identical += a == b
        if a != b:
            differing.append({"origin": origin_id, "osm_node_id": osm, "pgrouting": len(a),
                              "other": len(b), "common": len(a & b), "jaccard": round(j, 4)})
        if k < detail:
            details.append({"origin": origin_id, "osm_node_id": osm, "pgrouting": len(a),
                            "other": len(b), "common": len(a & b), "jaccard": round(j, 4)})
    print(json.dumps({
        "columns": columns,
        "restricted_to_nodes": len(only) if only is not None else None,
        "origins": len(origins),
        "origins_with_output": sum(1 for _, osm in origins if osm in reached),
        "identical_sets": identical,
        "jaccard_mean": statistics.mean(jaccard),
        "jaccard_min": min(jaccard),
        "pgrouting_vertices_reached_total": sum(len(v) for v in pgr.values()),
        "other_vertices_reached_total": sum(len(v) for v in reached.values()),
        "detail": details,
        "differing": differing,
    }))


if __name__ == "__main__":
    main()
