#!/usr/bin/python3
"""Turns a run's results.tsv into the printed table and the Markdown result file.

usage: report.py RESULTS_TSV HEADER_MD OUT_MD

RESULTS_TSV has one figure per line: benchmark, tool, case, metric, value, unit, note (tab-separated;
see bench/lib/common.sh `record`). HEADER_MD is the top of the result file (title, machine, tool
versions), written by bench/run. The terminal gets a compact table without the notes; OUT_MD gets the
full table, grouped by benchmark, and the cross-checks.
"""

import sys

COLUMNS = ["benchmark", "tool", "case", "metric", "value", "unit", "note"]


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 6:
                continue
            parts += [""] * (7 - len(parts))
            rows.append(dict(zip(COLUMNS, parts[:7])))
    return rows


def terminal_table(rows):
    headers = ["benchmark", "tool", "case", "metric", "value"]
    table = [[r["benchmark"], r["tool"], r["case"], r["metric"],
              f'{r["value"]} {r["unit"]}'.strip() if r["unit"] != "-" else r["value"]] for r in rows]
    widths = [min(60, max(len(h), *(len(t[i]) for t in table))) if table else len(h)
              for i, h in enumerate(headers)]
    def fmt(cells):
        return "  ".join(c[:w].ljust(w) for c, w in zip(cells, widths))
    out = [fmt(headers), fmt(["-" * w for w in widths])]
    out += [fmt(t) for t in table]
    return "\n".join(out)


def escape(text):
    return text.replace("|", "\\|")


def markdown(rows):
    out = []
    for benchmark in dict.fromkeys(r["benchmark"] for r in rows):
        out.append(f"\n### {benchmark}\n")
        out.append("| tool | case | metric | value | note |")
        out.append("|---|---|---|---:|---|")
        for r in rows:
            if r["benchmark"] != benchmark:
                continue
            value = r["value"] if r["unit"] in ("", "-") else f'{r["value"]} {r["unit"]}'
            out.append(f'| {escape(r["tool"])} | {escape(r["case"])} | {escape(r["metric"])} | '
                       f'{escape(value)} | {escape(r["note"])} |')
    return "\n".join(out) + "\n"


def main():
    results, header, out_md = sys.argv[1:4]
    rows = read(results)
    print(terminal_table(rows))
    with open(header, encoding="utf-8") as f:
        text = f.read()
    with open(out_md, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n\n## Figures\n" + markdown(rows))


if __name__ == "__main__":
    main()
