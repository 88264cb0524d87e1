"""`Store`: the read side of the event store, for analysts, the CLI and the HTTP API.

    from hadath.store import Store
    store = Store("hadath.db")                     # or "postgresql://…"; default $HADATH_DB
    store.events(actor="TUR", start="2024-01", limit=50)
    store.dyad_timeline("IRN", "TUR", start="2023-01", end="2025-12", by="month")
    store.event(event_id)["mentions"]              # the reports merged into one event, with sentences

Tables come back as pandas DataFrames; list methods take `limit` and `offset` and order their rows
deterministically so pages do not overlap. Date bounds accept "2024", "2024-03" or "2024-03-15"; an end
bound includes its whole month or year.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Select, and_, case, func, or_, select, text

from hadath.errors import HadathError
from hadath.store import schema
from hadath.store.engine import (
    STORE_ERRORS,
    database_error,
    is_read_only,
    is_sqlite,
    make_engine,
    resolve_url,
)
from hadath.store.fulltext import fts5_match, pg_tsquery, search_words
from hadath.store.migrations import LATEST, READABLE_FROM, current_version, migrate

articles, events, mentions, entities = schema.articles, schema.events, schema.mentions, schema.entities
STATUSES = ("occurred", "ongoing", "planned", "postponed", "cancelled", "denied", "hypothetical")
ACTUAL = ("occurred", "ongoing")  # what happened, as opposed to planned, denied or hypothetical
PERIODS = ("day", "week", "month", "year")


def parse_bound(value: str | date | None, *, end: bool = False) -> date | None:
    """"2024" -> 2024-01-01 (or 2024-12-31 as an end); "2024-02" -> 2024-02-01 (2024-02-29)."""
    if value is None or isinstance(value, date):
        return value
    parts = value.split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return date(year, 12, 31) if end else date(year, 1, 1)
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return date.fromisoformat(value)
    except ValueError:
        raise HadathError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") from None


def period_of(day: date, by: str) -> str:
    """The label of the period holding `day`: "2024-01-24", week "2024-01-22" (its Monday), "2024-01", "2024"."""
    if by == "day":
        return day.isoformat()
    if by == "week":
        return (day - timedelta(days=day.weekday())).isoformat()
    if by == "month":
        return day.isoformat()[:7]
    if by == "year":
        return str(day.year)
    raise HadathError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")


def chosen_statuses(status: str | None) -> tuple[str, ...] | None:
    """The statuses a `status` filter keeps: "actual" -> occurred and ongoing; "all" or None -> every one
    (None); else one of STATUSES or several joined by commas ("occurred,planned")."""
    if status in (None, "", "all"):
        return None
    chosen: list[str] = []
    for one in status.split(","):
        if one == "actual":
            chosen.extend(ACTUAL)
        elif one in STATUSES:
            chosen.append(one)
        else:
            raise HadathError(f"status must be actual, all or one of {', '.join(STATUSES)}, not {one!r}")
    return tuple(dict.fromkeys(chosen))


def status_condition(status: str | None) -> Any:
    """The WHERE condition of a `status` filter (see chosen_statuses)."""
    chosen = chosen_statuses(status)
    if chosen is None:
        return True
    return events.c.status == chosen[0] if len(chosen) == 1 else events.c.status.in_(chosen)


def gdelt_quad_class(root: str, quad_class: int | None) -> int | None:
    """GDELT's QuadClass: as ours, except protest (root 14), which GDELT counts as verbal conflict."""
    return 3 if root == "14" else quad_class


