"""The one writer: each extracted article goes into the store within one transaction (the article, its
entities, its near-duplicate bands, its mentions and the merges of those into events; a transaction
holds a few whole articles), so a crash at any moment leaves the store as it was after the last whole
transaction, and a re-run completes it.

An article already stored (same id: the hash of its cleaned text) is not written again; seen under
another URL or outlet it is recorded as a copy, which counts towards its events' sources.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, union, update
from sqlalchemy.exc import DBAPIError, OperationalError

from hadath.model import Article, Event
from hadath.store import merge, neardup
from hadath.store.engine import database_error, is_sqlite
from hadath.store.schema import articles, bands, copies, entities, event_outlets, events, mentions

LOCK_RETRIES = 5
PG_WRITER_LOCK = 72011

# Statements used for every article, built once (building SQLAlchemy expressions costs more than running them).
_ARTICLE_SEEN = select(articles.c.url, articles.c.source).where(articles.c.id == bindparam("id"))
_BAND_CANDIDATES = (
    select(articles.c.id, articles.c.minhash, articles.c.cluster_id)
    .where(articles.c.id.in_(select(bands.c.article_id).where(bands.c.key.in_(bindparam("keys", expanding=True)))))
    .order_by(articles.c.id)
)
# Driven from the cluster's few articles (filtering on the dyad first would scan all its events).
_CLUSTER_EVENT_IDS = (
    select(mentions.c.event_id)
    .join(articles, articles.c.id == mentions.c.article_id)
    .where(articles.c.cluster_id == bindparam("cluster"))
    .distinct()
)
_EVENTS_BY_ID = select(events).where(events.c.id.in_(bindparam("ids", expanding=True)))
# The candidates for all of an article's events in one round trip: two indexed lookups in a UNION
# (with an OR, SQLite scans every event of a dyad and root, which grows with the store).
_CANDIDATE_EVENTS = union(
    select(events).where(
        events.c.dyad.in_(bindparam("dyads", expanding=True)),
        events.c.root.in_(bindparam("roots", expanding=True)),
        events.c.date_month.in_(bindparam("months", expanding=True)),
    ),
    select(events).where(
        events.c.dyad.in_(bindparam("dyads_", expanding=True)),
        events.c.root.in_(bindparam("roots_", expanding=True)),
        events.c.pub_week == bindparam("week"),
    ),
)
_DELETE_FAILED = delete(articles).where(
    articles.c.raw_hash == bindparam("raw_hash"), articles.c.status == "failed"
)
_EVENT_FIELDS = [c.name for c in events.c if c.name != "id"]
# Every field at once, so that one compiled statement serves every merge (bind names must differ from columns).
_UPDATE_EVENT = (
    update(events)
    .where(events.c.id == bindparam("event_id_"))
    .values({name: bindparam(name + "_") for name in _EVENT_FIELDS})
)
_OUTLET_REPORTED = select(event_outlets.c.event_id).where(
    event_outlets.c.outlet == bindparam("outlet"), event_outlets.c.event_id.in_(bindparam("ids", expanding=True))
)
_OUTLET_SEEN = select(func.count()).select_from(event_outlets).where(
    event_outlets.c.event_id == bindparam("event_id"), event_outlets.c.outlet == bindparam("outlet")
)


@dataclass
class Extracted:
    """An article after extraction, ready for the writer."""

    article: Article
    raw_hash: str  # hash of the input as read: lets a re-run skip it before extracting again
    signature: bytes | None = None  # MinHash signature (neardup.py), computed by the extractor
    input_json: str | None = None  # the input as read, kept for failed articles so they can be retried
    search_text: str | None = None  # fulltext.search_document, computed by the extractor


@dataclass
class WriteResult:
    outcome: str  # new | duplicate | failed
    article_id: str
    events_new: int = 0
    mentions: int = 0


class _NewEvent(dict):
    """An event row created by the article being written, read like a database row until inserted."""

    __getattr__ = dict.__getitem__


def failed_id(raw_hash: str) -> str:
    return "failed-" + raw_hash[:24]


def outlet_of(url: str | None, source: str | None) -> str | None:
    """Who published it: the URL's host without "www.", else the input's source."""
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return source or None


class StoreWriter:
    """Writes Extracted articles into the store at `engine`, whole articles per transaction."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.seconds = 0.0  # time spent writing, for the ingest summary and the benchmark

    def write(self, item: Extracted) -> WriteResult:
        return self.write_many([item])[0]

    def write_many(self, items: list[Extracted]) -> list[WriteResult]:
        """Write several articles in one transaction (one commit is most of a small article's cost).

        Each article is still all or nothing: the transaction holds whole articles only, in input order.
        """
        started = time.perf_counter()
        try:
            for attempt in range(LOCK_RETRIES):
                try:
                    with self.engine.begin() as conn:
                        if not is_sqlite(self.engine):
                            # One writer at a time per PostgreSQL store, so merges see each other.
                            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITER_LOCK})")
                        return [self._write(conn, item) for item in items]
                except OperationalError as exc:
                    if "locked" not in str(exc.orig) or attempt == LOCK_RETRIES - 1:
                        raise
                    time.sleep(0.5 * (attempt + 1))
            raise AssertionError("unreachable")
        except DBAPIError as exc:
            raise database_error(exc, self.url, "cannot write to the store") from None
        finally:
            self.seconds += time.perf_counter() - started

    def _write(self, conn: Connection, item: Extracted) -> WriteResult:
        article = item.article
        if article.error is not None:
            return self._write_failure(conn, item)
        article_id = article.id
        existing = conn.execute(_ARTICLE_SEEN, {"id": article_id}).first()
        if existing is not None:
            self._record_copy(conn, article_id, article, existing)
            return WriteResult("duplicate", article_id)
        # A retry that now succeeds replaces the failure record of the same input.
        conn.execute(_DELETE_FAILED, {"raw_hash": item.raw_hash})
        band_keys = neardup.band_keys(item.signature) if item.signature is not None else []
        cluster_id = self._cluster(conn, article_id, item.signature, band_keys)
        conn.execute(
            insert(articles),
            dict(
                id=article_id,
                status="ok",
                url=article.url,
                source=article.source,
                outlet=outlet_of(article.url, article.source),
                title=article.title,
                published=article.published,
                published_from=article.published_from,
                text=article.text,
                search_text=item.search_text,
                raw_hash=item.raw_hash,
                cluster_id=cluster_id,
                minhash=item.signature,
                num_events=len(article.events),
                ingested_at=datetime.now(UTC),
            ),
        )
        if band_keys:
            conn.execute(insert(bands), [{"key": key, "article_id": article_id} for key in band_keys])
        if article.entities:
            conn.execute(
                insert(entities),
                [
                    {
                        "article_id": article_id,
                        "idx": i,
                        "text": e.text,
                        "start": e.start,
                        "end": e.end,
                        "type": e.type,
                        "name": e.name,
                        "actor": e.actor,
                        "key": e.key,
                        "origin": e.origin,
                    }
                    for i, e in enumerate(article.entities)
                ],
            )
        result = WriteResult("new", article_id)
        if article.events:
            mention_rows, result.events_new = self._merge_events(conn, article, article_id, cluster_id)
            conn.execute(insert(mentions), mention_rows)
            result.mentions = len(mention_rows)
        return result

    def _merge_events(
        self, conn: Connection, article: Article, article_id: str, cluster_id: str
    ) -> tuple[list[dict[str, Any]], int]:
        """Attach each event of the article to its merged event (see merge.py); the mention rows and
        how many events are new. Candidates are read once per article and changed in memory, then
        written back together: a few statements per article however many events it has."""
        week = merge.publication_week(article.published)
        views = [self._view(ev, week) for ev in article.events]
        outlet = outlet_of(article.url, article.source)
        stored = self._candidates(conn, views, week)  # earlier events, by id, as mutable rows
        cluster_rows: list[_NewEvent] = []
        if cluster_id != article_id:
            ids = conn.execute(_CLUSTER_EVENT_IDS, {"cluster": cluster_id}).scalars().all()
            for row in conn.execute(_EVENTS_BY_ID, {"ids": ids}).mappings() if ids else []:
                stored.setdefault(row["id"], _NewEvent(row))
            cluster_rows = [stored[i] for i in ids]
        reported: set[int] = set()  # stored events this outlet has reported already
        if outlet is not None and stored:
            reported = set(conn.execute(_OUTLET_REPORTED, {"outlet": outlet, "ids": list(stored)}).scalars())
        created: dict[int, _NewEvent] = {}
        by_dyad: dict[str | None, list[_NewEvent]] = {}  # candidates of each dyad, stored and created
        for row in stored.values():
            by_dyad.setdefault(row.dyad, []).append(row)
        changed: dict[int, _NewEvent] = {}
        new_outlets: list[int] = []
        touched: set[int] = set()  # events this article has mentioned already
        mention_rows = []
        for index, (ev, view) in enumerate(zip(article.events, views, strict=True)):
            chosen, merged_by = self._find_event(view, cluster_rows, by_dyad.get(view.dyad, []))
            if chosen is None:
                event_id = merge.event_id(article_id, index)
                created[event_id] = self._new_event(event_id, ev, view, article, outlet)
                by_dyad.setdefault(view.dyad, []).append(created[event_id])
            else:
                event_id = chosen.id
                changes = self._merge_changes(chosen, ev, article, view, touched, int(ev.sentence == 0))
                if event_id not in created:
                    if outlet is not None and event_id not in reported:
                        reported.add(event_id)
                        new_outlets.append(event_id)
                        changes["num_sources"] = chosen.num_sources + 1
                    changed[event_id] = chosen
                chosen.update(changes)
            touched.add(event_id)
            mention_rows.append(self._mention_row(article, article_id, index, ev, event_id, merged_by))
        if created:
            conn.execute(insert(events), list(created.values()))
            if outlet is not None:
                new_outlets.extend(created)
        if changed:
            conn.execute(_UPDATE_EVENT, [self._update_params(row) for row in changed.values()])
        if new_outlets:
            conn.execute(insert(event_outlets), [{"event_id": i, "outlet": outlet} for i in new_outlets])
        return mention_rows, len(created)

    def _write_failure(self, conn: Connection, item: Extracted) -> WriteResult:
        article = item.article
        row_id = failed_id(item.raw_hash)
        values: dict[str, Any] = {
            "status": "failed",
            "url": article.url,
            "source": article.source,
            "outlet": outlet_of(article.url, article.source),
            "title": article.title,
            "published": article.published,
            "published_from": article.published_from,
            "raw_hash": item.raw_hash,
            "error": article.error,
            "input_json": item.input_json,
            "num_events": 0,
            "ingested_at": datetime.now(UTC),
        }
        if conn.execute(select(articles.c.id).where(articles.c.id == row_id)).first() is None:
            conn.execute(insert(articles).values(id=row_id, **values))
        else:
            conn.execute(update(articles).where(articles.c.id == row_id).values(**values))
        return WriteResult("failed", row_id)

    def _record_copy(self, conn: Connection, article_id: str, article: Article, existing: Any) -> None:
        where = article.url or article.source
        if not where or where in (existing.url, existing.source):
            return  # the same input again: nothing to add
        seen = conn.execute(
            select(copies.c.article_id).where(copies.c.article_id == article_id, copies.c.where == where)
        ).first()
        if seen is not None:
            return
        outlet = outlet_of(article.url, article.source)
        conn.execute(
            insert(copies), {"article_id": article_id, "where": where, "outlet": outlet, "published": article.published}
        )
        event_ids = conn.execute(
            select(mentions.c.event_id).where(mentions.c.article_id == article_id).distinct()
        ).scalars()
        for event_id in sorted(event_ids):
            row = conn.execute(select(events).where(events.c.id == event_id)).one()
            changes = self._seen_dates(row, article.published)
            if outlet is not None and self._add_outlet(conn, event_id, outlet):
                changes["num_sources"] = row.num_sources + 1
            if changes:
                conn.execute(_UPDATE_EVENT, self._update_params({**row._mapping, **changes}))

    def _cluster(self, conn: Connection, article_id: str, sig: bytes | None, band_keys: list[int]) -> str:
        """The near-duplicate cluster this article joins: its most similar earlier article's, else its own."""
        if sig is None:
            return article_id
        best: tuple[float, str] | None = None
        for row in conn.execute(_BAND_CANDIDATES, {"keys": band_keys}):
            score = neardup.similarity(sig, row.minhash)
            if score >= neardup.THRESHOLD and (best is None or score > best[0]):
                best = (score, row.cluster_id)
        return article_id if best is None else best[1]

    @staticmethod
    def _view(ev: Event, week: str | None) -> merge.MergeView:
        source_key = ev.source.key if ev.source else None
        target_key = ev.target.key if ev.target else None
        dyad = merge.dyad_key(ev.root, source_key, target_key)
        return merge.MergeView(dyad, ev.root, ev.cameo, ev.status, ev.date, ev.date_precision, week)

    @staticmethod
    def _candidates(conn: Connection, views: list[merge.MergeView], week: str | None) -> dict[int, _NewEvent]:
        """Stored events that may match one of the views: same dyad and root, and the same month or
        publication week (every event the merge rules accept is among them)."""
        dyads = sorted({v.dyad for v in views if v.dyad is not None})
        if not dyads:
            return {}
        roots = sorted({v.root for v in views})
        months = sorted({m for v in views if (m := merge.date_month(v.date, v.precision)) is not None})
        params = {"dyads": dyads, "roots": roots, "months": months, "dyads_": dyads, "roots_": roots, "week": week}
        return {row["id"]: _NewEvent(row) for row in conn.execute(_CANDIDATE_EVENTS, params).mappings()}

    @staticmethod
    def _new_event(
        event_id: int, ev: Event, view: merge.MergeView, article: Article, outlet: str | None
    ) -> _NewEvent:
        loc = ev.location
        source_key = ev.source.key if ev.source else None
        target_key = ev.target.key if ev.target else None
        in_lead = int(ev.sentence == 0)
        week = view.pub_week
        return _NewEvent(
            id=event_id,
            cameo=ev.cameo,
            root=ev.root,
            quad_class=ev.quad_class,
            goldstein=ev.goldstein,
            plover=ev.plover,
            source_actor=ev.source.actor if ev.source else None,
            source_key=source_key,
            source_name=ev.source.name if ev.source else None,
            target_actor=ev.target.actor if ev.target else None,
            target_key=target_key,
            target_name=ev.target.name if ev.target else None,
            status=ev.status,
            date=ev.date,
            date_precision=ev.date_precision,
            event_day=merge.event_day(ev.date, ev.date_precision, article.published),
            location_key=loc.key if loc else None,
            location_name=loc.name if loc else None,
            lat=loc.lat if loc else None,
            lon=loc.lon if loc else None,
            num_mentions=1,
            num_sources=int(outlet is not None),
            num_articles=1,
            first_seen=article.published,
            last_seen=article.published,
            confidence=ev.confidence,
            in_lead=in_lead,
            source_url=article.url,
            dyad=view.dyad,
            date_month=merge.date_month(ev.date, ev.date_precision),
            pub_week=week,
        )

    def _find_event(
        self, view: merge.MergeView, cluster_rows: list[_NewEvent], rows: list[_NewEvent]
    ) -> tuple[Any, str]:
        """The event a mention joins, and how: through its near-duplicate cluster, or by the rules."""
        if view.dyad is None:
            return None, "new"
        best = self._best(view, cluster_rows, same_cluster=True)
        if best is not None:
            return best, "cluster"
        if merge.date_month(view.date, view.precision) is None and view.pub_week is None:
            return None, "new"
        best = self._best(view, rows, same_cluster=False)
        return (best, "rules") if best is not None else (None, "new")

    @staticmethod
    def _best(view: merge.MergeView, rows: list[Any], *, same_cluster: bool) -> Any:
        scored = []
        for row in rows:
            other = merge.MergeView(
                row.dyad, row.root, row.cameo, row.status, row.date, row.date_precision, row.pub_week
            )
            if merge.compatible(view, other, same_cluster=same_cluster):
                first_seen = row.first_seen or date.max
                scored.append((merge.preference(view, other), first_seen, row.id, row))
        return min(scored, key=lambda s: s[:3])[3] if scored else None

    def _merge_changes(
        self,
        row: Any,
        ev: Event,
        article: Article,
        view: merge.MergeView,
        touched: set[int],
        in_lead: int,
    ) -> dict[str, Any]:
        changes: dict[str, Any] = {"num_mentions": row.num_mentions + 1}
        if row.id not in touched:
            changes["num_articles"] = row.num_articles + 1
        changes.update(self._seen_dates(row, article.published))
        if row.pub_week is None and view.pub_week is not None:
            changes["pub_week"] = view.pub_week
        # A more precise date refines the event, but only one that agreed with it by the date rules.
        if (
            ev.date
            and merge.more_precise(ev.date_precision, row.date_precision)
            and merge.dates_compatible(
                view, merge.MergeView(row.dyad, row.root, row.cameo, row.status, row.date, row.date_precision, row.pub_week)
            )
        ):
            changes.update(
                date=ev.date,
                date_precision=ev.date_precision,
                date_month=merge.date_month(ev.date, ev.date_precision),
                event_day=merge.event_day(ev.date, ev.date_precision, row.first_seen or article.published),
            )
        if merge.is_bare_root(row.cameo) and not merge.is_bare_root(ev.cameo):
            changes.update(cameo=ev.cameo, quad_class=ev.quad_class, goldstein=ev.goldstein, plover=ev.plover)
        same_order = ev.source is not None and ev.source.key == row.source_key
        if same_order:
            if row.source_actor is None and ev.source.actor:
                changes.update(source_actor=ev.source.actor, source_name=ev.source.name)
            if ev.target is not None and row.target_actor is None and ev.target.actor:
                changes.update(target_actor=ev.target.actor, target_name=ev.target.name)
        if row.location_key is None and ev.location is not None and ev.location.key:
            loc = ev.location
            changes.update(location_key=loc.key, location_name=loc.name, lat=loc.lat, lon=loc.lon)
        if row.source_url is None and article.url:
            changes["source_url"] = article.url
        if ev.confidence is not None and (row.confidence is None or ev.confidence > row.confidence):
            changes["confidence"] = ev.confidence
        if in_lead and not row.in_lead:
            changes["in_lead"] = 1
        return changes

    @staticmethod
    def _seen_dates(row: Any, published: date | None) -> dict[str, Any]:
        if published is None:
            return {}
        changes = {}
        if row.first_seen is None or published < row.first_seen:
            changes["first_seen"] = published
        if row.last_seen is None or published > row.last_seen:
            changes["last_seen"] = published
        return changes

    @staticmethod
    def _add_outlet(conn: Connection, event_id: int, outlet: str) -> bool:
        """Record that `outlet` reported the event; True when it had not before."""
        seen = conn.execute(_OUTLET_SEEN, {"event_id": event_id, "outlet": outlet}).scalar_one()
        if seen:
            return False
        conn.execute(insert(event_outlets), {"event_id": event_id, "outlet": outlet})
        return True

    @staticmethod
    def _update_params(row: dict[str, Any]) -> dict[str, Any]:
        return {"event_id_": row["id"], **{name + "_": row[name] for name in _EVENT_FIELDS}}

    @staticmethod
    def _mention_row(
        article: Article, article_id: str, index: int, ev: Event, event_id: int, merged_by: str
    ) -> dict[str, Any]:
        sentence = article.sentences[ev.sentence] if 0 <= ev.sentence < len(article.sentences) else None
        return {
            "article_id": article_id,
            "idx": index,
            "event_id": event_id,
            "sentence": ev.sentence,
            "sentence_start": sentence.start if sentence else None,
            "sentence_end": sentence.end if sentence else None,
            "trigger_text": ev.trigger.text,
            "trigger_start": ev.trigger.start,
            "trigger_end": ev.trigger.end,
            "source_text": ev.source.text if ev.source else None,
            "source_actor": ev.source.actor if ev.source else None,
            "source_key": ev.source.key if ev.source else None,
            "target_text": ev.target.text if ev.target else None,
            "target_actor": ev.target.actor if ev.target else None,
            "target_key": ev.target.key if ev.target else None,
            "cameo": ev.cameo,
            "root": ev.root,
            "quad_class": ev.quad_class,
            "goldstein": ev.goldstein,
            "plover": ev.plover,
            "status": ev.status,
            "date": ev.date,
            "date_precision": ev.date_precision,
            "location_text": ev.location.text if ev.location else None,
            "location_key": ev.location.key if ev.location else None,
            "attribution": ev.attribution,
            "confidence": ev.confidence,
            "merged_by": merged_by,
        }

