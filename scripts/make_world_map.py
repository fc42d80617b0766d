"""Make src/parley/web/static/world.json: one simplified SVG path per country, keyed by ISO3.

Source: Natural Earth 1:110m admin-0 countries (public domain), as shipped in the geopandas
0.14 wheel (geopandas/datasets/naturalearth_lowres). Run once when the map should change:

    pip download geopandas==0.14.4 --no-deps -d /tmp/gp && unzip -q /tmp/gp/*.whl -d /tmp/gp/x
    python scripts/make_world_map.py /tmp/gp/x/geopandas/datasets/naturalearth_lowres/naturalearth_lowres

The shapefile is read with the standard library (the format is a fixed binary layout), so the
package needs no GIS dependency. Projection: plate carrée, x = (lon + 180) * 2, y = (90 - lat) * 2
(a 720 x 360 view box); points closer than TOLERANCE degrees to the last kept one are dropped.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

TOLERANCE = 0.9  # degrees
MIN_RING = 1.5  # degrees: smaller islands are left out (the page marks countries, not coasts)
# Natural Earth 110m leaves these without an ISO code (-99).
FIXES = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX", "Somaliland": "SOM", "N. Cyprus": "CYP"}


def read_dbf(path: Path) -> list[dict[str, str]]:
    data = path.read_bytes()
    count, header, record = struct.unpack("<IHH", data[4:12])
    fields, i = [], 32
    while data[i] != 0x0D:
        fields.append((data[i:i + 11].split(b"\0")[0].decode(), data[i + 16]))
        i += 32
    out = []
    for n in range(count):
        pos = header + n * record + 1  # skip the deletion flag
        row = {}
        for name, length in fields:
            row[name] = data[pos:pos + length].decode("utf-8", "replace").strip()
            pos += length
        out.append(row)
    return out


def read_polygons(path: Path) -> list[list[list[tuple[float, float]]]]:
    """Each record's rings as lists of (lon, lat) (shape types 5 Polygon, 15 PolygonZ)."""
    data = path.read_bytes()
    pos, shapes = 100, []
    while pos < len(data):
        _num, length = struct.unpack(">II", data[pos:pos + 8])
        content = data[pos + 8:pos + 8 + length * 2]
        pos += 8 + length * 2
        kind = struct.unpack("<i", content[:4])[0]
        if kind not in (5, 15):
            shapes.append([])
            continue
        nparts, npoints = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{nparts}i", content[44:44 + 4 * nparts])) + [npoints]
        base = 44 + 4 * nparts
        pts = [struct.unpack("<dd", content[base + 16 * k:base + 16 * k + 16]) for k in range(npoints)]
        shapes.append([pts[parts[j]:parts[j + 1]] for j in range(nparts)])
    return shapes


def ring_path(ring: list[tuple[float, float]]) -> str | None:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    if max(lons) - min(lons) < MIN_RING and max(lats) - min(lats) < MIN_RING:
        return None
    kept = [ring[0]]
    for p in ring[1:]:
        if abs(p[0] - kept[-1][0]) >= TOLERANCE or abs(p[1] - kept[-1][1]) >= TOLERANCE:
            kept.append(p)
    if len(kept) < 3:
        return None
    pts = [f"{(lon + 180) * 2:.1f} {(90 - lat) * 2:.1f}" for lon, lat in kept]
    return "M" + "L".join(pts) + "Z"


def main(stem: str) -> None:
    base = Path(stem)
    rows = read_dbf(base.with_suffix(".dbf"))
    shapes = read_polygons(base.with_suffix(".shp"))
    out: dict[str, str] = {}
    for row, rings in zip(rows, shapes):
        code = row["iso_a3"] if row["iso_a3"] != "-99" else FIXES.get(row["name"])
        if not code:
            continue
        paths = [p for p in (ring_path(r) for r in rings) if p]
        if not paths and rings:  # a small country: keep its largest ring unsimplified
            ring = max(rings, key=len)
            paths = ["M" + "L".join(f"{(lon + 180) * 2:.1f} {(90 - lat) * 2:.1f}" for lon, lat in ring) + "Z"]
        out[code] = out.get(code, "") + "".join(paths)
    target = Path(__file__).resolve().parents[1] / "src" / "parley" / "web" / "static" / "world.json"
    doc = {"source": "Natural Earth 1:110m admin-0 countries (public domain), simplified by scripts/make_world_map.py",
           "viewBox": "0 0 720 360", "countries": dict(sorted(out.items()))}
    target.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(out)} countries -> {target} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv[1])
