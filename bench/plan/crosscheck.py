#!/usr/bin/python3
"""Cross-check `caremap plan locate` against PuLP + CBC with spopt's formulations (pulp_solve.py)
on the same instances of the default region: MCLP, LSCP and p-median. Exits 0 when every
objective agrees to 1e-6 (relative), 1 when one differs, 77 when PuLP is missing (CTest: skipped).

Usage: crosscheck.py CAREMAP_BIN [WORK_DIR] [extra caremap args...]
Prints a Markdown table.
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import pulp  # noqa: F401
except ImportError:
    print("SKIPPED: python3-pulp is not installed (apt-get install python3-pulp)")
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

INSTANCES = [
    ("mclp", ["--model", "mclp", "-p", "2"]),
    ("lscp", ["--model", "lscp"]),
    ("pmedian", ["--model", "pmedian", "-p", "2"]),
]


def main():
    cli = sys.argv[1]
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="caremap-plan-")
    extra = sys.argv[3:] or ["--reach", "15min", "--grid-spacing", "2km"]
    env = dict(os.environ, CAREMAP_DATA_DIR=os.path.join(REPO, "data", "geo"))
    rows, failed = [], False
    for name, args in INSTANCES:
        inst = os.path.join(work, f"{name}.json")
        out = subprocess.run([cli, "plan", "locate", "--json", "--export-instance", inst,
                              *args, *extra], capture_output=True, text=True, env=env)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            sys.exit(f"caremap failed on {name}")
        mine = json.loads(out.stdout)["solutions"][0]
        peer = json.loads(subprocess.run(["/usr/bin/python3", os.path.join(HERE, "pulp_solve.py"),
                                          inst], capture_output=True, text=True,
                                         check=True).stdout)
        a, b = mine["objective"], peer["objective"]
        ok = abs(a - b) <= 1e-6 * max(1.0, abs(a))
        failed |= not ok
        rows.append((name, a, b, mine["optimal"], peer["status"], ok,
                     mine["variables"], peer["variables"]))
    print("| model | caremap (CBC) | PuLP + CBC (spopt formulation) | caremap optimal | PuLP status "
          "| same | caremap vars | PuLP vars |")
    print("|---|---:|---:|---|---|---|---:|---:|")
    for r in rows:
        print(f"| {r[0]} | {r[1]:.6f} | {r[2]:.6f} | {r[3]} | {r[4]} | {'yes' if r[5] else 'NO'} "
              f"| {r[6]} | {r[7]} |")
    print(f"\ncaremap arguments: {' '.join(extra)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
