"""Finding a column by any of the names the tools give it (QGIS, pgRouting, caremap, cKDTree)."""


def pick(names, wanted):
    """The first of `wanted` present in `names`, compared without case, as spelt in `names`."""
    lower = {n.lower(): n for n in names}
    for w in wanted:
        if w.lower() in lower:
            return lower[w.lower()]
    return None
