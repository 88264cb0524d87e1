"""Ingest: read articles, extract them (in this process, in N processes, or on a Dask cluster), and
write them with one writer, in input order, so every way of running gives the same store.

Memory stays flat on any corpus: input is streamed, and at most a fixed number of batches is in
flight between the reader, the extractors and the writer. Inputs already in the store (the same input
text, by hash) are skipped before extraction, so re-running an interrupted ingest is cheap.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import re
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path

from sqlalchemy import Engine, insert, select

from hadath import bounded_json
from hadath.coder_version import coder_version
from hadath.errors import HadathError
from hadath.model import Article
from hadath.store import fulltext, neardup
from hadath.store.engine import STORE_ERRORS, check_integrity, database_error, make_engine, resolve_url
from hadath.store.migrations import migrate
from hadath.store.schema import articles, ingest_runs
from hadath.store.writer import Extracted, StoreWriter, WriteResult

log = logging.getLogger(__name__)

BATCH_SIZE = 16  # articles per task sent to a worker process or a Dask task
IN_FLIGHT_PER_WORKER = 8  # batches queued per worker: keeps workers busy while the writer writes, bounds memory
SKIP_CHECK_CHUNK = 256
FAILURES_SHOWN = 10
# Articles per write transaction at most (a transaction costs a few statements however many it holds,
# and its commit rewrites the index pages it touched: fewer, larger ones write less)...
WRITE_BATCH = 256
WRITE_BATCH_SECONDS = 5.0  # ...or fewer, once the first has waited this long (checked as articles arrive)
_NOT_UTF8 = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, read with surrogateescape


@dataclass
class Pending:
    """An article as read, before extraction."""

    article: Article
    raw_hash: str
    extracted: bool = False  # read from `hadath extract` output: extraction already done
    recode: bool = False  # a stored article's text, already cleaned (`hadath reprocess`): code it again


@dataclass
class Summary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    events_new: int = 0
    mentions: int = 0
    seconds: float = 0.0
    write_seconds: float = 0.0
    failures: list[str] = field(default_factory=list)  # "source: error", the first FAILURES_SHOWN

    def add(self, result: WriteResult) -> None:
        if result.outcome == "new":
            self.new += 1
        elif result.outcome == "duplicate":
            self.duplicate += 1
        else:
            self.failed += 1
        self.events_new += result.events_new
        self.mentions += result.mentions

    def line(self) -> str:
        share = f" ({100 * self.write_seconds / self.seconds:.0f}% writing)" if self.seconds else ""
        retry = " (hadath ingest --retry-failed tries them again)" if self.failed else ""
        return (
            f"{self.read} articles read: {self.new} new, {self.duplicate} duplicate, {self.failed} failed{retry}; "
            f"{self.events_new} new events, {self.mentions} mentions; {self.seconds:.1f} s{share}"
        )


def input_hash(article: Article) -> str:
    """Hash of an input as read (before cleaning) and where it came from: the same text under another
    URL is extracted again, so that the writer can record the copy and count its outlet."""
    where = article.url or article.source
    return hashlib.sha256(f"{where}\n{article.raw_text or article.text}".encode()).hexdigest()


def _is_extracted_jsonl(path: Path) -> bool:
    """True for a .jsonl file written by `hadath extract` (its objects have ids and events)."""
    from hadath.read import max_article_bytes

    if path.suffix != ".jsonl" or not path.is_file():
        return False
    try:
        with path.open("rb") as lines:
            while line := lines.readline(max_article_bytes()):
                if line.strip():
                    first = bounded_json.loads(line)
                    return isinstance(first, dict) and "id" in first and "events" in first
    except (OSError, ValueError):  # unreadable, not UTF-8, not JSON: read as input, which says why
        return False
    return False


def _extracted_article(line: str, where: str) -> Article:
    """An article of `hadath extract` output read back; a line that is not one is an error article."""
    from hadath.read import writable_text

    if _NOT_UTF8.search(line):
        return Article(text="", source=where, error="unreadable line: not UTF-8")
    try:
        article = Article.from_dict(bounded_json.loads(line))
        if not all(isinstance(v, str | None) for v in (article.text, article.source, article.url, article.title)):
            raise TypeError("text, source, url and title must be strings")
    except (TypeError, KeyError, ValueError, AttributeError) as exc:
        message = f"JSON {exc}" if isinstance(exc, bounded_json.TooDeep) else str(exc)
        return Article(text="", source=where, error=f"unreadable line: {message}")
    # Lengths kept (one U+FFFD per character replaced): the offsets of sentences and events stay valid.
    article.text, article.source = writable_text(article.text), writable_text(article.source)
    article.url = writable_text(article.url) if article.url is not None else None
    article.title = writable_text(article.title) if article.title is not None else None
    return article


def read_pending(paths: Iterable[str], published: date | None) -> Iterator[Pending]:
    """Articles from files, folders or stdin; `hadath extract` output is taken as already extracted."""
    from hadath.read import read_path  # the reader belongs to the extraction side

    for path in paths:
        if path != "-" and _is_extracted_jsonl(Path(path)):
            # Invalid bytes kept as surrogates: the line's hash is the same as for the bytes themselves.
            with Path(path).open(encoding="utf-8", errors="surrogateescape") as lines:
                for number, line in enumerate(lines, 1):
                    if not line.strip():
                        continue
                    article = _extracted_article(line, f"{path}:{number}")
                    if article.published is None and published is not None:
                        article.published, article.published_from = published, "option"
                    yield Pending(article, hashlib.sha256(line.encode("utf-8", "surrogateescape")).hexdigest(), True)
            continue
        for article in read_path(path, published=published):
            yield Pending(article, input_hash(article))


def extract(pending: Pending) -> Extracted:
    """Run the pipeline (unless already extracted) and sign the text for near-duplicate search.

    Runs in worker processes and Dask tasks: it touches no database.
    """
    from hadath import pipeline

    article = pending.article
    if pending.recode:
        return Extracted(pipeline.run(article, after_clean=True), pending.raw_hash, coder_version=coder_version())
    as_read = None
    version = None
    if not pending.extracted:
        # Taken before the stages run (they may change the article): what a retry starts from.
        as_read = {
            "source": article.source,
            "url": article.url,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "published_from": article.published_from,
            "text": article.raw_text or article.text,
        }
        article = pipeline.run(article)
        version = coder_version()
    if article.error is not None:
        return Extracted(article, pending.raw_hash, None, json.dumps(as_read, ensure_ascii=False) if as_read else None)
    article.raw_text = None  # not stored; no need to send it back to the writer
    return Extracted(
        article,
        pending.raw_hash,
        neardup.signature(article.text),
        search_text=fulltext.search_document(article.title, article.text),
        coder_version=version,
    )


def extract_batch(batch: list[Pending]) -> list[Extracted]:
    return [extract(p) for p in batch]


def _batches(items: Iterable[Pending], size: int) -> Iterator[list[Pending]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class Ingester:
    """One ingest run into the store at `db` (a path or URL; see engine.resolve_url)."""

    def __init__(self, db: str | None = None, *, workers: int = 1, dask: str | None = None, progress: bool = False):
        self.url = resolve_url(db)
        self.engine: Engine = make_engine(self.url, write=True)
        migrate(self.engine, self.url)
        check_integrity(self.engine, self.url)
        self.writer = StoreWriter(self.engine, self.url)
        self.workers = max(1, workers)
        self.dask = dask
        self.progress = progress

    def write(self, items: list[Extracted]) -> list[WriteResult]:
        """Write extracted articles in one transaction: the one write path of every ingest (files and
        folders here, `hadath watch` for fetched pages), so what happens on writing happens for both."""
        return self.writer.write_many(items)

    def ingest(self, paths: list[str], published: date | None = None) -> Summary:
        summary = Summary()
        pending = self._skip_stored(read_pending(paths, published), summary)
        self._run(pending, summary, inputs=" ".join(paths))
        if summary.read == 0:
            raise HadathError("no articles found in " + " ".join(paths))
        return summary

    def ingest_extracted(self, articles: Iterable[Article], inputs: str) -> Summary:
        """Store articles the pipeline has already run on (`hadath demo`'s chosen examples); each keeps
        the input hash it would have had if read from its file, so a later ingest of the file finds it."""
        summary = Summary()
        pending = self._skip_stored((Pending(a, input_hash(a), True) for a in articles), summary)
        self._run(pending, summary, inputs=inputs)
        return summary

    def retry_failed(self) -> Summary:
        """Extract and write again every failed article whose input was kept."""
        summary = Summary()
        self._run(self._failed_inputs(summary), summary, inputs="--retry-failed")
        return summary

    def _failed_inputs(self, summary: Summary) -> Iterator[Pending]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(articles.c.raw_hash, articles.c.input_json)
                .where(articles.c.status == "failed", articles.c.input_json.is_not(None))
                .order_by(articles.c.id)
            ).all()
        for raw_hash, input_json in rows:
            data = json.loads(input_json)
            published = date.fromisoformat(data["published"]) if data.get("published") else None
            summary.read += 1
            yield Pending(
                Article(
                    text=data["text"],
                    source=data.get("source") or "",
                    url=data.get("url"),
                    title=data.get("title"),
                    published=published,
                    published_from=data.get("published_from") or "none",
                ),
                raw_hash,
            )

    def _skip_stored(self, items: Iterator[Pending], summary: Summary) -> Iterator[Pending]:
        """Drop inputs whose hash is already in the store (checked a chunk at a time)."""
        while chunk := list(islice(items, SKIP_CHECK_CHUNK)):
            summary.read += len(chunk)
            try:
                with self.engine.connect() as conn:
                    known = dict(
                        conn.execute(
                            select(articles.c.raw_hash, articles.c.status).where(
                                articles.c.raw_hash.in_({p.raw_hash for p in chunk})
                            )
                        ).all()
                    )
            except STORE_ERRORS as exc:
                raise database_error(exc, self.url, "cannot read the store") from None
            for p in chunk:
                if p.raw_hash in known:
                    # Stored before; an input that failed stays failed until --retry-failed.
                    if known[p.raw_hash] == "failed":
                        summary.failed += 1
                    else:
                        summary.duplicate += 1
                else:
                    # Two copies of one input within this run: the second is skipped by the writer.
                    yield p

    def _run(self, items: Iterator[Pending], summary: Summary, *, inputs: str) -> None:
        started_at = datetime.now(UTC)
        started = time.perf_counter()
        bar = None
        if self.progress:
            from tqdm import tqdm

            # One tick per article extracted (not per batch written): a long run shows its pace at once.
            bar = tqdm(file=sys.stderr, unit=" articles", desc="ingest", dynamic_ncols=True, mininterval=0.2)
        events_found = 0
        buffer: list[Extracted] = []
        buffered_since = 0.0

        def flush() -> None:
            for extracted, result in zip(buffer, self.write(buffer), strict=True):
                summary.add(result)
                if result.outcome == "failed" and len(summary.failures) < FAILURES_SHOWN:
                    summary.failures.append(f"{extracted.article.source}: {extracted.article.error}")
            buffer.clear()

        try:
            for extracted in self._extracted(items):
                if not buffer:
                    buffered_since = time.perf_counter()
                buffer.append(extracted)
                if bar is not None:
                    events_found += len(extracted.article.events)
                    bar.set_postfix_str(f"{events_found} events", refresh=False)
                    bar.update(1)
                if len(buffer) >= WRITE_BATCH or time.perf_counter() - buffered_since >= WRITE_BATCH_SECONDS:
                    flush()
            if buffer:
                flush()
        finally:
            if bar is not None:
                bar.close()
        summary.seconds = time.perf_counter() - started
        summary.write_seconds = self.writer.seconds
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(ingest_runs).values(
                        started_at=started_at,
                        finished_at=datetime.now(UTC),
                        inputs=inputs[:2000],
                        **{k: v for k, v in asdict(summary).items() if k not in ("write_seconds", "failures")},
                    )
                )
        except STORE_ERRORS as exc:
            raise database_error(exc, self.url, "cannot write to the store") from None

    def _extracted(self, items: Iterator[Pending]) -> Iterator[Extracted]:
        if self.dask:
            yield from self._on_dask(items)
        elif self.workers > 1:
            yield from self._in_processes(items)
        else:
            for p in items:
                yield extract(p)

    def _in_processes(self, items: Iterator[Pending]) -> Iterator[Extracted]:
        slots = threading.Semaphore(self.workers * IN_FLIGHT_PER_WORKER)
        stopping = threading.Event()

        def throttled() -> Iterator[list[Pending]]:
            # Pool.imap reads its input eagerly in a thread; the semaphore holds it to a few batches.
            for batch in _batches(items, BATCH_SIZE):
                slots.acquire()
                if stopping.is_set():
                    return
                yield batch

        context = multiprocessing.get_context("forkserver")
        with context.Pool(self.workers) as pool:
            try:
                for results in pool.imap(extract_batch, throttled(), chunksize=1):
                    slots.release()
                    yield from results
            finally:
                # The writer failed or was interrupted: let the feeding thread finish so the pool can close.
                stopping.set()
                slots.release(self.workers * IN_FLIGHT_PER_WORKER)

    def _on_dask(self, items: Iterator[Pending]) -> Iterator[Extracted]:
        from dask.distributed import Client, LocalCluster, as_completed

        cluster = None
        try:
            if self.dask == "local":
                cluster = LocalCluster(
                    n_workers=self.workers if self.workers > 1 else 2,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                client = Client(cluster)
            else:
                try:
                    client = Client(self.dask, timeout=5)
                except (OSError, TimeoutError) as exc:
                    raise HadathError(f"cannot connect to the Dask scheduler at {self.dask}: {exc}") from None
            with client:
                limit = max(2, IN_FLIGHT_PER_WORKER * sum(client.nthreads().values()))
                batches = enumerate(_batches(items, BATCH_SIZE))
                running = as_completed()
                done: dict[int, list[Extracted]] = {}  # finished out of order, waiting for their turn
                next_index = 0
                exhausted = False

                def fill() -> None:
                    nonlocal exhausted
                    while not exhausted and running.count() + len(done) < limit:
                        item = next(batches, None)
                        if item is None:
                            exhausted = True
                            return
                        index, batch = item
                        future = client.submit(_indexed_batch, index, batch, pure=False)
                        running.add(future)

                fill()
                while running.count() or done:
                    if next_index not in done:
                        future = next(running)
                        index, results = future.result()
                        future.release()
                        done[index] = results
                    while next_index in done:
                        yield from done.pop(next_index)
                        next_index += 1
                    fill()
        finally:
            if cluster is not None:
                cluster.close()


def _indexed_batch(index: int, batch: list[Pending]) -> tuple[int, list[Extracted]]:
    return index, extract_batch(batch)
