"""When two event mentions are the same happening: the merge rules, as pure functions.

A mention (an Event of one article) joins an existing event when all of these hold:

1. Same parties: the source key and the target key are equal (a missing party equals only a missing
   party), in either order for roots 03-06 (intent, consult, diplomatic and material cooperation,
   which the contract lets be written either way round). A mention with neither key never merges.
2. Same action: the same CAMEO code, or the same root where one of them is a bare two-digit root
   code ("04": the root only), which matches any code of its root. "040" (consult) is a code of its
   own: the visit (042) and the talks held during it (040) stay two events, as the contract codes them.
3. Compatible dates, within their precision: two days are equal; a day lies inside a month; two months
   are equal; a year-precision date lies inside the other's year and both were first published in
   the same ISO week; an unknown date matches anything first published in the same ISO week
   (an event without any publication date never merges on an unknown date).
4. Compatible status: occurred and ongoing agree; every other status (planned, postponed, cancelled,
   denied, hypothetical) agrees only with itself: a planned visit and the visit are two records.

Near-duplicate articles (the same wire story on several sites; neardup.py) relax rule 3: a mention in
an article of a near-duplicate cluster joins an event already mentioned by that cluster when rules 1,
2 and 4 hold, since copies published on different days resolve "yesterday" to different days.

Among several compatible events the choice is deterministic: the same code before a bare root match,
an equal date before a containing one, the same status before a compatible one, then the earliest
first publication, then the lowest id. Events are written in input order by one writer, so the same
input gives the same store however many processes extracted it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

SYMMETRIC_ROOTS = frozenset({"03", "04", "05", "06"})
STATUS_GROUP = {
    "occurred": "happened",
    "ongoing": "happened",
    "planned": "planned",
    "postponed": "postponed",
    "cancelled": "cancelled",
    "denied": "denied",
    "hypothetical": "hypothetical",
}
PRECISION_RANK = {"day": 3, "month": 2, "year": 1, "unknown": 0}


@dataclass(frozen=True)
class MergeView:
    """What merging looks at, for an event or a mention."""

    dyad: str | None
    root: str
    cameo: str
    status: str
    date: str | None
    precision: str
    pub_week: str | None


def dyad_key(root: str, source_key: str | None, target_key: str | None) -> str | None:
    """"IRN|TUR"; sorted for symmetric roots (04: TUR->IRN is "IRN|TUR"); None without any key."""
    if source_key is None and target_key is None:
        return None
    first, second = source_key or "-", target_key or "-"
    if root in SYMMETRIC_ROOTS and second < first:
        first, second = second, first
    return f"{first}|{second}"


def is_bare_root(cameo: str) -> bool:
    """"04" is a bare root code; "040" (consult, not specified) and "042" are codes of their own."""
    return len(cameo) == 2


def cameo_compatible(a: str, b: str) -> bool:
    return a[:2] == b[:2] and (a == b or is_bare_root(a) or is_bare_root(b))


def status_compatible(a: str, b: str) -> bool:
    return STATUS_GROUP.get(a, a) == STATUS_GROUP.get(b, b)


def publication_week(published: date | None) -> str | None:
    """The Monday of the ISO week of publication, "2024-01-22" for 2024-01-24."""
    if published is None:
        return None
    return (published - timedelta(days=published.weekday())).isoformat()


def dates_compatible(a: MergeView, b: MergeView) -> bool:
    same_week = a.pub_week is not None and a.pub_week == b.pub_week
    if a.precision == "unknown" or b.precision == "unknown" or not a.date or not b.date:
        return same_week
    if a.precision == "year" or b.precision == "year":
        return a.date[:4] == b.date[:4] and same_week
    if a.precision == "day" and b.precision == "day":
        return a.date == b.date
    return a.date[:7] == b.date[:7]


def compatible(mention: MergeView, event: MergeView, *, same_cluster: bool = False) -> bool:
    """Rules 1-4 of the module docstring (rule 3 waived for a near-duplicate cluster)."""
    return (
        mention.dyad is not None
        and mention.dyad == event.dyad
        and cameo_compatible(mention.cameo, event.cameo)
        and status_compatible(mention.status, event.status)
        and (same_cluster or dates_compatible(mention, event))
    )


def preference(mention: MergeView, event: MergeView) -> tuple[int, int, int]:
    """Lower is better: same code, equal date, same status."""
    return (
        0 if mention.cameo == event.cameo else 1,
        0 if (mention.date, mention.precision) == (event.date, event.precision) else 1,
        0 if mention.status == event.status else 1,
    )


def event_day(date_value: str | None, precision: str, published: date | None) -> date | None:
    """The day an event is counted on: its date, the first day of its month or year, else publication."""
    if date_value and precision != "unknown":
        try:
            if precision == "day":
                return date.fromisoformat(date_value[:10])
            if precision == "month":
                return date.fromisoformat(date_value[:7] + "-01")
            return date(int(date_value[:4]), 1, 1)
        except ValueError:
            return published
    return published


def date_month(date_value: str | None, precision: str) -> str | None:
    return date_value[:7] if date_value and precision in ("day", "month") else None


def more_precise(new_precision: str, old_precision: str) -> bool:
    return PRECISION_RANK.get(new_precision, 0) > PRECISION_RANK.get(old_precision, 0)


def event_id(article_id: str, index: int) -> int:
    """A stable id for the event first seen as event `index` of article `article_id` (fits a BIGINT)."""
    digest = hashlib.sha256(f"{article_id}:{index}".encode()).hexdigest()
    return int(digest[:15], 16)


def casualty_count(stored: tuple[int | None, bool | None], reported: tuple[int | None, bool]) -> tuple[int | None, bool]:
    """The count of the killed (or the injured) an event keeps, from its stored count and a new report's,
    each (count, lower bound): the larger, since tolls rise as reports come in; of two equal counts,
    the exact one. (12, False) and (10, True) -> (12, False); (8, False) and (10, True) -> (10, True)."""
    candidates = [(value, bool(lower)) for value, lower in (stored, reported) if value is not None]
    if not candidates:
        return None, False
    return max(candidates, key=lambda c: (c[0], not c[1]))


# A merged event keeps the most precise location any report gives (a town beats its state's centroid);
# among equals, the first. Stores made before migration 7 have a location with no precision: the least.
LOCATION_PRECISIONS = ("place", "region", "country")


def location_rank(precision: str | None) -> int:
    return LOCATION_PRECISIONS.index(precision) if precision in LOCATION_PRECISIONS else len(LOCATION_PRECISIONS)


def better_location(reported: Any, stored: Any) -> bool:
    """Whether a mention's location (a model Location) should replace the event row's."""
    if reported is None or reported.lat is None or reported.lon is None:
        return False
    if stored.lat is None or stored.lon is None:
        return True
    return location_rank(reported.precision) < location_rank(stored.location_precision)
