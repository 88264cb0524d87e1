"""The one writer: each extracted article goes into the store within one transaction (the article, its
entities, its near-duplicate bands, its mentions and the merges of those into events; a transaction
holds many whole articles: ingest.WRITE_BATCH), so a crash at any moment leaves the store as it was after the last whole
transaction, and a re-run completes it.

A transaction's new articles are written together (_Batch): what their merges need is read in a few
statements for all of them (earlier articles sharing a LSH band, candidate events keyed by dyad, root
and month or week, the events of their near-duplicate clusters, the outlets that reported those),
merged in memory in input order, exactly as one article after another would be, and written back in
one statement per table. Writing costs a few statements per transaction, not per article.

An article already stored (same id: the hash of its cleaned text) is not written again; seen under
another URL or outlet it is recorded as a copy, which counts towards its events' sources.

One article's values never fail the others: a transaction's articles are written inside a savepoint, and
when the store refuses one of them (a value too long for its column, an index row over PostgreSQL's
limit), each is written again in a savepoint of its own; the one refused becomes a failure record with
the store's reason (storable.is_article_fault tells that from the store itself failing, which still
fails the whole transaction). Text is first made storable (storable.make_storable: no NUL, no lone
surrogate) on both stores alike.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from operator import itemgetter
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import (
    Connection,
    Date,
    Dialect,
    Engine,
    Table,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError, OperationalError

from hadath.alerts.delivery import BackgroundDelivery
from hadath.model import Article, Event
from hadath.store import merge, neardup
from hadath.store.alerts import record_alerts
from hadath.store.engine import STORE_ERRORS, database_error, is_sqlite
from hadath.store.schema import articles, bands, copies, entities, event_outlets, events, mentions
from hadath.store.storable import is_article_fault, make_storable, model_problem, storable_text

LOCK_RETRIES = 5
OUTLET_CHARS = 255  # an outlet is a host name (at most 253) or a source label: longer is cut
# What writing an article can raise because of its values (hand-made `hadath extract` output holds
# anything JSON can): the store refusing one (is_article_fault tells), or our code on a value of a
# shape it does not expect. Any of these fails that article alone.
_ARTICLE_ERRORS = (DBAPIError, TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError)
PG_WRITER_LOCK = 72011
# The writing connection's settings: a page cache that holds the hot index pages of a growing store
# (the default 2 MB is re-read from the file at every transaction), and a checkpoint every ~40 MB of
# WAL rather than every 4 MB (each checkpoint is an fsync; in WAL mode durability is unchanged).
SQLITE_WRITER_PRAGMAS = ("cache_size = -32768", "wal_autocheckpoint = 10000")

# Statements used for every transaction, built once (building SQLAlchemy expressions costs more than running them).
IN_CHUNK = 1000  # values per IN list (SQLite allows 32766 bound values in one statement)
_ARTICLE_SEEN = select(articles.c.url, articles.c.source).where(articles.c.id == bindparam("id"))
_ARTICLES_SEEN = select(articles.c.id, articles.c.url, articles.c.source).where(
    articles.c.id.in_(bindparam("ids", expanding=True))
)
_BANDS_SHARED = select(bands.c.key, bands.c.article_id).where(bands.c.key.in_(bindparam("keys", expanding=True)))
_SIGNATURES = select(articles.c.id, articles.c.minhash, articles.c.cluster_id).where(
    articles.c.id.in_(bindparam("ids", expanding=True))
)
# Driven from the clusters' few articles (filtering on the dyad first would scan all its events).
_CLUSTER_EVENT_IDS = (
    select(articles.c.cluster_id, mentions.c.event_id)
    .join(articles, articles.c.id == mentions.c.article_id)
    .where(articles.c.cluster_id.in_(bindparam("clusters", expanding=True)))
    .distinct()
)
_EVENTS_BY_ID = select(events).where(events.c.id.in_(bindparam("ids", expanding=True)))
# PostgreSQL takes a whole list as one array parameter.
_PG_BANDS_SHARED = "SELECT key, article_id FROM bands WHERE key = ANY(%s::bigint[])"
_PG_OUTLETS_OF = "SELECT event_id, outlet FROM event_outlets WHERE event_id = ANY(%s::bigint[]) AND outlet = ANY(%s::text[])"
_DELETE_FAILED_MANY = delete(articles).where(
    articles.c.raw_hash.in_(bindparam("raw_hashes", expanding=True)), articles.c.status == "failed"
)
_OUTLETS_OF = select(event_outlets.c.event_id, event_outlets.c.outlet).where(
    event_outlets.c.event_id.in_(bindparam("ids", expanding=True)),
    event_outlets.c.outlet.in_(bindparam("outlets", expanding=True)),
)
_EVENT_FIELDS = [c.name for c in events.c if c.name != "id"]
_EVENT_COLUMNS = ", ".join(f"events.{c.name}" for c in events.c)
_EVENT_DATES = [c.name for c in events.c if isinstance(c.type, Date)]
# Every field at once, so that one compiled statement serves every merge (bind names must differ from columns).
_UPDATE_EVENT = (
    update(events)
    .where(events.c.id == bindparam("event_id_"))
    .values({name: bindparam(name + "_") for name in _EVENT_FIELDS})
)
_OUTLET_SEEN = select(func.count()).select_from(event_outlets).where(
    event_outlets.c.event_id == bindparam("event_id"), event_outlets.c.outlet == bindparam("outlet")
)


# Rows are written through the driver's executemany: SQLAlchemy's per-row parameter processing costs
# more than SQLite's inserts themselves. Values go through the column types' own bind processors, so
# they are stored exactly as SQLAlchemy would store them (dates as ISO text on SQLite).
@dataclass(frozen=True)
class _DriverStatement:
    sql: str
    values_of: Callable[[dict[str, Any]], tuple[Any, ...]]  # a row (every column named) -> its parameters


def _driver_statement(dialect: Dialect, table: Table, sql: str, names: list[str]) -> _DriverStatement:
    pick = itemgetter(*names)
    processors = [(i, p) for i, name in enumerate(names) if (p := table.c[name].type.bind_processor(dialect))]
    if not processors:
        return _DriverStatement(sql, pick)

    def values_of(row: dict[str, Any]) -> tuple[Any, ...]:
        values = list(pick(row))
        for i, process in processors:
            values[i] = process(values[i])
        return tuple(values)

    return _DriverStatement(sql, values_of)


def _mark(dialect: Dialect) -> str:
    return "?" if dialect.paramstyle == "qmark" else "%s"


@cache
def _driver_insert(dialect: Dialect, table: Table) -> _DriverStatement:
    names = [c.name for c in table.c if not (c.primary_key and c.autoincrement is True)]
    columns = ", ".join(dialect.identifier_preparer.quote(n) for n in names)
    marks = ", ".join([_mark(dialect)] * len(names))
    return _driver_statement(dialect, table, f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", names)


@cache
def _driver_update_event(dialect: Dialect) -> _DriverStatement:
    """UPDATE events SET every field WHERE id = …: one statement for every merge."""
    quote, mark = dialect.identifier_preparer.quote, _mark(dialect)
    assignments = ", ".join(f"{quote(name)} = {mark}" for name in _EVENT_FIELDS)
    sql = f"UPDATE events SET {assignments} WHERE id = {mark}"
    return _driver_statement(dialect, events, sql, [*_EVENT_FIELDS, "id"])


def _insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    statement = _driver_insert(conn.dialect, table)
    if _is_postgres(conn):
        _copy_rows(conn, table, statement, rows)
    else:
        conn.exec_driver_sql(statement.sql, [statement.values_of(row) for row in rows])


def _copy_rows(conn: Connection, table: Table, statement: _DriverStatement, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL's COPY: a fraction of the server's and the client's work of one INSERT per row."""
    import psycopg

    columns = statement.sql[statement.sql.index("(") : statement.sql.index(")") + 1]
    sql = f"COPY {table.name} {columns} FROM STDIN"
    try:
        with conn.connection.driver_connection.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(statement.values_of(row))
    except psycopg.Error as exc:
        # As SQLAlchemy reports a failed statement, so that the caller's one-line error applies.
        raise DBAPIError(sql, None, exc) from exc


