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
  n01_inputs.json    what was generated (counts, speeds, seed) for the result file

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

    roads_path = os.path.join(out_dir, "n01_roads.gpkg")
    driver = ogr.GetDriverByName("GPKG")
    if os.path.exists(roads_path):
        driver.DeleteDataSource(roads_path)
    dst = driver.CreateDataSource(roads_path)
    dst_layer = dst.CreateLayer("roads", working, ogr.wkbLineString)
    src_defn = src_layer.GetLayerDefn()
    for i in range(src_defn.GetFieldCount()):
        dst_layer.CreateField(src_defn.GetFieldDefn(i))
    dst_layer.CreateField(ogr.FieldDefn("speed_kmh", ogr.OFTReal))
    vertices, vertex_link = [], []
    dst.StartTransaction()
    for feature in src_layer:
        cls = feature.GetField(class_field)
        if cls not in speeds:
            raise SystemExit(f"{project['roads']}: road class '{cls}' has no speed in the profile")
        geometry = feature.GetGeometryRef().Clone()
        geometry.Transform(to_working)
        out = ogr.Feature(dst_layer.GetLayerDefn())
        for i in range(src_defn.GetFieldCount()):
            out.SetField(src_defn.GetFieldDefn(i).GetName(), feature.GetField(i))
        out.SetField("speed_kmh", float(speeds[cls]))
        out.SetGeometry(geometry)
        dst_layer.CreateFeature(out)
        for i in range(geometry.GetPointCount()):
            vertices.append(geometry.GetPoint_2D(i))
            vertex_link.append(feature.GetField("link_id"))
    dst.CommitTransaction()
    dst = None

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
        "links": int(src_layer.GetFeatureCount()),
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