def _whole_numbers(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """Integer columns that may hold nulls kept as ints and None (pandas would make them floats and NaN)."""
    for name in columns:
        frame[name] = pd.Series([None if pd.isna(v) else int(v) for v in frame[name]], index=frame.index, dtype=object)
    return frame


class Store:
    """An event store opened for reading (see the module docstring)."""

    def __init__(self, db: str | None = None) -> None:
        self.url = resolve_url(db)
        if self.url.startswith("sqlite:///") and "?" not in self.url and not Path(self.url[10:]).exists():
            # Checked before connecting: SQLite would create an empty file for a mistyped path.
            raise HadathError(f"no Hadath store at {self.url[10:]}: create one with `hadath ingest`")
        self.engine = make_engine(self.url)
        try:
            with self.engine.connect() as conn:
                version = current_version(conn)
        except STORE_ERRORS as exc:
            raise database_error(exc, self.url, "cannot open the store") from None
        if version == 0:
            raise HadathError(f"no Hadath store at {self.url}: create one with `hadath ingest`")
        if version < LATEST and not (version >= READABLE_FROM and is_read_only(self.engine)):
            migrate(make_engine(self.url, write=True), self.url)

    # -- plumbing ----------------------------------------------------------------------------------
    def _frame(self, query: Select | Any, params: dict[str, Any] | None = None) -> pd.DataFrame:
        try:
            with self.engine.connect() as conn:
                result = conn.execute(query, params or {})
                return pd.DataFrame(result.mappings().all(), columns=list(result.keys()))
        except STORE_ERRORS as exc:
            raise database_error(exc, self.url, "cannot read the store") from None

    def _rows(self, query: Select) -> list[dict[str, Any]]:
        try:
            with self.engine.connect() as conn:
                return [dict(r) for r in conn.execute(query).mappings()]
        except STORE_ERRORS as exc:
            raise database_error(exc, self.url, "cannot read the store") from None

    @staticmethod
    def event_filter(
        *,
        start: str | date | None = None,
        end: str | date | None = None,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        root: str | None = None,
        cameo: str | None = None,
        status: str | None = None,
        min_mentions: int | None = None,
        min_sources: int | None = None,
    ) -> Any:
        """The WHERE clause for events: `actor` is a key or actor code on either side; `status` one
        status, several joined by commas, "actual" (occurred or ongoing) or "all"."""
        clauses = []
        if (low := parse_bound(start)) is not None:
            clauses.append(events.c.event_day >= low)
        if (high := parse_bound(end, end=True)) is not None:
            clauses.append(events.c.event_day <= high)
        if actor:
            clauses.append(
                or_(
                    events.c.source_key == actor,
                    events.c.target_key == actor,
                    events.c.source_actor == actor,
                    events.c.target_actor == actor,
                )
            )
        if source:
            clauses.append(or_(events.c.source_key == source, events.c.source_actor == source))
        if target:
            clauses.append(or_(events.c.target_key == target, events.c.target_actor == target))
        if root:
            clauses.append(events.c.root == root.zfill(2))
        if cameo:
            clauses.append(events.c.cameo == cameo)
        if status:
            clauses.append(status_condition(status))
        if min_mentions:
            clauses.append(events.c.num_mentions >= min_mentions)
        if min_sources:  # outlets, as GDELT's NumSources: wire copies in two papers are two sources
            clauses.append(events.c.num_sources >= min_sources)
        return and_(True, *clauses)

    # -- events ------------------------------------------------------------------------------------
    EVENT_COLUMNS = [c for c in events.c if c.name not in ("dyad", "date_month", "pub_week")]

    def events(self, *, limit: int | None = 100, offset: int = 0, **filters: Any) -> pd.DataFrame:
        """Merged events matching `filters` (see event_filter), by day then id."""
        query = (
            select(*self.EVENT_COLUMNS)
            .where(self.event_filter(**filters))
            .order_by(events.c.event_day, events.c.id)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        return self._frame(query)

    def count_events(self, **filters: Any) -> int:
        return int(self._frame(select(func.count()).select_from(events).where(self.event_filter(**filters))).iat[0, 0])

    def iter_events(self, chunk: int = 5000, *, added: bool = False, **filters: Any) -> Iterator[list[dict[str, Any]]]:
        """All matching events, a chunk of rows at a time (exports: memory does not grow with the store).
        `added`: each row also has "added", when the event was added (its first article was stored)."""
        columns: list[Any] = list(self.EVENT_COLUMNS)
        if added:
            columns.append(
                select(func.min(articles.c.ingested_at))
                .select_from(mentions.join(articles, articles.c.id == mentions.c.article_id))
                .where(mentions.c.event_id == events.c.id)
                .scalar_subquery()
                .label("added")
            )
        query = select(*columns).where(self.event_filter(**filters)).order_by(events.c.event_day, events.c.id)
        try:
            with self.engine.connect() as conn:
                result = conn.execution_options(stream_results=True, yield_per=chunk).execute(query)
                for part in result.mappings().partitions(chunk):
                    yield [dict(r) for r in part]
        except STORE_ERRORS as exc:
            raise database_error(exc, self.url, "cannot read the store") from None

    def event(self, event_id: int) -> dict[str, Any] | None:
        """One event and its mentions, each with its sentence (cut from the article by its offsets),
        outlet, URL, title and publication date; None when there is no such event."""
        rows = self._rows(select(*self.EVENT_COLUMNS).where(events.c.id == int(event_id)))
        if not rows:
            return None
        query = (
            select(
                mentions,
                articles.c.outlet,
                articles.c.url,
                articles.c.source.label("article_source"),
                articles.c.title,
                articles.c.published,
                articles.c.text,
            )
            .join(articles, articles.c.id == mentions.c.article_id)
            .where(mentions.c.event_id == int(event_id))
            .order_by(articles.c.published, mentions.c.article_id, mentions.c.idx)
        )
        frame = _whole_numbers(self._frame(query), ("fatalities", "injured"))
        frame["sentence_text"] = [
            text_[s:e] if text_ is not None and s is not None and e is not None else None
            for text_, s, e in zip(frame["text"], frame["sentence_start"], frame["sentence_end"], strict=True)
        ]
        return {"event": rows[0], "mentions": frame.drop(columns=["text"])}

    # -- articles ----------------------------------------------------------------------------------
    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article (failed ones too) with its entities, its mentions and their event ids."""
        rows = self._rows(select(*[c for c in articles.c if c.name != "minhash"]).where(articles.c.id == article_id))
        if not rows:
            return None
        out = rows[0]
        out["entities"] = self._frame(
            select(entities).where(entities.c.article_id == article_id).order_by(entities.c.idx)
        )
        out["mentions"] = _whole_numbers(self._frame(
            select(mentions).where(mentions.c.article_id == article_id).order_by(mentions.c.idx)
        ), ("fatalities", "injured"))
        out["copies"] = self._frame(select(schema.copies).where(schema.copies.c.article_id == article_id))
        return out

    def articles(
        self,
        *,
        start: str | date | None = None,
        end: str | date | None = None,
        outlet: str | None = None,
        status: str | None = None,
        cluster: str | None = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Articles without their text, by publication date then id; status "failed" lists failures."""
        columns = [c for c in articles.c if c.name not in ("text", "search_text", "minhash", "input_json")]
        query = select(*columns)
        if (low := parse_bound(start)) is not None:
            query = query.where(articles.c.published >= low)
        if (high := parse_bound(end, end=True)) is not None:
            query = query.where(articles.c.published <= high)
        if outlet:
            query = query.where(articles.c.outlet == outlet)
        if status:
            query = query.where(articles.c.status == status)
        if cluster:
            query = query.where(articles.c.cluster_id == cluster)
        query = query.order_by(articles.c.published, articles.c.id).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        return self._frame(query)

    def search(self, query_text: str, *, limit: int = 20, offset: int = 0) -> pd.DataFrame:
        """Articles whose normalised text holds every word of `query_text` ("تركيا إيران"), best first.

        Spelling variants fold together (hamza seats, alef forms, ta marbuta, diacritics), and a word
        is found with its clitics attached ("تركيا" finds "وتركيا"; see fulltext.py).
        """
        words = search_words(query_text)
        if not words:
            return pd.DataFrame(columns=["id", "title", "url", "outlet", "published", "rank"])
        params = {"limit": limit, "offset": offset}
        if is_sqlite(self.engine):
            params["match"] = fts5_match(query_text)
            sql = (
                "SELECT a.id, a.title, a.url, a.outlet, a.published, article_fts.rank AS rank "
                "FROM article_fts JOIN articles a ON a.rowid = article_fts.rowid "
                "WHERE article_fts MATCH :match ORDER BY article_fts.rank, a.id LIMIT :limit OFFSET :offset"
            )
        else:
            params["words"] = pg_tsquery(query_text)
            sql = (
                "SELECT a.id, a.title, a.url, a.outlet, a.published, "
                "-ts_rank(to_tsvector('simple', coalesce(a.search_text, '')), to_tsquery('simple', :words)) AS rank "
                "FROM articles a WHERE to_tsvector('simple', coalesce(a.search_text, '')) @@ to_tsquery('simple', :words) "
                "ORDER BY rank, a.id LIMIT :limit OFFSET :offset"
            )
        return self._frame(text(sql), params)

    # -- analysis ----------------------------------------------------------------------------------
    def dyad_timeline(
        self,
        a: str,
        b: str,
        start: str | date | None = None,
        end: str | date | None = None,
        by: str = "month",
        *,
        directed: bool = False,
        top: int = 3,
        status: str | None = None,
    ) -> pd.DataFrame:
        """Events between `a` and `b` per period: counts by QuadClass (ours: 1-4), Goldstein sum and mean,
        mentions, and the `top` CAMEO codes ("042:3 036:1"). Both directions unless `directed`; every
        status unless `status` says which (as in event_filter: "actual" is what the dashboard counts)."""
        period_of(date(2000, 1, 1), by)  # validates `by`
        pair = and_(events.c.source_key == a, events.c.target_key == b)
        if not directed:
            pair = or_(pair, and_(events.c.source_key == b, events.c.target_key == a))
        query = (
            select(events.c.event_day, events.c.cameo, events.c.quad_class, events.c.goldstein, events.c.num_mentions)
            .where(pair, self.event_filter(start=start, end=end, status=status), events.c.event_day.is_not(None))
            .order_by(events.c.event_day, events.c.id)
        )
        rows = self._frame(query)
        columns = ["period", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_sum", "goldstein_mean",
                   "mentions", "top_cameo"]
        if rows.empty:
            return pd.DataFrame(columns=columns)
        rows["period"] = [period_of(d, by) for d in rows["event_day"]]
        out = []
        for period, group in rows.groupby("period", sort=True):
            counts = group["cameo"].value_counts()
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
            out.append(
                {
                    "period": period,
                    "events": len(group),
                    **{f"quad{q}": int((group["quad_class"] == q).sum()) for q in (1, 2, 3, 4)},
                    "goldstein_sum": round(float(group["goldstein"].sum()), 3),
                    "goldstein_mean": round(float(group["goldstein"].mean()), 3),
                    "mentions": int(group["num_mentions"].sum()),
                    "top_cameo": " ".join(f"{code}:{n}" for code, n in ranked),
                }
            )
        return pd.DataFrame(out, columns=columns)

    def actor_summary(
        self, key: str, start: str | date | None = None, end: str | date | None = None, *, limit: int = 50,
        status: str | None = None,
    ) -> pd.DataFrame:
        """Who `key` acts on and is acted on by: one row per counterpart, with event counts in each
        direction, by QuadClass, and the mean Goldstein score; most events first (events of `status`)."""
        query = (
            select(events.c.source_key, events.c.target_key, events.c.quad_class, events.c.goldstein)
            .where(self.event_filter(start=start, end=end, status=status),
                   or_(events.c.source_key == key, events.c.target_key == key))
        )
        rows = self._frame(query)
        columns = ["counterpart", "events", "as_source", "as_target", "quad1", "quad2", "quad3", "quad4",
                   "goldstein_mean"]
        if rows.empty:
            return pd.DataFrame(columns=columns)
        rows["as_source"] = rows["source_key"] == key
        rows["counterpart"] = [
            (t if s == key else s) or "-" for s, t in zip(rows["source_key"], rows["target_key"], strict=True)
        ]
        out = []
        for counterpart, group in rows.groupby("counterpart"):
            out.append(
                {
                    "counterpart": counterpart,
                    "events": len(group),
                    "as_source": int(group["as_source"].sum()),
                    "as_target": int((~group["as_source"]).sum()),
                    **{f"quad{q}": int((group["quad_class"] == q).sum()) for q in (1, 2, 3, 4)},
                    "goldstein_mean": round(float(group["goldstein"].mean()), 3),
                }
            )
        frame = pd.DataFrame(out, columns=columns)
        return frame.sort_values(["events", "counterpart"], ascending=[False, True]).head(limit).reset_index(drop=True)

    def network(
        self, start: str | date | None = None, end: str | date | None = None, *, min_events: int = 1, limit: int = 500,
        status: str | None = None,
    ) -> pd.DataFrame:
        """Directed edges source key -> target key with event counts, conflict/cooperation split and
        mean Goldstein score; heaviest first (events of `status`)."""
        query = (
            select(
                events.c.source_key,
                events.c.target_key,
                func.count().label("events"),
                func.sum(events.c.num_mentions).label("mentions"),
                func.sum(case((events.c.quad_class <= 2, 1), else_=0)).label("cooperation"),
                func.avg(events.c.goldstein).label("goldstein_mean"),
            )
            .where(self.event_filter(start=start, end=end, status=status), events.c.source_key.is_not(None),
                   events.c.target_key.is_not(None))
            .group_by(events.c.source_key, events.c.target_key)
            .having(func.count() >= min_events)
            .order_by(func.count().desc(), events.c.source_key, events.c.target_key)
            .limit(limit)
        )
        frame = self._frame(query)
        if not frame.empty:
            frame["conflict"] = frame["events"] - frame["cooperation"]
            frame["goldstein_mean"] = frame["goldstein_mean"].astype(float).round(3)
        return frame

    def stats(self) -> dict[str, Any]:
        """Counts over the whole store."""
        one = {
            "articles": select(func.count()).select_from(articles).where(articles.c.status == "ok"),
            "failed_articles": select(func.count()).select_from(articles).where(articles.c.status == "failed"),
            "copies": select(func.count()).select_from(schema.copies),
            "near_duplicate_articles": select(func.count())
            .select_from(articles)
            .where(articles.c.status == "ok", articles.c.cluster_id != articles.c.id),
            "events": select(func.count()).select_from(events),
            "merged_events": select(func.count()).select_from(events).where(events.c.num_mentions > 1),
            "mentions": select(func.count()).select_from(mentions),
            "entities": select(func.count()).select_from(entities),
            "outlets": select(func.count(articles.c.outlet.distinct())).where(articles.c.status == "ok"),
            "first_published": select(func.min(articles.c.published)),
            "last_published": select(func.max(articles.c.published)),
            "first_event_day": select(func.min(events.c.event_day)),
            "last_event_day": select(func.max(events.c.event_day)),
        }
        try:
            with self.engine.connect() as conn:
                out: dict[str, Any] = {name: conn.execute(q).scalar() for name, q in one.items()}
                out["by_root"] = dict(conn.execute(select(events.c.root, func.count()).group_by(events.c.root).order_by(events.c.root)).all())
                out["by_status"] = dict(
                    conn.execute(select(events.c.status, func.count()).group_by(events.c.status).order_by(events.c.status)).all()
                )
                out["schema_version"] = current_version(conn)
        except STORE_ERRORS as exc:
            raise database_error(exc, self.url, "cannot read the store") from None
        for name in ("first_published", "last_published", "first_event_day", "last_event_day"):
            if isinstance(out[name], date):
                out[name] = out[name].isoformat()
        out["store"] = self.url
        return out
