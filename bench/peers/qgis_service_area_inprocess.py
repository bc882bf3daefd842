#!/usr/bin/python3
"""QGIS's native:serviceareafromlayer timed inside one Python process (QGIS's computation without
its start-up), for benchmark E (bench/n01/run).

usage: qgis_service_area_inprocess.py PROJECT_QGS ROADS_GPKG ORIGINS_GPKG RUNS MINUTES...

Starts QGIS once (QgsApplication, the Processing framework), reads the project (its CRS gives the
algorithm its map units), then for each band runs the algorithm RUNS times with the parameters of
bench/n01/run and times each call with time.perf_counter / time.process_time. One call includes
what QGIS does per run: reading the road layer and the start points, building the graph (topology
tolerance 1 m), one Dijkstra per start point over the whole graph, and the reached lines, which go
to a memory layer (TEMPORARY_OUTPUT) so no file is written. Prints one JSON object: per band the
median and min wall time and the median CPU time, in seconds, and the number of features.
"""

import json
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.append("/usr/share/qgis/python/plugins")

from qgis.core import Qgis, QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject  # noqa: E402


def main():
    project_path, roads, origins, runs = sys.argv[1:5]
    bands = [float(m) for m in sys.argv[5:]]
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing  # noqa: E402 (needs a running QgsApplication)
    import processing  # noqa: E402

    Processing.initialize()
    project = QgsProject.instance()
    if not project.read(project_path):
        raise SystemExit(f"could not read {project_path}")
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    out = {"qgis": Qgis.QGIS_VERSION, "bands": {}}
    for minutes in bands:
        params = {
            "INPUT": roads, "STRATEGY": 1, "SPEED_FIELD": "speed_kmh", "DEFAULT_SPEED": 30,
            "DEFAULT_DIRECTION": 2, "TOLERANCE": 1, "START_POINTS": origins,
            "TRAVEL_COST2": minutes / 60.0, "INCLUDE_BOUNDS": False,
            "OUTPUT_LINES": "TEMPORARY_OUTPUT",
        }
        walls, cpus, features = [], [], 0
        for _ in range(int(runs)):
            w0, c0 = time.perf_counter(), time.process_time()
            result = processing.run("native:serviceareafromlayer", params, context=context,
                                    feedback=feedback)
            walls.append(time.perf_counter() - w0)
            cpus.append(time.process_time() - c0)
            layer = result["OUTPUT_LINES"]
            if isinstance(layer, str):
                layer = context.getMapLayer(layer)
            features = layer.featureCount() if layer is not None else -1
        out["bands"][f"{minutes:g}"] = {
            "wall_median_s": statistics.median(walls), "wall_min_s": min(walls),
            "cpu_median_s": statistics.median(cpus), "runs": len(walls), "features": features,
        }
    print(json.dumps(out), flush=True)
    # QGIS 3.22's teardown from Python (exitQgis and the interpreter's own clean-up) crashes with
    # a segmentation fault after the work is done; leave without it.
    os._exit(0)


if __name__ == "__main__":
    main()
