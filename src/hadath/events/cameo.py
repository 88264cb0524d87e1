"""The CAMEO event-code table: name, Goldstein score, QuadClass and PLOVER category per code.

Read once, lazily, from data/cameo.tsv (source and licence in data/SOURCES.md).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code: "042" -> Make a visit, Goldstein 1.9, quad class 1, PLOVER CONSULT."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str


@cache
def load_cameo() -> dict[str, CameoCode]:
    """Every code in cameo.tsv, keyed by its digits ("04", "042", "1213")."""
    table: dict[str, CameoCode] = {}
    with (Path(__file__).parent / "data" / "cameo.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            table[row["code"]] = CameoCode(
                code=row["code"],
                name=row["name"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover=row["plover"],
            )
    return table


def cameo_name(code: str) -> str | None:
    """The English name of a code, else of its longest known prefix ("0429" unknown -> "042" Make a visit)."""
    table = load_cameo()
    for length in range(len(code), 1, -1):
        entry = table.get(code[:length])
        if entry is not None:
            return entry.name
    return None