def _is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"

@dataclass
class Extracted:
    """An article after extraction, ready for the writer."""

    article: Article
    raw_hash: str  # hash of the input as read: lets a re-run skip it before extracting again
    signature: bytes | None = None  # MinHash signature (neardup.py), computed by the extractor
    input_json: str | None = None  # the input as read, kept for failed articles so they can be retried
    search_text: str | None = None  # fulltext.search_document, computed by the extractor
    coder_version: str | None = None  # hadath.coder_version of the extractor; None: not known (extract output)


@dataclass
class WriteResult:
    outcome: str  # new | duplicate | failed
    article_id: str
    events_new: int = 0
    mentions: int = 0


class _NewEvent(dict):
    """An event row, read from the store or created in this transaction, read like a database row and
    changed in place until it is written."""

    __getattr__ = dict.__getitem__


def _event_row(row: Any) -> _NewEvent:
    """An events row read with the driver's SQL, its dates as SQLAlchemy reads them (SQLite keeps text)."""
    event = _NewEvent(row)
    for name in _EVENT_DATES:
        if isinstance(event[name], str):
            event[name] = date.fromisoformat(event[name])
    return event


def _casualties(ev: Event) -> dict[str, Any]:
    """The casualty columns of an event or a mention, as the article reported them."""
    return {
        "fatalities": ev.fatalities,
        "injured": ev.injured,
        "fatalities_lower_bound": ev.fatalities_lower_bound,
        "injured_lower_bound": ev.injured_lower_bound,
    }


