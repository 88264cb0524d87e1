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
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, func, literal, or_, select, text, union_all
from sqlalchemy.exc import DBAPIError

from hadath.errors import HadathError
from hadath.store import Store, schema
from hadath.store.api import STATUSES, parse_bound, period_of
from hadath.store.engine import database_error, is_sqlite
from hadath.store.fulltext import fts5_match, pg_tsquery, search_words

events, mentions, articles = schema.events, schema.mentions, schema.articles
ACTUAL = ("occurred", "ongoing")  # what happened, as opposed to planned, denied or hypothetical
SORTS = {
    "date": (events.c.event_day.asc(), events.c.id.asc()),
    "-date": (events.c.event_day.desc(), events.c.id.desc()),
    "-mentions": (events.c.num_mentions.desc(), events.c.event_day.desc(), events.c.id.desc()),
    "goldstein": (events.c.goldstein.asc(), events.c.event_day.desc(), events.c.id.desc()),
    "-goldstein": (events.c.goldstein.desc(), events.c.event_day.desc(), events.c.id.desc()),
}
EVENT_FIELDS = [c for c in events.c if c.name not in ("dyad", "date_month", "pub_week")]


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
    except DBAPIError as exc:
        raise database_error(exc, store.url, "cannot read the store") from None


def _tuples(store: Store, query: Any) -> list[Any]:
    """Raw result rows (no per-value conversion: for queries folded in Python)."""
    try:
        with store.engine.connect() as conn:
            return list(conn.execute(query).all())
    except DBAPIError as exc:
        raise database_error(exc, store.url, "cannot read the store") from None


def _scalar(store: Store, query: Any, params: dict[str, Any] | None = None) -> Any:
    try:
        with store.engine.connect() as conn:
            return conn.execute(query, params or {}).scalar()
    except DBAPIError as exc:
        raise database_error(exc, store.url, "cannot read the store") from None


def status_clause(status: str | None) -> Any:
    """"actual" -> occurred or ongoing; "all" or None -> any; else one status of STATUSES."""
    if status in (None, "", "all"):
        return True
    if status == "actual":
        return events.c.status.in_(ACTUAL)
    if status not in STATUSES:
        raise HadathError(f"status must be actual, all or one of {', '.join(STATUSES)}, not {status!r}")
    return events.c.status == status


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

    def where(self, store: Store) -> Any:
        # `actor` is a key or an actor code on either side (Store.event_filter). Narrowing a key to the
        # indexed key columns was tried: for a busy actor SQLite then sorts its whole event set, 3x slower.
        clause = Store.event_filter(
            start=self.start, end=self.end, actor=self.actor, source=self.source, target=self.target,
            root=self.root, cameo=self.cameo, min_mentions=self.min_mentions,
        )
        extra = [status_clause(self.status)]
        if self.dyad is not None:
            extra.append(pair_clause(*self.dyad))
        if self.quad_class is not None:
            extra.append(events.c.quad_class == self.quad_class)
        if self.q:
            extra.append(
                events.c.id.in_(select(mentions.c.event_id).where(mentions.c.article_id.in_(matching_articles(store, self.q))))
            )
        return and_(clause, *extra)


