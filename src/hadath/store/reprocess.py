"""`hadath reprocess`: re-code stored articles with the current coder and write the difference.

Articles are read from the store a page at a time (by id), coded again after cleaning (their stored text
is the cleaner's output, which every stored offset points into) in this process, in worker processes or
on a Dask cluster as `hadath ingest` does, and written in batches, one transaction each (recode.py).
Each article written records the coder version that coded it, so an interrupted run resumes where it
stopped: by default only articles the current coder has not coded are selected. `--dry-run` does the
same work in one transaction and rolls it back, so its counts are exactly those of a real run.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from hadath.coder_version import coder_version, is_below
from hadath.model import Article
from hadath.store.alerts import record_alerts
from hadath.store.engine import STORE_ERRORS, database_error, is_sqlite, make_engine
from hadath.store.ingest import Ingester, Pending
from hadath.store.recode import (
    COMPARED_EVENT_FIELDS,
    EventChange,
    Recoded,
    RecodeResult,
    RecodeWriter,
    keep_ids,
    reports_of,
)
from hadath.store.schema import articles
from hadath.store.storable import is_article_fault
from hadath.store.writer import _ARTICLE_ERRORS, PG_WRITER_LOCK, SQLITE_WRITER_PRAGMAS

PAGE = 256  # articles read from the store at a time, and written per transaction
EXAMPLES = 5  # examples of each kind of change in the summary


@dataclass
class Selection:
    """Which stored articles to re-code."""

    since: date | None = None  # published on or after
    outlet: str | None = None  # the outlet (host) or source label
    below: str | None = None  # coded by a coder older than this version ("current": this one)
    everything: bool = False  # also articles the current coder has coded already


@dataclass
class ReprocessSummary:
    dry_run: bool = False
    coder: str = ""
    articles: int = 0
    changed: int = 0  # articles whose events changed
    unchanged: int = 0
    failed: int = 0
    events: dict[str, int] = field(default_factory=lambda: {"added": 0, "removed": 0, "changed": 0})
    examples: dict[str, list[str]] = field(default_factory=lambda: {"added": [], "removed": [], "changed": []})
    failures: list[str] = field(default_factory=list)
    alerts: int = 0  # alerts raised (by new or changed events)
    seconds: float = 0.0
    # Each touched event as it was before the run and as it is now (None: not there). An event two
    # articles change is one change; one added and removed again within the run is none.
    _states: dict[int, list[dict[str, Any] | None]] = field(default_factory=dict, repr=False)

    def add(self, result: RecodeResult) -> None:
        if result.outcome == "ids":  # not an article: events that kept their ids (recode.keep_ids)
            for change in result.changes:
                self._states[change.event_id][1] = change.after
            return
        self.articles += 1
        if result.outcome == "failed":
            self.failed += 1
            if len(self.failures) < EXAMPLES:
                self.failures.append(f"{result.article_id}: {result.error}")
            return
        if result.outcome == "unchanged":
            self.unchanged += 1
        else:
            self.changed += 1
        for change in result.changes:
            self._states.setdefault(change.event_id, [change.before, None])[1] = change.after

    def finish(self) -> None:
        """Classify the touched events by their first and last states."""
        for event_id, (before, after) in sorted(self._states.items()):
            if before is None and after is None:
                continue
            kind = "added" if before is None else "removed" if after is None else "changed"
            if kind == "changed" and all(before[f] == after[f] for f in COMPARED_EVENT_FIELDS):
                continue
            self.events[kind] += 1
            if len(self.examples[kind]) < EXAMPLES:
                self.examples[kind].append(describe(EventChange(kind, event_id, before, after)))
        self._states.clear()

    def lines(self) -> list[str]:
        would = "would be " if self.dry_run else ""
        head = (
            f"{self.articles} articles re-coded with {self.coder}{' (dry run: nothing written)' if self.dry_run else ''}: "
            f"{self.changed} changed, {self.unchanged} unchanged, {self.failed} failed; events {would}added "
            f"{self.events['added']}, removed {self.events['removed']}, changed {self.events['changed']}; "
            f"{self.alerts} alerts {'would be ' if self.dry_run else ''}raised; {self.seconds:.1f} s"
        )
        out = [head]
        for kind in ("added", "removed", "changed"):
            out += [f"  {kind}: {example}" for example in self.examples[kind]]
        out += [f"  failed: {failure}" for failure in self.failures]
        return out

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}


def _event_words(row: dict[str, Any]) -> str:
    return (f"{row['cameo']} {row['source_key'] or '-'}→{row['target_key'] or '-'} {row['status']} "
            f"{row['date'] or 'undated'}")


def describe(change: EventChange) -> str:
    """"event 7530…: 111 IRN→TUR occurred 2024-01-25"; a changed one names what changed."""
    if change.kind == "added":
        return f"event {change.event_id}: {_event_words(change.after)}"
    if change.kind == "removed":
        return f"event {change.event_id}: {_event_words(change.before)}"
    differing = [f"{name} {change.before[name]} → {change.after[name]}" for name in
                 ("cameo", "source_key", "target_key", "status", "date", "location_key", "num_mentions",
                  "num_sources")
                 if change.before[name] != change.after[name]]
    return f"event {change.event_id} ({_event_words(change.before)}): {', '.join(differing) or 'counts and details'}"


class Reprocessor(Ingester):
    """One `hadath reprocess` run over the store at `db`."""

    def __init__(self, db: str | None = None, *, workers: int = 1, dask: str | None = None,
                 progress: bool = False, dry_run: bool = False) -> None:
        super().__init__(db, workers=workers, dask=dask, progress=progress)
        self.writer = RecodeWriter(self.engine, self.url)
        # Selection reads on connections of their own that take no write lock (SQLite's writing engine
        # begins IMMEDIATE), while the writer's transaction is open.
        self.reader = make_engine(self.url)
        self.dry_run = dry_run
        self.coder = coder_version()
        self.alerts_raised = 0

    def reprocess(self, selection: Selection) -> ReprocessSummary:
        started = time.perf_counter()
        summary = ReprocessSummary(dry_run=self.dry_run, coder=self.coder)
        pending = self._selected(selection)
        try:
            if self.dry_run:
                with self.engine.connect() as conn:
                    transaction = conn.begin()
                    try:
                        self._lock(conn)
                        for batch in self._batches(pending):
                            for result in self._recode_batch(conn, batch):
                                summary.add(result)
                    finally:
                        transaction.rollback()
            else:
                for batch in self._batches(pending):
                    with self.engine.begin() as conn:
                        self._lock(conn)
                        results = self._recode_batch(conn, batch)
                    for result in results:
                        summary.add(result)
        except STORE_ERRORS as exc:
            raise database_error(exc, self.url, "cannot write to the store") from None
        summary.finish()
        summary.alerts = self.alerts_raised
        summary.seconds = time.perf_counter() - started
        return summary

    def _lock(self, conn: Connection) -> None:
        if is_sqlite(self.engine):
            for pragma in SQLITE_WRITER_PRAGMAS:
                conn.exec_driver_sql(f"PRAGMA {pragma}")
        else:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITER_LOCK})")

    def _recode_batch(self, conn: Connection, batch: list[Recoded]) -> list[RecodeResult]:
        """Each article in a savepoint of its own: one the store refuses fails alone, keeping its old events."""
        before = reports_of(conn, [item.article_id for item in batch])
        results = []
        for item in batch:
            try:
                with conn.begin_nested():
                    results.append(self.writer.recode(conn, item))
            except _ARTICLE_ERRORS as exc:
                if not is_article_fault(exc):
                    raise
                reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
                results.append(RecodeResult(item.article_id, "failed", f"the store refused it: {reason}"))
        found_again = keep_ids(conn, before, results)
        if found_again:
            results.append(RecodeResult("", "ids", changes=found_again))
        # New and changed events are checked against the alert rules, as every write is.
        self.alerts_raised += record_alerts(conn, {c.event_id for r in results for c in r.changes
                                                   if c.after is not None})
        return results

    def _batches(self, pending: Iterator[Pending]) -> Iterator[list[Recoded]]:
        batch: list[Recoded] = []
        bar = None
        if self.progress:
            from tqdm import tqdm

            bar = tqdm(file=sys.stderr, unit=" articles", desc="reprocess")
        try:
            for extracted in self._extracted(pending):
                batch.append(Recoded(extracted.raw_hash, extracted.article, extracted.coder_version or self.coder))
                if len(batch) >= PAGE:
                    yield batch
                    if bar is not None:
                        bar.update(len(batch))
                    batch = []
            if batch:
                yield batch
        finally:
            if bar is not None:
                bar.close()

    def _selected(self, selection: Selection) -> Iterator[Pending]:
        """The selected articles, a page at a time by id (raw_hash carries the stored id through the
        extractors). A page is read when the extractors ask for it, so memory stays flat."""
        clauses = [articles.c.status == "ok"]
        if selection.since is not None:
            clauses.append(articles.c.published >= selection.since)
        if selection.outlet:
            clauses.append(or_(articles.c.outlet == selection.outlet, articles.c.source == selection.outlet))
        with self.reader.connect() as conn:
            versions = conn.execute(select(articles.c.coder_version).distinct()).scalars().all()
        if selection.below is not None:
            wanted = self.coder if selection.below == "current" else selection.below
            older = [v for v in versions if v is not None and is_below(v, wanted)]
            clauses.append(or_(articles.c.coder_version.is_(None), articles.c.coder_version.in_(older)))
        elif not selection.everything:
            clauses.append(or_(articles.c.coder_version.is_(None), articles.c.coder_version != self.coder))
        last = ""
        while True:
            query = (
                select(articles.c.id, articles.c.text, articles.c.source, articles.c.url, articles.c.title,
                       articles.c.published, articles.c.published_from)
                .where(and_(*clauses, articles.c.id > last)).order_by(articles.c.id).limit(PAGE)
            )
            try:
                with self.reader.connect() as conn:
                    rows = conn.execute(query).all()
            except STORE_ERRORS as exc:
                raise database_error(exc, self.url, "cannot read the store") from None
            if not rows:
                return
            for row in rows:
                article = Article(text=row.text or "", source=row.source or "", url=row.url, title=row.title,
                                  published=row.published, published_from=row.published_from or "none")
                yield Pending(article, row.id, recode=True)
            last = rows[-1].id
