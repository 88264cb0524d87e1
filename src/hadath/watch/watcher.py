"""Rounds of watching: poll every feed and sitemap, fetch the pages that are new or changed, and write
their articles through the store's one write path (hadath.store.ingest.Ingester.write, as `hadath
ingest` does), recording what was done in the watcher's state.

Fetching runs in threads (the network is the wait); extraction and writing run in this thread, one page
after another in the listings' order whatever order the fetches finish in, so a round writes the same
store however fast each host answers, and a round cut short by a crash and run again writes the rest in
the same order: the store of an uninterrupted run.

Once per page: pages are keyed by canonical URL (two feeds listing one page fetch it once); a page's
text already stored under another URL is recorded by the writer as a copy, not a second article; a page
whose text changed since it was stored has its old article retracted (hadath.store.retract) and the new
text written, so it is re-coded, not counted twice. A page is fetched again only when its listing's
update stamp changed (then with its ETag / Last-Modified), or when its last fetch failed in a way that may
pass (up to HADATH_WATCH_MAX_ATTEMPTS rounds).
"""

from __future__ import annotations

import logging
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import select

from hadath.errors import HadathError
from hadath.store.engine import STORE_ERRORS, database_error
from hadath.store.ingest import Ingester, Pending, extract, input_hash
from hadath.store.retract import retract_article
from hadath.store.schema import articles
from hadath.watch import state
from hadath.watch.feeds import Entry, ListingError, parse_listing
from hadath.watch.fetch import Fetched, PoliteFetcher, TooLarge, gunzip_limited
from hadath.watch.page import article_from_page
from hadath.watch.settings import WatchSettings
from hadath.watch.sources import FeedSource
from hadath.watch.urls import canonical_url

log = logging.getLogger(__name__)

CHILD_SITEMAPS = 5  # a sitemap index's first children read per round (news indexes list the newest first)
T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Candidate:
    """A page to consider this round."""

    url: str  # canonical
    fetch_url: str  # what is asked for: the canonical URL
    outlet: str | None
    feed_url: str | None
    entry: Entry | None
    prior: state.PageState | None = None


@dataclass
class RoundSummary:
    feeds: int = 0
    feeds_unchanged: int = 0  # 304
    feed_errors: int = 0
    listed: int = 0  # page URLs listed, after canonical dedup
    listed_twice: int = 0  # the same canonical URL listed again (another feed or the same)
    fetched: int = 0  # pages asked for
    stored: int = 0  # new articles
    copies: int = 0  # text already stored under another URL
    recoded: int = 0  # changed text: old article retracted, new one written
    unchanged: int = 0  # 304, or the same text again
    disallowed: int = 0  # robots.txt
    page_errors: int = 0
    events_new: int = 0
    requests: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.feeds} feeds ({self.feeds_unchanged} unchanged, {self.feed_errors} failed); "
            f"{self.listed} pages listed, {self.fetched} fetched: {self.stored} new, {self.recoded} re-coded, "
            f"{self.copies} copies, {self.unchanged} unchanged, {self.disallowed} disallowed by robots.txt, "
            f"{self.page_errors} failed; {self.events_new} new events; {self.requests} requests in {self.seconds:.1f} s"
        )