def event_page(
    store: Store, filters: EventQuery, *, limit: int, offset: int = 0, sort: str = "-date"
) -> tuple[list[dict[str, Any]], int]:
    """One page of events and the number matching in all."""
    where = filters.where(store)
    rows = _rows(store, select(*EVENT_FIELDS).where(where).order_by(*SORTS[sort]).limit(limit).offset(offset))
    total = int(_scalar(store, select(func.count()).select_from(events).where(where)) or 0)
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

    Summed per day and code in the database, then folded into periods here: a busy dyad costs as
    many rows as it has active days, not as many as it has events."""
    period_of(date(2000, 1, 1), by)  # validates `by`
    query = (
        select(
            events.c.event_day, events.c.quad_class, events.c.cameo,
            func.count().label("n"), func.sum(events.c.goldstein).label("g"), func.sum(events.c.num_mentions).label("m"),
        )
        .where(pair_clause(a, b), Store.event_filter(start=start, end=end), status_clause(status),
               events.c.event_day.is_not(None))
        .group_by(events.c.event_day, events.c.quad_class, events.c.cameo)
    )
    periods: dict[str, dict[str, Any]] = {}
    codes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    labels: dict[Any, str] = {}
    for day, quad_class, cameo, n, goldstein, mentions_ in _tuples(store, query):
        if day not in labels:
            labels[day] = period_of(day if isinstance(day, date) else date.fromisoformat(str(day)), by)
        label = labels[day]
        out = periods.get(label)
        if out is None:
            out = periods[label] = {"period": label, "events": 0, "quad1": 0, "quad2": 0, "quad3": 0, "quad4": 0,
                                    "goldstein_sum": 0.0, "mentions": 0}
        out["events"] += n
        if quad_class in (1, 2, 3, 4):
            out[f"quad{quad_class}"] += n
        out["goldstein_sum"] += goldstein or 0.0
        out["mentions"] += mentions_ or 0
        codes[label][cameo] += n
    series = []
    for label in sorted(periods):
        out = periods[label]
        out["goldstein_sum"] = round(out["goldstein_sum"], 3)
        out["goldstein_mean"] = round(out["goldstein_sum"] / out["events"], 3) if out["events"] else None
        ranked = sorted(codes[label].items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        out["top_cameo"] = [{"cameo": code, "events": n} for code, n in ranked]
        series.append(out)
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
        pattern = f"%{q.upper()}%"
        query = query.having(or_(func.upper(sides.c.key).like(pattern), func.upper(func.max(sides.c.name)).like(pattern)))
    rows = _rows(store, query.order_by(func.count().desc(), sides.c.key))
    return rows[offset : offset + limit], len(rows)


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


def locations(store: Store, filters: EventQuery, *, limit: int = 1000) -> list[dict[str, Any]]:
    """Places where events happened (those with coordinates): counts and mean Goldstein, busiest first."""
    query = (
        select(
            events.c.location_key.label("key"),
            func.max(events.c.location_name).label("name"),
            func.avg(events.c.lat).label("lat"),
            func.avg(events.c.lon).label("lon"),
            func.count().label("events"),
            func.avg(events.c.goldstein).label("goldstein_mean"),
        )
        .where(filters.where(store), events.c.lat.is_not(None), events.c.lon.is_not(None))
        .group_by(events.c.location_key)
        .order_by(func.count().desc(), events.c.location_key)
        .limit(limit)
    )
    rows = _rows(store, query)
    for row in rows:
        row["goldstein_mean"] = round(row["goldstein_mean"], 3) if row["goldstein_mean"] is not None else None
    return rows


def article_mentions(store: Store, article_id: str) -> list[dict[str, Any]]:
    """The events found in an article: each mention's offsets with its merged event's code and status."""
    query = (
        select(
            mentions.c.idx, mentions.c.event_id, mentions.c.sentence, mentions.c.sentence_start,
            mentions.c.sentence_end, mentions.c.trigger_text, mentions.c.trigger_start, mentions.c.trigger_end,
            mentions.c.source_text, mentions.c.source_actor, mentions.c.target_text, mentions.c.target_actor,
            mentions.c.cameo, mentions.c.root, mentions.c.quad_class, mentions.c.goldstein, mentions.c.status,
            mentions.c.date, mentions.c.location_text,
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
    except DBAPIError as exc:
        raise database_error(exc, store.url, "cannot read the store") from None
    return int(row[0]), int(row[1])


def check_period(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    """Both bounds parsed; an end before the start is an error."""
    low, high = parse_bound(start), parse_bound(end, end=True)
    if low is not None and high is not None and high < low:
        raise HadathError(f"the period ends ({end}) before it starts ({start})")
    return low, high
