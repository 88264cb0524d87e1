"""A period's events grouped into storylines and ranked by significance.

A storyline is the events of one directed dyad and one CAMEO root (Israel's air strikes on Hezbollah;
Iran's talks with Turkey). Near-duplicate reports of one happening are already one stored event (the
store merges them, hadath.store.merge), counted in its number of sources. An event weighs its sources
times (1 + |Goldstein|), scaled by how far its status is from a fact; a storyline weighs the sum of its
events, and tells the heaviest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How much an event of each status counts against one that happened: a plan is news, a denial or a
# hypothesis much less so.
STATUS_WEIGHT = {"occurred": 1.0, "ongoing": 1.0, "planned": 0.7, "postponed": 0.5, "cancelled": 0.5,
                 "denied": 0.4, "hypothetical": 0.2}


def significance(row: dict[str, Any]) -> float:
    """An event's weight: sources x (1 + |Goldstein|) x its status's weight."""
    sources = max(int(row.get("num_sources") or 1), 1)
    return sources * (1.0 + abs(row.get("goldstein") or 0.0)) * STATUS_WEIGHT.get(row["status"], 0.2)


@dataclass
class Storyline:
    source_key: str | None
    target_key: str | None
    root: str
    events: list[dict[str, Any]] = field(default_factory=list)

    @property
    def weight(self) -> float:
        return sum(significance(r) for r in self.events)

    @property
    def first_day(self) -> str:
        return min((r["event_day"] or "9999") for r in self.events)


def _event_order(row: dict[str, Any]) -> tuple[float, str, int]:
    return (-significance(row), row["event_day"] or "9999", int(row["id"]))


def storylines(rows: list[dict[str, Any]]) -> list[Storyline]:
    """`rows` (stored events) grouped by (source key, target key, root); events and storylines most
    significant first (ties: earlier first, then by id, so the same store gives the same brief)."""
    groups: dict[tuple[str | None, str | None, str], Storyline] = {}
    for row in rows:
        key = (row["source_key"], row["target_key"], row["root"])
        groups.setdefault(key, Storyline(*key)).events.append(row)
    for group in groups.values():
        group.events.sort(key=_event_order)
    return sorted(groups.values(), key=lambda s: (-s.weight, s.first_day, str(s.source_key), str(s.target_key), s.root))