def failed_id(raw_hash: str) -> str:
    return "failed-" + raw_hash[:24]


def outlet_of(url: str | None, source: str | None) -> str | None:
    """Who published it: the URL's host without "www.", else the input's source (cut to OUTLET_CHARS:
    it is a key of event_outlets)."""
    if url:
        try:
            host = urlsplit(url).hostname
        except ValueError:  # "http://[::1": not a URL after all
            host = None
        if host:
            return host.removeprefix("www.")[:OUTLET_CHARS]
    return source[:OUTLET_CHARS] if source else None


@dataclass
class _Batch:
    """What one transaction reads of the store for a run of new articles and is about to write to it.

    Event rows are read once for the whole run (every row a merge of one of its articles could choose
    is among them), changed in memory article after article, and written back when the run ends: the
    merges are those of writing the articles one by one, in fewer statements.
    """

    article_rows: list[dict[str, Any]] = field(default_factory=list)
    band_rows: list[dict[str, Any]] = field(default_factory=list)
    entity_rows: list[dict[str, Any]] = field(default_factory=list)
    mention_rows: list[dict[str, Any]] = field(default_factory=list)
    events: dict[int, _NewEvent] = field(default_factory=dict)  # every event row read or created, as it now is
    # The same rows by (dyad, root, month) and (dyad, root, publication week): every row the date rules
    # can accept for a mention is under its month or its week (a row whose keys change is filed again;
    # entries left under its old keys are skipped on lookup).
    by_month: dict[tuple[str, str, str], list[_NewEvent]] = field(default_factory=dict)
    by_week: dict[tuple[str, str, str], list[_NewEvent]] = field(default_factory=dict)
    created: dict[int, None] = field(default_factory=dict)  # ids to insert, in order of creation
    changed: dict[int, None] = field(default_factory=dict)  # ids of stored rows to update
    outlets: set[tuple[int, str]] = field(default_factory=set)  # (event, outlet) reported, stored or new
    new_outlets: list[tuple[int, str]] = field(default_factory=list)
    # cluster id -> dyad -> the events its articles mention (stored and new), by id
    cluster_events: dict[str, dict[str | None, dict[int, _NewEvent]]] = field(default_factory=dict)

    def add_event(self, row: _NewEvent) -> None:
        if row.id not in self.events:
            self.events[row.id] = row
            self.file(row)

    def file(self, row: _NewEvent) -> None:
        if row.dyad is None:
            return
        if row.date_month is not None:
            self.by_month.setdefault((row.dyad, row.root, row.date_month), []).append(row)
        if row.pub_week is not None:
            self.by_week.setdefault((row.dyad, row.root, row.pub_week), []).append(row)

    def candidates(self, view: merge.MergeView) -> list[_NewEvent]:
        """Rows under the view's month or publication week (either list may hold a row twice: harmless,
        the choice among them is a minimum)."""
        rows: list[_NewEvent] = []
        month = merge.date_month(view.date, view.precision)
        if month is not None:
            rows += [r for r in self.by_month.get((view.dyad, view.root, month), ()) if r.date_month == month]
        if view.pub_week is not None:
            key = (view.dyad, view.root, view.pub_week)
            rows += [r for r in self.by_week.get(key, ()) if r.pub_week == view.pub_week]
        return rows

    def mentioned_in(self, cluster_id: str, event_ids: Iterable[int]) -> None:
        by_dyad = self.cluster_events.setdefault(cluster_id, {})
        for event_id in event_ids:
            row = self.events[event_id]
            by_dyad.setdefault(row.dyad, {})[event_id] = row


