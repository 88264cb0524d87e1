"""The watcher's state, in the store's tables (schema.watch_feeds, watch_pages, watch_errors;
migration 8), so that a restart, or a `kill -9`, goes on where the last run stopped.

Each write is its own short transaction. The order of writes makes a crash harmless: a page's state
is written after its article, and a feed's validators after every page it listed was handled, so a
crash re-fetches what was not finished, and writing that again finds it already stored.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from hadath.store.schema import watch_errors, watch_feeds, watch_pages
from hadath.watch.urls import url_key

ERROR_CHARS = 1000
ERROR_DAYS = 30  # watch_errors keeps this many days: --status reads today's, an operator the last weeks


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # stored naive, in UTC, as ingested_at is


@dataclass
class FeedState:
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class PageState:
    url: str
    status: str
    article_id: str | None
    entry_updated: str | None
    etag: str | None
    last_modified: str | None
    attempts: int


def _upsert(conn: Connection, table: Any, key: str, values: dict[str, Any]) -> None:
    if conn.execute(select(table.c.id).where(table.c.id == key)).first() is None:
        conn.execute(insert(table).values(id=key, **values))
    else:
        conn.execute(update(table).where(table.c.id == key).values(**values))


def feed_state(engine: Engine, url: str) -> FeedState:
    with engine.connect() as conn:
        row = conn.execute(
            select(watch_feeds.c.etag, watch_feeds.c.last_modified).where(watch_feeds.c.id == url_key(url))
        ).first()
    return FeedState(row.etag, row.last_modified) if row else FeedState()


def record_feed(engine: Engine, url: str, outlet: str, kind: str, *, ok: bool, etag: str | None = None,
                last_modified: str | None = None, error: str | None = None) -> None:
    """A poll's outcome. Validators are written only with a success (after its pages were handled)."""
    key = url_key(url)
    at = now()
    with engine.begin() as conn:
        row = conn.execute(
            select(watch_feeds.c.errors, watch_feeds.c.consecutive_errors).where(watch_feeds.c.id == key)
        ).first()
        errors, consecutive = (row.errors, row.consecutive_errors) if row else (0, 0)
        values: dict[str, Any] = {"url": url, "outlet": outlet, "kind": kind, "last_attempt": at}
        if ok:
            values.update(etag=etag, last_modified=last_modified, last_success=at, consecutive_errors=0,
                          errors=errors)
        else:
            values.update(last_error=(error or "")[:ERROR_CHARS], errors=errors + 1, consecutive_errors=consecutive + 1)
        _upsert(conn, watch_feeds, key, values)
        if not ok:
            _insert_error(conn, at, outlet, url, "feed", error)


def pages(engine: Engine, urls: list[str]) -> dict[str, PageState]:
    """The state of each of `urls` seen before, by URL."""
    out: dict[str, PageState] = {}
    keys = {url_key(u): u for u in urls}
    columns = (watch_pages.c.id, watch_pages.c.url, watch_pages.c.status, watch_pages.c.article_id,
               watch_pages.c.entry_updated, watch_pages.c.etag, watch_pages.c.last_modified, watch_pages.c.attempts)
    key_list = sorted(keys)
    with engine.connect() as conn:
        for start in range(0, len(key_list), 500):
            for row in conn.execute(select(*columns).where(watch_pages.c.id.in_(key_list[start : start + 500]))):
                out[keys[row.id]] = PageState(row.url, row.status, row.article_id, row.entry_updated, row.etag,
                                              row.last_modified, row.attempts)
    return out


def retry_candidates(engine: Engine, max_attempts: int, limit: int) -> list[tuple[str, str | None, str | None]]:
    """(url, outlet, feed URL) of pages whose last fetch failed in a way that may pass, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(watch_pages.c.url, watch_pages.c.outlet, watch_pages.c.feed_url)
            .where(watch_pages.c.status == "retry", watch_pages.c.attempts < max_attempts)
            .order_by(watch_pages.c.fetched_at, watch_pages.c.id)
            .limit(limit)
        ).all()
    return [(r.url, r.outlet, r.feed_url) for r in rows]


def record_page(engine: Engine, url: str, *, outlet: str | None, feed_url: str | None, status: str,
                entry_updated: str | None, article_id: str | None = None, etag: str | None = None,
                last_modified: str | None = None, raw: bytes | None = None, fetched_at: datetime | None = None,
                error: str | None = None, stored: bool = False) -> None:
    """A page's outcome: `stored`/`duplicate` (its article), `unchanged` (304 or the same text),
    `failed` (for good, until the feed says it changed), `retry` (may pass in a later round),
    `disallowed` (robots.txt)."""
    key = url_key(url)
    at = now()
    with engine.begin() as conn:
        row = conn.execute(select(watch_pages.c.attempts, watch_pages.c.feed_url, watch_pages.c.article_id)
                           .where(watch_pages.c.id == key)).first()
        values: dict[str, Any] = {"url": url, "outlet": outlet, "status": status, "entry_updated": entry_updated,
                                  "error": error[:ERROR_CHARS] if error else None}
        values["feed_url"] = row.feed_url if row and row.feed_url else feed_url
        if status in ("retry", "failed"):
            values["attempts"] = (row.attempts if row else 0) + 1
            if row is not None and row.article_id is not None:
                # The article of an earlier fetch stays, and so does the stamp it was fetched under, so
                # that a later round tries the changed page again (up to max_attempts).
                values["status"] = "stored"
                del values["entry_updated"]
        else:
            values["attempts"] = 0
        if article_id is not None:
            values["article_id"] = article_id
        if etag is not None or last_modified is not None or raw is not None:
            values.update(etag=etag, last_modified=last_modified)
        if raw is not None:
            values.update(raw=zlib.compress(raw, 6), fetched_at=(fetched_at or datetime.now(UTC)).replace(tzinfo=None))
        elif row is None:
            values["fetched_at"] = at
        if stored:
            values["stored_at"] = at
        _upsert(conn, watch_pages, key, values)
        if error is not None and status != "disallowed":
            _insert_error(conn, at, outlet, url, "page", error)


def prune_errors(engine: Engine, days: int = ERROR_DAYS) -> int:
    """Forget errors older than `days`, so the table stays bounded on a watcher that runs for years."""
    with engine.begin() as conn:
        return conn.execute(delete(watch_errors).where(watch_errors.c.at < now() - timedelta(days=days))).rowcount


def record_error(engine: Engine, outlet: str | None, url: str, kind: str, message: str) -> None:
    with engine.begin() as conn:
        _insert_error(conn, now(), outlet, url, kind, message)


def _insert_error(conn: Connection, at: datetime, outlet: str | None, url: str, kind: str, message: str | None) -> None:
    conn.execute(insert(watch_errors).values(at=at, outlet=outlet, url=url, kind=kind,
                                             message=(message or "")[:ERROR_CHARS]))


def pages_sharing_article(engine: Engine, article_id: str, url: str) -> int:
    """How many other watched pages hold the article `article_id` (the same text at another URL)."""
    with engine.connect() as conn:
        return conn.execute(
            select(func.count()).select_from(watch_pages)
            .where(watch_pages.c.article_id == article_id, watch_pages.c.id != url_key(url))
        ).scalar_one()
