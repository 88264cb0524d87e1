"""Queries the HTTP API and the briefs need beyond `hadath.store.Store`, over the same engine.

Each returns plain rows (lists of dicts with JSON-ready values), so the API serialises them directly:
    event_page(store, EventQuery(dyad=("IRN", "TUR"), quad_class=4), limit=50)  -> (rows, total)
    dyad_series(store, "IRN", "TUR", "2024-01", "2024-12", by="week")             -> one row per period
    actor_list(store, "IR")                                                       -> keys with counts and names
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, String, and_, func, literal, or_, select, text, true, type_coerce, union_all

from hadath.errors import HadathError
from hadath.store import Store, schema
from hadath.store.api import ACTUAL, parse_bound, period_of, status_condition  # noqa: F401 (ACTUAL: for briefs)
from hadath.store.engine import STORE_ERRORS, database_error, is_sqlite
from hadath.store.fulltext import fts5_match, pg_tsquery, search_words

events, mentions, articles = schema.events, schema.mentions, schema.articles
# Sort orders as (column, descending) pairs; every one ends on the id, so pages never overlap.
SORTS: dict[str, tuple[tuple[str, bool], ...]] = {
    "date": (("event_day", False), ("id", False)),
    "-date": (("event_day", True), ("id", True)),
    "-mentions": (("num_mentions", True), ("event_day", True), ("id", True)),
    "goldstein": (("goldstein", False), ("event_day", True), ("id", True)),
    "-goldstein": (("goldstein", True), ("event_day", True), ("id", True)),
}
EVENT_FIELDS = [c for c in events.c if c.name not in ("dyad", "date_month", "pub_week")]
# SQLite keeps dates as ISO text: read as text they need no date object per value, nor a conversion back.
SQLITE_EVENT_FIELDS = [type_coerce(c, String).label(c.name) if isinstance(c.type, Date) else c for c in EVENT_FIELDS]


def plain(value: Any) -> Any:
    """A database value as JSON: dates as ISO strings, NaN as null, Decimals as floats."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars from DataFrames
        return plain(value.item())
    if value is not None and type(value).__name__ == "NaTType":
        return None
    return value


def plain_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: plain(v) for k, v in row.items()} for row in rows]


def frame_rows(frame: Any) -> list[dict[str, Any]]:
    """A pandas DataFrame as JSON-ready rows."""
    return plain_rows(frame.to_dict("records"))


