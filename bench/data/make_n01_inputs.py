#!/usr/bin/python3
"""Inputs of benchmark E (issue 10): caremap beside QGIS on the default region's N01 trunk roads.

usage: make_n01_inputs.py REPO_ROOT OUT_DIR

Reads, as caremap does, data/geo/munakata-fukutsu.caremap.json (its `roads`, `road_profile`,
`working_crs` and hospital layer) and writes into OUT_DIR:
  n01_roads.gpkg     layer roads: the N01 lines unchanged, projected to the working CRS
                     (EPSG:6670) by GDAL/PROJ as caremap projects them, with one added field
                     `speed_kmh` = the profile's class_speeds_kmh[road_class] (QGIS takes a speed
                     field, not a class table; the same speeds, not new ones)
  n01_origins.gpkg   layer origins (EPSG:6670): every start point lies EXACTLY on a vertex of the
                     layer, so neither tool adds an access leg (caremap's leg is 0 m, QGIS ties
                     the point to that vertex): fields origin_id (from 0, = caremap's
                     facility_fid), kind (`hospital` or `sample`), name, link_id (a link through
                     the vertex)
  n01_roads_tsplit.gpkg
                     the same with the layer's T-junctions made explicit: where a line END lies
                     within the snap tolerance of another line's interior (not near one of its
                     vertices), the end point itself is inserted as a vertex of that line. That
                     is caremap's rule (routing/line_graph.hpp: such a line is split there, at the
                     end's position); QGIS joins lines only at shared vertices, so on the layer as
                     it is those roads do not meet for QGIS. 19 such places in N01 1996.
  n01_inputs.json    what was generated (counts, speeds, seed, T-junctions) for the result file

ORIGINS: for each hospital of the region, the layer vertex nearest to it (the hospital's own
coordinates are not on the network and would bring in access legs, which QGIS does not have);
then SAMPLE_COUNT more vertices drawn with a fixed seed from all distinct vertices, so the check
also covers roads no hospital stands on. Duplicates are dropped, order kept.
"""

import json
import os
import random
import sys

import numpy as np
from osgeo import ogr, osr
from scipy.spatial import cKDTree

ogr.UseExceptions()
osr.UseExceptions()
SEED = 20250601
SAMPLE_COUNT = 30
REGION = "munakata-fukutsu"


def srs_of(text):
    srs = osr.SpatialReference()
    srs.SetFromUserInput(text)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def hospital_layer(project):
    for layer in project["layers"]:
        if layer.get("category") == "hospital":
            return layer
    raise SystemExit("the region has no hospital layer")


def hospitals_lonlat(path):
    """(name, lon, lat) of every row with coordinates; the columns caremap's loader reads."""
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    lat_col = next(n for n in names if "緯度" in n)
    lon_col = next(n for n in names if "経度" in n)
    name_col = "正式名称" if "正式名称" in names else names[0]
    out = []
    for f in layer:
        lat, lon = f.GetField(lat_col), f.GetField(lon_col)
        if lat in (None, "") or lon in (None, ""):
            continue
        out.append((f.GetField(name_col), float(lon), float(lat)))
    return out


def t_junctions(lines, tol):
    """[(line, piece, t, end point)]: every line end within `tol` of another piece's interior,
    farther than `tol` from that piece's vertices, on the nearest such piece (caremap's rule)."""
    pieces = [(k, q, line[q], line[q + 1]) for k, line in enumerate(lines) for q in range(len(line) - 1)]
    a = np.array([p[2] for p in pieces])
    b = np.array([p[3] for p in pieces])
    d = b - a
    dd = np.maximum((d * d).sum(axis=1), 1e-300)
    found = []
    for k, line in enumerate(lines):
        for end_index in (0, len(line) - 1):
            p = line[end_index]
            t = np.clip(((p - a) * d).sum(axis=1) / dd, 0.0, 1.0)
            on = a + d * t[:, None]
            gap = np.hypot(*(p - on).T)
            ok = (gap <= tol) & (np.hypot(*(on - a).T) > tol) & (np.hypot(*(on - b).T) > tol)
            # Not the piece the end belongs to.
            own = np.array([pk == k and (q == end_index or q + 1 == end_index) for pk, q, _, _ in pieces])
            ok &= ~own
            if ok.any():
                i = int(np.argmin(np.where(ok, gap, np.inf)))
                found.append((pieces[i][0], pieces[i][1], float(t[i]), p))
    return found


def write_roads(path, layer_srs, src_defn, features, speeds, class_field):
    driver = ogr.GetDriverByName("GPKG")
    if os.path.exists(path):
        driver.DeleteDataSource(path)
    dst = driver.CreateDataSource(path)
    dst_layer = dst.CreateLayer("roads", layer_srs, ogr.wkbLineString)
    for i in range(src_defn.GetFieldCount()):
        dst_layer.CreateField(src_defn.GetFieldDefn(i))
    dst_layer.CreateField(ogr.FieldDefn("speed_kmh", ogr.OFTReal))
    dst.StartTransaction()
    for values, line in features:
        out = ogr.Feature(dst_layer.GetLayerDefn())
        for name, value in values.items():
            out.SetField(name, value)
        out.SetField("speed_kmh", float(speeds[values[class_field]]))
        geometry = ogr.Geometry(ogr.wkbLineString)
        for x, y in line:
            geometry.AddPoint_2D(float(x), float(y))
        out.SetGeometry(geometry)
        dst_layer.CreateFeature(out)
    dst.CommitTransaction()