def _chunks(values: Sequence[Any], size: int = IN_CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


class StoreWriter:
    """Writes Extracted articles into the store at `engine`, whole articles per transaction."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self.seconds = 0.0  # time spent writing, for the ingest summary and the benchmark
        self.alerts_raised = 0  # alerts stored by this writer's transactions (hadath.store.alerts)
        self._touched: set[int] = set()  # events created or changed in the open transaction
        self._delivery: BackgroundDelivery | None = None

    def write(self, item: Extracted) -> WriteResult:
        return self.write_many([item])[0]

    def deliver_in_background(self) -> None:
        """Send due alerts to their webhooks in a thread (hadath.alerts.delivery): never in the way of writing."""
        if self._delivery is None:
            self._delivery = BackgroundDelivery(self.engine)
        self._delivery.kick()

    def wait_for_delivery(self, timeout: float | None = None) -> None:
        """Let the background delivery finish (a command about to exit); what it has not sent stays due."""
        if self._delivery is not None:
            self._delivery.wait(timeout)

    def write_many(self, items: list[Extracted]) -> list[WriteResult]:
        """Write several articles in one transaction (one commit is most of a small article's cost).

        Each article is still all or nothing: the transaction holds whole articles only, in input order.
        """
        started = time.perf_counter()
        for item in items:
            self._make_storable(item)
        try:
            for attempt in range(LOCK_RETRIES):
                try:
                    with self.engine.begin() as conn:
                        if is_sqlite(self.engine):
                            for pragma in SQLITE_WRITER_PRAGMAS:
                                conn.exec_driver_sql(f"PRAGMA {pragma}")
                        else:
                            # One writer at a time per PostgreSQL store, so merges see each other.
                            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITER_LOCK})")
                        self._touched = set()
                        results = self._write_all(conn, items)
                        # Alerts are stored with the events they match, in the same transaction.
                        raised = record_alerts(conn, self._touched)
                    self.alerts_raised += raised
                    if raised:
                        self.deliver_in_background()
                    return results
                except OperationalError as exc:
                    if "locked" not in str(exc.orig) or attempt == LOCK_RETRIES - 1:
                        raise
                    time.sleep(0.5 * (attempt + 1))
            raise AssertionError("unreachable")
        except STORE_ERRORS as exc:
            raise database_error(exc, self.url, "cannot write to the store") from None
        finally:
            self.seconds += time.perf_counter() - started

    @staticmethod
    def _make_storable(item: Extracted) -> None:
        """NUL and lone surrogates out of every text the item writes (before its id is taken: the id
        is the hash of the text as stored); an article with a value not of the model's type is a
        failure record."""
        article = item.article
        if article.error is None and (problem := model_problem(article)) is not None:
            article.error = f"not an article Hadath can store: {problem}"
        if make_storable(article) and item.search_text is not None:
            item.search_text = storable_text(item.search_text)
        item.input_json = storable_text(item.input_json)

    def _write_all(self, conn: Connection, items: list[Extracted]) -> list[WriteResult]:
        """All the articles in one savepoint; when the store refuses a value of one of them, each again
        in a savepoint of its own, so that only the one refused fails (a failure record with the
        store's reason). A failure of the store itself ends the transaction."""
        if len(items) > 1:
            try:
                with conn.begin_nested():
                    return self._write_items(conn, items)
            except _ARTICLE_ERRORS as exc:
                if not is_article_fault(exc):
                    raise
        results: list[WriteResult] = []
        for item in items:
            try:
                with conn.begin_nested():
                    results += self._write_items(conn, [item])
            except _ARTICLE_ERRORS as exc:
                if not is_article_fault(exc):
                    raise
                results.append(self._write_refused(conn, item, exc))
        return results

    def _write_refused(self, conn: Connection, item: Extracted, exc: BaseException) -> WriteResult:
        """The failure record of an article the store refused: its reason, without the store's URL."""
        original = getattr(exc, "orig", None) or exc
        lines = str(original).strip().splitlines()
        reason = lines[0] if lines else type(original).__name__
        if not isinstance(exc, DBAPIError):
            reason = f"{type(original).__name__}: {reason}"
        item.article.error = f"the store refused it: {reason}"
        try:
            with conn.begin_nested():
                return self._write_failure(conn, item)
        except _ARTICLE_ERRORS as again:
            if not is_article_fault(again):
                raise
        # Even its failure record is refused (its URL or title): keep the record without them.
        article = item.article
        article.url, article.title, article.source = None, None, article.source[:OUTLET_CHARS]
        item.input_json = None
        with conn.begin_nested():
            return self._write_failure(conn, item)

    def _write_items(self, conn: Connection, items: list[Extracted]) -> list[WriteResult]:
        """Runs of extracted articles are written together; a failure record is written where it comes."""
        results: list[WriteResult] = []
        run: list[Extracted] = []
        for item in items:
            if item.article.error is None:
                run.append(item)
                continue
            results += self._write_run(conn, run)
            run = []
            results.append(self._write_failure(conn, item))
        results += self._write_run(conn, run)
        return results

    def _write_run(self, conn: Connection, items: list[Extracted]) -> list[WriteResult]:
        """New articles are batched; an article already stored (or earlier in the run) is a copy,
        recorded once everything before it is written."""
        if not items:
            return []
        ids = sorted({item.article.id for item in items})
        stored = {row.id: row for chunk in _chunks(ids) for row in conn.execute(_ARTICLES_SEEN, {"ids": chunk})}
        results: list[WriteResult] = []
        group: list[Extracted] = []
        new_ids: set[str] = set()  # articles of this run, written or in `group`
        for item in items:
            article_id = item.article.id
            if article_id not in stored and article_id not in new_ids:
                group.append(item)
                new_ids.add(article_id)
                continue
            results += self._write_new(conn, group)
            group = []
            if article_id not in stored:
                stored[article_id] = conn.execute(_ARTICLE_SEEN, {"id": article_id}).one()
            self._record_copy(conn, article_id, item.article, stored[article_id])
            results.append(WriteResult("duplicate", article_id))
        results += self._write_new(conn, group)
        return results

    def _write_new(self, conn: Connection, items: list[Extracted]) -> list[WriteResult]:
        """Articles not in the store, with distinct ids: read what their merges need, merge, write."""
        if not items:
            return []
        # A retry that now succeeds replaces the failure record of the same input.
        for chunk in _chunks(sorted({item.raw_hash for item in items})):
            conn.execute(_DELETE_FAILED_MANY, {"raw_hashes": chunk})
        clusters = self._clusters(conn, items)
        batch = _Batch()
        weeks = [merge.publication_week(item.article.published) for item in items]
        views = [[self._view(ev, week) for ev in item.article.events] for item, week in zip(items, weeks, strict=True)]
        self._read_candidates(conn, batch, [v for article_views in views for v in article_views])
        joined = sorted({c for item, (c, _) in zip(items, clusters, strict=True) if c != item.article.id})
        self._read_cluster_events(conn, batch, joined)
        outlets = sorted({o for item in items if (o := outlet_of(item.article.url, item.article.source)) is not None})
        ids = list(batch.events)
        if outlets and ids and _is_postgres(conn):
            batch.outlets.update((e, o) for e, o in conn.exec_driver_sql(_PG_OUTLETS_OF, (ids, outlets)))
        elif outlets:
            for chunk in _chunks(ids):
                batch.outlets.update((e, o) for e, o in conn.execute(_OUTLETS_OF, {"ids": chunk, "outlets": outlets}))
        results = [
            self._add_article(batch, item, cluster_id, band_keys, article_views)
            for item, (cluster_id, band_keys), article_views in zip(items, clusters, views, strict=True)
        ]
        self._flush(conn, batch)
        self._touched.update(batch.created)
        self._touched.update(batch.changed)
        return results

    def _clusters(self, conn: Connection, items: list[Extracted]) -> list[tuple[str, list[int]]]:
        """Each article's near-duplicate cluster (its most similar earlier article's, else its own;
        ties: the lowest id) and its LSH band keys. Earlier articles are the stored ones sharing a band
        and those before it in `items`."""
        keys = [neardup.band_keys(item.signature) if item.signature is not None else [] for item in items]
        sharing: dict[int, set[str]] = {}  # band key -> articles with that band
        all_keys = sorted({k for article_keys in keys for k in article_keys})
        if _is_postgres(conn):
            # One array parameter: a 4,000-value IN list costs more to bind than to look up.
            found = conn.exec_driver_sql(_PG_BANDS_SHARED, (all_keys,)).all() if all_keys else []
        else:
            found = [row for chunk in _chunks(all_keys) for row in conn.execute(_BANDS_SHARED, {"keys": chunk})]
        for key, article_id in found:
            sharing.setdefault(key, set()).add(article_id)
        signed: dict[str, tuple[bytes, str]] = {}  # article id -> (signature, cluster id)
        for chunk in _chunks(sorted({a for ids in sharing.values() for a in ids})):
            for article_id, sig, cluster_id in conn.execute(_SIGNATURES, {"ids": chunk}):
                signed[article_id] = (sig, cluster_id)
        out = []
        for item, article_keys in zip(items, keys, strict=True):
            article_id = item.article.id
            if item.signature is None:
                out.append((article_id, article_keys))
                continue
            best: tuple[float, str] | None = None
            for other in sorted({a for k in article_keys for a in sharing.get(k, ())}):
                other_sig, other_cluster = signed[other]
                score = neardup.similarity(item.signature, other_sig)
                if score >= neardup.THRESHOLD and (best is None or score > best[0]):
                    best = (score, other_cluster)
            cluster_id = article_id if best is None else best[1]
            out.append((cluster_id, article_keys))
            signed[article_id] = (item.signature, cluster_id)
            for k in article_keys:
                sharing.setdefault(k, set()).add(article_id)
        return out

    @staticmethod
    def _read_candidates(conn: Connection, batch: _Batch, views: list[merge.MergeView]) -> None:
        """Stored events that may match one of the views: same dyad and root, and the same month or
        publication week (every event the merge rules accept is among them), by an indexed join."""
        months = sorted(
            {(v.dyad, v.root, m) for v in views if v.dyad is not None and (m := merge.date_month(v.date, v.precision))}
        )
        weeks = sorted({(v.dyad, v.root, v.pub_week) for v in views if v.dyad is not None and v.pub_week})
        for wanted, key in ((months, "date_month"), (weeks, "pub_week")):
            # The driver's SQL: building this in SQLAlchemy costs ten times what running it does.
            if _is_postgres(conn) and wanted:
                dyads, roots, keys = (list(column) for column in zip(*wanted, strict=True))
                query = (
                    f"SELECT {_EVENT_COLUMNS} FROM events JOIN unnest(%s::text[], %s::text[], %s::text[]) "
                    f"AS wanted(dyad, root, k) "
                    f"ON events.dyad = wanted.dyad AND events.root = wanted.root AND events.{key} = wanted.k"
                )
                for row in conn.exec_driver_sql(query, (dyads, roots, keys)).mappings():
                    batch.add_event(_event_row(row))
                continue
            for chunk in _chunks(wanted, IN_CHUNK // 3):
                rows = ", ".join(["(?, ?, ?)"] * len(chunk))
                query = (
                    f"WITH wanted(dyad, root, k) AS (VALUES {rows}) SELECT {_EVENT_COLUMNS} FROM events JOIN wanted "
                    f"ON events.dyad = wanted.dyad AND events.root = wanted.root AND events.{key} = wanted.k"
                )
                params = tuple(value for triple in chunk for value in triple)
                for row in conn.exec_driver_sql(query, params).mappings():
                    batch.add_event(_event_row(row))

    @staticmethod
    def _read_cluster_events(conn: Connection, batch: _Batch, clusters: list[str]) -> None:
        """The events mentioned by the stored articles of `clusters`, and their rows."""
        mentioned: dict[str, list[int]] = {}
        for chunk in _chunks(clusters):
            for cluster_id, event_id in conn.execute(_CLUSTER_EVENT_IDS, {"clusters": chunk}):
                mentioned.setdefault(cluster_id, []).append(event_id)
        missing = sorted({i for ids in mentioned.values() for i in ids} - batch.events.keys())
        for chunk in _chunks(missing):
            for row in conn.execute(_EVENTS_BY_ID, {"ids": chunk}).mappings():
                batch.add_event(_NewEvent(row))
        for cluster_id, event_ids in mentioned.items():
            batch.mentioned_in(cluster_id, event_ids)

    def _add_article(
        self,
        batch: _Batch,
        item: Extracted,
        cluster_id: str,
        band_keys: list[int],
        views: list[merge.MergeView],
    ) -> WriteResult:
        article = item.article
        article_id = article.id
        batch.article_rows.append(
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
                error=None,
                input_json=None,
                ingested_at=datetime.now(UTC),
                coder_version=item.coder_version,
            )
        )
        batch.band_rows.extend({"key": key, "article_id": article_id} for key in band_keys)
        batch.entity_rows.extend(
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
        )
        result = WriteResult("new", article_id)
        if article.events:
            mention_rows, result.events_new = self._merge_events(
                batch, article, article_id, cluster_id, views, item.coder_version
            )
            batch.mention_rows.extend(mention_rows)
            result.mentions = len(mention_rows)
        return result

    def _merge_events(
        self,
        batch: _Batch,
        article: Article,
        article_id: str,
        cluster_id: str,
        views: list[merge.MergeView],
        coder_version: str | None,
    ) -> tuple[list[dict[str, Any]], int]:
        """Attach each event of the article to its merged event (see merge.py); the mention rows and
        how many events are new. Rows change in `batch`, to be written when the batch is."""
        outlet = outlet_of(article.url, article.source)
        cluster_rows: dict[str | None, dict[int, _NewEvent]] = {}
        if cluster_id != article_id:
            cluster_rows = batch.cluster_events.get(cluster_id, {})
        created: dict[int, _NewEvent] = {}  # events this article creates
        touched: set[int] = set()  # events this article has mentioned already
        mention_rows = []
        for index, (ev, view) in enumerate(zip(article.events, views, strict=True)):
            chosen, merged_by = self._find_event(view, cluster_rows.get(view.dyad, {}).values(), batch)
            if chosen is None:
                event_id = merge.event_id(article_id, index)
                created[event_id] = self._new_event(event_id, ev, view, article, outlet, coder_version)
                batch.add_event(created[event_id])
                batch.created[event_id] = None
                if outlet is not None:
                    batch.outlets.add((event_id, outlet))
                    batch.new_outlets.append((event_id, outlet))
            else:
                event_id = chosen.id
                changes = self._merge_changes(chosen, ev, article, view, touched, int(ev.sentence == 0))
                if event_id not in created:
                    if outlet is not None and (event_id, outlet) not in batch.outlets:
                        batch.outlets.add((event_id, outlet))
                        batch.new_outlets.append((event_id, outlet))
                        changes["num_sources"] = chosen.num_sources + 1
                    if event_id not in batch.created:
                        batch.changed[event_id] = None
                chosen.update(changes)
                if "date_month" in changes or "pub_week" in changes:
                    batch.file(chosen)
            touched.add(event_id)
            mention_rows.append(self._mention_row(article, article_id, index, ev, event_id, merged_by, coder_version))
        batch.mentioned_in(cluster_id, touched)
        return mention_rows, len(created)

    @staticmethod
    def _flush(conn: Connection, batch: _Batch) -> None:
        """Write the batch: one statement per table, parents before children (foreign keys)."""
        _insert_rows(conn, articles, batch.article_rows)
        _insert_rows(conn, bands, batch.band_rows)
        _insert_rows(conn, entities, batch.entity_rows)
        _insert_rows(conn, events, [batch.events[i] for i in batch.created])
        if batch.changed:
            update = _driver_update_event(conn.dialect)
            conn.exec_driver_sql(update.sql, [update.values_of(batch.events[i]) for i in batch.changed])
        _insert_rows(conn, mentions, batch.mention_rows)
        _insert_rows(conn, event_outlets, [{"event_id": e, "outlet": o} for e, o in batch.new_outlets])

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
                self._touched.add(event_id)

    @staticmethod
    def _view(ev: Event, week: str | None) -> merge.MergeView:
        source_key = ev.source.key if ev.source else None
        target_key = ev.target.key if ev.target else None
        dyad = merge.dyad_key(ev.root, source_key, target_key)
        return merge.MergeView(dyad, ev.root, ev.cameo, ev.status, ev.date, ev.date_precision, week)

    @staticmethod
    def _new_event(
        event_id: int, ev: Event, view: merge.MergeView, article: Article, outlet: str | None, coder_version: str | None
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
            location_precision=loc.precision if loc else None,
            num_mentions=1,
            num_sources=int(outlet is not None),
            num_articles=1,
            first_seen=article.published,
            last_seen=article.published,
            confidence=ev.confidence,
            in_lead=in_lead,
            source_url=article.url,
            **_casualties(ev),
            dyad=view.dyad,
            date_month=merge.date_month(ev.date, ev.date_precision),
            pub_week=week,
            coder_version=coder_version,
        )

    def _find_event(
        self, view: merge.MergeView, cluster_rows: Iterable[_NewEvent], batch: _Batch
    ) -> tuple[Any, str]:
        """The event a mention joins, and how: through its near-duplicate cluster, or by the rules."""
        if view.dyad is None:
            return None, "new"
        best = self._best(view, cluster_rows, same_cluster=True)
        if best is not None:
            return best, "cluster"
        if merge.date_month(view.date, view.precision) is None and view.pub_week is None:
            return None, "new"
        best = self._best(view, batch.candidates(view), same_cluster=False)
        return (best, "rules") if best is not None else (None, "new")

    @staticmethod
    def _best(view: merge.MergeView, rows: Iterable[Any], *, same_cluster: bool) -> Any:
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
        if merge.better_location(ev.location, row):
            loc = ev.location
            changes.update(location_key=loc.key, location_name=loc.name, lat=loc.lat, lon=loc.lon,
                           location_precision=loc.precision)
        if row.source_url is None and article.url:
            changes["source_url"] = article.url
        if ev.confidence is not None and (row.confidence is None or ev.confidence > row.confidence):
            changes["confidence"] = ev.confidence
        if in_lead and not row.in_lead:
            changes["in_lead"] = 1
        for count, flag in (("fatalities", "fatalities_lower_bound"), ("injured", "injured_lower_bound")):
            kept = merge.casualty_count((row[count], row[flag]), (getattr(ev, count), getattr(ev, flag)))
            if kept[0] != row[count] or kept[0] is not None and kept[1] != bool(row[flag]):
                changes.update({count: kept[0], flag: kept[1]})
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
        article: Article,
        article_id: str,
        index: int,
        ev: Event,
        event_id: int,
        merged_by: str,
        coder_version: str | None,
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
            "date_source": ev.date_source,
            "location_text": ev.location.text if ev.location else None,
            "location_key": ev.location.key if ev.location else None,
            "location_precision": ev.location.precision if ev.location else None,
            "attribution": ev.attribution,
            "confidence": ev.confidence,
            **_casualties(ev),
            "merged_by": merged_by,
            "coder_version": coder_version,
        }