def _rows(store: Store, query: Any, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    try:
        with store.engine.connect() as conn:
            return plain_rows(dict(r) for r in conn.execute(query, params or {}).mappings())
    except STORE_ERRORS as exc:
        raise database_error(exc, store.url, "cannot read the store") from None


def _tuples(store: Store, query: Any) -> list[Any]:
    """Raw result rows (no per-value conversion: for queries folded in Python)."""
    try:
        with store.engine.connect() as conn:
            return list(conn.execute(query).all())
    except STORE_ERRORS as exc:
        raise database_error(exc, store.url, "cannot read the store") from None


def status_clause(status: str | None) -> Any:
    """"actual" -> occurred or ongoing; "all" or None -> any; else one status of STATUSES, or several
    joined by commas ("occurred,planned"): the store's own status_condition."""
    return status_condition(status)


def place_clause(place: str) -> Any:
    """Events located at `place`: its English name as stored ("Aleppo") or a state's key ("SYR")."""
    return or_(events.c.location_name == place, events.c.location_key == place)


def pair_clause(a: str, b: str) -> Any:
    """Events between keys `a` and `b`, either way round."""
    return or_(
        and_(events.c.source_key == a, events.c.target_key == b),
        and_(events.c.source_key == b, events.c.target_key == a),
    )


def matching_articles(store: Store, query_text: str) -> Any:
    """A subquery of the ids of articles whose normalised text holds every word of `query_text`."""
    words = search_words(query_text)
    if not words:
        raise HadathError(f"the text query {query_text!r} has no words to search for")
    if is_sqlite(store.engine):
        match = fts5_match(query_text)
        return text(
            "SELECT a.id FROM article_fts JOIN articles a ON a.rowid = article_fts.rowid "
            "WHERE article_fts MATCH :fts_match"
        ).bindparams(fts_match=match).columns(articles.c.id)
    return select(articles.c.id).where(
        func.to_tsvector("simple", func.coalesce(articles.c.search_text, "")).op("@@")(
            func.to_tsquery("simple", pg_tsquery(query_text))
        )
    )


def either_side(key: str) -> list[Any]:
    """`key` as a key or an actor code on either side of an event, as four disjoint conditions: on the
    source key; else on the target key; else on the source's code; else on the target's. Their union
    is Store.event_filter(actor=key); each part reads one index (migration 4) and none repeats another's
    events, so counts add up and pages merge without removing duplicates."""
    not_keys = (events.c.source_key.is_distinct_from(key), events.c.target_key.is_distinct_from(key))
    return [
        events.c.source_key == key,
        and_(events.c.target_key == key, not_keys[0]),
        and_(events.c.source_actor == key, *not_keys),
        and_(events.c.target_actor == key, *not_keys, events.c.source_actor.is_distinct_from(key)),
    ]


def pair_parts(a: str, b: str) -> list[Any]:
    """pair_clause as disjoint conditions: a -> b and b -> a (one when a == b)."""
    one_way = and_(events.c.source_key == a, events.c.target_key == b)
    if a == b:
        return [one_way]
    return [one_way, and_(events.c.source_key == b, events.c.target_key == a)]


@dataclass
class EventQuery:
    """The filters of /api/events (all optional)."""

    start: str | None = None
    end: str | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    root: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    status: str | None = None
    q: str | None = None
    min_mentions: int | None = None
    place: str | None = None
    min_sources: int | None = None

    def where(self, store: Store) -> Any:
        """The whole filter as one WHERE clause."""
        parts, common = self._parts(store)
        return and_(or_(*parts), *common)

    def branches(self, store: Store) -> list[Any]:
        """The filter as disjoint WHERE clauses whose union it is: one per direction of a dyad, four for
        an actor (either_side), else one. Each is a range of one index, read in order; one OR over them
        would make SQLite gather every matching row and sort them all for a page of fifty."""
        parts, common = self._parts(store)
        return [and_(part, *common) for part in parts]

    def _parts(self, store: Store) -> tuple[list[Any], list[Any]]:
        """(the disjoint parts, the conditions every part shares)."""
        base = [status_clause(self.status)]
        base.append(Store.event_filter(
            start=self.start, end=self.end, source=self.source, target=self.target,
            root=self.root, cameo=self.cameo, min_mentions=self.min_mentions, min_sources=self.min_sources,
        ))
        if self.quad_class is not None:
            base.append(events.c.quad_class == self.quad_class)
        if self.place:
            base.append(place_clause(self.place))

        if self.q:
            base.append(
                events.c.id.in_(select(mentions.c.event_id).where(mentions.c.article_id.in_(matching_articles(store, self.q))))
            )
        parts: list[Any] = [true()]
        if self.dyad is not None:
            parts = pair_parts(*self.dyad)
            if self.actor:
                base.append(or_(*either_side(self.actor)))
        elif self.actor:
            parts = either_side(self.actor)
        return parts, base


def _ordered(columns: Any, sort: str) -> list[Any]:
    return [columns[name].desc() if descending else columns[name].asc() for name, descending in SORTS[sort]]


def event_page(
    store: Store, filters: EventQuery, *, limit: int, offset: int = 0, sort: str = "-date"
) -> tuple[list[dict[str, Any]], int]:
    """One page of events and the number matching in all.

    With several branches, each gives the ids of its first offset + limit events in the page's order
    (from its index, so it stops there), the page's ids are cut from their merge, and only those rows
    are read whole; the total is the sum of the branches' counts."""
    branches = filters.branches(store)
    fields = SQLITE_EVENT_FIELDS if is_sqlite(store.engine) else EVENT_FIELDS
    if len(branches) == 1:
        page = select(*fields).where(branches[0]).order_by(*_ordered(events.c, sort)).limit(limit).offset(offset)
    else:
        keys = [events.c[name] for name in dict.fromkeys([name for name, _ in SORTS[sort]] + ["id"])]
        heads = [
            select(*keys).where(branch).order_by(*_ordered(events.c, sort)).limit(offset + limit).subquery()
            for branch in branches
        ]
        merged = union_all(*(select(head) for head in heads)).subquery()
        ids = select(merged.c.id, *(merged.c[k.name] for k in keys if k.name != "id"))
        chosen = ids.order_by(*_ordered(merged.c, sort)).limit(limit).offset(offset).subquery()
        page = (select(*fields).join_from(events, chosen, events.c.id == chosen.c.id)
                .order_by(*_ordered(chosen.c, sort)))
    counts = select(*(select(func.count()).select_from(events).where(b).scalar_subquery() for b in branches))
    try:
        with store.engine.connect() as conn:
            result = conn.execute(page)
            names = list(result.keys())
            rows = [dict(zip(names, row, strict=True)) for row in result]
            total = sum(int(n or 0) for n in conn.execute(counts).one())
    except STORE_ERRORS as exc:
        raise database_error(exc, store.url, "cannot read the store") from None
    return rows, total


def pair_events(
    store: Store, a: str, b: str, start: str | date | None, end: str | date | None, status: str | None = None
) -> list[dict[str, Any]]:
    """Every event between `a` and `b` in the period, by day then id (for briefs)."""
    where = and_(pair_clause(a, b), Store.event_filter(start=start, end=end), status_clause(status))
    return _rows(store, select(*EVENT_FIELDS).where(where).order_by(events.c.event_day, events.c.id))


def dyad_series(
    store: Store, a: str, b: str, start: str | None, end: str | None, *, by: str = "month", status: str | None = "actual"
) -> list[dict[str, Any]]:
    """Events between `a` and `b` per period: counts by QuadClass, Goldstein mean and sum, mentions.

    Summed per day and code in the database, one direction at a time from the pair's covering index
    (migration 4: the table itself is never read), then folded into periods here: a busy dyad costs as
    many rows as it has active days and codes, not as many as it has events."""
    period_of(date(2000, 1, 1), by)  # validates `by`
    # The day as stored (an ISO string in SQLite): a label is a slice of it, no date object per row.
    day = type_coerce(events.c.event_day, String) if is_sqlite(store.engine) else events.c.event_day
    common = [Store.event_filter(start=start, end=end), status_clause(status), events.c.event_day.is_not(None)]
    parts = [
        select(
            day.label("day"), events.c.quad_class, events.c.cameo,
            func.count(), func.sum(events.c.goldstein), func.sum(events.c.num_mentions),
        )
        .where(part, *common)
        .group_by(events.c.event_day, events.c.quad_class, events.c.cameo)
        for part in pair_parts(a, b)
    ]
    query = parts[0] if len(parts) == 1 else union_all(*parts)
    periods: dict[str, list[Any]] = {}  # label -> [events, quad1..quad4, goldstein sum, mentions, {cameo: n}]
    labels: dict[Any, str] = {}
    for day_value, quad_class, cameo, n, goldstein, mentions_ in _tuples(store, query):
        label = labels.get(day_value)
        if label is None:
            iso = day_value if isinstance(day_value, str) else day_value.isoformat()
            label = labels[day_value] = period_of(date.fromisoformat(iso[:10]), by) if by == "week" else (
                iso[:10] if by == "day" else iso[:7] if by == "month" else iso[:4])
        out = periods.get(label)
        if out is None:
            out = periods[label] = [0, 0, 0, 0, 0, 0.0, 0, defaultdict(int)]
        out[0] += n
        if quad_class in (1, 2, 3, 4):
            out[quad_class] += n
        out[5] += goldstein or 0.0
        out[6] += mentions_ or 0
        out[7][cameo] += n
    series = []
    for label in sorted(periods):
        n, q1, q2, q3, q4, goldstein, mentions_, codes = periods[label]
        ranked = sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        goldstein = round(goldstein, 3)
        series.append({
            "period": label, "events": n, "quad1": q1, "quad2": q2, "quad3": q3, "quad4": q4,
            "goldstein_sum": goldstein, "mentions": mentions_,
            "goldstein_mean": round(goldstein / n, 3) if n else None,
            "top_cameo": [{"cameo": code, "events": k} for code, k in ranked],
        })
    return series


def actor_list(store: Store, q: str | None = None, *, limit: int = 100, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Actor keys with how many events they take part in and the name stored with them; busiest first."""
    sides = union_all(
        select(events.c.source_key.label("key"), events.c.source_name.label("name"), events.c.id.label("event_id"))
        .where(events.c.source_key.is_not(None)),
        select(events.c.target_key.label("key"), events.c.target_name.label("name"), events.c.id.label("event_id"))
        .where(events.c.target_key.is_not(None), or_(events.c.source_key.is_(None), events.c.source_key != events.c.target_key)),
    ).subquery()
    query = select(
        sides.c.key, func.max(sides.c.name).label("name"), func.count().label("events")
    ).group_by(sides.c.key)
    if q:
        pattern = f"%{like_literal(q.upper())}%"
        query = query.having(or_(func.upper(sides.c.key).like(pattern, escape="\\"),
                                 func.upper(func.max(sides.c.name)).like(pattern, escape="\\")))
    rows = _rows(store, query.order_by(func.count().desc(), sides.c.key))
    return rows[offset : offset + limit], len(rows)


def like_literal(text: str) -> str:
    """`text` matched as itself in a LIKE pattern with escape "\\": "%" -> "\\%", "_" -> "\\_"."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def known_keys(store: Store) -> tuple[set[str], set[str]]:
    """The actor keys and the actor codes that appear on either side of some event."""
    keys = union_all(
        select(events.c.source_key.label("k")).where(events.c.source_key.is_not(None)).distinct(),
        select(events.c.target_key.label("k")).where(events.c.target_key.is_not(None)).distinct(),
    )
    codes = union_all(
        select(events.c.source_actor.label("k")).where(events.c.source_actor.is_not(None)).distinct(),
        select(events.c.target_actor.label("k")).where(events.c.target_actor.is_not(None)).distinct(),
    )
    return {row[0] for row in _tuples(store, keys)}, {row[0] for row in _tuples(store, codes)}


LOCATION_EVENTS = 20  # event ids listed per place (the map's popup); the busiest places come first


def locations(store: Store, filters: EventQuery, *, limit: int = 1000) -> list[dict[str, Any]]:
    """Places where events happened (those with coordinates), busiest first: name, key, coordinates,
    precision (place, region, country), counts, mean Goldstein, and the newest events there (`event_ids`;
    `recent`: each with its code, status and day, for the map's popup)."""
    query = (
        select(events.c.id, events.c.location_key, events.c.location_name, events.c.lat, events.c.lon,
               events.c.location_precision, events.c.goldstein, events.c.cameo, events.c.status, events.c.event_day)
        .where(filters.where(store), events.c.lat.is_not(None), events.c.lon.is_not(None))
        .order_by(events.c.event_day.desc(), events.c.id.desc())
    )
    places: dict[tuple[Any, ...], dict[str, Any]] = {}
    goldstein: dict[tuple[Any, ...], list[float]] = defaultdict(list)
    for event_id, key, name, lat, lon, precision, score, cameo, status, day in _tuples(store, query):
        point = (round(float(lat), 4), round(float(lon), 4), name, key)
        place = places.get(point)
        if place is None:
            place = places[point] = {"key": key, "name": name, "lat": point[0], "lon": point[1],
                                     "precision": precision, "events": 0, "event_ids": [], "recent": []}
        place["events"] += 1
        if len(place["event_ids"]) < LOCATION_EVENTS:
            place["event_ids"].append(str(event_id))
            place["recent"].append({"id": str(event_id), "cameo": cameo, "status": status, "day": plain(day)})
        if score is not None:
            goldstein[point].append(float(score))
    for point, place in places.items():
        scores = goldstein[point]
        place["goldstein_mean"] = round(sum(scores) / len(scores), 3) if scores else None
    ranked = sorted(places.values(), key=lambda p: (-p["events"], p["name"] or "", p["key"] or ""))
    return ranked[:limit]


def filtered_series(store: Store, filters: EventQuery, *, by: str = "month") -> list[dict[str, Any]]:
    """Events matching `filters` per period (day, week, month or year) from the first to the last, every
    period in between kept with zeros: counts by QuadClass and the mean Goldstein score."""
    day = type_coerce(events.c.event_day, String) if is_sqlite(store.engine) else events.c.event_day
    query = (
        select(day.label("day"), events.c.quad_class, func.count(), func.sum(events.c.goldstein))
        .where(filters.where(store), events.c.event_day.is_not(None))
        .group_by(events.c.event_day, events.c.quad_class)
    )
    periods: dict[str, list[Any]] = {}
    for day_value, quad_class, n, goldstein in _tuples(store, query):
        iso = day_value if isinstance(day_value, str) else day_value.isoformat()
        label = period_of(date.fromisoformat(iso[:10]), by)
        out = periods.setdefault(label, [0, 0, 0, 0, 0, 0.0])
        out[0] += n
        if quad_class in (1, 2, 3, 4):
            out[quad_class] += n
        out[5] += float(goldstein or 0.0)
    series = []
    for label in _every_period(sorted(periods), by):
        n, q1, q2, q3, q4, goldstein = periods.get(label, [0, 0, 0, 0, 0, 0.0])
        series.append({"period": label, "start": period_start(label, by), "events": n,
                       "quad1": q1, "quad2": q2, "quad3": q3, "quad4": q4,
                       "goldstein_mean": round(goldstein / n, 3) if n else None})
    return series


MAX_PERIODS = 5000  # a series of days over centuries is cut, not drawn


def period_start(label: str, by: str) -> str:
    """The first day of a period label: "2024-03" -> "2024-03-01", "2024" -> "2024-01-01"; a day's and a
    week's label is its first day already."""
    return (label + "-01-01")[:10] if by == "year" else (label + "-01")[:10]


def _every_period(labels: list[str], by: str) -> list[str]:
    """Every period label from the first of `labels` to the last."""
    if not labels:
        return []
    current = date.fromisoformat(period_start(labels[0], by))
    last = labels[-1]
    out: list[str] = []
    while len(out) < MAX_PERIODS:
        label = period_of(current, by)
        if not out or out[-1] != label:
            out.append(label)
        if label == last:
            break
        if by == "year":
            current = date(current.year + 1, 1, 1)
        elif by == "month":
            current = date(current.year + (current.month == 12), current.month % 12 + 1, 1)
        else:
            current += timedelta(days=7 if by == "week" else 1)
    return out


def article_mentions(store: Store, article_id: str) -> list[dict[str, Any]]:
    """The events found in an article: each mention's offsets with its merged event's code and status."""
    query = (
        select(
            mentions.c.idx, mentions.c.event_id, mentions.c.sentence, mentions.c.sentence_start,
            mentions.c.sentence_end, mentions.c.trigger_text, mentions.c.trigger_start, mentions.c.trigger_end,
            mentions.c.source_text, mentions.c.source_actor, mentions.c.target_text, mentions.c.target_actor,
            mentions.c.cameo, mentions.c.root, mentions.c.quad_class, mentions.c.goldstein, mentions.c.status,
            mentions.c.date, mentions.c.location_text, mentions.c.fatalities, mentions.c.injured,
            mentions.c.fatalities_lower_bound, mentions.c.injured_lower_bound,
        )
        .where(mentions.c.article_id == article_id)
        .order_by(mentions.c.idx)
    )
    return _rows(store, query)


def data_version(store: Store) -> tuple[int, int]:
    """Changes whenever anything is written: (articles, events) counts, for response caches."""
    query = select(
        select(func.count()).select_from(articles).scalar_subquery(),
        select(func.coalesce(func.max(events.c.id), literal(0))).scalar_subquery(),
    )
    try:
        with store.engine.connect() as conn:
            row = conn.execute(query).one()
    except STORE_ERRORS as exc:
        raise database_error(exc, store.url, "cannot read the store") from None
    return int(row[0]), int(row[1])


def check_period(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    """Both bounds parsed; an end before the start is an error."""
    low, high = parse_bound(start), parse_bound(end, end=True)
    if low is not None and high is not None and high < low:
        raise HadathError(f"the period ends ({end}) before it starts ({start})")
    return low, high