def main():
    root, out_dir = sys.argv[1:3]
    geo = os.path.join(root, "data", "geo")
    with open(os.path.join(geo, f"{REGION}.caremap.json"), encoding="utf-8") as f:
        project = json.load(f)
    with open(os.path.join(geo, project["road_profile"]), encoding="utf-8") as f:
        profile = json.load(f)
    speeds = profile["class_speeds_kmh"]
    class_field = profile["class_field"]
    working = srs_of(project["working_crs"])
    os.makedirs(out_dir, exist_ok=True)

    src = ogr.Open(os.path.join(geo, project["roads"]))
    src_layer = src.GetLayer(0)
    src_srs = src_layer.GetSpatialRef()
    src_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_working = osr.CoordinateTransformation(src_srs, working)

    src_defn = src_layer.GetLayerDefn()
    features, vertices, vertex_link = [], [], []
    for feature in src_layer:
        cls = feature.GetField(class_field)
        if cls not in speeds:
            raise SystemExit(f"{project['roads']}: road class '{cls}' has no speed in the profile")
        geometry = feature.GetGeometryRef().Clone()
        geometry.Transform(to_working)
        values = {src_defn.GetFieldDefn(i).GetName(): feature.GetField(i)
                  for i in range(src_defn.GetFieldCount())}
        line = np.array([geometry.GetPoint_2D(i) for i in range(geometry.GetPointCount())])
        features.append((values, line))
        for point in line:
            vertices.append(tuple(point))
            vertex_link.append(values["link_id"])
    write_roads(os.path.join(out_dir, "n01_roads.gpkg"), working, src_defn, features, speeds,
                class_field)
    tol = float(profile.get("snap_tolerance_m", 1.0))
    junctions = t_junctions([line for _, line in features], tol)
    split = [(values, list(map(tuple, line))) for values, line in features]
    # Insert from the last piece backwards so earlier indices stay valid.
    for k, q, t, p in sorted(junctions, key=lambda j: (j[0], -j[1], -j[2])):
        split[k][1].insert(q + 1, tuple(p))
    write_roads(os.path.join(out_dir, "n01_roads_tsplit.gpkg"), working, src_defn, split, speeds,
                class_field)

    xy = np.array(vertices)
    # Distinct vertices, in first-seen order (shared line ends appear once).
    _, first = np.unique(xy, axis=0, return_index=True)
    first = np.sort(first)
    tree = cKDTree(xy[first])

    to_working_ll = osr.CoordinateTransformation(srs_of("EPSG:4326"), working)
    hospitals = hospitals_lonlat(os.path.join(geo, hospital_layer(project)["source"]))
    origins, taken = [], set()

    def add(index, kind, name):
        if index in taken:
            return
        taken.add(index)
        v = first[index]
        origins.append((kind, name, vertex_link[v], xy[v]))

    for name, lon, lat in hospitals:
        x, y = to_working_ll.TransformPoint(lon, lat)[:2]
        _, index = tree.query((x, y))
        add(int(index), "hospital", name)
    rng = random.Random(SEED)
    for index in rng.sample(range(len(first)), SAMPLE_COUNT):
        add(index, "sample", f"vertex {int(first[index])}")

    origins_path = os.path.join(out_dir, "n01_origins.gpkg")
    driver = ogr.GetDriverByName("GPKG")
    if os.path.exists(origins_path):
        driver.DeleteDataSource(origins_path)
    ds = driver.CreateDataSource(origins_path)
    layer = ds.CreateLayer("origins", working, ogr.wkbPoint)
    for name, kind in (("origin_id", ogr.OFTInteger), ("kind", ogr.OFTString),
                       ("name", ogr.OFTString), ("link_id", ogr.OFTInteger)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    for k, (kind, name, link, (x, y)) in enumerate(origins):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("origin_id", k)
        feature.SetField("kind", kind)
        feature.SetField("name", name)
        feature.SetField("link_id", int(link))
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(float(x), float(y))
        feature.SetGeometry(point)
        layer.CreateFeature(feature)
    ds = None
    summary = {
        "roads": project["roads"],
        "profile": project["road_profile"],
        "working_crs": project["working_crs"],
        "class_speeds_kmh": speeds,
        "snap_tolerance_m": profile.get("snap_tolerance_m"),
        "t_junctions": len(junctions),
        "links": len(features),
        "distinct_vertices": int(len(first)),
        "origins": len(origins),
        "hospital_origins": sum(1 for o in origins if o[0] == "hospital"),
        "sample_origins": sum(1 for o in origins if o[0] == "sample"),
        "seed": SEED,
    }
    with open(os.path.join(out_dir, "n01_inputs.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False, indent=2)
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
