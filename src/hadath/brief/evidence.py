"""Where each event of a brief was reported: the articles of its mentions (outlet, publication date,
link), read from the store, one row per event and article, first published first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from hadath.store import Store, schema
from hadath.store.engine import STORE_ERRORS, database_error

BATCH = 500  # event ids per query (SQLite binds at most 32,766 parameters; keep statements small)


@dataclass(frozen=True)
class Report:
    """One article that reported an event."""

    url: str | None
    outlet: str | None  # the store's outlet: the URL's host, else the input's source
    published: str | None  # ISO date


def _iso(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def reports(store: Store, event_ids: Iterable[int]) -> dict[int, list[Report]]:
    """{event id: the articles that reported it}, each article once, by publication date then URL."""
    ids = sorted(set(event_ids))
    mentions, articles = schema.mentions, schema.articles
    found: dict[int, list[Report]] = {i: [] for i in ids}
    try:
        with store.engine.connect() as conn:
            for at in range(0, len(ids), BATCH):
                query = (
                    select(mentions.c.event_id, articles.c.url, articles.c.outlet, articles.c.published)
                    .join_from(mentions, articles, mentions.c.article_id == articles.c.id)
                    .where(mentions.c.event_id.in_(ids[at : at + BATCH]))
                    .distinct()
                )
                for event_id, url, outlet, published in conn.execute(query):
                    found[int(event_id)].append(Report(url, outlet, _iso(published)))
    except STORE_ERRORS as exc:
        raise database_error(exc, store.url, "cannot read the store") from None
    for rows in found.values():
        rows.sort(key=lambda r: (r.published or "", r.url or "", r.outlet or ""))
    return found