class Watcher:
    """Watches `sources` into the store at `db`."""

    def __init__(self, db: str | None, sources: list[FeedSource], settings: WatchSettings | None = None) -> None:
        self.settings = settings or WatchSettings.from_env()
        self.sources = sources
        self.ingester = Ingester(db)  # migrates the store and checks it before anything is fetched
        self.engine = self.ingester.engine
        self.url = self.ingester.url
        self.fetcher = PoliteFetcher(self.settings)
        self.pool = ThreadPoolExecutor(self.settings.workers, thread_name_prefix="watch-fetch")
        self.stopping = threading.Event()

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.fetcher.close()

    # -- a round ---------------------------------------------------------------------------------

    def run_round(self) -> RoundSummary:
        started = time.perf_counter()
        requests_before = self.fetcher.requests
        self.fetcher.new_round()
        summary = RoundSummary()
        try:
            state.prune_errors(self.engine)
            candidates, polled = self._listings(summary)
            todo = self._to_fetch(candidates, summary)
            for candidate, fetched in self._ordered(self._fetch_page, todo):
                if self.stopping.is_set():
                    break
                try:
                    self._handle(candidate, fetched, summary)
                except STORE_ERRORS:
                    raise
                except Exception as exc:  # a bug met on one page must not stop the others: logged, counted
                    log.debug("%s failed", candidate.url, exc_info=True)
                    message = f"could not be handled: {type(exc).__name__}: {exc}"[:300]
                    self._error(summary, candidate.outlet, candidate.url, message, page=True)
                    state.record_page(self.engine, candidate.url, outlet=candidate.outlet, feed_url=candidate.feed_url,
                                      entry_updated=None, status="failed", error=message)
            if not self.stopping.is_set():
                for source, fetched in polled:  # validators last: a crash before this polls the feed again
                    state.record_feed(self.engine, source.url, source.outlet, source.kind, ok=True,
                                      etag=fetched.etag, last_modified=fetched.last_modified)
        except STORE_ERRORS as exc:
            raise database_error(exc, self.url, "cannot use the store") from None
        summary.requests = self.fetcher.requests - requests_before
        summary.seconds = time.perf_counter() - started
        return summary

    def run_forever(self, on_round: Callable[[RoundSummary], None]) -> None:
        """Rounds every HADATH_WATCH_INTERVAL seconds (start to start) until `stopping` is set."""
        while not self.stopping.is_set():
            started = time.monotonic()
            on_round(self.run_round())
            self.stopping.wait(max(0.0, started + self.settings.interval - time.monotonic()))

    # -- listings --------------------------------------------------------------------------------

    def _listings(self, summary: RoundSummary) -> tuple[list[Candidate], list[tuple[FeedSource, Fetched]]]:
        """Every page the feeds and sitemaps list, canonical, each once, in file and listing order;
        and the polls that succeeded (their validators are recorded at the end of the round)."""
        candidates: dict[str, Candidate] = {}
        polled: list[tuple[FeedSource, Fetched]] = []
        for source, (fetched, entries, error) in self._ordered(self._poll, self.sources):
            summary.feeds += 1
            if error is not None:
                summary.feed_errors += 1
                self._error(summary, source.outlet, source.url, error)
                state.record_feed(self.engine, source.url, source.outlet, source.kind, ok=False, error=error)
                continue
            polled.append((source, fetched))
            if fetched.not_modified:
                summary.feeds_unchanged += 1
                continue
            for entry in entries[: self.settings.pages_per_feed]:
                try:
                    url = canonical_url(entry.url)
                except ValueError as exc:
                    self._error(summary, source.outlet, source.url, f"listed a bad URL: {exc}")
                    continue
                if url in candidates:
                    summary.listed_twice += 1
                    known = candidates[url]
                    if _newer(entry.updated, known.entry.updated if known.entry else None):
                        known.entry = entry  # the newest listing's time says whether it changed
                    continue
                # Fetched at its canonical URL: without the tracking parameters a feed adds for its
                # own analytics (the page is the same; a polite crawler does not report as a reader).
                candidates[url] = Candidate(url, url, source.outlet, source.url, entry)
        summary.listed = len(candidates)
        return list(candidates.values()), polled

    def _poll(self, source: FeedSource) -> tuple[Fetched, list[Entry], str | None]:
        """A feed or sitemap fetched (conditionally) and read; a sitemap index's first children too."""
        known = state.feed_state(self.engine, source.url)
        fetched = self.fetcher.get(source.url, etag=known.etag, last_modified=known.last_modified)
        if fetched.error is not None:
            return fetched, [], fetched.error
        if fetched.not_modified:
            # A 304 need not repeat the validators: the known ones stay.
            fetched.etag = fetched.etag or known.etag
            fetched.last_modified = fetched.last_modified or known.last_modified
            return fetched, [], None
        try:
            listing = parse_listing(self._unzipped(fetched.body or b""))
        except (ListingError, TooLarge) as exc:
            return fetched, [], str(exc)
        except Exception as exc:  # a parser's own failure on a strange document: this feed's error only
            log.debug("%s: parsing failed", source.url, exc_info=True)
            return fetched, [], f"could not be read: {type(exc).__name__}: {exc}"[:300]
        if listing.warning:
            log.warning("%s: %s", source.url, listing.warning)
        entries = list(listing.entries)
        for child in listing.sitemaps[:CHILD_SITEMAPS]:
            got = self.fetcher.get(child.url)
            if got.error is not None:
                return fetched, [], f"child sitemap {child.url}: {got.error}"
            try:
                entries += parse_listing(self._unzipped(got.body or b"")).entries
            except (ListingError, TooLarge) as exc:
                return fetched, [], f"child sitemap {child.url}: {exc}"
        return fetched, entries, None

    def _unzipped(self, body: bytes) -> bytes:
        if body[:2] == b"\x1f\x8b":  # a .xml.gz served as a file, not as a Content-Encoding
            try:
                return gunzip_limited(body, self.settings.max_page_bytes)
            except zlib.error as exc:
                raise ListingError(f"broken gzip: {exc}") from None
        return body

    # -- pages -----------------------------------------------------------------------------------

    def _to_fetch(self, candidates: list[Candidate], summary: RoundSummary) -> list[Candidate]:
        known = state.pages(self.engine, [c.url for c in candidates])
        todo = []
        for candidate in candidates:
            prior = candidate.prior = known.get(candidate.url)
            if prior is None:
                todo.append(candidate)
                continue
            if prior.attempts >= self.settings.max_attempts:
                continue  # failed too often; the next success elsewhere resets nothing here
            stamp = candidate.entry.updated if candidate.entry else None
            if prior.status == "retry" or _newer(stamp, prior.entry_updated):
                todo.append(candidate)
        listed = {c.url for c in candidates}
        for url, outlet, feed_url in state.retry_candidates(self.engine, self.settings.max_attempts, 1000):
            if url not in listed:  # failed earlier, no longer listed (or its feed said 304)
                prior = state.pages(self.engine, [url]).get(url)
                todo.append(Candidate(url, url, outlet, feed_url, None, prior))
        return todo

    def _fetch_page(self, candidate: Candidate) -> Fetched:
        prior = candidate.prior
        validated = prior is not None and prior.article_id is not None
        return self.fetcher.get(
            candidate.fetch_url,
            etag=prior.etag if validated else None,
            last_modified=prior.last_modified if validated else None,
        )

    def _handle(self, candidate: Candidate, fetched: Fetched, summary: RoundSummary) -> None:
        summary.fetched += 1
        prior = candidate.prior
        stamp = candidate.entry.updated if candidate.entry else None
        if prior is not None and not _newer(stamp, prior.entry_updated):
            stamp = prior.entry_updated  # never moved back by an older listing
        where = dict(outlet=candidate.outlet, feed_url=candidate.feed_url, entry_updated=stamp)
        if fetched.error is not None:
            if fetched.error.startswith("disallowed by robots.txt"):
                summary.disallowed += 1
                log.info("%s: %s", candidate.url, fetched.error)
                state.record_page(self.engine, candidate.url, status="disallowed", error=fetched.error, **where)
                return
            self._error(summary, candidate.outlet, candidate.url, fetched.error, page=True)
            state.record_page(self.engine, candidate.url, status="retry" if fetched.retryable else "failed",
                              error=fetched.error, **where)
            return
        if fetched.not_modified:
            summary.unchanged += 1
            state.record_page(self.engine, candidate.url, status=prior.status if prior else "unchanged", **where)
            return
        kept = dict(etag=fetched.etag, last_modified=fetched.last_modified, raw=fetched.body,
                    fetched_at=fetched.fetched_at)
        # The article is the page where it was found: its URL after redirects.
        page_url = canonical_url(fetched.final_url)
        article = article_from_page(fetched, page_url, candidate.entry)
        extracted = extract(Pending(article, input_hash(article)))
        if extracted.article.error is not None:
            self._error(summary, candidate.outlet, candidate.url, extracted.article.error, page=True)
            state.record_page(self.engine, candidate.url, status="failed", error=extracted.article.error,
                              **where, **kept)
            return
        new_id = extracted.article.id
        old_id = prior.article_id if prior else None
        if old_id == new_id:
            summary.unchanged += 1
            state.record_page(self.engine, candidate.url, status=prior.status, article_id=new_id, **where, **kept)
            return
        if old_id is not None:
            if state.pages_sharing_article(self.engine, old_id, candidate.url) == 0:
                with self.engine.begin() as conn:
                    retract_article(conn, old_id)
            summary.recoded += 1
        result = self.ingester.write([extracted])[0]
        if result.outcome == "failed":
            error = extracted.article.error or "the store refused it"
            self._error(summary, candidate.outlet, candidate.url, error, page=True)
            state.record_page(self.engine, candidate.url, status="failed", error=error, **where, **kept)
            return
        ours = result.outcome == "new" or self._stored_under(new_id, page_url)
        if result.outcome == "new":
            summary.events_new += result.events_new
            if old_id is None:
                summary.stored += 1
        elif not ours:
            summary.copies += 1
        state.record_page(self.engine, candidate.url, status="stored" if ours else "duplicate", article_id=new_id,
                          stored=True, **where, **kept)

    def _stored_under(self, article_id: str, url: str) -> bool:
        """True when the article was stored from this very URL (by this page before a crash)."""
        with self.engine.connect() as conn:
            return conn.execute(select(articles.c.url).where(articles.c.id == article_id)).scalar() == url

    def _error(self, summary: RoundSummary, outlet: str | None, url: str, message: str, *, page: bool = False) -> None:
        if page:
            summary.page_errors += 1
        log.warning("hadath watch: %s: %s: %s", outlet or "-", url, message)
        summary.errors.append(f"{url}: {message}")

    # -- ordered concurrency ---------------------------------------------------------------------

    def _ordered(self, work: Callable[[T], R], items: Iterable[T]) -> Iterator[tuple[T, R]]:
        """(item, work(item)) in the items' order, computed by the pool a bounded window ahead."""
        window: deque[tuple[T, Future[R]]] = deque()
        pending = iter(items)
        ahead = self.settings.workers * 4
        for item in pending:
            window.append((item, self.pool.submit(work, item)))
            if len(window) >= ahead:
                break
        while window:
            item, future = window.popleft()
            result = future.result()
            if not self.stopping.is_set():
                following = next(pending, None)
                if following is not None:
                    window.append((following, self.pool.submit(work, following)))
            yield item, result


def _newer(stamp: str | None, than: str | None) -> bool:
    """True when a listing's time `stamp` is later than `than` (ISO stamps compare as text)."""
    return stamp is not None and (than is None or stamp > than)


def check_sources(sources: list[FeedSource]) -> None:
    if not sources:
        raise HadathError("no feeds to watch: give a sources file with outlets, or --feed URL")
